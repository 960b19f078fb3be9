"""Recording in the Transcription tab: a recording is transcribed when it is stopped (unless
"Transcribe after recording" is off), or while it is made in live mode, whose final
transcript becomes a done item of the queue, recorded in the history with the recording.
A recording cut short by an error (unplugged, disk full) is kept in the recordings list
and not transcribed by itself: the error stays in view."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QTimer, Slot

from studio.core.engines.transcription import TranscriptResult, join_text

from .live import LiveResult
from .queue import Item


class Recording:
    """Mixed into ``TranscriptionTab`` before ``TabBase``."""

    _recorded: str | None = None  # a recording that just ended, to transcribe

    @Slot(bool)
    def _on_recording(self, recording: bool) -> None:
        if recording and self.source.live.isChecked():
            self._live_recording = True
            self.show_item(None)
            self.info.setText(self.tr("Live: listening…"))
            self.live.start(self.source.recorder.recorder, self.request_for(""))
        elif not recording and self._live_recording:
            self.live.finish()

    @Slot(str)
    def _on_recorded(self, path: str) -> None:
        if not self._live_recording and self.source.after.isChecked():
            self._recorded = path  # transcribed unless the recording ended with an error
            QTimer.singleShot(0, self._transcribe_recorded)

    @Slot(str)
    def _on_record_failed(self, _text: str) -> None:
        # The part kept after a failure (unplugged, disk full) is in the recordings list; the
        # message stays in view instead of a transcription's.
        self._recorded = None

    @Slot()
    def _transcribe_recorded(self) -> None:
        path, self._recorded = self._recorded, None
        if path:
            self.add_files([path])

    @Slot(object)
    def _on_live_finished(self, r: LiveResult) -> None:
        self._live_recording = False
        if r.segments and r.request is not None:
            request = dataclasses.replace(r.request, audio=r.path, initial_prompt=self.live.prompt)
            options = {k: getattr(request, k) for k in ("task", "language", "beam_size",
                                                         "word_timestamps", "chinese")}
            result = TranscriptResult(
                tuple(r.segments), join_text(r.segments, r.language), r.language, None,
                r.duration_s, r.model, request.backend, r.seconds,
                round(r.seconds / r.duration_s, 4) if r.duration_s else 0.0,
                {**options, "live": True})
            item = Item(r.path, status="done", segments=list(r.segments), result=result,
                        resolved=request, live=True)
            self.queue.add(item)
            self.record_live(item, {"transcribe_s": r.seconds, "chunks": r.chunks})
            self.show_item(item)
        else:
            self.view.set_live([], "")
            self.info.clear()
            if r.chunks:
                self.show_info(self.tr("No speech was found in the recording."))
        self.start_next()

