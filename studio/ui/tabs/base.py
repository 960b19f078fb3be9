"""The job lifecycle every tab shares.

A tab builds a request and calls ``submit``; the job runs in the engine host and
its events come back through the tab's ``JobRunner``.  This base owns what is
the same for every tab:

- events of a superseded job are ignored;
- Run/Stop buttons follow the busy state; the progress bar (with an ETA) shows
  only while a job runs;
- **the previous result stays until the new job produces output**:
  ``begin_output()`` is called on the first Token/Preview/Segment/AudioChunk,
  and only then may a tab replace what it shows; a cancel or failure before
  that leaves the old result untouched, so there is nothing to restore;
- Stop cancels cooperatively; a job that has not ended a few seconds later gets
  a **Force stop** offer, which restarts the engine host;
- failures, notices and stops are shown in the tab's message bar, translated;
- **results are recorded in the history** (when the window gave the tab its
  ``HistoryService``): a finished job as "done", a stopped one that made something
  as "stopped".  ``history_record(ev)`` says what to record; ``submit(request,
  parents)`` names the results a job is made from (``result_ref`` is the tab's
  latest recorded result, usable as a parent at once); ``load_request`` and
  ``rerun`` bring a recorded request back (the History panel's Use settings and
  Re-run).

Subclasses implement the hooks at the bottom.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from studio.core.drafts import DraftStore
from studio.core.host.client import EngineHost
from studio.core.jobs import (
    AudioChunk,
    Cancelled,
    Failed,
    Notice,
    Preview,
    Progress,
    Result,
    Segment,
    Token,
)
from studio.core.settings import Settings
from studio.ui.history_service import HistoryService, Pending
from studio.ui.texts import core_text, format_duration
from studio.ui.widgets.message_bar import MessageBar
from studio.ui.worker import JobRunner

FORCE_STOP = "force-stop"
PROGRESS_MS = 50  # progress is shown at most this often (a repaint of the bar each time)
log = logging.getLogger(__name__)


class TabBase(QWidget):
    task = ""  # "writing", "painting", ... (also the draft and settings key)
    file_suffixes: tuple[str, ...] = ()  # files this tab opens (dropped or from the command line)
    uses_audio = False  # True: built with the window's AudioService (``audio=``)
    loads_requests = False  # True: load_request and rerun work (History: Use settings, Re-run)

    def __init__(self, settings: Settings, drafts: DraftStore, host: EngineHost,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.drafts = drafts
        self.host = host
        self.runner = JobRunner(self.task, self)
        self.job: int | None = None  # the job whose events this tab shows
        self.job_has_output = False
        self.job_request: Any = None  # the request of the job this tab shows
        self._job_parents: tuple[int | Pending, ...] = ()
        self.history: HistoryService | None = None  # set by the window; None: nothing recorded
        self.result_ref: int | Pending | None = None  # the latest recorded result: a parent
        self.job_ref: int | Pending | None = None  # the current job's record, once made
        self._eta_origin: tuple[float, float] | None = None  # (time, fraction) of first progress
        self.message = MessageBar(self)
        self.message.action_triggered.connect(self._on_message_action)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()  # an empty bar beside Stop looks like a text box
        self.run_button = QPushButton(self)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self._force_timer = QTimer(self)
        self._force_timer.setSingleShot(True)
        self._force_timer.timeout.connect(self._offer_force_stop)
        # QProgressBar.setValue repaints at once: a burst of progress events (a transcript's
        # segments arrive together) is shown at most every PROGRESS_MS, the latest one last.
        self._progress_due: tuple[float | None, str] | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_MS)
        self._progress_timer.timeout.connect(self._show_due_progress)
        r = self.runner
        r.busy_changed.connect(self._on_busy)
        r.progress.connect(self._on_progress)
        r.notice.connect(self._on_notice)
        for signal in (r.token, r.preview, r.segment, r.audio_chunk):
            signal.connect(self._on_output)
        r.result.connect(self._on_result)
        r.cancelled.connect(self._on_cancelled)
        r.failed.connect(self._on_failed)

    def button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.stop_button)
        row.addWidget(self.progress, 1)
        return row

    # -- running jobs --------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.runner.busy

    def attach_history(self, history: HistoryService) -> None:
        """Record this tab's results in ``history`` from now on."""
        self.history = history

    @property
    def result_id(self) -> int | None:
        """The history id of the latest recorded result, once the history has answered."""
        return self.history.resolve(self.result_ref) if self.history is not None else None

    def submit(self, request: Any, parents: tuple[int | Pending | None, ...] = ()) -> int:
        """Run ``request`` on this tab's engine; its events arrive through the hooks.
        ``parents``: the results it is made from (its history lineage)."""
        self.message.clear_message()
        self.job_has_output = False
        self.job_request = request
        self.job_ref = None
        self._job_parents = tuple(p for p in parents if p is not None)
        self._eta_origin = None
        self.job = self.runner.submit(
            lambda cancel, r=request: self.host.run(self.task, r, cancel))
        return self.job

    @Slot()
    def stop(self) -> None:
        if not self.runner.busy:
            return
        self.runner.cancel()
        if not self._force_timer.isActive():
            self._force_timer.start(round(self.settings.force_stop_after_s * 1000))

    def force_stop(self) -> None:
        """Restart the engine host: the stuck job ends, every loaded model is dropped."""
        self.message.clear_message()
        self.host.force_restart()

    def _offer_force_stop(self) -> None:
        if self.runner.busy:
            self.message.show_message(
                self.tr("The job has not stopped yet: the engine is busy inside a library "
                        "call. Force stop restarts the engine; loaded models are unloaded, your "
                        "work is kept."), "warning", [(FORCE_STOP, self.tr("Force stop"))])

    @Slot(str)
    def _on_message_action(self, action: str) -> None:
        if action == FORCE_STOP:
            self.force_stop()

    def show_error(self, text: str) -> None:
        self.message.show_message(text, "error")

    def show_info(self, text: str) -> None:
        self.message.show_message(text, "info")

    def set_progress(self, fraction: float | None, text: str = "") -> None:
        """Show progress while busy: a fraction in [0, 1] (None: unknown) and what is going on.

        At once, unless progress was shown less than PROGRESS_MS ago: then when that time is
        up (the latest value wins)."""
        if self._progress_timer.isActive():
            self._progress_due = (fraction, text)
            return
        self._progress_timer.start()
        self._show_progress(fraction, text)

    @Slot()
    def _show_due_progress(self) -> None:
        due, self._progress_due = self._progress_due, None
        if due is not None:
            self._progress_timer.start()
            self._show_progress(*due)

    def _show_progress(self, fraction: float | None, text: str) -> None:
        if fraction is None:
            self.progress.setRange(0, 0)  # a busy indicator
            self.progress.setFormat(text)
            return
        fraction = min(max(fraction, 0.0), 1.0)
        self.progress.setRange(0, 1000)
        self.progress.setValue(round(fraction * 1000))
        now = time.monotonic()
        parts = [text] if text else []
        parts.append(f"{fraction:.0%}")
        if self._eta_origin is None or fraction < self._eta_origin[1]:
            self._eta_origin = (now, fraction)
        t0, f0 = self._eta_origin
        if now - t0 >= 1.0 and fraction > f0:
            left = (1.0 - fraction) * (now - t0) / (fraction - f0)
            parts.append(self.tr("about %1 left").replace("%1", format_duration(left)))
        self.progress.setFormat("  ·  ".join(parts))

    # -- events (GUI thread) -----------------------------------------------------------------
    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self._progress_timer.stop()  # what was still due belongs to the job before
        self._progress_due = None
        self.progress.setRange(0, 0)
        self.progress.setFormat("")
        if not busy:
            self._force_timer.stop()
            if FORCE_STOP in self.message.actions():
                self.message.clear_message()

    @Slot(int, object)
    def _on_progress(self, job: int, ev: Progress) -> None:
        if job == self.job:
            self.set_progress(ev.fraction, core_text(ev.message))

    @Slot(int, object)
    def _on_notice(self, job: int, ev: Notice) -> None:
        if job == self.job:
            self.message.show_message(core_text(ev.message), "warning")

    @Slot(int, object)
    def _on_output(self, job: int, ev: Token | Preview | Segment | AudioChunk) -> None:
        if job != self.job or (isinstance(ev, Token) and not ev.text):
            return  # a superseded job, or nothing that could replace the old result
        if not self.job_has_output:
            self.job_has_output = True
            self.begin_output()
        self.on_output(ev)

    @Slot(int, object)
    def _on_result(self, job: int, ev: Result) -> None:
        if job == self.job:
            self._record(ev, "done")  # first: the hook may read the job's state on_result ends
            self.on_result(ev)

    @Slot(int, object)
    def _on_cancelled(self, job: int, ev: Cancelled) -> None:
        if job != self.job:
            return
        if ev.message:
            self.message.show_message(core_text(ev.message), "warning")
        elif self.job_has_output:
            self.show_info(self.tr("Stopped; what was made so far is kept."))
        else:
            self.show_info(self.tr("Stopped before anything was made; the previous result is "
                                   "kept."))
        if self.job_has_output:  # users keep partial texts: they are history too
            self._record(ev, "stopped")
        self.on_cancelled(ev)

    @Slot(int, object)
    def _on_failed(self, job: int, ev: Failed) -> None:
        if job != self.job:
            return
        self.show_error(core_text(ev.message))
        self.on_failed(ev)

    # -- history -------------------------------------------------------------------------------
    def _record(self, ev: Result | Cancelled, status: str) -> None:
        if self.history is None:
            return
        try:
            fields = self.history_record(ev)
        except Exception:  # a bug in a hook must not lose the result on screen
            log.exception("could not describe the %s result for the history", self.task)
            return
        if not fields:
            return
        fields = {"parents": self._job_parents, **fields, "status": status}
        self.job_ref = self.result_ref = self.history.record(
            fields.pop("task", self.task), fields.pop("request"), **fields)

    # -- hooks -------------------------------------------------------------------------------
    def begin_output(self) -> None:
        """The current job produced its first output: replace the previous result now."""

    def on_output(self, ev: Token | Preview | Segment | AudioChunk) -> None:
        """A piece of output of the current job."""

    def on_result(self, ev: Result) -> None:
        """The current job finished."""

    def on_cancelled(self, ev: Cancelled) -> None:
        """The current job was stopped (``self.job_has_output`` says if it made anything)."""

    def on_failed(self, ev: Failed) -> None:
        """The current job failed (the message is already shown)."""

    def history_record(self, ev: Result | Cancelled) -> dict[str, Any] | None:
        """What to record for the current job's result (``ev`` is a Result, or a Cancelled
        whose job made output), before ``on_result``/``on_cancelled`` run; None: nothing.

        Keys: ``request`` (required: the request that reproduces it, ``Result.request``),
        and any of ``HistoryStore.record``'s ``prompt, text, files, timings, model,
        title, tags, parents`` (default: those given to ``submit``) and ``task``.
        """
        return None

    def load_request(self, request: Any) -> None:
        """Use settings: fill the tab's controls from a recorded request (see loads_requests)."""

    def rerun(self, request: Any, parents: tuple[int, ...] = ()) -> None:
        """Run a recorded request again exactly as it was, made from ``parents``."""
        self.load_request(request)
        self.submit(request, parents)

    def accepts(self, path: str) -> bool:
        return path.lower().endswith(self.file_suffixes)

    def open_file(self, path: str) -> None:
        """Open a file the user dropped on the window or passed on the command line."""

    def on_model_ready(self, ref: str) -> None:
        """A model finished downloading: a tab that showed it as missing looks again."""

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings

    def draft(self) -> dict[str, Any]:
        """What to keep across restarts (prompt, outputs...)."""
        return {}

    def restore_draft(self, data: dict[str, Any]) -> None:
        """Inverse of draft(); must tolerate missing or odd values."""

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        return self.runner.shutdown(timeout_ms)
