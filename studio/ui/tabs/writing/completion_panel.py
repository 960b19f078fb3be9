"""Completion mode's output: one read-only page per generated sequence."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QTabWidget


class CompletionPanel(QTabWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.texts: list[str] = []
        self.prompt = ""  # the prompt these texts continue (Regenerate and Continue use it)

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

    def to_draft(self) -> dict[str, Any]:
        return {"prompt": self.prompt, "outputs": list(self.texts), "current": self.currentIndex()}

    def restore(self, data: Any) -> None:
        """Inverse of to_draft(); tolerates anything (and the older bare list of outputs)."""
        data = data if isinstance(data, dict) else {"outputs": data}
        outputs = data.get("outputs")
        if isinstance(outputs, list) and outputs and all(isinstance(t, str) for t in outputs):
            self.set_texts(outputs)
            current = data.get("current")
            if isinstance(current, int) and 0 <= current < len(outputs):
                self.setCurrentIndex(current)
        if isinstance(data.get("prompt"), str):
            self.prompt = data["prompt"]
