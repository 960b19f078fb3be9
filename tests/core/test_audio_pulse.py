"""The real PortAudio path: play into a PulseAudio null sink, record its monitor.

The daemon is private to this module (tests/fixtures/pulse.py) and stopped by
its pid afterwards.  Audio runs in real time here, so the test waits on the
player's and recorder's positions (there is no signal to wait on in a sound
card); the assertions are about what came back, not about timing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf

from studio.core.audio.devices import list_devices
from studio.core.audio.levels import level
from studio.core.audio.player import Player
from studio.core.audio.recorder import Recorder
from tests.conftest import ROOT
from tests.fixtures import pulse
from tests.fixtures.processes import wait_until

RATE = pulse.SINK_RATE


@pytest.fixture(scope="module")
def pulse_env(tmp_path_factory):
    with pulse.serving(tmp_path_factory.mktemp("pulse")) as env:
        yield env


def tone(freq: float, seconds: float, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def dominant(segment: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(segment * np.hanning(len(segment))))
    return float(np.argmax(spectrum) * RATE / len(segment))


def frequencies(data: np.ndarray, window_s: float = 0.1) -> list[float | None]:
    """The dominant frequency of each window, or None where it is silent."""
    win = int(window_s * RATE)
    out = []
    for i in range(0, len(data) - win + 1, win):
        seg = data[i: i + win]
        rms = level(seg).rms_db
        if rms < -40:
            out.append(None)  # silence
        elif rms > -12:  # a whole window of tone (a sine at 0.5 reads -9 dBFS)
            out.append(dominant(seg))
        # else: a window cut by a pause or a seek; its spectrum is smeared, so it is skipped
    return out


def test_tone_played_into_the_sink_comes_back_with_pause_and_seek(pulse_env, tmp_path) -> None:
    import sounddevice as sd

    assert "pulse" in [d.name for d in list_devices(sd)]
    rec = Recorder(tmp_path, sd=sd, device="pulse", sample_rate=RATE)
    rec.start()
    # The first input block arrives 1-2 s after start: play only once recording runs.
    assert wait_until(lambda: rec.status().elapsed_s > 0, 15)
    # 500 Hz runs 2 s: the output latency (0.1 s idle, much more on a loaded machine) keeps
    # the buffer ahead of what is heard, and the seek must happen before 1000 Hz is reached
    audio = np.concatenate([tone(500, 2.0), tone(1000, 1.0), tone(1500, 1.0)])
    player = Player(sd=sd, device="pulse")
    player.load(audio, RATE)
    player.play()
    assert wait_until(lambda: player.status().position_s >= 0.4, 15)
    player.pause()
    paused_at = rec.status().elapsed_s
    assert wait_until(lambda: rec.status().elapsed_s >= paused_at + 0.6, 15)
    player.resume()
    assert wait_until(lambda: player.status().position_s >= 0.7, 15)
    player.seek(3.2)  # skips the 1000 Hz second
    assert player.ended.wait(15)
    end = rec.status().elapsed_s
    assert wait_until(lambda: rec.status().elapsed_s >= end + 0.5, 15)  # latency drains
    st = rec.stop()
    player.close()
    assert st.error is None
    data, rate = sf.read(st.path, dtype="float32")
    assert rate == RATE
    heard = frequencies(data)
    tones = [f for f in heard if f is not None]
    assert tones, "nothing came back from the sink"
    assert all(abs(f - 500) < 20 or abs(f - 1500) < 20 for f in tones), heard
    # 500 Hz, then silence (pause), 500 Hz again, then straight to 1500 Hz (seek)
    runs = [f for i, f in enumerate(heard) if i == 0 or (f is None) != (heard[i - 1] is None)
            or (f and heard[i - 1] and abs(f - heard[i - 1]) > 20)]
    labels = [None if f is None else round(f / 500) * 500 for f in runs]
    compact = [x for i, x in enumerate(labels) if i == 0 or x != labels[i - 1]]
    assert compact[compact.index(500):][:4] == [500, None, 500, 1500], heard
    loud = data[np.abs(data) > 0.25]
    assert level(loud).peak_db == pytest.approx(-6.0, abs=1.0)  # the level survives the trip
    tone_secs = len(tones) * 0.1
    assert 1.0 <= tone_secs <= 1.9  # about 0.4 + 0.3 + 0.8 s of the 4 s played


def cli(*args: str, env: dict, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studio", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_cli_lists_records_and_plays_through_the_sink(pulse_env, tmp_path) -> None:
    env = {**os.environ, **pulse_env}
    listed = cli("audio", "devices", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    names = [d["name"] for d in json.loads(listed.stdout)["devices"]]
    assert "pulse" in names
    source = tmp_path / "tone.wav"
    sf.write(source, tone(700, 6.0), RATE)
    out = tmp_path / "r.flac"
    recording = subprocess.Popen(
        [sys.executable, "-m", "studio", "record", "--seconds", "3", "--out", str(out),
         "--device", "pulse", "--rate", str(RATE)],
        cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    assert "Recording from pulse" in recording.stderr.readline()
    played = cli("play", str(source), "--device", "pulse", env=env)
    assert recording.wait(60) == 0, recording.stderr.read()
    assert played.returncode == 0, played.stderr
    data, rate = sf.read(out, dtype="float32")
    assert rate == RATE and len(data) == 3 * RATE
    tones = [f for f in frequencies(data) if f is not None]
    assert len(tones) >= 10 and all(abs(f - 700) < 20 for f in tones)


def test_cli_device_errors(pulse_env, tmp_path) -> None:
    env = {**os.environ, **pulse_env}
    bad = cli("record", "--out", str(tmp_path / "x.wav"), "--device", "Headset", env=env)
    assert bad.returncode == 2
    assert "no input device called" in bad.stderr and "Traceback" not in bad.stderr
    none_env = {k: v for k, v in os.environ.items() if k not in pulse_env}
    for args in (("record", "--out", str(tmp_path / "y.wav"), "--seconds", "1"),
                 ("play", str(tmp_path / "missing.wav"))):
        done = cli(*args, env=none_env)
        assert done.returncode in (1, 2) and "Traceback" not in done.stderr, done.stderr
    nothing = cli("record", "--out", str(tmp_path / "y.wav"), "--seconds", "1", env=none_env)
    assert nothing.returncode == 1 and "No audio input device" in nothing.stderr
    assert not (tmp_path / "y.wav").exists()
