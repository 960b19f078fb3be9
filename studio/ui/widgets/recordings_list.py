"""The recordings folder as a list: newest first, with name, duration and date.

Play (double-click), rename in place (F2), delete (asks first), show the
folder in the file manager, and drag a recording out to another app (as a
file URL, copy only).  The folder is read off the UI thread, since it can
hold any number of files; renames and deletes run there too, then refresh.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import wave
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.audio.recorder import UNFINISHED

from ..texts import core_text, format_duration
from ..worker import BackgroundCalls

PATH_ROLE = Qt.ItemDataRole.UserRole
BAD_CHARS = set('/\\:*?"<>|\x00')


@dataclass(frozen=True)
class Entry:
    path: Path
    duration_s: float | None  # None: not a WAV this app can read
    modified: float


def scan(folder: Path) -> list[Entry]:
    """The finished recordings in ``folder``, newest first (runs off the UI thread)."""
    found = []
    with contextlib.suppress(FileNotFoundError):
        for item in os.scandir(folder):
            if not item.name.lower().endswith(".wav") or item.name.endswith(UNFINISHED):
                continue
            try:
                modified = item.stat().st_mtime
            except OSError:
                continue
            duration = None
            with contextlib.suppress(OSError, wave.Error, EOFError, ZeroDivisionError), \
                    wave.open(item.path, "rb") as w:
                duration = w.getnframes() / w.getframerate()
            found.append(Entry(Path(item.path), duration, modified))
    found.sort(key=lambda e: e.modified, reverse=True)
    return found


def _rename(old: Path, new: Path) -> tuple[Path, Path, bool]:
    """(old, new, renamed): an existing ``new`` is never overwritten."""
    if new.exists():
        return old, new, False
    old.rename(new)
    return old, new, True


class _Tree(QTreeWidget):
    """Drags out the selected recordings as file URLs; never moves or removes rows."""

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(i.data(0, PATH_ROLE))) for i in items])
        return data

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction  # a "move" accepted elsewhere would drop our row


class RecordingsList(QWidget):
    open_requested = Signal(str)  # play this recording
    renamed = Signal(str, str)  # old path, new path
    deleted = Signal(str)
    failed = Signal(str)  # translated

    def __init__(self, folder: Path, parent=None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.entries: list[Entry] = []
        self.tree = _Tree(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Length"), self.tr("Recorded")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._open(item))
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.play_button = QPushButton(self.tr("Play"), self)
        self.rename_button = QPushButton(self.tr("Rename"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.reveal_button = QPushButton(self.tr("Show folder"), self)
        self.reveal_button.setToolTip(self.tr("Open the recordings folder in the file manager"))
        self.play_button.clicked.connect(lambda: self._open(self._selected_one()))
        self.rename_button.clicked.connect(self.rename_current)
        self.delete_button.clicked.connect(self.delete_selected)
        self.reveal_button.clicked.connect(self.reveal)
        buttons = QHBoxLayout()
        for b in (self.play_button, self.rename_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._calls = BackgroundCalls("recordings", self)
        self._calls.done.connect(self._on_done)
        self._calls.failed.connect(self._on_failed)
        self._update_buttons()

    # The confirmation dialog, replaceable in tests (a modal dialog would block them).
    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete recordings"), text)
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def refresh(self) -> None:
        self._calls.call("scan", scan, self.folder)

    def paths(self) -> list[Path]:
        return [e.path for e in self.entries]

    def _fill(self, entries: list[Entry]) -> None:
        selected = {i.data(0, PATH_ROLE) for i in self.tree.selectedItems()}
        self.entries = entries
        self.tree.blockSignals(True)
        self.tree.clear()
        for e in entries:
            length = format_duration(e.duration_s) if e.duration_s is not None else "?"
            when = dt.datetime.fromtimestamp(e.modified).strftime("%Y-%m-%d %H:%M")
            item = QTreeWidgetItem([e.path.stem, length, when])
            item.setData(0, PATH_ROLE, str(e.path))
            item.setToolTip(0, str(e.path))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.tree.addTopLevelItem(item)
            item.setSelected(str(e.path) in selected)
        self.tree.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = len(self.tree.selectedItems())
        self.play_button.setEnabled(count == 1)
        self.rename_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count > 0)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.open_requested.emit(item.data(0, PATH_ROLE))

    # -- rename ---------------------------------------------------------------------------
    def _selected_one(self) -> QTreeWidgetItem | None:
        items = self.tree.selectedItems()
        return items[0] if len(items) == 1 else None

    def rename_current(self) -> None:
        item = self._selected_one()
        if item is not None:
            self.tree.editItem(item, 0)

    @Slot(QTreeWidgetItem, int)
    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        old = Path(item.data(0, PATH_ROLE))
        name = item.text(0).strip()
        if name == old.stem:
            return
        if not name or name.startswith(".") or BAD_CHARS & set(name):
            self._set_name(item, old.stem)
            self.failed.emit(self.tr("“%1” cannot be a file name: use no / \\ : * ? \" < > | "
                                     "and do not start with a dot.").replace("%1", name))
            return
        self._set_name(item, name)
        self._calls.call("rename", _rename, old, old.with_name(name + old.suffix))

    def _set_name(self, item: QTreeWidgetItem, name: str) -> None:
        self.tree.blockSignals(True)
        item.setText(0, name)
        self.tree.blockSignals(False)

    # -- delete, reveal -------------------------------------------------------------------------
    def delete_selected(self) -> None:
        paths = [Path(i.data(0, PATH_ROLE)) for i in self.tree.selectedItems()]
        if not paths:
            return
        if len(paths) == 1:
            text = self.tr("Delete “%1”? This cannot be undone.").replace("%1", paths[0].stem)
        else:
            text = self.tr("Delete %1 recordings? This cannot be undone.").replace(
                "%1", str(len(paths)))
        if self.confirm(text):
            self._calls.call("delete", _delete, paths)

    def reveal(self) -> None:
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    # -- background results ------------------------------------------------------------------
    @Slot(str, object)
    def _on_done(self, kind: str, value) -> None:
        if kind == "scan":
            self._fill(value)
            return
        if kind == "rename":
            old, new, renamed = value
            if renamed:
                self.renamed.emit(str(old), str(new))
            else:
                self.failed.emit(self.tr("A recording called “%1” exists already.").replace(
                    "%1", new.stem))
        elif kind == "delete":
            for path in value:
                self.deleted.emit(str(path))
        self.refresh()

    @Slot(str, object)
    def _on_failed(self, kind: str, message) -> None:
        self.failed.emit(core_text(message))
        if kind != "scan":
            self.refresh()  # show the names as they really are

    def shutdown(self) -> None:
        self._calls.shutdown()


def _delete(paths: list[Path]) -> list[Path]:
    gone = []
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        gone.append(path)
    return gone
