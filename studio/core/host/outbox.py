"""How the host sends job events: streamed output in small batches, everything else at once.

Each message wakes a thread on both sides; on a 2-core machine where a model
runs two threads, a token a message cost ~5% of llama.cpp's speed (measured).
So output events (tokens, previews, segments, audio) that come sooner than
``BATCH_S`` after the last message wait, and go together with whatever else
arrives within that time: never later than ``BATCH_S``, and an event after a
quiet spell still goes at once.  Any other event (progress, notices, the
job's end) flushes what is waiting first, so each job's events stay in order.
If the process dies, output made in its last ``BATCH_S`` may never reach the
window; everything the window did receive is kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ..jobs import OUTPUTS
from .protocol import JobEvents

BATCH_S = 0.02  # well under the window's 40 ms repaint of streamed text


class Outbox:
    def __init__(self, send: Callable[[object], None]) -> None:
        self._send = send
        self._wake = threading.Condition()
        self._pending: list[tuple[int, object]] = []
        self._last = 0.0
        threading.Thread(target=self._flusher, name="host-outbox", daemon=True).start()

    def put(self, job: int, event: object) -> None:
        with self._wake:
            first = not self._pending
            self._pending.append((job, event))
            if not isinstance(event, OUTPUTS) or time.monotonic() - self._last >= BATCH_S:
                self._flush()  # sending under the lock keeps every job's events in order
            elif first:  # the flusher sleeps until something waits; later ones join the batch
                self._wake.notify()

    def _flush(self) -> None:
        items, self._pending = tuple(self._pending), []
        self._last = time.monotonic()
        if items:
            self._send(JobEvents(items))

    def _flusher(self) -> None:
        with self._wake:
            while True:
                self._wake.wait_for(lambda: self._pending)
                delay = self._last + BATCH_S - time.monotonic()
                if delay > 0:
                    self._wake.wait(delay)  # more arrive meanwhile; put() does not wake us
                if self._pending:
                    self._flush()
