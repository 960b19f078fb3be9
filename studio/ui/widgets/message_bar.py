"""A visible message line with optional action buttons: how the app tells the user things.

It stays until the user dismisses it (×), the next job starts, or a newer
message replaces it: a warning that vanishes on a timer is a warning missed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

_STYLES = {
    "error": "background:#fde2e1;color:#8a1f17;border:1px solid #f1a9a4;",
    "warning": "background:#fff4d6;color:#6b4e00;border:1px solid #f0d58a;",
    "info": "background:#e6f0fd;color:#16407a;border:1px solid #a9c6f1;",
}


class MessageBar(QFrame):
    action_triggered = Signal(str)  # the id of the action button that was clicked

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.level = ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.clear_message)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(8, 4, 4, 4)
        self._row.addWidget(self.label, 1)
        self._row.addWidget(self.close_button)
        self._buttons: list[QPushButton] = []
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def actions(self) -> list[str]:
        return [b.property("action") for b in self._buttons]

    def button(self, action: str) -> QPushButton | None:
        return next((b for b in self._buttons if b.property("action") == action), None)

    def show_message(self, text: str, level: str = "info",
                     actions: Sequence[tuple[str, str]] = ()) -> None:
        """Show ``text``; ``actions`` are (id, label) buttons that emit ``action_triggered``."""
        self.level = level
        self.label.setText(text)
        self.setStyleSheet(f"MessageBar{{{_STYLES.get(level, '')}border-radius:4px;}}"
                           "QLabel{background:transparent;border:none;}")
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        for action, label in actions:
            button = QPushButton(label, self)
            button.setProperty("action", action)
            button.clicked.connect(lambda _=False, a=action: self._trigger(a))
            self._row.insertWidget(self._row.count() - 1, button)
            self._buttons.append(button)
        self.show()

    def _trigger(self, action: str) -> None:
        self.action_triggered.emit(action)

    def clear_message(self) -> None:
        self.level = ""
        self.label.clear()
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        self.hide()
