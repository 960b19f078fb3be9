"""Read any audio file a user has, with messages that say what is wrong with it.

Two decoders, chosen by the file's first bytes (not its name):
- soundfile (libsndfile) for WAV, AIFF, FLAC and Ogg Vorbis: exact lengths, sample-exact seeks.
- PyAV (FFmpeg) for the rest: MP3, Opus, M4A/AAC, WebM, MKV, MP4/MOV (the sound track of a video)
  and anything libsndfile refuses.  MP3 goes here because libsndfile's mpg123 prints notes straight
  to the process's stderr for damaged or non-MP3 data (and FFmpeg resyncs further into a damaged
  file); Ogg Opus because libsndfile's seeks land 312 samples (the pre-skip) off.
  Seeks are sample-exact except in Matroska/WebM, whose millisecond timestamps allow ~1 ms.

Damaged or cut-short files: what can be decoded is returned and a warning (a translatable
``Message``) is logged; stretches lost in the middle become silence so that later audio keeps its
time.  ``AudioFileError`` is raised only when nothing at all can be decoded.

Long files are decoded in blocks (``blocks``) and never held whole; ``read`` joins the blocks.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..jobs import UserError
from ..messages import msg
from . import pyav_backend
from .resample import resample_stream

log = logging.getLogger(__name__)

READ_BLOCK_S = 60.0


class AudioFileError(UserError):
    """An audio file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class AudioInfo:
    path: Path
    duration_s: float
    sample_rate: int
    channels: int
    frames: int        # estimated from the duration when ``exact`` is False
    codec: str         # e.g. "pcm_16", "flac", "vorbis", "mp3", "aac", "opus"
    container: str     # e.g. "wav", "flac", "ogg", "mp3", "m4a", "webm", "matroska"
    exact: bool        # frames counted by the decoder (soundfile) rather than estimated


def info(path: str | os.PathLike) -> AudioInfo:
    return _probe(path)[0]


def read(path: str | os.PathLike, *, sample_rate: int | None = None, mono: bool = False,
         start_s: float = 0.0, duration_s: float | None = None) -> tuple[np.ndarray, int]:
    """Float32 samples in [-1, 1], shape (frames, channels) or (frames,) if ``mono``; their rate.

    ``sample_rate`` resamples (soxr); ``start_s``/``duration_s`` cut a slice (of the source).
    """
    meta, parts = _open(path, READ_BLOCK_S, sample_rate, mono, start_s, duration_s)
    chunks = list(parts)
    rate = sample_rate or meta.sample_rate
    if not chunks:
        return np.zeros((0,) if mono else (0, meta.channels), np.float32), rate
    return (np.concatenate(chunks) if len(chunks) > 1 else chunks[0]), rate


def blocks(path: str | os.PathLike, *, block_s: float = 30.0, sample_rate: int | None = None,
           mono: bool = False, start_s: float = 0.0, duration_s: float | None = None
           ) -> Iterator[np.ndarray]:
    """The audio as consecutive float32 blocks of about ``block_s`` seconds (last one shorter).

    Memory stays bounded by a few blocks whatever the file's length; resampling runs across
    block boundaries as one stream.  The file is checked at once (errors raise here, not at
    the first ``next``); damage found later while decoding raises or warns as described above.
    """
    return _open(path, block_s, sample_rate, mono, start_s, duration_s)[1]


# -- checks and probing ---------------------------------------------------------------------

def _examine(path: str | os.PathLike) -> tuple[Path, str, bytes]:
    """The path, its display name and first bytes; AudioFileError if it is no readable file."""
    p = Path(path)
    name = p.name or str(p)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise AudioFileError(msg("audio.file.folder", "Cannot open {name}: it is a folder, "
                                     "not an audio file.", name=name))
        if not stat.S_ISREG(st.st_mode):   # a FIFO or a device would block the decoder forever
            raise AudioFileError(msg("audio.file.not_regular", "Cannot open {name}: it is a "
                                     "pipe or a device, not an audio file.", name=name))
        if st.st_size == 0:
            raise AudioFileError(msg("audio.file.empty", "{name} is empty (0 bytes).", name=name))
        with open(p, "rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise _os_error(name, exc) from None
    return p, name, head


def _os_error(name: str, exc: OSError) -> AudioFileError:
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return AudioFileError(msg("audio.file.not_found", "Cannot open {name}: it does not "
                                  "exist.", name=name))
    if isinstance(exc, PermissionError):
        return AudioFileError(msg("audio.file.permission", "Cannot open {name}: permission "
                                  "denied.", name=name))
    if isinstance(exc, IsADirectoryError):
        return AudioFileError(msg("audio.file.folder", "Cannot open {name}: it is a folder, "
                                  "not an audio file.", name=name))
    return AudioFileError(msg("audio.file.read_error", "Cannot read {name}: {reason}.",
                              name=name, reason=exc.strerror or str(exc)))


def _for_soundfile(head: bytes) -> bool:
    kind, form = head[:4], head[8:12]
    if kind in (b"RIFF", b"RIFX", b"RF64", b"BW64"):
        return form == b"WAVE"   # RIFF also wraps AVI and WebP
    if kind == b"FORM":
        return form in (b"AIFF", b"AIFC")
    if kind == b"OggS":   # libsndfile's Ogg Opus seeks land off by the pre-skip (312 samples)
        return head[28:36] != b"OpusHead"
    return kind in (b"fLaC", b".snd", b"caff")


def _looks_like_media(head: bytes) -> bool:
    """A known audio/video signature: a failure to open it means damage, not a wrong file type."""
    return (_for_soundfile(head) or head[:4] in (b"RIFF", b"FORM", b"OggS", b"\x1aE\xdf\xa3",
                                                 b"0&\xb2u")
            or head[:3] == b"ID3" or head[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide")
            or head[:5] == b"#!AMR" or (len(head) > 1 and head[0] == 0xFF and head[1] >= 0xE0))


def _probe(path: str | os.PathLike) -> tuple[AudioInfo, str, bytes]:
    """(info, backend "sf" or "av", first bytes)."""
    p, name, head = _examine(path)
    if _for_soundfile(head):
        import soundfile as sf

        try:
            i = sf.info(str(p))
        except (sf.LibsndfileError, RuntimeError):
            pass   # an unusual codec inside a known container: FFmpeg may still know it
        else:
            if i.frames <= 0:
                raise _no_audio(name)
            codec = "flac" if i.format == "FLAC" else i.subtype.lower()
            return AudioInfo(p, i.frames / i.samplerate, i.samplerate, i.channels, i.frames,
                             codec, i.format.lower(), True), "sf", head
    with _errors(name, head):
        s = pyav_backend.probe(p)
    return AudioInfo(p, s.duration_s, s.sample_rate, s.channels,
                     round(s.duration_s * s.sample_rate), s.codec, s.container, False), "av", head


def _no_audio(name: str) -> AudioFileError:
    return AudioFileError(msg("audio.file.no_audio", "{name} contains no audio.", name=name))


@contextlib.contextmanager
def _errors(name: str, head: bytes):
    """Turn decoder and OS exceptions into AudioFileError messages."""
    try:
        yield
    except AudioFileError:
        raise
    except pyav_backend.NoAudioStream as exc:
        if exc.image:
            raise _not_audio(name) from None
        if exc.has_video:
            raise AudioFileError(msg("audio.file.no_audio_track", "{name} contains no audio: "
                                     "it is a video without a sound track.", name=name)) from None
        raise _no_audio(name) from None
    except pyav_backend.NoDecoder as exc:
        raise AudioFileError(msg("audio.file.codec", "{name} uses an audio format ({codec}) "
                                 "that cannot be decoded here.", name=name,
                                 codec=str(exc))) from None
    except OSError as exc:   # PyAV's ENOENT/EACCES errors are OSErrors too
        raise _os_error(name, exc) from None
    except Exception as exc:
        if pyav_backend.is_ffmpeg_error(exc) or _is_libsndfile_error(exc):
            if _looks_like_media(head):
                raise _damaged(name, exc) from None
            raise _not_audio(name) from None
        raise


def _is_libsndfile_error(exc: BaseException) -> bool:
    sf = sys.modules.get("soundfile")
    return bool(sf) and isinstance(exc, sf.LibsndfileError)


def _not_audio(name: str) -> AudioFileError:
    return AudioFileError(msg("audio.file.unsupported", "{name} is not an audio file, or its "
                              "format is not supported.", name=name))


def _damaged(name: str, exc: BaseException | str) -> AudioFileError:
    return AudioFileError(msg("audio.file.damaged", "{name} is damaged: no audio could be "
                              "decoded from it ({reason}).", name=name,
                              reason=exc if isinstance(exc, str) else pyav_backend.describe(exc)))


# -- decoding -------------------------------------------------------------------------------

def _open(path, block_s: float, sample_rate: int | None, mono: bool, start_s: float,
          duration_s: float | None) -> tuple[AudioInfo, Iterator[np.ndarray]]:
    if block_s <= 0 or start_s < 0 or (duration_s is not None and duration_s < 0):
        raise ValueError("block_s must be > 0, start_s and duration_s >= 0")
    if sample_rate is not None and sample_rate <= 0:
        raise ValueError("sample_rate must be > 0")
    meta, backend, head = _probe(path)
    native = _native(meta, backend, head, start_s, duration_s,
                     max(1, round(block_s * meta.sample_rate)))
    return meta, _convert(native, meta, sample_rate, mono)


def _convert(native: Iterable[np.ndarray], meta: AudioInfo, sample_rate: int | None,
             mono: bool) -> Iterator[np.ndarray]:
    if mono:
        native = (b.mean(axis=1, dtype=np.float32) if b.shape[1] > 1 else b[:, 0] for b in native)
    if not sample_rate or sample_rate == meta.sample_rate:
        yield from native
        return
    for block in resample_stream(native, meta.sample_rate, sample_rate,
                                 1 if mono else meta.channels):
        yield np.clip(block, -1.0, 1.0, out=block)   # the resampler overshoots near full scale


def _native(meta: AudioInfo, backend: str, head: bytes, start_s: float,
            duration_s: float | None, block: int) -> Iterator[np.ndarray]:
    """Blocks of ``block`` frames at the file's own rate; the damage policy lives here."""
    name = meta.path.name
    damage = pyav_backend.Damage()
    limit = None if duration_s is None else round(duration_s * meta.sample_rate)
    if backend == "sf":
        source = _soundfile_chunks(meta, round(start_s * meta.sample_rate), limit, block, damage)
    else:
        source = pyav_backend.chunks(meta.path, start_s=start_s, limit=limit, damage=damage)
    total = 0
    with _errors(name, head):
        for piece in _rechunk(source, block):
            total += len(piece)
            yield piece
    whole = start_s == 0 and duration_s is None
    if total == 0 and damage.errors:
        raise _damaged(name, damage.first)
    if total == 0 and whole:
        raise _no_audio(name)
    short = whole and total < meta.frames - max(0.2 * meta.sample_rate, 0.02 * meta.frames)
    if damage.errors or short:
        log.warning(msg("audio.file.partly_damaged", "{name} is damaged or cut short: "
                        "{seconds} s of audio could be decoded.", name=name,
                        seconds=f"{total / meta.sample_rate:.1f}"))


def _soundfile_chunks(meta: AudioInfo, start: int, limit: int | None, block: int,
                      damage: pyav_backend.Damage) -> Iterator[np.ndarray]:
    import soundfile as sf

    if start >= meta.frames:
        return
    end = meta.frames if limit is None else min(meta.frames, start + limit)
    pos = start
    with sf.SoundFile(str(meta.path)) as fh:
        if start:
            fh.seek(start)
        while pos < end:
            try:
                data = fh.read(min(block, end - pos), dtype="float32", always_2d=True)
            except sf.LibsndfileError as exc:
                damage.note(exc)
                break
            if not len(data):
                return
            pos += len(data)
            yield np.clip(data, -1.0, 1.0, out=data)   # float WAVs may exceed full scale
        else:
            return
    # libsndfile gave up at a damaged frame; FFmpeg resyncs past it (lost frames become silence)
    try:
        yield from pyav_backend.chunks(meta.path, start_s=pos / meta.sample_rate,
                                       limit=None if limit is None else end - pos, damage=damage)
    except (OSError, pyav_backend.NoAudioStream, pyav_backend.NoDecoder) as exc:
        damage.note(exc)   # FFmpeg cannot read it either: keep what libsndfile decoded
    except Exception as exc:
        if not pyav_backend.is_ffmpeg_error(exc):
            raise
        damage.note(exc)


def _rechunk(chunks: Iterable[np.ndarray], size: int) -> Iterator[np.ndarray]:
    """Join small decoder frames into blocks of ``size`` frames (the last one shorter)."""
    parts: list[np.ndarray] = []
    have = 0
    for chunk in chunks:
        if not parts and len(chunk) == size:
            yield chunk
            continue
        parts.append(chunk)
        have += len(chunk)
        while have >= size:
            joined = np.concatenate(parts) if len(parts) > 1 else parts[0]
            yield joined[:size]
            rest = joined[size:]
            parts, have = ([rest] if len(rest) else []), len(rest)
    if parts:
        yield np.concatenate(parts) if len(parts) > 1 else parts[0]
