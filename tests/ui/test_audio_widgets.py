"""Recording, playback and audio devices in the window, on a fake sound card the test clocks.

``FakeSoundDevice(manual=True)`` streams run only when the test pumps them, so
every wait below is on a state the app reaches after a pump, never on time.
"""

from __future__ import annotations

import datetime as dt
import os

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from studio.core.audio.decode import info
from studio.core.audio.devices import AudioDeviceError
from studio.core.audio.levels import FLOOR_DB, Level
from studio.core.audio.wavfile import WavWriter
from studio.core.messages import msg
from studio.core.settings import Settings
from studio.ui.audio_service import AudioService
from studio.ui.audio_settings import AudioSettingsBox
from studio.ui.widgets.audio_preview import AudioPreview
from studio.ui.widgets.level_meter import LevelMeter
from studio.ui.widgets.recorder_widget import RecorderWidget
from studio.ui.widgets.recordings_list import RecordingsList
from studio.ui.widgets.waveform import Waveform, fold
from tests.fixtures.fake_sounddevice import FakeSoundDevice

RATE = 48000  # the fake devices' default rate
BLOCK = 1024  # frames per pumped block


def tone(seconds: float, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def fake_card(recording=None, inputs=("Fake Microphone", "USB Headset")) -> FakeSoundDevice:
    return FakeSoundDevice(input_devices=list(inputs), output_devices=["Fake Speakers"],
                           recording=tone(5) if recording is None else recording,
                           channels=1, manual=True)


def pump_until_running(qtbot, fake, kind: str) -> None:
    """Wait until the app's stream of ``kind`` is started (opened off the UI thread)."""
    qtbot.waitUntil(lambda: fake.pump(1, kind) > 0, timeout=5000)


@pytest.fixture
def service(qtbot, tmp_path):
    made = []

    def make(sd, settings: Settings | None = None) -> AudioService:
        audio = AudioService(settings or Settings(), sd=sd, folder=tmp_path / "recordings")
        made.append(audio)
        audio.start()
        qtbot.waitUntil(lambda: audio.state in ("ready", "unavailable"), timeout=5000)
        return audio

    yield make
    for audio in made:
        audio.shutdown()


def window_with(make_window, fake, tmp_path):
    w = make_window(sd=fake, recordings=tmp_path / "recordings")
    w.show_tab("transcription")
    tab = w.pages["transcription"]
    tab.source.after.setChecked(False)  # these tests are about audio, not a Whisper job
    return w, tab


def wait_ready(qtbot, audio):
    qtbot.waitUntil(lambda: audio.state == "ready", timeout=5000)


# -- the whole round trip in the Transcription tab --------------------------------------------

def test_record_see_play_and_seek_in_the_transcription_tab(qtbot, make_window, tmp_path):
    fake = fake_card()
    w, tab = window_with(make_window, fake, tmp_path)
    wait_ready(qtbot, w.audio)
    recorder = tab.source.recorder
    qtbot.mouseClick(recorder.button, Qt.MouseButton.LeftButton)
    assert recorder.is_recording
    pump_until_running(qtbot, fake, "input")
    fake.pump(60, "input")  # 61 blocks: 1.3 s of a loud tone
    qtbot.waitUntil(lambda: recorder.time_label.text() == "0:01", timeout=5000)
    assert recorder.meter.rms_db > -20 and recorder.meter.peak_db > -10  # 0.5 = -6 dBFS peak
    with qtbot.waitSignal(tab.preview.loaded, timeout=10000) as loaded:
        qtbot.mouseClick(recorder.button, Qt.MouseButton.LeftButton)  # Stop
    path, duration = loaded.args
    assert path.endswith(".wav") and os.path.exists(path)
    assert duration == pytest.approx(61 * BLOCK / RATE, abs=0.05)
    assert tab.audio_path == path and os.path.basename(path) in tab.drop.label.text()
    assert not recorder.is_recording and recorder.meter.rms_db == FLOOR_DB
    assert tab.preview.waveform.duration_s == pytest.approx(duration)
    assert tab.preview.waveform.peaks[:, 1].max() > 0.4  # the tone is drawn
    assert tab.preview.transport.time_label.text() == "0:00 / 0:01"
    qtbot.waitUntil(lambda: [str(p) for p in tab.recordings.paths()] == [path], timeout=5000)

    qtbot.mouseClick(tab.preview.transport.play_button, Qt.MouseButton.LeftButton)
    pump_until_running(qtbot, fake, "output")
    fake.pump(20, "output")
    qtbot.waitUntil(lambda: tab.preview.transport.position_s > 0.2, timeout=5000)
    assert tab.preview.waveform.position_s == pytest.approx(tab.preview.transport.position_s)
    assert max(np.abs(p.data).max() for p in fake.played) > 0.4  # the tone reached the speakers

    waveform = tab.preview.waveform
    target = QPoint(int(waveform.width() * 0.75), waveform.height() // 2)
    qtbot.mouseClick(waveform, Qt.MouseButton.LeftButton, pos=target)
    expected = 0.75 * duration - 0.1  # the fake's output latency is 0.1 s
    qtbot.waitUntil(lambda: tab.preview.transport.position_s >= expected - 0.05, timeout=5000)
    fake.pump(30, "output")  # plays to the end
    qtbot.waitUntil(lambda: tab.preview.transport.state == "ended", timeout=5000)
    assert tab.preview.transport.time_label.text() == "0:01 / 0:01"


# -- failures: no device, no PortAudio, a device unplugged ---------------------------------------

def test_no_device_gives_clear_messages_and_the_app_keeps_working(qtbot, service):
    audio = service(FakeSoundDevice.no_devices())
    assert audio.state == "ready" and audio.inputs() == [] and audio.outputs() == []
    recorder = RecorderWidget(audio)
    qtbot.addWidget(recorder)
    with qtbot.waitSignal(recorder.failed, timeout=5000) as failed:
        recorder.button.click()
    assert "No audio input device was found" in failed.args[0]
    assert not recorder.is_recording and recorder.button.isEnabled()
    box = AudioSettingsBox(audio, "", "")
    qtbot.addWidget(box)
    assert "No microphone or speakers were found" in box.status.text()
    preview = AudioPreview(audio)
    qtbot.addWidget(preview)
    preview.set_audio(tone(0.5), RATE)
    preview.play()
    qtbot.waitUntil(lambda: audio.player.status().state == "failed", timeout=5000)
    with qtbot.waitSignal(preview.failed, timeout=5000) as failed:
        audio.kick()
    assert "No audio output device was found" in failed.args[0]


def test_missing_portaudio_is_a_message_where_audio_is_used(qtbot, service, monkeypatch):
    def missing():
        raise AudioDeviceError(msg("audio.no_portaudio", "Audio is not available: the "
                                   "PortAudio library is missing ({detail}). On Debian or "
                                   "Ubuntu install the package libportaudio2.", detail="test"))

    monkeypatch.setattr("studio.ui.audio_service.load_sounddevice", missing)
    audio = service(None)
    assert audio.state == "unavailable"
    recorder = RecorderWidget(audio)
    qtbot.addWidget(recorder)
    with qtbot.waitSignal(recorder.failed, timeout=1000) as failed:
        recorder.button.click()
    assert "libportaudio2" in failed.args[0]
    box = AudioSettingsBox(audio, "My Mic", "")
    qtbot.addWidget(box)
    assert "libportaudio2" in box.status.text() and not box.test_button.isEnabled()
    assert box.input.currentData() == "My Mic"  # the saved choice stays


def test_unplugging_mid_recording_keeps_what_was_recorded(qtbot, make_window, tmp_path):
    fake = fake_card()
    w, tab = window_with(make_window, fake, tmp_path)
    wait_ready(qtbot, w.audio)
    recorder = tab.source.recorder
    recorder.button.click()
    pump_until_running(qtbot, fake, "input")
    fake.pump(50, "input")
    qtbot.waitUntil(lambda: recorder.time_label.text() == "0:01", timeout=5000)
    with qtbot.waitSignal(tab.preview.loaded, timeout=10000) as loaded:
        fake.unplug()
    assert "unplugged" in tab.message.text() and "kept" in tab.message.text()
    assert tab.message.isVisible() and tab.message.level == "error"  # and stays: not cleared
    path = loaded.args[0]
    assert info(path).duration_s == pytest.approx(51 * BLOCK / RATE, abs=0.05)
    assert not recorder.is_recording and recorder.button.text() == "Record"
    qtbot.waitUntil(lambda: [str(p) for p in tab.recordings.paths()] == [path], timeout=5000)


# -- settings: devices by name, re-scan, test ---------------------------------------------------

def test_device_choice_survives_a_restart_even_when_unplugged(qtbot, make_window, tmp_path):
    fake = fake_card()
    w, _tab = window_with(make_window, fake, tmp_path)
    wait_ready(qtbot, w.audio)
    box = w.panel.audio_box
    items = [box.input.itemText(i) for i in range(box.input.count())]
    assert items == ["System default", "Fake Microphone", "USB Headset"]
    box.input.setCurrentIndex(box.input.findData("USB Headset"))
    box.output.setCurrentIndex(box.output.findData("Fake Speakers"))
    assert (w.settings.input_device, w.settings.output_device) == ("USB Headset", "Fake Speakers")
    assert w.audio.input_device == "USB Headset"
    w.close()

    headset_gone = fake_card(inputs=["Fake Microphone"])
    w2, _ = window_with(make_window, headset_gone, tmp_path)
    assert w2.settings.input_device == "USB Headset"
    wait_ready(qtbot, w2.audio)
    box2 = w2.panel.audio_box
    assert box2.input.currentData() == "USB Headset"
    assert box2.input.currentText() == "USB Headset (not connected)"
    assert box2.output.currentText() == "Fake Speakers"
    # Plugged in again: a re-scan finds it, and the choice is simply connected now.
    headset_gone.set_devices(["Fake Microphone", "USB Headset"], ["Fake Speakers"])
    with qtbot.waitSignal(w2.audio.devices_changed, timeout=5000):
        box2.rescan_button.click()
    assert ("_terminate", {}) in headset_gone.calls and ("_initialize", {}) in headset_gone.calls
    assert box2.input.currentText() == "USB Headset"
    assert w2.settings.input_device == "USB Headset"


def test_the_test_button_records_a_second_and_plays_it_back(qtbot, service):
    fake = fake_card()
    audio = service(fake)
    box = AudioSettingsBox(audio, "", "")
    qtbot.addWidget(box)
    box.test_button.click()
    assert not box.test_button.isEnabled()
    assert "Listening" in box.status.text()
    pump_until_running(qtbot, fake, "input")
    fake.pump(50, "input")  # more than a second: the recorder stops at one
    qtbot.waitUntil(lambda: "Playing it back" in box.status.text(), timeout=5000)
    assert box.meter.peak_db > -10
    pump_until_running(qtbot, fake, "output")
    fake.pump(60, "output")
    qtbot.waitUntil(lambda: "played it back" in box.status.text(), timeout=5000)
    assert "peak -6 dBFS" in box.status.text()
    assert box.test_button.isEnabled()
    heard = np.concatenate([p.data for p in fake.played])
    assert np.abs(heard).max() > 0.4
    assert not list(audio.folder.glob("*.wav"))  # the test leaves no recording behind


def test_the_test_button_says_when_nothing_was_heard(qtbot, service):
    fake = fake_card(recording=np.zeros(RATE * 2, np.float32))
    audio = service(fake)
    box = AudioSettingsBox(audio, "", "")
    qtbot.addWidget(box)
    box.test_button.click()
    pump_until_running(qtbot, fake, "input")
    fake.pump(50, "input")
    qtbot.waitUntil(lambda: "Nothing was heard" in box.status.text(), timeout=5000)
    assert box.test_button.isEnabled()


# -- recovery at start-up -------------------------------------------------------------------------

def test_a_recording_left_by_a_crash_is_recovered_at_start_up(qtbot, make_window, tmp_path):
    folder = tmp_path / "recordings"
    folder.mkdir()
    stem = f"Recording {dt.date.today():%Y-%m-%d} 14-02-00"
    writer = WavWriter(folder / f"{stem}.recording.wav", 8000, 1)
    writer.write(np.full((192 * 8000, 1), 0.1, np.float32))  # 3 min 12 s
    os.close(writer.fd)  # the app died: the header still says 0 frames
    w, tab = window_with(make_window, fake_card(), tmp_path)
    qtbot.waitUntil(lambda: "Recovered" in w.notice.text(), timeout=10000)
    assert w.notice.text() == "Recovered a recording from 14:02, 3 min 12 s"
    final = folder / f"{stem}.wav"
    qtbot.waitUntil(lambda: tab.recordings.paths() == [final], timeout=5000)
    assert info(final).duration_s == pytest.approx(192.0)
    assert tab.recordings.tree.topLevelItem(0).text(1) == "3 min 12 s"


# -- the recordings list --------------------------------------------------------------------------

def make_recording(path, seconds: float, modified: float) -> None:
    writer = WavWriter(path, 8000, 1)
    writer.write(np.zeros((int(seconds * 8000), 1), np.float32))
    writer.close()
    os.utime(path, (modified, modified))


def test_recordings_list_newest_first_rename_delete_and_drag(qtbot, tmp_path):
    folder = tmp_path / "recordings"
    folder.mkdir()
    make_recording(folder / "older.wav", 2, 1_700_000_000)
    make_recording(folder / "newer.wav", 65, 1_700_000_100)
    (folder / "busy.recording.wav").write_bytes(b"")  # still being written: not listed
    lst = RecordingsList(folder)
    qtbot.addWidget(lst)
    lst.refresh()
    qtbot.waitUntil(lambda: len(lst.entries) == 2, timeout=5000)
    tree = lst.tree
    assert [tree.topLevelItem(i).text(0) for i in range(2)] == ["newer", "older"]
    assert tree.topLevelItem(0).text(1) == "1 min 5 s"
    urls = tree.mimeData([tree.topLevelItem(1)]).urls()
    assert [u.toLocalFile() for u in urls] == [str(folder / "older.wav")]

    with qtbot.waitSignal(lst.renamed, timeout=5000) as renamed:
        tree.topLevelItem(1).setText(0, "Interview")
    assert renamed.args == [str(folder / "older.wav"), str(folder / "Interview.wav")]
    qtbot.waitUntil(lambda: (folder / "Interview.wav") in lst.paths(), timeout=5000)
    with qtbot.waitSignal(lst.failed, timeout=1000) as failed:
        tree.topLevelItem(1).setText(0, "a/b")
    assert "cannot be a file name" in failed.args[0]
    assert tree.topLevelItem(1).text(0) == "Interview"  # put back
    with qtbot.waitSignal(lst.failed, timeout=5000) as failed:
        tree.topLevelItem(1).setText(0, "newer")
    assert "exists already" in failed.args[0]
    qtbot.waitUntil(lambda: tree.topLevelItem(1).text(0) == "Interview", timeout=5000)
    assert (folder / "newer.wav").exists() and (folder / "Interview.wav").exists()

    tree.setCurrentItem(tree.topLevelItem(0))
    asked = []
    lst.confirm = lambda text: asked.append(text) or False
    lst.delete_selected()
    assert asked == ["Delete “newer”? This cannot be undone."]
    assert (folder / "newer.wav").exists()
    lst.confirm = lambda text: True
    with qtbot.waitSignal(lst.deleted, timeout=5000):
        lst.delete_selected()
    assert not (folder / "newer.wav").exists()
    qtbot.waitUntil(lambda: lst.paths() == [folder / "Interview.wav"], timeout=5000)
    with qtbot.waitSignal(lst.open_requested) as opened:
        lst.tree.topLevelItem(0).setSelected(True)
        lst.play_button.click()
    assert opened.args == [str(folder / "Interview.wav")]


# -- the widgets on their own ---------------------------------------------------------------------

def test_missing_file_shows_in_the_waveform(qtbot, service, tmp_path):
    audio = service(fake_card())
    preview = AudioPreview(audio)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.failed, timeout=5000) as failed:
        preview.open_file(str(tmp_path / "gone.wav"))
    assert "gone.wav" in failed.args[0]
    assert preview.waveform.error and preview.waveform.message == failed.args[0]
    assert not preview.transport.play_button.isEnabled()
    preview.play()  # nothing loaded: nothing happens, nothing raises


def test_space_on_the_waveform_toggles_playback(qtbot, service):
    fake = fake_card()
    audio = service(fake)
    preview = AudioPreview(audio)
    qtbot.addWidget(preview)
    preview.set_audio(tone(1.0), RATE)
    preview.waveform.setFocus()
    qtbot.keyClick(preview.waveform, Qt.Key.Key_Space)
    assert audio.owner is preview and audio.player.status().state == "starting"
    pump_until_running(qtbot, fake, "output")
    qtbot.keyClick(preview.waveform, Qt.Key.Key_Space)
    assert audio.player.status().state == "paused"
    assert preview.transport.state == "paused"
    # Another preview taking the player stops this one's display.
    other = AudioPreview(audio)
    qtbot.addWidget(other)
    other.set_audio(tone(0.5), RATE, play=True)
    assert audio.owner is other and preview.transport.state == "stopped"


def test_level_meter_rises_at_once_and_falls_back_smoothly(qtbot):
    now = [0.0]
    meter = LevelMeter(clock=lambda: now[0])
    qtbot.addWidget(meter)
    meter.set_level(Level(rms_db=-10, peak_db=-3))
    assert (meter.rms_db, meter.peak_db) == (-10, -3)
    now[0] = 0.5
    meter.set_level(Level())  # silence
    assert meter.rms_db == pytest.approx(-22)  # 24 dB/s
    assert meter.peak_db == -3  # held
    now[0] = 1.5
    meter.set_level(Level())
    assert meter.rms_db == pytest.approx(-46) and meter.peak_db == pytest.approx(-27)
    assert LevelMeter.fraction(0) == 1 and LevelMeter.fraction(-100) == 0


def test_waveform_folds_peaks_to_its_width():
    peaks = np.array([[-0.1, 0.1], [-0.5, 0.2], [-0.2, 0.9], [0.0, 0.0]], np.float32)
    np.testing.assert_allclose(fold(peaks, 2), [[-0.5, 0.2], [-0.2, 0.9]])
    stretched = fold(peaks, 9)
    assert len(stretched) == 9
    np.testing.assert_allclose(stretched[[0, 8]], [[-0.1, 0.1], [0.0, 0.0]])
    assert len(fold(np.zeros((0, 2)), 5)) == 0
    w = Waveform()
    w.set_peaks(peaks, 4.0)
    w.set_position(10.0)
    assert w.position_s == 4.0


def test_a_device_plugged_in_is_found_without_the_rescan_button(qtbot, service, tmp_path):
    fake = fake_card(inputs=["Fake Microphone"])
    audio = service(fake)
    nodes = tmp_path / "snd"  # stands in for /dev/snd, where ALSA adds a node per device
    nodes.mkdir()
    audio.watch_devices(nodes)
    assert audio.inputs() == ["Fake Microphone"]
    fake.set_devices(["Fake Microphone", "USB Headset"], ["Fake Speakers"])
    with qtbot.waitSignal(audio.devices_changed, timeout=10000):
        (nodes / "pcmC1D0c").touch()
    assert audio.inputs() == ["Fake Microphone", "USB Headset"]
    assert ("_terminate", {}) in fake.calls  # PortAudio was restarted to see it


def test_a_recording_that_lost_its_device_rescans(qtbot, make_window, tmp_path):
    fake = fake_card()
    w, tab = window_with(make_window, fake, tmp_path)
    wait_ready(qtbot, w.audio)
    tab.source.recorder.button.click()
    pump_until_running(qtbot, fake, "input")
    fake.pump(5, "input")
    with qtbot.waitSignal(w.audio.devices_changed, timeout=10000):
        fake.unplug()
    assert w.audio.inputs() == []  # the list no longer offers the device that is gone
