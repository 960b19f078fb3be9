"""The Writing tab's mode picker: chat (the model's chat template) or completion."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

CHAT, COMPLETION = "chat", "completion"


class ModeBox(QComboBox):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("Chat"), CHAT)
        self.addItem(self.tr("Completion"), COMPLETION)
        self.setToolTip(self.tr("Chat uses the model's chat template; completion continues "
                                "your text"))

    def current(self) -> str:
        return self.currentData()

    def choose(self, mode: object) -> None:
        index = self.findData(mode)
        if index >= 0:
            self.setCurrentIndex(index)

    def allow_chat(self, allowed: bool) -> None:
        """Chat needs a chat template: without one the item is disabled and completion chosen."""
        item = self.model().item(self.findData(CHAT))
        item.setEnabled(allowed)
        item.setToolTip("" if allowed else self.tr("This model has no chat template"))
        if not allowed and self.current() == CHAT:
            self.choose(COMPLETION)
