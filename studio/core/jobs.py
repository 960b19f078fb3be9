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

from .messages import Message, msg


class UserError(Exception):
    """Bad input from the user: the message is shown as is (CLI exit code 2).

    Raise it with a ``Message`` (``msg(...)``) so the window can translate it.
    """

    @property
    def message(self) -> str:
        return self.args[0] if self.args else ""


class JobCancelled(Exception):
    """Raised inside an engine when its CancelToken was set."""


class CancelToken:
    """Cooperative cancellation flag, safe to set from any thread."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (in the cancelling thread) on cancel; at once if already cancelled."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return
        callback()

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
    """An intermediate image (uint8 numpy array, H x W x 3) at diffusion step ``step``.

    An array, not a PIL image: it crosses the engine-process pipe out of band.
    """

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
    """Terminal failure with a human message (a ``Message``); ``detail`` holds the traceback."""

    message: str
    detail: str = ""
    user_error: bool = False  # bad input (CLI exit code 2) rather than a runtime failure


@dataclass(frozen=True)
class Cancelled:
    """Terminal cancel; ``partial`` keeps whatever was produced so far."""

    partial: Any = None
    message: str = ""  # why, when it was not simply the user's Stop (e.g. a force stop)


Event = Progress | Notice | Token | Preview | Segment | AudioChunk | Result | Failed | Cancelled
TERMINAL = (Result, Failed, Cancelled)
OUTPUTS = (Token, Preview, Segment, AudioChunk)  # what a job makes, as it makes it

# What a worker runs: a callable that takes the job's CancelToken and yields events.
JobFn = Callable[[CancelToken], Iterator[Event]]


def human_message(exc: BaseException) -> Message:
    """Turn an exception into one line a user can act on."""
    import errno

    if isinstance(exc, UserError):
        text = exc.message
        return text if isinstance(text, Message) else msg("error.plain", "{text}", text=str(text))
    if isinstance(exc, MemoryError):
        return msg("error.memory",
                   "Out of memory. Try a smaller model, fewer tokens or a smaller image.")
    if isinstance(exc, FileNotFoundError):
        return msg("error.file_not_found", "File not found: {name}",
                   name=str(exc.filename or exc))
    if isinstance(exc, PermissionError):
        return msg("error.permission", "Permission denied: {name}",
                   name=str(exc.filename or exc))
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return msg("error.disk_full", "The disk is full. Free some space and try again.")
    text = str(exc).strip() or type(exc).__name__
    if not isinstance(exc, RuntimeError):
        text = f"{type(exc).__name__}: {text}"
    return msg("error.unexpected", "Unexpected error: {text}", text=text)


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
        yield Failed(human_message(exc), "", user_error=True)
    except Exception as exc:  # every engine error becomes a message, never a crash
        yield Failed(human_message(exc), traceback.format_exc())
