"""Record/Stop button, live level meter and elapsed time over a core ``Recorder``.

Opening the input stream can take half a second, so ``Recorder.start`` runs
off the UI thread; the widget then polls ``status()`` at ~30 Hz (the
recorder never calls into Qt).  However a recording ends (Stop, maximum
length, a full disk, an unplugged microphone), what reached the disk is kept:
``recorded(path)`` names the file and ``failed(text)`` says what went wrong.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from studio.core.audio.recorder import UNFINISHED, Recorder, RecorderStatus

from ..audio_service import POLL_MS, AudioService
from ..texts import core_text
from ..worker import BackgroundCalls
from .level_meter import LevelMeter
from .transport import clock


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


class RecorderWidget(QWidget):
    recorded = Signal(str)  # a finished recording (also the part kept after an error)
    failed = Signal(str)  # translated: why it could not start, or why it ended early
    recording_changed = Signal(bool)

    def __init__(self, audio: AudioService, parent=None, max_seconds: float | None = None):
        super().__init__(parent)
        self.audio = audio
        self.max_seconds = max_seconds
        self.recorder: Recorder | None = None
        self.button = QPushButton(self.tr("Record"), self)
        self.button.setToolTip(self.tr("Record from the microphone chosen in the settings"))
        self.button.clicked.connect(self.toggle)
        metrics = self.button.fontMetrics()  # wide enough for both labels: no jumping layout
        self.button.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in (
            self.tr("Record"), self.tr("Stop recording"))) + 24)
        self.meter = LevelMeter(self)
        self.meter.setEnabled(False)
        self.time_label = QLabel(self)
        self.time_label.setMinimumWidth(self.time_label.fontMetrics().horizontalAdvance(
            "00:00 / 00:00") + 4)
        self._calls = BackgroundCalls("recorder", self)
        self._calls.failed.connect(self._on_start_failed)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._tick)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.meter, 1)
        row.addWidget(self.time_label)
        self._show_time(0.0)

    @property
    def is_recording(self) -> bool:
        return self.recorder is not None

    @Slot()
    def toggle(self) -> None:
        if self.recorder is None:
            self.start()
        else:
            self.stop()

    def start(self) -> None:
        if self.recorder is not None:
            return
        recorder = self.audio.new_recorder(max_seconds=self.max_seconds)
        if recorder is None:
            self.failed.emit(self.audio.problem())
            return
        self.recorder = recorder
        self.button.setText(self.tr("Stop recording"))
        self.meter.setEnabled(True)
        self.meter.reset()
        self._show_time(0.0)
        self._calls.call("start", recorder.start)
        self._timer.start()
        self.recording_changed.emit(True)

    def stop(self) -> None:
        """Ask the recorder to stop; the file is finished in its thread (done when polled)."""
        if self.recorder is not None:
            self.recorder.request_stop()
            self.button.setEnabled(False)  # until the file is complete

    def _show_time(self, elapsed: float) -> None:
        text = clock(elapsed)
        if self.max_seconds:
            text += f" / {clock(self.max_seconds)}"
        self.time_label.setText(text)

    @Slot()
    def _tick(self) -> None:
        recorder = self.recorder
        if recorder is None:
            self._timer.stop()
            return
        status = recorder.status()
        self.meter.set_level(status.level)
        self._show_time(status.elapsed_s)
        if recorder.done.is_set():
            self._end(recorder.status())

    @Slot(str, object)
    def _on_start_failed(self, _kind: str, message) -> None:
        if self.recorder is not None:
            self._end(None, core_text(message))

    def _end(self, status: RecorderStatus | None, error: str = "") -> None:
        self._timer.stop()
        self.recorder = None
        self.button.setText(self.tr("Record"))
        self.button.setEnabled(True)
        self.meter.reset()
        self.meter.setEnabled(False)
        kept = None
        if status is not None:
            if status.error:
                error = core_text(status.error)
            path = status.path
            if path is not None and status.elapsed_s <= 0:
                self._calls.call("remove", _remove, path)  # stopped before any sound came
            elif path is not None and not path.name.endswith(UNFINISHED):
                kept = path  # an unfinished name is repaired at the next start
        self.audio.recording_ended(
            kept, device_lost=status is not None and status.reason == "device_lost")
        self.recording_changed.emit(False)
        if kept is not None:  # first: opening the file clears older messages, not this one
            self.recorded.emit(str(kept))
        if error:
            self.failed.emit(error)

    def shutdown(self, timeout_s: float = 1.0) -> None:
        """At window close: finish the file if possible (recovery repairs it otherwise)."""
        recorder = self.recorder
        if recorder is not None:
            recorder.request_stop()
            recorder.done.wait(timeout_s)
        self._timer.stop()
        self._calls.shutdown()
