"""Painting engine vs the plain diffusers pipeline call, same model and settings, one process.

Three ways, interleaved round by round in a rotating order so machine noise hits all
alike: the engine (``studio.core.engines.painting.run``, as the CLI runs it: validation,
model lookup and fingerprint, its own pipeline and scheduler per job, step callback,
events, its own decode) without previews and with a preview every step, and the plain
call ``pipe(prompt, ..., output_type="np")`` on the engine's own loaded pipeline.  Each
is timed from the call to the finished pixels; the figure compared is seconds per
denoising step (the whole job's time over its steps, decode included on both sides), as
the median of paired ratios.  The preview cost is what the engine measured around its
previews.  Both sides make the same pixels from the same seed (checked).

The model is the configured painting model when it is on this machine, otherwise (in a
source checkout) the tests' tiny random pipeline, built on the fly: that shows the
engine's fixed cost per step, not real speed.
"""

from __future__ import annotations

import statistics
import time

PROMPT = "a lighthouse on a cliff at dusk, oil painting, dramatic sky"


def choose_model() -> tuple[str, str, int, int]:
    """(reference, what it is, size, steps)."""
    from studio.core.engines.painting.load import resolve_model
    from studio.core.jobs import UserError
    from studio.core.paths import settings_path
    from studio.core.settings import SettingsStore

    try:
        ref = SettingsStore(settings_path()).load().model_for("painting")
    except Exception:  # unreadable settings: the default model
        ref = ""
    ref = ref or "sd-turbo"
    try:
        resolve_model(ref)
        return ref, f"{ref} (configured model)", 512, 4
    except UserError:
        pass
    import sys
    import tempfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]  # a source checkout has tests/ beside studio/
    if (root / "tests" / "fixtures" / "tiny_sd.py").is_file() and str(root) not in sys.path:
        sys.path.append(str(root))
    try:
        from tests.fixtures.tiny_sd import build_tiny_sd
    except ImportError:
        return "", f"{ref} is not downloaded (aigc-studio models download {ref})", 0, 0
    import torch
    from diffusers.utils import logging as dlog
    from transformers.utils import logging as tlog

    dlog.disable_progress_bar()
    tlog.disable_progress_bar()
    # One thread: on 2 shared cores, 2 OpenMP threads make a tiny model's steps vary 3x,
    # which would hide the fixed cost this is about.
    torch.set_num_threads(1)
    folder = build_tiny_sd(Path(tempfile.mkdtemp(prefix="bench-tiny-sd-")))
    return (str(folder), f"tiny random SD built on the fly ({ref} is not downloaded; one "
            "torch thread): the engine's fixed cost per step, not real speed", 128, 8)


def _engine(req, cache) -> dict:
    from studio.core.engines.painting import run
    from studio.core.jobs import CancelToken, Result

    start = time.perf_counter()
    last = None
    for ev in run(req, CancelToken(), cache):
        last = ev
    seconds = time.perf_counter() - start
    if not isinstance(last, Result):
        raise RuntimeError(f"painting job failed: {last}")
    res = last.value
    return {"seconds": seconds, "per_step": seconds / res.steps, "pixels": res.images[0],
            "previews": res.previews, "preview_s": res.preview_seconds, "request": last.request}


def _plain(pipe, req) -> dict:
    import torch

    start = time.perf_counter()
    images = pipe(req.prompt, num_inference_steps=req.steps, guidance_scale=req.guidance,
                  width=req.width, height=req.height,
                  generator=[torch.Generator("cpu").manual_seed(req.seed)],
                  output_type="np").images
    seconds = time.perf_counter() - start
    pixels = (images[0] * 255).round().astype("uint8")
    return {"seconds": seconds, "per_step": seconds / req.steps, "pixels": pixels}


def _side(runs: list[dict]) -> dict:
    return {"seconds_per_step": round(min(r["per_step"] for r in runs), 5),
            "seconds_per_step_median": round(statistics.median(r["per_step"] for r in runs), 5),
            "runs_s": [round(r["seconds"], 4) for r in runs]}


def run(quick: bool = False) -> dict:
    import dataclasses

    import numpy as np

    from studio.core.cache import ModelCache
    from studio.core.engines.painting import PaintRequest

    ref, what, size, steps = choose_model()
    if not ref:
        return {"skipped": what}
    rounds = 3 if quick else 7
    cache = ModelCache()
    plain_req = PaintRequest(PROMPT, model=ref, width=size, height=size, steps=steps, seed=1234,
                             preview_every=0)
    warm = _engine(plain_req, cache)  # loads the model
    resolved = warm["request"]  # every "auto" settled: what the plain call is given
    session = cache.get(next(iter(cache.keys())), lambda: None)
    pipe = session.base
    with_previews = dataclasses.replace(plain_req, preview_every=1)
    _plain(pipe, resolved)
    sides: dict[str, list[dict]] = {"engine": [], "engine_previews": [], "plain": []}
    jobs = {"engine": lambda: _engine(plain_req, cache),
            "engine_previews": lambda: _engine(with_previews, cache),
            "plain": lambda: _plain(pipe, resolved)}
    order = list(jobs)
    for i in range(rounds):
        for name in order[i % 3:] + order[:i % 3]:  # rotate who goes first
            sides[name].append(jobs[name]())
    plain_runs = sides["plain"]

    def ratio(name: str) -> float:
        return round(statistics.median(
            e["per_step"] / p["per_step"] for e, p in zip(sides[name], plain_runs,
                                                           strict=True)), 3)

    previews = sides["engine_previews"]
    preview_ms = 1000 * sum(r["preview_s"] for r in previews) / max(
        1, sum(r["previews"] for r in previews))
    step_s = statistics.median(r["per_step"] for r in plain_runs)
    return {
        "model": what, "size": f"{size}x{size}", "steps": steps, "rounds": rounds,
        "guidance": resolved.guidance, "scheduler": resolved.scheduler,
        "engine": _side(sides["engine"]), "engine_previews": _side(previews),
        "plain": _side(plain_runs),
        "ratio_engine_over_plain": ratio("engine"),
        "ratio_engine_previews_over_plain": ratio("engine_previews"),
        "preview_ms": round(preview_ms, 3),
        "preview_share_of_step": round(preview_ms / 1000 / step_s, 5),
        "same_pixels_as_plain": bool(np.array_equal(warm["pixels"], plain_runs[0]["pixels"])),
    }

