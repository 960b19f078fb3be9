"""The history database's schema as a list of migrations (``PRAGMA user_version``).

``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``; a fresh one
runs them all, in order, in one transaction.  Never edit a released step: add a
new one (old databases out there were made by the old steps).  Each step is a
tuple of single statements because ``executescript`` would commit the
surrounding transaction half way.
"""

from __future__ import annotations

import sqlite3

# 1: results, their files and their lineage.  AUTOINCREMENT so a deleted row's id is never
# given again: children keep pointing at "text 40" and must not find a stranger there.
V1 = (
    """CREATE TABLE results (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        task TEXT NOT NULL,
        created REAL NOT NULL,
        status TEXT NOT NULL DEFAULT 'done',
        model TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        prompt TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        request TEXT NOT NULL DEFAULT '{}',
        request_type TEXT NOT NULL DEFAULT '',
        timings TEXT NOT NULL DEFAULT '{}',
        favourite INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX results_task ON results(task)",
    "CREATE INDEX results_model ON results(model)",
    "CREATE INDEX results_created ON results(created)",
    "CREATE INDEX results_favourite ON results(favourite) WHERE favourite",
    # files in the order the job made them; a path relative to the outputs folder when inside it
    """CREATE TABLE files (
        result_id INTEGER NOT NULL, position INTEGER NOT NULL, path TEXT NOT NULL,
        PRIMARY KEY (result_id, position)) WITHOUT ROWID""",
    "CREATE INDEX files_path ON files(path)",
    # no foreign key on parent: a child keeps its lineage after the parent is deleted
    """CREATE TABLE parents (
        result_id INTEGER NOT NULL, parent INTEGER NOT NULL,
        PRIMARY KEY (result_id, parent)) WITHOUT ROWID""",
    "CREATE INDEX parents_parent ON parents(parent)",
)

# 2: full-text search.  Trigrams find any substring of 3+ characters, which suits Chinese
# (no spaces between words) as well as English; shorter queries use LIKE (see query.py).
V2 = (
    """CREATE VIRTUAL TABLE results_fts USING fts5(title, prompt, text,
        content='results', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER results_fts_insert AFTER INSERT ON results BEGIN
        INSERT INTO results_fts(rowid, title, prompt, text)
        VALUES (new.id, new.title, new.prompt, new.text); END""",
    """CREATE TRIGGER results_fts_delete AFTER DELETE ON results BEGIN
        INSERT INTO results_fts(results_fts, rowid, title, prompt, text)
        VALUES ('delete', old.id, old.title, old.prompt, old.text); END""",
    """CREATE TRIGGER results_fts_update AFTER UPDATE OF title, prompt, text ON results BEGIN
        INSERT INTO results_fts(results_fts, rowid, title, prompt, text)
        VALUES ('delete', old.id, old.title, old.prompt, old.text);
        INSERT INTO results_fts(rowid, title, prompt, text)
        VALUES (new.id, new.title, new.prompt, new.text); END""",
    "INSERT INTO results_fts(results_fts) VALUES ('rebuild')",  # rows a version-1 db holds
)

# 3: tags
V3 = (
    """CREATE TABLE tags (
        result_id INTEGER NOT NULL, tag TEXT NOT NULL,
        PRIMARY KEY (result_id, tag)) WITHOUT ROWID""",
    "CREATE INDEX tags_tag ON tags(tag)",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (V1, V2, V3)
SCHEMA_VERSION = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn``'s database up to ``SCHEMA_VERSION``; returns the version found.

    Runs in one IMMEDIATE transaction, so two processes opening a new database at
    once cannot both create it, and a failure leaves the old version intact.  A
    database from a newer version is left untouched (the caller opens it read-only).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = version(conn)
        for step in MIGRATIONS[found:]:
            for statement in step:
                conn.execute(statement)
        if found < SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back already (a full disk)
            conn.execute("ROLLBACK")
        raise
    return found
