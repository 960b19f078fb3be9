"""The voice engine: text to speech with Piper (ONNX VITS voices) or transformers
(VITS/MMS-TTS, SpeechT5 + HiFi-GAN).

``run(request, cancel, cache)`` is a generator of job events (see
``studio.core.jobs``): Progress while loading, then for each sentence one
``AudioChunk`` (its audio, preceded by the pause after the previous sentence)
followed by a ``Progress`` whose fraction is the share of the text spoken;
it ends with one ``Result(SpeechResult)``, ``Failed`` or
``Cancelled(partial=SpeechResult of the sentences made)``.  A player can start
on the first chunk.  The request/result types live in ``request``, the text
plumbing in ``text``, each backend in its own module, imported only when a job
needs it, so the window can import this package without torch or piper.
"""

from __future__ import annotations

import dataclasses
import secrets
import time
from collections.abc import Iterator
from contextlib import ExitStack

from ... import catalog
from ...cache import ModelCache, shared_cache
from ...jobs import (
    AudioChunk,
    Cancelled,
    CancelToken,
    Event,
    JobCancelled,
    Notice,
    Progress,
    Result,
    UserError,
    drive,
)
from ...messages import msg
from ...models import LocalModel, fingerprint, resolve
from .request import (
    BACKENDS,
    DEFAULT_MODEL,
    DEFAULT_PAUSE_S,
    HF,
    PIPER,
    SpeakRequest,
    SpeechResult,
    SpokenSentence,
    VoiceInfo,
    derive_seed,
    validate,
)
from .text import Sentence, foreign_scripts, sentences_or_error, split_sentences

__all__ = [
    "BACKENDS", "DEFAULT_MODEL", "DEFAULT_PAUSE_S", "HF", "PIPER", "Sentence", "SpeakRequest",
    "SpeechResult", "SpokenSentence", "VoiceInfo", "catalogue_voices", "pick_backend", "run",
    "split_sentences", "validate", "voice_info",
]



def _script_name(script: str):
    return {"zh": msg("voice.script_zh", "Chinese"), "ja": msg("voice.script_ja", "Japanese"),
            "ko": msg("voice.script_ko", "Korean"),
            "latin": msg("voice.script_latin", "English")}[script]


def catalogue_voices() -> list[catalog.CatalogEntry]:
    """The catalogue's voices (vocoders, which only serve another model, left out)."""
    return [e for e in catalog.for_task("voice") if e.engine != "vocoder"]


def pick_backend(local: LocalModel, requested: str) -> str:
    """Piper for an .onnx voice, transformers for a model folder."""
    if requested not in BACKENDS:
        raise UserError(msg("request.unknown_choice",
                            "Unknown {name} {value}; choose one of {allowed}.", name="backend",
                            value=repr(requested), allowed=", ".join(BACKENDS)))
    is_onnx = local.main_path.suffix.lower() == ".onnx"
    if requested == PIPER and not is_onnx:
        raise UserError(msg("piper.needs_onnx",
                            "The Piper backend needs a Piper voice (.onnx with its .onnx.json); "
                            "{ref} is not one.", ref=repr(local.ref)))
    if requested == HF and is_onnx:
        raise UserError(msg("voice.hf_needs_folder",
                            "The transformers backend needs a model folder; {ref} is a Piper "
                            "voice.", ref=repr(local.ref)))
    return PIPER if is_onnx else HF


def voice_info(ref: str, backend: str = "auto") -> VoiceInfo:
    """Sample rate, language and speakers of a voice, read from its files (no weights)."""
    local = resolve(ref, "voice")
    chosen = pick_backend(local, backend)
    if chosen == PIPER:
        from .piper import language_of, read_config, speakers_of

        config = read_config(local.main_path)
        return VoiceInfo(local.ref, PIPER, "piper", int(config["audio"]["sample_rate"]),
                         language_of(config), speakers_of(config))
    from .hf import SPEECHT5, kind_of, read_config

    kind = kind_of(local.path)
    config = read_config(local.path)
    if kind == SPEECHT5:
        return VoiceInfo(local.ref, HF, kind, 16_000, "en", ())
    count = int(config.get("num_speakers", 1) or 1)
    language = local.entry.language if local.entry else ""
    return VoiceInfo(local.ref, HF, kind, int(config.get("sampling_rate", 16_000)), language,
                     tuple(str(i) for i in range(count)) if count > 1 else ())


def run(request: SpeakRequest, cancel: CancelToken, cache: ModelCache = shared_cache
        ) -> Iterator[Event]:
    """Speak ``request.text``; ends with Result, Failed or Cancelled."""
    return drive(lambda token: _job(request, token, cache), cancel)


def _suggestion(script: str, language: str) -> Notice:
    """A Notice naming a catalogue voice for ``script`` (e.g. Chinese text, English voice)."""
    wanted = {"zh": "zh", "ja": "ja", "ko": "ko", "latin": "en"}[script]
    match = next((e for e in catalogue_voices() if e.language.lower().startswith(wanted)), None)
    what = _script_name(script)
    if match is None:
        return Notice(msg("voice.other_language",
                          "The text has {what} words, which this {language} voice cannot say "
                          "well. Choose a {what} voice for them.", what=what,
                          language=language or "?"))
    return Notice(msg("voice.other_language_suggest",
                      "The text has {what} words, which this {language} voice cannot say well. "
                      "Choose a {what} voice such as {voice} ({name}) for them; download it "
                      "with: aigc-studio models download {voice}", what=what,
                      language=language or "?", voice=match.id, name=match.name))


def _job(req: SpeakRequest, cancel: CancelToken, cache: ModelCache) -> Iterator[Event]:
    if req.endpoint or req.backend == "remote":  # an inference server speaks it
        from . import remote

        yield from remote.job(req, cancel, _speak)
        return
    started = time.perf_counter()
    validate(req)
    sentences = sentences_or_error(req.text)
    local = resolve(req.model, "voice")
    backend = pick_backend(local, req.backend)
    if backend == PIPER:
        from . import piper as impl
    else:
        from . import hf as impl
    yield Progress(msg("progress.checking_model", "Checking the model…"), 0.0)
    revision = fingerprint(local)
    if req.revision and req.revision != revision:
        yield Notice(msg("voice.model_changed",
                         "The voice's files changed since this request was made ({old}, now "
                         "{new}): the speech may differ.", old=req.revision[:19],
                         new=revision[:19]))
    cancel.raise_if_cancelled()
    with ExitStack() as held:  # the voice stays loaded (never evicted) until the job ends
        session = yield from impl.load(local, req, cache, held)
        loaded = time.perf_counter()
        speaker = session.speaker_id(req.speaker)
        extra = {}
        if backend == HF:
            extra["embedding"] = yield from impl.prepare(session, req)
        elif req.speaker_embedding:
            yield Notice(msg("voice.embedding_unused",
                             "The speaker embedding is used by SpeechT5 only; this voice "
                             "ignores it."))
        lang = (local.entry.language if local.entry else "") or session.language
        for script in foreign_scripts(req.text, lang):
            yield _suggestion(script, lang)
        seed = None
        if backend == HF:
            seed = req.seed if req.seed is not None else secrets.randbelow(2**31)
        cancel.raise_if_cancelled()
        made = yield from _speak(session, sentences, req, speaker, seed, cancel, extra,
                                 len(req.text), backend)
    result = SpeechResult(model=local.ref, backend=backend, seed=seed, **made)
    if cancel.cancelled:
        yield Cancelled(partial=result)
        return
    if not result.sentences:
        raise UserError(msg("voice.nothing_said",
                            "This voice could say none of the text (it has no sounds for its "
                            "characters). Choose a voice for the text's language."))
    timings = {
        "load_s": round(loaded - started, 4),
        "synthesis_s": result.seconds,
        "total_s": round(time.perf_counter() - started, 4),
        "rtf": result.rtf,
        "audio_s": round(result.duration_s, 4),
    }
    if result.first_audio_s is not None:
        timings["first_audio_s"] = result.first_audio_s
    # The request that reproduces this result: the seed and backend actually used, and which
    # voice files made it.
    resolved = dataclasses.replace(req, seed=seed, backend=backend, revision=revision)
    yield Result(value=result, request=resolved, timings=timings)


def _speak(session, sentences: list[Sentence], req: SpeakRequest, speaker, seed, cancel,
           extra: dict, total_chars: int, backend: str) -> Iterator[Event]:
    """Sentence by sentence: AudioChunk, then Progress; returns the SpeechResult's fields."""
    import numpy as np

    rate = session.sample_rate
    pause = np.zeros(round(req.sentence_pause_s * rate), dtype=np.float32)
    pieces: list[np.ndarray] = []
    spoken: list[SpokenSentence] = []
    frames = 0
    first = None
    skipped = 0
    start = time.perf_counter()
    for i, sentence in enumerate(sentences):
        if cancel.cancelled:
            break
        sentence_seed = None if seed is None else derive_seed(seed, i)
        try:
            if backend == HF:
                audio = session.speak(sentence.text, req, speaker, sentence_seed, cancel,
                                      **extra)
            else:
                audio = session.speak(sentence.text, req, speaker, sentence_seed)
        except JobCancelled:  # Stop inside a sentence: the sentences before it stand
            break
        if cancel.cancelled:  # stopped while it was made: keep exactly what was shown
            break
        if len(audio):
            chunk = np.concatenate([pause, audio]) if spoken else audio
            begin = frames + (len(chunk) - len(audio))
            frames += len(chunk)
            spoken.append(SpokenSentence(round(begin / rate, 4), round(frames / rate, 4),
                                         sentence.text))
            pieces.append(chunk)
            if first is None:
                first = time.perf_counter() - start
            yield AudioChunk(chunk, rate)
        else:
            skipped += 1
        yield Progress(msg("voice.progress", "Speaking sentence {index} of {total}…",
                           index=i + 1, total=len(sentences)),
                       1.0 if i + 1 == len(sentences) else sentence.end / max(total_chars, 1),
                       i + 1, len(sentences))
    seconds = time.perf_counter() - start
    if skipped and spoken and not cancel.cancelled:
        yield Notice(msg("voice.skipped",
                         "{count} sentence(s) had nothing this voice could say and were left "
                         "out.", count=skipped))
    samples = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
    duration = len(samples) / rate
    return {
        "samples": samples, "sample_rate": rate, "sentences": tuple(spoken),
        "seconds": round(seconds, 4), "rtf": round(seconds / duration, 4) if duration else 0.0,
        "first_audio_s": None if first is None else round(first, 4),
    }
