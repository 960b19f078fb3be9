"""What a painting starts from: text only, an init image, or an init image and a mask.

Three mode buttons (text to image, image to image, inpaint); for the two image modes a
well shows the init image (dropped, opened, or a result used as init image) and, for
inpainting, the mask brush over it: brush size, erase, clear, invert.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.ui.widgets.mask_canvas import MaskCanvas

MODES = ("txt2img", "img2img", "inpaint")


class SourcePanel(QWidget):
    mode_changed = Signal(str)
    open_requested = Signal()
    file_dropped = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.path = ""  # the init image's file ("" = none)
        self.parent_id: int | None = None  # its history entry, when it is a result
        labels = {"txt2img": self.tr("Text to image"), "img2img": self.tr("Image to image"),
                  "inpaint": self.tr("Inpaint")}
        tips = {"txt2img": self.tr("Paint from the prompt alone"),
                "img2img": self.tr("Repaint a start image, as much as the strength says"),
                "inpaint": self.tr("Repaint only the area you brush over")}
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QToolButton] = {}
        modes = QHBoxLayout()
        modes.setContentsMargins(0, 0, 0, 0)
        modes.setSpacing(0)
        for i, mode in enumerate(MODES):
            button = QToolButton(self)
            button.setText(labels[mode])
            button.setToolTip(tips[mode])
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.group.addButton(button, i)
            self.buttons[mode] = button
            modes.addWidget(button, 1)
        self.buttons["txt2img"].setChecked(True)

        self.canvas = MaskCanvas(self.tr("Drop a start image here, or open one"), self)
        self.canvas.setMinimumHeight(200)
        self.name = QLabel(self)
        self.name.setObjectName("init-image-name")
        self.open_button = QPushButton(self.tr("Open image…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.brush = QSlider(Qt.Orientation.Horizontal, self)
        self.brush.setRange(2, 256)
        self.brush.setValue(self.canvas.brush_size)
        self.brush.setToolTip(self.tr("Brush size in image pixels"))
        self.brush_label = QLabel(self)
        self.erase = QCheckBox(self.tr("Erase"), self)
        self.erase.setToolTip(self.tr("Brush the mask away (keep those pixels)"))
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setToolTip(self.tr("Clear the whole mask"))
        self.invert_button = QPushButton(self.tr("Invert"), self)
        self.invert_button.setToolTip(self.tr("Repaint everything except what is brushed"))

        files = QHBoxLayout()
        files.setContentsMargins(0, 0, 0, 0)
        files.addWidget(self.name, 1)
        files.addWidget(self.open_button)
        files.addWidget(self.remove_button)
        self.brush_row = QWidget(self)
        size = QHBoxLayout()
        size.addWidget(QLabel(self.tr("Brush"), self))
        size.addWidget(self.brush, 1)
        size.addWidget(self.brush_label)
        mask = QHBoxLayout()
        mask.addWidget(self.erase)
        mask.addStretch(1)
        mask.addWidget(self.clear_button)
        mask.addWidget(self.invert_button)
        tools = QVBoxLayout(self.brush_row)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addLayout(size)
        tools.addLayout(mask)
        self.well = QWidget(self)
        well = QVBoxLayout(self.well)
        well.setContentsMargins(0, 0, 0, 0)
        well.addWidget(self.canvas, 1)
        well.addLayout(files)
        well.addWidget(self.brush_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(modes)
        layout.addWidget(self.well, 1)

        self.group.idClicked.connect(self._on_mode)
        self.open_button.clicked.connect(self.open_requested)
        self.remove_button.clicked.connect(self.remove_image)
        self.canvas.file_dropped.connect(self.file_dropped)
        self.brush.valueChanged.connect(self._on_brush)
        self.erase.toggled.connect(self._on_erase)
        self.clear_button.clicked.connect(self.canvas.clear_mask)
        self.invert_button.clicked.connect(self.canvas.invert_mask)
        self._on_brush(self.brush.value())
        self._sync()

    # -- mode ----------------------------------------------------------------------------
    def mode(self) -> str:
        return MODES[max(0, self.group.checkedId())]

    def set_mode(self, mode: str) -> None:
        if mode in MODES and mode != self.mode():
            self.buttons[mode].setChecked(True)
            self._on_mode(MODES.index(mode))

    @Slot(int)
    def _on_mode(self, _index: int) -> None:
        self._sync()
        self.mode_changed.emit(self.mode())

    def _sync(self) -> None:
        mode = self.mode()
        self.well.setVisible(mode != "txt2img")
        self.brush_row.setVisible(mode == "inpaint")
        self.canvas.painting_enabled = mode == "inpaint"
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if mode == "inpaint"
                              else Qt.CursorShape.ArrowCursor)
        self.remove_button.setEnabled(bool(self.path))
        self.canvas.update()

    # -- the init image ------------------------------------------------------------------------
    def set_image(self, path: str, image: QImage, parent_id: int | None = None) -> None:
        """The init image (read off the UI thread); its mask starts empty."""
        self.path, self.parent_id = path, parent_id
        self.canvas.set_image(image)
        self.name.setText(f"{os.path.basename(path)} · {image.width()}×{image.height()}")
        self.name.setToolTip(path)
        self._sync()

    def remove_image(self) -> None:
        self.path, self.parent_id = "", None
        self.canvas.set_image(None)
        self.name.clear()
        self._sync()

    @Slot(int)
    def _on_brush(self, value: int) -> None:
        self.canvas.brush_size = value
        self.brush_label.setText(self.tr("%1 px").replace("%1", str(value)))

    @Slot(bool)
    def _on_erase(self, on: bool) -> None:
        self.canvas.erasing = on
