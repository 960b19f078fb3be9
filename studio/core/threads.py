"""Long-lived threads for library calls that run while a job streams their output.

torch's OpenMP thread team belongs to the thread that calls into torch: a new
thread per job builds a new team while the last one still spins, which cost
5-10% of generation speed on 2 cores (measured on the writing engine).  So each
engine runs its blocking library calls (``generate()``, a pipeline call) on one
thread of its own that lives as long as the process.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Callable
from typing import Any

_threads: dict[str, concurrent.futures.ThreadPoolExecutor] = {}
_lock = threading.Lock()


def run_on_library_thread(name: str, fn: Callable[..., Any], *args: Any
                          ) -> concurrent.futures.Future:
    """Run ``fn(*args)`` on the long-lived thread called ``name`` (one call at a time)."""
    with _lock:
        executor = _threads.get(name)
        if executor is None:
            executor = _threads[name] = concurrent.futures.ThreadPoolExecutor(
                1, thread_name_prefix=f"library-{name}")
    return executor.submit(fn, *args)
