"""Write files so that a crash, a kill or a full disk never leaves half a file behind.

The new content goes to a temporary file beside the target, is flushed to the
disk, and then renamed over the target in one step: readers see the old file
or the new one, never a mix.  On any error the temporary file is removed and
the old file stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

# mkstemp makes private files; new files get the usual permissions instead (read once, at import:
# os.umask can only be read by setting it).
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def atomic_write_bytes(path: str | os.PathLike, data: bytes, mkdir: bool = True) -> Path:
    target = Path(path)
    if mkdir:
        target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:  # keep the permissions of the file it replaces
            mode = target.stat().st_mode & 0o777
        except OSError:
            mode = 0o666 & ~_UMASK
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


def atomic_write_text(path: str | os.PathLike, text: str, mkdir: bool = True) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), mkdir=mkdir)
