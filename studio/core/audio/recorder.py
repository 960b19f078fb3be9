"""Microphone recording straight to disk, so a crash never loses more than a second.

The PortAudio callback only copies each block into a queue (it must never
block or allocate much); a writer thread appends the blocks to a WAV file in
the recordings folder, rewrites its header twice a second and fsyncs every
second.  While recording, the file is called ``<name>.recording.wav`` and
holds an exclusive lock; ``recover_unfinished`` (run at the next start)
repairs files whose recorder died and gives them their final name.

The caller polls ``status()`` (a meter refreshes at ~30 Hz) instead of
receiving callbacks from foreign threads; ``done`` is set when the recording
has ended for any reason: stop, maximum length, a full disk, a lost device.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import queue
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..messages import Message, msg
from .devices import AudioDevice, device_problem, find_device
from .levels import Level, level
from .wavfile import WavWriter, repair

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; recovery then relies on names only
    fcntl = None

log = logging.getLogger(__name__)

UNFINISHED = ".recording.wav"
FLUSH_EVERY_S = 0.5
SYNC_EVERY_S = 1.0
FIRST_BLOCK_TIMEOUT_S = 10.0  # PulseAudio delivers the first block 1.3-1.9 s after start


def recording_name(when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now()
    return when.strftime("Recording %Y-%m-%d %H-%M-%S")


def _unique_stem(folder: Path, stem: str, partial_too: bool = True) -> str:
    candidate, n = stem, 2
    while ((folder / f"{candidate}.wav").exists()
           or (partial_too and (folder / f"{candidate}{UNFINISHED}").exists())):
        candidate, n = f"{stem} ({n})", n + 1
    return candidate


@dataclass(frozen=True)
class RecorderStatus:
    state: str  # "idle" | "recording" | "finished" | "failed"
    elapsed_s: float
    level: Level
    path: Path | None
    error: Message | None = None
    # why it ended: "stopped" | "max_length" | "disk_full" | "device_lost" | "error"
    reason: str = ""


class Recorder:
    """One recording from one input device into ``folder``; not reusable."""

    def __init__(self, folder: Path, *, sd: Any, device: str | None = None,
                 sample_rate: int | None = None, channels: int = 1,
                 max_seconds: float | None = None, name: str | None = None,
                 stall_timeout_s: float = 3.0) -> None:
        self.folder = Path(folder)
        self.sd = sd
        self.device_name = device
        self.requested_rate = sample_rate
        self.requested_channels = channels
        self.max_seconds = max_seconds
        self.name = name
        self.stall_timeout_s = stall_timeout_s
        self.device: AudioDevice | None = None
        self.rate = 0
        self.channels = 0
        self.path: Path | None = None  # the final name, once finished
        self.partial_path: Path | None = None
        self.done = threading.Event()
        self.overflows = 0
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()
        self._lost = threading.Event()
        self._state = "idle"
        self._level = Level()
        self._frames = 0
        self._error: Message | None = None
        self._reason = ""
        self._writer: WavWriter | None = None
        self._stream: Any = None
        self._thread: threading.Thread | None = None

    # -- control ------------------------------------------------------------------------
    def start(self) -> Path:
        """Open the device and the file; returns the file being written.

        Raises AudioDeviceError (no device, unknown name, cannot open) or
        OSError (the folder cannot be written) before anything is recorded.
        """
        if self._state != "idle":
            raise RuntimeError("a Recorder records once")
        self.device = find_device(self.sd, self.device_name, "input")
        self.rate = int(self.requested_rate or self.device.default_samplerate or 48000)
        self.channels = max(1, min(self.requested_channels, self.device.max_input_channels))
        self.folder.mkdir(parents=True, exist_ok=True)
        stem = _unique_stem(self.folder, self.name or recording_name())
        self.partial_path = self.folder / f"{stem}{UNFINISHED}"
        self._writer = WavWriter(self.partial_path, self.rate, self.channels)
        if fcntl is not None:
            fcntl.flock(self._writer.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        try:
            self._stream = self.sd.InputStream(
                device=self.device.index, samplerate=self.rate, channels=self.channels,
                dtype="float32", callback=self._callback, finished_callback=self._finished)
        except Exception as exc:
            self._writer.close()
            self.partial_path.unlink(missing_ok=True)
            raise device_problem(exc, "input", self.device.name) from exc
        self._state = "recording"
        self._thread = threading.Thread(target=self._write_loop, name="recorder-writer",
                                        daemon=True)
        self._thread.start()
        try:
            self._stream.start()
        except Exception as exc:
            self._lost.set()
            self._error = device_problem(exc, "input", self.device.name).message
        return self.partial_path

    def request_stop(self) -> None:
        """Ask to stop; returns at once. ``done`` is set when the file is complete."""
        self._stop.set()
        self._queue.put(None)  # wake the writer

    def stop(self, timeout: float = 5.0) -> RecorderStatus:
        self.request_stop()
        if self._thread is not None:
            self.done.wait(timeout)
        return self.status()

    def status(self) -> RecorderStatus:
        return RecorderStatus(self._state, self._frames / self.rate if self.rate else 0.0,
                              self._level, self.path or self.partial_path, self._error,
                              self._reason)

    # -- PortAudio's thread: copy and return -----------------------------------------
    def _callback(self, indata, frames, time_info, status) -> None:
        if status:
            self.overflows += 1
        if not self._stop.is_set():
            self._queue.put(indata.copy())

    def _finished(self) -> None:
        if not self._stop.is_set():
            self._lost.set()
            self._queue.put(None)

    # -- the writer thread ------------------------------------------------------------
    def _write_loop(self) -> None:
        max_frames = int(self.max_seconds * self.rate) if self.max_seconds else None
        last_flush = last_sync = last_block = time.monotonic()
        got_block = False
        try:
            while True:
                if self._stop.is_set():
                    self._end("stopped")
                    break
                if self._lost.is_set():
                    self._end("device_lost")
                    break
                try:
                    block = self._queue.get(timeout=0.2)
                except queue.Empty:
                    block = None
                now = time.monotonic()
                if block is None:
                    limit = self.stall_timeout_s if got_block else FIRST_BLOCK_TIMEOUT_S
                    if now - last_block > limit and not self._stop.is_set():
                        self._lost.set()  # the device stopped delivering: unplugged, suspended
                    continue
                got_block, last_block = True, now
                if max_frames is not None:
                    block = block[:max_frames - self._frames]
                self._writer.write(block)
                self._frames = self._writer.frames
                self._level = level(block)
                if max_frames is not None and self._frames >= max_frames:
                    self._end("max_length")
                    break
                if now - last_flush >= FLUSH_EVERY_S:
                    sync = now - last_sync >= SYNC_EVERY_S
                    self._writer.flush(sync=sync)
                    last_flush = now
                    last_sync = now if sync else last_sync
        except OSError as exc:
            self._end("disk_full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "error", exc)
        except Exception as exc:  # never leave the stream running with nobody writing
            log.exception("recording failed")
            self._end("error", exc)

    def _end(self, reason: str, exc: BaseException | None = None) -> None:
        self._stop.set()
        with contextlib.suppress(Exception):
            self._stream.stop()
        with contextlib.suppress(Exception):
            self._stream.close()
        if reason in ("stopped", "max_length"):  # blocks already captured belong to it
            self._drain()
        self._reason = reason
        if reason == "disk_full":
            self._error = msg("audio.record_disk_full",
                              "The disk is full: recording stopped. The {seconds:.0f} s "
                              "recorded so far were kept.", seconds=self._frames / self.rate)
        elif reason == "device_lost":
            self._error = self._error or msg(
                "audio.record_device_lost", "The microphone stopped sending sound (was it "
                "unplugged?). The {seconds:.0f} s recorded so far were kept.",
                seconds=self._frames / self.rate)
        elif reason == "error":
            self._error = msg("audio.record_failed", "Recording failed: {detail}. What was "
                              "recorded so far was kept.", detail=str(exc))
        self._close_file()
        self._state = "failed" if self._error else "finished"
        self.done.set()

    def _drain(self) -> None:
        max_frames = int(self.max_seconds * self.rate) if self.max_seconds else None
        with contextlib.suppress(queue.Empty, OSError):
            while True:
                block = self._queue.get_nowait()
                if block is None:
                    continue
                if max_frames is not None:
                    block = block[:max_frames - self._frames]
                    if not len(block):
                        continue
                self._writer.write(block)
                self._frames = self._writer.frames

    def _close_file(self) -> None:
        writer, self._writer = self._writer, None
        if writer is None:
            return
        try:
            writer.close()
        except OSError as exc:  # header update failed (disk full): the repair fixes it later
            log.warning("could not finish %s: %s", writer.path, exc)
            with contextlib.suppress(OSError):
                os.close(writer.fd)
            return
        final = writer.path.with_name(writer.path.name[: -len(UNFINISHED)] + ".wav")
        try:
            os.replace(writer.path, final)
        except OSError as exc:
            log.warning("could not rename %s: %s", writer.path, exc)
            return
        self.path = final


@dataclass(frozen=True)
class Recovered:
    path: Path
    started: dt.datetime
    duration_s: float


def _locked_by_someone(path: Path) -> bool:
    if fcntl is None:
        return False
    with open(path, "rb") as f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    return False


def recover_unfinished(folder: Path) -> list[Recovered]:
    """Repair recordings whose recorder died (crash, SIGKILL, power loss).

    Files still being written by a live recorder (in this or another app
    instance) hold a lock and are left alone.  Empty leftovers are removed.
    """
    found: list[Recovered] = []
    if not Path(folder).is_dir():
        return found
    for partial in sorted(Path(folder).glob(f"*{UNFINISHED}")):
        try:
            if _locked_by_someone(partial):
                continue
            started = dt.datetime.fromtimestamp(partial.stat().st_ctime)
            frames, rate, _ = repair(partial)
            if frames == 0:
                partial.unlink()
                continue
            stem = partial.name[: -len(UNFINISHED)]
            final = Path(folder) / f"{_unique_stem(Path(folder), stem, partial_too=False)}.wav"
            os.replace(partial, final)
            found.append(Recovered(final, _started(stem, started), frames / rate))
        except (OSError, ValueError) as exc:
            log.warning("could not recover %s: %s", partial, exc)
    return found


def _started(stem: str, fallback: dt.datetime) -> dt.datetime:
    try:
        return dt.datetime.strptime(stem[:29], "Recording %Y-%m-%d %H-%M-%S")
    except ValueError:
        return fallback
