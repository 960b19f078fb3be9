"""Everything spoken, newest first: the history's voice results, to play, save or delete.

The rows come from the window's history through a ``TaskFeed`` (read again after every
change made in this window).  Deleting asks first and removes the take's files with it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.history import Entry
from studio.ui.history.feed import TaskFeed
from studio.ui.history_service import HistoryService, Row
from studio.ui.widgets.transport import clock

LIMIT = 200  # takes listed (the History panel pages through everything)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def audio_file(entry: Entry) -> str:
    return next((f for f in entry.files if not f.lower().endswith(".srt")), "")


def srt_file(entry: Entry) -> str:
    return next((f for f in entry.files if f.lower().endswith(".srt")), "")


class TakesList(QWidget):
    play_requested = Signal(object)  # Entry
    save_requested = Signal(object)  # Entry
    failed = Signal(str)  # translated

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.history: HistoryService | None = None
        self.rows: list[Row] = []
        self.feed = TaskFeed("voice", LIMIT, self)
        self.feed.loaded.connect(self._on_rows)
        self.feed.failed.connect(self.failed)
        self._select: int | None = None  # select this id when it shows up
        self.list = QListWidget(self)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(True)
        self.list.itemDoubleClicked.connect(self._on_double_click)
        self.list.currentRowChanged.connect(self._sync)
        self.play_button = self._button(self.tr("Play"), self.play_selected)
        self.save_button = self._button(self.tr("Save as…"), self.save_selected)
        self.delete_button = self._button(self.tr("Delete…"), self.delete_selected)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for b in (self.play_button, self.save_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self._sync()

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        return button

    def attach(self, history: HistoryService) -> None:
        self.history = history
        self.feed.attach(history)

    # -- rows ---------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        self.feed.refresh()

    @property
    def waiting(self) -> bool:
        return self.feed.waiting

    def ids(self) -> list[int]:
        return [r.entry.id for r in self.rows]

    def select_id(self, rid: int | None) -> None:
        """Select the take ``rid`` now, or once a refresh brings it."""
        self._select = rid
        if rid in self.ids():
            self.list.setCurrentRow(self.ids().index(rid))
            self._select = None

    @Slot(object)
    def _on_rows(self, rows: list[Row]) -> None:
        current = self.selected()
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for r in self.rows:
            item = QListWidgetItem(self._label(r), self.list)
            item.setData(ID_ROLE, r.entry.id)
            item.setToolTip("\n".join([r.entry.prompt[:500], *r.missing]))
        self.list.blockSignals(False)
        keep = self._select if self._select is not None else (
            current.id if current is not None else None)
        self.select_id(keep)
        if self.list.currentRow() < 0 and self.rows:
            self.list.setCurrentRow(0)
        self._sync()

    def _label(self, row: Row) -> str:
        e = row.entry
        when = dt.datetime.fromtimestamp(e.created)
        stamp = when.strftime("%H:%M" if when.date() == dt.date.today() else "%Y-%m-%d %H:%M")
        parts = [stamp]
        seconds = e.timings.get("audio_s")
        if isinstance(seconds, int | float):
            parts.append(clock(seconds))
        if e.status == "stopped":
            parts.append(self.tr("stopped"))
        if row.missing:
            parts.append(self.tr("file missing"))
        return f"{e.title}\n{'  ·  '.join(parts)}"

    # -- actions --------------------------------------------------------------------------------
    def selected_row(self) -> Row | None:
        i = self.list.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def selected(self) -> Entry | None:
        row = self.selected_row()
        return row.entry if row is not None else None

    @Slot()
    def _sync(self, *_args) -> None:
        row = self.selected_row()
        playable = row is not None and audio_file(row.entry) not in row.missing \
            and bool(audio_file(row.entry))
        self.play_button.setEnabled(playable)
        self.save_button.setEnabled(playable)
        self.delete_button.setEnabled(row is not None)

    @Slot(QListWidgetItem)
    def _on_double_click(self, _item) -> None:
        self.play_selected()

    @Slot()
    def play_selected(self) -> None:
        entry = self.selected()
        if entry is not None and audio_file(entry):
            self.play_requested.emit(entry)

    @Slot()
    def save_selected(self) -> None:
        entry = self.selected()
        if entry is not None and audio_file(entry):
            self.save_requested.emit(entry)

    def confirm_delete(self, entry: Entry) -> bool:
        """Ask before deleting (tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Delete take"),
            self.tr("Delete “%1” and its audio and subtitle files? This cannot be undone.")
            .replace("%1", entry.title))
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is None or self.history is None or not self.confirm_delete(entry):
            return
        self.history.delete(entry.id, delete_files=True)  # ``changed`` refreshes the list
