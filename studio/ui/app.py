"""Create the QApplication, install translations and the crash handler, run the window.

Nothing the user typed may be lost when the app is told to stop: closing the
window, SIGTERM, SIGHUP, Ctrl+C in a terminal and the end of a desktop session
all save drafts and settings first.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import faulthandler
import logging
import os
import signal
import socket
import subprocess
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QSocketNotifier, QThread, QTimer, QTranslator, Slot
from PySide6.QtGui import QIcon, QImageWriter
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.core.drafts import DraftStore
from studio.core.paths import drafts_path, resources_dir, settings_path
from studio.core.settings import SettingsStore

from .main_window import MainWindow

log = logging.getLogger(__name__)
STOP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT")
                     if hasattr(signal, n))


def install_translator(app: QApplication, language: str = "") -> QTranslator | None:
    """Load resources/translations/studio_<locale>.qm if there is one."""
    locale = QLocale(language) if language else QLocale.system()
    translator = QTranslator(app)
    folder = str(resources_dir() / "translations")
    if translator.load(locale, "studio", "_", folder):
        app.installTranslator(translator)
        return translator
    return None


def _x11_reachable() -> bool | None:
    """Can an X connection be made to $DISPLAY? None when libxcb is not there to ask."""
    name = ctypes.util.find_library("xcb")
    if not name:
        return None
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    conn = xcb.xcb_connect(None, None)
    try:
        return xcb.xcb_connection_has_error(conn) == 0
    finally:
        xcb.xcb_disconnect(conn)


def check_display() -> str | None:
    """Why the window cannot open here, or None if it can (Qt aborts instead of raising)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: the user chose it
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None  # Windows and macOS always have a screen
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    hint = ("Run it in a desktop session, under a virtual display (xvfb-run aigc-studio), "
            "or use the command line (aigc-studio --help).")
    display = os.environ.get("DISPLAY")
    if not display:
        return f"no display is available (DISPLAY and WAYLAND_DISPLAY are not set). {hint}"
    if _x11_reachable() is False:
        return f"cannot connect to the X display {display!r}. {hint}"
    return None


def screenshot_format(path: str) -> str | None:
    """The image format a screenshot path asks for (its suffix), or None if Qt cannot write it."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "jpeg":
        suffix = "jpg"
    formats = {bytes(f).decode().lower() for f in QImageWriter.supportedImageFormats()}
    return suffix if suffix in formats else None


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


class SignalHandler(QObject):
    """SIGTERM, SIGHUP and SIGINT close the window (which saves everything) and quit.

    Python runs signal handlers only between bytecodes, and the Qt event loop
    may sit in C for a long time; ``signal.set_wakeup_fd`` makes the C-level
    handler write the signal number to a socket that a QSocketNotifier watches,
    so the event loop wakes at once and this slot does the work in the GUI thread.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.received: list[int] = []
        self._read_end, self._write_end = socket.socketpair()
        for end in (self._read_end, self._write_end):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._read_end.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)
        self._previous_fd = signal.set_wakeup_fd(self._write_end.fileno())
        self._previous = {sig: signal.signal(sig, lambda *_: None) for sig in STOP_SIGNALS}

    @Slot()
    def _on_wakeup(self) -> None:
        try:
            data = self._read_end.recv(64)
        except OSError:
            return
        self.received += list(data)
        if any(number in STOP_SIGNALS for number in data):
            log.info("stopping on signal %s", ", ".join(str(n) for n in data))
            self.window.close()  # saves drafts and settings, stops the engine
            QApplication.quit()

    def uninstall(self) -> None:
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._notifier.setEnabled(False)
        self._read_end.close()
        self._write_end.close()


class _Screenshotter(QObject):
    """Saves an image of the window once it is shown and laid out, then closes it."""

    def __init__(self, window: MainWindow, out: Path, fmt: str) -> None:
        super().__init__(window)
        self.window = window
        self.out = out
        self.fmt = fmt
        self.ok = False

    SETTLE_MS = 5000  # at most this long for background lookups (devices, models) to answer

    @Slot()
    def shoot(self) -> None:
        """Grab once the window has settled: its background lookups answered (then nothing
        is still importing a library while Python shuts down), or after SETTLE_MS."""
        from .worker import pending_calls

        self._waited = getattr(self, "_waited", 0)
        if pending_calls() and self._waited < self.SETTLE_MS:
            self._waited += 50
            QTimer.singleShot(50, self.shoot)
            return
        QApplication.processEvents()  # let pending layout/paint events settle
        pixmap = self.window.grab()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.ok = pixmap.save(str(self.out), self.fmt.upper())
        if not self.ok:
            print(f"aigc-studio: error: could not write {self.out}", file=sys.stderr)
        self.window.close()


def relaunch_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-P", "-m", "studio"]  # -P: never the working directory's studio/


def run_gui(screenshot: str | None = None, tab: str | None = None,
            files: list[str] | None = None) -> int:
    faulthandler.enable()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("AIGC Studio")
    app.setOrganizationName("aigc-studio")
    app.setDesktopFileName("aigc-studio")
    icon = resources_dir() / "aigc-studio.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    store = SettingsStore(settings_path())
    settings = store.load()
    install_translator(app, settings.language)  # before any widget exists
    sys.excepthook = CrashHandler(dialogs=not screenshot)
    window = MainWindow(store, DraftStore(drafts_path()), settings=settings)
    restart = []
    window.restart_requested.connect(lambda: (restart.append(True), window.close()))
    # The end of a desktop session saves too (the window may never get a close event).
    app.commitDataRequest.connect(window.save_all)
    app.aboutToQuit.connect(window.shutdown)
    signals = SignalHandler(window)
    if screenshot:
        window.persist = False  # a screenshot must not rewrite the user's settings or drafts
    if tab:
        window.show_tab(tab)
    window.show()
    if files:
        window.open_files(files)
    shooter = None
    if screenshot:
        shooter = _Screenshotter(window, Path(screenshot), screenshot_format(screenshot) or "png")
        QTimer.singleShot(0, shooter.shoot)
    rc = app.exec()
    signals.uninstall()
    if shooter is not None and not shooter.ok:
        rc = 1
    if restart:
        subprocess.Popen(relaunch_command(), start_new_session=True)
    return rc
