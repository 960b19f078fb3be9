"""Recorder, player and devices against the fake sound device (clocked by the test)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import soundfile as sf

from studio.core.audio import wavfile
from studio.core.audio.devices import (
    AudioDeviceError,
    NoAudioDevice,
    find_device,
    list_devices,
    rescan,
)
from studio.core.audio.levels import FLOOR_DB, level, to_db
from studio.core.audio.player import Player
from studio.core.audio.recorder import UNFINISHED, Recorder, recover_unfinished
from tests.conftest import ROOT
from tests.fixtures.fake_sounddevice import FakeSoundDevice
from tests.fixtures.processes import wait_until

RATE = 16000
BLOCK = 1024


def tone(freq: float, seconds: float, amp: float = 0.5, rate: int = RATE) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def mic(recording=None, **kw) -> FakeSoundDevice:
    kw.setdefault("input_devices", [{"name": "USB Mic", "default_samplerate": RATE}])
    kw.setdefault("output_devices", [{"name": "Speakers", "default_samplerate": RATE}])
    return FakeSoundDevice(recording=recording, channels=1, manual=True, **kw)


def record_blocks(fake: FakeSoundDevice, recorder: Recorder, blocks: int) -> None:
    before = recorder.status().elapsed_s
    fake.pump(blocks, "input")
    assert wait_until(lambda: recorder.status().elapsed_s >= before + blocks * BLOCK / RATE
                      - 1e-9 or recorder.done.is_set(), 10)


# -- levels and devices ---------------------------------------------------------------------
def test_levels_in_dbfs() -> None:
    assert to_db(1.0) == 0.0
    assert to_db(0.0) == FLOOR_DB
    lv = level(tone(440, 0.5, amp=0.5))
    assert lv.peak_db == pytest.approx(-6.02, abs=0.05)
    assert lv.rms_db == pytest.approx(-9.03, abs=0.05)  # a sine's RMS is peak / sqrt(2)
    assert level(np.zeros(100, np.float32)).rms_db == FLOOR_DB


def test_devices_by_name_default_and_errors() -> None:
    fake = FakeSoundDevice(input_devices=["Built-in Mic", "USB Audio Device: - (hw:1,0)"],
                           output_devices=["Speakers", "USB Audio Device: - (hw:1,0)"])
    found = list_devices(fake)
    assert [d.name for d in found if d.is_input] == ["Built-in Mic",
                                                      "USB Audio Device: - (hw:1,0)"]
    assert find_device(fake, None, "input").name == "Built-in Mic"  # the default
    assert find_device(fake, "usb", "input").index == 1  # case-insensitive part of the name
    assert find_device(fake, "USB Audio Device: - (hw:1,0)", "output").index == 3
    with pytest.raises(AudioDeviceError, match=r"no input device called .Headset.") as err:
        find_device(fake, "Headset", "input")
    assert "Built-in Mic" in str(err.value)  # says what there is
    with pytest.raises(AudioDeviceError, match="Several output devices"):
        find_device(fake, "s", "output")
    with pytest.raises(NoAudioDevice, match="No audio input device"):
        find_device(FakeSoundDevice.no_devices(), None, "input")


def test_rescan_sees_a_device_plugged_in_later() -> None:
    fake = FakeSoundDevice.no_devices()
    assert list_devices(fake) == []
    fake.set_devices(["Headset Mic"], [])
    rescan(fake)
    assert ("_terminate", {}) in fake.calls and fake.calls[-1] == ("_initialize", {})
    assert find_device(fake, "Headset", "input").name == "Headset Mic"


# -- recorder ---------------------------------------------------------------------------------
def test_recording_is_written_while_it_happens_and_kept(tmp_path) -> None:
    fake = mic(tone(440, 3.0))
    rec = Recorder(tmp_path, sd=fake)
    partial = rec.start()
    assert partial.name.endswith(UNFINISHED) and partial.exists()
    record_blocks(fake, rec, 10)
    st = rec.status()
    assert st.state == "recording"
    assert st.level.peak_db == pytest.approx(-6.0, abs=0.2)  # the live meter
    assert st.elapsed_s == pytest.approx(10 * BLOCK / RATE)
    record_blocks(fake, rec, 10)
    st = rec.stop()
    assert st.state == "finished" and st.reason == "stopped" and st.error is None
    assert not partial.exists() and st.path.suffix == ".wav"
    data, rate = sf.read(st.path, dtype="float32")
    assert rate == RATE and len(data) == 20 * BLOCK
    np.testing.assert_allclose(data, tone(440, 3.0)[: 20 * BLOCK], atol=1 / 32767 + 1e-6)


def test_maximum_length_stops_on_the_exact_frame(tmp_path) -> None:
    fake = mic(tone(440, 3.0))
    rec = Recorder(tmp_path, sd=fake, max_seconds=0.5)
    rec.start()
    fake.pump(12, "input")
    assert rec.done.wait(10)
    st = rec.status()
    assert st.reason == "max_length" and st.error is None
    assert sf.info(st.path).frames == RATE // 2


def test_no_input_device_fails_before_making_a_file(tmp_path) -> None:
    with pytest.raises(NoAudioDevice):
        Recorder(tmp_path / "rec", sd=FakeSoundDevice.no_devices()).start()
    assert not (tmp_path / "rec").exists() or not any((tmp_path / "rec").iterdir())


def test_unplugged_microphone_ends_the_recording_and_keeps_it(tmp_path) -> None:
    fake = mic(tone(440, 3.0))
    rec = Recorder(tmp_path, sd=fake)
    rec.start()
    record_blocks(fake, rec, 8)
    fake.unplug()
    assert rec.done.wait(10)
    st = rec.status()
    assert st.state == "failed" and st.reason == "device_lost"
    assert "stopped sending sound" in st.error
    assert sf.info(st.path).frames == 8 * BLOCK


def test_a_silent_stall_counts_as_a_lost_device(tmp_path) -> None:
    fake = mic(tone(440, 3.0))
    rec = Recorder(tmp_path, sd=fake, stall_timeout_s=0.3)
    rec.start()
    record_blocks(fake, rec, 3)
    assert rec.done.wait(10)  # no block for 0.3 s: suspended or unplugged without notice
    assert rec.status().reason == "device_lost"
    assert sf.info(rec.status().path).frames == 3 * BLOCK


def test_disk_full_stops_cleanly_and_keeps_what_was_written(tmp_path, monkeypatch) -> None:
    fake = mic(tone(440, 3.0))
    rec = Recorder(tmp_path, sd=fake)
    rec.start()
    record_blocks(fake, rec, 5)
    real_write = os.write

    def full(fd, data):
        if fd == rec._writer.fd:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    fake.pump(1, "input")
    assert rec.done.wait(10)
    st = rec.status()
    assert st.reason == "disk_full" and "disk is full" in st.error
    monkeypatch.undo()
    data, _ = sf.read(st.path)
    assert len(data) == 5 * BLOCK


def test_repair_recovers_every_whole_frame(tmp_path) -> None:
    path = tmp_path / f"Recording 2026-12-01 14-02-05{UNFINISHED}"
    writer = wavfile.WavWriter(path, RATE, 1)
    writer.write(tone(440, 1.0))
    writer.flush()
    writer.write(tone(440, 0.25))  # after the last header update: the header says 1.0 s
    os.write(writer.fd, b"\x01")  # half a frame, as a cut write leaves it
    os.close(writer.fd)
    assert sf.info(path).frames == RATE  # what a reader sees before the repair
    found = recover_unfinished(tmp_path)
    assert len(found) == 1
    got = found[0]
    assert got.path.name == "Recording 2026-12-01 14-02-05.wav" and not path.exists()
    assert got.duration_s == pytest.approx(1.25)
    assert (got.started.hour, got.started.minute) == (14, 2)
    assert sf.info(got.path).frames == int(1.25 * RATE)


def test_recovery_leaves_a_live_recording_alone_and_drops_empty_ones(tmp_path) -> None:
    fake = mic(tone(440, 3.0))
    rec = Recorder(tmp_path, sd=fake)
    live = rec.start()
    record_blocks(fake, rec, 3)
    empty = tmp_path / f"empty{UNFINISHED}"
    wavfile.WavWriter(empty, RATE, 1).close()
    assert recover_unfinished(tmp_path) == []
    assert live.exists() and not empty.exists()
    rec.stop()


CHILD = textwrap.dedent("""
    import sys, time
    import numpy as np
    from studio.core.audio.recorder import Recorder
    from tests.fixtures.fake_sounddevice import FakeSoundDevice
    rate = 16000
    t = np.arange(rate * 10) / rate
    fake = FakeSoundDevice(input_devices=[{"name": "Mic", "default_samplerate": rate}],
                           recording=0.5 * np.sin(2 * np.pi * 440 * t), channels=1, manual=True)
    rec = Recorder(sys.argv[1], sd=fake, name="killed")
    rec.start()
    fake.pump(int(sys.argv[2]), "input")
    while rec.status().elapsed_s * rate < int(sys.argv[2]) * 1024:
        time.sleep(0.01)
    print("written", flush=True)
    time.sleep(600)
""")


def test_a_recording_survives_sigkill(tmp_path) -> None:
    blocks = 40  # 2.56 s at 16 kHz
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), str(blocks)],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert child.stdout.readline().strip() == "written"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert (tmp_path / f"killed{UNFINISHED}").exists()
    found = recover_unfinished(tmp_path)
    assert [r.path.name for r in found] == ["killed.wav"]
    data, rate = sf.read(found[0].path, dtype="float32")
    assert abs(len(data) - blocks * BLOCK) <= BLOCK  # everything up to the kill, ± one block
    assert found[0].duration_s == pytest.approx(blocks * BLOCK / rate, abs=BLOCK / rate)
    assert level(data).peak_db == pytest.approx(-6.0, abs=0.2)


# -- player -------------------------------------------------------------------------------------
def played(fake: FakeSoundDevice) -> np.ndarray:
    return np.concatenate([p.data[:, 0] for p in fake.played]) if fake.played else np.zeros(0)


def start_playing(fake: FakeSoundDevice, player: Player) -> None:
    player.play()
    assert wait_until(lambda: any(s.kind == "output" and s.active for s in fake.streams), 10)


def test_player_plays_pauses_seeks_and_reports_the_end(tmp_path) -> None:
    fake = mic()
    player = Player(sd=fake)
    audio = np.concatenate([tone(500, 1.0), tone(1500, 1.0)])
    player.load(audio, RATE)
    assert player.status().state == "stopped" and player.status().duration_s == 2.0
    start_playing(fake, player)
    fake.pump(4, "output")
    st = player.status()
    assert st.state == "playing"
    latency = fake.streams[-1].latency
    assert st.position_s == pytest.approx(max(0.0, 4 * BLOCK / RATE - latency))
    np.testing.assert_allclose(played(fake), audio[: 4 * BLOCK])
    player.pause()
    fake.pump(3, "output")
    assert not played(fake)[4 * BLOCK:].any()  # silence while paused
    player.resume()
    player.seek(1.5)
    fake.pump(2, "output")
    np.testing.assert_allclose(played(fake)[7 * BLOCK:], audio[int(1.5 * RATE):][: 2 * BLOCK])
    fake.pump(20, "output")
    assert player.ended.wait(5)
    assert player.status().state == "ended" and player.status().position_s == 2.0
    player.close()


def test_growing_buffer_waits_for_more_instead_of_ending() -> None:
    fake = mic()
    player = Player(sd=fake)
    first = tone(440, 0.25)
    player.load(first, RATE, complete=False)
    start_playing(fake, player)
    fake.pump(6, "output")  # 0.38 s: past the first sentence
    assert player.status().state == "waiting" and not player.ended.is_set()
    second = tone(880, 0.25)
    player.append(second)
    player.finish()
    fake.pump(10, "output")
    assert player.ended.wait(5)
    out = played(fake)
    n = len(first)
    np.testing.assert_allclose(out[:n], first)
    start = n + (6 * BLOCK - n)  # silence until the second part arrived
    np.testing.assert_allclose(out[start: start + len(second)], second)
    player.close()


def test_player_without_output_device_says_so() -> None:
    player = Player(sd=FakeSoundDevice.no_devices())
    player.load(tone(440, 0.2), RATE)
    player.play()
    assert wait_until(lambda: player.status().state == "failed", 10)
    assert "No audio output device" in player.status().error
    player.close()


def test_unplugged_speakers_mid_playback_are_reported() -> None:
    fake = mic()
    player = Player(sd=fake)
    player.load(tone(440, 2.0), RATE)
    start_playing(fake, player)
    fake.pump(2, "output")
    fake.unplug()
    assert wait_until(lambda: player.status().state == "failed", 10)
    assert "stopped playing" in player.status().error
    player.close()
