"""The painting engine: Stable Diffusion (1.x, 2.x, XL, Turbo) through diffusers.

``run(request, cancel, cache)`` is a generator of job events (``studio.core.jobs``):
Progress while checking and loading the model, then for each denoising step a
``Preview`` (every ``preview_every`` steps: a uint8 numpy array made from the latents,
at latent resolution, the batch tiled in a grid) followed by a
``Progress(step=k, total=steps x batch_count)``; Notices where something needs saying;
and exactly one ``Result(PaintResult)``, ``Failed`` or
``Cancelled(partial=PaintResult of the batches finished before Stop)``.

``Result.request`` is the resolved request: the seed used (image k has seed + k), the
steps, guidance, size and scheduler actually used, and the model's revision.  The
images come back as arrays; the caller saves them with ``studio.core.imagemeta``, using
``image_request(result.request, result.seeds, k)`` as each file's metadata.
"""

from __future__ import annotations

import dataclasses
import secrets
import time
from collections.abc import Iterator
from contextlib import ExitStack

from ...cache import ModelCache, shared_cache
from ...jobs import Cancelled, CancelToken, Event, Notice, Progress, Result, UserError, drive
from ...messages import msg
from ...models import fingerprint
from .request import (
    DEFAULT_MODEL,
    MODES,
    SCHEDULERS,
    ModelDefaults,
    PaintRequest,
    PaintResult,
    check_size,
    image_request,
    parse_size,
    request_from_fields,
    validate,
)

__all__ = [
    "DEFAULT_MODEL", "MODES", "SCHEDULERS", "ModelDefaults", "PaintRequest", "PaintResult",
    "check_size", "image_request", "model_defaults", "parse_size", "request_from_fields", "run",
    "validate",
]


def model_defaults(ref: str, request: PaintRequest | None = None) -> ModelDefaults:
    """What "auto" means for ``ref`` (steps, guidance, size, scheduler, Turbo, inpainting),
    read from its configuration files: no torch or diffusers import."""
    from .load import model_defaults as read

    return read(ref, request)


def run(request: PaintRequest, cancel: CancelToken, cache: ModelCache = shared_cache
        ) -> Iterator[Event]:
    """Paint ``request``; ends with Result, Failed or Cancelled."""
    return drive(lambda token: _job(request, token, cache), cancel)


def _inputs(req: PaintRequest):
    """Init image and mask, read before the model loads: a bad file fails at once."""
    from . import inputs

    size = (req.width, req.height) if req.width is not None else None
    init = mask = None
    if req.init_image:
        init, size = inputs.init_image(req.init_image, size)
    if req.mask:
        mask = inputs.mask_image(req.mask, size)
    return init, mask, size


def _plan(req: PaintRequest, defaults: ModelDefaults, init, mask, size, seed: int):
    from .sample import Plan

    if defaults.inpainting and req.mode != "inpaint":
        raise UserError(msg("paint.inpaint_model_only",
                            "This is an inpainting model: give it an image and a mask (for "
                            "text-to-image, choose a regular model)."))
    width, height = size or (defaults.size, defaults.size)
    steps = req.steps if req.steps is not None else defaults.steps
    guidance = req.guidance if req.guidance is not None else defaults.guidance
    run_steps = steps if req.mode == "txt2img" else min(int(steps * req.strength), steps)
    if run_steps < 1:
        raise UserError(msg("paint.strength_steps",
                            "{steps} steps at strength {strength} is less than one step: raise "
                            "the steps or the strength.", steps=steps, strength=req.strength))
    scheduler = req.scheduler if req.scheduler != "auto" else defaults.scheduler
    return Plan(req.mode, width, height, steps, run_steps, float(guidance), scheduler, seed,
                init, mask)


def _notices(req: PaintRequest, plan, defaults: ModelDefaults, name: str) -> Iterator[Notice]:
    if req.negative_prompt.strip() and plan.guidance <= 1:
        yield Notice(msg("paint.negative_unused",
                         "The negative prompt has no effect at guidance {guidance} (it needs "
                         "guidance above 1).", guidance=plan.guidance))
    if plan.scheduler == "LCM" and "lcm" not in name.lower() and not any(
            "lcm" in f.lower() for f, _ in req.loras):
        yield Notice(msg("paint.lcm_fit", "The LCM scheduler suits LCM models and LCM-LoRAs; "
                         "with other models it gives blurry images."))
    if defaults.turbo and req.steps is not None and req.steps > 4:
        yield Notice(msg("paint.turbo_steps", "Turbo models are made for 1-4 steps; more "
                         "steps seldom help."))


def _job(req: PaintRequest, cancel: CancelToken, cache: ModelCache) -> Iterator[Event]:
    from .load import load, resolve_model
    from .sample import check_lora_files, paint

    started = time.perf_counter()
    if not isinstance(req, PaintRequest):
        raise UserError(msg("paint.not_request", "The painting engine got a {kind} instead of "
                            "a painting request.", kind=type(req).__name__))
    if req.endpoint:  # an inference server paints it
        from . import remote

        yield from remote.job(req, cancel)
        return
    validate(req)
    local = resolve_model(req.model)
    check_lora_files(req)
    init, mask, size = _inputs(req)
    yield Progress(msg("progress.checking_model", "Checking the model…"), 0.0)
    revision = fingerprint(local)
    if req.revision and req.revision != revision:
        yield Notice(msg("paint.model_changed",
                         "The model's files changed since this request was made ({old}, now "
                         "{new}): the image may differ.", old=req.revision[:19],
                         new=revision[:19]))
    cancel.raise_if_cancelled()
    seed = req.seed if req.seed is not None else secrets.randbelow(2**31)
    with ExitStack() as held:  # the model stays loaded (never evicted) until the job ends
        session = yield from load(local, req, cache, held)
        loaded = time.perf_counter()
        defaults = session.defaults(req)
        plan = _plan(req, defaults, init, mask, size, seed)
        yield from _notices(req, plan, defaults, session.name)
        cancel.raise_if_cancelled()
        made = yield from paint(session, req, plan, cancel)
    # The request that reproduces this result: every "auto" settled, the seed and the model.
    resolved = dataclasses.replace(
        req, steps=plan.steps, guidance=plan.guidance, width=plan.width, height=plan.height,
        scheduler=plan.scheduler, seed=seed, revision=revision)
    decode_s = made.pop("decode_seconds")
    result = PaintResult(width=plan.width, height=plan.height, model=local.ref,
                         steps=plan.run_steps, request=resolved, **made)
    if cancel.cancelled:
        yield Cancelled(partial=result)
        return
    timings = {
        "load_s": round(loaded - started, 4),
        "sampling_s": round(result.seconds - decode_s, 4),
        "decode_s": decode_s,
        "total_s": round(time.perf_counter() - started, 4),
        "seconds_per_step": result.seconds_per_step,
        "preview_s": result.preview_seconds,
    }
    yield Result(value=result, request=resolved, timings=timings)
