"""A visible, selectable message line: how a tab tells the user what went wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

_STYLES = {
    "error": "background:#fde2e1;color:#8a1f17;border:1px solid #f1a9a4;",
    "warning": "background:#fff4d6;color:#6b4e00;border:1px solid #f0d58a;",
    "info": "background:#e6f0fd;color:#16407a;border:1px solid #a9c6f1;",
}


class MessageBar(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.level = ""
        self.hide()

    def show_message(self, text: str, level: str = "info") -> None:
        self.level = level
        self.setText(text)
        self.setStyleSheet(f"QLabel{{{_STYLES.get(level, '')}border-radius:4px;padding:6px;}}")
        self.show()

    def clear_message(self) -> None:
        self.level = ""
        self.clear()
        self.hide()
