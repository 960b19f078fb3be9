"""Transcript files: SRT, WebVTT, plain text and JSON (Transcription and Voice write them).

Segments are any objects with ``start``, ``end`` (seconds) and ``text``, and
optionally ``words`` (objects with ``start``, ``end``, ``text`` or ``word``, and
``probability``).  What players and subtitle editors trip over is handled here:
timestamps are rounded to the millisecond once (so 59.9996 s becomes 00:01:00,000,
not 00:00:59,1000), hours go past 99, empty segments are skipped and cues numbered
without gaps, a blank line inside a text (it would end the cue) is dropped, ``-->``
inside a text (it would read as a timing line) is defused, and WebVTT text escapes
``&``, ``<`` and ``>``.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .atomic import atomic_write_text

FORMATS = ("txt", "srt", "vtt", "json")


def _ms(seconds: float) -> int:
    """Whole milliseconds, halves rounded up; negative or not finite -> 0."""
    try:
        value = float(seconds)
    except (TypeError, ValueError):
        return 0
    if not math.isfinite(value) or value <= 0:
        return 0
    return math.floor(value * 1000 + 0.5)


def timestamp(seconds: float, sep: str = ",") -> str:
    """``HH:MM:SS,mmm`` (SRT) or with ``sep="."`` ``HH:MM:SS.mmm`` (WebVTT)."""
    return _stamp(_ms(seconds), sep)


def _stamp(ms: int, sep: str) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{sep}{millis:03d}"


def _lines(text: Any) -> list[str]:
    """The text's non-blank lines, stripped (a blank line would end a cue)."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def _cues(segments: Iterable[Any]) -> list[tuple[int, int, list[str]]]:
    cues = []
    for seg in segments:
        lines = _lines(getattr(seg, "text", ""))
        if not lines:
            continue
        start = _ms(getattr(seg, "start", 0.0))
        end = max(start, _ms(getattr(seg, "end", 0.0)))
        cues.append((start, end, lines))
    return cues


def srt(segments: Iterable[Any]) -> str:
    out = []
    for n, (start, end, lines) in enumerate(_cues(segments), 1):
        text = "\n".join(line.replace("-->", "->") for line in lines)
        out.append(f"{n}\n{_stamp(start, ',')} --> {_stamp(end, ',')}\n{text}\n")
    return "\n".join(out)


def _vtt_escape(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def vtt(segments: Iterable[Any]) -> str:
    out = ["WEBVTT\n"]
    for start, end, lines in _cues(segments):
        text = "\n".join(_vtt_escape(line) for line in lines)  # "-->" becomes "--&gt;"
        out.append(f"{_stamp(start, '.')} --> {_stamp(end, '.')}\n{text}\n")
    return "\n".join(out)


def txt(segments: Iterable[Any]) -> str:
    """One line per segment."""
    lines = [" ".join(_lines(getattr(seg, "text", ""))) for seg in segments]
    return "".join(line + "\n" for line in lines if line)


def _num(value: Any, digits: int = 3) -> float | None:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return round(value, digits) if math.isfinite(value) else None


def _time(value: Any) -> float:
    """Seconds as the subtitle files have them: whole milliseconds."""
    return _ms(value) / 1000


def _word(w: Any) -> dict:
    text = getattr(w, "text", None)
    if text is None:
        text = getattr(w, "word", "")
    out = {"start": _time(w.start), "end": _time(w.end), "word": str(text).strip()}
    probability = getattr(w, "probability", None)
    out["probability"] = None if probability is None else _num(probability, 4)
    return out


def segments_json(segments: Iterable[Any]) -> list[dict]:
    out = []
    for seg in segments:
        text = str(getattr(seg, "text", "") or "").strip()
        if not text:
            continue
        item: dict[str, Any] = {"start": _time(seg.start), "end": _time(seg.end), "text": text}
        words = getattr(seg, "words", None)
        if words:
            item["words"] = [_word(w) for w in words]
        out.append(item)
    return out


def transcript_json(result: Any) -> dict:
    """``{"text", "language", "language_probability", "segments", "model", "seconds", "rtf",
    ...}`` of a TranscriptResult (or any object with those attributes)."""
    segments = segments_json(getattr(result, "segments", ()))
    out: dict[str, Any] = {
        "text": getattr(result, "text", None) or " ".join(s["text"] for s in segments),
        "language": getattr(result, "language", None),
        "language_probability": getattr(result, "language_probability", None),
        "segments": segments,
        "model": getattr(result, "model", None),
        "seconds": _num(getattr(result, "seconds", None), 4),
        "rtf": _num(getattr(result, "rtf", None), 4),
    }
    for name in ("duration_s", "backend", "options"):
        if hasattr(result, name):
            out[name] = getattr(result, name)
    return out


def render(result_or_segments: Any, fmt: str) -> str:
    """The file's text in ``fmt`` ("txt", "srt", "vtt", "json")."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown transcript format {fmt!r}; choose one of {', '.join(FORMATS)}")
    segments = getattr(result_or_segments, "segments", None)
    if segments is None:
        segments = list(result_or_segments)
    if fmt == "json":
        if hasattr(result_or_segments, "segments"):
            data = transcript_json(result_or_segments)
        else:
            items = segments_json(segments)
            data = {"text": " ".join(s["text"] for s in items), "segments": items}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return {"txt": txt, "srt": srt, "vtt": vtt}[fmt](segments)


def write_transcript(path: str | os.PathLike, result_or_segments: Any,
                     fmt: str | None = None) -> Path:
    """Write atomically (a crash leaves the old file or the new one); ``fmt`` defaults to the
    file's suffix.  UTF-8 without a byte-order mark, which players and editors read."""
    path = Path(path)
    fmt = fmt or path.suffix.lower().lstrip(".")
    return atomic_write_text(path, render(result_or_segments, fmt))
