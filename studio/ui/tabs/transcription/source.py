"""The audio a transcription works on: open, drop or record a file; see and hear it."""

from __future__ import annotations

import os

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from studio.ui.audio_service import AudioService
from studio.ui.widgets.audio_preview import AudioPreview
from studio.ui.widgets.drop_zone import DropZone
from studio.ui.widgets.recorder_widget import RecorderWidget

AUDIO_SUFFIXES = (".wav", ".flac", ".mp3", ".ogg", ".m4a", ".opus")


class AudioSource(QWidget):
    opened = Signal(str)  # this file is now the audio to transcribe
    failed = Signal(str)  # translated

    def __init__(self, audio: AudioService, parent=None) -> None:
        super().__init__(parent)
        self.path = ""
        self.drop = DropZone(self.tr("Drop an audio file here, or record from the microphone"),
                             AUDIO_SUFFIXES, self)
        self.open_button = QPushButton(self.tr("Open file…"), self)
        self.recorder = RecorderWidget(audio, self)
        self.preview = AudioPreview(audio, self)
        self.drop.files_dropped.connect(self._on_dropped)
        self.open_button.clicked.connect(self.choose_file)
        self.recorder.recorded.connect(self.open_file)
        self.recorder.failed.connect(self.failed)
        self.preview.failed.connect(self.failed)
        top = QHBoxLayout()
        top.addWidget(self.drop, 1)
        side = QVBoxLayout()
        side.addWidget(self.open_button)
        side.addWidget(self.recorder)
        side.addStretch(1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)

    @staticmethod
    def accepts(path: str) -> bool:
        return path.lower().endswith(AUDIO_SUFFIXES)

    @Slot(list)
    def _on_dropped(self, paths: list) -> None:
        self.open_file(paths[0])

    def choose_file(self) -> None:
        pattern = " ".join(f"*{s}" for s in AUDIO_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open audio"), "",
                                              self.tr("Audio (%1)").replace("%1", pattern))
        if path:
            self.open_file(path)

    @Slot(str)
    def open_file(self, path: str, play: bool = False) -> None:
        if not self.accepts(path):
            self.failed.emit(self.tr("%1 is not an audio file this tab can open.").replace(
                "%1", os.path.basename(path)))
            return
        self.path = path
        self.drop.label.setText(self.tr("Audio: %1").replace("%1", os.path.basename(path)))
        self.preview.open_file(path, play=play)
        self.opened.emit(path)

    def forget(self, path: str) -> None:
        """``path`` was deleted: stop showing it."""
        if path == self.path:
            self.path = ""
            self.drop.label.setText(self.tr("Drop an audio file here, or record from the "
                                            "microphone"))
            self.preview.clear()

    def renamed(self, old: str, new: str) -> None:
        if old == self.path:
            self.path = new
            self.drop.label.setText(self.tr("Audio: %1").replace("%1", os.path.basename(new)))
            self.preview.path = new

    def shutdown(self) -> None:
        self.recorder.shutdown()
        self.preview.shutdown()
