"""Load heavy native libraries without holding the GIL.

Python's import machinery calls dlopen() with the GIL held; for libtorch_cpu
(~400 MB of relocations and static initialisers) that froze the UI thread for
350 ms while a worker imported torch (measured).  A ctypes call releases the GIL,
so calling libc's dlopen() through ctypes first does the expensive part in the
background; the later ``import`` finds the library already loaded.
"""

from __future__ import annotations

import ctypes
import gc
import importlib.util
import os
import sys
import threading
from contextlib import contextmanager

_done: set[str] = set()
_lock = threading.Lock()
RTLD_NOW = 2

# The biggest shared objects behind each Python package, relative to its folder.
_LIBS = {
    "torch": ("lib/libc10.so", "lib/libtorch_cpu.so", "lib/libtorch.so", "lib/libtorch_python.so",
              "_C*.so"),
    "tokenizers": ("tokenizers*.so",),
    "safetensors": ("_safetensors_rust*.so",),
    "llama_cpp": ("lib/libggml-base.so", "lib/libggml-cpu.so", "lib/libggml.so", "lib/libllama.so"),
}


def _dlopen():
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None)
    fn = libc.dlopen
    fn.restype = ctypes.c_void_p
    fn.argtypes = [ctypes.c_char_p, ctypes.c_int]
    return fn


def preload(package: str) -> None:
    """dlopen ``package``'s big native libraries with the GIL released (Linux only)."""
    with _lock:
        if package in _done or package in sys.modules:
            _done.add(package)
            return
        _done.add(package)
    dlopen = _dlopen()
    if dlopen is None:
        return
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return
    if spec is None or not spec.submodule_search_locations:
        return
    root = next(iter(spec.submodule_search_locations))
    import glob

    for pattern in _LIBS.get(package, ()):
        for path in sorted(glob.glob(os.path.join(root, pattern))):
            dlopen(path.encode(), RTLD_NOW | os.RTLD_GLOBAL)  # a failure is harmless


def preload_torch_stack() -> None:
    for package in ("torch", "safetensors", "tokenizers"):
        preload(package)


@contextmanager
def paused_gc():
    """Keep the cyclic garbage collector off while a big library and model load.

    Importing torch/transformers creates millions of objects; each full
    collection then scans them all with the GIL held, which froze the UI
    thread for 100-250 ms several times per load (measured).  Afterwards the
    survivors are frozen (moved out of the collector's view, ``gc.freeze``), so
    later collections stay short; the cost is that cyclic garbage made during
    the load is never reclaimed, which is small next to the model itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
