"""The engine host's log file: its stderr goes there, so a crash leaves its stack behind."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROTATE_BYTES = 5 * 1024 * 1024


def open_log(path: Path | None):
    """(file for the child's stderr, where this run starts in it); DEVNULL when unusable."""
    if path is None:
        return subprocess.DEVNULL, 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > ROTATE_BYTES:
            os.replace(path, path.with_suffix(".log.1"))
        fh = open(path, "ab")  # noqa: SIM115 - handed to the child, closed after
        return fh, fh.tell()
    except OSError:  # an unwritable log folder must not keep the engine from starting
        return subprocess.DEVNULL, 0


def log_tail(path: Path | None, offset: int, lines: int = 100) -> str:
    """The end of what one host process wrote after ``offset`` (its crash stack, if any)."""
    if path is None:
        return ""
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            text = fh.read()[-64 * 1024:].decode("utf-8", "replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])
