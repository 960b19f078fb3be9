"""The selected result: what it was asked and made, where it came from, and what to do with it."""

from __future__ import annotations

import html
import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from studio.core.history import Entry
from studio.ui.history_service import Detail, Row

from .labels import missing_label, status_label, task_label, when

_PROMPT_SHOWN = 300  # characters; the whole prompt is in the tooltip


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class DetailView(QWidget):
    action = Signal(str)  # "use", "rerun", "favourite", "open", "copy", "reveal", "delete"
    link = Signal(int)  # a lineage link: the result to select

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.row: Row | None = None
        self.title = self._label()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.meta = self._label()
        self.prompt = self._label()
        self.prompt.setStyleSheet("color: palette(placeholder-text);")
        self.lineage = QLabel(self)
        self.lineage.setWordWrap(True)
        self.lineage.setTextFormat(Qt.TextFormat.RichText)
        self.lineage.linkActivated.connect(lambda href: self.link.emit(int(href)))
        self.missing = self._label()
        self.missing.setStyleSheet("color: #b91c1c;")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.buttons: dict[str, QToolButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (name, label, tip) in enumerate((
                ("use", self.tr("Use settings"), self.tr("Load this request into its tab")),
                ("rerun", self.tr("Re-run"), self.tr("Run the same request again (same seed: "
                                                     "same result)")),
                ("favourite", self.tr("Favourite"), self.tr("Mark or unmark as a favourite")),
                ("delete", self.tr("Delete"), self.tr("Remove from the history")),
                ("open", self.tr("Open"), self.tr("Open the file, or show the text")),
                ("copy", self.tr("Copy"), self.tr("Copy the text (or the file paths)")),
                ("reveal", self.tr("Show in folder"), self.tr("Open the folder that holds "
                                                               "the file")))):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(tip)
            button.setObjectName(f"history-{name}")
            button.setSizePolicy(button.sizePolicy().Policy.Expanding,
                                 button.sizePolicy().Policy.Fixed)
            button.clicked.connect(lambda _=False, n=name: self.action.emit(n))
            grid.addWidget(button, i // 4, i % 4)
            self.buttons[name] = button
        self.buttons["favourite"].setCheckable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        for widget in (self.title, self.meta, self.prompt, self.lineage, self.missing):
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addLayout(grid)
        self.show_row(None)

    def _label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_row(self, row: Row | None, loads_requests: bool = False) -> None:
        """Show ``row`` (None: nothing selected); lineage follows with ``show_detail``."""
        self.row = row
        entry = row.entry if row is not None else None
        self.title.setText(entry.title if entry else self.tr("Select a result to see it here."))
        self.meta.setText(self._meta(entry) if entry else "")
        prompt = entry.prompt if entry and entry.prompt.strip() != entry.title else ""
        self.prompt.setText(_cut(prompt, _PROMPT_SHOWN))
        self.prompt.setToolTip(prompt)
        self.lineage.clear()
        missing = missing_label(row.missing, entry.files) if row else ""
        self.missing.setText(missing + ("\n" + "\n".join(row.missing) if missing else ""))
        body = entry.text if entry else ""
        if entry and entry.files:
            body = "\n".join([*([body, ""] if body else []), *entry.files])
        self.text.setPlainText(body)
        for widget in (self.meta, self.prompt, self.lineage, self.missing):
            widget.setVisible(bool(widget.text()))
        has_file = bool(entry and len(row.missing) < len(entry.files))
        enabled = {"use": loads_requests, "rerun": loads_requests, "favourite": True,
                   "delete": True, "open": bool(entry and (entry.text or has_file)),
                   "copy": bool(entry and (entry.text or entry.files)), "reveal": has_file}
        for name, button in self.buttons.items():
            button.setEnabled(bool(entry) and enabled[name])
        self.buttons["favourite"].setChecked(bool(entry and entry.favourite))
        self.buttons["favourite"].setText(self.tr("★ Favourite") if entry and entry.favourite
                                          else self.tr("☆ Favourite"))

    def _meta(self, entry: Entry) -> str:
        parts = [task_label(entry.task), when(entry.created, full=True), entry.model,
                 status_label(entry), f"#{entry.id}"]
        return " · ".join(p for p in parts if p)

    def show_detail(self, detail: Detail) -> None:
        """Lineage of the shown result: "made from" and "used by" links."""
        if self.row is None or detail.row.entry.id != self.row.entry.id:
            return

        def links(entries: list[Entry], ids: tuple[int, ...] = ()) -> str:
            known = {e.id: e for e in entries}
            return ", ".join(
                f'<a href="{i}">#{i}</a> {html.escape(_cut(known[i].title, 40))}' if i in known
                else f"#{i} " + html.escape(self.tr("(deleted)"))
                for i in (ids or tuple(known)))

        lines = []
        if detail.row.entry.parents:
            lines.append(html.escape(self.tr("Made from")) + " "
                         + links(detail.parents, detail.row.entry.parents))
        if detail.children:
            lines.append(html.escape(self.tr("Used by")) + " " + links(detail.children))
        self.lineage.setText("<br>".join(lines))
        self.lineage.setVisible(bool(lines))

    def file_to_open(self) -> str | None:
        """The first file still on disk."""
        if self.row is None:
            return None
        return next((f for f in self.row.entry.files
                     if f not in self.row.missing and os.path.exists(f)), None)
