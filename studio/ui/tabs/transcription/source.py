"""The audio a transcription works on: drop, open or record files; see and hear them.

Dropped or opened files (several at once form a queue) are announced with
``files_chosen``; ``open_file`` shows one in the waveform with its transport bar
(played through the window's shared player).  Beside Record: **Live** (transcribe
while recording) and **Transcribe after recording**.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.ui.audio_service import AudioService
from studio.ui.widgets.audio_preview import AudioPreview
from studio.ui.widgets.drop_zone import DropZone
from studio.ui.widgets.recorder_widget import RecorderWidget

AUDIO_SUFFIXES = (".wav", ".flac", ".mp3", ".ogg", ".m4a", ".opus", ".aac", ".aif", ".aiff",
                  ".wma", ".webm", ".mp4", ".mkv", ".mov", ".m4v", ".avi")


class AudioSource(QWidget):
    opened = Signal(str)  # this file is now shown in the waveform
    files_chosen = Signal(list)  # dropped or opened: transcribe them
    failed = Signal(str)  # translated

    def __init__(self, audio: AudioService, parent=None) -> None:
        super().__init__(parent)
        self.path = ""
        self.drop = DropZone(self._hint(), AUDIO_SUFFIXES, self)
        self.open_button = QPushButton(self.tr("Open files…"), self)
        self.open_button.setToolTip(self.tr("Transcribe audio or video files (several form "
                                            "a queue)"))
        self.recorder = RecorderWidget(audio, self)
        self.live = QCheckBox(self.tr("Live"), self)
        self.live.setToolTip(self.tr("Show the text while recording; the newest words are "
                                     "grey until the next part confirms them"))
        self.after = QCheckBox(self.tr("Transcribe after recording"), self)
        self.after.setChecked(True)
        self.preview = AudioPreview(audio, self)
        self.drop.files_dropped.connect(self._on_dropped)
        self.open_button.clicked.connect(self.choose_files)
        self.recorder.recorded.connect(self.open_file)
        self.recorder.failed.connect(self.failed)
        self.recorder.recording_changed.connect(self._on_recording)
        self.preview.failed.connect(self.failed)
        top = QHBoxLayout()
        top.addWidget(self.drop, 1)
        side = QVBoxLayout()
        side.addWidget(self.open_button)
        side.addWidget(self.recorder)
        checks = QHBoxLayout()
        checks.addWidget(self.live)
        checks.addWidget(self.after)
        checks.addStretch(1)
        side.addLayout(checks)
        side.addStretch(1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)

    def _hint(self) -> str:
        return self.tr("Drop audio or video files here, or record from the microphone")

    @staticmethod
    def accepts(path: str) -> bool:
        return str(path).lower().endswith(AUDIO_SUFFIXES)

    @Slot(list)
    def _on_dropped(self, paths: list) -> None:
        self.files_chosen.emit(list(paths))

    @Slot(bool)
    def _on_recording(self, recording: bool) -> None:
        self.live.setEnabled(not recording)  # chosen before a recording starts

    def choose_files(self) -> None:
        pattern = " ".join(f"*{s}" for s in AUDIO_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open audio or video"), os.path.dirname(self.path),
            self.tr("Audio and video (%1)").replace("%1", pattern))
        if paths:
            self.files_chosen.emit(paths)

    @Slot(str)
    def open_file(self, path: str, play: bool = False) -> None:
        """Show ``path`` in the waveform (nothing is transcribed)."""
        if not self.accepts(path):
            self.failed.emit(self.tr("%1 is not an audio or video file this tab can "
                                     "open.").replace("%1", os.path.basename(path)))
            return
        self.path = path
        self.drop.label.setText(self.tr("Audio: %1").replace("%1", os.path.basename(path)))
        self.preview.open_file(path, play=play)
        self.opened.emit(path)

    def forget(self, path: str) -> None:
        """``path`` was deleted: stop showing it."""
        if path == self.path:
            self.path = ""
            self.drop.label.setText(self._hint())
            self.preview.clear()

    def renamed(self, old: str, new: str) -> None:
        if old == self.path:
            self.path = new
            self.drop.label.setText(self.tr("Audio: %1").replace("%1", os.path.basename(new)))
            self.preview.path = new

    def shutdown(self) -> None:
        self.recorder.shutdown()
        self.preview.shutdown()
