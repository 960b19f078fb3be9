"""The window's audio: the sounddevice module, the device list, the shared Player.

One ``AudioService`` per window, living in the GUI thread.  Importing
``sounddevice`` initialises PortAudio and a re-scan restarts it, which can
take a while (PulseAudio), so both run off the UI thread, one after another
on one background queue.  PortAudio must not be restarted under an open
stream: a re-scan first closes the Player and is refused while a recording
runs, and recordings are refused while a re-scan runs (both decided here, in
the GUI thread, so they cannot race).

Everything that plays goes through the one shared ``Player`` (one output
stream for the window).  A widget that wants to play ``claim``s it with its
audio; the previous owner is told through ``owner_changed``.  While the
player is active a 30 Hz timer polls its status and emits ``player_status``;
the player itself never calls into Qt.

If PortAudio is missing or there is no device, nothing here raises: the
places that use audio ask ``problem()`` and show what it says.

Devices that come and go are noticed without the Re-scan button where the
system shows them as files (Linux: ``/dev/snd``): a change there re-scans once
nothing is recording or playing.  A recording that lost its device also
re-scans, so the list never offers a device that is gone.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from studio.core.audio.devices import AudioDevice, list_devices, load_sounddevice, rescan
from studio.core.audio.player import Player
from studio.core.audio.recorder import Recorder, recover_unfinished
from studio.core.paths import recordings_dir
from studio.core.settings import Settings

from .texts import core_text
from .widgets.transport import ACTIVE
from .worker import BackgroundCalls

log = logging.getLogger(__name__)
POLL_MS = 33
HOTPLUG_DIR = Path("/dev/snd")  # ALSA device nodes appear and vanish with the hardware
HOTPLUG_SETTLE_MS = 1500  # a USB device creates several nodes; PortAudio needs them all


def _load(sd):
    sd = sd if sd is not None else load_sounddevice()
    return sd, list_devices(sd)


def _rescan(sd, old_player: Player | None):
    if old_player is not None:
        old_player.close(2.0)  # its stream must be closed before PortAudio restarts
    rescan(sd)
    return sd, list_devices(sd)


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


class AudioService(QObject):
    devices_changed = Signal()  # also when audio became (un)available
    error = Signal(str)  # translated: loading or re-scanning failed
    recovered = Signal(list)  # [Recovered] found at start-up
    recordings_changed = Signal()  # a recording finished, was recovered, renamed or deleted
    player_status = Signal(object, object)  # (owner, PlayerStatus)
    owner_changed = Signal(object)  # who the player now plays for (None: nobody)

    def __init__(self, settings: Settings, *, sd=None, folder: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sd = sd
        self.folder = Path(folder) if folder is not None else recordings_dir()
        self.input_device = settings.input_device
        self.output_device = settings.output_device
        self.devices: list[AudioDevice] = []
        self.state = "idle"  # idle (not started) | loading | ready | unavailable
        self.unavailable = ""  # translated reason, when state == "unavailable"
        self.player: Player | None = None
        self.owner: object | None = None
        self.recording = 0  # recorders running (no re-scan meanwhile)
        self._rescanning = False
        self._closed = False
        self._calls = BackgroundCalls("audio", self)
        self._calls.done.connect(self._on_done)
        self._calls.failed.connect(self._on_failed)
        # Recovery needs no PortAudio: its own queue, so a slow PortAudio start never delays it.
        self._recovery = BackgroundCalls("audio-recovery", self)
        self._recovery.done.connect(self._on_done)
        self._recovery.failed.connect(self._on_failed)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.kick)
        self._hotplug = QTimer(self)
        self._hotplug.setSingleShot(True)
        self._hotplug.setInterval(HOTPLUG_SETTLE_MS)
        self._hotplug.timeout.connect(self._rescan_when_idle)
        self._watcher: QFileSystemWatcher | None = None

    # -- start-up, devices ------------------------------------------------------------
    def start(self) -> None:
        """Load PortAudio and list devices, then repair recordings a crash left (idempotent)."""
        if self.state != "idle":
            return
        self.state = "loading"
        self._calls.call("load", _load, self.sd)
        self._recovery.call("recover", recover_unfinished, self.folder)
        if HOTPLUG_DIR.is_dir():
            self.watch_devices(HOTPLUG_DIR)

    def watch_devices(self, folder: Path) -> None:
        """Re-scan (once idle) when files in ``folder`` come or go: devices plugged in/out."""
        self._watcher = QFileSystemWatcher([str(folder)], self)
        self._watcher.directoryChanged.connect(self._on_devices_changed)

    @Slot(str)
    def _on_devices_changed(self, _folder: str) -> None:
        self._hotplug.start()  # settle: one device makes several changes

    @Slot()
    def _rescan_when_idle(self) -> None:
        playing = self.player is not None and self.player.status().state in ACTIVE
        if self.recording or playing:
            self._hotplug.start()  # never restart PortAudio under a running stream
            return
        self.rescan()

    def rescan(self) -> None:
        """Enumerate the devices again (PortAudio sees new ones only when it restarts)."""
        if self.state in ("idle", "loading") or self._rescanning:
            return
        if self.recording:
            self.error.emit(self.tr("Devices cannot be re-scanned while recording."))
            return
        if self.sd is None:  # PortAudio failed to load: try again (the user may have fixed it)
            self.state = "loading"
            self._calls.call("load", _load, None)
            return
        self._rescanning = True
        old = self._drop_player()
        self._calls.call("rescan", _rescan, self.sd, old)

    def inputs(self) -> list[str]:
        return _unique([d.name for d in self.devices if d.is_input])

    def outputs(self) -> list[str]:
        return _unique([d.name for d in self.devices if d.is_output])

    def problem(self) -> str:
        """Why audio cannot be used right now (translated), or ""."""
        if self.state in ("idle", "loading"):
            return self.tr("Audio is still starting; try again in a moment.")
        if self._rescanning:
            return self.tr("Audio devices are being re-scanned; try again in a moment.")
        if self.state == "unavailable":
            return self.unavailable
        return ""

    def apply_settings(self, settings: Settings) -> None:
        self.input_device = settings.input_device
        if settings.output_device != self.output_device:
            self.output_device = settings.output_device
            if self.player is not None:  # the next play opens the new device
                old = self._drop_player()
                if old is not None:
                    old.close(0)  # returns at once; its own thread closes the stream
                self._make_player()

    # -- recording --------------------------------------------------------------------
    def new_recorder(self, *, folder: Path | None = None, max_seconds: float | None = None,
                     device: str | None = None) -> Recorder | None:
        """A Recorder on the chosen input, counted as running until ``recording_ended``.

        None when audio cannot be used now (``problem()`` says why).  Its
        ``start()`` still has to run off the UI thread.
        """
        if self.problem() or self.sd is None:
            return None
        self.recording += 1
        return Recorder(folder or self.folder, sd=self.sd, max_seconds=max_seconds,
                        device=(self.input_device if device is None else device) or None)

    def recording_ended(self, path: Path | None = None, device_lost: bool = False) -> None:
        self.recording = max(0, self.recording - 1)
        if path is not None:
            self.recordings_changed.emit()
        if device_lost:
            self._hotplug.start()  # the device list is out of date

    # -- playback -----------------------------------------------------------------------
    def claim(self, owner: object, samples, sample_rate: int, complete: bool = True) -> bool:
        """Load ``samples`` into the shared player for ``owner``; False when audio is unusable.
        ``complete=False``: more is appended later (``player.append``, then ``finish``)."""
        if self.player is None or self.problem():
            return False
        if self.owner is not owner:
            self.owner = owner
            self.owner_changed.emit(owner)
        self.player.load(samples, sample_rate, complete=complete)
        return True

    def release(self, owner: object) -> None:
        """``owner`` no longer shows this audio (its widget is cleared or closed)."""
        if self.owner is owner and self.player is not None:
            self.player.stop()
            self.owner = None
            self.owner_changed.emit(None)

    @Slot()
    def kick(self) -> None:
        """Report the player's status now, and keep polling while it plays."""
        if self.player is None:
            self._poll.stop()
            return
        status = self.player.status()
        self.player_status.emit(self.owner, status)
        if status.state in ACTIVE:
            if not self._poll.isActive():
                self._poll.start()
        else:
            self._poll.stop()

    def _make_player(self) -> None:
        self.player = Player(sd=self.sd, device=self.output_device or None)

    def _drop_player(self) -> Player | None:
        old, self.player = self.player, None
        self._poll.stop()
        if self.owner is not None:
            self.owner = None
            self.owner_changed.emit(None)
        return old

    # -- background results ------------------------------------------------------------------
    @Slot(str, object)
    def _on_done(self, kind: str, value) -> None:
        if self._closed:
            return
        if kind in ("load", "rescan"):
            self.sd, self.devices = value
            self.state, self.unavailable, self._rescanning = "ready", "", False
            self._make_player()
            self.devices_changed.emit()
        elif kind == "recover" and value:
            self.recovered.emit(list(value))
            self.recordings_changed.emit()

    @Slot(str, object)
    def _on_failed(self, kind: str, message) -> None:
        if self._closed:
            return
        text = core_text(message)
        if kind in ("load", "rescan"):
            log.warning("audio unavailable: %s", message)
            self.state, self.unavailable, self._rescanning = "unavailable", text, False
            self.devices = []
            self.devices_changed.emit()
        self.error.emit(text)

    def shutdown(self, timeout_s: float = 1.0) -> None:
        """Stop polling and release the output device (at window close)."""
        self._closed = True
        self._poll.stop()
        self._hotplug.stop()
        self._calls.shutdown()
        self._recovery.shutdown()
        old = self._drop_player()
        if old is not None:
            old.close(timeout_s)
