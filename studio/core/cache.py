"""Loaded-model cache: one entry per (model, device, dtype, ...) key, LRU under a budget.

Loading is the slow part of every job (seconds), so engines ask the cache
first.  The lock is held per key while loading, so two jobs asking for the same
model load it once; different keys load concurrently.  A job holds its model
with ``use()``: a model in use is never evicted, only idle ones are, least
recently used first, and an eviction gives the memory back to the system.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .devices import empty_cache, format_bytes
from .jobs import UserError
from .messages import msg

log = logging.getLogger(__name__)


@dataclass
class _Entry:
    value: Any
    size: int
    users: int = 0  # jobs holding it right now (never evicted while > 0)


@dataclass(frozen=True)
class LoadedModel:
    """One loaded model as the status bar lists it."""

    name: str  # backend and model file ("llama.cpp: x.gguf")
    bytes: int  # memory it holds, as measured after loading (0 if unknown)
    in_use: bool  # a running job holds it (it cannot be unloaded now)


def describe_key(key) -> str:
    """A cache key as people read it: backend and model file (a hub snapshot: its repo id)."""
    if isinstance(key, tuple) and len(key) >= 2:
        path = str(key[1]).rstrip("/\\")
        parts = path.replace("\\", "/").split("/")
        if "snapshots" in parts[1:]:  # <cache>/models--owner--name/snapshots/<commit>[/file]
            at = len(parts) - 1 - parts[::-1].index("snapshots")
            repo = parts[at - 1]
            if repo.startswith("models--") and at + 1 < len(parts):
                name = repo[len("models--"):].replace("--", "/", 1)
                rest = parts[at + 2:]
                return f"{key[0]}: {'/'.join([name, *rest[-1:]])}"
        return f"{key[0]}: {os.path.basename(path)}"
    return str(key)


class ModelCache:
    def __init__(self, budget_bytes: int | None = None) -> None:
        self.budget_bytes = budget_bytes
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._key_locks: dict[Hashable, threading.Lock] = {}
        self.loads = 0  # how many times a loader really ran (tests and bench read it)

    @contextmanager
    def use(self, key: Hashable, loader: Callable[[], Any],
            size: Callable[[Any], int] | None = None,
            estimate: int | None = None) -> Iterator[Any]:
        """Hold the model for ``key`` (loading it if needed) for the length of a job."""
        value = self._acquire(key, loader, size, estimate, hold=True)
        try:
            yield value
        finally:
            with self._lock:
                entry = self._entries.get(key)
                if entry is not None and entry.value is value:
                    entry.users -= 1
                evicted = self._evict(keep=None)
            if evicted:
                release_memory()

    def get(self, key: Hashable, loader: Callable[[], Any],
            size: Callable[[Any], int] | None = None, estimate: int | None = None):
        """The cached value for ``key``, loaded if needed, without holding it."""
        return self._acquire(key, loader, size, estimate, hold=False)

    def _acquire(self, key, loader, size, estimate, hold: bool):
        """Return the value for ``key`` or load it with ``loader()``.

        ``estimate`` (bytes the new value will take) lets the budget be kept
        before loading: idle entries are dropped, least recently used first,
        until the new one fits, so an idle model is freed before the next one
        loads.  After the load, ``size(value)`` is checked against the budget again.
        """
        with self._lock:
            value = self._hit(key, hold)
            if value is not _MISS:
                return value
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                value = self._hit(key, hold)
                if value is not _MISS:
                    return value
                budget = self.budget_bytes
            if budget is not None and estimate and estimate > budget:
                # Refused before anything is read: it could only end in swapping or an OOM kill.
                raise UserError(msg(
                    "cache.too_big", "{name} needs about {size} of memory, more than the whole "
                    "memory budget ({budget}). Raise the memory budget in the settings, or "
                    "choose a smaller model (or a smaller quantisation of it).",
                    name=describe_key(key), size=format_bytes(estimate),
                    budget=format_bytes(budget)))
            with self._lock:
                evicted = self._evict(keep=key, extra=estimate or 0) if estimate else False
            if evicted:
                release_memory()
            value = loader()
            nbytes = size(value) if size else 0
            with self._lock:
                self.loads += 1
                self._entries[key] = _Entry(value, nbytes, users=1 if hold else 0)
                evicted = self._evict(keep=key)
            if evicted:
                release_memory()
            return value

    def _hit(self, key: Hashable, hold: bool):
        entry = self._entries.get(key)
        if entry is None:
            return _MISS
        self._entries.move_to_end(key)
        if hold:
            entry.users += 1
        return entry.value

    def _evict(self, keep: Hashable | None, extra: int = 0) -> bool:
        """Drop idle LRU entries (never ``keep``) until the rest and ``extra`` fit; lock held."""
        if self.budget_bytes is None:
            return False
        evicted = False
        while sum(e.size for e in self._entries.values()) + extra > self.budget_bytes:
            victim = next((k for k, e in self._entries.items() if k != keep and e.users == 0),
                          None)
            if victim is None:  # everything left is in use: over budget until a job ends
                log.info("memory budget exceeded by models in use")
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

    def in_use(self) -> list[Hashable]:
        with self._lock:
            return [k for k, e in self._entries.items() if e.users]

    def loaded(self) -> list[LoadedModel]:
        """What is loaded, least recently used first, with its memory and whether it is held."""
        with self._lock:
            return [LoadedModel(describe_key(k), e.size, e.users > 0)
                    for k, e in self._entries.items()]

    def clear(self) -> int:
        """Drop every idle model (models in use stay); returns how many were dropped."""
        with self._lock:
            idle = [k for k, e in self._entries.items() if e.users == 0]
            for key in idle:
                del self._entries[key]
        if idle:
            release_memory()
        return len(idle)


_MISS = object()


def _malloc_trim() -> None:
    """Hand freed heap pages back to the OS (glibc keeps them otherwise)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # musl and others: nothing to do
        pass


def release_memory() -> None:
    """Give the memory of dropped models back: collect cycles, empty GPU caches, trim the heap."""
    gc.collect()
    empty_cache()
    _malloc_trim()


def torch_module_size(model: Any) -> int:
    """Bytes held by a torch module's parameters and buffers."""
    total = 0
    for t in list(model.parameters()) + list(model.buffers()):
        total += t.numel() * t.element_size()
    return total


# One cache per process, shared by every engine (the CLI and the engine host alike).
shared_cache = ModelCache()
