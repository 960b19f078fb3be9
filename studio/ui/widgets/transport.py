"""Play/pause, stop, a position slider and "0:03 / 1:12": a view of a player's status.

It controls nothing itself: it emits what the user asked for and shows the
status it is given (``set_status``), so it works with any player.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

ACTIVE = ("starting", "playing", "waiting")  # states in which Play shows as Pause


def clock(seconds: float) -> str:
    """0:03, 1:12, 1:02:03."""
    s = max(0, int(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Transport(QWidget):
    toggle_requested = Signal()
    stop_requested = Signal()
    seek_requested = Signal(float)  # seconds

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.state = "empty"
        self.position_s = 0.0
        self.duration_s = 0.0
        style = self.style()
        self._icons = {
            "play": style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay),
            "pause": style.standardIcon(QStyle.StandardPixmap.SP_MediaPause),
        }
        self.play_button = QToolButton(self)
        self.play_button.setAutoRaise(True)
        self.play_button.clicked.connect(self.toggle_requested)
        self.stop_button = QToolButton(self)
        self.stop_button.setAutoRaise(True)
        self.stop_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaStop))
        self.stop_button.setToolTip(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop_requested)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 0)
        self.slider.setPageStep(5000)  # milliseconds
        self.slider.sliderReleased.connect(self._slider_released)
        self.slider.actionTriggered.connect(self._slider_action)
        self.time_label = QLabel(self)
        self.time_label.setMinimumWidth(self.time_label.fontMetrics().horizontalAdvance(
            "00:00 / 00:00") + 4)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.play_button)
        row.addWidget(self.stop_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.time_label)
        self.set_status("empty", 0.0, 0.0)

    def set_status(self, state: str, position_s: float, duration_s: float) -> None:
        self.state, self.duration_s = state, duration_s
        if not self.slider.isSliderDown():  # the user's drag wins until released
            self.position_s = position_s
            self.slider.blockSignals(True)
            self.slider.setRange(0, int(duration_s * 1000))
            self.slider.setValue(int(position_s * 1000))
            self.slider.blockSignals(False)
        playing = state in ACTIVE
        self.play_button.setIcon(self._icons["pause" if playing else "play"])
        self.play_button.setToolTip(self.tr("Pause (Space)") if playing
                                    else self.tr("Play (Space)"))
        has_audio = duration_s > 0 or state not in ("empty", "failed")
        for w in (self.play_button, self.stop_button, self.slider):
            w.setEnabled(has_audio)
        self._show_time(self.position_s)

    def _show_time(self, position_s: float) -> None:
        self.time_label.setText(f"{clock(position_s)} / {clock(self.duration_s)}")

    def _slider_action(self, _action: int) -> None:
        # Called before the value changes; sliderPosition() already holds the new one.
        value = self.slider.sliderPosition() / 1000
        self._show_time(value)
        if not self.slider.isSliderDown():  # a click on the groove or a key: seek now
            self.seek_requested.emit(value)

    def _slider_released(self) -> None:
        self.seek_requested.emit(self.slider.value() / 1000)
