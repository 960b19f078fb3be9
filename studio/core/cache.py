"""Loaded-model cache: one entry per (model, device, dtype, ...) key, LRU under a budget.

Loading is the slow part of every job (seconds), so engines ask the cache
first.  The lock is held per key while loading so two jobs asking for the same
model load it once; different keys load concurrently.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from .devices import empty_cache


@dataclass
class _Entry:
    value: Any
    size: int


class ModelCache:
    def __init__(self, budget_bytes: int | None = None) -> None:
        self.budget_bytes = budget_bytes
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._key_locks: dict[Hashable, threading.Lock] = {}
        self.loads = 0  # how many times a loader really ran (tests and bench read it)

    def get(
        self,
        key: Hashable,
        loader: Callable[[], Any],
        size: Callable[[Any], int] | None = None,
        estimate: int | None = None,
    ):
        """Return the cached value for ``key`` or load it with ``loader()``.

        ``estimate`` (bytes the new value will take) lets the budget be kept
        before loading: least recently used entries are dropped until the new
        one fits, so an idle model is freed before the next one loads.  After the
        load, ``size(value)`` is checked against the budget again.
        """
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                return entry.value
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                entry = self._entries.get(key)
                if entry is not None:
                    self._entries.move_to_end(key)
                    return entry.value
                evicted = self._evict(keep=key, extra=estimate) if estimate else False
            if evicted:
                _release()
            value = loader()
            nbytes = size(value) if size else 0
            with self._lock:
                self.loads += 1
                self._entries[key] = _Entry(value, nbytes)
                evicted = self._evict(keep=key)
            if evicted:
                _release()
            return value

    def _evict(self, keep: Hashable, extra: int = 0) -> bool:
        """Drop LRU entries (never ``keep``) until they and ``extra`` fit; lock held."""
        if self.budget_bytes is None:
            return False
        evicted = False
        while sum(e.size for e in self._entries.values()) + extra > self.budget_bytes:
            victim = next((k for k in self._entries if k != keep), None)
            if victim is None:
                break
            del self._entries[victim]
            evicted = True
        return evicted

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._entries

    def keys(self) -> list[Hashable]:
        with self._lock:
            return list(self._entries)

    def drop(self, key: Hashable) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
        _release()


def _release() -> None:
    """Give the memory of evicted models back.

    Loads freeze their objects out of the collector's view (preload.paused_gc);
    unfreezing and collecting once here frees whatever cycles an evicted model
    was part of.  Evictions are rare, so the one full collection is affordable.
    """
    gc.unfreeze()
    gc.collect()
    empty_cache()


def torch_module_size(model: Any) -> int:
    """Bytes held by a torch module's parameters and buffers."""
    total = 0
    for t in list(model.parameters()) + list(model.buffers()):
        total += t.numel() * t.element_size()
    return total


# One cache per process, shared by every engine (the CLI and the app alike).
shared_cache = ModelCache()
