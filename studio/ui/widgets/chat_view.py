"""Read-only conversation view: one block per message, re-rendered on demand."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser

_COLORS = {"user": "#e6f0fd", "assistant": "#f3f4f6", "system": "#fff4d6"}


class ChatView(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.labels = {"user": self.tr("You"), "assistant": self.tr("Assistant"),
                       "system": self.tr("System")}

    def render(self, messages: list[tuple[str, str]], streaming: str | None = None) -> None:
        parts = []
        shown = list(messages) + ([("assistant", streaming)] if streaming is not None else [])
        for role, text in shown:
            body = html.escape(text).replace("\n", "<br>") or "…"
            parts.append(
                f'<table width="100%" cellpadding="8" style="margin-bottom:6px">'
                f'<tr><td style="background:{_COLORS.get(role, "#fff")}">'
                f"<b>{html.escape(self.labels.get(role, role))}</b><br>{body}</td></tr></table>"
            )
        bar = self.verticalScrollBar()
        follow = bar.value() >= bar.maximum() - 8  # keep the user's place if they scrolled up
        position = bar.value()
        self.setHtml("".join(parts))
        bar.setValue(bar.maximum() if follow else position)
