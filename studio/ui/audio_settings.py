"""The settings panel's Audio group: microphone and speakers by name, Re-scan, Test.

Devices are remembered by name ("" = the system default).  A remembered
device that is not plugged in now stays selected and reads "(not
connected)": replacing it silently would lose the user's choice the day
they start the app without their headset.

Test records one second from the chosen microphone (into a temporary folder,
with the same Recorder as real recordings), shows the level it heard, plays
it back on the chosen speakers, and says clearly when nothing was heard.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton

from studio.core.audio.decode import read
from studio.core.audio.levels import level
from studio.core.audio.recorder import Recorder

from .audio_service import POLL_MS, AudioService
from .texts import core_text
from .widgets.level_meter import LevelMeter
from .worker import BackgroundCalls

TEST_SECONDS = 1.0
SILENT_DB = -60.0  # a peak below this is "nothing heard" (a muted or dead microphone)
_test_ids = itertools.count(1)


def _read_and_clean(path: Path, folder: Path):
    try:
        samples, rate = read(path)
        return samples, rate, level(samples)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class AudioSettingsBox(QGroupBox):
    changed = Signal()  # the user chose another device

    def __init__(self, audio: AudioService, input_device: str, output_device: str,
                 parent=None) -> None:
        super().__init__(self.tr("Audio"), parent)
        self.audio = audio
        self.input = QComboBox(self)
        self.output = QComboBox(self)
        for box in (self.input, self.output):
            box.setMinimumContentsLength(20)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rescan_button = QPushButton(self.tr("Re-scan"), self)
        self.rescan_button.setToolTip(self.tr("Look again for microphones and speakers that "
                                              "were plugged in or removed"))
        self.test_button = QPushButton(self.tr("Test"), self)
        self.test_button.setToolTip(self.tr("Record one second from the microphone and play "
                                            "it back on the speakers"))
        self.meter = LevelMeter(self)
        self.meter.setEnabled(False)  # lit only while a test listens
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.rescan_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Microphone"), self.input)
        form.addRow(self.tr("Speakers"), self.output)
        form.addRow(buttons)
        form.addRow(self.tr("Level"), self.meter)
        form.addRow(self.status)
        self._names = {"input": input_device, "output": output_device}
        self._recorder: Recorder | None = None
        self._folder: Path | None = None
        self._playing = False
        self._heard = ""
        self._calls = BackgroundCalls("audio-test", self)
        self._calls.done.connect(self._on_done)
        self._calls.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._tick)
        self.rescan_button.clicked.connect(audio.rescan)
        self.test_button.clicked.connect(self.test)
        self.input.currentIndexChanged.connect(self._on_choice)
        self.output.currentIndexChanged.connect(self._on_choice)
        audio.devices_changed.connect(self.refresh)
        audio.error.connect(self._on_error)
        audio.player_status.connect(self._on_player)
        audio.owner_changed.connect(self._on_owner)
        self.refresh()

    def values(self) -> tuple[str, str]:
        """(input, output) device names; "" is the system default."""
        return self.input.currentData() or "", self.output.currentData() or ""

    def show_status(self, text: str, level_: str = "info") -> None:
        colours = {"error": "#b91c1c", "warning": "#92400e", "info": ""}
        self.status.setStyleSheet(f"color:{colours.get(level_, '')};" if colours.get(level_)
                                  else "")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # -- device lists -------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        ready = self.audio.state == "ready"
        self._fill(self.input, self.audio.inputs(), self._names["input"], ready)
        self._fill(self.output, self.audio.outputs(), self._names["output"], ready)
        testing = self._recorder is not None or self._playing
        self.test_button.setEnabled(ready and not testing)
        self.rescan_button.setEnabled(self.audio.state in ("ready", "unavailable")
                                      and not testing)
        if self.audio.state == "unavailable":
            self.show_status(self.audio.unavailable, "error")
        elif not ready:
            self.show_status(self.tr("Looking for audio devices…"))
        elif not self.audio.inputs() and not self.audio.outputs():
            self.show_status(self.tr("No microphone or speakers were found. Connect a device, "
                                     "then press Re-scan."), "warning")
        elif not self.audio.inputs():
            self.show_status(self.tr("No microphone was found: recording is not possible."),
                             "warning")
        elif not self.audio.outputs():
            self.show_status(self.tr("No speakers were found: playback is not possible."),
                             "warning")
        else:
            self.show_status("")

    def _fill(self, box: QComboBox, names: list[str], chosen: str, known: bool) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("System default"), "")
        for name in names:
            box.addItem(name, name)
        if chosen and chosen not in names:
            label = (self.tr("%1 (not connected)") if known else "%1").replace("%1", chosen)
            box.addItem(label, chosen)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)

    def _on_choice(self, _index: int) -> None:
        self._names = {"input": self.input.currentData() or "",
                       "output": self.output.currentData() or ""}
        self.changed.emit()

    # -- the test --------------------------------------------------------------------------------
    def test(self) -> None:
        if self._recorder is not None or self._playing:
            return
        self._folder = Path(tempfile.gettempdir()) / f"aigc-studio-test-{os.getpid()}-" \
                                                     f"{next(_test_ids)}"
        recorder = self.audio.new_recorder(folder=self._folder, max_seconds=TEST_SECONDS,
                                           device=self._names["input"])
        if recorder is None:
            self.show_status(self.audio.problem(), "error")
            return
        self._recorder = recorder
        self.refresh()
        self.meter.reset()
        self.meter.setEnabled(True)
        self.show_status(self.tr("Listening for one second: say something…"))
        self._calls.call("start", recorder.start)
        self._timer.start()

    @Slot()
    def _tick(self) -> None:
        recorder = self._recorder
        if recorder is None:
            self._timer.stop()
            return
        self.meter.set_level(recorder.status().level)
        if not recorder.done.is_set():
            return
        self._timer.stop()
        status = recorder.status()
        self._recorder = None
        self.audio.recording_ended()
        if status.error or status.path is None or status.elapsed_s <= 0:
            self._calls.call("clean", shutil.rmtree, self._folder, True)
            self._end_test(core_text(status.error) if status.error else
                           self.tr("The microphone sent no sound."), "error")
            return
        self._playing = True  # until the playback ends: no second test meanwhile
        self._calls.call("read", _read_and_clean, status.path, self._folder)

    @Slot(str, object)
    def _on_done(self, kind: str, value) -> None:
        if kind != "read":
            return
        samples, rate, heard = value
        self.meter.set_level(heard)
        peak = f"{heard.peak_db:.0f}"
        if heard.peak_db < SILENT_DB:
            self._end_test(self.tr("Nothing was heard (peak %1 dBFS). Check that the "
                                   "microphone is connected, not muted, and chosen above.")
                           .replace("%1", peak), "warning")
            return
        self._heard = peak
        if not self.audio.claim(self, samples, rate):
            self._end_test(self.audio.problem(), "error")
            return
        self.audio.player.play()
        self.audio.kick()
        self.show_status(self.tr("Heard sound (peak %1 dBFS). Playing it back…").replace(
            "%1", peak))

    @Slot(str, object)
    def _on_failed(self, kind: str, message) -> None:
        if kind == "clean":
            return
        if kind == "start" and self._recorder is not None:
            self._timer.stop()
            self._recorder = None
            self.audio.recording_ended()
            self._calls.call("clean", shutil.rmtree, self._folder, True)
        self._end_test(core_text(message), "error")

    @Slot(object, object)
    def _on_player(self, owner, status) -> None:
        if owner is not self or not self._playing:
            return
        if status.state == "ended":
            self._end_test(self.tr("Heard sound (peak %1 dBFS) and played it back. If you "
                                   "heard nothing, check the speakers chosen above.")
                           .replace("%1", self._heard))
        elif status.state == "failed":
            self._end_test(core_text(status.error or ""), "error")

    @Slot(object)
    def _on_owner(self, owner) -> None:
        if owner is not self and self._playing and self._heard:  # something else plays now
            self._end_test(self.tr("Heard sound (peak %1 dBFS).").replace("%1", self._heard))

    @Slot(str)
    def _on_error(self, text: str) -> None:
        self.show_status(text, "error")

    def _end_test(self, text: str, level_: str = "info") -> None:
        self._playing = False
        self.meter.setEnabled(False)
        self.refresh()
        self.show_status(text, level_)

    def shutdown(self) -> None:
        self._timer.stop()
        if self._recorder is not None:
            self._recorder.request_stop()
        self._calls.shutdown()
