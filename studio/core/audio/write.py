"""Save audio as WAV, FLAC, OGG (Vorbis) or MP3 through soundfile, never leaving half a file.

The file is written to a temporary file beside the target and renamed over it
at the end.  libsndfile writes through a Python file object here (virtual I/O)
so that a failing write(2) surfaces as the real OSError (ENOSPC, EROFS...):
writing by path, libsndfile reports only "System error.".
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

import numpy as np

from ..jobs import UserError
from ..messages import msg

# format -> default subtype; the order is the order offered to users
DEFAULT_SUBTYPE = {"WAV": "PCM_16", "FLAC": "PCM_16", "OGG": "VORBIS", "MP3": "MPEG_LAYER_III"}
FORMATS = {".wav": "WAV", ".wave": "WAV", ".flac": "FLAC", ".ogg": "OGG", ".oga": "OGG",
           ".mp3": "MP3"}   # suffix -> libsndfile format
MP3_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)

_UMASK = os.umask(0o022)   # new files get the usual permissions (mkstemp's are private)
os.umask(_UMASK)
_os_write = os.write       # the one low-level write (tests replace it to simulate a full disk)


def writable_formats() -> tuple[str, ...]:
    """The formats this system's libsndfile can write, e.g. ("WAV", "FLAC", "OGG", "MP3")."""
    import soundfile as sf

    available = sf.available_formats()
    return tuple(f for f, sub in DEFAULT_SUBTYPE.items()
                 if f in available and sub in sf.available_subtypes(f))


def check_writable(path: str | os.PathLike, format: str | None = None) -> str:
    """The libsndfile format ``path`` will be written in; UserError if this system cannot.

    Callers check before work that ends in a save (a recording, a long synthesis).
    """
    name = Path(path).name
    fmt = (format or FORMATS.get(Path(path).suffix.lower(), "")).upper()
    if fmt not in DEFAULT_SUBTYPE:
        raise UserError(msg("audio.write.unknown_format", "Cannot save {name}: choose a file "
                            "ending in .wav, .flac, .ogg or .mp3.", name=name))
    usable = writable_formats()
    if fmt not in usable:
        raise UserError(msg("audio.write.unavailable", "Cannot save {name}: this system's "
                            "libsndfile cannot write {format}; choose one of {choices}.", name=name,
                            format=fmt, choices=", ".join(usable)))
    return fmt


def write(path: str | os.PathLike, samples: np.ndarray, sample_rate: int, *,
          format: str | None = None, subtype: str | None = None) -> Path:
    """Save ``samples`` ((frames,) or (frames, channels); float32/64 or int16/32) atomically.

    ``format`` defaults to the one the suffix names; floats are clipped to [-1, 1].
    """
    import soundfile as sf

    p = Path(path)
    name = p.name
    fmt = check_writable(p, format)
    data = _prepare(samples)
    channels = data.shape[1]
    if not len(data):
        raise UserError(msg("audio.write.empty", "Cannot save {name}: there is no audio to "
                            "save.", name=name))
    if fmt == "MP3" and (channels > 2 or sample_rate not in MP3_RATES):
        raise UserError(msg("audio.write.mp3_limits", "Cannot save {name} as MP3: MP3 holds one "
                            "or two channels at the usual rates (8000 to 48000 Hz), this audio "
                            "has {channels} channels at {rate} Hz; choose WAV or FLAC.",
                            name=name, channels=channels, rate=sample_rate))
    subtype = subtype or DEFAULT_SUBTYPE[fmt]
    if not sf.check_format(fmt, subtype):
        raise ValueError(f"{fmt} files cannot hold {subtype} samples")
    if not p.parent.is_dir():
        raise UserError(msg("audio.write.no_folder", "Cannot save {name}: the folder {folder} "
                            "does not exist.", name=name, folder=str(p.parent)))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=p.parent)
    except OSError as exc:
        raise _save_error(name, exc) from None
    guard = _File(fd)
    try:
        try:
            with sf.SoundFile(guard, "w", sample_rate, channels, subtype, format=fmt) as out:
                out.write(data)
        except Exception as exc:   # a failed write shows as LibsndfileError or AssertionError
            if guard.error is None and isinstance(exc, sf.LibsndfileError):
                raise UserError(msg("audio.write.failed", "Cannot save {name}: {reason}",
                                    name=name, reason=str(exc))) from None
            if guard.error is None:
                raise
        if guard.error is not None:   # a short write libsndfile may not have reported
            raise _save_error(name, guard.error) from None
        try:
            os.fsync(fd)
            os.fchmod(fd, _mode(p))
            os.close(guard.detach())
            os.replace(tmp, p)
        except OSError as exc:
            raise _save_error(name, exc) from None
    except BaseException:
        guard.close()
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return p


def _prepare(samples: np.ndarray) -> np.ndarray:
    """(frames, channels) in a dtype libsndfile takes; floats clipped, NaN made silent."""
    a = np.asarray(samples)
    if a.ndim == 1:
        a = a[:, None]
    if a.ndim != 2 or a.shape[1] < 1:
        raise ValueError(f"samples must be (frames,) or (frames, channels), not {a.shape}")
    if a.dtype in (np.int16, np.int32):
        return np.ascontiguousarray(a)
    if a.dtype.kind != "f":
        raise TypeError(f"samples must be float32/float64 or int16/int32, not {a.dtype}")
    a = np.nan_to_num(a.astype(np.float32), nan=0.0, posinf=1.0, neginf=-1.0)
    return np.clip(a, -1.0, 1.0, out=a)


def _mode(target: Path) -> int:
    try:   # keep the permissions of a file it replaces
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_UMASK


def _save_error(name: str, exc: OSError) -> UserError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(msg("audio.write.disk_full", "Cannot save {name}: the disk is full.",
                             name=name))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(msg("audio.write.permission", "Cannot save {name}: the folder is "
                             "read-only or you may not write there.", name=name))
    return UserError(msg("audio.write.os_error", "Cannot save {name}: {reason}.", name=name,
                         reason=exc.strerror or str(exc)))


class _File:
    """A raw file for libsndfile's virtual I/O; records the first OSError instead of raising
    (an exception inside a cffi callback would only be printed, and libsndfile sees 0 bytes)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.error: OSError | None = None

    def write(self, data) -> int:
        if self.error is not None:
            return 0
        view = memoryview(data)
        done = 0
        try:
            while done < len(view):
                done += _os_write(self.fd, view[done:])
        except OSError as exc:
            self.error = exc
        return done

    def readinto(self, buffer) -> int:
        try:
            return os.readv(self.fd, [buffer])
        except OSError as exc:
            self.error = self.error or exc
            return 0

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        try:
            return os.lseek(self.fd, offset, whence)
        except OSError as exc:
            self.error = self.error or exc
            return -1

    def tell(self) -> int:
        return self.seek(0, os.SEEK_CUR)

    def detach(self) -> int:
        fd, self.fd = self.fd, -1
        return fd

    def close(self) -> None:
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.detach())
