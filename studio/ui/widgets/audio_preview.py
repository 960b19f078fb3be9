"""Waveform + transport bound to the window's shared Player: how any tab shows audio.

``open_file(path)`` decodes the file and computes its peaks off the UI thread
(a newer file cancels an older one between blocks); ``set_audio(samples,
rate)`` shows audio already in memory.  Audio that is still being made
(speech, sentence by sentence) streams in: ``start_stream`` with the first
piece (playing at once), ``append`` for each later one (the player keeps
playing, or waits in silence when it catches up), ``finish_stream`` at the end.
Play claims the shared player with this preview's audio, so starting playback
elsewhere simply stops this one; the cursor follows the player's polled status.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio.core.audio.decode import blocks, info
from studio.core.audio.peaks import peaks
from studio.core.jobs import CancelToken

from ..audio_service import AudioService
from ..texts import core_text
from ..worker import BackgroundCalls
from .transport import ACTIVE, Transport
from .waveform import Waveform, fold

BUCKETS = 4000  # peaks kept per file: sharp up to a 4K-wide waveform
LONG_S = 300.0  # longer files are held as 16 kHz mono (what Whisper hears) to bound memory
LONG_RATE = 16000
SMALL_FRAMES = 480_000  # in-memory audio up to 10 s at 48 kHz: peaks computed in place
STREAM_PEAKS_PER_S = 100  # streamed audio: peaks per second of each piece (a few µs per piece)


def decode(path: str, cancel: CancelToken) -> tuple[np.ndarray, int, np.ndarray] | None:
    """(samples, rate, peaks) of ``path``; None when cancelled.  Runs off the UI thread."""
    meta = info(path)
    long = meta.duration_s > LONG_S
    rate = LONG_RATE if long else meta.sample_rate
    chunks = []
    for block in blocks(path, block_s=20.0, sample_rate=LONG_RATE if long else None, mono=long):
        if cancel.cancelled:
            return None
        chunks.append(block)
    if not chunks:
        return np.zeros((0, 1), np.float32), rate, np.zeros((0, 2), np.float32)
    samples = np.concatenate(chunks) if len(chunks) > 1 else chunks[0]
    return samples, rate, peaks(samples, min(BUCKETS, len(samples)))


def _in_memory(samples: np.ndarray, rate: int, cancel: CancelToken):
    return samples, rate, peaks(samples, min(BUCKETS, len(samples)))


class AudioPreview(QWidget):
    loaded = Signal(str, float)  # path ("" for audio set in memory), duration in seconds
    failed = Signal(str)  # translated: the file could not be read, or playback failed

    def __init__(self, audio: AudioService, parent=None) -> None:
        super().__init__(parent)
        self.audio = audio
        self.path = ""
        self.samples: np.ndarray | None = None
        self.rate = 0
        self.position_s = 0.0
        self.streaming = False  # audio is still arriving (start_stream ... finish_stream)
        self._pieces: list[np.ndarray] = []  # what arrived while streaming
        self._frames = 0
        self._peaks = np.zeros((0, 2), np.float32)  # grows by doubling while streaming
        self._npeaks = 0
        self._play_when_loaded = False
        self._cancel = CancelToken()
        self._generation = 0
        self.waveform = Waveform(self)
        self.transport = Transport(self)
        self.waveform.seek_requested.connect(self.seek)
        self.waveform.toggle_requested.connect(self.toggle)
        self.transport.toggle_requested.connect(self.toggle)
        self.transport.stop_requested.connect(self.stop)
        self.transport.seek_requested.connect(self.seek)
        audio.player_status.connect(self._on_status)
        audio.owner_changed.connect(self._on_owner)
        self._calls = BackgroundCalls("preview", self)
        self._calls.done.connect(self._on_done)
        self._calls.failed.connect(self._on_failed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.waveform, 1)
        layout.addWidget(self.transport)

    @property
    def duration_s(self) -> float:
        frames = self._frames if self.streaming else (
            len(self.samples) if self.samples is not None else 0)
        return frames / self.rate if self.rate else 0.0

    def owns_player(self) -> bool:
        return self.audio.owner is self and self.audio.player is not None

    # -- content --------------------------------------------------------------------------
    def open_file(self, path: str, play: bool = False) -> None:
        self._begin(str(path), play)
        self.waveform.show_message(self.tr("Reading %1…").replace("%1", Path(path).name))
        self._calls.call(str(self._generation), decode, str(path), self._cancel)

    def set_audio(self, samples: np.ndarray, rate: int, play: bool = False) -> None:
        """Show audio that is already in memory (peaks off the UI thread when it is long)."""
        self._begin("", play)
        samples = np.asarray(samples, dtype=np.float32)
        if len(samples) <= SMALL_FRAMES:
            self._show(samples, rate, peaks(samples, min(BUCKETS, len(samples))))
        else:
            self._calls.call(str(self._generation), _in_memory, samples, rate, self._cancel)

    def start_stream(self, samples: np.ndarray, rate: int, play: bool = True) -> None:
        """Show the first piece of audio that is still being made; play it at once if asked
        (later pieces come through ``append``, the end through ``finish_stream``)."""
        self._begin("", play)
        self.rate, self.streaming = int(rate), True
        self._add(samples)
        self.transport.set_status("stopped", 0.0, self.duration_s)
        if play:
            self.play()

    def append(self, samples: np.ndarray) -> None:
        """Add a piece at the end; the player, if it plays this audio, plays it in turn."""
        if not self.streaming:
            return
        piece = self._add(samples)
        if self.owns_player():
            self.audio.player.append(piece)
            self.audio.kick()

    def finish_stream(self, samples: np.ndarray | None = None) -> None:
        """No more audio comes.  ``samples``: all of it, when the caller has it in one piece
        (spares joining the pieces)."""
        if not self.streaming:
            return
        whole = np.asarray(samples, np.float32) if samples is not None else None
        if whole is None or len(whole) != self._frames:
            whole = self._joined()
        self.samples, self.streaming, self._pieces = whole, False, []
        if self.owns_player():
            self.audio.player.finish()
            self.audio.kick()
        shown = self._peaks[: self._npeaks]
        self.waveform.set_peaks(fold(shown, min(BUCKETS, len(shown))), self.duration_s)
        self.loaded.emit(self.path, self.duration_s)

    def _add(self, samples: np.ndarray) -> np.ndarray:
        piece = np.asarray(samples, dtype=np.float32)
        if not len(piece):
            return piece
        self._pieces.append(piece)
        self._frames += len(piece)
        new = peaks(piece, max(1, len(piece) * STREAM_PEAKS_PER_S // max(self.rate, 1)))
        need = self._npeaks + len(new)
        if need > len(self._peaks):  # doubling: appends stay O(1) amortised
            bigger = np.zeros((max(need, 2 * len(self._peaks)), 2), np.float32)
            bigger[: self._npeaks] = self._peaks[: self._npeaks]
            self._peaks = bigger
        self._peaks[self._npeaks: need] = new
        self._npeaks = need
        self.waveform.set_peaks(self._peaks[: self._npeaks], self.duration_s)
        if not self.owns_player():
            self.transport.set_status(self.transport.state, self.position_s, self.duration_s)
        return piece

    def _joined(self) -> np.ndarray:
        """The streamed pieces as one array (joined once, then kept as one piece)."""
        if len(self._pieces) > 1:
            self._pieces = [np.concatenate(self._pieces)]
        return self._pieces[0] if self._pieces else np.zeros(0, np.float32)

    def clear(self) -> None:
        self._begin("", False)
        self.waveform.clear()
        self.transport.set_status("empty", 0.0, 0.0)

    def _begin(self, path: str, play: bool) -> None:
        self._cancel.cancel()  # an older decode stops at its next block
        self._cancel = CancelToken()
        self._generation += 1
        self.audio.release(self)
        self.path, self.samples, self.rate, self.position_s = path, None, 0, 0.0
        self.streaming, self._pieces, self._frames, self._npeaks = False, [], 0, 0
        self._play_when_loaded = play
        self.transport.set_status("empty", 0.0, 0.0)

    def _show(self, samples: np.ndarray, rate: int, peaks_: np.ndarray) -> None:
        self.samples, self.rate = samples, rate
        self.waveform.set_peaks(peaks_, self.duration_s)
        self.waveform.set_position(0.0)
        self.transport.set_status("stopped", 0.0, self.duration_s)
        self.loaded.emit(self.path, self.duration_s)
        if self._play_when_loaded:
            self.play()

    @Slot(str, object)
    def _on_done(self, kind: str, value) -> None:
        if kind == str(self._generation) and value is not None:
            self._show(*value)

    @Slot(str, object)
    def _on_failed(self, kind: str, message) -> None:
        if kind != str(self._generation):
            return
        text = core_text(message)
        self.waveform.show_message(text, error=True)
        self.transport.set_status("empty", 0.0, 0.0)
        self.failed.emit(text)

    # -- transport ---------------------------------------------------------------------------
    @Slot()
    def play(self) -> None:
        samples = self._joined() if self.streaming else self.samples
        if samples is None or not len(samples):
            return
        if not self.owns_player():
            if not self.audio.claim(self, samples, self.rate, complete=not self.streaming):
                self.failed.emit(self.audio.problem())
                return
            if self.position_s < self.duration_s:
                self.audio.player.seek(self.position_s)
        self.audio.player.play()
        self.audio.kick()

    @Slot()
    def toggle(self) -> None:
        if self.owns_player() and self.audio.player.status().state in ACTIVE:
            self.audio.player.pause()
            self.audio.kick()
        else:
            self.play()

    @Slot()
    def stop(self) -> None:
        if self.owns_player():
            self.audio.player.stop()
            self.audio.kick()
        else:
            self._show_position("stopped", 0.0)

    @Slot(float)
    def seek(self, seconds: float) -> None:
        seconds = min(max(0.0, seconds), self.duration_s)
        if self.owns_player():
            self.audio.player.seek(seconds)
            self.audio.kick()
        else:
            self._show_position("stopped", seconds)

    def _show_position(self, state: str, seconds: float) -> None:
        self.position_s = seconds
        self.waveform.set_position(seconds)
        self.transport.set_status(state, seconds, self.duration_s)

    @Slot(object, object)
    def _on_status(self, owner, status) -> None:
        if owner is not self:
            return
        self._show_position(status.state, status.position_s)
        if status.state == "failed" and status.error:
            self.failed.emit(core_text(status.error))

    @Slot(object)
    def _on_owner(self, owner) -> None:
        if owner is not self and (self.samples is not None or self.streaming):
            self._show_position("stopped", self.position_s)  # someone else plays now

    def shutdown(self) -> None:
        self._cancel.cancel()
        self._calls.shutdown()
