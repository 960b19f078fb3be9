"""The Models dialog's table: rows, their downloads, a filter by task and text, progress bars."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QTableView,
)

from studio.core import catalog, downloads
from studio.core.devices import format_bytes
from studio.core.downloads import DownloadStatus

from ..texts import core_text, model_description
from . import labels
from .rows import LOCAL_GONE, Row

NAME, SIZE, LICENCE, LANGUAGES, RUNS_ON, STATUS = range(6)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
DOWNLOAD_ROLE = Qt.ItemDataRole.UserRole + 2
ERROR_COLOUR = QColor("#b91c1c")
_ROOT = QModelIndex()


class ModelListModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.downloads: dict[str, DownloadStatus] = {}  # ref -> its newest download
        self.chosen: dict[str, str] = {}  # task -> the model the settings use

    # -- feeding ------------------------------------------------------------------------------
    def set_rows(self, rows: list[Row]) -> None:
        if [r.key for r in rows] == [r.key for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, STATUS))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_download(self, status: DownloadStatus) -> None:
        known = self.downloads.get(status.ref)
        if known is not None and known.id > status.id:
            return  # an older download of the same model
        self.downloads[status.ref] = status
        self._changed(status.ref)

    def forget_download(self, ref: str) -> None:
        if self.downloads.pop(ref, None) is not None:
            self._changed(ref)

    def set_chosen(self, chosen: dict[str, str]) -> None:
        self.chosen = dict(chosen)
        if self.rows:
            self.dataChanged.emit(self.index(0, NAME), self.index(len(self.rows) - 1, NAME))

    def _changed(self, ref: str) -> None:
        for i, row in enumerate(self.rows):
            if row.ref == ref:
                self.dataChanged.emit(self.index(i, 0), self.index(i, STATUS))

    def row_for(self, key: tuple[str, str]) -> int:
        return next((i for i, r in enumerate(self.rows) if r.key == key), -1)

    def is_chosen(self, row: Row) -> bool:
        return self.chosen.get(row.task) == row.ref

    # -- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else STATUS + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Model"), self.tr("Size"), self.tr("Licence"), self.tr("Languages"),
                self.tr("Runs on"), self.tr("Status"))[section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        download = self.downloads.get(row.ref)
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == DOWNLOAD_ROLE:
            return download
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, download, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, download, column)
        if role == Qt.ItemDataRole.FontRole and column == NAME and self.is_chosen(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and (
                row.state == LOCAL_GONE
                or (download is not None and download.state == downloads.FAILED)):
            return QBrush(ERROR_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: Row, download: DownloadStatus | None, column: int) -> str:
        if column == NAME:
            return ("✓ " if self.is_chosen(row) else "") + row.name
        if column == SIZE:
            size = row.size or (download.total_bytes if download is not None else 0)
            return format_bytes(size) if size else ""
        if column == LICENCE:
            return row.license
        if column == LANGUAGES:
            return labels.languages(row)
        if column == RUNS_ON:
            return labels.runs_on(row)
        return labels.status_text(row, download)

    def _tooltip(self, row: Row, download: DownloadStatus | None, column: int) -> str:
        if column == LICENCE:
            return row.license
        if column == STATUS:
            if download is not None and download.state == downloads.FAILED:
                return core_text(download.error or "")
            return labels.status_text(row, download)
        lines = [row.name]
        if self.is_chosen(row):
            lines.append(self.tr("Used for this task"))
        entry = catalog.find(row.ref) if row.description else None
        if entry is not None:
            lines.append(model_description(entry))
        if row.source and row.source != row.name:
            lines.append(row.source)
        return "\n".join(lines)


class TaskFilter(QSortFilterProxyModel):
    """Rows of one task whose text holds every word typed in the search box."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.task = "writing"
        self.words: list[str] = []

    def set_task(self, task: str) -> None:
        self.beginFilterChange()
        self.task = task
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        model = self.sourceModel()
        row: Row = model.rows[source_row]
        if row.task != self.task:
            return False
        if not self.words:
            return True
        hay = " ".join(str(model.data(model.index(source_row, c))) for c in range(STATUS + 1))
        hay = f"{hay} {row.ref} {row.source} {row.description}".lower()
        return all(word in hay for word in self.words)


class ProgressDelegate(QStyledItemDelegate):
    """Draws a progress bar in the Status cell of a download that is under way."""

    def paint(self, painter, option, index) -> None:
        download: DownloadStatus | None = index.data(DOWNLOAD_ROLE)
        if index.column() != STATUS or download is None or download.finished:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.direction = option.direction
        bar.fontMetrics = option.fontMetrics
        bar.minimum = 0
        bar.maximum = 1000 if download.fraction is not None else 0  # 0: busy, size unknown
        bar.progress = int(1000 * (download.fraction or 0))
        bar.text = labels.progress_text(download)
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class ModelTable(QTableView):
    """The rows of one task (``filter``) over every task's rows (``rows``), one selected."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows = ModelListModel(self)
        self.filter = TaskFilter(self)
        self.filter.setSourceModel(self.rows)
        self.setModel(self.filter)
        self.setItemDelegate(ProgressDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LICENCE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(NAME, 260)
        self.setColumnWidth(LICENCE, 170)  # long licence names elide; the tooltip has them

    def select(self, key: tuple[str, str]) -> bool:
        """Make the row of ``key`` current; False when no row (of the task shown) has it."""
        source_row = self.rows.row_for(key)
        index = self.filter.mapFromSource(self.rows.index(source_row, 0)) \
            if source_row >= 0 else QModelIndex()
        if not index.isValid():
            return False
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)
        return True

    def selected(self) -> Row | None:
        index = self.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.rows.rows[self.filter.mapToSource(index).row()]
