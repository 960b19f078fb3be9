"""Voice engine vs the plain library calls on the same text, in one process, interleaved.

Piper: the engine (``studio.core.engines.voice.run``, as the CLI runs it: validation,
sentence splitting, model resolution and cache lookup, one ``synthesize`` call per
sentence, the events) against ``PiperVoice.synthesize(text)`` on the same loaded voice
(espeak splits the sentences itself).  Both are timed as their consumer sees them:
from the call to the first audio, and to the end.  Rounds alternate the order
(A B, B A, ...) so machine noise hits both alike; the figure compared is the real-time
factor (seconds of work per second of audio: Piper's noise makes each take a little
longer or shorter) and the time to first audio, as the median of the paired ratios.

Transformers: SpeechT5 + HiFi-GAN when its weights are downloaded, else (in a source
checkout) the tiny random SpeechT5 of the tests, which shows the structure, not speed.
The plain side makes the same ``generate`` calls, sentence by sentence.
"""

from __future__ import annotations

import statistics
import time

TEXT = ("The lighthouse keeper climbed the stairs at dusk. The lamp was cold and the glass was "
        "dusty. He cleaned it slowly, one pane after another. Far out at sea a ship was "
        "waiting for the light. When the flame caught, the beam swept over the water. The "
        "ship turned and sailed safely into the harbour.")
SHORT = "The lighthouse keeper climbed the stairs at dusk. The lamp was cold."


def _engine(req, cache) -> dict:
    from studio.core.engines.voice import run
    from studio.core.jobs import AudioChunk, CancelToken, Result

    start = time.perf_counter()
    first = last = None
    for ev in run(req, CancelToken(), cache):
        if isinstance(ev, AudioChunk) and first is None:
            first = time.perf_counter() - start
        last = ev
    seconds = time.perf_counter() - start
    if not isinstance(last, Result):
        raise RuntimeError(f"voice job failed: {last}")
    res = last.value
    return {"seconds": seconds, "first_audio_s": first, "audio_s": res.duration_s,
            "rtf": seconds / res.duration_s, "chunks": len(res.sentences)}


def _plain_piper(voice, text: str) -> dict:
    from piper import SynthesisConfig

    start = time.perf_counter()
    first = None
    frames = chunks = 0
    rate = voice.config.sample_rate
    for chunk in voice.synthesize(text, syn_config=SynthesisConfig()):
        if first is None:
            first = time.perf_counter() - start
        frames += len(chunk.audio_float_array)
        chunks += 1
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "first_audio_s": first, "audio_s": frames / rate,
            "rtf": seconds / (frames / rate), "chunks": chunks}


def _plain_hf(session, texts: list[str], seed: int, embedding) -> dict:
    import torch

    from studio.core.engines.voice.request import derive_seed

    start = time.perf_counter()
    first = None
    frames = 0
    for i, text in enumerate(texts):
        ids = session.tokenizer(text, return_tensors="pt")["input_ids"]
        torch.manual_seed(derive_seed(seed, i))
        with torch.inference_mode():
            wave = session.model.generate(ids, speaker_embeddings=embedding,
                                          vocoder=session.vocoder)
        if first is None:
            first = time.perf_counter() - start
        frames += wave.numel()
    seconds = time.perf_counter() - start
    rate = session.sample_rate
    return {"seconds": seconds, "first_audio_s": first, "audio_s": frames / rate,
            "rtf": seconds / (frames / rate), "chunks": len(texts)}


def _side(runs: list[dict]) -> dict:
    return {
        "rtf": round(min(r["rtf"] for r in runs), 4),
        "rtf_median": round(statistics.median(r["rtf"] for r in runs), 4),
        "first_audio_s": round(min(r["first_audio_s"] for r in runs), 4),
        "first_audio_median_s": round(statistics.median(r["first_audio_s"] for r in runs), 4),
        "seconds_median": round(statistics.median(r["seconds"] for r in runs), 4),
        "audio_s": round(statistics.median(r["audio_s"] for r in runs), 3),
        "chunks": runs[0]["chunks"],
    }


def _compare(engine_runs: list[dict], plain_runs: list[dict]) -> dict:
    pairs = list(zip(engine_runs, plain_runs, strict=True))
    return {
        "engine": _side(engine_runs),
        "plain": _side(plain_runs),
        "rtf_ratio_engine_over_plain": round(
            statistics.median(e["rtf"] / p["rtf"] for e, p in pairs), 3),
        "first_audio_ratio_engine_over_plain": round(
            statistics.median(e["first_audio_s"] / p["first_audio_s"] for e, p in pairs), 3),
    }


def _interleave(rounds: int, a, b) -> tuple[list[dict], list[dict]]:
    runs_a, runs_b = [], []
    for i in range(rounds):
        if i % 2 == 0:
            runs_a.append(a())
            runs_b.append(b())
        else:
            runs_b.append(b())
            runs_a.append(a())
    return runs_a, runs_b


def piper(rounds: int, text: str) -> dict:
    from studio.core.cache import ModelCache
    from studio.core.engines.voice import SpeakRequest

    cache = ModelCache()
    req = SpeakRequest(text, sentence_pause_s=0.0)
    _engine(req, cache)  # loads the voice
    keys = cache.keys()  # a ModelCache is not iterable
    key = next(k for k in keys if k[0] == "piper")
    voice = cache.get(key, lambda: None).voice  # the engine's own loaded voice
    _plain_piper(voice, text)
    engine_runs, plain_runs = _interleave(rounds, lambda: _engine(req, cache),
                                          lambda: _plain_piper(voice, text))
    return {"model": req.model, "rounds": rounds, "chars": len(text),
            **_compare(engine_runs, plain_runs)}


def _speecht5() -> tuple[str, str, str]:
    """(model, vocoder, what) for the transformers comparison."""
    from studio.core.jobs import UserError
    from studio.core.models import resolve

    try:
        resolve("speecht5-tts")
        resolve("speecht5-hifigan")
        return "speecht5-tts", "", "SpeechT5 + HiFi-GAN (real weights)"
    except UserError:
        pass
    try:  # a source checkout: the tests' tiny random model shows the structure
        import tempfile
        from pathlib import Path

        from tests.fixtures.tiny_speecht5 import build_tiny_speecht5
    except ImportError:
        return "", "", "SpeechT5 weights not downloaded (aigc-studio models download speecht5-tts)"
    model, vocoder = build_tiny_speecht5(Path(tempfile.mkdtemp(prefix="bench-speecht5-")))
    return str(model), str(vocoder), "tiny random SpeechT5 (structure only, not speed)"


def speecht5(rounds: int, text: str) -> dict:
    from studio.core.cache import ModelCache
    from studio.core.engines.voice import SpeakRequest, split_sentences
    from studio.core.engines.voice.hf import speaker_embedding

    model, vocoder, what = _speecht5()
    if not model:
        return {"skipped": what}
    cache = ModelCache()
    req = SpeakRequest(text, model=model, vocoder=vocoder, seed=1, sentence_pause_s=0.0)
    _engine(req, cache)
    session = cache.get(next(iter(cache.keys())), lambda: None)
    texts = [s.text for s in split_sentences(text)]
    embedding, _ = speaker_embedding(req, int(session.model.config.speaker_embedding_dim))
    engine_runs, plain_runs = _interleave(rounds, lambda: _engine(req, cache),
                                          lambda: _plain_hf(session, texts, 1, embedding))
    return {"model": what, "rounds": rounds, "chars": len(text),
            **_compare(engine_runs, plain_runs)}


def run(quick: bool = False) -> dict:
    rounds = 3 if quick else 9
    text = SHORT if quick else TEXT
    return {"piper": piper(rounds, text), "transformers": speecht5(rounds, SHORT)}
