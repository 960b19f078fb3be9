"""The one place that decides which device and dtype a job runs on.

Nothing here imports torch at module import: ``probe()`` does, and the UI
calls it from a worker thread.  ``resolve_device``/``resolve_dtype`` are
called by engines, which import torch anyway.
"""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass, field

from .messages import msg

DEVICES = ("auto", "cpu", "cuda", "mps")
DTYPES = ("auto", "float32", "float16", "bfloat16")


@dataclass(frozen=True)
class Accelerator:
    device: str  # "cuda:0", "mps"
    name: str
    memory_bytes: int | None = None


@dataclass(frozen=True)
class Hardware:
    cpu_name: str
    cpu_cores: int
    ram_bytes: int | None
    accelerators: tuple[Accelerator, ...] = field(default_factory=tuple)

    @property
    def devices(self) -> tuple[str, ...]:
        """Device choices this machine really offers (for the settings panel)."""
        kinds = ["auto", "cpu"]
        for acc in self.accelerators:
            kind = acc.device.split(":")[0]
            if kind not in kinds:
                kinds.append(kind)
        return tuple(kinds)

    def describe(self, device: str) -> str:
        if device in ("cpu",):
            return f"{self.cpu_name} ({self.cpu_cores} cores)"
        for acc in self.accelerators:
            if acc.device.split(":")[0] == device:
                return acc.name
        if device == "auto":
            return self.describe(best_device(self))
        return device


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "CPU"


def ram_bytes() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def _torch_build_has_cuda() -> bool:
    """Read torch's build info without importing torch (the import costs seconds)."""
    import importlib.util

    spec = importlib.util.find_spec("torch")
    if spec is None or not spec.submodule_search_locations:
        return False
    version_py = os.path.join(list(spec.submodule_search_locations)[0], "version.py")
    try:
        with open(version_py, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("cuda"):
                    return "None" not in line.split("=", 1)[1]
    except OSError:
        pass
    return False


def _nvidia_gpus() -> list[Accelerator]:
    import shutil
    import subprocess

    exe = shutil.which("nvidia-smi")
    if exe is None:
        return []
    try:
        out = subprocess.run(
            [exe, "--query-gpu=name,memory.total", "--format=csv,noheader,nounits"],
            capture_output=True, text=True, timeout=5, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    gpus = []
    for i, line in enumerate(row for row in out.splitlines() if row.strip()):
        name, _, mem = line.rpartition(",")
        try:
            mem_bytes = int(float(mem)) * 1024 * 1024
        except ValueError:
            name, mem_bytes = line, None
        gpus.append(Accelerator(f"cuda:{i}", name.strip() or line.strip(), mem_bytes))
    return gpus


def probe() -> Hardware:
    """Detect CPU, RAM and accelerators usable by this torch build, without importing torch.

    Runs a subprocess (nvidia-smi), so call it off the UI thread.
    """
    accs: list[Accelerator] = []
    if _torch_build_has_cuda():
        accs.extend(_nvidia_gpus())
    if sys.platform == "darwin" and platform.machine() == "arm64":
        accs.append(Accelerator("mps", "Apple Silicon GPU (Metal)"))
    return Hardware(cpu_name(), os.cpu_count() or 1, ram_bytes(), tuple(accs))


def cpu_only() -> Hardware:
    """What we know without importing torch (shown until ``probe`` finishes)."""
    return Hardware(cpu_name(), os.cpu_count() or 1, ram_bytes())


def physical_cores() -> int:
    """Physical cores usable by this process (llama.cpp is slower on hyper-threads)."""
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 1
    cores: set[tuple[str, str]] = set()
    try:
        phys = core = ""
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                key = key.strip()
                if key == "physical id":
                    phys = value.strip()
                elif key == "core id":
                    core = value.strip()
                    cores.add((phys, core))
    except OSError:
        pass
    return max(1, min(usable, len(cores) or usable))


def _gpu_possible() -> bool:
    """False when this machine certainly has no GPU torch could use (no import needed)."""
    if "torch" in sys.modules:
        return True
    if sys.platform == "darwin":
        return platform.machine() == "arm64"
    if not sys.platform.startswith("linux"):
        return True  # Windows: only torch can tell
    return any(os.path.exists(p) for p in ("/proc/driver/nvidia/version", "/dev/kfd"))


def device_kind(name: str) -> str:
    """"cpu", "cuda" or "mps" for a device choice, importing torch only if a GPU may exist.

    llama.cpp asks this before loading: on a machine without a GPU, importing
    torch (seconds) just to learn "cpu" would be wasted.
    """
    if name != "auto":
        return name.split(":")[0]
    if not _gpu_possible():
        return "cpu"
    return resolve_device("auto")


def best_device(hw: Hardware) -> str:
    kinds = [a.device.split(":")[0] for a in hw.accelerators]
    for kind in ("cuda", "mps"):
        if kind in kinds:
            return kind
    return "cpu"


def resolve_device(name: str) -> str:
    """Map a user choice to a torch device string; ``auto`` = cuda > mps > cpu."""
    from .jobs import UserError

    if name not in DEVICES:
        raise UserError(msg("request.unknown_choice", "Unknown {name} {value}; choose one of "
                            "{allowed}.", name="device", value=repr(name),
                            allowed=", ".join(DEVICES)))
    import torch

    if name == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        return "mps" if mps is not None and mps.is_available() else "cpu"
    if name == "cuda" and not torch.cuda.is_available():
        raise UserError(msg("device.no_cuda", "CUDA was chosen but no NVIDIA GPU is available; "
                            "choose cpu or auto."))
    if name == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise UserError(msg("device.no_mps", "MPS was chosen but this machine has no Apple "
                                "GPU; choose cpu."))
    return name


def resolve_dtype(name: str, device: str):
    """Map a dtype choice to a ``torch.dtype``; ``auto`` = fp16 on GPU, fp32 on CPU."""
    from .jobs import UserError

    if name not in DTYPES:
        raise UserError(msg("request.unknown_choice", "Unknown {name} {value}; choose one of "
                            "{allowed}.", name="dtype", value=repr(name),
                            allowed=", ".join(DTYPES)))
    import torch

    if name == "auto":
        if device.startswith("cuda"):
            return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        return torch.float16 if device == "mps" else torch.float32
    return getattr(torch, name)


def resident_memory(pid: int | None = None) -> int | None:
    """Resident memory (RSS) of a process, in bytes; this one by default (None if unknown)."""
    try:
        with open(f"/proc/{pid or 'self'}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    if pid is not None:
        return None
    import resource  # peak, not current: the best portable figure for this process

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def peak_resident_memory(pid: int | None = None) -> int | None:
    """The most resident memory a process has held so far (its high-water mark), in bytes."""
    try:
        with open(f"/proc/{pid or 'self'}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    if pid is not None:
        return None
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def _loaded_torch():
    """torch, if an engine has finished importing it (never import it just to ask).

    Another thread may be importing torch right now: a half-built module has no
    ``torch.cuda`` yet, so it counts as not loaded.
    """
    torch = sys.modules.get("torch")
    if torch is None or "torch.cuda" not in sys.modules or not hasattr(torch, "cuda"):
        return None
    return torch


def device_memory_in_use() -> int:
    """Bytes this process holds on the GPU (0 when torch never touched one)."""
    torch = _loaded_torch()
    try:
        if torch is not None and torch.cuda.is_available() and torch.cuda.is_initialized():
            return int(torch.cuda.memory_allocated())
    except (AttributeError, RuntimeError):  # torch still initialising
        pass
    return 0


def device_memory_peak() -> int:
    """The most GPU memory this process has held at once (0 when torch never touched one)."""
    torch = _loaded_torch()
    try:
        if torch is not None and torch.cuda.is_available() and torch.cuda.is_initialized():
            return int(torch.cuda.max_memory_allocated())
    except (AttributeError, RuntimeError):
        pass
    return 0


def empty_cache() -> None:
    torch = _loaded_torch()
    if torch is None:
        return
    try:
        if torch.cuda.is_available() and torch.cuda.is_initialized():
            torch.cuda.empty_cache()
        mps = getattr(torch, "mps", None)
        backend = getattr(getattr(torch, "backends", None), "mps", None)
        if mps is not None and backend is not None and backend.is_available():
            mps.empty_cache()
    except (AttributeError, RuntimeError):  # torch still initialising: nothing cached yet
        pass


def format_bytes(n: int | None) -> str:
    if n is None:
        return "?"
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit in ("B", "KB") else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def available_ram() -> int | None:
    """Memory the system could give a new process now (MemAvailable), or all RAM if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return ram_bytes()


_DEFAULT_BUDGET: list[int] = []


def default_memory_budget(hw: Hardware | None = None) -> int:
    """The automatic model memory budget: 75% of the RAM available when first asked (at least
    1 GiB), or 90% of the largest GPU's memory when ``hw`` lists a bigger one.

    Worked out once per process, so the budget does not drift as models load.
    """
    if not _DEFAULT_BUDGET:
        _DEFAULT_BUDGET.append(max(1 << 30, int((available_ram() or 4 << 30) * 0.75)))
    budget = _DEFAULT_BUDGET[0]
    gpus = [a.memory_bytes for a in (hw.accelerators if hw else ()) if a.memory_bytes]
    return max(budget, int(max(gpus) * 0.9)) if gpus else budget
