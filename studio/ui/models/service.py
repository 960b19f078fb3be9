"""The window's downloads: a DownloadManager whose news arrives in the GUI thread.

The manager runs downloads on its own threads and calls ``on_change`` there; the
relay (a GUI-thread QObject) re-emits each snapshot through a queued signal, so
the dialog, the status bar and tests only ever see ``changed`` in the GUI thread
(NOTES pitfalls 1 and 3).  The hub settings are read when each download starts
(``hub.current()``, which the window keeps up to date), the token from the
credentials store on the download's thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from studio.core import catalog, credentials, hub
from studio.core.downloads import DONE, DownloadManager, DownloadStatus

log = logging.getLogger(__name__)


class _Relay(QObject):
    status = Signal(object)

    def __call__(self, status: DownloadStatus) -> None:  # on a download thread
        try:
            self.status.emit(status)
        except RuntimeError:  # the window is gone
            pass


class ModelService(QObject):
    """Submit, cancel and resume downloads; ``changed`` carries every snapshot."""

    changed = Signal(object)  # DownloadStatus, in the GUI thread
    finished = Signal(object)  # DownloadStatus of a download that ended (done/failed/cancelled)
    model_ready = Signal(str)  # the reference of a download that completed

    def __init__(self, parent: QObject | None = None, config=hub.current,
                 token=credentials.load_token, max_parallel: int = 1) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.status.connect(self._on_status)
        self.manager = DownloadManager(config=config, token=token, max_parallel=max_parallel,
                                       on_change=self._relay)
        self._latest: dict[int, DownloadStatus] = {}
        self.added: dict[str, list[str]] = {}  # task -> refs downloaded by id or URL
        self._closed = False

    # -- asking -------------------------------------------------------------------------------
    def download(self, ref: str, task: str = "") -> int:
        """Queue ``ref``; a repo id or URL is remembered as one of ``task``'s models."""
        ref = ref.strip()
        if task and catalog.find(ref) is None and ref not in self.added.get(task, []):
            self.added.setdefault(task, []).append(ref)
        return self.manager.submit(ref)

    def cancel(self, job_id: int) -> None:
        self.manager.cancel(job_id)

    def resume(self, job_id: int) -> int:
        return self.manager.resume(job_id)

    # -- looking ------------------------------------------------------------------------------
    def latest(self, ref: str) -> DownloadStatus | None:
        """The newest download of ``ref`` this session (None if never)."""
        found = [s for s in self._latest.values() if s.ref == ref]
        return max(found, key=lambda s: s.id) if found else None

    def statuses(self) -> list[DownloadStatus]:
        return sorted(self._latest.values(), key=lambda s: s.id)

    def active(self) -> list[DownloadStatus]:
        return [s for s in self.statuses() if not s.finished]

    @Slot(object)
    def _on_status(self, status: DownloadStatus) -> None:
        if self._closed:
            return
        before = self._latest.get(status.id)
        # Snapshots may arrive out of order from two threads: never go back from an ending.
        if before is not None and before.finished and not status.finished \
                and status.state != "queued":
            return
        self._latest[status.id] = status
        self.changed.emit(status)
        if status.finished and (before is None or not before.finished):
            self.finished.emit(status)
            if status.state == DONE:
                self.model_ready.emit(status.ref)

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel every download (files so far stay, marked unfinished) and stop the threads."""
        self._closed = True
        ok = self.manager.shutdown(timeout)
        if not ok:
            log.warning("a download thread did not stop within %.1f s", timeout)
        return ok
