"""Finding and loading Stable Diffusion models: diffusers folders, hub snapshots and
single-file ``.safetensors`` checkpoints, held in the model cache as a PaintSession.

One pipeline object per model is cached (the text-to-image one); each job builds its own
light pipeline on the same modules with ``from_pipe`` and a scheduler of its own, so jobs
never share scheduler state and the weights are loaded once for every mode.
"""

from __future__ import annotations

import json
import math
import struct
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ... import catalog
from ...cache import ModelCache
from ...jobs import Event, Notice, Progress, UserError
from ...messages import msg
from ...models import LocalModel, resolve
from . import schedulers
from .request import MIN_SIDE, ModelDefaults, PaintRequest

UNSAFE_SUFFIXES = (".ckpt", ".pt", ".pth", ".bin")
# What a single-file checkpoint's weights say it is -> (family, diffusers default config repo)
SINGLE_FILE_KINDS = {
    "v1": ("sd", "stable-diffusion-v1-5/stable-diffusion-v1-5"),
    "v2": ("sd", "stabilityai/stable-diffusion-2-1"),
    "inpainting": ("sd", "stable-diffusion-v1-5/stable-diffusion-inpainting"),
    "inpainting_v2": ("sd", "stabilityai/stable-diffusion-2-inpainting"),
    "xl_base": ("sdxl", "stabilityai/stable-diffusion-xl-base-1.0"),
    "xl_inpaint": ("sdxl", "diffusers/stable-diffusion-xl-1.0-inpainting-0.1"),
}


@dataclass
class PaintSession:
    base: Any  # the text-to-image pipeline; its modules serve every mode
    device: str
    dtype: Any
    family: str  # "sd" | "sdxl"
    name: str  # reference, folder and repo names (Turbo/LCM are told apart by name)
    lock: threading.Lock = field(default_factory=threading.Lock)
    vae_upcast: bool = False  # float16 decoding gave NaNs once: decode in float32 from now on
    flags: dict = field(default_factory=dict)  # memory options now applied to the modules

    @property
    def inpainting(self) -> bool:
        return int(self.base.unet.config.in_channels) == 9

    def defaults(self, req: PaintRequest) -> ModelDefaults:
        unet = self.base.unet.config
        size = int(unet.sample_size) * int(self.base.vae_scale_factor)
        return defaults_for(self.family, self.name, size, self.inpainting,
                            schedulers.name_of(self.base.scheduler), req)


def defaults_for(family: str, name: str, size: int, inpainting: bool, scheduler: str,
                 req: PaintRequest | None = None) -> ModelDefaults:
    """Turbo: one step (enough steps that strength x steps >= 1 for image-to-image) at
    guidance 0; LCM: 4 steps at guidance 1; others 25 steps at 7.5 (SDXL 5)."""
    lowered = name.lower()
    turbo = "turbo" in lowered
    if turbo:
        strength = req.strength if req is not None and req.mode != "txt2img" else 1.0
        steps, guidance = min(4, max(1, math.ceil(1 / strength - 1e-6))), 0.0
    elif "lcm" in lowered or scheduler == "LCM":
        steps, guidance = 4, 1.0
    else:
        steps, guidance = 25, 5.0 if family == "sdxl" else 7.5
    size = max(MIN_SIDE, size // 8 * 8)
    return ModelDefaults(family, turbo, inpainting, steps, guidance, size, scheduler)


# ---- finding the model ---------------------------------------------------------------------

def resolve_model(ref: str) -> LocalModel:
    """Like ``models.resolve``, plus single ``.safetensors`` checkpoints; pickled formats are
    refused (loading them can run code)."""
    path = Path((ref or "").strip()).expanduser()
    suffix = path.suffix.lower()
    if suffix in UNSAFE_SUFFIXES and path.exists():
        raise UserError(msg("paint.unsafe_checkpoint",
                            "{name} is a pickled checkpoint ({suffix}), which can run code when "
                            "loaded: AIGC Studio loads .safetensors only. Download the "
                            ".safetensors version of the model.", name=path.name, suffix=suffix))
    if suffix == ".safetensors" and path.is_file():
        return LocalModel(ref, path.resolve().parent, None, path.name)
    return resolve(ref, "painting")


def is_single_file(local: LocalModel) -> bool:
    return local.main_path.is_file() and local.main_path.suffix.lower() == ".safetensors"


class _Shape:
    """A tensor's shape read from a safetensors header (diffusers' guess needs only that)."""

    def __init__(self, shape) -> None:
        self.shape = tuple(shape)


def checkpoint_kind(path: Path) -> str:
    """diffusers' name for what a checkpoint holds ("v1", "xl_base", ...), from its header."""
    from diffusers.loaders.single_file_utils import infer_diffusers_model_type

    try:
        with open(path, "rb") as fh:
            (length,) = struct.unpack("<Q", fh.read(8))
            if length > 100_000_000:
                raise ValueError("header too large")
            header = json.loads(fh.read(length))
    except (OSError, ValueError, struct.error) as exc:
        raise UserError(msg("paint.bad_safetensors", "{name} is not a readable .safetensors "
                            "file: {reason}", name=path.name, reason=str(exc))) from None
    shapes = {k: _Shape(v.get("shape", ())) for k, v in header.items()
              if isinstance(v, dict) and k != "__metadata__"}
    try:
        return infer_diffusers_model_type(shapes)
    except Exception:  # a layout it does not know at all
        return "unknown"


def _config_folder(req: PaintRequest, repo: str) -> str | None:
    """A local folder with the configuration for a checkpoint: the request's ``config``, or
    the family's reference model if it is already in the local hub cache."""
    if req.config:
        local = resolve_model(req.config)
        if not (local.path / "model_index.json").is_file():
            raise UserError(msg("paint.config_not_folder",
                                "The configuration {ref} is not a diffusers model folder (it "
                                "has no model_index.json).", ref=req.config))
        return str(local.path)
    entry = next((e for e in catalog.for_task("painting") if e.repo == repo), None)
    try:
        return str(resolve(entry.id if entry else repo).path)
    except UserError:
        return None


# ---- loading -------------------------------------------------------------------------------

def _quiet() -> None:
    from diffusers.utils import logging as dlog
    from transformers.utils import logging as tlog

    dlog.set_verbosity_error()  # the safety-checker lecture, config keys a scheduler ignores
    dlog.disable_progress_bar()  # loading bars on the engine's stderr
    tlog.disable_progress_bar()


def _folder_kwargs(folder: Path, dtype) -> dict:
    kwargs: dict[str, Any] = {"dtype": dtype, "use_safetensors": True}
    try:
        index = json.loads((folder / "model_index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise UserError(msg("paint.not_diffusers", "{name} is not a Stable Diffusion model "
                            "folder (no readable model_index.json).", name=folder.name)) from None
    if "safety_checker" in index:
        kwargs.update(safety_checker=None, requires_safety_checker=False)
    if str(dtype) in ("torch.float16", "torch.bfloat16") and any(
            (folder / "unet").glob("*.fp16.safetensors")):
        kwargs["variant"] = "fp16"  # half the reading, same weights
    return kwargs


def _load_folder(folder: Path, dtype):
    from diffusers import AutoPipelineForText2Image

    kwargs = _folder_kwargs(folder, dtype)
    try:
        return AutoPipelineForText2Image.from_pretrained(folder, local_files_only=True, **kwargs)
    except OSError as exc:
        text = str(exc)
        if "safetensors" in text.lower():
            raise UserError(msg("paint.no_safetensors",
                                "{name} has no .safetensors weights for every part. AIGC Studio "
                                "loads only safetensors; pick a safetensors copy of the model.",
                                name=folder.name)) from None
        raise UserError(msg("paint.load_failed", "{name} could not be loaded: {reason}",
                            name=folder.name, reason=text.splitlines()[0] if text else "?")
                        ) from None
    except ValueError as exc:  # a pipeline class the auto pipelines do not know
        raise UserError(msg("paint.not_sd", "{name} is not a Stable Diffusion (1.x, 2.x, XL) "
                            "model: {reason}", name=folder.name, reason=str(exc))) from None


def _load_single(path: Path, kind: str, config: str | None, dtype):
    from diffusers import StableDiffusionPipeline, StableDiffusionXLPipeline

    family, repo = SINGLE_FILE_KINDS[kind]
    cls = StableDiffusionXLPipeline if family == "sdxl" else StableDiffusionPipeline
    kwargs: dict[str, Any] = {"dtype": dtype}
    if family == "sd":
        kwargs.update(safety_checker=None, requires_safety_checker=False)
    try:
        if config:
            return cls.from_single_file(str(path), config=config, local_files_only=True,
                                        **kwargs)
        return cls.from_single_file(str(path), **kwargs)
    except Exception as exc:
        if config:
            raise UserError(msg("paint.single_failed", "{name} could not be loaded with the "
                                "configuration {config}: {reason}", name=path.name,
                                config=config, reason=str(exc).splitlines()[0])) from None
        raise UserError(msg(
            "paint.single_no_config",
            "{name} is a single-file checkpoint; loading it needs the configuration of its "
            "base model ({repo}), which is not on this machine and could not be fetched "
            "(offline?). Download that model once (aigc-studio models download {repo}), or "
            "name a diffusers folder of the same kind as its configuration (--config).",
            name=path.name, repo=repo)) from None


def _place(pipe, device: str, offload: bool) -> None:
    pipe.set_progress_bar_config(disable=True)
    if offload:
        pipe.enable_model_cpu_offload(device=device)
    else:
        pipe.to(device)


def load(local: LocalModel, req: PaintRequest, cache: ModelCache, stack: ExitStack
         ) -> Iterator[Event]:
    """Generator: Progress while loading; returns the PaintSession, held for the job."""
    import sys

    from ...devices import resolve_device, resolve_dtype

    if "diffusers" not in sys.modules:
        yield Progress(msg("progress.loading_libraries", "Loading libraries…"))
    device = resolve_device(req.device)
    dtype = resolve_dtype(req.dtype, device)
    offload = bool(req.cpu_offload)
    if offload and not (device.startswith("cuda") and _has_accelerate()):
        yield Notice(msg("paint.offload_cuda_only",
                         "CPU offload works on CUDA GPUs only (with accelerate); it is off."))
        offload = False
    single = is_single_file(local)
    kind = checkpoint_kind(local.main_path) if single else ""
    if single and kind not in SINGLE_FILE_KINDS:
        raise UserError(msg("paint.single_unknown",
                            "{name} is not a Stable Diffusion 1.x, 2.x or XL checkpoint this app "
                            "can load (it looks like: {kind}).", name=local.main_path.name,
                            kind=kind))
    config = _config_folder(req, SINGLE_FILE_KINDS[kind][1]) if single else None
    key = ("diffusers", str(local.main_path), device, str(dtype), offload, config or "")
    name = " ".join(filter(None, (local.ref, local.path.name, local.main_path.stem,
                                  local.entry.repo if local.entry else "")))

    def loader() -> PaintSession:
        _quiet()
        if single:
            pipe = _load_single(local.main_path, kind, config, dtype)
        else:
            pipe = _load_folder(local.path, dtype)
        _place(pipe, device, offload)
        family = "sdxl" if "XL" in type(pipe).__name__ else "sd"
        return PaintSession(pipe, device, dtype, family, name)

    def size(session: PaintSession) -> int:
        from ...cache import torch_module_size

        return sum(torch_module_size(m) for m in session.base.components.values()
                   if hasattr(m, "parameters"))

    if key not in cache:
        yield Progress(msg("progress.loading_model", "Loading model…"))
    files = [local.main_path] if single else [
        p for p in local.path.rglob("*.safetensors") if ".fp16." not in p.name]
    estimate = sum(p.stat().st_size for p in files if p.is_file()) or None
    return stack.enter_context(cache.use(key, loader, size, estimate=estimate))


def _has_accelerate() -> bool:
    import importlib.util

    return importlib.util.find_spec("accelerate") is not None


def pipeline_for(session: PaintSession, mode: str, scheduler) -> Any:
    """This job's own pipeline for ``mode``: the cached modules, a scheduler of its own."""
    from diffusers import (
        AutoPipelineForImage2Image,
        AutoPipelineForInpainting,
        AutoPipelineForText2Image,
    )

    auto = {"txt2img": AutoPipelineForText2Image, "img2img": AutoPipelineForImage2Image,
            "inpaint": AutoPipelineForInpainting}[mode]
    extra = {}
    if "safety_checker" in session.base.components:
        extra["requires_safety_checker"] = False
    pipe = auto.from_pipe(session.base, scheduler=scheduler, **extra)
    pipe.set_progress_bar_config(disable=True)
    return pipe


# ---- what "auto" means, without loading anything -------------------------------------------

_OWN_SCHEDULERS = {"EulerDiscreteScheduler": "Euler", "EulerAncestralDiscreteScheduler": "Euler a",
                   "DDIMScheduler": "DDIM", "LCMScheduler": "LCM", "PNDMScheduler": "PNDM"}


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _scheduler_name(config: dict) -> str:
    kind = config.get("_class_name", "")
    if kind == "DPMSolverMultistepScheduler" and config.get("solver_order", 2) == 2:
        return "DPM++ 2M Karras" if config.get("use_karras_sigmas") else "DPM++ 2M"
    if kind == "EulerDiscreteScheduler" and config.get("use_karras_sigmas"):
        return "auto"
    if kind == "PNDMScheduler" and not config.get("skip_prk_steps", False):
        return "auto"
    return _OWN_SCHEDULERS.get(kind, "auto")


def model_defaults(ref: str, req: PaintRequest | None = None) -> ModelDefaults:
    """The model's own steps, guidance, size and scheduler, read from its configuration
    files only (no torch, no diffusers: the window may call it, off the UI thread).
    A single-file checkpoint is judged by its weights' names."""
    local = resolve_model(ref)
    name = " ".join(filter(None, (local.ref, local.path.name, local.main_path.stem,
                                  local.entry.repo if local.entry else "")))
    if is_single_file(local):
        try:
            with open(local.main_path, "rb") as fh:
                (length,) = struct.unpack("<Q", fh.read(8))
                keys = json.loads(fh.read(min(length, 100_000_000))).keys()
        except (OSError, ValueError, struct.error):
            keys = ()
        xl = any(k.startswith("conditioner.") for k in keys)
        return defaults_for("sdxl" if xl else "sd", name, 1024 if xl else 512, False, "auto",
                            req)
    folder = local.path
    index = _read_json(folder / "model_index.json")
    unet = _read_json(folder / "unet" / "config.json")
    vae = _read_json(folder / "vae" / "config.json")
    family = "sdxl" if "XL" in str(index.get("_class_name", "")) else "sd"
    scale = 2 ** max(0, len(vae.get("block_out_channels", (0, 0, 0, 0))) - 1)
    size = int(unet.get("sample_size", 64)) * scale
    inpainting = int(unet.get("in_channels", 4)) == 9
    scheduler = _scheduler_name(_read_json(folder / "scheduler" / "scheduler_config.json"))
    return defaults_for(family, name, size, inpainting, scheduler, req)
