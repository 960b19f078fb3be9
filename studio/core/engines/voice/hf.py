"""Transformers backend of the voice engine: VITS/MMS-TTS and SpeechT5 + HiFi-GAN.

- VITS (``VitsModel``, e.g. facebook/mms-tts-eng): text -> waveform end to end.
  It samples noise, so each sentence runs after ``torch.manual_seed`` of a seed
  derived from the job's seed: the same seed gives the same audio.
- SpeechT5 (``SpeechT5ForTextToSpeech``): the classic two stages, an acoustic
  model that writes a mel spectrogram frame by frame, then a HiFi-GAN vocoder
  (``SpeechT5HifiGan``) that turns it into a waveform.  It needs a speaker
  embedding (a 512-value x-vector); without one a neutral all-zero embedding is
  used and a Notice says so.  Its decoder prenet keeps dropout on while
  speaking, so it is seeded too.

Calls run on the engine's long-lived library thread (see studio.core.threads);
a hook before every layer raises JobCancelled when the job is cancelled, so Stop
works inside a sentence.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...cache import ModelCache, torch_module_size
from ...jobs import CancelToken, Event, Notice, Progress, UserError
from ...messages import msg
from ...models import LocalModel, resolve
from ...threads import run_on_library_thread
from ..writing.hf import cancellable_forward  # the same per-layer Stop hook as writing
from .request import HF, SpeakRequest

VITS = "vits"
SPEECHT5 = "speecht5"
KINDS = (VITS, SPEECHT5)
DEFAULT_VOCODER = "speecht5-hifigan"  # catalogue id (microsoft/speecht5_hifigan)


def read_config(folder: Path) -> dict:
    try:
        data = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(msg("hf.no_config", "{folder} is not a transformers model folder (no "
                            "readable config.json).", folder=str(folder))) from exc
    return data if isinstance(data, dict) else {}


def kind_of(folder: Path) -> str:
    kind = str(read_config(folder).get("model_type", ""))
    if kind not in KINDS:
        raise UserError(msg("voice.not_tts",
                            "{name} is not a text-to-speech model this app can run (model type "
                            "{kind}; VITS/MMS-TTS and SpeechT5 are supported).",
                            name=folder.name, kind=repr(kind)))
    return kind


def _need_safetensors(folder: Path) -> None:
    if not any(folder.glob("*.safetensors")):
        # Pickled .bin weights can run code when loaded: refuse them by default.
        raise UserError(msg("hf.no_safetensors",
                            "{name} has no .safetensors weights. AIGC Studio loads only "
                            "safetensors; convert the model or pick a safetensors copy of it.",
                            name=folder.name))


@dataclass
class HFVoice:
    kind: str
    model: Any
    tokenizer: Any
    vocoder: Any  # SpeechT5 only
    device: str
    sample_rate: int
    language: str
    num_speakers: int
    lock: threading.Lock = field(default_factory=threading.Lock)

    def speaker_id(self, speaker: str) -> int | None:
        speaker = speaker.strip()
        if not speaker:
            return None
        if self.kind == SPEECHT5:
            raise UserError(msg("voice.speecht5_speaker",
                                "SpeechT5 takes its voice from a speaker embedding (.npy), not a "
                                "speaker name."))
        if self.num_speakers <= 1:
            raise UserError(msg("voice.single_speaker",
                                "This voice has one speaker; leave the speaker empty."))
        if speaker.isdigit() and int(speaker) < self.num_speakers:
            return int(speaker)
        raise UserError(msg("voice.unknown_speaker",
                            "This voice has no speaker {speaker}; choose one of {names}.",
                            speaker=repr(speaker), names=f"0–{self.num_speakers - 1}"))

    def speak(self, text: str, req: SpeakRequest, speaker: int | None, seed: int | None,
              cancel: CancelToken, embedding: Any = None):
        """float32 mono samples of ``text``; empty when the tokenizer knows none of its
        characters.  Raises JobCancelled when stopped inside the sentence."""
        with self.lock:  # the model's speed/noise attributes are set per call
            return run_on_library_thread(
                "voice", self._speak, text, req, speaker, seed, cancel, embedding).result()

    def _ids(self, text: str):
        try:
            ids = self.tokenizer(text, return_tensors="pt")["input_ids"]
        except ImportError as exc:  # a tokenizer that needs phonemizer or uroman
            raise UserError(msg("voice.tokenizer_needs",
                                "This voice's tokenizer needs a package that is not installed: "
                                "{reason}", reason=str(exc).strip()[:300])) from exc
        pad = self.tokenizer.pad_token_id
        special = set(getattr(self.tokenizer, "all_special_ids", []) or [])
        if pad is not None:
            special.add(pad)
        return ids, any(int(i) not in special for i in ids[0])

    def _speak(self, text, req, speaker, seed, cancel, embedding):
        import numpy as np
        import torch

        ids, sayable = self._ids(text)
        if not sayable:
            return np.zeros(0, dtype=np.float32)
        ids = ids.to(self.device)
        torch.manual_seed(seed)
        with torch.inference_mode(), cancellable_forward(self.model, cancel):
            if self.kind == VITS:
                model, config = self.model, self.model.config
                model.noise_scale = config.noise_scale if req.noise_scale is None \
                    else req.noise_scale
                model.noise_scale_duration = config.noise_scale_duration \
                    if req.noise_w_scale is None else req.noise_w_scale
                wave = model(input_ids=ids, speaker_id=speaker,
                             speaking_rate=config.speaking_rate / req.length_scale).waveform[0]
            else:
                wave = self.model.generate(ids, speaker_embeddings=embedding.to(self.device),
                                           vocoder=self.vocoder)
        audio = wave.detach().float().cpu().numpy().reshape(-1) * req.volume
        return np.clip(audio, -1.0, 1.0).astype(np.float32)


def _load(folder: Path, kind: str, vocoder_folder: Path | None, device: str) -> HFVoice:
    from transformers import AutoTokenizer

    from ..writing.convert import quiet_transformers

    quiet_transformers()
    common = {"local_files_only": True, "use_safetensors": True, "trust_remote_code": False}
    tok = AutoTokenizer.from_pretrained(folder, local_files_only=True, trust_remote_code=False)
    vocoder = None
    if kind == VITS:
        from transformers import VitsModel

        model = VitsModel.from_pretrained(folder, **common)
        rate = int(model.config.sampling_rate)
        language = str(getattr(tok, "language", "") or "")
        speakers = int(getattr(model.config, "num_speakers", 1) or 1)
    else:
        from transformers import SpeechT5ForTextToSpeech, SpeechT5HifiGan

        model = SpeechT5ForTextToSpeech.from_pretrained(folder, **common)
        vocoder = SpeechT5HifiGan.from_pretrained(vocoder_folder, **common).to(device).eval()
        rate = int(vocoder.config.sampling_rate)
        language, speakers = "en", 1  # the released SpeechT5 TTS speaks English
    model.to(device).eval()
    return HFVoice(kind, model, tok, vocoder, device, rate, language, speakers)


def vocoder_ref(local: LocalModel, req: SpeakRequest) -> str:
    """The vocoder asked for, else the one the catalogue entry requires, else the default."""
    if req.vocoder:
        return req.vocoder
    if local.entry is not None:
        for ref in local.entry.requires:
            return ref
    return DEFAULT_VOCODER


def speaker_embedding(req: SpeakRequest, dim: int) -> tuple[Any, bool]:
    """The SpeechT5 x-vector as a (1, dim) tensor, and whether it is the neutral zero one."""
    import numpy as np
    import torch

    if not req.speaker_embedding:
        return torch.zeros((1, dim)), True
    path = Path(req.speaker_embedding).expanduser()
    try:
        data = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise UserError(msg("voice.embedding_unreadable",
                            "The speaker embedding {name} cannot be read as a .npy file: "
                            "{reason}", name=path.name, reason=str(exc))) from exc
    data = np.asarray(data, dtype=np.float32).reshape(-1)
    if data.size != dim or not np.isfinite(data).all():
        raise UserError(msg("voice.embedding_shape",
                            "The speaker embedding {name} must hold {dim} finite numbers (an "
                            "x-vector); it holds {size}.", name=path.name, dim=dim,
                            size=data.size))
    return torch.from_numpy(data).reshape(1, dim), False


def load(local: LocalModel, req: SpeakRequest, cache: ModelCache, stack: ExitStack
         ) -> Iterator[Event]:
    """Generator: yields Progress/Notice while loading, returns the HFVoice held for the job."""
    import sys

    from ...devices import resolve_device

    folder = local.path
    kind = kind_of(folder)
    _need_safetensors(folder)
    vocoder_folder = None
    if kind == SPEECHT5:
        vocoder_folder = resolve(vocoder_ref(local, req)).path
        _need_safetensors(vocoder_folder)
    if "torch" not in sys.modules:
        yield Progress(msg("progress.loading_libraries", "Loading libraries…"))
    device = resolve_device(req.device)
    key = (HF, str(folder), str(vocoder_folder or ""), device)
    if key not in cache:
        yield Progress(msg("progress.loading_voice", "Loading the voice…"))
    estimate = sum(f.stat().st_size for d in (folder, vocoder_folder) if d
                   for f in d.glob("*.safetensors"))
    return stack.enter_context(cache.use(
        key, lambda: _load(folder, kind, vocoder_folder, device),
        lambda v: torch_module_size(v.model) + (torch_module_size(v.vocoder) if v.vocoder
                                                else 0),
        estimate=estimate or None))


def prepare(session: HFVoice, req: SpeakRequest) -> Iterator[Event]:
    """Generator: Notices about controls this model ignores; returns the SpeechT5 embedding."""
    if session.kind != SPEECHT5:
        if req.speaker_embedding:
            yield Notice(msg("voice.embedding_unused",
                             "The speaker embedding is used by SpeechT5 only; this voice "
                             "ignores it."))
        return None
    if req.length_scale != 1.0 or req.noise_scale is not None or req.noise_w_scale is not None:
        yield Notice(msg("voice.speecht5_controls",
                         "SpeechT5 has no speed or noise controls; they are ignored."))
    dim = int(getattr(session.model.config, "speaker_embedding_dim", 512))
    embedding, neutral = speaker_embedding(req, dim)
    if neutral:
        yield Notice(msg("voice.neutral_embedding",
                         "SpeechT5 speaks with a neutral (all-zero) speaker embedding. For a "
                         "natural voice give a speaker x-vector as a .npy file of {dim} numbers "
                         "(e.g. one of the CMU ARCTIC x-vectors).", dim=dim))
    return embedding
