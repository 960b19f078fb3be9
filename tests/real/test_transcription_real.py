"""Both bundled Whisper models through faster-whisper on speech espeak-ng makes at test time.

Word error rates measured here (espeak-ng 1.51, int8, beam 5) on the three clips below:
tiny.en 0.0-0.07, base 0.0-0.04 (the benchmark's six clips: tiny.en mean 0.07, max 0.35;
base mean 0.03, max 0.12).  The thresholds leave room for that spread, not for a broken
pipeline (a wrong sample rate or a lost window gives 0.5 and more).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from studio.__main__ import main
from studio.bench.speech import SENTENCES, espeak_available, say, wer
from studio.core.cache import ModelCache
from studio.core.engines.transcription import TranscribeRequest, TranscriptResult, fw, run
from studio.core.jobs import Cancelled, CancelToken, Notice, Result, Segment

pytestmark = [pytest.mark.real,
              pytest.mark.skipif(not espeak_available(), reason="espeak-ng is not installed")]

MODELS = ("whisper-tiny.en", "whisper-base")
LIMITS = {"whisper-tiny.en": (0.3, 0.15), "whisper-base": (0.2, 0.1)}  # (each clip, mean)


@pytest.fixture(scope="module")
def clips(tmp_path_factory) -> list[tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("speech")
    out = []
    for i in (1, 2, 3):
        text = f"{SENTENCES[2 * i]} {SENTENCES[2 * i + 1]}"
        out.append((say(text, folder / f"pair{i}.wav", "en" if i % 2 else "en-us"), text))
    return out


@pytest.fixture(scope="module")
def cache() -> ModelCache:
    return ModelCache()


def transcribe(cache, **kw) -> tuple[TranscriptResult, list]:
    evs = list(run(TranscribeRequest(**kw), CancelToken(), cache))
    assert isinstance(evs[-1], Result), evs[-1]
    return evs[-1].value, evs


@pytest.mark.parametrize("model", MODELS)
def test_both_bundled_models_hear_the_words_with_timed_words(cache, clips, model):
    each, mean = LIMITS[model]
    rates = []
    for path, text in clips:
        res, evs = transcribe(cache, audio=str(path), model=model, word_timestamps=True)
        rates.append(wer(text, res.text))
        assert rates[-1] <= each, (text, res.text)
        assert res.language == "en" and res.backend == "faster-whisper"
        assert [e for e in evs if isinstance(e, Segment)] == list(res.segments)
        duration = sf.info(str(path)).duration
        words = [w for s in res.segments for w in s.words]
        assert words and all(isinstance(w.start, float) and isinstance(w.probability, float)
                             for w in words)
        times = [t for w in words for t in (w.start, w.end)]
        assert times == sorted(times), "word times go forwards"
        assert times[0] >= 0 and times[-1] <= duration + 0.05
        for s in res.segments:
            assert s.start <= s.words[0].start and s.words[-1].end <= s.end + 0.01
    assert sum(rates) / len(rates) <= mean, rates


def test_multilingual_model_detects_and_translates(cache, tmp_path):
    path = say("Der Hund schläft im Garten, und die Kinder spielen mit dem Ball.",
               tmp_path / "de.wav", "de", 130)
    res, evs = transcribe(cache, audio=str(path), task="translate", temperature=(0.0,))
    assert res.language == "de" and res.language_probability > 0.5
    assert any(isinstance(e, Notice) and "Detected language: de" in e.message for e in evs)
    words = set(re.findall(r"[a-zäöüß]+", res.text.lower()))
    assert len(words & {"the", "and", "in", "is", "with", "garden", "ball", "dog", "we"}) >= 3
    assert not words & {"der", "die", "das", "und", "im", "mit", "dem", "spielen"}, res.text


def test_long_audio_windows_continue_at_segment_ends(cache, tmp_path, monkeypatch):
    """Windows of 20 s over a 25 s clip: every word once, none lost at the seam."""
    pieces, texts = [], []
    for i in range(6):
        data, rate = sf.read(str(say(SENTENCES[i], tmp_path / f"s{i}.wav")), dtype="float32")
        pieces += [data, np.zeros(rate // 2, np.float32)]
        texts.append(SENTENCES[i])
    path = tmp_path / "long.wav"
    sf.write(path, np.concatenate(pieces), rate)
    whole, _ = transcribe(cache, audio=str(path), model="whisper-tiny.en", batched=False)
    monkeypatch.setattr(fw, "WINDOW_S", 20.0)
    monkeypatch.setattr(fw, "GUARD_S", 3.0)
    windowed, _ = transcribe(cache, audio=str(path), model="whisper-tiny.en", batched=False)
    reference = " ".join(texts)
    assert wer(reference, windowed.text) <= wer(reference, whole.text) + 0.05, windowed.text
    starts = [s.start for s in windowed.segments]
    assert starts == sorted(starts) and windowed.segments[-1].end <= windowed.duration_s + 0.01
    batched, _ = transcribe(cache, audio=str(path), model="whisper-tiny.en", batched=True)
    assert wer(reference, batched.text) <= 0.2, batched.text


def test_silence_and_cancel(cache, clips, tmp_path):
    quiet = tmp_path / "quiet.wav"
    sf.write(quiet, np.zeros(16000 * 4, np.float32), 16000)
    res, evs = transcribe(cache, audio=str(quiet), model="whisper-base")
    assert res.segments == () and any(isinstance(e, Notice) and "No speech" in e.message
                                      for e in evs)
    cancel = CancelToken()
    seen = []
    for ev in run(TranscribeRequest(str(clips[0][0]), model="whisper-tiny.en"), cancel, cache):
        seen.append(ev)
        if isinstance(ev, Segment):
            cancel.cancel()
    assert isinstance(seen[-1], Cancelled)
    assert seen[-1].partial.segments == tuple(e for e in seen if isinstance(e, Segment))
    assert len(seen[-1].partial.segments) == 1


def test_live_chunks_from_memory(cache, clips):
    """Live mode: a 5 s chunk of samples (the recorder's rate) with the model kept loaded."""
    samples, rate = sf.read(str(clips[0][0]), dtype="float32")
    chunk = samples[:5 * rate]
    res, _ = transcribe(cache, samples=chunk, sample_rate=rate, model="whisper-tiny.en",
                        beam_size=1, temperature=(0.0,))
    first_words = " ".join(clips[0][1].split()[:6])
    assert wer(first_words, " ".join(res.text.split()[:6])) <= 0.5, res.text
    assert res.duration_s == pytest.approx(5.0, abs=0.01)


def test_cli_writes_subtitles_players_read(clips, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    out = tmp_path / "talk.vtt"
    assert main(["transcribe", str(clips[1][0]), "--model", "whisper-tiny.en", "--out",
                 str(out), "--word-timestamps", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["out"] == str(out) and data["segments"][0]["words"]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n\n00:00:0") and text.count(" --> ") == len(data["segments"])
