"""Waveform peaks (min/max per pixel column) for the waveform widget; run it off the UI thread.

Bucket ``i`` of ``n`` frames covers frames ``[i*n//buckets, (i+1)*n//buckets)``, all channels
together; when there are fewer frames than buckets, an empty bucket shows the frame it starts on.
"""

from __future__ import annotations

import os

import numpy as np

from ..jobs import JobCancelled
from .decode import blocks, info

PEAK_BLOCK_S = 5.0   # small blocks: a cancel is noticed within a few milliseconds
HOPS_PER_BUCKET = 4  # resolution kept while the length is only estimated


def peaks(samples: np.ndarray, buckets: int) -> np.ndarray:
    """float32 (buckets, 2): min and max of each bucket of ``samples`` ((frames[, channels]))."""
    lo, hi = _envelope(np.asarray(samples))
    out = np.zeros((buckets, 2), np.float32)
    if buckets > 0 and len(lo):
        starts = _starts(len(lo), buckets)
        out[:, 0] = np.minimum.reduceat(lo, starts)
        out[:, 1] = np.maximum.reduceat(hi, starts)
    return out


def file_peaks(path: str | os.PathLike, buckets: int, *, cancel=None
               ) -> tuple[np.ndarray, float]:
    """(peaks of the whole file, its duration in seconds), decoded block by block.

    Exactly ``peaks(read(path)[0], buckets)`` when the decoder knows the length up front
    (WAV, FLAC, AIFF, Ogg); otherwise (MP3, M4A, video) computed at a finer resolution over the
    estimated length and reduced once the real length is known.  ``cancel.cancelled`` is
    checked between blocks; a cancel raises ``JobCancelled``.
    """
    meta = info(path)
    sr = meta.sample_rate
    acc = _Exact(meta.frames, buckets) if meta.exact else _Hops(meta.frames, buckets, sr)
    for block in blocks(path, block_s=PEAK_BLOCK_S):
        if cancel is not None and cancel.cancelled:
            raise JobCancelled()
        acc.add(*_envelope(block))
    if cancel is not None and cancel.cancelled:
        raise JobCancelled()
    return acc.result(), acc.total / sr


def _envelope(samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-frame min and max across channels."""
    if samples.ndim == 1:
        return samples, samples
    return samples.min(axis=1), samples.max(axis=1)


def _starts(frames: int, buckets: int) -> np.ndarray:
    return (np.arange(buckets, dtype=np.int64) * frames) // buckets


class _Exact:
    """Peaks over a known length, merged block by block into the same buckets as ``peaks``."""

    def __init__(self, frames: int, buckets: int) -> None:
        self.frames, self.buckets, self.total = frames, buckets, 0
        self.starts = _starts(frames, buckets)
        # bucket i reduces frames [starts[i], ends[i]); an empty one its first frame
        self.ends = np.maximum(np.append(self.starts[1:], frames), self.starts + 1)
        self.lo = np.full(buckets, np.inf, np.float32)
        self.hi = np.full(buckets, -np.inf, np.float32)

    def add(self, lo: np.ndarray, hi: np.ndarray) -> None:
        off, n = self.total, len(lo)
        self.total += n
        if not n or not self.buckets:
            return
        inside = max(0, min(n, self.frames - off))
        if inside < n:   # more frames than announced: they join the last bucket
            self.lo[-1] = min(self.lo[-1], lo[inside:].min())
            self.hi[-1] = max(self.hi[-1], hi[inside:].max())
        if not inside:
            return
        first = int(np.searchsorted(self.ends, off, side="right"))
        last = int(np.searchsorted(self.starts, off + inside, side="left"))
        local = np.maximum(self.starts[first:last] - off, 0)
        span = slice(first, last)
        self.lo[span] = np.minimum(self.lo[span], np.minimum.reduceat(lo[:inside], local))
        self.hi[span] = np.maximum(self.hi[span], np.maximum.reduceat(hi[:inside], local))

    def result(self) -> np.ndarray:
        out = np.stack([self.lo, self.hi], axis=1)
        if self.total == 0:
            return np.zeros((self.buckets, 2), np.float32)
        filled = int(np.searchsorted(self.starts, self.total, side="left"))
        if filled < self.buckets:   # the file ended early (damaged): stretch what there is
            out = out[(np.arange(self.buckets) * filled) // self.buckets]
        return out


class _Hops:
    """Peaks over fixed hops of frames, reduced to buckets at the end (when the length is known)."""

    def __init__(self, estimate: int, buckets: int, sample_rate: int) -> None:
        self.buckets, self.total = buckets, 0
        wanted = max(1, buckets * HOPS_PER_BUCKET)
        self.hop = max(1, estimate // wanted) if estimate > 0 else max(1, sample_rate // 100)
        self.lo: list[np.ndarray] = []
        self.hi: list[np.ndarray] = []

    def add(self, lo: np.ndarray, hi: np.ndarray) -> None:
        off, n = self.total, len(lo)
        self.total += n
        if not n:
            return
        cut = (-off) % self.hop   # frames that finish the previous, partial hop
        if cut and self.lo:
            self.lo[-1][-1] = min(self.lo[-1][-1], lo[:cut].min())
            self.hi[-1][-1] = max(self.hi[-1][-1], hi[:cut].max())
        starts = np.arange(min(cut, n) if self.lo else 0, n, self.hop)
        if len(starts):
            self.lo.append(np.minimum.reduceat(lo, starts))
            self.hi.append(np.maximum.reduceat(hi, starts))

    def result(self) -> np.ndarray:
        if not self.lo:
            return np.zeros((self.buckets, 2), np.float32)
        lo, hi = np.concatenate(self.lo), np.concatenate(self.hi)
        return np.stack([peaks(lo, self.buckets)[:, 0], peaks(hi, self.buckets)[:, 1]], axis=1)
