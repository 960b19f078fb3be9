"""Running the queue: one file after another through the tab's engine job (TabBase hooks).

Only one file is submitted at a time (TabBase shows one job, and ignores the events of
a superseded one), so the next starts when the previous ends; waiting files can be
cancelled at any time, the running one stops within a segment and keeps what it
transcribed (recorded as a stopped result).  While live mode records, the queue waits:
live chunks must not queue behind a long file in the engine.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Slot

from studio.core.engines.transcription import TranscribeRequest
from studio.core.jobs import Cancelled, Failed, Progress, Result, Segment
from studio.ui.texts import core_text

from .queue import ACTIVE, Item


class QueueRuns:
    """Mixed into ``TranscriptionTab`` before ``TabBase``."""

    running: Item | None = None
    queue_failed = False  # the file that just ended failed: its message stays

    def request_for(self, path: str) -> TranscribeRequest:
        s = self.settings
        endpoint, model = s.target_for("transcription")  # endpoint: a server's name, or ""
        return TranscribeRequest(audio=path, model=model, endpoint=endpoint,
                                 device=s.device, dtype=s.dtype,
                                 **self.options.request_fields(s.language))

    def add_files(self, paths: list[str], request=None, parents: tuple = ()) -> list[Item]:
        """Queue ``paths`` (audio or video files) for transcription; returns the new items."""
        items = []
        for path in paths:
            if not self.source.accepts(path):
                self.show_error(self.tr("%1 is not an audio or video file this tab can "
                                        "open.").replace("%1", os.path.basename(path)))
                continue
            item = Item(str(path), request=request, parents=parents)
            self.queue.add(item)
            items.append(item)
        if items:
            self.follow = True  # show each file as it starts, until the user picks one
            self.start_next()
        return items

    def start_next(self) -> None:
        if (self._closing or self.running is not None or self.live.active or self.runner.busy
                or not self.runner.is_running()):
            return
        item = self.queue.next_waiting()
        if item is None:
            return
        request = item.request or self.request_for(item.path)
        item.status, item.fraction, item.segments = "running", None, []
        item.result = item.resolved = item.ref = None
        item.edited = False
        self.running = item
        self.queue.update_item(item)
        if self.follow or self.shown is None:
            self.show_item(item)
        self.view.set_editable(self.shown is not item)
        error = self.message.text() if self.queue_failed and self.message.level == "error" else ""
        self.queue_failed = False
        self.submit(request, parents=item.parents)
        if error:  # the failure of the file before stays in view while the next one runs
            self.show_error(error)

    @Slot()
    def stop(self) -> None:
        """Stop: the running file keeps what it made; the waiting ones are cancelled."""
        for item in self.queue.items:
            if item.status == "waiting":
                self.queue.set_ended(item, "cancelled")
        super().stop()

    def cancel_item(self, item: Item) -> None:
        if item is self.running:
            super().stop()  # the others go on
        elif item.status == "waiting":
            self.queue.set_ended(item, "cancelled")

    @Slot(int, object)
    def _on_item_progress(self, job: int, ev: Progress) -> None:
        if job == self.job and self.running is not None and ev.fraction is not None:
            self.running.fraction = ev.fraction
            self.queue.update_item(self.running)

    # -- TabBase hooks ----------------------------------------------------------------------
    def on_output(self, ev: Segment) -> None:
        item = self.running
        if item is not None and isinstance(ev, Segment):
            item.segments.append(ev)
            if self.shown is item:
                self.view.append_segment(ev)

    def _ended(self, status: str, message: str = "") -> None:
        item, self.running = self.running, None
        self.queue_failed = status == "failed"
        if item is not None:
            item.ref = self.job_ref
            self.queue.set_ended(item, status, message)
            if self.shown is item:
                if item.result is not None:
                    self.info.setText(self.describe(item))
                if self.view.segments != item.segments:
                    self.view.set_segments(item.segments)
                self.view.set_editable(True)
            self.sync_buttons()
        self.start_next()

    def on_result(self, ev: Result) -> None:
        item = self.running
        if item is not None:
            item.result, item.resolved = ev.value, ev.request
            item.segments = list(ev.value.segments)
        self._ended("done")

    def on_cancelled(self, ev: Cancelled) -> None:
        item = self.running
        partial = ev.partial
        if item is not None and partial is not None and partial.segments:
            item.result, item.resolved = partial, self.job_request
            item.segments = list(partial.segments)
            self._ended("stopped")
        else:
            self._ended("cancelled")

    def on_failed(self, ev: Failed) -> None:
        self._ended("failed", core_text(ev.message))

    def queue_busy(self) -> bool:
        return any(i.status in ACTIVE for i in self.queue.items)
