"""What the window and the engine host say to each other over their connection.

Requests go in, events come out, each a small frozen dataclass pickled with
protocol 5.  Large buffers (numpy audio, image arrays) travel out of band: the
pickle holds a reference and the buffer is written to the socket straight from
the array's memory, so a payload is copied once, by the kernel, not pickled
into a second large bytes object first.
"""

from __future__ import annotations

import pickle
import struct
import threading
from dataclasses import dataclass
from typing import Any

from ..cache import LoadedModel
from ..hub import HubConfig

# ---- window -> host --------------------------------------------------------------------


@dataclass(frozen=True)
class Submit:
    job: int
    task: str
    request: Any


@dataclass(frozen=True)
class Cancel:
    job: int


@dataclass(frozen=True)
class Configure:
    memory_budget_bytes: int | None  # None: no limit
    hub: HubConfig | None = None  # model cache folder, mirror, opt-ins (None: leave as is)


@dataclass(frozen=True)
class Unload:
    """Drop every loaded model that no job is using."""


@dataclass(frozen=True)
class StatsRequest:
    pass


@dataclass(frozen=True)
class Stop:
    """Cancel everything and exit."""


# ---- host -> window --------------------------------------------------------------------


@dataclass(frozen=True)
class JobEvents:
    """(job, event) pairs, studio.core.jobs events in the order they happened (outbox.py)."""

    items: tuple[tuple[int, Any], ...]


@dataclass(frozen=True)
class Stats:
    pid: int
    rss: int | None  # resident memory of the host, bytes
    device_bytes: int  # GPU memory it holds
    models: tuple[str, ...]  # loaded models, most recently used last
    in_use: tuple[str, ...]  # loaded models a running job holds
    loaded: tuple[LoadedModel, ...] = ()  # the same with each one's memory, LRU first
    budget_bytes: int | None = None  # the memory budget the host keeps (None: no limit)
    peak_rss: int | None = None  # the most resident memory the host has held so far, bytes
    device_peak_bytes: int = 0  # the most GPU memory it has held at once


@dataclass(frozen=True)
class Unloaded:
    dropped: int  # models freed
    rss_before: int | None
    rss_after: int | None
    in_use: int  # models kept because a job holds them


# ---- framing -----------------------------------------------------------------------------

_COUNT = struct.Struct("<I")


def send(conn, obj: Any, lock: threading.Lock) -> None:
    """Pickle ``obj`` and write it, with its out-of-band buffers, as one message."""
    buffers: list[pickle.PickleBuffer] = []
    payload = pickle.dumps(obj, protocol=5, buffer_callback=buffers.append)
    with lock:  # the parts of one message must not interleave with another thread's
        conn.send_bytes(_COUNT.pack(len(buffers)) + payload)
        for buffer in buffers:
            conn.send_bytes(buffer.raw())


def recv(conn) -> Any:
    """Read one message written by ``send`` (raises EOFError when the other side is gone)."""
    head = conn.recv_bytes()
    (count,) = _COUNT.unpack_from(head)
    buffers = [conn.recv_bytes() for _ in range(count)]
    return pickle.loads(memoryview(head)[_COUNT.size:], buffers=buffers)
