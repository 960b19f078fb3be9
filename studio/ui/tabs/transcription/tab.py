"""Transcription tab: speech-to-text.  The audio side works now; the Whisper engine lands later.

A file opened, dropped or recorded becomes the tab's audio: it shows in a
waveform with a transport bar (played through the window's shared player),
and recordings appear in the list beside the options.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from studio.ui.audio_service import AudioService
from studio.ui.widgets.recordings_list import RecordingsList

from ..base import TabBase
from .source import AUDIO_SUFFIXES, AudioSource


class TranscriptionTab(TabBase):
    task = "transcription"
    file_suffixes = AUDIO_SUFFIXES
    uses_audio = True

    def __init__(self, settings, drafts, host, parent=None, audio: AudioService | None = None):
        super().__init__(settings, drafts, host, parent)
        self.audio = audio if audio is not None else AudioService(settings, parent=self)
        self.source = AudioSource(self.audio, self)
        self.drop = self.source.drop
        self.record_button = self.source.recorder.button
        self.preview = self.source.preview
        self.recordings = RecordingsList(self.audio.folder, self)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Detect"), "auto")
        for code, name in (("en", "English"), ("zh", "中文"), ("ja", "日本語"), ("de", "Deutsch")):
            self.language.addItem(name, code)
        self.task_box = QComboBox(self)
        self.task_box.addItem(self.tr("Transcribe"), "transcribe")
        self.task_box.addItem(self.tr("Translate to English"), "translate")
        self.beam = QSpinBox(self, minimum=1, maximum=10, value=5)
        params = QGroupBox(self.tr("Options"), self)
        form = QFormLayout(params)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Task"), self.task_box)
        form.addRow(self.tr("Beam size"), self.beam)
        self.segments = QTableWidget(0, 3, self)
        self.segments.setHorizontalHeaderLabels([self.tr("Start"), self.tr("End"), self.tr("Text")])
        self.segments.horizontalHeader().setStretchLastSection(True)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setEnabled(False)
        self.run_button.setText(self.tr("Transcribe"))
        self.run_button.clicked.connect(self.transcribe)

        self.source.opened.connect(self._on_opened)
        self.source.failed.connect(self.show_error)
        self.recordings.open_requested.connect(self._play_recording)
        self.recordings.renamed.connect(self.source.renamed)
        self.recordings.deleted.connect(self.source.forget)
        self.recordings.failed.connect(self.show_error)
        self.audio.recordings_changed.connect(self.recordings.refresh)
        self.recordings.refresh()

        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(params)
        left_column.addWidget(self.segments, 1)
        right = QGroupBox(self.tr("Recordings"), self)
        QVBoxLayout(right).addWidget(self.recordings)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addLayout(self.button_row())

    @property
    def audio_path(self) -> str:
        return self.source.path

    def choose_file(self) -> None:
        self.source.choose_file()

    def open_file(self, path: str) -> None:
        self.source.open_file(path)

    @Slot(str)
    def _on_opened(self, _path: str) -> None:
        self.message.clear_message()

    @Slot(str)
    def _play_recording(self, path: str) -> None:
        self.source.open_file(path, play=True)

    def transcribe(self) -> None:
        self.show_info(self.tr("Transcription needs the Whisper engine, which is not in this "
                               "version yet."))

    def draft(self) -> dict[str, Any]:
        return {"audio": self.audio_path}

    def restore_draft(self, data: dict[str, Any]) -> None:
        path = data.get("audio") if isinstance(data, dict) else None
        if isinstance(path, str) and path and self.source.accepts(path):
            self.source.open_file(path)  # a file gone since shows as missing in the waveform

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        self.source.shutdown()
        self.recordings.shutdown()
        return super().shutdown(timeout_ms)
