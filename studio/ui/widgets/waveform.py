"""A waveform view: min/max peaks, what has played, a cursor; click or drag to seek.

The widget only draws.  Peaks (a ``(buckets, 2)`` min/max array from
``studio.core.audio.peaks``) are computed off the UI thread by whoever loads
the audio, at a fixed resolution; painting folds them to the widget's width,
which costs microseconds.  It shows a message instead of a waveform when
there is nothing to draw ("No audio", "Loading…", a missing file, an error).
Space toggles play/pause while it has focus; Left/Right step 5 s.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

STEP_S = 5.0


def fold(peaks: np.ndarray, width: int) -> np.ndarray:
    """``peaks`` (n, 2) reduced or stretched to ``width`` columns of (min, max)."""
    n = len(peaks)
    if n == 0 or width <= 0:
        return np.zeros((0, 2), dtype=np.float32)
    # Column i folds buckets [start_i, start_i+1); a repeated start (stretching) gives
    # reduceat's single bucket at that start, as wanted.
    starts = np.minimum(np.linspace(0, n, width + 1).astype(int)[:-1], n - 1)
    lo = np.minimum.reduceat(peaks[:, 0], starts)
    hi = np.maximum.reduceat(peaks[:, 1], starts)
    return np.stack([lo, hi], axis=1)


class Waveform(QWidget):
    seek_requested = Signal(float)  # seconds
    toggle_requested = Signal()  # Space

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.peaks = np.zeros((0, 2), dtype=np.float32)
        self.duration_s = 0.0
        self.position_s = 0.0
        self.message = self.tr("No audio")
        self.error = False
        self._dragging = False
        self._folded: tuple[tuple[int, int], QPolygonF | None] | None = None
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(self.tr("Click or drag to move the play position; Space plays or pauses"))

    def sizeHint(self) -> QSize:
        return QSize(400, 90)

    # -- content ------------------------------------------------------------------------
    def set_peaks(self, peaks: np.ndarray, duration_s: float) -> None:
        self.peaks = np.asarray(peaks, dtype=np.float32).reshape(-1, 2)
        self.duration_s = max(0.0, float(duration_s))
        self.position_s = min(self.position_s, self.duration_s)
        self.message, self.error, self._folded = "", False, None
        self.update()

    def show_message(self, text: str, error: bool = False) -> None:
        """Replace the waveform by ``text`` (loading, missing file, decode error)."""
        self.peaks = np.zeros((0, 2), dtype=np.float32)
        self.duration_s = self.position_s = 0.0
        self.message, self.error, self._folded = text, error, None
        self.update()

    def clear(self) -> None:
        self.show_message(self.tr("No audio"))

    def set_position(self, seconds: float) -> None:
        if self._dragging:
            return  # the user's drag wins until release
        seconds = min(max(0.0, seconds), self.duration_s)
        if abs(self._x_for(seconds) - self._x_for(self.position_s)) >= 0.5:
            self.update()  # repaint only when the cursor moves on screen
        self.position_s = seconds

    # -- geometry -----------------------------------------------------------------------
    def _x_for(self, seconds: float) -> float:
        return seconds / self.duration_s * self.width() if self.duration_s > 0 else 0.0

    def _seconds_at(self, x: float) -> float:
        if self.duration_s <= 0 or self.width() <= 0:
            return 0.0
        return min(max(0.0, x / self.width()), 1.0) * self.duration_s

    # -- input ----------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.duration_s > 0:
            self._dragging = True
            self.position_s = self._seconds_at(event.position().x())
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._dragging:
            self.position_s = self._seconds_at(event.position().x())
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            self.position_s = self._seconds_at(event.position().x())
            self.update()
            self.seek_requested.emit(self.position_s)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.toggle_requested.emit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.duration_s > 0:
            step = STEP_S if key == Qt.Key.Key_Right else -STEP_S
            self.seek_requested.emit(min(max(0.0, self.position_s + step), self.duration_s))
        elif key == Qt.Key.Key_Home and self.duration_s > 0:
            self.seek_requested.emit(0.0)
        else:
            super().keyPressEvent(event)

    # -- painting ---------------------------------------------------------------------------
    def _shape(self) -> QPolygonF | None:
        """The waveform as one polygon for the current size (built once per size and audio)."""
        size = (self.width(), self.height())
        if self._folded is None or self._folded[0] != size:
            cols = fold(self.peaks, max(1, self.width()))
            shape = None
            if len(cols):
                # The max envelope left to right, then the min envelope back.
                mid, half = self.height() / 2, self.height() / 2 - 2
                xs = np.arange(len(cols), dtype=np.float64) + 0.5
                top = mid - np.clip(cols[:, 1], -1, 1) * half
                bottom = np.maximum(mid - np.clip(cols[:, 0], -1, 1) * half, top + 1)
                points = [QPointF(x, y) for x, y in zip(xs, top, strict=True)]
                points += [QPointF(x, y) for x, y in zip(xs[::-1], bottom[::-1], strict=True)]
                shape = QPolygonF(points)  # silence still shows as a hairline (+1 above)
            self._folded = (size, shape)
        return self._folded[1]

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        r = self.rect()
        p.fillRect(r, QColor("#f8fafc"))
        if self.hasFocus():
            p.setPen(QColor("#60a5fa"))
            p.drawRect(r.adjusted(0, 0, -1, -1))
        if self.message:
            p.setPen(QColor("#b91c1c") if self.error else QColor("#6b7280"))
            p.drawText(QRectF(r).adjusted(8, 4, -8, -4),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            p.end()
            return
        shape = self._shape()
        cursor_x = self._x_for(self.position_s)
        if shape is not None:
            p.setPen(Qt.PenStyle.NoPen)
            p.setClipRect(QRectF(cursor_x, 0, r.width(), r.height()))
            p.setBrush(QColor("#94a3b8"))  # still to play
            p.drawPolygon(shape)
            p.setClipRect(QRectF(0, 0, cursor_x, r.height()))
            p.setBrush(QColor("#2563eb"))  # already played
            p.drawPolygon(shape)
            p.setClipping(False)
        p.setPen(QColor("#1e3a8a"))
        p.drawLine(int(cursor_x), 0, int(cursor_x), r.height())
        p.end()
