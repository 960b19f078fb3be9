"""A take's files: its audio and the SRT of its sentences.  Qt-free; the tab runs these in a
background thread (they write files and may decode audio).

A new take goes into the outputs folder under a readable unique name
(``outputs/2026-12-01/hello-world.flac`` + ``hello-world.srt``), FLAC where this
system's libsndfile writes it, WAV otherwise.  Save as writes any format the
system can (WAV, FLAC, OGG, MP3) with the SRT beside it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from studio.core import formats
from studio.core.audio import write as audio_write
from studio.core.history import names

HINT_CHARS = 80  # of the text, for the file name


def _reserve_pair(outputs: Path, hint: str, suffix: str) -> tuple[Path, Path]:
    """A new audio file and a free SRT name beside it (both created empty, so no other take
    or process gets them)."""
    skipped: list[Path] = []
    try:
        while True:
            audio = names.reserve(outputs, "voice", hint, suffix)
            srt = audio.with_suffix(".srt")
            try:
                os.close(os.open(srt, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
                return audio, srt
            except FileExistsError:  # a stray SRT of that name: take the next number
                skipped.append(audio)
    finally:
        for path in skipped:
            path.unlink(missing_ok=True)


def take_format() -> str:
    """The suffix new takes are written in: FLAC (lossless, half the size) or WAV."""
    return ".flac" if "FLAC" in audio_write.writable_formats() else ".wav"


def save_take(outputs: Path, samples: Any, rate: int, sentences: Sequence[Any],
              text: str) -> tuple[Path, Path]:
    """Write a take into ``outputs``; returns (audio, srt)."""
    audio, srt = _reserve_pair(Path(outputs), " ".join(text.split())[:HINT_CHARS], take_format())
    try:
        audio_write.write(audio, samples, rate)
        formats.write_transcript(srt, sentences, "srt")
    except BaseException:
        audio.unlink(missing_ok=True)
        srt.unlink(missing_ok=True)
        raise
    return audio, srt


def export_take(dest: str | os.PathLike, *, samples: Any = None, rate: int = 0,
                sentences: Sequence[Any] | None = None, source: str = "",
                source_srt: str = "") -> tuple[Path, Path | None]:
    """Save a take as ``dest`` (its suffix names the format) and its SRT beside it.

    The audio comes from ``samples`` or is decoded from ``source``; the SRT is written from
    ``sentences`` or copied from ``source_srt`` (None when neither is there).
    """
    dest = Path(dest)
    audio_write.check_writable(dest)
    if samples is None:
        from studio.core.audio.decode import read

        samples, rate = read(source)
    audio_write.write(dest, samples, rate)
    srt = dest.with_suffix(".srt")
    if sentences is not None:
        formats.write_transcript(srt, sentences, "srt")
    elif source_srt and os.path.isfile(source_srt):
        if os.path.abspath(source_srt) != os.path.abspath(srt):
            shutil.copyfile(source_srt, srt)
    else:
        return dest, None
    return dest, srt
