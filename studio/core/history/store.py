"""``HistoryStore``: record, find, change and delete results (the file itself: ``db.py``)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..messages import Message
from . import names, query
from .db import Database
from .entry import STATUSES, Entry, clean, dump_request, plain, to_json

log = logging.getLogger(__name__)

_COLUMNS = ("r.id, r.task, r.created, r.status, r.model, r.title, r.text, r.prompt, r.request, "
            "r.request_type, r.timings, r.favourite")
_TITLE = 80


def _load(text: str, default: Any) -> Any:
    try:
        value = json.loads(text)
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def _title(title: str, prompt: str, text: str, files: list[str], task: str) -> str:
    for source in (title, prompt, text):
        line = next((ln.strip() for ln in source.splitlines() if ln.strip()), "")
        if line:
            return line if len(line) <= _TITLE else line[:_TITLE - 1] + "…"
    return os.path.basename(files[0]) if files else task


class HistoryStore:
    """Every finished result with its request, files and lineage (see the package docs).

    ``HistoryStore(path, outputs_dir)`` opens or creates the database; it raises
    ``HistoryError`` only when the file can be neither opened nor set aside (a
    folder in its place, no permission).  Methods raise ``HistoryError`` for
    failures the user should hear about (disk full, read-only history).  Any
    thread may call any method: each uses its own connection.
    """

    def __init__(self, path: Path, outputs_dir: Path, *, busy_timeout_s: float = 30.0) -> None:
        self._db = Database(path, busy_timeout_s)
        self.path = self._db.path
        self.outputs_dir = Path(outputs_dir)
        # a Message when the file was damaged and set aside, or is from a newer version
        self.warning: Message | None = self._db.warning

    @property
    def read_only(self) -> bool:
        """A database from a newer version: shown, never changed."""
        return self._db.read_only

    def close(self) -> None:
        """Close every thread's connection; the store cannot be used afterwards."""
        self._db.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- files --------------------------------------------------------------------------

    def _stored_path(self, path: str | os.PathLike) -> str:
        """Relative to the outputs folder when inside it (the data folder can move)."""
        full = os.path.abspath(path)
        base = os.path.abspath(self.outputs_dir)
        return os.path.relpath(full, base) if full.startswith(base + os.sep) else full

    def _full_path(self, stored: str) -> str:
        return os.path.join(os.path.abspath(self.outputs_dir), stored)  # absolute stays so

    def new_output_path(self, task: str, name_hint: str, suffix: str, *,
                        when: dt.datetime | None = None) -> Path:
        """A new, empty file ``outputs/YYYY-MM-DD/<readable name>[-N].<suffix>`` for a
        result to be written into (created now, so no other process gets the name)."""
        return names.reserve(self.outputs_dir, task, name_hint, suffix, when)

    # --- writing ------------------------------------------------------------------------

    def record(self, task: str, request: Any, *, prompt: str = "", text: str = "",
               files: Iterable[str | os.PathLike] = (), timings: dict | None = None,
               parents: Iterable[int] = (), status: str = "done", model: str = "",
               title: str = "", tags: Iterable[str] = (), created: float | None = None,
               made_from_files: Iterable[str | os.PathLike] = ()) -> int:
        """Add a result; returns its id.

        ``request`` is the request dataclass that reproduces the result (saved with its
        type name, see ``request_from_entry``) or a plain dict.  ``prompt`` and ``model``
        default to the request's own; ``title`` to the first line of the prompt.
        ``status`` is "done" or "stopped" (cancelled, partial output kept).  ``created``
        (epoch seconds, default now) is for imports: the list order is recording order.
        ``made_from_files`` are the input files (the audio transcribed, the init image): the
        results that made them in the outputs folder become parents too, so a transcript of
        a spoken take says "made from" that take without the caller knowing its id.
        """
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        request_json, request_type = dump_request(request)
        fields = json.loads(request_json)
        prompt = clean(prompt or (fields.get("prompt") if isinstance(fields.get("prompt"), str)
                                   else "") or "")
        model = clean(model or (fields.get("model") if isinstance(fields.get("model"), str)
                                 else "") or "")
        text = clean(text)
        stored = [self._stored_path(f) for f in files]
        row = (clean(task), time.time() if created is None else float(created), status, model,
               clean(_title(title, prompt, text, stored, task)), prompt, text,
               clean(request_json), request_type, to_json(plain(timings or {})))
        with self._db.transaction(write=True) as conn:
            rid = conn.execute(
                "INSERT INTO results (task, created, status, model, title, prompt, text, "
                "request, request_type, timings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row).lastrowid
            conn.executemany("INSERT INTO files VALUES (?, ?, ?)",
                             [(rid, i, clean(p)) for i, p in enumerate(stored)])
            # The maker is the first result that listed the file: later ones (an earlier
            # transcript of the same take) listed it as their input.
            makers = [row[0] for f in made_from_files
                      if not os.path.isabs(inside := self._stored_path(f))
                      for row in conn.execute("SELECT MIN(result_id) FROM files WHERE path = ? "
                                              "AND result_id != ?", (clean(inside), rid))
                      if row[0] is not None]
            conn.executemany("INSERT OR IGNORE INTO parents VALUES (?, ?)",
                             [(rid, int(p)) for p in (*parents, *makers)])
            conn.executemany("INSERT OR IGNORE INTO tags VALUES (?, ?)",
                             [(rid, t) for t in _tags(tags)])
        return rid

    def set_favourite(self, id: int, on: bool = True) -> bool:
        """Mark or unmark; False when there is no such result."""
        with self._db.transaction(write=True) as conn:
            return conn.execute("UPDATE results SET favourite = ? WHERE id = ?",
                                (int(bool(on)), id)).rowcount > 0

    def set_tags(self, id: int, tags: Iterable[str]) -> bool:
        """Replace the result's tags; False when there is no such result."""
        with self._db.transaction(write=True) as conn:
            if conn.execute("SELECT 1 FROM results WHERE id = ?", (id,)).fetchone() is None:
                return False
            conn.execute("DELETE FROM tags WHERE result_id = ?", (id,))
            conn.executemany("INSERT OR IGNORE INTO tags VALUES (?, ?)",
                             [(id, t) for t in _tags(tags)])
            return True

    def delete(self, id: int, *, delete_files: bool = False) -> list[Path]:
        """Remove a result (no-op if absent); with ``delete_files`` also its files that no
        other result uses.  Returns the files removed from the disk."""
        return self._remove("r.id = ?", [id], delete_files)[1]

    def clear(self, *, keep_favourites: bool = True, delete_files: bool = False) -> int:
        """Remove every result (but the favourites); returns how many went."""
        return self._remove("NOT r.favourite" if keep_favourites else "1", [], delete_files)[0]

    def _remove(self, where: str, params: list, delete_files: bool) -> tuple[int, list[Path]]:
        with self._db.transaction(write=True) as conn:
            ids = [row[0] for row in conn.execute(f"SELECT r.id FROM results r WHERE {where}",
                                                  params)]
            chosen = "(SELECT value FROM json_each(?))"
            arg = (json.dumps(ids),)
            paths = [row[0] for row in conn.execute(
                f"SELECT DISTINCT path FROM files WHERE result_id IN {chosen}", arg)]
            for table in ("files", "parents", "tags"):
                conn.execute(f"DELETE FROM {table} WHERE result_id IN {chosen}", arg)
            conn.execute(f"DELETE FROM results WHERE id IN {chosen}", arg)
            if delete_files:  # only what the app made (inside outputs), and nothing in use
                paths = [p for p in paths if not os.path.isabs(p) and conn.execute(
                    "SELECT 1 FROM files WHERE path = ? LIMIT 1", (p,)).fetchone() is None]
        gone: list[Path] = []
        for stored in paths if delete_files else ():
            path = Path(self._full_path(stored))
            try:
                path.unlink()
                gone.append(path)
            except FileNotFoundError:
                pass
            except OSError as exc:  # a folder in its place, no permission: left alone
                log.warning("could not delete %s: %s", path, exc)
        return len(ids), gone

    # --- reading ------------------------------------------------------------------------

    def get(self, id: int) -> Entry | None:
        with self._db.transaction(write=False) as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM results r WHERE r.id = ?",
                                (id,)).fetchall()
            found = self._entries(conn, rows)
        return found[0] if found else None

    def list(self, *, task: str | None = None, search: str | None = None,
             model: str | None = None, since=None, until=None, favourite: bool | None = None,
             status: str | None = None, tag: str | None = None, limit: int = 100,
             offset: int = 0) -> list[Entry]:
        """Results matching every filter given, newest first, one page at a time.

        ``search``: words (or ``"a phrase"``) that must all appear in the title, prompt
        or text, case-insensitively; any length, Chinese included.  ``since``/``until``:
        epoch seconds or datetimes (``until`` excluded).
        """
        clause, order, params = query.build(query.Filters(
            task, search, model, since, until, favourite, status, tag))
        with self._db.transaction(write=False) as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} {clause} ORDER BY {order} DESC "
                                "LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
            return self._entries(conn, rows)

    def count(self, *, task: str | None = None, search: str | None = None,
              model: str | None = None, since=None, until=None, favourite: bool | None = None,
              status: str | None = None, tag: str | None = None) -> int:
        """How many results ``list`` would find with the same filters (all pages)."""
        clause, _order, params = query.build(query.Filters(
            task, search, model, since, until, favourite, status, tag))
        with self._db.transaction(write=False) as conn:
            return conn.execute(f"SELECT count(*) {clause}", params).fetchone()[0]

    def children(self, id: int) -> list[Entry]:
        """The results made from this one, newest first (lineage the other way)."""
        with self._db.transaction(write=False) as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM results r WHERE r.id IN "
                                "(SELECT result_id FROM parents WHERE parent = ?) "
                                "ORDER BY r.id DESC", (id,)).fetchall()
            return self._entries(conn, rows)

    def _entries(self, conn: sqlite3.Connection, rows: list) -> list[Entry]:
        if not rows:
            return []
        ids = json.dumps([row[0] for row in rows])
        linked: dict[str, dict[int, list]] = {}
        for table, column, order in (("files", "path", "position"), ("parents", "parent", "parent"),
                                     ("tags", "tag", "tag")):
            found: dict[int, list] = {}
            for rid, value in conn.execute(
                    f"SELECT result_id, {column} FROM {table} WHERE result_id IN "
                    f"(SELECT value FROM json_each(?)) ORDER BY result_id, {order}", (ids,)):
                found.setdefault(rid, []).append(value)
            linked[table] = found
        return [Entry(
            id=rid, task=task, created=created, status=status, model=model, title=title,
            text=text, prompt=prompt, request=_load(request, {}), request_type=request_type,
            files=tuple(self._full_path(p) for p in linked["files"].get(rid, ())),
            made_files=tuple(self._full_path(p) for p in linked["files"].get(rid, ())
                             if not os.path.isabs(p)),
            timings=_load(timings, {}), parents=tuple(linked["parents"].get(rid, ())),
            favourite=bool(favourite), tags=tuple(linked["tags"].get(rid, ())),
        ) for (rid, task, created, status, model, title, text, prompt, request, request_type,
               timings, favourite) in rows]


def _tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, non-empty, each once, in the order given."""
    out: list[str] = []
    for tag in tags:
        tag = clean(tag).strip()
        if tag and tag not in out:
            out.append(tag)
    return out
