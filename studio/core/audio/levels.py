"""Signal levels in dBFS (0 dB = full scale) for meters."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FLOOR_DB = -100.0  # digital silence reads as this, not -inf (meters and JSON need a number)


@dataclass(frozen=True)
class Level:
    rms_db: float = FLOOR_DB
    peak_db: float = FLOOR_DB


def to_db(amplitude: float) -> float:
    if amplitude <= 0 or not math.isfinite(amplitude):
        return FLOOR_DB
    return max(FLOOR_DB, 20.0 * math.log10(amplitude))


def level(block: np.ndarray) -> Level:
    """RMS and peak of a block of float samples in [-1, 1] (any shape)."""
    if block.size == 0:
        return Level()
    data = np.asarray(block, dtype=np.float32)
    peak = float(np.max(np.abs(data)))
    rms = float(np.sqrt(np.mean(np.square(data, dtype=np.float64))))
    return Level(rms_db=to_db(rms), peak_db=to_db(peak))
