"""Transcription tab: speech-to-text. Layout now; the Whisper engine lands in its own issue."""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
)

from studio.ui.widgets.drop_zone import DropZone

from .base import TabBase

AUDIO_SUFFIXES = (".wav", ".flac", ".mp3", ".ogg", ".m4a", ".opus")


class TranscriptionTab(TabBase):
    task = "transcription"
    file_suffixes = AUDIO_SUFFIXES

    def __init__(self, settings, drafts, host, parent=None):
        super().__init__(settings, drafts, host, parent)
        self.audio_path = ""
        self.drop = DropZone(self.tr("Drop an audio file here, or record from the microphone"),
                             AUDIO_SUFFIXES, self)
        self.record_button = QPushButton(self.tr("Record"), self)
        self.open_button = QPushButton(self.tr("Open file…"), self)
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
        self.drop.files_dropped.connect(lambda paths: self.open_file(paths[0]))
        self.open_button.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.drop, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.record_button)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(params)
        layout.addWidget(self.segments, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addLayout(self.button_row())

    def choose_file(self) -> None:
        pattern = " ".join(f"*{s}" for s in AUDIO_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open audio"), "",
                                              self.tr("Audio (%1)").replace("%1", pattern))
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        if not self.accepts(path):
            self.show_error(self.tr("%1 is not an audio file this tab can open.").replace(
                "%1", os.path.basename(path)))
            return
        self.audio_path = path
        self.drop.label.setText(self.tr("Audio: %1").replace("%1", os.path.basename(path)))
        self.message.clear_message()

    def transcribe(self) -> None:
        self.show_info(self.tr("Transcription needs the Whisper engine, which is not in this "
                               "version yet."))
