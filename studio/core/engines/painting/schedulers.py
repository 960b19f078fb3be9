"""Schedulers by their A1111 sampler names, built from the model's own scheduler config.

Each job gets a scheduler object of its own (schedulers keep per-run state: step index,
sigmas, solver history), made from the model's config so its training settings
(timestep spacing, prediction type, betas) carry over to whichever algorithm is chosen.
"""

from __future__ import annotations

from typing import Any

from ...jobs import UserError
from ...messages import msg
from .request import SCHEDULERS


def build(name: str, own: Any) -> Any:
    """A fresh scheduler ``name`` ("auto" = a clone of the model's own ``own``)."""
    import diffusers as d

    config = own.config
    if name == "auto":
        return own.__class__.from_config(config)
    if name == "Euler":
        return d.EulerDiscreteScheduler.from_config(config, use_karras_sigmas=False)
    if name == "Euler a":
        return d.EulerAncestralDiscreteScheduler.from_config(config)
    if name in ("DPM++ 2M", "DPM++ 2M Karras"):
        return d.DPMSolverMultistepScheduler.from_config(
            config, algorithm_type="dpmsolver++", solver_order=2,
            use_karras_sigmas=name.endswith("Karras"))
    if name == "DDIM":
        return d.DDIMScheduler.from_config(config, clip_sample=False)  # as SD was trained
    if name == "LCM":
        return d.LCMScheduler.from_config(config)
    if name == "PNDM":
        return d.PNDMScheduler.from_config(config, skip_prk_steps=True)
    raise UserError(msg("request.unknown_choice", "Unknown {name} {value}; choose one of "
                        "{allowed}.", name="scheduler", value=repr(name),
                        allowed=", ".join(SCHEDULERS)))


def name_of(scheduler: Any) -> str:
    """The A1111 name of a scheduler object, or "auto" when none of ours matches it."""
    kind = type(scheduler).__name__
    config = scheduler.config
    karras = bool(config.get("use_karras_sigmas", False))
    if kind == "EulerDiscreteScheduler" and not karras:
        return "Euler"
    if kind == "EulerAncestralDiscreteScheduler":
        return "Euler a"
    if (kind == "DPMSolverMultistepScheduler" and config.get("algorithm_type") == "dpmsolver++"
            and config.get("solver_order") == 2):
        return "DPM++ 2M Karras" if karras else "DPM++ 2M"
    if kind == "DDIMScheduler":
        return "DDIM"
    if kind == "LCMScheduler":
        return "LCM"
    if kind == "PNDMScheduler" and config.get("skip_prk_steps", False):
        return "PNDM"
    return "auto"


def capture_denoised(scheduler: Any) -> dict:
    """Keep the scheduler's estimate of the finished image (x0) after each step.

    The step callback only sees the noisy latents, whose preview is mostly noise early
    on; most schedulers return x0 beside the next sample, and DPM++ keeps it as its
    last model output.  Wrapping this job's own scheduler object costs nothing.
    """
    seen: dict = {"x0": None}
    step = scheduler.step

    def wrapped(*args, **kwargs):
        out = step(*args, **kwargs)
        x0 = None
        if isinstance(out, tuple):
            x0 = out[1] if len(out) > 1 else None
        else:
            x0 = getattr(out, "pred_original_sample", None)
            if x0 is None:
                x0 = getattr(out, "denoised", None)
        if x0 is None and str(scheduler.config.get("algorithm_type", "")).startswith(
                ("dpmsolver++", "sde-dpmsolver++")):
            outputs = getattr(scheduler, "model_outputs", None)
            x0 = outputs[-1] if outputs and outputs[-1] is not None else None
        seen["x0"] = x0
        return out

    scheduler.step = wrapped
    return seen
