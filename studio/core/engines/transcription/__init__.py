"""The transcription engine: Whisper (and CTC) speech recognition on files, videos and samples.

``run(request, cancel, cache)`` is a generator of job events (``studio.core.jobs``):
Progress (a fraction of the audio's duration) and Notice events, one ``Segment`` per
transcribed segment as soon as it is ready, and at the end exactly one Result
(``TranscriptResult``), Failed or Cancelled (``partial``: a TranscriptResult of the
segments so far).  Backends: ``fw`` (faster-whisper) and ``tf`` (transformers), imported
only when a job needs them; ``stream`` cuts the audio into windows in bounded memory.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from ...cache import ModelCache, shared_cache
from ...jobs import (
    Cancelled,
    CancelToken,
    Event,
    Notice,
    Progress,
    Result,
    Segment,
    UserError,
    drive,
)
from ...messages import msg
from ...models import LocalModel, fingerprint, resolve
from . import chinese
from .request import (
    BACKENDS,
    BATCHED_AUTO_S,
    CHINESE,
    COMPUTE_TYPES,
    DEFAULT_MODEL,
    DEFAULT_TEMPERATURES,
    FW,
    HF,
    SAMPLE_RATE,
    TASKS,
    TranscribeRequest,
    TranscriptResult,
    Word,
    options_of,
    validate,
)
from .stream import Feed, Pass, open_source, windows

__all__ = [
    "BACKENDS", "BATCHED_AUTO_S", "CHINESE", "COMPUTE_TYPES", "DEFAULT_MODEL",
    "DEFAULT_TEMPERATURES", "FW", "HF", "SAMPLE_RATE", "TASKS", "TranscribeRequest",
    "TranscriptResult", "Word", "join_text", "model_kind", "pick_backend", "run", "validate",
]

# Languages written without spaces between words: their segments join without one.
NO_SPACES = ("zh", "yue", "ja", "th", "lo", "km", "my", "bo")


def model_kind(folder: Path) -> str:
    """FW for a CTranslate2 folder (model.bin, config without model_type), else HF."""
    config = folder / "config.json"
    if (folder / "model.bin").is_file() and not any(folder.glob("*.safetensors")):
        try:
            data = json.loads(config.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict) or "model_type" not in data:
            return FW
    return HF


def pick_backend(local: LocalModel, requested: str) -> str:
    kind = FW if local.entry is not None and local.entry.engine == FW else model_kind(local.path)
    if requested == "auto" or requested == kind:
        return kind
    if kind == FW:
        raise UserError(msg("transcription.needs_fw", "{name} is a faster-whisper (CTranslate2) "
                            "model: choose the faster-whisper backend.", name=local.ref))
    raise UserError(msg("transcription.needs_hf", "{name} is a transformers model: choose the "
                        "transformers backend.", name=local.ref))


def join_text(segments, language: str) -> str:
    sep = "" if language in NO_SPACES else " "
    return sep.join(s.text for s in segments if s.text.strip()).strip()


def run(request: TranscribeRequest, cancel: CancelToken, cache: ModelCache = shared_cache
        ) -> Iterator[Event]:
    """Transcribe ``request``; ends with Result, Failed or Cancelled."""
    return drive(lambda token: _job(request, token, cache), cancel)


def _clock(seconds: float) -> str:
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


def _job(req: TranscribeRequest, cancel: CancelToken, cache: ModelCache) -> Iterator[Event]:
    if req.endpoint or req.backend == "remote":  # an inference server transcribes it
        from . import remote

        yield from remote.job(req, cancel, join_text)
        return
    started = time.perf_counter()
    validate(req)
    source = open_source(req)  # bad files fail here, before any model loads
    local = resolve(req.model, "transcription")
    backend = pick_backend(local, req.backend)
    batched = req.batched if req.batched is not None else source.duration_s > BATCHED_AUTO_S
    if batched and backend != FW:
        if req.batched:
            yield Notice(msg("transcription.batched_fw_only", "Batched decoding needs the "
                             "faster-whisper backend; decoding one window after another."))
        batched = False
    yield Progress(msg("progress.checking_model", "Checking the model…"))
    revision = fingerprint(local)
    if req.revision and req.revision != revision:
        yield Notice(msg("model.changed", "The model's files changed since this request was "
                         "made ({old}, now {new}): the text may differ.", old=req.revision[:19],
                         new=revision[:19]))
    cancel.raise_if_cancelled()
    segments: list[Segment] = []
    with ExitStack() as held:  # the model stays loaded (never evicted) until the job ends
        yield Progress(msg("progress.loading_model", "Loading model…"))
        if backend == FW:
            from . import fw as impl

            session = impl.load(local, req, cache, held)
            decode = session.decoder(req, batched)
        else:
            from . import tf as impl

            session = yield from impl.load(local, req, cache, held)
            decode = session.decoder(req)
        if not getattr(session, "whisper", True):
            if req.task == "translate":
                raise UserError(msg("transcription.ctc_translate", "{name} only transcribes "
                                    "(a CTC model cannot translate).", name=local.ref))
        elif not session.multilingual and (req.task == "translate" or req.language not in
                                           ("auto", "en")):
            yield Notice(msg("transcription.english_only", "{name} understands English only: "
                             "the audio is transcribed as English.", name=local.ref))
        loaded = time.perf_counter()
        cancel.raise_if_cancelled()
        yield Progress(msg("transcription.progress", "Transcribing {name}…", name=source.name),
                       fraction=0.0)
        language = None if req.language == "auto" else req.language
        language_p: float | None = None
        convert = None
        first = True
        noted: set[str] = set()
        total = source.duration_s
        feed = Feed(source.blocks)
        for item in windows(decode, feed, language, req.initial_prompt,
                            carry=backend == FW and not batched, window_s=impl.WINDOW_S,
                            guard_s=impl.GUARD_S, cancel=cancel):
            if isinstance(item, Pass):
                if first:  # the first window's language holds for the whole file
                    first = False
                    language, language_p = item.language, item.probability
                    if language_p is not None:
                        yield Notice(msg("transcription.detected", "Detected language: "
                                         "{language} ({percent}% sure).", language=language,
                                         percent=round(100 * language_p)))
                    convert = chinese.converter(req.chinese, language, req.task)
                for note in item.notes:
                    if note not in noted:
                        noted.add(note)
                        yield Notice(note)
                continue
            seg = chinese.convert_segment(item, convert) if convert else item
            if not seg.text:
                continue
            segments.append(seg)
            yield seg
            done = min(seg.end, total)
            yield Progress(msg("transcription.progress_at", "Transcribing {name}: {at} of "
                               "{total}", name=source.name, at=_clock(done), total=_clock(total)),
                           fraction=min(1.0, done / total) if total > 0 else None)
        seconds = time.perf_counter() - loaded
    language = language or (req.language if req.language != "auto" else "")
    device = getattr(session, "device", req.device)
    compute = getattr(session, "compute_type", req.dtype)
    result = TranscriptResult(
        segments=tuple(segments), text=join_text(segments, language), language=language,
        language_probability=None if language_p is None else round(language_p, 4),
        duration_s=round(total, 3), model=local.ref, backend=backend, seconds=round(seconds, 4),
        rtf=round(seconds / total, 4) if total > 0 else 0.0,
        options=options_of(req, batched, compute, device))
    if cancel.cancelled:
        yield Cancelled(partial=result)
        return
    if not segments:
        yield Notice(msg("transcription.no_speech", "No speech was found in {name}.",
                         name=source.name))
    timings = {"load_s": round(loaded - started, 4), "transcribe_s": result.seconds,
               "total_s": round(time.perf_counter() - started, 4), "rtf": result.rtf}
    resolved = dataclasses.replace(req, backend=backend, batched=batched, revision=revision,
                                   samples=None)
    yield Result(value=result, request=resolved, timings=timings)
