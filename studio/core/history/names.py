"""Readable, unique names for output files: ``outputs/2026-12-01/a-cat-on-the-moon-2.png``."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from pathlib import Path

MAX_SLUG = 60  # characters; CJK is 3 bytes each in UTF-8, so this stays far below 255 bytes
_SEPARATORS = re.compile(r"[-\s_.,;:!?'\"`/\\|<>*()\[\]{}]+")


def slug(text: str, fallback: str = "output") -> str:
    """``text`` as a file name stem: letters and digits of any script (CJK kept), words
    joined by ``-``; no path separators, control characters or leading dots."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(ch if unicodedata.category(ch)[0] in "LNM" else " " for ch in text)
    words = [w for w in _SEPARATORS.split(kept.lower()) if w]
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > MAX_SLUG:
            if not out:  # one long word (Chinese has no spaces): cut it
                out = word[:MAX_SLUG]
            break
        out = candidate
    return out or fallback


def _suffix(suffix: str) -> str:
    """".png", "png" -> ".png"; "tar.gz" -> ".tar.gz"; anything odd is cleaned like a slug."""
    parts = [slug(part, fallback="") for part in suffix.split(".")]
    return "".join(f".{part}" for part in parts if part)


def reserve(folder: Path, task: str, name_hint: str, suffix: str,
            when: dt.datetime | None = None) -> Path:
    """Create and return a new empty file ``folder/YYYY-MM-DD/<slug>[-N]<suffix>``.

    The file is created exclusively (``O_EXCL``) so two processes asking at once
    never get the same name; the caller writes over it (or removes it if unused).
    """
    day = folder / (when or dt.datetime.now()).strftime("%Y-%m-%d")
    day.mkdir(parents=True, exist_ok=True)
    stem, ext = slug(name_hint, fallback=slug(task, fallback="output")), _suffix(suffix)
    n = 1
    while True:
        path = day / (f"{stem}{ext}" if n == 1 else f"{stem}-{n}{ext}")
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return path
        except FileExistsError:
            n += 1
