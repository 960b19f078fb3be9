"""Piper backend of the voice engine: VITS voices exported to ONNX (``piper-tts``).

The engine calls ``PiperVoice.synthesize`` once per sentence of its own
splitting, so each sentence's audio (and its timing) is exact and Stop is
checked between sentences; one call may still yield several chunks when espeak
splits further (at a colon, say), and those are joined.  Piper normalises each
sentence to full scale, then applies ``volume``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...cache import ModelCache
from ...jobs import Event, Notice, Progress, UserError
from ...messages import msg
from ...models import LocalModel
from ...paths import cache_dir
from .request import PIPER, SpeakRequest


def config_path(model: Path) -> Path:
    return model.with_name(model.name + ".json")


def read_config(model: Path) -> dict:
    """The voice's ``.onnx.json`` (sample rate, language, speakers), without loading weights."""
    path = config_path(model)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "audio" not in data:
            raise ValueError("no audio section")
    except FileNotFoundError as exc:
        raise UserError(msg("piper.no_config",
                            "The Piper voice {name} has no {config} beside it: a voice is the "
                            ".onnx file and its .onnx.json.", name=model.name,
                            config=path.name)) from exc
    except (OSError, ValueError) as exc:
        raise UserError(msg("piper.bad_config", "The Piper voice settings {config} cannot be "
                            "read: {reason}", config=path.name, reason=str(exc))) from exc
    return data


def language_of(config: dict) -> str:
    """"en-US", "zh-CN", ... from a Piper voice config ("" when it does not say)."""
    lang = config.get("language")
    if isinstance(lang, dict) and lang.get("code"):
        return str(lang["code"]).replace("_", "-")
    return str((config.get("espeak") or {}).get("voice", ""))


def speakers_of(config: dict) -> tuple[str, ...]:
    names = config.get("speaker_id_map") or {}
    if names:
        return tuple(sorted(names, key=lambda n: names[n]))
    count = int(config.get("num_speakers") or 1)
    return tuple(str(i) for i in range(count)) if count > 1 else ()


@dataclass
class PiperSession:
    voice: Any  # piper.PiperVoice
    sample_rate: int
    language: str
    speaker_ids: dict[str, int]
    num_speakers: int

    def speaker_id(self, speaker: str) -> int | None:
        """Speaker by name, or by number; None for the voice's default."""
        speaker = speaker.strip()
        if not speaker:
            return None
        if self.num_speakers <= 1:
            raise UserError(msg("voice.single_speaker",
                                "This voice has one speaker; leave the speaker empty."))
        if speaker in self.speaker_ids:
            return self.speaker_ids[speaker]
        if speaker.isdigit() and int(speaker) < self.num_speakers:
            return int(speaker)
        names = ", ".join(list(self.speaker_ids)[:12]) or f"0–{self.num_speakers - 1}"
        raise UserError(msg("voice.unknown_speaker",
                            "This voice has no speaker {speaker}; choose one of {names}.",
                            speaker=repr(speaker), names=names))

    def speak(self, text: str, req: SpeakRequest, speaker: int | None, seed: int | None):
        """float32 mono samples of ``text`` (empty when espeak found nothing to say)."""
        import numpy as np
        from piper import SynthesisConfig

        config = SynthesisConfig(speaker_id=speaker, length_scale=req.length_scale,
                                 noise_scale=req.noise_scale, noise_w_scale=req.noise_w_scale,
                                 volume=req.volume)
        parts = [c.audio_float_array for c in self.voice.synthesize(text, syn_config=config)]
        if not parts:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate(parts).astype(np.float32, copy=False)


def _open(model: Path, use_cuda: bool) -> PiperSession:
    from piper import PiperVoice

    config = read_config(model)
    # Chinese pinyin voices fetch their g2pW model into download_dir: keep it in our cache,
    # not in whatever folder the app was started from.
    downloads = cache_dir() / "piper"
    downloads.mkdir(parents=True, exist_ok=True)
    try:
        voice = PiperVoice.load(model, config_path=config_path(model), use_cuda=use_cuda,
                                download_dir=downloads)
    except Exception as exc:  # onnxruntime's InvalidGraph/Fail, a truncated file, a bad map
        raise UserError(msg("piper.load_failed",
                            "{name} could not be loaded as a Piper voice: {reason}",
                            name=model.name, reason=str(exc).strip()[:300])) from exc
    ids = {str(k): int(v) for k, v in (config.get("speaker_id_map") or {}).items()}
    return PiperSession(voice, int(voice.config.sample_rate), language_of(config), ids,
                        int(voice.config.num_speakers))


def load(local: LocalModel, req: SpeakRequest, cache: ModelCache, stack: ExitStack
         ) -> Iterator[Event]:
    """Generator: yields Progress while loading, returns the PiperSession held for the job."""
    model = local.main_path
    read_config(model)  # a missing or broken .onnx.json is bad input, said before any load
    use_cuda = False
    if req.device == "cuda":
        import onnxruntime

        use_cuda = "CUDAExecutionProvider" in onnxruntime.get_available_providers()
        if not use_cuda:
            yield Notice(msg("piper.cpu_only",
                             "Piper runs on the CPU here: this onnxruntime has no CUDA support."))
    key = (PIPER, str(model), use_cuda)
    if key not in cache:
        yield Progress(msg("progress.loading_voice", "Loading the voice…"))
    size = os.path.getsize(model)  # onnxruntime holds about the file's size
    return stack.enter_context(cache.use(key, lambda: _open(model, use_cuda), lambda _s: size,
                                         estimate=size))
