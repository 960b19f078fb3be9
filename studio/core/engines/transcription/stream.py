"""Audio in bounded memory, cut into windows that continue where the last kept segment ended.

A backend transcribes one window at a time (faster-whisper: 10 minutes; transformers:
30 seconds).  A window that is not the last one may end in the middle of a word, so
the segments ending in its last ``guard_s`` seconds are dropped and the next window
starts at the end of the last segment kept: every word is decoded whole, once.  An
hour of 16 kHz float32 audio is 230 MB; a 10-minute window is 38 MB, whatever the
file's length.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ...jobs import CancelToken, Segment
from .request import SAMPLE_RATE, TranscribeRequest

READ_BLOCK_S = 30.0
# Peak below -60 dBFS: nothing to hear.  Whisper "hears" words in digital silence ("Thank
# you."), so such a window is skipped, not decoded.
SILENCE_PEAK = 10 ** (-60 / 20)


@dataclass(frozen=True)
class Source:
    name: str  # for messages
    duration_s: float
    blocks: Iterator[np.ndarray]  # 16 kHz mono float32


def open_source(req: TranscribeRequest) -> Source:
    """The request's audio (a file slice or in-memory samples) as 16 kHz mono blocks."""
    if req.samples is not None:
        samples = np.asarray(req.samples, dtype=np.float32)
        first = round(req.start_s * req.sample_rate)
        last = None if req.duration_s is None else first + round(req.duration_s * req.sample_rate)
        samples = samples[first:last]
        if req.sample_rate != SAMPLE_RATE and len(samples):
            from ...audio.resample import resample

            samples = resample(samples, req.sample_rate, SAMPLE_RATE).astype(np.float32)
        return Source("samples", len(samples) / SAMPLE_RATE, iter([samples]))
    from ...audio import decode

    meta = decode.info(req.audio)
    duration = max(0.0, meta.duration_s - req.start_s)
    if req.duration_s is not None:
        duration = min(duration, req.duration_s)
    blocks = decode.blocks(req.audio, block_s=READ_BLOCK_S, sample_rate=SAMPLE_RATE, mono=True,
                           start_s=req.start_s, duration_s=req.duration_s)
    return Source(Path(req.audio).name, duration, blocks)


class Feed:
    """Reads blocks ahead only as far as the current window needs; forgets what lies behind."""

    def __init__(self, blocks: Iterator[np.ndarray]) -> None:
        self._blocks = blocks
        self._parts: list[np.ndarray] = []
        self._origin = 0  # sample index of the first sample held
        self.eof = False

    def window(self, start: int, length: int) -> tuple[np.ndarray, bool]:
        """Samples [start, start + length) and whether they reach the end of the audio."""
        buf = np.concatenate(self._parts) if len(self._parts) > 1 else (
            self._parts[0] if self._parts else np.zeros(0, np.float32))
        if start > self._origin:
            buf = buf[start - self._origin:]
            self._origin = start
        parts, have = [buf], len(buf)
        while not self.eof and have < length + 1:  # one sample more tells whether this is the end
            try:
                block = next(self._blocks)
            except StopIteration:
                self.eof = True
                break
            parts.append(block)
            have += len(block)
        whole = np.concatenate(parts) if len(parts) > 1 else parts[0]
        self._parts = [whole]
        return whole[:length], self.eof and have <= length


@dataclass(frozen=True)
class Pass:
    """One window's decoding: the language it used and its segments (window-relative times)."""

    language: str
    probability: float | None  # None: the language was given, not detected
    segments: Iterator[Segment]
    notes: tuple = ()  # Messages the engine shows as Notices (once each)


# transcribe(window samples, language or None, prompt) -> Pass
Decoder = Callable[[np.ndarray, "str | None", str], Pass]


def shift(segment: Segment, offset: float, limit: float) -> Segment:
    """Window-relative times to times in the job's audio, clamped into the window."""

    def at(t: float) -> float:
        return round(offset + min(max(float(t), 0.0), limit), 3)

    words = tuple(replace(w, start=at(w.start), end=max(at(w.start), at(w.end)))
                  for w in segment.words)
    start = at(segment.start)
    return Segment(start, max(start, at(segment.end)), segment.text, words)


def windows(decode: Decoder, feed: Feed, language: str | None, prompt: str, carry: bool,
            window_s: float, guard_s: float, cancel: CancelToken) -> Iterator[Pass | Segment]:
    """Yields each window's Pass (before its segments), then its kept segments in job time.

    ``language`` None: detected on the first window and kept for the rest.  ``carry``: the
    next window is prompted with the text so far, as Whisper conditions on previous text.
    In a window that is not the last, the last segment and any ending in the last
    ``guard_s`` seconds may be cut short (Whisper closes a sentence the audio cuts off), so
    they are held back and decoded again at the start of the next window.
    """
    pos = 0
    length = round(window_s * SAMPLE_RATE)
    tail = ""
    while not cancel.cancelled:
        audio, last = feed.window(pos, length)
        if not len(audio):
            return
        limit = len(audio) / SAMPLE_RATE
        offset = pos / SAMPLE_RATE
        if float(np.max(np.abs(audio))) < SILENCE_PEAK:
            if last:
                return
            pos += len(audio)
            continue
        context = (prompt + " " + tail[-200:]).strip() if carry and tail else prompt
        p = decode(audio, language, context)
        language = p.language
        yield p
        kept_end = None
        held: Segment | None = None  # the latest segment, shown once another follows it
        for raw in p.segments:
            seg = shift(raw, offset, limit)
            if last:
                yield seg
                if cancel.cancelled:
                    return
                continue
            if held is not None:  # another segment follows it: it was not cut
                yield held
                kept_end = held.end
                tail += held.text if not tail else " " + held.text
                if cancel.cancelled:
                    return
            held = seg
            if raw.end > limit - guard_s:
                break  # this one reaches the guard: kept only if it is all this window has
        if last:
            return
        if kept_end is None and held is not None:  # the window's only segment
            if held.start > offset + 0.5:
                kept_end = held.start  # decode it again, from its start, with what follows
            else:  # one segment from the window's start to its end: keep it (progress)
                yield held
                kept_end = held.end
                tail += held.text if not tail else " " + held.text
        if kept_end is None or kept_end <= offset:
            # nothing kept: no speech here; go on, overlapping the guard in case a word starts
            pos += max(1, len(audio) - round(guard_s * SAMPLE_RATE))
        else:
            pos = round(kept_end * SAMPLE_RATE)
