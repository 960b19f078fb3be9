"""Every painted image, newest first: the history's painting results as a gallery.

The rows come from the window's history through a ``TaskFeed`` (read again after every
change made in this window), so the gallery is the same after a restart.  An item is one image of a
result (a batch has several); the buttons act on the selected one.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGridLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from studio.core.history import Entry
from studio.ui.history.feed import TaskFeed
from studio.ui.history.media import kind_of
from studio.ui.history_service import HistoryService
from studio.ui.widgets.gallery import Gallery, GalleryItem

LIMIT = 100  # results shown (the History panel pages through everything)
ACTIONS = ("save", "copy", "init", "reuse", "vary")


class ResultsGallery(QWidget):
    chosen = Signal(object, int, str)  # (Entry, image number, path): show it large
    action = Signal(str, object, int, str)  # (one of ACTIONS, Entry, image number, path)
    failed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.history: HistoryService | None = None
        self.entries: dict[int, Entry] = {}
        self.missing: set[str] = set()
        self.feed = TaskFeed("painting", LIMIT, self)
        self.feed.loaded.connect(self._on_rows)
        self.feed.failed.connect(self.failed)
        self._select: tuple[int, int] | None = None  # select this once a refresh brings it
        self.gallery = Gallery(self)
        self.gallery.setMinimumHeight(150)
        labels = {"save": self.tr("Save as…"), "copy": self.tr("Copy"),
                  "init": self.tr("Use as init image"), "reuse": self.tr("Reuse settings"),
                  "vary": self.tr("Vary seed")}
        tips = {"save": self.tr("Save as PNG (with its settings), JPEG or WebP"),
                "copy": self.tr("Copy the image to the clipboard"),
                "init": self.tr("Paint over this image (image to image)"),
                "reuse": self.tr("Put this image's prompt and settings, its seed included, "
                                 "back in the controls"),
                "vary": self.tr("The same settings with a new random seed")}
        self.buttons: dict[str, QPushButton] = {}
        for name in ACTIONS:
            button = QPushButton(labels[name], self)
            button.setToolTip(tips[name])
            button.clicked.connect(lambda _=False, n=name: self._act(n))
            self.buttons[name] = button
        self.favourite = QPushButton("☆", self)
        self.favourite.setMaximumWidth(self.favourite.fontMetrics().horizontalAdvance("★") + 24)
        self.favourite.setCheckable(True)
        self.favourite.setToolTip(self.tr("Favourite"))
        self.favourite.clicked.connect(self.toggle_favourite)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        grid = QGridLayout()  # two rows: the window stays usable on small screens
        grid.setContentsMargins(0, 0, 0, 0)
        for column, widget in enumerate((self.buttons["init"], self.buttons["reuse"],
                                         self.buttons["vary"], self.favourite)):
            grid.addWidget(widget, 0, column)
        for column, widget in enumerate((self.buttons["save"], self.buttons["copy"],
                                         self.delete_button)):
            grid.addWidget(widget, 1, column)
        grid.setColumnStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.gallery, 1)
        layout.addLayout(grid)
        self.gallery.chosen.connect(self._on_chosen)
        self._sync()

    def attach(self, history: HistoryService) -> None:
        self.history = history
        self.feed.attach(history)

    # -- items ------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        self.feed.refresh()

    @property
    def waiting(self) -> bool:
        return self.feed.waiting

    def image_keys(self) -> list[tuple[int, int]]:
        return [item.key for item in self.gallery.items]

    def select(self, rid: int, index: int = 0) -> None:
        """Select image ``index`` of result ``rid`` now, or once a refresh brings it."""
        self._select = None if self.gallery.select_key((rid, index)) else (rid, index)

    @Slot(object)
    def _on_rows(self, rows: list) -> None:
        self.entries = {r.entry.id: r.entry for r in rows}
        self.missing = {path for r in rows for path in r.missing}
        items = []
        for r in rows:
            e = r.entry
            images = [f for f in e.files if kind_of(f) == "image"]
            seed = e.request.get("seed")
            for k, path in enumerate(images):
                caption = " ".join(filter(None, (
                    "★" if e.favourite else "", str(seed + k) if isinstance(seed, int) else "",
                    self.tr("stopped") if e.status == "stopped" else "",
                    self.tr("missing") if path in r.missing else "")))
                tip = e.prompt[:300] + (f"\n{self.tr('Seed')}: {seed + k}"
                                        if isinstance(seed, int) else "")
                items.append(GalleryItem(path, (e.id, k), caption, tip))
        want, self._select = self._select, None
        self.gallery.set_items(items)
        if want is not None:
            self.select(*want)
        self._sync()

    # -- the selected image ----------------------------------------------------------------------
    def selected(self) -> tuple[Entry, int, str] | None:
        item = self.gallery.current()
        if item is None or item.key[0] not in self.entries:
            return None
        return self.entries[item.key[0]], item.key[1], item.path

    @Slot(object)
    def _on_chosen(self, item: GalleryItem) -> None:
        self._sync()
        found = self.selected()
        if found is not None:
            self.chosen.emit(*found)

    def _sync(self) -> None:
        found = self.selected()
        there = found is not None and found[2] not in self.missing
        for name, button in self.buttons.items():
            button.setEnabled(there or (found is not None and name in ("reuse", "vary")))
        self.favourite.setEnabled(found is not None)
        self.delete_button.setEnabled(found is not None)
        self.favourite.setChecked(found is not None and found[0].favourite)
        self.favourite.setText("★" if self.favourite.isChecked() else "☆")

    def _act(self, name: str) -> None:
        found = self.selected()
        if found is not None:
            self.action.emit(name, *found)

    @Slot()
    def toggle_favourite(self) -> None:
        found = self.selected()
        if found is not None and self.history is not None:
            self.history.set_favourite(found[0].id, not found[0].favourite)  # refreshes

    def confirm_delete(self, entry: Entry) -> bool:
        """Ask before deleting (tests replace this)."""
        count = len(entry.files)
        answer = QMessageBox.question(
            self, self.tr("Delete result"),
            self.tr("Delete “%1” and its %2 image file(s)? This cannot be undone.")
            .replace("%1", entry.title).replace("%2", str(count)))
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def delete_selected(self) -> None:
        found = self.selected()
        if found is None or self.history is None or not self.confirm_delete(found[0]):
            return
        self.gallery.forget(found[0].files)
        self.history.delete(found[0].id, delete_files=True)  # ``changed`` refreshes

    def shutdown(self) -> None:
        self.gallery.shutdown()


def image_name(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]
