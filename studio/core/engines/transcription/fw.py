"""faster-whisper backend (CTranslate2 Whisper folders; int8 on the CPU).

The engine hands it numpy windows of 16 kHz audio (studio.core.audio decodes the
file; faster-whisper's own ``decode_audio`` would hold the whole file in memory).
Sequential decoding is ``WhisperModel.transcribe``; batched decoding is
``BatchedInferencePipeline.transcribe``, which cuts the window into speech chunks
with the Silero VAD and decodes them ``batch_size`` at a time.  Both return
generators: a segment is decoded when it is asked for, so stopping between two
segments stops the work.
"""

from __future__ import annotations

import functools
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import numpy as np

from ...cache import ModelCache
from ...devices import physical_cores
from ...jobs import Segment, UserError
from ...messages import msg
from ...models import LocalModel
from .request import FW, TranscribeRequest, Word
from .stream import Pass

WINDOW_S = 600.0  # audio per transcribe() call: bounded memory on hours-long files
GUARD_S = 5.0


@dataclass
class FWSession:
    model: Any  # faster_whisper.WhisperModel
    device: str
    compute_type: str

    @property
    def multilingual(self) -> bool:
        return bool(self.model.model.is_multilingual)

    @functools.cached_property
    def batched(self) -> Any:
        from faster_whisper import BatchedInferencePipeline

        return BatchedInferencePipeline(self.model)

    def decoder(self, req: TranscribeRequest, batched: bool):
        """transcribe(window, language, prompt) -> Pass, as stream.windows wants it."""
        options = dict(
            task=req.task if self.multilingual else "transcribe",
            beam_size=req.beam_size,
            temperature=list(req.temperature),
            word_timestamps=req.word_timestamps,
        )

        def transcribe(audio: np.ndarray, language: str | None, prompt: str) -> Pass:
            if not self.multilingual:
                language = "en"
            if batched:
                segments, info = self.batched.transcribe(
                    audio, language=language, initial_prompt=prompt or None, vad_filter=True,
                    without_timestamps=False,  # segments of a sentence, not of a 30 s chunk
                    batch_size=req.batch_size, **options)
            else:
                segments, info = self.model.transcribe(
                    audio, language=language, initial_prompt=prompt or None,
                    vad_filter=req.vad, **options)
            detected = language is None
            return Pass(info.language, float(info.language_probability) if detected else None,
                        (_segment(s) for s in segments))

        return transcribe


def _segment(s) -> Segment:
    words = tuple(Word(round(float(w.start), 3), round(float(w.end), 3), w.word.strip(),
                       round(float(w.probability), 4)) for w in (s.words or ()))
    return Segment(float(s.start), float(s.end), s.text.strip(), words)


def resolve_device(device: str) -> str:
    """CTranslate2's device: "cuda" when asked (or auto and a GPU exists), else "cpu"."""
    if device == "mps":
        raise UserError(msg("transcription.fw_no_mps", "faster-whisper cannot use Apple GPUs "
                            "(MPS); choose cpu, or the transformers backend."))
    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count()
    if device == "cuda" and not gpus:
        raise UserError(msg("device.no_cuda", "CUDA was chosen but no NVIDIA GPU is available; "
                            "choose cpu or auto."))
    return "cuda" if device == "cuda" or (device == "auto" and gpus) else "cpu"


def compute_type(dtype: str, device: str) -> str:
    if dtype == "auto":
        return "float16" if device == "cuda" else "int8"
    return dtype


def load(local: LocalModel, req: TranscribeRequest, cache: ModelCache, stack: ExitStack
         ) -> FWSession:
    """The model held for the job (loaded once per folder, device and compute type)."""
    device = resolve_device(req.device)
    ctype = compute_type(req.dtype, device)
    threads = physical_cores()
    key = (FW, str(local.path), device, ctype, threads)

    def loader() -> FWSession:
        from faster_whisper import WhisperModel

        try:
            model = WhisperModel(str(local.path), device=device, compute_type=ctype,
                                 cpu_threads=threads if device == "cpu" else 0,
                                 local_files_only=True)
        except ValueError as exc:  # "Requested float16 compute type, but ... not support"
            raise UserError(msg("transcription.compute_type", "faster-whisper cannot run "
                                "{type} on {device}: {reason}", type=ctype, device=device,
                                reason=str(exc))) from exc
        except RuntimeError as exc:  # "Unable to open file 'model.bin'": not a CT2 folder
            raise UserError(msg("transcription.fw_bad_model", "{name} is not a faster-whisper "
                                "(CTranslate2) model: {reason}", name=local.path.name,
                                reason=str(exc))) from exc
        return FWSession(model, device, ctype)

    size = (local.path / "model.bin").stat().st_size if (local.path / "model.bin").is_file() else 0
    # int8 on the CPU holds about half of the float16 file
    estimate = size // 2 if ctype.startswith("int8") else size
    return stack.enter_context(cache.use(key, loader, lambda _s: estimate, estimate or None))
