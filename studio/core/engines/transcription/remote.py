"""The transcription engine's ``remote`` backend: ``/v1/audio/transcriptions`` (and
``/translations``) of an OpenAI-compatible server, ``verbose_json`` (segments, and words
where the server gives them).

A whole file is uploaded as it is (its own compression).  When the server limits
the upload size (413), or for in-memory samples and slices of a file, the audio is
sent as 16 kHz WAV pieces instead: each piece ends at the quietest moment of its
last seconds, and the next one starts at the end of the last segment kept (the
piece's final segment is decoded again at the start of the next: the overlap), with
the windows of ``stream``.  A piece the server still finds too large halves the
piece length.  Segments are shown as each answer comes back.
"""

from __future__ import annotations

import dataclasses
import io
import time
import wave
from collections.abc import Iterator
from pathlib import Path

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
    Segment,
    UserError,
)
from ...messages import msg
from . import chinese
from .request import SAMPLE_RATE, TranscribeRequest, TranscriptResult, Word, validate
from .stream import Feed, Pass, open_source, windows

PIECE_S = 600.0  # the first piece length after a 413 (19 MB of WAV)
MIN_PIECE_S = 15.0
GUARD_S = 2.0
SEARCH_S = 5.0  # a piece ends at the quietest 100 ms within its last seconds
WHOLE_FILE_MAX = 2 << 30  # larger files go in pieces at once
# verbose_json names the language in full ("english"); the studio uses Whisper's codes.
LANGUAGE_CODES = {
    "english": "en", "chinese": "zh", "mandarin": "zh", "cantonese": "yue", "japanese": "ja",
    "korean": "ko", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
    "portuguese": "pt", "russian": "ru", "dutch": "nl", "arabic": "ar", "hindi": "hi",
    "turkish": "tr", "polish": "pl", "swedish": "sv", "vietnamese": "vi", "thai": "th",
    "indonesian": "id", "ukrainian": "uk", "greek": "el", "czech": "cs", "hebrew": "he",
}


class TooLarge(Exception):
    pass


def language_code(name: str) -> str:
    name = (name or "").strip().lower()
    return LANGUAGE_CODES.get(name, name)


def wav_bytes(samples: np.ndarray) -> bytes:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(pcm.tobytes())
    return out.getvalue()


def quiet_cut(audio: np.ndarray) -> int:
    """Where to end a piece: the quietest 100 ms frame in its last ``SEARCH_S`` seconds."""
    frame = SAMPLE_RATE // 10
    search = min(round(SEARCH_S * SAMPLE_RATE), len(audio) // 4)
    if search < 2 * frame:
        return len(audio)
    tail = audio[len(audio) - search:]
    count = len(tail) // frame
    energy = (tail[:count * frame].reshape(count, frame) ** 2).mean(axis=1)
    return len(audio) - search + int(np.argmin(energy)) * frame + frame // 2


def _words(data: dict) -> list[Word]:
    out = []
    for item in data.get("words") or ():
        if isinstance(item, dict) and "start" in item:
            out.append(Word(float(item["start"]), float(item.get("end", item["start"])),
                            str(item.get("word", "")), None))
    return out


def parse(data: dict, offset: float = 0.0) -> list[Segment]:
    """Segments of a verbose_json answer (times + ``offset``), words put in their segment."""
    words = _words(data)
    segments = []
    raw = [s for s in data.get("segments") or () if isinstance(s, dict)]
    if not raw and str(data.get("text", "")).strip():  # a server that gives only the text
        raw = [{"start": 0.0, "end": float(data.get("duration") or 0.0), "text": data["text"]}]
    for s in raw:
        start, end = float(s.get("start") or 0.0), float(s.get("end") or 0.0)
        inside = tuple(dataclasses.replace(w, start=round(w.start + offset, 3),
                                           end=round(w.end + offset, 3))
                       for w in words if start <= w.start < end or (w.start == end == start))
        segments.append(Segment(round(start + offset, 3), round(max(start, end) + offset, 3),
                                str(s.get("text", "")).strip(), inside))
    return segments


class _Remote:
    def __init__(self, session: Session, req: TranscribeRequest) -> None:
        self.session = session
        self.req = req
        self.path = "/audio/translations" if req.task == "translate" else "/audio/transcriptions"

    def fields(self, language: str | None, prompt: str) -> dict[str, str]:
        out = {"model": self.req.model, "response_format": "verbose_json",
               "temperature": str(self.req.temperature[0])}
        if self.req.word_timestamps:
            out["timestamp_granularities[]"] = "word"
        if language and self.req.task == "transcribe":
            out["language"] = language
        if prompt:
            out["prompt"] = prompt
        return out

    def send(self, name: str, data: bytes, kind: str, language: str | None, prompt: str
             ) -> Iterator[Event]:
        body, content_type = endpoints.multipart(self.fields(language, prompt),
                                                 {"file": (name, data, kind)})
        try:
            response = yield from self.session.send("POST", self.path, body, content_type,
                                                    self.req.model)
        except RemoteError as exc:
            if exc.status == 413:
                raise TooLarge() from None
            raise
        answer = self.session.read_json(response)
        if not isinstance(answer, dict):
            raise RemoteError(msg("remote.not_json", "{name} answered something that is not "
                                  "JSON; is the URL an OpenAI-compatible API?",
                                  name=self.session.label))
        return answer


def job(req: TranscribeRequest, cancel: CancelToken, join_text) -> Iterator[Event]:
    """``join_text``: the engine's way of joining segments (handed in: no import of the
    package from here)."""
    started = time.perf_counter()
    validate(dataclasses.replace(req, backend="auto"))
    if req.backend not in ("auto", REMOTE):
        raise UserError(msg("remote.backend", "A server runs the model with its own engine: "
                            "choose the backend auto (or remote) with an endpoint, not {backend}.",
                            backend=req.backend))
    source = open_source(req)  # a bad file fails here, before any upload
    target = endpoints.resolve(req.endpoint)
    session = Session(target, cancel)
    remote = _Remote(session, req)
    segments: list[Segment] = []
    state = {"language": "" if req.language == "auto" else req.language, "convert": None,
             "first": True}
    total = source.duration_s
    dropped = None
    t0 = time.perf_counter()

    def take(found: list[Segment]) -> Iterator[Event]:
        for seg in found:
            if state["convert"] is not None:
                seg = chinese.convert_segment(seg, state["convert"])
            if not seg.text:
                continue
            segments.append(seg)
            yield seg
        done = min(segments[-1].end, total) if segments else 0.0
        yield Progress(msg("transcription.progress", "Transcribing {name}…", name=source.name),
                       fraction=min(1.0, done / total) if total > 0 else None)

    def learn(data: dict) -> None:  # the first answer's language holds for the whole job
        if state["first"]:
            state["first"] = False
            state["language"] = language_code(str(data.get("language") or "")) or \
                state["language"]
            state["convert"] = chinese.converter(req.chinese, state["language"], req.task)

    yield Progress(msg("remote.uploading", "Sending {name} to {server}…", name=source.name,
                       server=target.label), fraction=None)
    try:
        whole = req.samples is None and req.start_s == 0 and req.duration_s is None
        if whole and Path(req.audio).stat().st_size <= WHOLE_FILE_MAX:
            try:
                data = yield from remote.send(Path(req.audio).name, Path(req.audio).read_bytes(),
                                              "application/octet-stream",
                                              state["language"] or None, req.initial_prompt)
                learn(data)
                yield from take(parse(data))
                whole = True
            except TooLarge:
                whole = False
                yield Notice(msg("remote.split", "{name} limits the upload size: the audio "
                                 "goes in pieces cut at quiet moments.", name=target.label))
        else:
            whole = False
        if not whole:
            yield from _pieces(req, remote, source, state, take, learn, segments, cancel)
    except RemoteError as exc:
        if not segments:
            yield Failed(exc.message, user_error=exc.user_error)
            return
        dropped = exc.message
    finally:
        session.close()
    seconds = time.perf_counter() - t0
    language = state["language"]
    result = TranscriptResult(
        segments=tuple(segments), text=join_text(segments, language), language=language,
        language_probability=None, duration_s=round(total, 3),
        model=f"{req.model} @ {target.label}", backend=REMOTE, seconds=round(seconds, 4),
        rtf=round(seconds / total, 4) if total > 0 else 0.0,
        options={"task": req.task, "language": req.language,
                 "temperature": req.temperature[0], "word_timestamps": req.word_timestamps,
                 "initial_prompt": req.initial_prompt, "chinese": req.chinese,
                 "endpoint": target.label})
    if dropped is not None:
        yield Cancelled(partial=result, message=msg(
            "remote.dropped_segments", "{name} failed part-way ({reason}); the segments that "
            "arrived are kept.", name=target.label, reason=dropped))
        return
    if cancel.cancelled:
        yield Cancelled(partial=result)
        return
    if not segments:
        yield Notice(msg("transcription.no_speech", "No speech was found in {name}.",
                         name=source.name))
    timings = {"transcribe_s": result.seconds, "rtf": result.rtf,
               "total_s": round(time.perf_counter() - started, 4)}
    resolved = dataclasses.replace(req, backend=REMOTE, revision=f"remote:{req.model}",
                                   samples=None)
    yield Result(value=result, request=resolved, timings=timings)


class _Decoder:
    """The windows' decoder (a plain function for ``stream.windows``): one piece per call; the
    Notices its retries make are kept in ``events`` for the job to yield."""

    def __init__(self, remote: _Remote, piece_s: float, learn, state: dict) -> None:
        self.remote, self.piece_s, self.learn, self.state = remote, piece_s, learn, state
        self.events: list[Event] = []

    def __call__(self, audio: np.ndarray, language, prompt) -> Pass:
        full = round(self.piece_s * SAMPLE_RATE)
        cut = len(audio) if len(audio) < full else quiet_cut(audio)
        gen = self.remote.send("piece.wav", wav_bytes(audio[:cut]), "audio/wav", language,
                               prompt)
        while True:
            try:
                self.events.append(next(gen))
            except StopIteration as stop:
                data = stop.value
                break
        self.learn(data)
        return Pass(self.state["language"] or (language or ""), None, iter(parse(data)))


def _pieces(req, remote: _Remote, source, state, take, learn, segments, cancel
            ) -> Iterator[Event]:
    """The audio in WAV pieces; a piece the server refuses as too large halves the length."""
    piece_s = PIECE_S
    resume = 0.0  # seconds into the job's audio where the pieces start (after a restart)
    blocks = source.blocks
    while True:
        decoder = _Decoder(remote, piece_s, learn, state)
        try:
            for item in windows(decoder, Feed(blocks), state["language"] or None,
                                req.initial_prompt, carry=False, window_s=piece_s,
                                guard_s=GUARD_S, cancel=cancel):
                yield from decoder.events
                decoder.events.clear()
                if not isinstance(item, Pass):
                    yield from take([_shift(item, resume)])
            yield from decoder.events
            return
        except TooLarge:
            if piece_s / 2 < MIN_PIECE_S:
                raise RemoteError(msg("remote.too_large_piece", "{name} refuses even {seconds} s "
                                      "of audio (413 Payload Too Large); raise its upload limit.",
                                      name=remote.session.label, seconds=round(piece_s)),
                                  413, "", True) from None
            piece_s /= 2
            resume = segments[-1].end if segments else 0.0
            again = dataclasses.replace(req, start_s=req.start_s + resume,
                                        duration_s=None if req.duration_s is None else
                                        max(0.01, req.duration_s - resume))
            blocks = open_source(again).blocks
        except JobCancelled:
            return


def _shift(seg: Segment, offset: float) -> Segment:
    if not offset:
        return seg
    words = tuple(dataclasses.replace(w, start=round(w.start + offset, 3),
                                      end=round(w.end + offset, 3)) for w in seg.words)
    return Segment(round(seg.start + offset, 3), round(seg.end + offset, 3), seg.text, words)
