"""The SQLite file under the history: opened safely, one connection per thread, short transactions.

- One connection per thread (sqlite3 connections are not shared), WAL so readers
  never wait for writers, a busy timeout and ``BEGIN IMMEDIATE`` so concurrent
  writers (the window, CLI runs, the engine host) queue instead of failing with
  "database is locked".  Every change is one short transaction: a full disk or a
  crash leaves the previous state.
- A damaged file is moved aside (``history.db.bad``, never over an earlier copy)
  and a fresh database started, with ``warning`` saying so.  A database from a
  newer version is opened read-only and left as it is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from ..jsonfile import set_aside
from ..messages import Message, msg
from . import schema

log = logging.getLogger(__name__)

_FULL, _BUSY, _LOCKED, _READONLY, _CORRUPT, _NOTADB = 13, 5, 6, 8, 11, 26


class HistoryError(Exception):
    """The history could not do what was asked; ``message`` is a ``Message`` for the user."""

    @property
    def message(self) -> str:
        return self.args[0] if self.args else ""


class _Damaged(sqlite3.DatabaseError):
    """The file opened but is not a sound database (quick_check's verdict)."""


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF  # the primary code of an extended one


def _damaged(exc: BaseException) -> bool:
    return isinstance(exc, _Damaged) or _code(exc) in (_CORRUPT, _NOTADB)


class Database:
    """``path`` opened (created, migrated, or set aside and started afresh if damaged).

    Raises ``HistoryError`` only when the file can be neither opened nor set aside (a
    folder in its place, no permission).
    """

    def __init__(self, path: Path, busy_timeout_s: float = 30.0) -> None:
        self.path = Path(path)
        self.warning: Message | None = None  # set when the file had to be set aside
        self.read_only = False  # a database from a newer version: shown, never changed
        self._timeout = busy_timeout_s
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False
        self._open()

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._prepare()
                return
            except sqlite3.DatabaseError as exc:
                if not _damaged(exc):
                    raise
                reason = str(exc) or type(exc).__name__
            self._drop_connections()
            kept = self._set_aside()
            if kept is None:
                raise HistoryError(msg("history.cannot_open",
                                       "The history {path} could not be opened: {reason}.",
                                       path=str(self.path), reason=reason))
            self.warning = msg("history.reset_kept",
                               "The history could not be read ({reason}); a new one was "
                               "started and the old file was kept as {kept}.",
                               reason=reason, kept=str(kept))
            log.warning("%s", self.warning)
            self._prepare()
        except (sqlite3.Error, OSError) as exc:
            self._drop_connections()
            raise HistoryError(msg("history.cannot_open",
                                   "The history {path} could not be opened: {reason}.",
                                   path=str(self.path), reason=str(exc))) from exc

    def _prepare(self) -> None:
        conn = self.conn()
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self._use_wal(conn)
        found = schema.version(conn)
        if found > schema.SCHEMA_VERSION:
            self._drop_connections()
            self.read_only = True
            self.warning = msg("history.newer",
                               "The history was written by a newer version of AIGC Studio "
                               "(schema {found}; this version knows {known}). It is shown "
                               "read-only and new results are not saved in it.",
                               found=found, known=schema.SCHEMA_VERSION)
            log.warning("%s", self.warning)
            conn = self.conn()
        else:
            schema.migrate(conn)
        verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if verdict != "ok":
            raise _Damaged(verdict)

    def _use_wal(self, conn: sqlite3.Connection) -> None:
        """Switch a new database to WAL (stored in the file: once is enough).

        The switch needs the file to itself and SQLite does not wait for that with the
        busy timeout, so a process opening it while another creates it retries here.
        """
        deadline = time.monotonic() + self._timeout
        while True:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if _code(exc) not in (_BUSY, _LOCKED) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _set_aside(self) -> Path | None:
        """Move the damaged file (and its WAL, which belongs to it) to ``history.db.bad``."""
        if not self.path.exists():
            return None
        kept = set_aside(self.path)
        if kept is None:
            return None
        for extra in ("-wal", "-journal"):  # kept beside the copy, whose pages they hold
            with contextlib.suppress(FileNotFoundError):
                if os.path.getsize(f"{self.path}{extra}") == 0:
                    os.unlink(f"{self.path}{extra}")
                else:
                    os.replace(f"{self.path}{extra}", f"{kept}{extra}")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{self.path}-shm")  # only an index of the WAL; rebuilt on demand
        return kept

    def conn(self) -> sqlite3.Connection:
        """This thread's connection (sqlite3 connections are not to be shared)."""
        local = self._local
        conn = getattr(local, "conn", None)
        if conn is not None and local.pid == os.getpid():
            return conn
        if self._closed:
            raise RuntimeError("the history database is closed")
        if self.read_only:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                   timeout=self._timeout, isolation_level=None,
                                   check_same_thread=False)
        else:
            conn = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL: safe from corruption, faster
        local.conn, local.pid = conn, os.getpid()  # a forked child must not reuse ours
        with self._lock:
            self._connections.append(conn)
        return conn

    def _drop_connections(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        self._local = threading.local()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            code = _code(exc)
            if code == _FULL:
                text = msg("history.disk_full", "The result was not saved in the history: the "
                           "disk is full. Earlier results are kept.")
            elif code in (_BUSY, _LOCKED):
                text = msg("history.busy", "The history is busy (another program is writing "
                           "to it); try again.")
            elif code == _READONLY:
                text = msg("history.read_only", "The history is read-only: new results are not "
                           "saved in it.")
            else:
                text = msg("history.failed", "The history could not be used: {reason}",
                           reason=str(exc))
            raise HistoryError(text) from exc

    @contextlib.contextmanager
    def transaction(self, write: bool) -> Iterator[sqlite3.Connection]:
        """One short transaction (IMMEDIATE for writes: waits for the lock up front)."""
        if write and self.read_only:
            raise HistoryError(msg("history.read_only", "The history is read-only: new results "
                                   "are not saved in it."))
        conn = self.conn()
        with self._errors():
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # SQLite may have rolled back already (a full disk)
                    conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Close every thread's connection; the database cannot be used afterwards."""
        self._closed = True
        self._drop_connections()
