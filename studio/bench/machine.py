"""The machine, the versions and the date a benchmark ran on, printed with its figures.

Versions come from the installed distributions' metadata: nothing heavy is imported.
"""

from __future__ import annotations

import datetime
import platform
from importlib import metadata

# what the figures depend on, by distribution name (shown under a short name)
PACKAGES = (
    ("aigc-studio", "aigc-studio"), ("torch", "torch"), ("transformers", "transformers"),
    ("diffusers", "diffusers"), ("accelerate", "accelerate"),
    ("llama-cpp-python", "llama-cpp-python"), ("faster-whisper", "faster-whisper"),
    ("ctranslate2", "ctranslate2"), ("piper-tts", "piper-tts"), ("onnxruntime", "onnxruntime"),
    ("numpy", "numpy"), ("PySide6", "PySide6-Essentials"),
)


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def describe() -> dict:
    """Date, OS, CPU, cores, RAM, accelerators and the versions of the libraries used."""
    from studio.core import devices

    hw = devices.probe()
    gpus = [f"{a.name} ({devices.format_bytes(a.memory_bytes)})" if a.memory_bytes else a.name
            for a in hw.accelerators]
    versions = {name: _version(dist) for name, dist in PACKAGES}
    if versions["PySide6"] is None:
        versions["PySide6"] = _version("PySide6")
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "os": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "cpu": hw.cpu_name,
        "cores": f"{devices.physical_cores()} physical, {hw.cpu_cores} logical",
        "ram": devices.format_bytes(hw.ram_bytes),
        "gpu": ", ".join(gpus) or "none",
        "python": platform.python_version(),
        "versions": {k: v for k, v in versions.items() if v is not None},
    }
