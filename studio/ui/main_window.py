"""Main window: four tabs, the settings dock and the status bar. Owns nothing heavy.

It owns the engine host client (the process itself starts right after the
window is shown), relays the host's notifications into the GUI thread, shows
app-level warnings in a message bar that stays until dismissed, and saves
drafts and settings on close, on a timer and when the session ends.
"""

from __future__ import annotations

import datetime
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.core import devices, hub
from studio.core.audio.recorder import Recovered
from studio.core.drafts import DraftStore
from studio.core.host.client import EngineHost
from studio.core.host.protocol import Stats, Unloaded
from studio.core.paths import history_path, log_dir, outputs_dir
from studio.core.settings import Settings, SettingsStore

from .audio_service import AudioService
from .endpoints import WindowEndpoints
from .history import HistoryDock
from .history_service import HistoryService
from .models.window import WindowModels
from .settings_panel import SettingsPanel
from .tabs.base import TabBase
from .tabs.painting import PaintingTab
from .tabs.transcription import TranscriptionTab
from .tabs.voice import VoiceTab
from .tabs.writing import WritingTab
from .texts import core_text, format_duration
from .widgets.drop_zone import local_paths
from .widgets.message_bar import MessageBar
from .worker import BackgroundCalls

log = logging.getLogger(__name__)
RESTART = "restart"


class _HostRelay(QObject):
    """Brings the host client's notifications (sent from its reader thread) to the GUI thread."""

    message = Signal(object)

    def __call__(self, message: object) -> None:  # called in the reader thread
        self.message.emit(message)


class MainWindow(QMainWindow):
    settings_changed = Signal(object)
    hardware_ready = Signal(object)
    restart_requested = Signal()

    def __init__(self, store: SettingsStore, drafts: DraftStore, probe_hardware: bool = True,
                 settings: Settings | None = None, host: EngineHost | None = None,
                 sd=None, recordings: Path | None = None, history_dir: Path | None = None):
        super().__init__()
        self.store = store
        self.drafts = drafts
        self.persist = True  # False: closing saves nothing (screenshots, previews)
        self._shut_down = False
        # Loaded once: a second load would no longer see (and report) a corrupt file.
        self.settings: Settings = settings if settings is not None else store.load()
        self._relay = _HostRelay(self)
        self._relay.message.connect(self._on_host_message)
        self.owns_host = host is None
        self.host = host or EngineHost(log_path=log_dir() / "engine-host.log")
        self.host.listener = self._relay
        hub.configure(self.settings.hub_config())  # this process's model lookups and downloads
        self.host.configure(self.settings.memory_budget_bytes, self.settings.hub_config())
        # Audio devices and the shared player; ``sd`` is a fake sounddevice in tests.
        self.audio = AudioService(self.settings, sd=sd, folder=recordings, parent=self)
        self.audio.recovered.connect(self._on_recovered)
        self.setWindowTitle(self.tr("AIGC Studio"))
        self.resize(1200, 780)

        self.notice = MessageBar(self)  # app-level warnings: they stay until dismissed
        self.notice.action_triggered.connect(self._on_notice_action)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, TabBase] = {}
        titles = {"writing": self.tr("Writing"), "painting": self.tr("Painting"),
                  "voice": self.tr("Voice"), "transcription": self.tr("Transcription")}
        drafts.load()
        for cls in (WritingTab, PaintingTab, VoiceTab, TranscriptionTab):
            extra = {"audio": self.audio} if cls.uses_audio else {}
            page = cls(self.settings, drafts, self.host, self, **extra)
            page.setObjectName(f"{cls.task}-tab")
            try:
                page.restore_draft(drafts.get(cls.task))
            except Exception:  # a bad draft must never stop the app opening
                log.warning("ignoring the unreadable %s draft", cls.task, exc_info=True)
            self.pages[cls.task] = page
            self.tabs.addTab(page, titles[cls.task])
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notice)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)  # files dropped anywhere go to the tab that opens them

        self.panel = SettingsPanel(self.settings, devices.cpu_only(), self, audio=self.audio)
        self.panel.changed.connect(self._on_settings_changed)
        for page in self.pages.values():  # a tab with a model picker of its own (Voice)
            if hasattr(page, "model_chosen"):
                page.model_chosen.connect(self.panel.set_model)
        self.dock = QDockWidget(self.tr("Settings"), self)
        self.dock.setObjectName("settings-dock")
        scroll = QScrollArea(self.dock)  # the panel is taller than small screens
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.panel.minimumSizeHint().width())
        self.dock.setWidget(scroll)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        # Every result is recorded (``history_dir``: history.db and outputs/ elsewhere, for
        # tests); the store is opened and read on a thread of its own.
        self.history = HistoryService(
            *((history_dir / "history.db", history_dir / "outputs") if history_dir
              else (history_path(), outputs_dir())), self)
        self.history_dock = HistoryDock(self, self.history)
        for page in self.pages.values():
            page.attach_history(self.history)
        self.models = WindowModels(self)  # downloads, the Models dialog and its buttons
        self.models.service.model_ready.connect(self._on_model_ready)
        self._build_status_bar()
        self.endpoints = WindowEndpoints(self)  # Endpoints…, the servers' models in the pickers
        warnings = [core_text(w) for w in (store.warning, drafts.warning) if w]
        if warnings:  # both files can be broken at once: say both
            self.show_notice("\n".join(warnings), "warning")

        # Drafts are also written shortly after each job and once a minute, so a crash or a
        # killed process loses at most a minute of typing, never a finished result.
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(1500)
        self._autosave.timeout.connect(self.save_all)
        for page in self.pages.values():
            page.runner.finished.connect(self._autosave.start)
            page.runner.finished.connect(self._poll_status)  # the engine's memory changed
        self._periodic_save = QTimer(self)
        self._periodic_save.timeout.connect(self.save_all)
        self._periodic_save.start(60_000)

        self._restore_window_state()
        # Hardware detection runs a subprocess (nvidia-smi): keep it off the UI thread.
        self._probe = BackgroundCalls("probe", self)
        self._probe.done.connect(self._on_hardware)
        if probe_hardware:
            self._probe.call("hardware", devices.probe)

    def _build_status_bar(self) -> None:
        self.device_label = QLabel(self)
        self.memory_label = QLabel(self)
        self.memory_label.setToolTip(self.tr("Memory of the window and of the engine process, "
                                             "where the models are loaded"))
        self.unload_button = QToolButton(self)
        self.unload_button.setText(self.tr("Unload models"))
        self.unload_button.setToolTip(self.tr("Free the memory of every loaded model that no "
                                              "job is using"))
        self.unload_button.clicked.connect(self.unload_models)
        bar = self.statusBar()
        bar.addPermanentWidget(self.models.indicator)
        bar.addPermanentWidget(self.device_label)
        bar.addPermanentWidget(self.memory_label)
        bar.addPermanentWidget(self.models.loaded)
        bar.addPermanentWidget(self.unload_button)
        self._memory_timer = QTimer(self)
        self._memory_timer.timeout.connect(self._poll_status)
        self._memory_timer.start(2000)
        self._update_status()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The engine process starts once the window is up, so the first job does not wait;
        # in a thread of its own, as spawning a process costs the caller ~20 ms.
        threading.Thread(target=self.host.start, name="engine-host-start", daemon=True).start()
        self.audio.start()  # PortAudio and the recovery of crashed recordings, in the background

    def show_notice(self, text: str, level: str = "info", actions=()) -> None:
        self.notice.show_message(text, level, actions)

    @Slot(str)
    def _on_model_ready(self, ref: str) -> None:
        for page in self.pages.values():
            page.on_model_ready(ref)

    def show_models(self, task: str = "", select: str = ""):
        """Open the Models dialog at ``task`` (default: the current tab's) with ``select``."""
        return self.models.show(task, select)

    # -- settings & status --------------------------------------------------------
    @Slot(object)
    def _on_settings_changed(self, settings: Settings) -> None:
        language_changed = settings.language != self.settings.language
        self.settings = settings
        hub.configure(settings.hub_config())
        self.host.configure(settings.memory_budget_bytes, settings.hub_config())
        self.audio.apply_settings(settings)
        for page in self.pages.values():
            page.apply_settings(settings)
        self._update_status()
        self.settings_changed.emit(settings)
        if language_changed:
            self.show_notice(self.tr("The language changes when AIGC Studio starts again. "
                                     "界面语言将在重新启动后生效。"), "info",
                             [(RESTART, self.tr("Restart now"))])

    @Slot(str)
    def _on_notice_action(self, action: str) -> None:
        if action == RESTART:
            self.restart_requested.emit()  # the app saves, closes and starts itself again

    @Slot(list)
    def _on_recovered(self, found: list[Recovered]) -> None:
        today = datetime.date.today()
        lines = [self.tr("Recovered a recording from %1, %2").replace(
            "%1", r.started.strftime("%H:%M" if r.started.date() == today else "%Y-%m-%d %H:%M"))
            .replace("%2", format_duration(r.duration_s)) for r in found]
        if self.notice.text():  # keep a start-up warning (broken settings) visible too
            lines.insert(0, self.notice.text())
        self.show_notice("\n".join(lines), self.notice.level or "info")

    @Slot(str, object)
    def _on_hardware(self, _kind: str, hardware) -> None:
        self.panel.set_hardware(hardware)
        self._update_status()
        self.hardware_ready.emit(hardware)

    def unload_models(self) -> None:
        self.host.unload()

    @Slot()
    def _poll_status(self, *_job) -> None:
        self.host.request_stats()  # the answer arrives through the relay
        self._update_status()

    @Slot(object)
    def _on_host_message(self, message: object) -> None:
        match message:
            case Stats():
                self._update_status()
            case Unloaded(dropped=dropped, rss_before=before, rss_after=after):
                freed = (before or 0) - (after or 0)
                self.statusBar().showMessage(self.tr("Unloaded %1 model(s); the engine freed "
                                                     "%2.").replace("%1", str(dropped)).replace(
                    "%2", devices.format_bytes(max(freed, 0))), 8000)

    def _update_status(self) -> None:
        hw = self.panel.hardware
        device = self.settings.device
        shown = device if device != "auto" else f"auto → {devices.best_device(hw)}"
        self.device_label.setText(self.tr("Device: %1 · %2").replace("%1", shown)
                                  .replace("%2", self.panel.describe(device)))
        stats = self.host.last_stats if self.host.pid is not None else None
        engine = self.tr("not running") if stats is None else devices.format_bytes(
            (stats.rss or 0) + stats.device_bytes)
        self.memory_label.setText(self.tr("Memory: window %1 · engine %2").replace(
            "%1", devices.format_bytes(devices.resident_memory())).replace("%2", engine))
        self.models.show_stats(stats, self.memory_label)

    # -- persistence --------------------------------------------------------------
    def _restore_window_state(self) -> None:
        s = self.settings  # validated: ASCII base64 only
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
                self.show_notice(self.tr("Cannot open %1: no tab handles this kind of "
                                         "file.").replace("%1", path), "warning")
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

    @Slot()
    def save_all(self) -> None:
        if not self.persist:
            return
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.settings.window_state = bytes(self.saveState().toBase64()).decode("ascii")
        self.settings.current_tab = self.current_task()
        try:  # settings and drafts are saved independently: one failing never stops the other
            self.store.save(self.settings)
        except Exception as exc:
            log.exception("could not save settings")
            self._save_failed(self.tr("Your settings could not be saved: %1"), exc)
        for task, page in self.pages.items():
            self.drafts.put(task, page.draft())
        try:
            self.drafts.save()
        except Exception as exc:
            log.exception("could not save drafts")
            self._save_failed(self.tr("Your drafts could not be saved: %1"), exc)

    def _save_failed(self, text: str, exc: Exception) -> None:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        self.show_notice(text.replace("%1", reason), "error")

    def shutdown(self) -> bool:
        """Stop every job (results already produced are delivered), the engine, then save.

        Order matters: cancel first, so running jobs send what they made; then
        stop the host (which ends anything left); then the tabs' threads, which
        are free by then.  Safe to call more than once.
        """
        if self._shut_down:
            return True
        self._shut_down = True
        self._memory_timer.stop()
        self._autosave.stop()
        self._periodic_save.stop()
        for page in self.pages.values():
            page.runner.cancel()
        self.models.cancel()  # downloads stop while the engine does
        self.endpoints.shutdown()
        ok = self.host.shutdown(2.0) if self.owns_host else True
        ok = self.models.shutdown(2.0) and ok
        if self.host.listener is self._relay:
            self.host.listener = None
        ok = self._probe.shutdown(1000) and ok
        for page in self.pages.values():
            ok = page.shutdown(1500) and ok
        ok = self.history_dock.shutdown() and ok  # after the tabs: their last results are saved
        if self.panel.audio_box is not None:
            self.panel.audio_box.shutdown()
        self.audio.shutdown()
        self.save_all()
        return ok

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
