"""Chat mode's output: the conversation, a reply being written, and a reply's alternatives."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from studio.core.conversation import Conversation
from studio.ui.widgets.chat_view import ChatView


class ChatPanel(QWidget):
    choice_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.conversation = Conversation()
        self.view = ChatView(self)
        self.switcher = QWidget(self)  # shown when the last reply has alternatives
        self.previous = QToolButton(self.switcher)
        self.previous.setText("‹")
        self.previous.setToolTip(self.tr("Previous answer"))
        self.next = QToolButton(self.switcher)
        self.next.setText("›")
        self.next.setToolTip(self.tr("Next answer"))
        self.choice = QLabel(self.switcher)
        self.previous.clicked.connect(self.show_previous)
        self.next.clicked.connect(self.show_next)
        row = QHBoxLayout(self.switcher)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Answers"), self.switcher))
        row.addWidget(self.previous)
        row.addWidget(self.choice)
        row.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.switcher)
        self._pending: tuple[str | None, str | None] | None = None
        self.render()

    def set_pending(self, user: str | None, reply: str | None) -> None:
        """A message being answered: ``user`` (None when the last reply is being redone) and
        the reply so far (None while nothing has arrived)."""
        self._pending = (user, reply)
        self.render()

    def clear_pending(self) -> None:
        self._pending = None
        self.render()

    def show_previous(self) -> None:
        self.choose(-1)

    def show_next(self) -> None:
        self.choose(1)

    def choose(self, step: int) -> None:
        self.conversation.choose(step)
        self.render()
        self.choice_changed.emit()

    def render(self) -> None:
        messages = self.conversation.messages()
        streaming = None
        if self._pending is not None:
            user, reply = self._pending
            if user is not None:
                messages.append(("user", user))
            elif reply is not None:  # a new answer replaces the old one on screen only
                messages = messages[:-1]
            streaming = reply if reply is not None else ("" if user is not None else None)
        self.view.render(messages, streaming)
        last = self.conversation.last_reply
        many = last is not None and len(last.texts) > 1 and self._pending is None
        self.switcher.setVisible(many)
        if many:
            self.choice.setText(f"{last.chosen + 1}/{len(last.texts)}")
            self.previous.setEnabled(last.chosen > 0)
            self.next.setEnabled(last.chosen < len(last.texts) - 1)
