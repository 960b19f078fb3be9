"""Read and write user text files (prompts, outputs) with clear errors."""

from __future__ import annotations

import os
from pathlib import Path

from .jobs import UserError

MAX_TEXT_BYTES = 8 * 1024 * 1024


def read_text_file(path: str | Path, limit: int = MAX_TEXT_BYTES) -> str:
    """Return the text of a UTF-8 (or GB18030) file; UserError for binary/huge/missing."""
    p = Path(path)
    if not p.is_file():
        raise UserError(f"Cannot open {p.name or p}: it does not exist or is not a file.")
    size = p.stat().st_size
    if size > limit:
        raise UserError(f"{p.name} is too large for a prompt ({size // (1024 * 1024)} MB).")
    data = p.read_bytes()
    if b"\x00" in data[:8192]:
        raise UserError(f"{p.name} looks like a binary file, not text.")
    for encoding in ("utf-8-sig", "gb18030"):  # GB18030 covers older Chinese text files
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"{p.name} is not UTF-8 or GB18030 text.")


def write_text_file(path: str | Path, text: str) -> Path:
    p = Path(path)
    if not p.parent.is_dir():
        raise UserError(f"Cannot save {p.name}: the folder {p.parent} does not exist.")
    tmp = p.with_name(p.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, p)  # never leave a half-written file under the user's name
    return p
