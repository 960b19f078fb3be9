"""Voice tab: text-to-speech. Layout now; the Piper engine lands in its own issue."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from .base import TabBase


class VoiceTab(TabBase):
    task = "voice"

    def __init__(self, settings, drafts, host, parent=None):
        super().__init__(settings, drafts, host, parent)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("Type or drop the text to speak"))
        self.speed = QDoubleSpinBox(self, minimum=0.5, maximum=2.0, value=1.0, singleStep=0.1)
        params = QGroupBox(self.tr("Voice"), self)
        form = QFormLayout(params)
        form.addRow(self.tr("Speed"), self.speed)
        self.run_button.setText(self.tr("Speak"))
        self.run_button.clicked.connect(self.speak)
        self.play_button = QPushButton(self.tr("Play"), self)
        self.save_button = QPushButton(self.tr("Save WAV…"), self)
        self.play_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.output = QLabel(self.tr("No speech yet."), self)
        self.output.setMinimumHeight(80)
        self.output.setStyleSheet("QLabel{background:#f3f4f6;border-radius:6px;color:#6b7280;}")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Text"), self))
        layout.addWidget(self.text, 2)
        layout.addWidget(params)
        layout.addWidget(self.output)
        out_row = QHBoxLayout()
        out_row.addWidget(self.play_button)
        out_row.addWidget(self.save_button)
        out_row.addStretch(1)
        layout.addLayout(out_row)
        layout.addWidget(self.message)
        layout.addLayout(self.button_row())

    def speak(self) -> None:
        self.show_info(self.tr("Speech needs the Piper engine, which is not in this version yet."))

    def draft(self):
        return {"text": self.text.toPlainText()}

    def restore_draft(self, data):
        self.text.setPlainText(str(data.get("text", "")))
