"""The tiny offline model builders and the fake sounddevice behave as the other tests assume."""

from __future__ import annotations

import hashlib
from pathlib import Path

# Imported at collection (lazy submodules included) so that no test pays the ~5 s first import.
import diffusers
import numpy as np
import pytest
import torch
import transformers

from tests.fixtures.fake_sounddevice import CallbackStop, FakeSoundDevice, PortAudioError
from tests.fixtures.tiny_sd import build_tiny_sd
from tests.fixtures.tiny_vits import build_tiny_vits
from tests.fixtures.tiny_whisper import build_tiny_whisper

StableDiffusionPipeline = diffusers.StableDiffusionPipeline
UNet2DConditionModel = diffusers.UNet2DConditionModel
AutoencoderKL = diffusers.AutoencoderKL


@pytest.fixture(scope="module", autouse=True)
def _offline_one_thread():
    # One torch thread: on a 2-core machine with any other busy process, 2 OpenMP threads
    # make these tiny models 20-60x slower (measured: tiny SD 0.13 s -> 8.8 s).
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        yield
    torch.set_num_threads(threads)


@pytest.fixture(autouse=True)
def _offline_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="module")
def sd_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_sd(tmp_path_factory.mktemp("tiny_sd"))


@pytest.fixture(scope="module")
def sd_pipe(sd_dir: Path):
    pipe = StableDiffusionPipeline.from_pretrained(sd_dir)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- Stable Diffusion ----------------------------------------------------------------------
def test_tiny_sd_two_steps_64px_with_step_callback(sd_pipe) -> None:
    steps: list[int] = []

    def on_step(pipe, step, timestep, kwargs):
        steps.append(step)
        return kwargs

    result = sd_pipe(
        "a red fox",
        num_inference_steps=2,
        height=64,
        width=64,
        generator=torch.Generator().manual_seed(0),
        callback_on_step_end=on_step,
    )
    image = result.images[0]
    assert image.size == (64, 64)
    assert image.mode == "RGB"
    assert steps == [0, 1]


def test_tiny_sd_interrupt_in_callback_stops_early(sd_pipe) -> None:
    steps: list[int] = []

    def interrupt(pipe, step, timestep, kwargs):
        steps.append(step)
        pipe._interrupt = True
        return kwargs

    result = sd_pipe(
        "a fox",
        num_inference_steps=4,
        height=64,
        width=64,
        callback_on_step_end=interrupt,
        output_type="np",
    )
    assert steps == [0]
    assert result.images.shape == (1, 64, 64, 3)


def test_tiny_sd_is_deterministic_and_offline(sd_dir: Path, tmp_path: Path) -> None:
    again = build_tiny_sd(tmp_path / "again")
    for part in ("unet/diffusion_pytorch_model.safetensors", "text_encoder/model.safetensors"):
        assert _sha256(sd_dir / part) == _sha256(again / part)
    assert (sd_dir / "tokenizer" / "tokenizer.json").is_file()
    assert not list(sd_dir.rglob("*.bin")), "safetensors only"


# -- Whisper -------------------------------------------------------------------------------
def test_tiny_whisper_asr_pipeline_returns_text(tmp_path: Path) -> None:
    folder = build_tiny_whisper(tmp_path / "whisper")
    asr = transformers.pipeline("automatic-speech-recognition", model=str(folder))
    t = np.arange(16_000, dtype=np.float32) / 16_000
    audio = (0.1 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    out = asr(audio, generate_kwargs={"language": "en", "task": "transcribe"})
    assert isinstance(out, dict)
    assert isinstance(out["text"], str)
    assert "<|" not in out["text"], "special tokens must be skipped"


# -- VITS ----------------------------------------------------------------------------------
def test_tiny_vits_speaks_deterministically(tmp_path: Path) -> None:
    folder = build_tiny_vits(tmp_path / "vits")
    model = transformers.VitsModel.from_pretrained(folder)
    tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
    inputs = tokenizer("hello world", return_tensors="pt")

    def speak(seed: int):
        torch.manual_seed(seed)
        with torch.no_grad():
            return model(**inputs).waveform

    first = speak(0)
    assert first.dtype == torch.float32
    assert first.ndim == 2 and first.shape[0] == 1 and first.shape[1] > 0
    assert torch.isfinite(first).all()
    assert torch.equal(first, speak(0))
    assert model.config.sampling_rate == 16_000


# -- fake sounddevice ----------------------------------------------------------------------
def test_fake_sounddevice_devices_and_defaults() -> None:
    sd = FakeSoundDevice(input_devices=["Mic A", "Mic B"], output_devices=["Speakers"])
    devices = sd.query_devices()
    assert [d["name"] for d in devices] == ["Mic A", "Mic B", "Speakers"]
    assert [d["index"] for d in devices] == [0, 1, 2]
    assert list(sd.default.device) == [0, 2]
    assert sd.query_devices(kind="input")["name"] == "Mic A"
    assert sd.query_devices(kind="output")["max_output_channels"] > 0
    sd.default.device = [1, 2]
    assert sd.query_devices(kind="input")["name"] == "Mic B"
    assert sd.query_devices("Speak")["index"] == 2
    with pytest.raises(PortAudioError, match="Error querying device 7"):
        sd.query_devices(7)


def test_fake_sounddevice_rec_returns_recording_and_play_is_recorded() -> None:
    recording = np.linspace(-0.5, 0.5, 1000, dtype=np.float32)
    sd = FakeSoundDevice(recording=recording)
    got = sd.rec(1200, samplerate=16_000, channels=1, dtype="float32")
    sd.wait()
    assert got.shape == (1200, 1) and got.dtype == np.float32
    np.testing.assert_allclose(got[:1000, 0], recording)
    assert not got[1000:].any(), "padded with silence after the recording"
    as_int = sd.rec(10, samplerate=16_000, channels=2, dtype="int16")
    assert as_int.dtype == np.int16 and as_int.shape == (10, 2)
    assert as_int[0, 0] == round(-0.5 * 32767)

    tone = np.ones(320, dtype=np.float32)
    sd.play(tone, 16_000)
    sd.stop()
    assert len(sd.played) == 1
    data, samplerate = sd.played[0]
    np.testing.assert_array_equal(data, tone)
    assert samplerate == 16_000
    assert not sd.active


def test_fake_sounddevice_streams_are_synchronous() -> None:
    recording = np.arange(2500, dtype=np.float32) / 2500
    sd = FakeSoundDevice(recording=recording)
    blocks: list[np.ndarray] = []
    finished: list[bool] = []
    with sd.InputStream(
        samplerate=16_000,
        channels=1,
        blocksize=1000,
        callback=lambda indata, frames, time, status: blocks.append(indata.copy()),
        finished_callback=lambda: finished.append(True),
    ) as stream:
        assert not stream.active  # the whole recording was delivered inside start()
    assert [len(b) for b in blocks] == [1000, 1000, 1000]
    np.testing.assert_allclose(np.concatenate(blocks)[:2500, 0], recording)
    assert finished == [True]

    calls = 0

    def fill(outdata, frames, time, status):
        nonlocal calls
        calls += 1
        outdata[:] = 0.25
        if calls == 3:
            raise CallbackStop

    with sd.OutputStream(samplerate=8000, channels=1, blocksize=100, callback=fill):
        pass
    assert calls == 3
    assert sd.played[-1].data.shape == (300, 1)
    assert sd.played[-1].samplerate == 8000


def test_fake_sounddevice_blocking_stream_read_and_write() -> None:
    recording = np.full(300, 0.5, dtype=np.float32)
    sd = FakeSoundDevice(recording=recording)
    with sd.InputStream(samplerate=16_000, channels=1, dtype="int16") as stream:
        first, overflowed = stream.read(200)
        second, _ = stream.read(200)
    assert first.shape == (200, 1) and first.dtype == np.int16 and not overflowed
    assert (first == round(0.5 * 32767)).all()
    assert second[:100].all() and not second[100:].any()
    with sd.OutputStream(samplerate=22_050, channels=1) as out:
        out.write(np.zeros((50, 1), dtype=np.float32))
    assert sd.played[-1].samplerate == 22_050 and sd.played[-1].data.shape == (50, 1)
    with pytest.raises(PortAudioError):
        stream.read(10)  # closed


def test_fake_sounddevice_without_devices_raises_like_portaudio() -> None:
    sd = FakeSoundDevice.no_devices()
    assert list(sd.query_devices()) == []
    assert list(sd.default.device) == [-1, -1]
    with pytest.raises(PortAudioError, match=r"^Error querying device -1$"):
        sd.query_devices(kind="input")
    with pytest.raises(PortAudioError, match=r"^Error querying device -1$"):
        sd.rec(100, samplerate=16_000, channels=1)
    with pytest.raises(PortAudioError, match=r"^Error querying device -1$"):
        sd.play(np.zeros(100, dtype=np.float32), 16_000)
    with pytest.raises(PortAudioError, match=r"^Error querying device -1$"):
        sd.InputStream(samplerate=16_000, channels=1)
    assert sd.played == []


def test_fake_matches_real_sounddevice_without_a_sound_card() -> None:
    import sounddevice as real  # the set-up command installs libportaudio2

    if len(real.query_devices()) > 0:
        pytest.skip("this machine has audio devices")
    fake = FakeSoundDevice.no_devices()
    for call in (
        lambda sd: sd.rec(10, samplerate=16_000, channels=1),
        lambda sd: sd.play(np.zeros(10, dtype=np.float32), 16_000),
        lambda sd: sd.query_devices(kind="input"),
    ):
        with pytest.raises(real.PortAudioError) as real_error:
            call(real)
        with pytest.raises(PortAudioError) as fake_error:
            call(fake)
        assert str(fake_error.value) == str(real_error.value)
