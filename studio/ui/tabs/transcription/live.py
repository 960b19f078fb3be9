"""Live mode: transcribe the recording while it is being made.

Every ``STEP_S`` of new audio (or as soon as the previous chunk is done, when decoding
takes longer), the audio from the agreement's anchor to "now" is read from the WAV the
recorder is writing (the crash-safe file: nothing is kept twice in memory or written
twice), downsampled to 16 kHz and sent to the engine host as ``samples``, where the
model stays loaded between chunks.  ``agreement.LocalAgreement`` decides which words
are confirmed; the rest shows as tentative.  One chunk is in flight at a time, on a
runner of its own, so the tab's file queue and live chunks never supersede each other.
When the recording ends, one last chunk covers what is left and everything is final.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from studio.core.audio.wavfile import HEADER_BYTES, SAMPLE_BYTES
from studio.core.engines.transcription import SAMPLE_RATE
from studio.core.jobs import Cancelled, Failed, Result, Segment
from studio.ui.texts import core_text
from studio.ui.worker import JobRunner

from .agreement import LocalAgreement, join_words, segments_of, words_of

STEP_S = 1.0  # new audio between chunks (measured: tiny.en decodes a chunk in ~0.5-1 s here)
MIN_CHUNK_S = 0.5
POLL_MS = 200
PROMPT_CHARS = 200  # confirmed text before the chunk, given as Whisper's prompt


def read_frames(path: str, rate: int, channels: int, first: int, last: int) -> np.ndarray:
    """Frames [first, last) of the 16-bit WAV the recorder writes, as 16 kHz mono float32."""
    from studio.core.audio.resample import resample

    align = channels * SAMPLE_BYTES
    with open(path, "rb") as f:
        f.seek(HEADER_BYTES + first * align)
        raw = f.read(max(0, last - first) * align)
    frames = len(raw) // align
    data = np.frombuffer(raw[:frames * align], dtype="<i2").reshape(frames, channels)
    mono = data.astype(np.float32).mean(axis=1) / 32768.0
    if rate != SAMPLE_RATE and len(mono):
        mono = resample(mono, rate, SAMPLE_RATE)
    return np.ascontiguousarray(mono, dtype=np.float32)


def chunk_job(host, request, path: str, rate: int, channels: int, start_s: float,
              end_s: float):
    """The job a chunk runs on the live runner's thread: read the audio, then transcribe."""
    def job(cancel):
        try:
            samples = read_frames(path, rate, channels, round(start_s * rate),
                                  round(end_s * rate))
        except OSError:  # renamed as the recording finished: the last chunk reads it again
            yield Cancelled()
            return
        if not len(samples):
            yield Cancelled()
            return
        yield from host.run("transcription",
                            dataclasses.replace(request, samples=samples,
                                                sample_rate=SAMPLE_RATE), cancel)
    return job


@dataclasses.dataclass
class LiveResult:
    """What live mode made of one recording."""

    path: str  # the recording
    segments: list[Segment]
    language: str
    request: Any  # the last chunk's resolved request (model, revision, options)
    model: str
    duration_s: float
    chunks: int
    seconds: float  # time spent decoding


class LiveTranscriber(QObject):
    changed = Signal(list, str)  # confirmed segments, tentative text
    finished = Signal(object)  # LiveResult (also when nothing was said)
    failed = Signal(str)  # translated
    status = Signal(str)  # "live · 0.8 s behind", translated

    def __init__(self, host, parent=None) -> None:
        super().__init__(parent)
        self.host = host
        self.runner = JobRunner("transcription-live", self)
        self.runner.segment.connect(self._on_segment)
        self.runner.result.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._tick)
        self.recorder = None
        self.active = False
        self.lags: list[float] = []  # seconds from submitting a chunk to its text shown
        self._reset(None)

    def _reset(self, request) -> None:
        self.request = request
        self.policy = LocalAgreement()
        self.language = getattr(request, "language", "auto")
        self.prompt = getattr(request, "initial_prompt", "")
        self._job: int | None = None
        self._window = (0.0, 0.0)
        self._sent_at = 0.0
        self._segments: list[Segment] = []
        self._last_end = 0.0
        self._finishing = False
        self._final = False
        self._broken = False
        self._resolved = None
        self._model = getattr(request, "model", "")
        self._chunks = 0
        self._seconds = 0.0
        self._path = ""
        self._duration = 0.0

    def start(self, recorder, request) -> None:
        """Follow ``recorder`` (just started); chunks are transcribed with ``request``'s
        model and options (its audio is ignored)."""
        self._reset(dataclasses.replace(request, word_timestamps=True, batched=False,
                                        vad=False, temperature=(0.0,), audio=""))
        self.recorder = recorder
        self.active = True
        self._timer.start()

    def finish(self) -> None:
        """The recording ended: transcribe the rest once the chunk in flight is done."""
        if not self.active or self._finishing:
            return
        self._finishing = True
        self._timer.stop()
        if self._job is None:
            self._final_chunk()

    # -- chunks ------------------------------------------------------------------------------------
    @Slot()
    def _tick(self) -> None:
        rec = self.recorder
        if self._job is not None or self._broken or rec is None or not rec.rate:
            return
        status = rec.status()
        now = status.elapsed_s
        if status.state != "recording" or status.path is None or now - self._last_end < STEP_S:
            return
        start = self.policy.window_start(now)
        if now - start >= MIN_CHUNK_S:
            self._submit(str(status.path), start, now)

    def _final_chunk(self) -> None:
        rec = self.recorder
        status = rec.status() if rec is not None else None
        if status is not None and status.path is not None:
            self._path, self._duration = str(status.path), status.elapsed_s
        if not self._path or self._broken or not rec.rate:
            self._done()
            return
        start = self.policy.window_start(self._duration)
        if self._duration - start < 0.1:
            self._done()
            return
        self._final = True
        self._submit(self._path, start, self._duration)

    def _submit(self, path: str, start: float, end: float) -> None:
        context = join_words(self.policy.context(), self.language)[-PROMPT_CHARS:]
        request = dataclasses.replace(self.request, language=self.language,
                                      initial_prompt=(self.prompt + " " + context).strip())
        self._window, self._segments = (start, end), []
        self._sent_at = time.monotonic()
        rec = self.recorder
        self._job = self.runner.submit(chunk_job(self.host, request, path, rec.rate,
                                                 rec.channels, start, end))

    @Slot(int, object)
    def _on_segment(self, job: int, seg: Segment) -> None:
        if job == self._job:
            self._segments.append(seg)

    @Slot(int, object)
    def _on_result(self, job: int, ev: Result) -> None:
        if job != self._job:
            return
        self._job = None
        value = ev.value
        self._chunks += 1
        self._seconds += value.seconds
        self._resolved, self._model = ev.request, value.model
        if self.language == "auto" and value.language:
            self.language = value.language  # the first chunk's language holds for the rest
        start, end = self._window
        self._last_end = end
        words = words_of(self._segments, start)
        if self._final:
            self.policy.finish(words)
            self._show()
            self._done()
            return
        self.policy.feed(words, end)
        lag = time.monotonic() - self._sent_at
        self.lags.append(lag)
        self._show()
        self.status.emit(self.tr("Live: the text is %1 s behind").replace("%1", f"{lag:.1f}"))
        if self._finishing:
            self._final_chunk()

    @Slot(int, object)
    def _on_failed(self, job: int, ev: Failed) -> None:
        if job != self._job:
            return
        self._job = None
        self._broken = True  # the same would happen to every chunk: stop trying
        self.failed.emit(core_text(ev.message))
        if self._finishing:
            self._final_chunk()

    @Slot(int, object)
    def _on_cancelled(self, job: int, _ev: Cancelled) -> None:
        if job != self._job:
            return
        self._job = None
        if self._final:
            self._done()
        elif self._finishing:
            self._final_chunk()

    def _show(self) -> None:
        self.changed.emit(segments_of(self.policy.confirmed, self.language),
                          join_words(self.policy.tentative, self.language))

    def _done(self) -> None:
        self.policy.finish()
        self.active = False
        self.recorder = None
        self.status.emit("")
        language = "" if self.language == "auto" else self.language
        self.finished.emit(LiveResult(
            self._path, segments_of(self.policy.confirmed, language), language,
            self._resolved, self._model, round(self._duration, 3), self._chunks,
            round(self._seconds, 4)))

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        self._timer.stop()
        return self.runner.shutdown(timeout_ms)
