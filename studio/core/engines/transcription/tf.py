"""transformers backend: any Whisper or CTC (wav2vec2-style) model folder or hub id.

The ASR pipeline gets numpy windows of 16 kHz audio that studio.core.audio decoded
and resampled: it would need ffmpeg for file paths and torchaudio for other rates.
One window (30 s, Whisper's own span) per pipeline call, so segments arrive window by
window and a Stop is seen between them.  Safetensors only, no remote code.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ...cache import ModelCache, torch_module_size
from ...jobs import Event, Progress, Segment, UserError
from ...messages import msg
from ...models import LocalModel
from ...threads import run_on_library_thread
from .request import HF, SAMPLE_RATE, TranscribeRequest, Word
from .stream import Pass

WINDOW_S = 30.0
GUARD_S = 3.0
_SENTENCE_END = re.compile(r"[.!?。！？]$")


@dataclass
class TFSession:
    pipe: Any
    device: str
    compute_type: str
    whisper: bool
    multilingual: bool
    lock: threading.Lock = field(default_factory=threading.Lock)

    def detect(self, audio: np.ndarray) -> tuple[str, float]:
        """Whisper's language token after <|startoftranscript|>, and its probability."""
        import torch

        model = self.pipe.model
        gen = model.generation_config
        features = self.pipe.feature_extractor(audio[:30 * SAMPLE_RATE], sampling_rate=SAMPLE_RATE,
                                               return_tensors="pt").input_features
        features = features.to(model.device, model.dtype)
        start = torch.tensor([[gen.decoder_start_token_id]], device=model.device)
        with torch.inference_mode():
            logits = model(features, decoder_input_ids=start).logits[0, -1].float()
        codes = list(gen.lang_to_id)
        probs = torch.softmax(logits[[gen.lang_to_id[c] for c in codes]], dim=-1)
        best = int(probs.argmax())
        return codes[best].strip("<|>"), float(probs[best])

    def decoder(self, req: TranscribeRequest):
        def transcribe(audio: np.ndarray, language: str | None, prompt: str) -> Pass:
            with self.lock:
                probability = None
                if self.whisper and language is None:
                    if self.multilingual:
                        language, probability = self.detect(audio)
                    else:
                        language = "en"
                kwargs = self._call_kwargs(req, language, prompt)
                notes = ()
                try:
                    out = self._call(audio, kwargs)
                except (IndexError, RuntimeError):
                    if not kwargs.get("return_timestamps"):
                        raise
                    # Some models fail to place timestamps under beam search (transformers
                    # raises in its timestamp bookkeeping): the text without them is still good.
                    kwargs.pop("return_timestamps")
                    out = self._call(audio, kwargs)
                    notes = (msg("transcription.no_timestamps", "The model could not give "
                                 "timestamps for this part; it is one segment."),)
            words = req.word_timestamps and not notes
            return Pass(language or "", probability,
                        iter(_segments(out, len(audio) / SAMPLE_RATE, words)), notes)

        return transcribe

    def _call(self, audio: np.ndarray, kwargs: dict) -> dict:
        return run_on_library_thread("transcription", lambda: self.pipe(
            {"raw": audio, "sampling_rate": SAMPLE_RATE}, **kwargs)).result()

    def _call_kwargs(self, req: TranscribeRequest, language: str | None, prompt: str) -> dict:
        if not self.whisper:  # CTC: no language, task, beams or prompt
            return {"return_timestamps": "word"} if req.word_timestamps else {}
        gen: dict[str, Any] = {"num_beams": req.beam_size}
        if self.multilingual:
            gen.update(language=language, task=req.task)
        temps = tuple(float(t) for t in req.temperature)
        if len(temps) > 1:  # Whisper's fallback: retry hotter when a decode looks broken
            gen.update(temperature=temps, compression_ratio_threshold=2.4,
                       logprob_threshold=-1.0, do_sample=False)
        elif temps[0] > 0:
            gen.update(temperature=temps[0], do_sample=True)
        if prompt:
            gen["prompt_ids"] = self.pipe.tokenizer.get_prompt_ids(prompt, return_tensors="pt")
        return {"return_timestamps": "word" if req.word_timestamps else True,
                "generate_kwargs": gen}


def _time(value, default: float) -> float:
    return default if value is None else float(value)


def _segments(out: dict, length: float, words: bool) -> list[Segment]:
    """The pipeline's chunks as segments (window-relative); one segment when it has none."""
    chunks = out.get("chunks") or []
    if not chunks:
        text = (out.get("text") or "").strip()
        return [Segment(0.0, length, text)] if text else []
    if not words:
        segs = []
        for i, c in enumerate(chunks):
            start, end = c.get("timestamp") or (None, None)
            start = _time(start, segs[-1].end if segs else 0.0)
            end = _time(end, length if i == len(chunks) - 1 else start)
            segs.append(Segment(start, end, c.get("text", "").strip()))
        return [s for s in segs if s.text]
    # word chunks: grouped into sentences
    segs, group = [], []
    for c in chunks:
        start, end = c.get("timestamp") or (None, None)
        prev = group[-1].end if group else (segs[-1].end if segs else 0.0)
        start = _time(start, prev)
        w = Word(round(start, 3), round(_time(end, start), 3), c.get("text", "").strip(), None)
        if w.text:
            group.append(w)
        if group and _SENTENCE_END.search(w.text):
            segs.append(_sentence(group))
            group = []
    if group:
        segs.append(_sentence(group))
    return segs


def _sentence(words: list[Word]) -> Segment:
    return Segment(words[0].start, words[-1].end, " ".join(w.text for w in words), tuple(words))


def _load(folder, device: str, dtype) -> TFSession:
    import json

    from transformers import AutoModelForCTC, AutoProcessor, WhisperForConditionalGeneration
    from transformers import pipeline as make_pipeline

    from ..writing.convert import quiet_transformers

    quiet_transformers()
    try:
        model_type = json.loads((folder / "config.json").read_text(encoding="utf-8"))["model_type"]
    except (OSError, ValueError, KeyError, TypeError):
        raise UserError(msg("hf.no_config", "{folder} is not a transformers model folder (no "
                            "readable config.json).", folder=str(folder))) from None
    if not any(folder.glob("*.safetensors")):
        raise UserError(msg("hf.no_safetensors",
                            "{name} has no .safetensors weights. AIGC Studio loads only "
                            "safetensors; convert the model or pick a safetensors copy of it.",
                            name=folder.name))
    whisper = model_type == "whisper"
    kind = WhisperForConditionalGeneration if whisper else AutoModelForCTC
    try:
        processor = AutoProcessor.from_pretrained(folder, local_files_only=True,
                                                  trust_remote_code=False)
        model = kind.from_pretrained(folder, dtype=dtype, local_files_only=True,
                                     use_safetensors=True, trust_remote_code=False)
    except ValueError as exc:  # "Unrecognized configuration class": not a speech model
        raise UserError(msg("transcription.not_asr", "{name} is not a speech recognition "
                            "(Whisper or CTC) model: {reason}", name=folder.name,
                            reason=str(exc))) from exc
    model.to(device).eval()
    pipe = make_pipeline("automatic-speech-recognition", model=model,
                         tokenizer=processor.tokenizer,
                         feature_extractor=processor.feature_extractor, device=device)
    multilingual = whisper and bool(getattr(model.generation_config, "is_multilingual", False)
                                    and getattr(model.generation_config, "lang_to_id", None))
    return TFSession(pipe, device, str(dtype).removeprefix("torch."), whisper, multilingual)


def load(local: LocalModel, req: TranscribeRequest, cache: ModelCache, stack: ExitStack
         ) -> Iterator[Event]:
    """Generator: yields Progress while loading, returns a TFSession held for the job."""
    import sys

    from ...devices import resolve_device, resolve_dtype

    if req.dtype == "int8":
        raise UserError(msg("transcription.int8_fw_only", "int8 is a faster-whisper compute "
                            "type; choose auto, float32, float16 or bfloat16 for transformers."))
    if "torch" not in sys.modules:
        yield Progress(msg("progress.loading_libraries", "Loading libraries…"))
    device = resolve_device(req.device)
    dtype = resolve_dtype(req.dtype, device)
    key = (HF, "asr", str(local.path), device, str(dtype))
    estimate = sum(f.stat().st_size for f in local.path.glob("*.safetensors"))
    return stack.enter_context(cache.use(key, lambda: _load(local.path, device, dtype),
                                         lambda s: torch_module_size(s.pipe.model),
                                         estimate=estimate or None))
