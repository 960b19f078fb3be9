"""Completion mode's output: one read-only page per generated sequence."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QTabWidget


class CompletionPanel(QTabWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.texts: list[str] = []

    def set_texts(self, texts: list[str]) -> None:
        """Show ``texts``, one page each (pages are reused so the view does not jump)."""
        self.texts = list(texts)
        while self.count() > len(texts):
            view = self.widget(self.count() - 1)
            self.removeTab(self.count() - 1)
            view.deleteLater()
        for i, text in enumerate(texts):
            if i < self.count():
                self.set_text(i, text)
                continue
            view = QPlainTextEdit(self)
            view.setReadOnly(True)
            view.setPlainText(text)
            self.addTab(view, self.tr("Text %1").replace("%1", str(i + 1)))

    def set_text(self, index: int, text: str) -> None:
        self.texts[index] = text
        view = self.widget(index)
        if view is not None and view.toPlainText() != text:
            view.setPlainText(text)
            view.moveCursor(view.textCursor().MoveOperation.End)

    def current_text(self) -> str:
        i = self.currentIndex()
        return self.texts[i] if 0 <= i < len(self.texts) else ""
