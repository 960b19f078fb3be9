"""An image shown large: fitted to the view and scaled smoothly, or zoomed and dragged.

Painting previews arrive as small numpy arrays (the latents' resolution, e.g. 64x64
for a 512x512 image): ``array_to_qimage`` wraps one in a QImage with a single copy
(about 5 µs for 64x64), and the view scales it up smoothly when it paints, so a preview
never costs a resize of its own.  The mouse wheel zooms around the pointer; dragging
moves a zoomed image; a double click goes back to "fit".
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

ZOOMS = (0.125, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0)


def array_to_qimage(pixels) -> QImage:
    """An owning QImage of a uint8 array (height x width x 3 RGB, x 4 RGBA, or 2-D grey)."""
    arr = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = arr.shape[:2]
    channels = 1 if arr.ndim == 2 else arr.shape[2]
    fmt = {1: QImage.Format.Format_Grayscale8, 3: QImage.Format.Format_RGB888,
           4: QImage.Format.Format_RGBA8888}[channels]
    return QImage(arr.data, width, height, arr.strides[0], fmt).copy()


class ImageView(QWidget):
    zoom_changed = Signal()  # ``zoom`` or ``fitted`` changed

    def __init__(self, placeholder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.placeholder = placeholder
        self.caption = ""  # drawn in a corner (the step counter)
        self.fitted = True
        self.zoom = 1.0  # used when not fitted: screen pixels per image pixel
        self._offset = QPointF(0, 0)  # of the zoomed image's centre from the view's
        self._drag: QPointF | None = None
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    # -- what is shown -------------------------------------------------------------------
    def set_image(self, image: QImage | None, keep_view: bool = False) -> None:
        """Show ``image`` (None: the placeholder).  ``keep_view``: keep zoom and position
        (previews of one job replacing each other)."""
        self.image = image if image is not None and not image.isNull() else None
        if not keep_view:
            self.fit()
        self.update()

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.update()

    def set_caption(self, text: str) -> None:
        self.caption = text
        self.update()

    # -- zoom --------------------------------------------------------------------------------
    def fit_scale(self) -> float:
        if self.image is None or self.image.width() == 0 or self.image.height() == 0:
            return 1.0
        return min(self.width() / self.image.width(), self.height() / self.image.height())

    def scale(self) -> float:
        return self.fit_scale() if self.fitted else self.zoom

    def fit(self) -> None:
        self.fitted, self._offset = True, QPointF(0, 0)
        self.zoom_changed.emit()
        self.update()

    def set_zoom(self, zoom: float, around: QPointF | None = None) -> None:
        """Zoom to ``zoom`` keeping the image point under ``around`` (default: the centre)."""
        zoom = min(max(zoom, ZOOMS[0]), ZOOMS[-1])
        if around is not None and self.image is not None:
            centre = QPointF(self.width() / 2, self.height() / 2)
            old = self.scale()
            point = (around - centre - self._offset) / old  # image units from its centre
            self._offset = around - centre - point * zoom
        self.fitted, self.zoom = False, zoom
        self.zoom_changed.emit()
        self.update()

    def zoom_in(self, around: QPointF | None = None) -> None:
        now = self.scale()
        self.set_zoom(next((z for z in ZOOMS if z > now * 1.01), ZOOMS[-1]), around)

    def zoom_out(self, around: QPointF | None = None) -> None:
        now = self.scale()
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < now / 1.01), ZOOMS[0]), around)

    def image_rect(self) -> QRectF:
        """Where the image is drawn, in widget coordinates."""
        if self.image is None:
            return QRectF()
        s = self.scale()
        w, h = self.image.width() * s, self.image.height() * s
        centre = QPointF(self.width() / 2, self.height() / 2) + self._offset
        return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)

    # -- events -------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
        if self.image is None:
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect().adjusted(12, 12, -12, -12),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
        else:
            smooth = self.scale() < 3 or self.fitted  # zoomed far in: show the pixels
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
            p.drawImage(self.image_rect(), self.image)
        if self.caption:
            metrics = p.fontMetrics()
            box = metrics.boundingRect(self.caption).adjusted(-8, -4, 8, 4)
            box.moveTopLeft(QPoint(8, 8))
            p.fillRect(box, QColor(0, 0, 0, 150))
            p.setPen(QColor("white"))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.caption)
        p.end()

    def wheelEvent(self, event) -> None:
        if self.image is None:
            return
        at = event.position()
        (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)(at)
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.fitted:
            self._drag = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._drag is not None:
            self._offset += event.position() - self._drag
            self._drag = event.position()
            self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        self._drag = None
        self.unsetCursor()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if self.fitted:
            self.set_zoom(1.0, event.position())
        else:
            self.fit()
