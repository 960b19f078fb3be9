"""The Models dialog: find, download, verify, remove and choose the model of each task.

Per task it lists the catalogue, the folders and files the user added (drop them
onto the dialog), references downloaded by repo id or URL, and what else the hub
cache holds for the task.  Everything that touches the disk or the network runs
off the UI thread: the list is scanned by a background call, downloads run on the
ModelService's threads, verify and remove are background calls too.  "Use for
this task" goes through the window's settings panel, so the tab follows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabBar,
    QVBoxLayout,
)

from studio.core import catalog
from studio.core.devices import format_bytes
from studio.core.settings import Settings

from ..history.labels import task_label
from ..widgets.drop_zone import local_paths
from ..worker import BackgroundCalls
from . import rows as found
from .actions import OtherModelBar, RowJobs
from .list_model import ModelTable
from .panel import DownloadPanel
from .rows import LOCAL, Row
from .service import ModelService


class ModelsDialog(QDialog):
    use_model = Signal(str, str)  # (task, reference)
    local_models_changed = Signal(object)  # the new Settings.local_models
    settings_requested = Signal(str)  # "token" | "endpoint" | "offline"
    scanned = Signal()  # the list was read from the disk again

    def __init__(self, service: ModelService, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self.setObjectName("models-dialog")
        self.resize(1040, 620)
        self.setAcceptDrops(True)
        self.service = service
        self.settings = settings
        self.jobs = RowJobs(self)  # verify and remove, with what they found per row
        self._scan_id = 0
        self._pending: tuple[str, str] | None = None  # to select once the scan lists it

        self.tasks = QTabBar(self)
        for task in catalog.TASKS:
            self.tasks.addTab(task_label(task))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name, language, licence…"))
        self.search.setClearButtonEnabled(True)
        self.offline_note = QLabel(self.tr("Offline mode is on: downloads are refused. Turn "
                                           "it off in the settings to download."), self)
        self.offline_note.setWordWrap(True)
        self.offline_note.setStyleSheet("color: #92400e")
        self.table = ModelTable(self)
        self.model, self.filter = self.table.rows, self.table.filter
        self.panel = DownloadPanel(self)
        self.other = OtherModelBar(self)
        self.ref_edit, self.ref_button = self.other.ref_edit, self.other.ref_button

        top = QHBoxLayout()
        top.addWidget(self.tasks)
        top.addStretch(1)
        top.addWidget(self.search, 1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.offline_note)
        column.addWidget(self.table, 1)
        column.addWidget(self.panel)
        column.addWidget(self.other)

        self.io = BackgroundCalls("models", self)  # scans of what is on the disk
        self.io.done.connect(self._on_scanned)
        self._rescan_timer = QTimer(self, singleShot=True, interval=150)
        self._rescan_timer.timeout.connect(self.rescan)
        self.tasks.currentChanged.connect(self._on_task)
        self.search.textChanged.connect(self.filter.set_text)
        self.table.selectionModel().currentRowChanged.connect(self._refresh_panel)
        self.filter.modelReset.connect(self._refresh_panel)
        self.filter.layoutChanged.connect(self._refresh_panel)
        self.model.dataChanged.connect(self._on_data_changed)
        self.panel.download.connect(self.download_selected)
        self.panel.cancel.connect(self.cancel_selected)
        self.panel.resume.connect(self.resume_selected)
        self.panel.verify.connect(self.verify_selected)
        self.panel.remove.connect(self.remove_selected)
        self.panel.open_folder.connect(self.open_selected)
        self.panel.use.connect(self.use_selected)
        self.panel.fix.connect(self.settings_requested)
        self.other.download.connect(self.download_ref)
        self.other.add.connect(self.add_local)
        self.other.close_requested.connect(self.close)
        self.jobs.changed.connect(self._refresh_panel)
        self.jobs.finished.connect(self._on_job_finished)
        service.changed.connect(self.model.set_download)
        service.finished.connect(self._schedule_rescan)
        for status in service.statuses():
            self.model.set_download(status)
        self.apply_settings(settings, force=True)

    # -- what is shown ------------------------------------------------------------------------
    def task(self) -> str:
        return catalog.TASKS[max(self.tasks.currentIndex(), 0)]

    def show_task(self, task: str, select: str = "") -> None:
        if task in catalog.TASKS:
            self.tasks.setCurrentIndex(catalog.TASKS.index(task))
        if select:
            self.select(self.task(), select)

    def select(self, task: str, ref: str) -> None:
        """Choose the row of ``ref``; once the next scan lists it if it is not there yet."""
        self._pending = None if self.table.select((task, ref)) else (task, ref)

    def selected(self) -> Row | None:
        return self.table.selected()

    @Slot()
    def _refresh_panel(self, *_args) -> None:
        row = self.selected()
        if row is None:
            self.panel.show_row(None, None)
            return
        self.panel.show_row(row, self.model.downloads.get(row.ref), self.model.is_chosen(row),
                            row.key in self.jobs.busy, self.jobs.notes.get(row.key))

    @Slot(int)
    def _on_task(self, _index: int) -> None:
        self.filter.set_task(self.task())
        self.select(self.task(), self.settings.model_for(self.task()))
        self._refresh_panel()

    def _on_data_changed(self, top, bottom, *_roles) -> None:
        row = self.selected()
        if row is not None and top.row() <= self.model.row_for(row.key) <= bottom.row():
            self._refresh_panel()

    # -- settings and scanning ----------------------------------------------------------------
    def apply_settings(self, settings: Settings, force: bool = False) -> None:
        before = self.settings
        self.settings = settings
        self.offline_note.setVisible(settings.offline)
        self.model.set_chosen({t: settings.model_for(t) for t in catalog.TASKS})
        if force or before.hub_config() != settings.hub_config() or (
                before.local_models, before.models) != (settings.local_models, settings.models):
            self.rescan()
        self._refresh_panel()

    @Slot()
    def rescan(self) -> None:
        self._scan_id += 1
        s = self.settings
        self.io.call(f"scan:{self._scan_id}", found.scan, s.hub_config(),
                     {t: list(v) for t, v in s.local_models.items()},
                     {t: list(v) for t, v in self.service.added.items()},
                     {t: s.model_for(t) for t in catalog.TASKS})

    @Slot(object)
    def _schedule_rescan(self, *_args) -> None:
        self._rescan_timer.start()

    def _set_rows(self, rows: list[Row]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        self.filter.set_task(self.task())
        target = self._pending or (keep.key if keep else (
            self.task(), self.settings.model_for(self.task())))
        self.select(*target)
        self._refresh_panel()
        self.scanned.emit()

    # -- actions ------------------------------------------------------------------------------
    @Slot()
    def download_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.jobs.forget(row.key)
            self.service.download(row.ref, row.task)

    @Slot(str)
    def download_ref(self, ref: str) -> None:
        entry = catalog.find(ref)
        task = entry.task if entry is not None else self.task()
        self.show_task(task)
        self.service.download(ref, task)
        self._pending = (task, ref)
        self.rescan()

    @Slot()
    def cancel_selected(self) -> None:
        row = self.selected()
        download = self.model.downloads.get(row.ref) if row else None
        if download is not None:
            self.service.cancel(download.id)

    @Slot()
    def resume_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.jobs.forget(row.key)
        download = self.model.downloads.get(row.ref)
        if download is not None and download.state in ("failed", "cancelled"):
            self.service.resume(download.id)
        else:
            self.service.download(row.ref, row.task)  # partial from an earlier session

    @Slot()
    def verify_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.jobs.verify(row, self.settings.hub_config())

    def ask(self, title: str, text: str) -> bool:
        """Yes or no from the user (tests replace this)."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def remove_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.kind == LOCAL:  # the user's own files stay where they are
            self.local_models_changed.emit(found.without_local(self.settings.local_models,
                                                               row.task, row.ref))
            return
        size = format_bytes(row.size) if row.size else self.tr("its files")
        text = self.tr("Delete %1 from the disk? This frees %2. It can be downloaded again "
                       "later.").replace("%1", row.name).replace("%2", size)
        if self.ask(self.tr("Remove model"), text):
            self.jobs.remove(row, self.settings.hub_config())

    def open_path(self, path: str) -> None:
        """Show ``path`` in the file manager (tests replace this)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    @Slot()
    def open_selected(self) -> None:
        row = self.selected()
        if row is not None and row.path:
            path = Path(row.path)
            self.open_path(str(path if path.is_dir() else path.parent))

    @Slot()
    def use_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.use_model.emit(row.task, row.use_ref)

    # -- local folders and files ----------------------------------------------------------------
    def add_local(self, paths: list[str]) -> None:
        local, added = found.with_local(self.settings.local_models, self.task(), paths)
        if added:
            self._pending = (self.task(), added[-1])
            self.local_models_changed.emit(local)

    def dragEnterEvent(self, event) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_local(paths)

    # -- background answers ---------------------------------------------------------------------
    @Slot(str, object)
    def _on_scanned(self, kind: str, rows) -> None:
        if kind == f"scan:{self._scan_id}":  # older scans are stale
            self._set_rows(rows)

    @Slot(str, str)
    def _on_job_finished(self, what: str, ref: str) -> None:
        if what == "remove":
            self.model.forget_download(ref)
        self.rescan()

    def shutdown(self) -> None:
        self.io.shutdown()
        self.jobs.shutdown()
