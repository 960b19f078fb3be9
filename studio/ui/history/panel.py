"""The History panel: search and filters, the results newest first, the selected one's detail.

Everything it reads comes from the ``HistoryService`` (off the UI thread).  It reads
only while it is shown, and again each time it is shown (the CLI may have added
results meanwhile).  Use settings and Re-run are signals: the window knows the tabs.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.core.history import Entry
from studio.ui.history_service import Detail, HistoryService, Row
from studio.ui.widgets.message_bar import MessageBar

from .delegate import RowDelegate
from .detail import DetailView
from .filters import FilterBar
from .media import Media
from .model import ROW_ROLE, HistoryModel

KEEP_FILES, DELETE_FILES = False, True  # confirm_delete's answers (None: cancel)


class HistoryPanel(QWidget):
    use_settings = Signal(object)  # Entry: load its request into its tab
    rerun = Signal(object)  # Entry: run its request again

    def __init__(self, service: HistoryService, loads_requests: Callable[[str], bool] = bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.loads_requests = loads_requests  # task -> whether its tab takes requests back
        # Replaceable (tests): ask before deleting; open a file or folder.
        self.confirm_delete: Callable[[Entry], bool | None] = self._ask_delete
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.media = Media(self)
        self.model = HistoryModel(service, self.media, self)
        self.filters = FilterBar(self)
        self.count = QLabel(self)
        self.count.setObjectName("history-count")
        self.message = MessageBar(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(RowDelegate(self.media, self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self.act("delete"))
        self.detail = DetailView(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filters)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

        self._stale = True  # read again when next shown
        self._selected: int | None = None  # the id shown in the detail
        self._detail_token: int | None = None
        self._models_token: int | None = None
        self.filters.changed.connect(self.reload)
        self.model.loaded.connect(self._on_loaded)
        self.model.query_failed.connect(lambda text: self.message.show_message(text, "error"))
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.list.customContextMenuRequested.connect(self._menu)
        self.detail.action.connect(self.act)
        self.detail.link.connect(self.select_id)
        service.changed.connect(self._on_changed)
        service.answered.connect(self._on_answer)
        service.failed.connect(self._on_failed)

    # -- reading --------------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        """Read the first page again with the current filters."""
        self._stale = False
        self.model.set_filters(self.filters.values())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
            self._models_token = self.service.models()  # the model filter's choices

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._stale = True  # results made elsewhere (the CLI) show when it opens again

    @Slot()
    def _on_changed(self) -> None:
        if self.isVisible():
            self.model.refresh()
            if self._selected is not None:
                self._detail_token = self.service.detail(self._selected)
        else:
            self._stale = True

    @Slot()
    def _on_loaded(self) -> None:
        total = self.model.total if self.model.total is not None else len(self.model.rows)
        if total:
            self.count.setText(self.tr("1 result") if total == 1
                               else self.tr("%1 results").replace("%1", str(total)))
        elif self.filters.active():
            self.count.setText(self.tr("Nothing matches."))
        else:
            self.count.setText(self.tr("Nothing here yet: finished results appear here."))
        i = self.model.row_of(self._selected) if self._selected is not None else -1
        if not self.model.was_refresh:
            self.list.scrollToTop()  # a new search starts at its newest result
        if i >= 0:  # keep the selection across a refresh (the rows were replaced)
            index = self.model.index(i)
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(index)

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row: Row | None = current.data(ROW_ROLE) if current.isValid() else None
        if row is None:
            return  # a reset: _on_loaded selects the same result again
        self._show(row)

    def _show(self, row: Row) -> None:
        if self._selected != row.entry.id or self.detail.row != row:
            self.detail.show_row(row, self.loads_requests(row.entry.task))
        self._selected = row.entry.id
        self._detail_token = self.service.detail(row.entry.id)

    def select_id(self, rid: int) -> None:
        """Show result ``rid``: selected in the list when it is there, else in the detail only."""
        i = self.model.row_of(rid)
        if i >= 0:
            index = self.model.index(i)
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(index)
        else:  # filtered out or not loaded yet: show it anyway
            self.list.selectionModel().clearSelection()
            self._selected = rid
            self._detail_token = self.service.detail(rid)

    @Slot(int, object)
    def _on_answer(self, token: int, value: object) -> None:
        if token == self._detail_token:
            self._detail_token = None
            if isinstance(value, Detail):
                if self.detail.row is None or self.detail.row != value.row:
                    self.detail.show_row(value.row, self.loads_requests(value.row.entry.task))
                self.detail.show_detail(value)
            elif value is None:  # deleted meanwhile
                self._selected = None
                self.detail.show_row(None)
        elif token == self._models_token:
            self._models_token = None
            self.filters.set_models(list(value) if isinstance(value, list) else [])

    @Slot(int, str)
    def _on_failed(self, token: int, message: str) -> None:
        if token in (self._detail_token, self._models_token):
            self.message.show_message(message, "error")

    # -- actions ---------------------------------------------------------------------------------
    @Slot(str)
    def act(self, action: str) -> None:
        row = self.detail.row
        if row is None:
            return
        entry = row.entry
        self.message.clear_message()
        if action == "use":
            self.use_settings.emit(entry)
        elif action == "rerun":
            self.rerun.emit(entry)
        elif action == "favourite":
            self.service.set_favourite(entry.id, not entry.favourite)
            changed = Row(dataclasses.replace(entry, favourite=not entry.favourite), row.missing)
            self.model.replace_row(changed)  # at once; the refresh confirms it
            self.detail.show_row(changed, self.loads_requests(entry.task))
        elif action == "delete":
            answer = self.confirm_delete(entry)
            if answer is not None:
                self.service.delete(entry.id, delete_files=bool(answer))
                self.media.forget(entry.files)
        elif action == "open":
            path = self.detail.file_to_open()
            if path:
                self.open_url(QUrl.fromLocalFile(path))
            else:  # a text: it is shown right here
                self.detail.text.setFocus()
        elif action == "copy":
            QGuiApplication.clipboard().setText(entry.text or "\n".join(entry.files))
        elif action == "reveal":
            path = self.detail.file_to_open()
            if path:
                self.open_url(QUrl.fromLocalFile(os.path.dirname(path)))

    @Slot(QPoint)
    def _menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid():
            return
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        menu = QMenu(self)
        for name in ("open", "copy", "reveal", "use", "rerun", "favourite", "delete"):
            button = self.detail.buttons[name]
            item = menu.addAction(button.text())
            item.setEnabled(button.isEnabled())
            item.triggered.connect(lambda _=False, n=name: self.act(n))
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def _ask_delete(self, entry: Entry) -> bool | None:
        """Delete from the history: with or without its files (None: the user cancelled)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete result"))
        if entry.made_files:  # the user's own files (a transcript's audio) are never offered
            box.setText(self.tr("Delete “%1” from the history? Its files can be deleted "
                                "too.").replace("%1", entry.title))
            with_files = box.addButton(self.tr("Delete with its files"),
                                       QMessageBox.ButtonRole.DestructiveRole)
            keep = box.addButton(self.tr("Delete, keep the files"),
                                 QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setText(self.tr("Delete “%1” from the history?").replace("%1", entry.title))
            with_files = None
            keep = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is not None and clicked is with_files:
            return DELETE_FILES
        return KEEP_FILES if clicked is not None and clicked is keep else None

    def shutdown(self) -> None:
        self.media.shutdown()
