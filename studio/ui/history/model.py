"""The History list's rows: pages of results loaded as the user scrolls, newest first.

Each query goes to the ``HistoryService`` with a token; an answer whose token is not
the one awaited (the search changed meanwhile) is dropped.  A refresh (after a write)
reads again as many rows as are shown, so the list does not shrink back to one page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

from studio.ui.history_service import HistoryService, Page, Row

from .media import Media

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 50
_ROOT = QModelIndex()


class HistoryModel(QAbstractListModel):
    loaded = Signal()  # a page arrived (the first page: the rows were replaced)
    query_failed = Signal(str)  # the message

    def __init__(self, service: HistoryService, media: Media, parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self.media = media
        self.rows: list[Row] = []
        self.total: int | None = None
        self.filters: dict[str, Any] = {}
        self._token: int | None = None  # the query whose answer is awaited
        self._asked = 0  # rows that query asked for
        self._more = False
        self._refreshing = False
        self.was_refresh = False  # the rows last replaced were a refresh, not a new query
        service.answered.connect(self._on_answer)
        service.failed.connect(self._on_failed)
        media.ready.connect(self._on_media)

    # -- Qt model -------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.entry.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([row.entry.title, *row.missing])
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more and self._token is None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._ask(len(self.rows), PAGE)

    # -- queries ----------------------------------------------------------------------------------
    def set_filters(self, filters: dict[str, Any]) -> None:
        self.filters = dict(filters)
        self._refreshing = False
        self._ask(0, PAGE)

    def refresh(self) -> None:
        """Read the shown rows again (a result was added, changed or deleted)."""
        self._refreshing = self._token is None or self._refreshing  # a query asked stays one
        self._ask(0, max(PAGE, len(self.rows)))

    @property
    def waiting(self) -> bool:
        return self._token is not None

    def _ask(self, offset: int, limit: int) -> None:
        self._asked = limit
        self._token = self.service.query(self.filters, offset, limit)

    @Slot(int, object)
    def _on_answer(self, token: int, page: object) -> None:
        if token != self._token or not isinstance(page, Page):
            return
        self._token = None
        self._more = len(page.rows) >= self._asked
        if page.offset == 0:
            self.was_refresh = self._refreshing
            self.beginResetModel()
            self.rows = list(page.rows)
            self.total = page.total
            self.endResetModel()
        elif page.rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.rows) - 1)
            self.rows += page.rows
            self.endInsertRows()
        self.loaded.emit()

    @Slot(int, str)
    def _on_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self._token = None
            self._more = False
            self.query_failed.emit(message)

    @Slot(str)
    def _on_media(self, path: str) -> None:
        for i, row in enumerate(self.rows):
            if path in row.entry.files:
                index = self.index(i)
                self.dataChanged.emit(index, index)

    # -- rows ----------------------------------------------------------------------------------
    def row_of(self, rid: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.entry.id == rid), -1)

    def replace_row(self, row: Row) -> None:
        """Show a changed result at once (a favourite star), before the refresh confirms it."""
        i = self.row_of(row.entry.id)
        if i >= 0:
            self.rows[i] = row
            self.dataChanged.emit(self.index(i), self.index(i))
