"""A grid of image thumbnails, read off the UI thread.

Each item is a file with a key (what the caller needs to act on it) and a caption;
thumbnails come from ``Media`` (a background thread) and fill in as they arrive, so a
gallery of hundreds of images opens at once.  A file that is gone or unreadable
keeps a grey tile.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from studio.ui.history.media import Media

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB = 112


@dataclass(frozen=True)
class GalleryItem:
    path: str
    key: object  # the caller's handle (e.g. history id and image number)
    caption: str = ""  # under the thumbnail: a favourite star, "stopped"
    tooltip: str = ""


class Gallery(QListWidget):
    chosen = Signal(object)  # the GalleryItem clicked (or selected with the keyboard)

    def __init__(self, parent=None, size: int = THUMB) -> None:
        super().__init__(parent)
        self.items: list[GalleryItem] = []
        self.media = Media(self, size)
        self.media.ready.connect(self._on_ready)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(size, size))
        self.setGridSize(QSize(size + 16, size + 34))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self._blank = QPixmap(size, size)
        self._blank.fill(QColor("#d1d5db"))
        self.currentRowChanged.connect(self._on_row)

    def set_items(self, items: list[GalleryItem], select_key: object = None) -> None:
        """Show ``items`` (keeping the selection by key when it is still there)."""
        keep = select_key if select_key is not None else (
            self.current().key if self.current() is not None else None)
        self.blockSignals(True)
        self.clear()
        self.items = list(items)
        for item in self.items:
            thumb = self.media.preview(item.path)
            widget_item = QListWidgetItem(
                QIcon(thumb if isinstance(thumb, QPixmap) else self._blank), item.caption, self)
            widget_item.setData(KEY_ROLE, item.key)
            widget_item.setToolTip(item.tooltip)
            widget_item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
        keys = [i.key for i in self.items]
        if keep in keys:
            self.setCurrentRow(keys.index(keep))
        self.blockSignals(False)

    def current(self) -> GalleryItem | None:
        row = self.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select_key(self, key: object) -> bool:
        """Select (and emit) the item with ``key``; False if there is none."""
        keys = [i.key for i in self.items]
        if key not in keys:
            return False
        if self.currentRow() == keys.index(key):
            self._on_row(self.currentRow())
        self.setCurrentRow(keys.index(key))
        return True

    def forget(self, paths) -> None:
        """Read these files' thumbnails again next time (a file was written anew)."""
        self.media.forget(paths)

    @Slot(int)
    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.chosen.emit(self.items[row])

    def mousePressEvent(self, event) -> None:
        before = self.currentRow()
        super().mousePressEvent(event)
        if self.currentRow() == before and before >= 0:
            self._on_row(before)  # clicking the selected one shows it again

    @Slot(str)
    def _on_ready(self, path: str) -> None:
        thumb = self.media.preview(path)
        if not isinstance(thumb, QPixmap):
            return
        for row, item in enumerate(self.items):
            if item.path == path:
                self.item(row).setIcon(QIcon(thumb))

    def shutdown(self) -> None:
        self.media.shutdown()
