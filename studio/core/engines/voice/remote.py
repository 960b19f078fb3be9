"""The voice engine's ``remote`` backend: ``/v1/audio/speech`` of an OpenAI-compatible
server, one request per sentence (the engine's own sentence splitting), so playback
starts after the first sentence as with a local voice.

Sent: model, input, voice (the request's speaker; "alloy" when none is chosen, the
name most servers map to their default voice), speed (1 / length_scale) and
``response_format: wav``.  Volume and the pause between sentences are applied here.
A failure after some sentences keeps them (a stopped take, with the reason).
"""

from __future__ import annotations

import dataclasses
import io
import time
from collections.abc import Iterator

import numpy as np

from ... import endpoints
from ...endpoints import REMOTE, RemoteError, Session
from ...jobs import (
    Cancelled,
    CancelToken,
    Event,
    Failed,
    JobCancelled,
    Notice,
    Progress,
    Result,
    UserError,
)
from ...messages import Message, msg
from .request import SpeakRequest, SpeechResult, validate
from .text import sentences_or_error

DEFAULT_VOICE = "alloy"


def decode(data: bytes) -> tuple[np.ndarray, int]:
    """Mono float32 samples and their rate from the audio file a server answered."""
    import soundfile

    try:
        samples, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    except Exception as exc:  # soundfile raises its own error types
        raise RemoteError(msg("remote.bad_audio", "The server's audio could not be read "
                              "({reason}).", reason=str(exc)[:200])) from None
    return samples.mean(axis=1).astype(np.float32), int(rate)


class RemoteVoice:
    """A voice "session" for the engine's sentence loop: one request per sentence."""

    def __init__(self, session: Session, req: SpeakRequest) -> None:
        self.session = session
        self.req = req
        self.sample_rate = 0
        self.error: Message | None = None
        self._first: tuple[str, np.ndarray] | None = None

    def fetch(self, text: str) -> Iterator[Event]:
        req = self.req
        body = {"model": req.model, "input": text, "voice": req.speaker or DEFAULT_VOICE,
                "speed": round(1.0 / req.length_scale, 4), "response_format": "wav"}
        response = yield from self.session.post_json("/audio/speech", body, model=req.model)
        try:
            data = response.read()
        except OSError as exc:
            if self.session.cancel.cancelled:
                raise JobCancelled() from None
            raise RemoteError(msg("remote.audio_cut", "The audio from {name} was cut off "
                                  "({reason}).", name=self.session.label,
                                  reason=str(exc))) from None
        finally:
            response.close()
        samples, rate = decode(data)
        if self.sample_rate and rate != self.sample_rate:
            from ...audio.resample import resample

            samples = resample(samples, rate, self.sample_rate).astype(np.float32)
        self.sample_rate = self.sample_rate or rate
        return np.clip(samples * req.volume, -1.0, 1.0).astype(np.float32)

    def prepare(self, first: str) -> Iterator[Event]:
        """Speak the first sentence now: its answer tells the sample rate."""
        self._first = (first, (yield from self.fetch(first)))

    def speak(self, text: str, req, speaker, seed) -> np.ndarray:
        if self._first is not None and self._first[0] == text:
            audio, self._first = self._first[1], None
            return audio
        try:
            return _drain(self.fetch(text))
        except RemoteError as exc:  # keep the sentences made so far, and say why it ended
            self.error = exc.message
            raise JobCancelled() from None


def _drain(gen):
    """A sentence's request where no events can be yielded (inside the engine's loop)."""
    while True:
        try:
            next(gen)  # Notices of a retry: the Progress after the sentence tells the rest
        except StopIteration as stop:
            return stop.value


def job(req: SpeakRequest, cancel: CancelToken, speak_sentences) -> Iterator[Event]:
    """``speak_sentences``: the engine's sentence loop (``voice._speak``), handed in so this
    module does not import its package."""
    started = time.perf_counter()
    validate(dataclasses.replace(req, backend="auto"))
    if req.backend not in ("auto", REMOTE):
        raise UserError(msg("remote.backend", "A server runs the model with its own engine: "
                            "choose the backend auto (or remote) with an endpoint, not {backend}.",
                            backend=req.backend))
    sentences = sentences_or_error(req.text)
    target = endpoints.resolve(req.endpoint)
    if req.noise_scale is not None or req.noise_w_scale is not None or req.speaker_embedding:
        yield Notice(msg("remote.voice_unused", "The noise settings and speaker embedding are "
                         "not part of the speech API; the server's voice decides them."))
    session = Session(target, cancel)
    voice = RemoteVoice(session, req)
    yield Progress(msg("remote.waiting", "Waiting for {name}…", name=target.label), 0.0)
    try:
        yield from voice.prepare(sentences[0].text)
        loaded = time.perf_counter()
        made = yield from speak_sentences(voice, sentences, req, req.speaker, None, cancel, {},
                                 len(req.text), REMOTE)
    except RemoteError as exc:
        yield Failed(exc.message, user_error=exc.user_error)
        return
    finally:
        session.close()
    result = SpeechResult(model=f"{req.model} @ {target.label}", backend=REMOTE, seed=None,
                          **made)
    if voice.error is not None:
        yield Cancelled(partial=result, message=msg(
            "remote.dropped_speech", "{name} failed part-way ({reason}); the sentences made "
            "are kept.", name=target.label, reason=voice.error))
        return
    if cancel.cancelled:
        yield Cancelled(partial=result)
        return
    timings = {"first_request_s": round(loaded - started, 4), "synthesis_s": result.seconds,
               "total_s": round(time.perf_counter() - started, 4), "rtf": result.rtf,
               "audio_s": round(result.duration_s, 4)}
    if result.first_audio_s is not None:
        timings["first_audio_s"] = result.first_audio_s
    resolved = dataclasses.replace(req, backend=REMOTE, revision=f"remote:{req.model}")
    yield Result(value=result, request=resolved, timings=timings)
