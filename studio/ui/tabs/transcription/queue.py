"""The files to transcribe, one after another: each with its status, progress and transcript.

An ``Item`` is one audio file and what became of it (its segments, result, history
record, edits); the tab runs the waiting ones in order.  ``QueueList`` shows them:
a click shows an item's transcript, ✕ cancels a waiting or running one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.jobs import Segment

ACTIVE = ("waiting", "running")


@dataclass(eq=False)
class Item:
    path: str
    request: Any = None  # a request to run as it is (Re-run); None: the tab's options
    parents: tuple = ()  # history lineage of the transcript
    status: str = "waiting"  # waiting | running | done | stopped | cancelled | failed
    fraction: float | None = None
    segments: list[Segment] = field(default_factory=list)
    result: Any = None  # TranscriptResult: the engine's, a stopped job's partial, a live one
    resolved: Any = None  # the request as it ran (what the history records)
    ref: Any = None  # its history record (id or Pending), once recorded
    edited: bool = False  # the text was edited since it was recorded
    message: str = ""
    live: bool = False

    @property
    def name(self) -> str:
        return os.path.basename(self.path)


class QueueList(QWidget):
    chosen = Signal(object)  # Item: show its transcript
    cancel_requested = Signal(object)  # Item

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[Item] = []
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Status"), ""])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemClicked.connect(self._on_clicked)
        self.clear_button = QPushButton(self.tr("Clear finished"), self)
        self.clear_button.clicked.connect(self.clear_finished)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)

    def _row(self, item: Item) -> QTreeWidgetItem | None:
        try:
            return self.tree.topLevelItem(self.items.index(item))
        except ValueError:
            return None

    def add(self, item: Item) -> None:
        self.items.append(item)
        row = QTreeWidgetItem([item.name, ""])
        row.setToolTip(0, item.path)
        self.tree.addTopLevelItem(row)
        cancel = QToolButton(self.tree)
        cancel.setText("✕")
        cancel.setAutoRaise(True)
        cancel.setToolTip(self.tr("Cancel this file (what is transcribed so far is kept)"))
        cancel.clicked.connect(lambda _=False, it=item: self.cancel_requested.emit(it))
        self.tree.setItemWidget(row, 2, cancel)
        self.update_item(item)

    def cancel_button(self, item: Item) -> QToolButton | None:
        row = self._row(item)
        return self.tree.itemWidget(row, 2) if row is not None else None

    def status_text(self, item: Item) -> str:
        if item.status == "running":
            return (self.tr("Transcribing…") if item.fraction is None
                    else f"{item.fraction:.0%}")
        return {"waiting": self.tr("Waiting"), "done": self.tr("Done"),
                "stopped": self.tr("Stopped (partial)"), "cancelled": self.tr("Cancelled"),
                "failed": self.tr("Failed")}.get(item.status, item.status)

    def update_item(self, item: Item) -> None:
        row = self._row(item)
        if row is None:
            return
        text = self.status_text(item)
        if item.live and item.status == "done":
            text = self.tr("Done (live)")
        if item.edited:
            text += " · " + self.tr("edited")
        row.setText(0, item.name)
        row.setToolTip(0, item.path)
        row.setText(1, text)
        row.setToolTip(1, item.message)
        button = self.tree.itemWidget(row, 2)
        if button is not None:
            button.setEnabled(item.status in ACTIVE)
        self.clear_button.setEnabled(any(i.status not in ACTIVE for i in self.items))

    def select(self, item: Item) -> None:
        row = self._row(item)
        if row is not None:
            self.tree.setCurrentItem(row)

    def next_waiting(self) -> Item | None:
        return next((i for i in self.items if i.status == "waiting"), None)

    @Slot(QTreeWidgetItem, int)
    def _on_clicked(self, row: QTreeWidgetItem, _column: int) -> None:
        index = self.tree.indexOfTopLevelItem(row)
        if 0 <= index < len(self.items):
            self.chosen.emit(self.items[index])

    @Slot()
    def clear_finished(self) -> None:
        """Forget the items that ended (their transcripts are in the history)."""
        for item in [i for i in self.items if i.status not in ACTIVE]:
            self.tree.takeTopLevelItem(self.items.index(item))
            self.items.remove(item)
        self.clear_button.setEnabled(any(i.status not in ACTIVE for i in self.items))

    def rename(self, old: str, new: str) -> None:
        for item in self.items:
            if item.path == old:
                item.path = new
                self.update_item(item)

    def set_ended(self, item: Item, status: str, message: str = "") -> None:
        item.status, item.message = status, message
        self.update_item(item)
        self.tree.viewport().update()

