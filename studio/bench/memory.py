"""Memory figures: what an engine host process holds (now and at its peak) and the window's own.

The host answers a StatsRequest with its resident memory, its high-water mark (VmHWM on
Linux) and, on a GPU, the most device memory torch held; ``host_memory`` asks and waits.
Qt-free: the UI benchmark calls it between measurements.
"""

from __future__ import annotations

import time

MB = 1024 * 1024


def _mb(n: int | None) -> float | None:
    return None if n is None else round(n / MB, 1)


def host_memory(host, timeout_s: float = 10.0) -> dict:
    """The engine host's memory now: RSS, peak RSS, device memory, its loaded models."""
    old = host.last_stats
    host.request_stats()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        stats = host.last_stats
        if stats is not None and stats is not old and stats.pid == host.pid:
            break
        time.sleep(0.02)
    else:
        return {"error": "the engine host did not answer"}
    out = {"rss_mb": _mb(stats.rss), "peak_rss_mb": _mb(stats.peak_rss),
           "models": {m.name: _mb(m.bytes) for m in stats.loaded}}
    if stats.device_bytes or stats.device_peak_bytes:
        out["device_mb"] = _mb(stats.device_bytes)
        out["device_peak_mb"] = _mb(stats.device_peak_bytes)
    if stats.budget_bytes:
        out["budget_mb"] = _mb(stats.budget_bytes)
    return out


def own_memory() -> dict:
    """This process's RSS now and at its peak."""
    from studio.core.devices import peak_resident_memory, resident_memory

    return {"rss_mb": _mb(resident_memory()), "peak_rss_mb": _mb(peak_resident_memory())}
