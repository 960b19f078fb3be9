"""A plain-text editor that accepts dropped text and dropped .txt/.md files.

Dropped files are not read here (no file I/O on the UI thread): the editor
emits ``file_dropped`` and the tab loads the file in a worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPlainTextEdit

from .drop_zone import local_paths

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class PromptEdit(QPlainTextEdit):
    file_dropped = Signal(str)
    submit = Signal()  # Ctrl+Enter
    escape = Signal()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setTabChangesFocus(True)

    def replace_text(self, text: str) -> None:
        """Replace everything with ``text`` as one undoable edit (setPlainText clears undo)."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    @staticmethod
    def _local_file(mime) -> str:
        paths = local_paths(mime)
        return paths[0] if paths else ""

    def dragEnterEvent(self, event) -> None:
        if self._local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if self._local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        path = self._local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.file_dropped.emit(path)
            return
        super().dropEvent(event)  # dropped text is inserted by Qt
