"""The PyAV (FFmpeg) half of decode.py: MP3, M4A/AAC, WebM, MKV, MP4/MOV, anything FFmpeg knows.

Raises PyAV's own exceptions and the two below; decode.py turns them into messages.
``import av`` stays inside the functions: the module must be cheap to import.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

# Seek this far before the requested start, then trim: decoders need earlier frames (MP3's bit
# reservoir, Opus and AAC pre-roll) and an MP3 without an index only seeks approximately.  The
# last try decodes from the beginning.
PREROLL_S = (0.5, 5.0, 60.0, float("inf"))
GAP_TOLERANCE_S = 0.02   # timestamp jitter below one codec frame is not a gap
MAX_GAP_S = 10.0         # longer jumps are timestamp glitches, not lost audio


class NoAudioStream(Exception):
    def __init__(self, has_video: bool, image: bool) -> None:
        super().__init__("no audio stream")
        self.has_video, self.image = has_video, image


class NoDecoder(Exception):
    """FFmpeg found an audio stream but cannot decode it."""


class Damage:
    """Decoder errors met while reading; the caller decides between a warning and an error."""

    def __init__(self) -> None:
        self.errors = 0
        self.first = ""

    def note(self, exc: BaseException) -> None:
        self.errors += 1
        self.first = self.first or describe(exc)


def is_ffmpeg_error(exc: BaseException) -> bool:
    av = sys.modules.get("av")   # an FFmpeg error implies PyAV was imported
    return av is not None and isinstance(exc, av.error.FFmpegError)


def describe(exc: BaseException) -> str:
    """The decoder's own words, without errno numbers and file names."""
    text = getattr(exc, "strerror", None) or getattr(exc, "error_string", None) or str(exc)
    return str(text).strip()[:200] or type(exc).__name__


@dataclass(frozen=True)
class StreamInfo:
    sample_rate: int
    channels: int
    duration_s: float   # 0.0 when the container does not say
    codec: str
    container: str


def open_container(path: Path):
    import av

    return av.open(str(path), metadata_errors="ignore")


def audio_stream(container):
    if not container.streams.audio:
        name = container.format.name
        raise NoAudioStream(bool(container.streams.video),
                            image=name.endswith("_pipe") or name == "image2")
    stream = container.streams.audio[0]
    if stream.codec_context.sample_rate <= 0 or stream.codec_context.codec is None:
        raise NoDecoder(stream.codec_context.name)
    return stream


def probe(path: Path) -> StreamInfo:
    import av

    with open_container(path) as container:
        stream = audio_stream(container)
        cc = stream.codec_context
        if stream.duration and stream.time_base:
            duration = float(stream.duration * stream.time_base)
        else:
            duration = (container.duration or 0) / av.time_base
        names = container.format.name.split(",")   # e.g. "mov,mp4,m4a,3gp,3g2,mj2"
        suffix = path.suffix.lower().lstrip(".")
        codec = cc.codec.name.removesuffix("float").removesuffix("_fixed")  # mp3float -> mp3
        return StreamInfo(cc.sample_rate, cc.layout.nb_channels, max(duration, 0.0), codec,
                          suffix if suffix in names else names[0])


def chunks(path: Path, *, start_s: float, limit: int | None, damage: Damage
           ) -> Iterator[np.ndarray]:
    """Float32 (frames, channels) pieces from ``start_s`` on, at most ``limit`` frames in all.

    Samples are placed by their timestamps: a stretch lost to damage (up to
    MAX_GAP_S) comes back as silence, so later audio keeps its time.
    """
    with open_container(path) as container:
        stream = audio_stream(container)
        sr, channels = stream.codec_context.sample_rate, stream.codec_context.layout.nb_channels
        start = round(start_s * sr)
        tolerance, max_gap = round(GAP_TOLERANCE_S * sr), round(MAX_GAP_S * sr)
        frames = _seek(container, stream, start_s, start, damage) if start else \
            _frames(container, stream, channels, damage)
        origin = pos = None   # timeline index of output sample 0; of the next sample
        emitted = 0

        def cut(where: int, length: int, data: np.ndarray | None) -> np.ndarray | None:
            """The part of [where, where + length) at or after origin and within the limit."""
            nonlocal emitted
            lo = max(0, origin - where)
            hi = length if limit is None else min(length, lo + limit - emitted)
            if hi <= lo:
                return None
            emitted += hi - lo
            return np.zeros((hi - lo, channels), np.float32) if data is None else data[lo:hi]

        for at, data in frames:
            if pos is None:
                pos = at if at is not None else 0
                origin = start if start else pos   # without a seek: from the first decoded sample
                pos = min(pos, origin)             # the first frame may begin after the start
            if at is not None and tolerance < at - pos <= max_gap:   # lost frames: silence
                out, pos = cut(pos, at - pos, None), at
                if out is not None:
                    yield out
            out, pos = cut(pos, len(data), data), pos + len(data)
            if out is not None:
                yield out
            if limit is not None and emitted >= limit:
                return


def _seek(container, stream, start_s: float, start: int, damage: Damage):
    """Frames from a point at or before ``start`` (see PREROLL_S)."""
    t0 = stream.start_time or 0
    for preroll in PREROLL_S:
        target = max(0.0, start_s - preroll)
        container.seek(t0 + int(target / stream.time_base), stream=stream)  # flushes the decoder
        frames = _frames(container, stream, stream.codec_context.layout.nb_channels, damage)
        first = next(frames, None)
        if first is None:
            return iter(())   # the start lies past the end
        if first[0] is None or first[0] <= start or target == 0:
            return itertools.chain([first], frames)
    raise AssertionError("unreachable: the last try starts at 0")


def _frames(container, stream, channels: int, damage: Damage
            ) -> Iterator[tuple[int | None, np.ndarray]]:
    """(timeline index or None, samples) per decoded frame; damaged packets are skipped."""
    import av

    sr = stream.codec_context.sample_rate
    zero = Fraction(stream.start_time or 0) * stream.time_base
    demux = container.demux(stream)
    while True:
        try:
            packet = next(demux)
        except StopIteration:
            return
        except av.error.FFmpegError as exc:   # the container itself breaks off: keep what came
            damage.note(exc)
            return
        try:
            decoded = packet.decode()
        except av.error.FFmpegError as exc:   # one bad packet: FFmpeg resyncs on the next one
            damage.note(exc)
            continue
        for frame in decoded:
            at = None
            if frame.pts is not None:
                at = round((frame.pts * (frame.time_base or stream.time_base) - zero) * sr)
            yield at, to_float(frame, channels)


_INT_SCALE = {"s16": 1 / 32768, "s32": 1 / 2**31, "s64": 1 / 2**63}


def to_float(frame, channels: int) -> np.ndarray:
    """A decoded frame as float32 (frames, channels) in [-1, 1]."""
    a = frame.to_ndarray()
    own = frame.layout.nb_channels
    a = a.T if frame.format.is_planar else a.reshape(-1, own)
    kind = frame.format.name.rstrip("p")
    out = np.array(a, dtype=np.float32, order="C")   # a copy: the frame owns its buffer
    if kind == "u8":
        out -= 128.0
        out /= 128.0
    elif kind in _INT_SCALE:
        out *= _INT_SCALE[kind]
    if own != channels:   # the layout changed mid-stream: keep the first one's channel count
        out = np.repeat(out.mean(axis=1, keepdims=True), channels, axis=1)
    return np.clip(out, -1.0, 1.0, out=out)
