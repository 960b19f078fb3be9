"""Typed job messages shared by every engine, the CLI and the UI workers.

An engine call is a generator ``run(request, cancel) -> Iterator[Event]``: it
yields progress-like events and ends with exactly one terminal event
(``Result``, ``Failed`` or ``Cancelled``).  The worker and the CLI never need
to know which engine they are driving; they only ``match`` on these types.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any


class UserError(Exception):
    """Bad input from the user: the message is shown as is (CLI exit code 2)."""


class JobCancelled(Exception):
    """Raised inside an engine when its CancelToken was set."""


class CancelToken:
    """Cooperative cancellation flag, safe to set from any thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise JobCancelled()

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds, waking early on cancel."""
        return self._event.wait(timeout)


@dataclass(frozen=True)
class Progress:
    """Coarse progress: ``fraction`` in [0, 1] or None when unknown."""

    message: str = ""
    fraction: float | None = None
    step: int | None = None
    total: int | None = None


@dataclass(frozen=True)
class Notice:
    """Something the user should know that is not an error (e.g. truncation)."""

    message: str


@dataclass(frozen=True)
class Token:
    """A piece of streamed text for output sequence ``sequence``."""

    text: str
    sequence: int = 0


@dataclass(frozen=True)
class Preview:
    """An intermediate image (PIL.Image) at diffusion step ``step``."""

    image: Any
    step: int
    total: int


@dataclass(frozen=True)
class Segment:
    """A transcribed span of audio, times in seconds."""

    start: float
    end: float
    text: str
    words: tuple[Any, ...] = ()


@dataclass(frozen=True)
class AudioChunk:
    """Synthesised samples (float32 numpy array, mono)."""

    samples: Any
    sample_rate: int


@dataclass(frozen=True)
class Result:
    """Terminal success: ``value`` is engine specific; ``request`` reproduces it."""

    value: Any
    request: Any = None
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Failed:
    """Terminal failure with a human message; ``detail`` holds the traceback."""

    message: str
    detail: str = ""
    user_error: bool = False  # bad input (CLI exit code 2) rather than a runtime failure


@dataclass(frozen=True)
class Cancelled:
    """Terminal cancel; ``partial`` keeps whatever was produced so far."""

    partial: Any = None


Event = Progress | Notice | Token | Preview | Segment | AudioChunk | Result | Failed | Cancelled
TERMINAL = (Result, Failed, Cancelled)

# What a worker runs: a callable that takes the job's CancelToken and yields events.
JobFn = Callable[[CancelToken], Iterator[Event]]


def human_message(exc: BaseException) -> str:
    """Turn an exception into one line a user can act on."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "Out of memory. Try a smaller model, fewer tokens or a smaller image."
    if isinstance(exc, FileNotFoundError):
        name = exc.filename or str(exc)
        return f"File not found: {name}"
    if isinstance(exc, PermissionError):
        return f"Permission denied: {exc.filename or exc}"
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
        return "The disk is full. Free some space and try again."
    text = str(exc).strip() or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if not isinstance(exc, RuntimeError) else text


def drive(job: JobFn, cancel: CancelToken) -> Iterator[Event]:
    """Run ``job`` and guarantee exactly one terminal event at the end.

    Engine exceptions become ``Failed`` (with the traceback in ``detail``),
    ``JobCancelled`` becomes ``Cancelled``; the last Result/Cancelled the
    engine itself yields is passed through unchanged.
    """
    import traceback

    try:
        for event in job(cancel):
            yield event
            if isinstance(event, TERMINAL):
                return
        if cancel.cancelled:
            yield Cancelled()
        else:
            yield Failed("The job ended without a result.")
    except JobCancelled:
        yield Cancelled()
    except UserError as exc:
        yield Failed(str(exc), "", user_error=True)
    except Exception as exc:  # every engine error becomes a message, never a crash
        yield Failed(human_message(exc), traceback.format_exc())
