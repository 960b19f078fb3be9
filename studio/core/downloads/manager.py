"""DownloadManager: a queue of downloads run on background threads, Qt-free.

The Models dialog (and the status bar) submit references, poll ``statuses()``
(cheap, thread-safe snapshots) or get ``on_change`` calls, and cancel or resume.
``on_change`` runs on the download's worker thread, at most about ten times a
second per download plus once per state change: a Qt caller must hop to the GUI
thread (a signal of a GUI-thread QObject) before touching widgets.

States: queued -> preparing (asking the hub, checking the disk) -> downloading
-> done | failed | cancelled.  Cancelled and failed downloads keep the files
fetched so far; ``resume(id)`` queues them again and they go on where they
stopped (so does a new ``submit`` of the same reference after a restart).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from .. import catalog, credentials, hub
from ..hub import HubConfig
from ..jobs import human_message
from ..messages import Message
from .errors import DownloadCancelled, kind_of
from .job import Progress, run

log = logging.getLogger(__name__)
QUEUED, PREPARING, DOWNLOADING = "queued", "preparing", "downloading"
DONE, FAILED, CANCELLED = "done", "failed", "cancelled"
FINISHED = (DONE, FAILED, CANCELLED)
NOTIFY_EVERY_S = 0.1


@dataclass(frozen=True)
class DownloadStatus:
    id: int
    ref: str  # what was submitted (catalogue id, repo id or URL)
    name: str  # what to show (the catalogue name, else the reference)
    state: str  # queued | preparing | downloading | done | failed | cancelled
    done_bytes: int = 0
    total_bytes: int = 0  # 0 until the hub said how large the files are
    speed: float = 0.0  # bytes per second
    eta_s: float | None = None
    file: str = ""  # the file being fetched
    files_done: int = 0
    files_total: int = 0
    note: Message | None = None  # a passing remark ("Retrying in 3 s: …")
    error: Message | None = None  # why it failed (translatable)
    error_kind: str = ""  # offline | network | auth | missing | server | disk | unsafe | ...
    path: str = ""  # the model folder or file, once done
    cancelling: bool = False  # cancel was asked; the worker stops at its next chunk

    @property
    def fraction(self) -> float | None:
        return self.done_bytes / self.total_bytes if self.total_bytes else None

    @property
    def finished(self) -> bool:
        return self.state in FINISHED


class _Job:
    def __init__(self, job_id: int, ref: str, notify: Callable[[_Job, bool], None]) -> None:
        self.id = job_id
        self.ref = ref
        entry = catalog.find(ref)
        self.name = entry.name if entry else ref
        self.cancel = threading.Event()
        self.progress = Progress(on_change=lambda: notify(self, False))
        self.error: Message | None = None
        self.error_kind = ""
        self.path = ""
        self.finished = threading.Event()
        self.last_notified = 0.0
        self.last_state = ""

    def status(self) -> DownloadStatus:
        p = self.progress
        with p.lock:
            return DownloadStatus(
                self.id, self.ref, self.name, p.state, p.done, p.total,
                p.speed if p.state == DOWNLOADING else 0.0,
                p.eta_s if p.state == DOWNLOADING else None, p.file, p.files_done,
                p.files_total, p.note, self.error, self.error_kind, self.path,
                self.cancel.is_set() and p.state not in FINISHED)


class DownloadManager:
    def __init__(self, config: Callable[[], HubConfig] = hub.current,
                 token: Callable[[], str | None] = credentials.load_token,
                 max_parallel: int = 1,
                 on_change: Callable[[DownloadStatus], None] | None = None) -> None:
        self._config = config
        self._token = token
        self._on_change = on_change
        self._lock = threading.Lock()
        self._jobs: dict[int, _Job] = {}
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._next_id = 1
        self._closed = False
        self._workers = [threading.Thread(target=self._work, name=f"download-{i}", daemon=True)
                         for i in range(max(1, max_parallel))]
        for worker in self._workers:
            worker.start()

    # -- asking -----------------------------------------------------------------------------
    def submit(self, ref: str) -> int:
        """Queue a download of ``ref``; the id of the one already queued or running for it."""
        ref = ref.strip()
        with self._lock:
            if self._closed:
                raise RuntimeError("the download manager is shut down")
            for job in self._jobs.values():
                if job.ref == ref and job.progress.state not in FINISHED:
                    return job.id
            job = _Job(self._next_id, ref, self._notify)
            self._next_id += 1
            self._jobs[job.id] = job
        self._queue.put(job)
        self._notify(job, True)
        return job.id

    def cancel(self, job_id: int) -> None:
        """Stop a download (queued ones at once); files fetched so far are kept for a resume."""
        job = self._jobs.get(job_id)
        if job is None or job.progress.state in FINISHED:
            return
        job.cancel.set()
        self._notify(job, True)

    def cancel_all(self) -> None:
        for job_id in list(self._jobs):
            self.cancel(job_id)

    def resume(self, job_id: int) -> int:
        """Queue a cancelled or failed download again (same id); it goes on where it stopped."""
        with self._lock:
            job = self._jobs[job_id]
            if job.progress.state not in (FAILED, CANCELLED):
                return job_id
            job.cancel = threading.Event()
            job.finished = threading.Event()
            job.error, job.error_kind = None, ""
            job.progress.set(state=QUEUED, note=None, speed=0.0)
        self._queue.put(job)
        self._notify(job, True)
        return job_id

    def forget(self, job_id: int) -> None:
        """Drop a finished download from ``statuses()``."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None and job.progress.state in FINISHED:
                del self._jobs[job_id]

    # -- looking ----------------------------------------------------------------------------
    def status(self, job_id: int) -> DownloadStatus:
        return self._jobs[job_id].status()

    def statuses(self) -> list[DownloadStatus]:
        """Every download not forgotten, in the order they were submitted."""
        with self._lock:
            jobs = list(self._jobs.values())
        return [job.status() for job in jobs]

    def active(self) -> list[DownloadStatus]:
        return [s for s in self.statuses() if not s.finished]

    def wait(self, job_id: int, timeout: float | None = None) -> DownloadStatus:
        """Block until the download ends (or ``timeout``); its status then."""
        job = self._jobs[job_id]
        job.finished.wait(timeout)
        return job.status()

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel everything and stop the workers; True when they all ended in time.

        Nothing half-downloaded ever looks complete (see hubcache), so closing the
        app mid-download is safe; the next download of the same model resumes.
        """
        with self._lock:
            self._closed = True
        self.cancel_all()
        for _ in self._workers:
            self._queue.put(None)
        deadline = time.monotonic() + timeout
        for worker in self._workers:
            worker.join(max(0.0, deadline - time.monotonic()))
        return not any(w.is_alive() for w in self._workers)

    # -- working ----------------------------------------------------------------------------
    def _notify(self, job: _Job, force: bool) -> None:
        if self._on_change is None:
            return
        now = time.monotonic()
        status = job.status()
        if (not force and status.state == job.last_state
                and now - job.last_notified < NOTIFY_EVERY_S):
            return
        job.last_notified, job.last_state = now, status.state
        try:
            self._on_change(status)
        except Exception:  # a listener's bug must not kill the download
            log.exception("download listener failed")

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if job.cancel.is_set():
                self._end(job, CANCELLED)
                continue
            self._run(job)

    def _run(self, job: _Job) -> None:
        try:
            local = run(job.ref, self._config(), self._token(), job.progress,
                        job.cancel.is_set)
        except DownloadCancelled:
            self._end(job, CANCELLED)
        except KeyboardInterrupt:
            self._end(job, CANCELLED)
            raise
        except Exception as exc:
            job.error = human_message(exc)
            job.error_kind = kind_of(exc)
            log.warning("download of %s failed: %s", job.ref, job.error)
            self._end(job, FAILED)
        else:
            job.path = str(local.main_path)
            self._end(job, DONE)

    def _end(self, job: _Job, state: str) -> None:
        job.progress.set(state=state, note=None, speed=0.0)
        job.finished.set()
        self._notify(job, True)
