"""What a transcription job asks for and what it returns, with validation. No library imports."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ...devices import DEVICES, DTYPES
from ...jobs import Segment, UserError
from ...messages import msg

FW = "faster-whisper"
HF = "transformers"
BACKENDS = ("auto", FW, HF)
TASKS = ("transcribe", "translate")
# "auto" is resolved by the caller from the UI language (chinese.resolve_choice); an engine
# that still receives it keeps the text as the model wrote it.
CHINESE = ("keep", "simplified", "traditional", "auto")
COMPUTE_TYPES = (*DTYPES, "int8")  # int8: faster-whisper only (its CPU default)
DEFAULT_MODEL = "whisper-base"
DEFAULT_TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # Whisper's fallback ladder
BATCHED_AUTO_S = 180.0  # batched=None turns the batched pipeline on for files longer than this
SAMPLE_RATE = 16000  # what every Whisper model hears
MAX_BEAMS = 32
MAX_BATCH = 64


@dataclass(frozen=True)
class TranscribeRequest:
    audio: str = ""  # an audio or video file (anything studio.core.audio reads)
    model: str = DEFAULT_MODEL  # catalogue id, model folder or hub id
    backend: str = "auto"  # "auto" | "faster-whisper" | "transformers"
    device: str = "auto"
    dtype: str = "auto"  # auto: int8 on CPU / float16 on GPU (faster-whisper), as torch decides
    language: str = "auto"  # "auto" (detected, reported) or a code such as "en", "zh"
    task: str = "transcribe"  # or "translate" (into English)
    beam_size: int = 5
    temperature: tuple[float, ...] = DEFAULT_TEMPERATURES  # tried in turn when decoding fails
    vad: bool = False  # skip non-speech with the Silero VAD that faster-whisper ships
    batched: bool | None = None  # None: on for files over BATCHED_AUTO_S (faster-whisper)
    batch_size: int = 8
    initial_prompt: str = ""  # names and jargon the model should expect
    word_timestamps: bool = False
    chinese: str = "keep"  # Chinese output script: "keep" | "simplified" | "traditional"
    # A slice of the file (live mode transcribes chunks of a growing recording)
    start_s: float = 0.0
    duration_s: float | None = None
    # In-memory audio instead of a file: float32 mono samples (live mode).  They cross the
    # engine-process pipe out of band; they are left out of Result.request and the history.
    samples: Any = field(default=None, compare=False, repr=False)
    sample_rate: int = SAMPLE_RATE  # of ``samples``
    # The model's identity, filled in by the engine in Result.request (see writing).
    revision: str = ""
    # An OpenAI-compatible server to run on: a stored endpoint's name or a base URL ("" = this
    # machine); ``model`` is then the server's model id (see studio.core.endpoints).
    endpoint: str = ""


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str
    probability: float | None  # None when the backend gives none (transformers)


@dataclass(frozen=True)
class TranscriptResult:
    segments: tuple[Segment, ...]  # jobs.Segment: start, end, text, words (tuple of Word)
    text: str
    language: str
    language_probability: float | None  # None when the language was given, not detected
    duration_s: float  # of the audio transcribed
    model: str
    backend: str
    seconds: float  # transcription time (model load excluded; see Result.timings)
    rtf: float  # seconds / duration_s: below 1 is faster than real time
    options: dict[str, Any] = field(default_factory=dict)  # the decoding options used


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_num(value) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def validate(req: TranscribeRequest) -> None:
    """Raise UserError with a readable message for the first bad value."""

    def need(ok: bool, message) -> None:
        if not ok:
            raise UserError(message)

    if req.samples is None:
        need(isinstance(req.audio, str) and req.audio.strip() != "",
             msg("transcription.no_audio", "No audio file chosen."))
    else:
        shape = getattr(req.samples, "shape", None)
        need(shape is not None and len(shape) == 1,
             msg("transcription.bad_samples", "samples must be a one-dimensional array of "
                 "mono audio."))
    for name, allowed in (("backend", BACKENDS), ("task", TASKS), ("chinese", CHINESE),
                          ("device", DEVICES), ("dtype", COMPUTE_TYPES)):
        value = getattr(req, name)
        need(value in allowed, msg("request.unknown_choice",
                                   "Unknown {name} {value}; choose one of {allowed}.",
                                   name=name, value=repr(value), allowed=", ".join(allowed)))
    need(isinstance(req.language, str) and (req.language == "auto" or (
        2 <= len(req.language) <= 8 and req.language.replace("-", "").isalpha())),
        msg("transcription.bad_language", "Unknown language {value}: use auto or a code such "
            "as en, zh, fr.", value=repr(req.language)))

    def in_range(name: str, ok: bool, rule) -> None:
        need(ok, msg("request.out_of_range", "{name} {rule} (got {value}).",
                     name=name, rule=rule, value=repr(getattr(req, name))))

    in_range("beam_size", _is_int(req.beam_size) and 1 <= req.beam_size <= MAX_BEAMS,
             msg("rule.between", "must be between {low} and {high}", low=1, high=MAX_BEAMS))
    in_range("batch_size", _is_int(req.batch_size) and 1 <= req.batch_size <= MAX_BATCH,
             msg("rule.between", "must be between {low} and {high}", low=1, high=MAX_BATCH))
    in_range("temperature", isinstance(req.temperature, tuple | list) and len(req.temperature) >= 1
             and all(_is_num(t) and 0 <= t <= 2 for t in req.temperature),
             msg("transcription.rule_temperatures",
                 "must be one or more temperatures between 0 and 2"))
    for name in ("vad", "word_timestamps"):
        need(isinstance(getattr(req, name), bool),
             msg("transcription.flag", "{name} must be true or false.", name=name))
    need(req.batched is None or isinstance(req.batched, bool),
         msg("transcription.batched", "batched must be true, false or auto (None)."))
    need(isinstance(req.initial_prompt, str),
         msg("transcription.prompt_text", "The initial prompt must be text."))
    in_range("start_s", _is_num(req.start_s) and req.start_s >= 0,
             msg("rule.zero_or_more_seconds", "must be 0 or more seconds"))
    in_range("duration_s", req.duration_s is None or (_is_num(req.duration_s)
                                                       and req.duration_s > 0),
             msg("rule.positive_seconds", "must be more than 0 seconds"))
    in_range("sample_rate", _is_int(req.sample_rate) and 1000 <= req.sample_rate <= 384000,
             msg("rule.between", "must be between {low} and {high}", low=1000, high=384000))
    need(isinstance(req.revision, str), msg("transcription.revision", "revision must be text."))
    need(isinstance(req.endpoint, str), msg("request.endpoint_text",
                                            "endpoint must be text (a name or a URL)."))


def options_of(req: TranscribeRequest, batched: bool, compute_type: str, device: str) -> dict:
    """The decoding options a result records (JSON-ready)."""
    return {
        "task": req.task, "language": req.language, "beam_size": req.beam_size,
        "temperature": list(req.temperature), "vad": req.vad or batched, "batched": batched,
        "batch_size": req.batch_size if batched else None,
        "word_timestamps": req.word_timestamps, "initial_prompt": req.initial_prompt,
        "chinese": req.chinese, "compute_type": compute_type, "device": device,
    }
