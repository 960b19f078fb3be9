"""One painting job on a loaded model: memory options, LoRA, then batch after batch of
pipeline calls on the engine's library thread, with step events, previews and cancel.

The pipeline returns latents (``output_type="latent"``) and this module decodes them
itself: a Stop skips the decode of a batch nobody will see, and a float16 VAE that
decodes to NaN (black images) is retried in float32.  The decode is the same arithmetic
as diffusers' own postprocessing, so the pixels equal a plain pipeline call's.
"""

from __future__ import annotations

import concurrent.futures
import importlib.util
import queue
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...jobs import CancelToken, Event, Notice, Preview, Progress, UserError
from ...messages import msg
from ...threads import run_on_library_thread
from . import inputs, schedulers
from .load import PaintSession, pipeline_for
from .preview import Previewer
from .request import PaintRequest


@dataclass(frozen=True)
class Plan:
    """The request with every "auto" settled."""

    mode: str
    width: int
    height: int
    steps: int  # as asked (image-to-image runs steps x strength of them)
    run_steps: int  # denoising steps per batch
    guidance: float
    scheduler: str
    seed: int
    init: Any = None  # PIL image at the generation size
    mask: Any = None  # PIL "L" image at the generation size


def apply_memory_options(session: PaintSession, req: PaintRequest) -> None:
    """Switch the shared modules' slicing/tiling to what this job asks (only on change)."""
    base, vae = session.base, session.base.vae
    switches = {
        "attention_slicing": (base.enable_attention_slicing, base.disable_attention_slicing),
        "vae_slicing": (vae.enable_slicing, vae.disable_slicing),
        "vae_tiling": (vae.enable_tiling, vae.disable_tiling),
    }
    for name, (on, off) in switches.items():
        want = bool(getattr(req, name))
        if session.flags.get(name, False) != want:
            (on if want else off)()
            session.flags[name] = want


def check_lora_files(req: PaintRequest) -> None:
    """Before any loading: each LoRA is an existing .safetensors file, and peft is there."""
    for file, _weight in req.loras:
        path = Path(file).expanduser()
        if not path.is_file():
            raise UserError(msg("paint.lora_missing", "The LoRA file {name} does not exist.",
                                name=str(path)))
        if path.suffix.lower() != ".safetensors":
            raise UserError(msg("paint.lora_unsafe", "The LoRA {name} is not a .safetensors "
                                "file; AIGC Studio loads safetensors only.", name=path.name))
    if req.loras and importlib.util.find_spec("peft") is None:
        raise UserError(msg("paint.lora_peft", "LoRA files need the peft package (pip "
                            "install peft)."))


def load_loras(session: PaintSession, loras) -> list[str]:
    """Load each LoRA as an adapter with its weight; ``unload_lora_weights`` undoes it."""
    base = session.base
    names = []
    for i, (file, _weight) in enumerate(loras):
        name = f"lora{i}"
        path = Path(file).expanduser()
        try:
            base.load_lora_weights(str(path), adapter_name=name)
        except Exception as exc:  # wrong shapes, not a LoRA, another model family's LoRA
            raise UserError(msg("paint.lora_bad", "The LoRA {name} does not fit this model: "
                                "{reason}", name=path.name,
                                reason=str(exc).splitlines()[0] if str(exc) else "?")) from None
        if not any(name in found for found in base.get_list_adapters().values()):
            raise UserError(msg("paint.lora_empty", "The LoRA {name} has no weights for this "
                                "model's parts (a LoRA of another model family?).",
                                name=path.name))
        names.append(name)
    base.set_adapters(names, adapter_weights=[float(w) for _f, w in loras])
    return names


def _vae_decode(vae, latents, float32: bool):
    import torch

    if not float32 or vae.dtype == torch.float32:
        return vae.decode(latents.to(vae.dtype), return_dict=False)[0]
    dtype = vae.dtype
    vae.to(torch.float32)
    try:
        return vae.decode(latents.to(torch.float32), return_dict=False)[0]
    finally:
        vae.to(dtype)


def decode(session: PaintSession, latents) -> tuple[Any, Any]:
    """(uint8 array n x h x w x 3, a Notice when float16 gave NaNs and float32 was used)."""
    import torch

    vae = session.base.vae
    config = vae.config
    mean, std = config.get("latents_mean"), config.get("latents_std")
    if mean is not None and std is not None:  # SDXL-style VAEs with normalised latents
        shape = (1, len(mean), 1, 1)
        latents = (latents * torch.tensor(std).view(shape).to(latents) / config.scaling_factor
                   + torch.tensor(mean).view(shape).to(latents))
    else:
        latents = latents / config.scaling_factor
    upcast = session.vae_upcast or (vae.dtype == torch.float16
                                    and bool(config.get("force_upcast", False)))
    notice = None
    with torch.inference_mode():
        image = _vae_decode(vae, latents, upcast)
        if not upcast and vae.dtype != torch.float32 and not torch.isfinite(image).all():
            session.vae_upcast = True  # this model's VAE overflows in half precision
            image = _vae_decode(vae, latents, True)
            notice = Notice(msg("paint.vae_nan", "The image decoder overflowed in half "
                                "precision (black images); decoded again in float32, as it "
                                "will be from now on for this model."))
        image = (image * 0.5 + 0.5).clamp(0, 1).cpu().permute(0, 2, 3, 1).float().numpy()
    return (image * 255).round().astype("uint8"), notice


def _call_kwargs(req: PaintRequest, plan: Plan, count: int) -> dict:
    kwargs: dict[str, Any] = {
        "prompt": req.prompt, "negative_prompt": req.negative_prompt or None,
        "num_inference_steps": plan.steps, "guidance_scale": plan.guidance,
        "num_images_per_prompt": count, "output_type": "latent",
    }
    if plan.mode != "img2img":  # image-to-image takes its size from the image
        kwargs.update(width=plan.width, height=plan.height)
    if plan.mode != "txt2img":
        kwargs.update(image=plan.init, strength=req.strength)
    if plan.mode == "inpaint":
        kwargs["mask_image"] = plan.mask
    return kwargs


class _Batch:
    """One pipeline call and its decode on the library thread; events through a queue."""

    def __init__(self, session: PaintSession, req: PaintRequest, plan: Plan, seeds: list[int],
                 cancel: CancelToken, previewer: Previewer) -> None:
        self.session, self.req, self.plan, self.seeds = session, req, plan, seeds
        self.cancel, self.previewer = cancel, previewer
        self.events: queue.SimpleQueue = queue.SimpleQueue()
        self.abort = False  # the job's consumer went away
        self.preview_s = 0.0
        self.previews = 0

    def _on_step(self, pipe, index: int, _timestep, kwargs: dict, seen: dict) -> dict:
        if self.cancel.cancelled or self.abort:
            pipe._interrupt = True  # the loop skips the remaining steps at once
            return kwargs
        total = int(getattr(pipe, "_num_timesteps", 0) or self.plan.run_steps)
        every = self.req.preview_every
        image = None
        if every and ((index + 1) % every == 0 or index + 1 == total):
            start = time.perf_counter()
            x0 = seen.get("x0")
            image = self.previewer.image(x0 if x0 is not None else kwargs["latents"])
            self.preview_s += time.perf_counter() - start
            self.previews += 1
        self.events.put(("step", index + 1, total, image))
        return kwargs

    def work(self) -> None:
        try:
            import torch

            scheduler = schedulers.build(self.plan.scheduler, self.session.base.scheduler)
            seen = schedulers.capture_denoised(scheduler)
            pipe = pipeline_for(self.session, self.plan.mode, scheduler)
            # CPU generators: the same seed gives the same noise on every device
            generators = [torch.Generator("cpu").manual_seed(s) for s in self.seeds]
            start = time.perf_counter()
            latents = pipe(**_call_kwargs(self.req, self.plan, len(self.seeds)),
                           generator=generators,
                           callback_on_step_end=lambda p, i, t, kw: self._on_step(p, i, t, kw,
                                                                                  seen),
                           callback_on_step_end_tensor_inputs=["latents"]).images
            sampled = time.perf_counter() - start
            if self.cancel.cancelled or self.abort:
                self.events.put(("cancelled",))
                return
            start = time.perf_counter()
            pixels, notice = decode(self.session, latents)
            if self.plan.mode == "inpaint":
                pixels = [inputs.composite(p, self.plan.init, self.plan.mask, self.req.mask_blur)
                          for p in pixels]
            self.events.put(("done", list(pixels), sampled, time.perf_counter() - start,
                             notice))
        except BaseException as exc:  # re-raised in the job's thread
            self.events.put(("error", exc))

    def run(self, done_before: int, total: int) -> Iterator[Event]:
        """Yields Progress and Preview; returns ("done", images, sample_s, decode_s) or None
        when cancelled."""
        future = run_on_library_thread("painting", self.work)
        try:
            while True:
                try:
                    item = self.events.get(timeout=1.0)
                except queue.Empty:
                    if future.done() and self.events.empty():
                        raise RuntimeError("the painting thread ended unexpectedly") from None
                    continue
                kind = item[0]
                if kind == "step":
                    _, step, _steps, image = item
                    if self.cancel.cancelled:
                        continue  # show nothing made after Stop
                    at = done_before + step
                    if image is not None:
                        yield Preview(image, at, total)
                    yield Progress(msg("paint.progress", "Painting: step {step} of {total}…",
                                       step=at, total=total), at / total, at, total)
                elif kind == "error":
                    raise item[1]
                elif kind == "cancelled":
                    return None
                else:
                    if item[4] is not None:
                        yield item[4]
                    return item[:4]
        finally:
            self.abort = True  # a closed generator: end the pipeline call at the next step
            concurrent.futures.wait([future])


def paint(session: PaintSession, req: PaintRequest, plan: Plan, cancel: CancelToken
          ) -> Iterator[Event]:
    """Every batch in turn; returns the fields of the PaintResult (images made so far)."""
    previewer = Previewer(session.family)
    images: list = []
    seeds: list[int] = []
    sample_s = decode_s = preview_s = 0.0
    previews = batches = 0
    total = plan.run_steps * req.batch_count
    with session.lock:  # one job at a time on these modules (LoRA and options are shared)
        apply_memory_options(session, req)
        try:
            if req.loras:
                load_loras(session, req.loras)
            for c in range(req.batch_count):
                if cancel.cancelled:
                    break
                batch_seeds = [plan.seed + c * req.batch_size + k for k in range(req.batch_size)]
                batch = _Batch(session, req, plan, batch_seeds, cancel, previewer)
                outcome = yield from batch.run(c * plan.run_steps, total)
                preview_s += batch.preview_s
                previews += batch.previews
                if outcome is None:
                    break
                _, made, sampled, decoded = outcome
                images.extend(made)
                seeds.extend(batch_seeds)
                sample_s += sampled
                decode_s += decoded
                batches += 1
        finally:
            if req.loras:  # the cached pipeline comes back as it was loaded (a LoRA that
                session.base.unload_lora_weights()  # failed halfway included)
    steps_done = batches * plan.run_steps
    return {
        "images": tuple(images), "seeds": tuple(seeds),
        "seconds": round(sample_s + decode_s, 4),
        "seconds_per_step": round(sample_s / steps_done, 5) if steps_done else 0.0,
        "previews": previews, "preview_seconds": round(preview_s, 5),
        "decode_seconds": round(decode_s, 4),
    }
