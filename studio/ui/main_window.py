"""Main window: four tabs, the settings dock and the status bar. Owns nothing heavy."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget

from studio.core import devices
from studio.core.cache import shared_cache
from studio.core.drafts import DraftStore
from studio.core.jobs import Result
from studio.core.settings import Settings, SettingsStore

from .settings_panel import SettingsPanel
from .tabs.base import TabBase
from .tabs.painting import PaintingTab
from .tabs.transcription import TranscriptionTab
from .tabs.voice import VoiceTab
from .tabs.writing import WritingTab
from .widgets.drop_zone import local_paths
from .worker import JobRunner

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    settings_changed = Signal(object)
    hardware_ready = Signal(object)

    def __init__(self, store: SettingsStore, drafts: DraftStore, probe_hardware: bool = True,
                 settings: Settings | None = None):
        super().__init__()
        self.store = store
        self.drafts = drafts
        self.persist = True  # False: closing saves nothing (screenshots, previews)
        # Loaded once: a second load would no longer see (and report) a corrupt file.
        self.settings: Settings = settings if settings is not None else store.load()
        self._apply_budget(self.settings)
        self.setWindowTitle(self.tr("AIGC Studio"))
        self.resize(1200, 780)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, TabBase] = {}
        titles = {"writing": self.tr("Writing"), "painting": self.tr("Painting"),
                  "voice": self.tr("Voice"), "transcription": self.tr("Transcription")}
        for cls in (WritingTab, PaintingTab, VoiceTab, TranscriptionTab):
            page = cls(self.settings, drafts, self)
            page.setObjectName(f"{cls.task}-tab")
            try:
                page.restore_draft(drafts.get(cls.task))
            except Exception:  # a bad draft must never stop the app opening
                log.warning("ignoring the unreadable %s draft", cls.task, exc_info=True)
            self.pages[cls.task] = page
            self.tabs.addTab(page, titles[cls.task])
        self.setCentralWidget(self.tabs)
        self.setAcceptDrops(True)  # files dropped anywhere go to the tab that opens them

        self.panel = SettingsPanel(self.settings, devices.cpu_only(), self)
        self.panel.changed.connect(self._on_settings_changed)
        self.dock = QDockWidget(self.tr("Settings"), self)
        self.dock.setObjectName("settings-dock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)

        self.device_label = QLabel(self)
        self.memory_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.device_label)
        self.statusBar().addPermanentWidget(self.memory_label)
        self._memory_timer = QTimer(self)
        self._memory_timer.timeout.connect(self._update_status)
        self._memory_timer.start(2000)
        self._update_status()
        if store.warning:
            self.statusBar().showMessage(store.warning, 15000)

        # Drafts are also written shortly after each job and once a minute, so a crash or a
        # killed process loses at most a minute of typing, never a finished result.
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(1500)
        self._autosave.timeout.connect(self.save_all)
        for page in self.pages.values():
            page.runner.finished.connect(self._autosave.start)
        self._periodic_save = QTimer(self)
        self._periodic_save.timeout.connect(self.save_all)
        self._periodic_save.start(60_000)

        self._restore_window_state()
        # Hardware detection runs a subprocess (nvidia-smi): keep it off the UI thread.
        self._probe = JobRunner("probe", self)
        self._probe.result.connect(self._on_hardware)
        if probe_hardware:
            self._probe.submit(lambda cancel: iter([Result(devices.probe())]))

    # -- settings & status --------------------------------------------------------
    @Slot(object)
    def _on_settings_changed(self, settings: Settings) -> None:
        self.settings = settings
        self._apply_budget(settings)
        for page in self.pages.values():
            page.apply_settings(settings)
        self._update_status()
        self.settings_changed.emit(settings)

    @staticmethod
    def _apply_budget(settings: Settings) -> None:
        gb = settings.memory_budget_gb
        shared_cache.budget_bytes = int(gb * 1024**3) if gb > 0 else None

    @Slot(int, object)
    def _on_hardware(self, _job: int, ev: Result) -> None:
        self.panel.set_hardware(ev.value)
        self._update_status()
        self.hardware_ready.emit(ev.value)

    def _update_status(self) -> None:
        hw = self.panel.hardware
        device = self.settings.device
        shown = device if device != "auto" else f"auto → {devices.best_device(hw)}"
        self.device_label.setText(self.tr("Device: %1 · %2").replace("%1", shown)
                                  .replace("%2", self.panel.describe(device)))
        self.memory_label.setText(self.tr("Memory: %1").replace(
            "%1", devices.format_bytes(devices.memory_in_use())))

    # -- persistence --------------------------------------------------------------
    def _restore_window_state(self) -> None:
        s = self.settings
        if s.geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.geometry.encode("ascii")))
        if s.window_state:
            self.restoreState(QByteArray.fromBase64(s.window_state.encode("ascii")))
        if s.current_tab in self.pages:
            self.tabs.setCurrentWidget(self.pages[s.current_tab])

    # -- files ------------------------------------------------------------------------
    def open_files(self, paths: list[str]) -> None:
        """Open each file in the current tab if it takes it, else the first tab that does."""
        for path in paths:
            current = self.pages[self.current_task()]
            page = current if current.accepts(path) else next(
                (p for p in self.pages.values() if p.accepts(path)), None)
            if page is None:
                self.statusBar().showMessage(
                    self.tr("Cannot open %1: no tab handles this kind of file.").replace(
                        "%1", path), 10000)
                continue
            self.tabs.setCurrentWidget(page)
            page.open_file(path)

    def dragEnterEvent(self, event) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    def show_tab(self, task: str) -> None:
        self.tabs.setCurrentWidget(self.pages[task])

    def current_task(self) -> str:
        page = self.tabs.currentWidget()
        return next((t for t, p in self.pages.items() if p is page), "writing")

    def save_all(self) -> None:
        if not self.persist:
            return
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.settings.window_state = bytes(self.saveState().toBase64()).decode("ascii")
        self.settings.current_tab = self.current_task()
        try:
            self.store.save(self.settings)
        except OSError as exc:
            log.error("could not save settings: %s", exc)
        for task, page in self.pages.items():
            self.drafts.put(task, page.draft())
        try:
            self.drafts.save()
        except OSError as exc:
            log.error("could not save drafts: %s", exc)

    def shutdown(self) -> bool:
        """Stop every worker (results already produced are delivered), then save."""
        self._memory_timer.stop()
        self._autosave.stop()
        self._periodic_save.stop()
        ok = self._probe.shutdown(1000)
        for page in self.pages.values():
            ok = page.shutdown(1500) and ok
        self.save_all()
        return ok

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
