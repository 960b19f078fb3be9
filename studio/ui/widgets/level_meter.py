"""A horizontal level meter: RMS bar and peak marker in dBFS.

It has no timer of its own: whoever polls the recorder calls ``set_level`` at
~30 Hz.  Rising levels show at once; falling ones decay at a fixed rate and
the peak marker holds a moment first, as on a mixing desk, so a meter fed
from sparse polls still moves smoothly instead of flickering.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.core.audio.levels import FLOOR_DB, Level

RANGE_DB = 60.0  # the bar spans -60..0 dBFS; quieter reads as empty
FALL_DB_PER_S = 24.0
PEAK_HOLD_S = 1.0


class LevelMeter(QWidget):
    def __init__(self, parent=None, clock=time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self.rms_db = FLOOR_DB  # what is drawn now (after the fall-back)
        self.peak_db = FLOOR_DB
        self._peak_at = 0.0
        self._last = clock()
        self.setMinimumSize(80, 10)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.tr("Input level (dBFS): the bar is the average loudness, the "
                                "line the recent peak"))

    def sizeHint(self) -> QSize:
        return QSize(160, 12)

    def set_level(self, level: Level) -> None:
        now = self._clock()
        fall = FALL_DB_PER_S * max(0.0, now - self._last)
        self._last = now
        self.rms_db = max(level.rms_db, self.rms_db - fall, FLOOR_DB)
        if level.peak_db >= self.peak_db:
            self.peak_db, self._peak_at = level.peak_db, now
        elif now - self._peak_at > PEAK_HOLD_S:
            self.peak_db = max(level.peak_db, self.peak_db - fall, FLOOR_DB)
        self.update()

    def reset(self) -> None:
        self.rms_db = self.peak_db = FLOOR_DB
        self._last = self._clock()
        self.update()

    @staticmethod
    def fraction(db: float) -> float:
        """Where ``db`` sits on the bar, 0..1."""
        return min(1.0, max(0.0, (db + RANGE_DB) / RANGE_DB))

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        r = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QColor("#9aa4b2"))
        p.setBrush(QColor("#1f2937") if self.isEnabled() else QColor("#d1d5db"))
        p.drawRect(r)
        inner = r.adjusted(1, 1, -1, -1)
        grad = QLinearGradient(inner.topLeft(), inner.topRight())
        grad.setColorAt(0.0, QColor("#22c55e"))  # green up to about -12 dB
        grad.setColorAt(0.8, QColor("#eab308"))
        grad.setColorAt(1.0, QColor("#ef4444"))  # red near full scale: clipping
        width = inner.width() * self.fraction(self.rms_db)
        if width > 0:
            p.fillRect(QRectF(inner.left(), inner.top(), width, inner.height()), grad)
        if self.peak_db > FLOOR_DB:
            x = inner.left() + inner.width() * self.fraction(self.peak_db)
            p.setPen(Qt.GlobalColor.white)
            p.drawLine(int(x), int(inner.top()), int(x), int(inner.bottom()))
        p.end()
