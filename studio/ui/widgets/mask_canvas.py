"""The init image of image-to-image and inpainting, with a mask brush over it.

The mask is an ``Alpha8`` QImage of the image's own size (255 = repaint, 0 = keep),
painted with a round brush whose size is in image pixels; it shows as a translucent
red layer.  Erase paints "keep" again; Clear and Invert act on the whole mask.
``mask_array()`` copies it out as a uint8 array for saving (the tab writes the PNG
off the UI thread).  Files dropped here are emitted, not read.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .drop_zone import local_paths

OVERLAY = QColor(239, 68, 68)  # the repainted area, drawn at half opacity


def alpha8_array(image: QImage) -> np.ndarray:
    """A writable view of an Alpha8/Grayscale8 image's pixels (height x width)."""
    rows = np.frombuffer(image.bits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width()]


class MaskCanvas(QWidget):
    file_dropped = Signal(str)
    mask_changed = Signal()

    def __init__(self, placeholder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder
        self.image: QImage | None = None
        self.mask: QImage | None = None
        self.brush_size = 32  # image pixels
        self.erasing = False
        self.painting_enabled = False  # inpainting mode: the mouse paints the mask
        self.version = 0  # grows with every change of the mask (to save it only when changed)
        self._overlay: QImage | None = None
        self._last: QPointF | None = None
        self._hover: QPointF | None = None
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- image and mask ------------------------------------------------------------------
    def set_image(self, image: QImage | None) -> None:
        """A new init image: the mask starts empty at its size."""
        self.image = image if image is not None and not image.isNull() else None
        self.mask = None
        if self.image is not None:
            self.mask = QImage(self.image.size(), QImage.Format.Format_Alpha8)
            self.mask.fill(0)
        self._changed()

    def set_mask(self, mask: QImage) -> None:
        """A mask read from a file (any format: white repaints), scaled to the image."""
        if self.image is None or mask.isNull():
            return
        grey = mask.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
            self.image.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        self.mask = QImage(self.image.size(), QImage.Format.Format_Alpha8)
        alpha8_array(self.mask)[:] = alpha8_array(grey)
        self._changed()

    def has_mask(self) -> bool:
        return self.mask is not None and bool(alpha8_array(self.mask).any())

    def mask_array(self) -> np.ndarray | None:
        """A copy of the mask (uint8, height x width; 255 = repaint), or None."""
        return None if self.mask is None else alpha8_array(self.mask).copy()

    def clear_mask(self) -> None:
        if self.mask is not None:
            self.mask.fill(0)
            self._changed()

    def invert_mask(self) -> None:
        if self.mask is not None:
            pixels = alpha8_array(self.mask)
            pixels[:] = 255 - pixels
            self._changed()

    def _changed(self) -> None:
        self.version += 1
        self._overlay = None
        self.update()
        self.mask_changed.emit()

    # -- geometry --------------------------------------------------------------------------
    def image_rect(self) -> QRectF:
        """Where the image is drawn (fitted, centred), in widget coordinates."""
        if self.image is None:
            return QRectF()
        s = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * s, self.image.height() * s
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def to_image(self, pos: QPointF) -> QPointF:
        rect = self.image_rect()
        s = rect.width() / self.image.width()
        return (pos - rect.topLeft()) / s

    # -- painting the mask --------------------------------------------------------------------
    def _stroke(self, start: QPointF, end: QPointF) -> None:
        p = QPainter(self.mask)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.erasing:
            p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        p.setPen(QPen(QColor(255, 255, 255, 255), self.brush_size, Qt.PenStyle.SolidLine,
                      Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        if start == end:
            p.drawPoint(start)
        else:
            p.drawLine(start, end)
        p.end()
        self._overlay = None
        self.update()

    def mousePressEvent(self, event) -> None:
        if (self.painting_enabled and self.mask is not None
                and event.button() == Qt.MouseButton.LeftButton):
            self._last = self.to_image(event.position())
            self._stroke(self._last, self._last)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        self._hover = event.position()
        if self._last is not None and event.buttons() & Qt.MouseButton.LeftButton:
            point = self.to_image(event.position())
            self._stroke(self._last, point)
            self._last = point
        elif self.painting_enabled:
            self.update()  # the brush outline follows the pointer
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._last is not None:
            self._last = None
            self._changed()
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    # -- showing -----------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
        if self.image is None:
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect().adjusted(12, 12, -12, -12),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            p.end()
            return
        rect = self.image_rect()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(rect, self.image)
        if self.mask is not None and self.painting_enabled:
            if self._overlay is None:
                self._overlay = QImage(self.mask.size(), QImage.Format.Format_ARGB32_Premultiplied)
                self._overlay.fill(OVERLAY)
                o = QPainter(self._overlay)
                o.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
                o.drawImage(0, 0, self.mask)
                o.end()
            p.setOpacity(0.55)
            p.drawImage(rect, self._overlay)
            p.setOpacity(1.0)
            if self._hover is not None and rect.contains(self._hover):
                radius = self.brush_size * rect.width() / self.image.width() / 2
                p.setRenderHint(QPainter.RenderHint.Antialiasing)
                p.setPen(QPen(QColor("white"), 1.5))
                p.drawEllipse(self._hover, radius, radius)
                p.setPen(QPen(QColor("black"), 1, Qt.PenStyle.DashLine))
                p.drawEllipse(self._hover, radius, radius)
        p.end()

    def dragEnterEvent(self, event) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.file_dropped.emit(paths[0])
