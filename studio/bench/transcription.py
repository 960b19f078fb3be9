"""Transcription engine vs the plain faster-whisper call, batched vs sequential, WER, live lag.

Speech is made on the spot with espeak-ng (``studio.bench.speech``).  In one process:
- engine vs plain: the same ~20 s clip and model through ``transcription.run`` (the CLI's
  way: decoding with studio.core.audio, windows, events) and through
  ``WhisperModel.transcribe(path)`` on the very model object the engine loaded, interleaved
  A B A B so machine noise hits both alike; the paired median of the time ratios is the
  figure least moved by noise.  Both bundled models.
- batched vs sequential: one clip of at least 3 minutes, both ways through the engine.
- word error rate of each bundled model on two-sentence clips.
- live chunks: a 5 s chunk of in-memory samples with tiny.en loaded (what live mode sends).
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

MODELS = ("whisper-tiny.en", "whisper-base")


def _engine(req, cache) -> tuple[float, object]:
    from studio.core.engines.transcription import run
    from studio.core.jobs import CancelToken, Result

    start = time.perf_counter()
    *_, last = run(req, CancelToken(), cache)
    seconds = time.perf_counter() - start
    if not isinstance(last, Result):
        raise RuntimeError(f"transcription failed: {last}")
    return seconds, last.value


def _plain(model, path: Path, beam_size: int) -> tuple[float, str]:
    start = time.perf_counter()
    segments, _info = model.transcribe(str(path), beam_size=beam_size)
    text = " ".join(s.text.strip() for s in segments)
    return time.perf_counter() - start, text


def _session(cache):
    keys = cache.keys()  # a list, not a dict view
    key = next(k for k in keys if k[0] == "faster-whisper")
    return cache.get(key, lambda: None)


def _vs_plain(model_id: str, clip: Path, text: str, rounds: int, cache) -> dict:
    from studio.bench.speech import wer
    from studio.core.engines.transcription import TranscribeRequest

    req = TranscribeRequest(str(clip), model=model_id)
    _engine(req, cache)  # loads the model
    model = _session(cache).model
    _plain(model, clip, req.beam_size)  # warms faster-whisper's own decoder path
    engine, plain, texts = [], [], set()
    for _ in range(rounds):
        secs, res = _engine(req, cache)
        engine.append(secs)
        texts.add(res.text)
        secs, plain_text = _plain(model, clip, req.beam_size)
        plain.append(secs)
        texts.add(plain_text)
    duration = res.duration_s
    from faster_whisper.audio import decode_audio

    start = time.perf_counter()  # the plain call's own decoding (PyAV), included in its runs
    decode_audio(str(clip))
    decode_s = time.perf_counter() - start
    cache.clear()
    return {
        "clip_s": round(duration, 2),
        "engine_rtf": round(min(engine) / duration, 4),
        "plain_rtf": round(min(plain) / duration, 4),
        "engine_rtf_median": round(statistics.median(engine) / duration, 4),
        "plain_rtf_median": round(statistics.median(plain) / duration, 4),
        "time_ratio_engine_over_plain": round(min(engine) / min(plain), 4),
        "paired_median_ratio": round(statistics.median(
            e / p for e, p in zip(engine, plain, strict=True)), 4),
        "engine_runs_s": [round(s, 3) for s in engine],
        "plain_runs_s": [round(s, 3) for s in plain],
        # PyAV decodes slower in a process that has imported torch (and more so diffusers):
        # run ``bench --task transcription`` alone for the cleanest comparison
        "plain_decode_s": round(decode_s, 3),
        "same_text": len(texts) == 1,
        "wer": round(wer(text, res.text), 3),
    }


def _batched(model_id: str, clip: Path, text: str, cache) -> dict:
    from studio.bench.speech import wer
    from studio.core.engines.transcription import TranscribeRequest

    out = {}
    for batched in (False, True):
        req = TranscribeRequest(str(clip), model=model_id, batched=batched)
        secs, res = _engine(req, cache)
        out["batched" if batched else "sequential"] = {
            "seconds": round(secs, 2), "rtf": round(res.rtf, 4), "segments": len(res.segments),
            "wer": round(wer(text, res.text), 3)}
    out["clip_s"] = round(res.duration_s, 1)
    out["speedup_batched"] = round(out["sequential"]["seconds"] / out["batched"]["seconds"], 3)
    cache.clear()
    return out


def _wer(clips: list[tuple[Path, str]], cache) -> dict:
    from studio.bench.speech import wer
    from studio.core.engines.transcription import TranscribeRequest

    out = {}
    for model_id in MODELS:
        rates = [wer(text, _engine(TranscribeRequest(str(p), model=model_id), cache)[1].text)
                 for p, text in clips]
        out[model_id] = {"mean": round(statistics.mean(rates), 3), "max": round(max(rates), 3),
                         "clips": [round(r, 3) for r in rates]}
    cache.clear()
    return out


def _live(clip: Path, rounds: int, cache) -> dict:
    """A live-mode chunk: 5 s of samples already in memory, tiny.en loaded."""
    from studio.core.audio import read
    from studio.core.engines.transcription import TranscribeRequest

    samples, rate = read(clip, sample_rate=16000, mono=True)
    chunk = samples[:5 * rate]
    req = TranscribeRequest(model="whisper-tiny.en", samples=chunk, sample_rate=rate,
                            beam_size=1, temperature=(0.0,))
    _engine(req, cache)
    lags = [_engine(req, cache)[0] for _ in range(rounds)]
    beam5 = [_engine(TranscribeRequest(model="whisper-tiny.en", samples=chunk,
                                       sample_rate=rate), cache)[0] for _ in range(rounds)]
    cache.clear()
    return {"chunk_s": 5.0, "greedy_lag_s": round(statistics.median(lags), 3),
            "beam5_lag_s": round(statistics.median(beam5), 3),
            "greedy_runs_s": [round(x, 3) for x in lags]}


def run(quick: bool = False) -> dict:
    from studio.bench.speech import SENTENCES, long_clip, say
    from studio.core.cache import ModelCache
    from studio.core.devices import physical_cores

    rounds = 2 if quick else 5
    cache = ModelCache()
    out: dict = {"threads": physical_cores(), "rounds": rounds, "beam_size": 5,
                 "compute_type": "int8 (CPU)"}
    with tempfile.TemporaryDirectory(prefix="aigc-bench-asr-") as tmp:
        folder = Path(tmp)
        text = " ".join(SENTENCES[:4])
        clip = say(text, folder / "clip.wav")
        pairs = [(say(f"{a} {b}", folder / f"pair{i}.wav", "en-us" if i % 2 else "en"), f"{a} {b}")
                 for i, (a, b) in enumerate(zip(SENTENCES[::2], SENTENCES[1::2], strict=True))]
        for model_id in MODELS:
            out[model_id] = _vs_plain(model_id, clip, text, rounds, cache)
        long_path, long_text = long_clip(folder / "long.wav", 180.0)
        for model_id in MODELS[:1] if quick else MODELS:
            out[f"long_{model_id}"] = _batched(model_id, long_path, long_text, cache)
        out["wer"] = _wer(pairs[:2] if quick else pairs, cache)
        out["live_chunk_tiny.en"] = _live(clip, rounds, cache)
    return out


if __name__ == "__main__":
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv[1:]), indent=2))
