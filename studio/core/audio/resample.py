"""Sample-rate conversion with soxr, for whole arrays and for streams of blocks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np


def resample(samples: np.ndarray, from_sr: int, to_sr: int, *, quality: str = "HQ") -> np.ndarray:
    """``samples`` ((frames,) or (frames, channels)) at ``to_sr``, float32, same layout."""
    x = np.asarray(samples, dtype=np.float32)
    if from_sr == to_sr or len(x) == 0:
        return x.copy()
    import soxr

    return np.asarray(soxr.resample(x, from_sr, to_sr, quality=quality), dtype=np.float32)


def resample_stream(chunks: Iterable[np.ndarray], from_sr: int, to_sr: int, channels: int,
                    *, quality: str = "HQ") -> Iterator[np.ndarray]:
    """Resample consecutive chunks as one signal (no clicks or gaps at block boundaries).

    ``channels`` is 1 for 1-D chunks.  The resampler's delay means the first
    outputs are shorter and the last one (the flush) may be short or skipped.
    """
    if from_sr == to_sr:
        yield from chunks
        return
    import soxr

    stream = soxr.ResampleStream(from_sr, to_sr, channels, dtype="float32", quality=quality)
    shape: tuple[int, ...] | None = None
    for chunk in chunks:
        shape = chunk.shape[1:]
        out = stream.resample_chunk(np.ascontiguousarray(chunk, dtype=np.float32))
        if len(out):
            yield out
    if shape is not None:
        tail = stream.resample_chunk(np.zeros((0, *shape), np.float32), last=True)
        if len(tail):
            yield tail
