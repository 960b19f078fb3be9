"""Read and write user text files (prompts, outputs) with clear errors."""

from __future__ import annotations

import stat
from pathlib import Path

from .atomic import atomic_write_text
from .jobs import UserError
from .messages import msg

MAX_TEXT_BYTES = 8 * 1024 * 1024


def read_text_file(path: str | Path, limit: int = MAX_TEXT_BYTES) -> str:
    """Return the text of a UTF-8 (or GB18030) file; UserError for binary/huge/missing."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        raise UserError(msg("text.missing", "Cannot open {name}: it does not exist.",
                            name=p.name or str(p))) from None
    if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block the read forever
        raise UserError(msg("text.not_regular", "Cannot open {name}: it is a folder, a pipe or "
                            "a device, not a text file.", name=p.name or str(p)))
    if st.st_size > limit:
        raise UserError(msg("text.too_large", "{name} is too large for a prompt ({mb} MB).",
                            name=p.name, mb=st.st_size // (1024 * 1024)))
    data = p.read_bytes()
    if b"\x00" in data[:8192]:
        raise UserError(msg("text.binary", "{name} looks like a binary file, not text.",
                            name=p.name))
    for encoding in ("utf-8-sig", "gb18030"):  # GB18030 covers older Chinese text files
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(msg("text.encoding", "{name} is not UTF-8 or GB18030 text.", name=p.name))


def write_text_file(path: str | Path, text: str) -> Path:
    p = Path(path)
    if not p.parent.is_dir():
        raise UserError(msg("text.no_folder", "Cannot save {name}: the folder {folder} does not "
                            "exist.", name=p.name, folder=str(p.parent)))
    return atomic_write_text(p, text, mkdir=False)  # never half a file under the user's name
