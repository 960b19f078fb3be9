"""Painting tab: text-to-image. Layout now; the diffusers engine lands in its own issue."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .base import TabBase


class PaintingTab(TabBase):
    task = "painting"
    file_suffixes = (".png", ".jpg", ".jpeg", ".webp", ".bmp")

    def __init__(self, settings, drafts, host, parent=None):
        super().__init__(settings, drafts, host, parent)
        self.init_image = ""
        self.prompt = QPlainTextEdit(self)
        self.prompt.setPlaceholderText(
            self.tr("Describe the picture: a lighthouse at dusk, oil painting"))
        self.negative = QPlainTextEdit(self)
        self.negative.setPlaceholderText(self.tr("Negative prompt: what to avoid"))
        self.negative.setMaximumHeight(60)
        self.steps = QSpinBox(self, minimum=1, maximum=150, value=25)
        self.guidance = QDoubleSpinBox(self, minimum=0.0, maximum=30.0, value=7.5, singleStep=0.5)
        self.size = QComboBox(self)
        self.size.addItems(["512×512", "768×768", "512×768", "768×512", "1024×1024"])
        self.seed = QSpinBox(self, minimum=-1, maximum=2**31 - 1, value=-1)
        self.seed.setSpecialValueText(self.tr("random"))
        self.batch = QSpinBox(self, minimum=1, maximum=8, value=1)
        params = QGroupBox(self.tr("Parameters"), self)
        form = QFormLayout(params)
        form.addRow(self.tr("Steps"), self.steps)
        form.addRow(self.tr("Guidance"), self.guidance)
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Images"), self.batch)

        self.preview = QLabel(self.tr("The image appears here while it is painted."), self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(256, 256)
        self.preview.setStyleSheet("QLabel{background:#f3f4f6;border-radius:6px;color:#6b7280;}")
        self.gallery = QListWidget(self)
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setMaximumHeight(110)

        self.run_button.setText(self.tr("Paint"))
        self.run_button.clicked.connect(self.paint)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.addWidget(QLabel(self.tr("Prompt"), self))
        lv.addWidget(self.prompt, 2)
        lv.addWidget(self.negative)
        lv.addWidget(params)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.addWidget(self.preview, 1)
        rv.addWidget(QLabel(self.tr("Gallery"), self))
        rv.addWidget(self.gallery)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addLayout(self.button_row())
        layout.addLayout(row)

    def open_file(self, path: str) -> None:
        # Decoding happens in the engine's worker later; here we only keep the path.
        self.init_image = path
        self.preview.setText(self.tr("Start image: %1").replace("%1", os.path.basename(path)))

    def paint(self) -> None:
        self.show_info(self.tr("Painting needs the diffusers engine, which is not in this "
                               "version yet."))

    def draft(self):
        return {"prompt": self.prompt.toPlainText(), "negative": self.negative.toPlainText()}

    def restore_draft(self, data):
        self.prompt.setPlainText(str(data.get("prompt", "")))
        self.negative.setPlainText(str(data.get("negative", "")))
