"""A crash-safe 16-bit WAV writer and the repair of a WAV left unfinished.

The recorder appends samples as they arrive and rewrites the two size fields
of the header every flush, so the file on disk is a valid WAV up to the last
flush at any moment.  After a crash, SIGKILL or power loss, ``repair`` sets
the sizes from the file's length, which recovers every whole frame that
reached the disk.  Plain ``os`` calls: errors are ``OSError`` with an errno
(ENOSPC for a full disk), nothing is buffered behind our back.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np

HEADER_BYTES = 44
SAMPLE_BYTES = 2  # PCM_16


def _header(rate: int, channels: int, data_bytes: int) -> bytes:
    block_align = channels * SAMPLE_BYTES
    return (b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
            + b"fmt " + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * block_align,
                                    block_align, 8 * SAMPLE_BYTES)
            + b"data" + struct.pack("<I", data_bytes))


def to_pcm16(block: np.ndarray) -> bytes:
    data = np.clip(np.asarray(block, dtype=np.float32), -1.0, 1.0)
    return (data * 32767.0).round().astype("<i2").tobytes()


class WavWriter:
    """Append float blocks to a 16-bit WAV; ``flush(sync=True)`` makes it durable."""

    def __init__(self, path: Path, rate: int, channels: int) -> None:
        self.path = Path(path)
        self.rate, self.channels = int(rate), int(channels)
        self.frames = 0
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            os.write(self.fd, _header(self.rate, self.channels, 0))
        except BaseException:
            os.close(self.fd)
            raise

    def write(self, block: np.ndarray) -> None:
        data = to_pcm16(block)
        view = memoryview(data)
        while view:  # os.write may write less than asked
            n = os.write(self.fd, view)
            view = view[n:]
        self.frames += len(data) // (self.channels * SAMPLE_BYTES)

    def flush(self, sync: bool = False) -> None:
        data_bytes = self.frames * self.channels * SAMPLE_BYTES
        os.pwrite(self.fd, struct.pack("<I", 36 + data_bytes), 4)
        os.pwrite(self.fd, struct.pack("<I", data_bytes), 40)
        if sync:
            os.fsync(self.fd)

    def close(self) -> None:
        if self.fd < 0:
            return
        try:
            self.flush(sync=True)
        finally:
            os.close(self.fd)
            self.fd = -1


def repair(path: Path) -> tuple[int, int, int]:
    """Fix the size fields of a WAV written by WavWriter; returns (frames, rate, channels).

    A trailing partial frame (the last write cut in the middle) is cut off.
    Raises ValueError when the file is not such a WAV.
    """
    with open(path, "r+b") as f:
        head = f.read(HEADER_BYTES)
        if len(head) < HEADER_BYTES or head[:4] != b"RIFF" or head[8:16] != b"WAVE" + b"fmt ":
            raise ValueError(f"{path.name} is not a WAV file this app wrote")
        _, fmt, channels, rate, _, block_align, bits = struct.unpack("<IHHIIHH", head[16:36])
        if fmt != 1 or bits != 8 * SAMPLE_BYTES or head[36:40] != b"data" or not channels:
            raise ValueError(f"{path.name} is not a 16-bit PCM WAV")
        size = f.seek(0, os.SEEK_END)
        frames = max(0, size - HEADER_BYTES) // block_align
        data_bytes = frames * block_align
        f.truncate(HEADER_BYTES + data_bytes)
        f.seek(4)
        f.write(struct.pack("<I", 36 + data_bytes))
        f.seek(40)
        f.write(struct.pack("<I", data_bytes))
        f.flush()
        os.fsync(f.fileno())
    return frames, rate, channels
