"""The one worker base: a long-lived QThread per tab running queued jobs.

``JobRunner`` lives in the GUI thread and is what tabs (and tests) talk to.
It owns a ``_Worker`` QObject moved to its own QThread.  Jobs are queued to the
worker through a queued signal (Qt's event queue is the job queue); the worker
iterates the job's event generator and re-emits every event; the runner
receives them in the GUI thread (it is a GUI-thread QObject, so the connection
is queued — NOTES pitfall 1) and re-emits them as typed signals.  Tests wait on
the runner's signals, never the worker's (pitfall 3).

A tab's engine jobs are ``EngineHost.run`` generators: the worker thread only
waits for events from the engine process, so it never runs model code and a
cancel always ends it promptly.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import weakref

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from studio.core.jobs import (
    AudioChunk,
    Cancelled,
    CancelToken,
    Failed,
    JobFn,
    Notice,
    Preview,
    Progress,
    Result,
    Segment,
    Token,
    UserError,
    drive,
    human_message,
)

log = logging.getLogger(__name__)

_runners: weakref.WeakSet[JobRunner] = weakref.WeakSet()


class _Started:
    """Marker the worker sends when it picks a job off the queue."""


class _Worker(QObject):
    event = Signal(int, object)

    @Slot(int, object, object)
    def run_job(self, job_id: int, fn: JobFn, token: CancelToken) -> None:
        if token.cancelled:  # cancelled while still queued
            self.event.emit(job_id, Cancelled())
            return
        self.event.emit(job_id, _Started())
        for ev in drive(fn, token):
            if isinstance(ev, Failed) and ev.detail:
                log.error("job %s failed: %s\n%s", job_id, ev.message, ev.detail)
            self.event.emit(job_id, ev)


class JobRunner(QObject):
    started = Signal(int)
    progress = Signal(int, object)
    notice = Signal(int, object)
    token = Signal(int, object)
    preview = Signal(int, object)
    segment = Signal(int, object)
    audio_chunk = Signal(int, object)
    result = Signal(int, object)
    failed = Signal(int, object)
    cancelled = Signal(int, object)
    finished = Signal(int)  # after result, failed or cancelled
    busy_changed = Signal(bool)

    _submit = Signal(int, object, object)
    _ids = itertools.count(1)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._tokens: dict[int, CancelToken] = {}
        # No parent: the window being deleted must never delete a running thread.
        self._thread = QThread()
        self._thread.setObjectName(f"worker-{name}")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run_job)
        self._worker.event.connect(self._on_event)
        self._thread.start()
        _runners.add(self)

    # -- API used by tabs ----------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._tokens)

    def submit(self, fn: JobFn) -> int:
        """Queue ``fn`` to run in the worker thread; returns the job id."""
        if not self._thread.isRunning():
            raise RuntimeError(f"worker {self.name} is shut down")
        job_id = next(self._ids)
        was_busy = self.busy
        self._tokens[job_id] = CancelToken()
        self._submit.emit(job_id, fn, self._tokens[job_id])
        if not was_busy:
            self.busy_changed.emit(True)
        return job_id

    def cancel(self, job_id: int | None = None) -> None:
        """Cancel one job, or every queued and running job."""
        ids = [job_id] if job_id is not None else list(self._tokens)
        for i in ids:
            token = self._tokens.get(i)
            if token is not None:
                token.cancel()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Cancel everything, stop the thread and wait for it; never terminate().

        Events the worker produced before stopping are delivered before this
        returns, so results are not lost when the window closes; jobs still
        queued (never started) end with Cancelled, so every submitted job ends
        with exactly one Result, Failed or Cancelled.
        """
        self.cancel()
        self._thread.quit()
        ok = self._thread.wait(timeout_ms)
        # Deliver what the worker emitted before it stopped (queued to us).
        QCoreApplication.sendPostedEvents(self)
        if not ok:
            log.warning("worker %s did not stop within %d ms", self.name, timeout_ms)
        for job_id in list(self._tokens):  # queued behind the last job: never run
            self._finish(job_id, self.cancelled, Cancelled())
        return ok

    # -- events from the worker thread (delivered in the GUI thread) ----------
    @Slot(int, object)
    def _on_event(self, job_id: int, ev: object) -> None:
        if job_id not in self._tokens:  # already ended (e.g. at shutdown): one ending only
            return
        match ev:
            case _Started():
                self.started.emit(job_id)
                return
            case Progress():
                self.progress.emit(job_id, ev)
            case Notice():
                self.notice.emit(job_id, ev)
            case Token():
                self.token.emit(job_id, ev)
            case Preview():
                self.preview.emit(job_id, ev)
            case Segment():
                self.segment.emit(job_id, ev)
            case AudioChunk():
                self.audio_chunk.emit(job_id, ev)
            case Result():
                self._finish(job_id, self.result, ev)
            case Failed():
                self._finish(job_id, self.failed, ev)
            case Cancelled():
                self._finish(job_id, self.cancelled, ev)

    def _finish(self, job_id: int, signal: Signal, ev: object) -> None:
        self._tokens.pop(job_id, None)
        signal.emit(job_id, ev)
        self.finished.emit(job_id)
        if not self._tokens:
            self.busy_changed.emit(False)


def live_runners() -> list[JobRunner]:
    """Runners whose thread still runs (the test fixture fails on leftovers)."""
    return [r for r in list(_runners) if r.is_running()]


_pending = 0  # background calls queued or running, in every BackgroundCalls
_pending_lock = threading.Lock()


def _count(delta: int) -> None:
    global _pending
    with _pending_lock:
        _pending += delta


def pending_calls() -> int:
    """How many background calls are still queued or running (a screenshot waits for 0)."""
    with _pending_lock:
        return _pending


class BackgroundCalls(QObject):
    """Light work off the UI thread (reading a dropped file, saving, metadata lookups).

    ``call(kind, fn, *args)`` runs ``fn(*args)`` in a background thread; ``done(kind,
    value)`` or ``failed(kind, message)`` arrive in the GUI thread.  Calls run one
    after another, in order.  The thread is a daemon Python thread, not a QThread: a
    call stuck in a slow disk or a subprocess (nvidia-smi) must never hold up closing
    the app, and a QThread still running when Qt tears down aborts the process.
    """

    done = Signal(str, object)
    failed = Signal(str, object)  # the message (a core Message when the error made one)
    _finished = Signal(str, bool, object)  # from the background thread, queued to us

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._calls: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._finished.connect(self._relay)

    def call(self, kind: str, fn, *args) -> None:
        if self._closed:
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name=f"calls-{self.name}",
                                            daemon=True)
            self._thread.start()
        _count(1)
        self._calls.put((kind, fn, args))

    def _serve(self) -> None:
        while True:
            kind, fn, args = self._calls.get()
            if kind is None:
                return
            try:
                ok, value = True, fn(*args)
            except Exception as exc:  # reported as a message, like a failed job
                if not isinstance(exc, UserError):
                    log.exception("background call %s", kind)
                ok, value = False, human_message(exc)
            finally:
                _count(-1)
            try:
                self._finished.emit(kind, ok, value)
            except RuntimeError:  # the window is gone; nobody is waiting any more
                return

    @Slot(str, bool, object)
    def _relay(self, kind: str, ok: bool, value: object) -> None:
        if not self._closed:
            (self.done if ok else self.failed).emit(kind, value)

    def shutdown(self, timeout_ms: int = 0) -> bool:
        """Stop taking calls; a call still running is left to end on its own (never waited)."""
        self._closed = True
        self._calls.put((None, None, ()))
        return True
