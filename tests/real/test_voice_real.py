"""The bundled Piper voice for real: sentences as chunks, speed, and a round trip through the
bundled Whisper tiny.en (speech made by one engine, understood by another)."""

from __future__ import annotations

import re
import shutil

import huggingface_hub.constants
import numpy as np
import pytest

from studio.core import catalog
from studio.core.cache import ModelCache
from studio.core.engines.voice import SpeakRequest, SpeechResult, run
from studio.core.jobs import AudioChunk, Cancelled, CancelToken, Notice, Result
from studio.core.models import resolve

pytestmark = pytest.mark.real

SENTENCES = ("The quick brown fox jumps over the lazy dog.",
             "Please bring the blue book to the kitchen table.")
# Measured here: WER 0.0 in 8 of 8 runs on these two sentences (tiny.en, beam 5; Piper's noise
# makes every run a little different), 0-0.04 on another pair.  0.12 allows two wrong words of
# 19 (onnxruntime/CTranslate2 drift) without letting noise pass.  Avoid compounds ("sea shells"
# comes back as "seashells") and numbers (Whisper writes digits).
MAX_WER = 0.12


@pytest.fixture(scope="module")
def cache() -> ModelCache:
    resolve("piper-en-us-joe", "voice")  # fails loudly if set-up missed the package
    return ModelCache()


def speak(cache, text: str, **kw) -> tuple[SpeechResult, list]:
    evs = list(run(SpeakRequest(text, **kw), CancelToken(), cache))
    assert isinstance(evs[-1], Result), evs[-1]
    return evs[-1].value, evs


def test_two_sentences_two_chunks_faster_than_real_time(cache):
    speak(cache, "Warm up.")  # the first job loads the voice
    res, evs = speak(cache, " ".join(SENTENCES))
    chunks = [e for e in evs if isinstance(e, AudioChunk)]
    assert len(chunks) == len(res.sentences) == 2
    assert res.sample_rate == 22_050 and all(c.sample_rate == 22_050 for c in chunks)
    assert res.backend == "piper" and res.seed is None
    assert res.rtf < 1 and res.first_audio_s < res.duration_s
    for chunk in chunks:  # speech, not silence
        rms = float(np.sqrt(np.mean(np.square(chunk.samples))))
        assert rms > 0.02 and np.abs(chunk.samples).max() <= 1.0
    assert evs[-1].request.revision.startswith("sha256:")


def test_speed_and_volume(cache):
    normal, _ = speak(cache, SENTENCES[0], noise_w_scale=0.0)
    slow, _ = speak(cache, SENTENCES[0], noise_w_scale=0.0, length_scale=1.5)
    quiet, _ = speak(cache, SENTENCES[0], volume=0.25)
    assert slow.duration_s > 1.3 * normal.duration_s
    assert np.abs(quiet.samples).max() == pytest.approx(0.25, abs=0.01)  # Piper normalises


def test_stop_after_the_first_sentence_keeps_it(cache):
    cancel = CancelToken()
    evs = []
    for ev in run(SpeakRequest(" ".join(SENTENCES * 3)), cancel, cache):
        evs.append(ev)
        if isinstance(ev, AudioChunk):
            cancel.cancel()
    assert isinstance(evs[-1], Cancelled)
    assert [s.text for s in evs[-1].partial.sentences] == [SENTENCES[0]]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def wer(reference: str, hypothesis: str) -> float:
    ref, hyp = _words(reference), _words(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1] / max(len(ref), 1)


def test_round_trip_piper_to_whisper(cache):
    import soxr
    from faster_whisper import WhisperModel

    text = " ".join(SENTENCES)
    res, _ = speak(cache, text)
    audio = soxr.resample(res.samples, res.sample_rate, 16_000).astype(np.float32)
    model = WhisperModel(str(resolve("whisper-tiny.en").path), device="cpu",
                         compute_type="int8", cpu_threads=2)
    segments, _info = model.transcribe(audio, language="en", beam_size=5)
    heard = " ".join(s.text for s in segments)
    assert wer(text, heard) <= MAX_WER, heard


def test_a_voice_from_a_hub_repo_subfolder_speaks(cache, tmp_path, monkeypatch):
    """A Piper voice downloaded into the Hugging Face cache (rhasspy/piper-voices layout: the
    .onnx and .onnx.json in a subfolder) speaks through its catalogue id.  The bundled voice's
    files stand in for the download (the hub is not reachable from the tests)."""
    entry = catalog.find("piper-zh-cn-huayan")
    joe = resolve("piper-en-us-joe").main_path
    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--rhasspy--piper-voices"
    target = repo / "snapshots" / commit / entry.file
    target.parent.mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    target.symlink_to(joe)
    shutil.copy(joe.with_name(joe.name + ".json"), target.with_name(target.name + ".json"))
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    res, evs = speak(cache, "Downloaded once, then it speaks offline.",
                     model="piper-zh-cn-huayan")
    assert res.model == "piper-zh-cn-huayan" and len(res.sentences) == 1
    assert evs[-1].request.revision == "git:" + commit
    # its catalogue language (zh-CN) says the English words need another voice
    assert any("piper-en-us-joe" in e.message for e in evs if isinstance(e, Notice))
