"""Create the QApplication, install translations and the crash handler, run the window."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QThread, QTimer, QTranslator, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.core.drafts import DraftStore
from studio.core.paths import config_dir, data_dir, resources_dir
from studio.core.settings import SettingsStore

from .main_window import MainWindow
from .worker import orphaned_threads

log = logging.getLogger(__name__)


def install_translator(app: QApplication, language: str = "") -> QTranslator | None:
    """Load resources/translations/studio_<locale>.qm if there is one."""
    locale = QLocale(language) if language else QLocale.system()
    translator = QTranslator(app)
    folder = str(resources_dir() / "translations")
    if translator.load(locale, "studio", "_", folder):
        app.installTranslator(translator)
        return translator
    return None


class CrashHandler:
    """sys.excepthook: log unexpected errors and show them (qutebrowser-style)."""

    def __init__(self, dialogs: bool = True) -> None:
        self.dialogs = dialogs  # off for --screenshot runs, which must never block

    def __call__(self, exc_type, exc, tb) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("unhandled exception:\n%s", text)
        sys.__stderr__.write(text)
        app = QApplication.instance()
        # Widgets may only be made in the GUI thread.
        if self.dialogs and app is not None and QThread.currentThread() is app.thread():
            box = QMessageBox(QMessageBox.Icon.Critical, app.tr("AIGC Studio"),
                              app.tr("Something went wrong. Your work was kept; details below."))
            box.setDetailedText(text)
            box.exec()


class _Screenshotter(QObject):
    """Saves a PNG of the window once it is shown and laid out, then closes it."""

    def __init__(self, window: MainWindow, out: Path) -> None:
        super().__init__(window)
        self.window = window
        self.out = out
        self.ok = False

    @Slot()
    def shoot(self) -> None:
        QApplication.processEvents()  # let pending layout/paint events settle
        pixmap = self.window.grab()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.ok = pixmap.save(str(self.out), "PNG")
        if not self.ok:
            print(f"aigc-studio: error: could not write {self.out}", file=sys.stderr)
        self.window.close()


def run_gui(screenshot: str | None = None, tab: str | None = None,
            files: list[str] | None = None) -> int:
    faulthandler.enable()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("AIGC Studio")
    app.setOrganizationName("aigc-studio")
    app.setDesktopFileName("aigc-studio")
    icon = resources_dir().parent / "packaging" / "aigc-studio.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    store = SettingsStore(config_dir() / "settings.json")
    settings = store.load()
    install_translator(app, settings.language)  # before any widget exists
    sys.excepthook = CrashHandler(dialogs=not screenshot)
    window = MainWindow(store, DraftStore(data_dir() / "drafts.json"), settings=settings)
    if screenshot:
        window.persist = False  # a screenshot must not rewrite the user's settings or drafts
    if tab:
        window.show_tab(tab)
    window.show()
    if files:
        window.open_files(files)
    shooter = None
    if screenshot:
        shooter = _Screenshotter(window, Path(screenshot))
        QTimer.singleShot(0, shooter.shoot)
    rc = app.exec()
    if shooter is not None and not shooter.ok:
        rc = 1
    if orphaned_threads():
        # A job ignored cancel (e.g. a model load in C code). Destroying its QThread
        # would abort; everything is saved, so leave without running destructors.
        log.warning("exiting while a worker is still busy")
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(rc)
    return rc
