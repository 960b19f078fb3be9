"""The window's history: a ``HistoryStore`` on a thread of its own, answering through signals.

The store is opened and used only in the service's thread (SQLite connections are
per thread), so the UI thread never waits on the disk: opening takes ~25 ms (an
integrity check), a query 1-13 ms.  Calls run one after another in the order they
were made, so a query made after a record sees it, and a record may name an earlier
record still in the queue as a parent (``Pending``).  Answers come back in the GUI
thread as ``answered(token, value)`` / ``failed(token, message)`` with the token
the call returned; a caller drops the tokens it no longer waits for (stale queries).

The thread is a daemon Python thread, not a QThread (as ``BackgroundCalls``): a disk
that hangs must not abort the process at exit.  ``shutdown`` lets queued records
finish (a result that arrived while closing is still saved), closes the store and
waits for the thread.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from studio.core.history import Entry, HistoryError, HistoryStore
from studio.core.jobs import human_message
from studio.ui.texts import core_text

log = logging.getLogger(__name__)
_services: weakref.WeakSet[HistoryService] = weakref.WeakSet()


@dataclass(frozen=True)
class Pending:
    """A result whose record is queued: usable as a parent before its id is known."""

    ticket: int


@dataclass(frozen=True)
class Row:
    entry: Entry
    missing: tuple[str, ...]  # files not on disk (checked in the service's thread)


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    offset: int
    total: int | None  # counted for the first page only


@dataclass(frozen=True)
class Detail:
    row: Row
    parents: list[Entry]  # those still in the history
    children: list[Entry]


def _row(entry: Entry) -> Row:
    return Row(entry, entry.missing_files())


class HistoryService(QObject):
    opened = Signal(bool)  # the store is ready; True when read-only
    warning = Signal(str)  # a damaged file was set aside, or a newer version's file
    error = Signal(str)  # something the user should hear about (history unusable, disk full)
    changed = Signal()  # after a write made in this window
    recorded = Signal(int, int)  # (ticket, id)
    answered = Signal(int, object)  # (token, Page | Detail | list[str] | bool | ...)
    failed = Signal(int, str)  # (token, the message in the UI language)
    _finished = Signal(int, str, object)  # from the thread; queued to the GUI thread

    def __init__(self, path: Path, outputs: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.outputs = Path(path), Path(outputs)
        self.read_only = False
        self.available: bool | None = None  # None until opened
        self._tokens = itertools.count(1)
        self._calls: queue.SimpleQueue = queue.SimpleQueue()
        self._ids: dict[int, int] = {}  # ticket -> id; written and read in the thread only
        self._resolved: dict[int, int] = {}  # the same, as the GUI thread has heard it
        self._closed = False
        self._finished.connect(self._relay)
        self._thread = threading.Thread(target=self._serve, name="history", daemon=True)
        self._thread.start()
        _services.add(self)

    # -- calls (GUI thread) -----------------------------------------------------------------
    def _call(self, kind: str, fn: Callable, *args: Any) -> int:
        token = next(self._tokens)
        if not self._closed:
            self._calls.put((token, kind, fn, args))
        return token

    def query(self, filters: dict[str, Any], offset: int = 0, limit: int = 50) -> int:
        """A page of ``HistoryStore.list(**filters)``; answered with a ``Page``."""
        def run(store: HistoryStore) -> Page:
            rows = [_row(e) for e in store.list(**filters, limit=limit, offset=offset)]
            return Page(rows, offset, store.count(**filters) if offset == 0 else None)
        return self._call("answer", run)

    def detail(self, rid: int) -> int:
        """One result with its lineage; answered with a ``Detail`` (or None if gone)."""
        def run(store: HistoryStore) -> Detail | None:
            entry = store.get(rid)
            if entry is None:
                return None
            parents = [p for p in map(store.get, entry.parents) if p is not None]
            return Detail(_row(entry), parents, store.children(rid))
        return self._call("answer", run)

    def models(self, task: str | None = None) -> int:
        """The models that made results (the model filter's choices); answered with a list."""
        def run(store: HistoryStore) -> list[str]:
            seen: list[str] = []  # the models of the newest results: the ones worth filtering by
            for entry in store.list(task=task, limit=1000):
                if entry.model and entry.model not in seen:
                    seen.append(entry.model)
            return seen
        return self._call("answer", run)

    def record(self, task: str, request: Any, *, parents: Iterable[int | Pending] = (),
               **fields: Any) -> Pending:
        """Add a result (``HistoryStore.record``'s arguments); ``recorded`` gives its id."""
        ticket = next(self._tokens)
        parents = tuple(parents)

        def run(store: HistoryStore) -> int:
            ids = [self._ids.get(p.ticket) if isinstance(p, Pending) else p for p in parents]
            rid = store.record(task, request, parents=[i for i in ids if i is not None],
                               **fields)
            self._ids[ticket] = rid
            return rid
        if not self._closed and not self.read_only:
            self._calls.put((ticket, "recorded", run, ()))
        return Pending(ticket)

    def resolve(self, ref: int | Pending | None) -> int | None:
        """The id of ``ref``: None while its record is queued (or if it failed)."""
        return self._resolved.get(ref.ticket) if isinstance(ref, Pending) else ref

    def set_favourite(self, rid: int, on: bool) -> int:
        return self._call("changed", lambda store: store.set_favourite(rid, on))

    def delete(self, rid: int, delete_files: bool = False) -> int:
        """Remove a result (and its files no other result uses); answered with the files gone."""
        return self._call("changed", lambda store: store.delete(rid, delete_files=delete_files))

    # -- the thread --------------------------------------------------------------------------
    def _serve(self) -> None:
        try:
            store: HistoryStore | None = HistoryStore(self.path, self.outputs)
        except Exception as exc:  # HistoryError: the file can be neither used nor set aside
            log.warning("history unavailable: %s", exc)
            store = None
            self._emit(0, "unavailable", _message(exc))
        else:
            self._emit(0, "opened", (store.warning, store.read_only))
        while True:
            token, kind, fn, args = self._calls.get()
            if fn is None:
                break
            if store is None:
                self._emit(token, "failed", "")  # said once already, by ``error``
                continue
            try:
                value = fn(store, *args)
            except Exception as exc:
                if not isinstance(exc, HistoryError):
                    log.exception("history call failed")
                self._emit(token, "record failed" if kind == "recorded" else "failed",
                           _message(exc))
            else:
                self._emit(token, kind, value)
        if store is not None:
            store.close()

    def _emit(self, token: int, kind: str, value: object) -> None:
        try:
            self._finished.emit(token, kind, value)
        except RuntimeError:  # the window is gone; nobody is waiting any more
            pass

    # -- answers (GUI thread) ------------------------------------------------------------------
    @Slot(int, str, object)
    def _relay(self, token: int, kind: str, value: object) -> None:
        if kind == "opened":
            warning, self.read_only = value
            self.available = True
            if warning:
                self.warning.emit(core_text(warning))
            self.opened.emit(self.read_only)
        elif kind == "unavailable":
            self.available = False
            self.error.emit(core_text(value))
        elif kind == "recorded":
            self._resolved[token] = value
            self.recorded.emit(token, value)
            self.changed.emit()
        elif kind == "changed":
            self.answered.emit(token, value)
            self.changed.emit()
        elif kind == "record failed":  # the result is on screen, not in the history: say so
            if not self.read_only:  # the warning about a newer version's file said it already
                self.error.emit(self.tr("This result was not saved in the history: %1")
                                .replace("%1", core_text(value)))
        elif kind == "failed":
            self.failed.emit(token, core_text(value) if value else
                             self.tr("The history is not available."))
        else:
            self.answered.emit(token, value)

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Finish the calls already queued (records), close the store, stop the thread."""
        if not self._closed:
            self._closed = True
            self._calls.put((0, "", None, ()))
        self._thread.join(timeout_ms / 1000)
        if self._thread.is_alive():
            log.warning("the history thread did not stop within %d ms", timeout_ms)
            return False
        return True


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, HistoryError) else human_message(exc)


def live_services() -> list[HistoryService]:
    """Services whose thread still runs (tests fail on leftovers)."""
    return [s for s in list(_services) if s.is_running()]
