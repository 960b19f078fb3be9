"""`speak --play` through the real PortAudio path: a private PulseAudio null sink (NOTES.md).

What the speak command plays on ``pulse`` is recorded from the sink's monitor by the
``record`` command running beside it; the take's sound must be in the recording."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tests.fixtures import pulse
from tests.fixtures.tiny_vits import build_tiny_vits

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sink(tmp_path_factory):
    daemon = pulse.start(tmp_path_factory.mktemp("pulse"))
    yield {**os.environ, **daemon.env}
    daemon.stop()


def test_a_take_played_while_it_is_made_reaches_the_sink(sink, tmp_path):
    model = build_tiny_vits(tmp_path / "vits")
    heard = tmp_path / "heard.wav"
    recording = subprocess.Popen(
        [sys.executable, "-m", "studio", "record", "--out", str(heard), "--device", "pulse",
         "--rate", str(pulse.SINK_RATE)], cwd=ROOT, env=sink, stderr=subprocess.PIPE, text=True)
    try:
        assert "Recording from pulse" in recording.stderr.readline()
        take = tmp_path / "take.wav"
        spoken = subprocess.run(
            [sys.executable, "-m", "studio", "speak", "--text", "Hello there. A second one.",
             "--model", str(model), "--seed", "3", "--out", str(take), "--play",
             "--play-device", "pulse", "--no-history"],
            cwd=ROOT, env=sink, capture_output=True, text=True, timeout=120)
        assert spoken.returncode == 0, spoken.stderr
    finally:
        recording.send_signal(signal.SIGINT)  # Ctrl+C: stop and keep the recording
        recording.wait(60)
    assert recording.returncode == 0, recording.stderr.read()
    data, _ = sf.read(heard, dtype="float32")
    played, _ = sf.read(take, dtype="float32")
    # the tiny random voice is loud noise: the recording holds about that much sound
    loud = np.sqrt(np.mean(np.square(played)))
    windows = data[: len(data) // 1600 * 1600].reshape(-1, 1600)
    rms = np.sqrt(np.mean(np.square(windows), axis=1))
    assert (rms > 0.3 * loud).sum() * 0.1 >= 0.5 * len(played) / 16_000, rms.max()
