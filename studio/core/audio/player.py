"""Playback from a buffer that may still be growing, with pause, seek and a true position.

A callback OutputStream copies ``buffer[pos:pos + frames]`` and zero-fills the
rest; pause and seek only change a flag or ``pos`` under a lock held for
microseconds.  Synthesised speech is appended while it plays (``append``);
when playback catches up with a buffer that is not ``finish``-ed, it waits in
silence instead of ending.  The end is reported (``ended`` is set), never
raised from the callback, so the stream can be reused.

Opening and stopping a PortAudio stream can take half a second (PulseAudio),
so those happen on the player's own control thread: every public method
returns at once and the window thread never waits on the sound system.
The caller polls ``status()``.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..messages import Message, msg
from .devices import AudioDeviceError, device_problem, find_device

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlayerStatus:
    # "empty" | "stopped" | "starting" | "playing" | "paused" | "waiting" | "ended" | "failed"
    state: str
    position_s: float  # what is audible now (output latency accounted for)
    duration_s: float  # so far, for a growing buffer
    complete: bool  # no more audio will be appended
    error: Message | None = None


def _frames(samples: np.ndarray) -> np.ndarray:
    data = np.asarray(samples, dtype=np.float32)
    return data.reshape(-1, 1) if data.ndim == 1 else data


class Player:
    """Plays one buffer at a time on one output device (``None``: the default)."""

    def __init__(self, *, sd: Any, device: str | None = None) -> None:
        self.sd = sd
        self.device_name = device
        self.ended = threading.Event()
        self._lock = threading.Lock()
        self._buf = np.zeros((0, 1), dtype=np.float32)
        self._len = 0
        self._rate = 0
        self._pos = 0
        self._complete = True
        self._paused = True
        self._state = "empty"
        self._error: Message | None = None
        self._latency_frames = 0
        self._stream: Any = None
        self._stream_key: tuple | None = None
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._control_loop, name="audio-player",
                                        daemon=True)
        self._thread.start()

    # -- the buffer ---------------------------------------------------------------------
    def load(self, samples: np.ndarray, sample_rate: int, *, complete: bool = True) -> None:
        """Replace what is loaded (stops playback); ``complete=False`` lets it grow."""
        data = _frames(samples)
        with self._lock:
            self._buf = data.copy()
            self._len = len(data)
            self._rate = int(sample_rate)
            self._pos = 0
            self._complete = complete
            self._paused = True
            self._state = "stopped"
            self._error = None
            self.ended.clear()
        self._commands.put(self._stop_stream)

    def append(self, samples: np.ndarray) -> None:
        """Add audio at the end (same rate and channels as loaded)."""
        data = _frames(samples)
        with self._lock:
            need = self._len + len(data)
            if need > len(self._buf):  # grow by doubling: appends stay O(1) amortised
                bigger = np.zeros((max(need, 2 * len(self._buf)), self._buf.shape[1]),
                                  dtype=np.float32)
                bigger[: self._len] = self._buf[: self._len]
                self._buf = bigger
            channels = self._buf.shape[1]  # a mono chunk fills every channel
            self._buf[self._len: need] = data[:, :channels] if data.shape[1] >= channels \
                else data[:, :1]
            self._len = need
            if self._state == "waiting":
                self._state = "playing"

    def finish(self) -> None:
        """No more audio will be appended: playing to the end now ends."""
        with self._lock:
            self._complete = True

    # -- transport: all return at once --------------------------------------------------
    def play(self) -> None:
        with self._lock:
            if self._len == 0 and self._complete:
                return
            if self._state == "ended":
                self._pos = 0
            self.ended.clear()
            self._error = None
            self._paused = False
            self._state = "starting"
        self._commands.put(self._start_stream)

    def pause(self) -> None:
        with self._lock:
            if self._state in ("playing", "starting", "waiting"):
                self._pos = self._audible_frames()
                self._paused = True
                self._state = "paused"

    def resume(self) -> None:
        if self._state == "paused":
            self.play()

    def toggle(self) -> None:
        """Play/pause, as the Space key does."""
        if self._state in ("playing", "starting", "waiting"):
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        with self._lock:
            self._paused = True
            self._pos = 0
            if self._state not in ("empty", "failed"):
                self._state = "stopped"
        self._commands.put(self._stop_stream)

    def seek(self, seconds: float) -> None:
        with self._lock:
            if not self._rate:
                return
            self._pos = int(min(max(0.0, seconds) * self._rate, self._len))
            if self._state == "ended":
                self._state = "paused"
                self.ended.clear()

    def status(self) -> PlayerStatus:
        with self._lock:
            rate = self._rate or 1
            if self._state == "ended":
                position = self._len
            elif self._state in ("playing", "waiting"):
                position = self._audible_frames()
            else:
                position = self._pos
            return PlayerStatus(self._state, position / rate, self._len / rate, self._complete,
                                self._error)

    def close(self, timeout: float = 2.0) -> None:
        """Stop and release the device (at exit)."""
        self._commands.put(None)
        self._thread.join(timeout)

    def _audible_frames(self) -> int:
        """``pos`` minus what is still in the output buffers (called with the lock held)."""
        return max(0, self._pos - self._latency_frames)

    # -- PortAudio's thread ---------------------------------------------------------------
    def _callback(self, outdata, frames, time_info, status) -> None:
        with self._lock:
            if self._paused or self._state in ("ended", "stopped"):
                outdata.fill(0)
                return
            n = max(0, min(frames, self._len - self._pos))
            chunk = self._buf[self._pos: self._pos + n]
            if outdata.shape[1] == chunk.shape[1]:
                outdata[:n] = chunk
            else:  # mono buffer on a stereo-only device
                outdata[:n] = chunk[:, :1]
            outdata[n:] = 0
            self._pos += n
            if n < frames:
                if self._complete:
                    self._state = "ended"
                    self.ended.set()
                    self._commands.put(self._stop_stream)
                else:
                    self._state = "waiting"  # synthesis is behind: silence until more arrives
            elif self._state == "starting":
                self._state = "playing"

    def _finished(self) -> None:
        with self._lock:
            if self._state in ("playing", "waiting", "starting") and not self._paused:
                self._state = "failed"
                self._error = msg("audio.play_device_lost", "The speakers stopped playing "
                                  "(was the device unplugged?).")
                self._paused = True

    # -- the control thread ---------------------------------------------------------------
    def _control_loop(self) -> None:
        while True:
            command: Callable[[], None] | None = self._commands.get()
            if command is None:
                self._stop_stream(close=True)
                return
            try:
                command()
            except Exception as exc:
                if isinstance(exc, AudioDeviceError):  # expected: no device, unplugged, busy
                    log.warning("playback: %s", exc)
                else:
                    log.exception("audio player command failed")
                with self._lock:
                    self._state, self._paused = "failed", True
                    self._error = (exc.message if isinstance(exc, AudioDeviceError)
                                   else msg("audio.play_failed", "Playback failed: {detail}",
                                            detail=str(exc)))

    def _start_stream(self) -> None:
        with self._lock:
            if self._paused:
                return  # paused or stopped again before the stream could start
            key = (self._rate, self._buf.shape[1])
        if self._stream is not None and self._stream_key != key:
            self._stop_stream(close=True)
        if self._stream is None:
            device = find_device(self.sd, self.device_name, "output")
            channels = min(key[1], device.max_output_channels) or 1
            try:
                self._stream = self.sd.OutputStream(
                    device=device.index, samplerate=key[0], channels=channels, dtype="float32",
                    callback=self._callback, finished_callback=self._finished)
            except Exception as exc:
                raise device_problem(exc, "output", device.name) from exc
            self._stream_key = key
            latency = getattr(self._stream, "latency", 0.0) or 0.0
            self._latency_frames = int(float(latency) * key[0])
        if not self._stream.active:
            self._stream.start()

    def _stop_stream(self, close: bool = False) -> None:
        stream = self._stream
        if stream is None:
            return
        with contextlib.suppress(Exception):
            if stream.active:
                stream.stop()  # lets the buffered audio play out
        if close:
            with contextlib.suppress(Exception):
                stream.close()
            self._stream = None
            self._stream_key = None
