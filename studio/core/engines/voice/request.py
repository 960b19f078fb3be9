"""The voice engine's request and result types and their validation (no library imports).

The window, the CLI and the history import these; only the engine host (or the
CLI process) imports the backends.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, NamedTuple

from ...devices import DEVICES
from ...jobs import UserError
from ...messages import msg

PIPER = "piper"
HF = "transformers"
BACKENDS = ("auto", PIPER, HF)
DEFAULT_MODEL = "piper-en-us-joe"
DEFAULT_PAUSE_S = 0.25
MAX_TEXT_CHARS = 2_000_000  # ~ a long novel; beyond that the audio alone would not fit in memory


@dataclass(frozen=True)
class SpeakRequest:
    text: str
    model: str = DEFAULT_MODEL  # catalogue id, a Piper .onnx, a transformers folder, a hub id
    backend: str = "auto"  # "auto" | "piper" | "transformers"
    device: str = "auto"
    # Piper: a speaker name of a multi-speaker voice or its number; VITS: a speaker number.
    # "" = the voice's default speaker.
    speaker: str = ""
    length_scale: float = 1.0  # > 1 slower, < 1 faster (speed = 1 / length_scale)
    volume: float = 1.0  # multiplier; the result is clipped to [-1, 1]
    sentence_pause_s: float = DEFAULT_PAUSE_S  # silence between sentences
    noise_scale: float | None = None  # VITS voice variation; None = the voice's own default
    noise_w_scale: float | None = None  # VITS rhythm variation; None = the voice's own default
    seed: int | None = None  # transformers: None -> a random seed, reported in the result
    # SpeechT5: a .npy file of the 512-value x-vector of a speaker; "" = a neutral (all-zero)
    # embedding.  And the vocoder that turns its spectrograms into sound ("" = the catalogue's).
    speaker_embedding: str = ""
    vocoder: str = ""
    # The model's identity (see studio.core.models.fingerprint), filled in by the engine.
    revision: str = ""
    # An OpenAI-compatible server to speak on: a stored endpoint's name or a base URL ("" =
    # this machine); ``model`` is then the server's model id (see studio.core.endpoints).
    endpoint: str = ""


class SpokenSentence(NamedTuple):
    """Where one sentence sits in the audio (seconds); what an SRT export is made of."""

    start: float
    end: float
    text: str


@dataclass(frozen=True)
class SpeechResult:
    samples: Any  # float32 numpy array, mono (read-only once it crossed the engine pipe)
    sample_rate: int
    sentences: tuple[SpokenSentence, ...]
    model: str
    backend: str
    seed: int | None  # None for Piper: its noise comes from onnxruntime and cannot be seeded
    seconds: float  # synthesis time (model load excluded; see Result.timings)
    rtf: float  # real-time factor: seconds / audio duration (below 1 is faster than real time)
    first_audio_s: float | None  # from the start of synthesis to the first sentence's audio

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0


@dataclass(frozen=True)
class VoiceInfo:
    """What the window shows about a voice before speaking (read from files, no weights)."""

    ref: str
    backend: str
    kind: str  # "piper" | "vits" | "speecht5"
    sample_rate: int
    language: str  # e.g. "en-US", "zh-CN"; "" if unknown
    speakers: tuple[str, ...]  # names (or numbers) of a multi-speaker voice; () for one voice


def _is_num(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def validate(req: SpeakRequest) -> None:
    """Raise UserError with a readable message for the first bad value (the text is checked
    when it is split into sentences)."""

    def need(ok: bool, message) -> None:
        if not ok:
            raise UserError(message)

    need(isinstance(req.text, str), msg("voice.text_type", "The text to speak must be text."))
    need(len(req.text) <= MAX_TEXT_CHARS,
         msg("voice.text_too_long", "The text is too long to speak at once ({chars} characters; "
             "at most {limit}): split it into parts.", chars=len(req.text),
             limit=MAX_TEXT_CHARS))
    for name, allowed in (("backend", BACKENDS), ("device", DEVICES)):
        value = getattr(req, name)
        need(value in allowed, msg("request.unknown_choice",
                                   "Unknown {name} {value}; choose one of {allowed}.",
                                   name=name, value=repr(value), allowed=", ".join(allowed)))

    def in_range(name: str, ok: bool, rule) -> None:
        need(ok, msg("request.out_of_range", "{name} {rule} (got {value}).",
                     name=name, rule=rule, value=repr(getattr(req, name))))

    in_range("length_scale", _is_num(req.length_scale) and 0.1 <= req.length_scale <= 10,
             msg("rule.between", "must be between {low} and {high}", low=0.1, high=10))
    in_range("volume", _is_num(req.volume) and 0 <= req.volume <= 10,
             msg("rule.between", "must be between {low} and {high}", low=0, high=10))
    in_range("sentence_pause_s", _is_num(req.sentence_pause_s) and 0 <= req.sentence_pause_s <= 10,
             msg("rule.between", "must be between {low} and {high}", low=0, high=10))
    for name in ("noise_scale", "noise_w_scale"):
        value = getattr(req, name)
        in_range(name, value is None or (_is_num(value) and 0 <= value <= 2),
                 msg("rule.between", "must be between {low} and {high}", low=0, high=2))
    in_range("seed", req.seed is None or (isinstance(req.seed, int) and not isinstance(
        req.seed, bool) and 0 <= req.seed < 2**32),
        msg("rule.between", "must be between {low} and {high}", low=0, high=2**32 - 1))
    for name in ("speaker", "speaker_embedding", "vocoder", "revision", "model", "endpoint"):
        need(isinstance(getattr(req, name), str),
             msg("voice.field_text", "{name} must be text.", name=name))


def derive_seed(seed: int, index: int) -> int:
    """Seed of sentence ``index``: each sentence sounds the same whether or not others are
    spoken before it (so a stopped take is the start of the full one)."""
    return (seed + index * 0x9E3779B9) % 2**32
