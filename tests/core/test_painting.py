"""The painting engine on the tiny random Stable Diffusion pipeline, at 64x64 (fast)."""

from __future__ import annotations

import dataclasses
import json
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
import torch

from studio.core.cache import ModelCache
from studio.core.engines.painting import PaintRequest, image_request, parse_size, run, validate
from studio.core.engines.painting import load as load_module
from studio.core.jobs import (
    Cancelled,
    CancelToken,
    Failed,
    Notice,
    Preview,
    Progress,
    Result,
    UserError,
)
from tests.fixtures.tiny_sd import build_tiny_lora, build_tiny_sd


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    # One torch thread: on 2 busy cores, 2 OpenMP threads make tiny models many times slower.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def sd(tmp_path_factory) -> Path:
    return build_tiny_sd(tmp_path_factory.mktemp("tiny-sd"))


@pytest.fixture(scope="module")
def cache() -> ModelCache:
    return ModelCache()  # one load for the whole module


def req(sd: Path, **kw) -> PaintRequest:
    return PaintRequest(**{"prompt": "a red fox in the snow", "model": str(sd), "width": 64,
                           "height": 64, "steps": 3, "seed": 42, **kw})


def events(request: PaintRequest, cache: ModelCache, cancel: CancelToken | None = None):
    return list(run(request, cancel or CancelToken(), cache))


def result(request: PaintRequest, cache: ModelCache):
    out = events(request, cache)
    assert isinstance(out[-1], Result), out[-1]
    return out[-1]


def image(path: Path, seed: int = 0, size=(64, 64)) -> Path:
    rng = np.random.default_rng(seed)
    pixels = (rng.random((size[1], size[0], 3)) * 255).astype(np.uint8)
    from PIL import Image

    Image.fromarray(pixels).save(path)
    return path


class Recorder:
    """Wraps each job's pipeline to see exactly what it is called with."""

    def __init__(self, monkeypatch):
        self.calls: list[tuple[object, dict]] = []
        real = load_module.pipeline_for
        recorder = self

        class Spy:
            def __init__(self, pipe):
                self.pipe = pipe

            def __call__(self, **kwargs):
                recorder.calls.append((self.pipe, kwargs))
                return self.pipe(**kwargs)

        monkeypatch.setattr("studio.core.engines.painting.sample.pipeline_for",
                            lambda session, mode, scheduler: Spy(real(session, mode, scheduler)))


# ---- requests and sizes ---------------------------------------------------------------------

def test_size_validation_says_what_would_work():
    for bad, text in (({"width": 65, "height": 64}, "multiple of 8 pixels: 65 is not (try 64 "
                       "or 72)"), ({"width": 32, "height": 64}, "between 64 and 4096"),
                      ({"width": 4104, "height": 64}, "between 64 and 4096"),
                      ({"width": 4096, "height": 4096 + 8}, "between 64 and 4096"),
                      ({"width": 512, "height": None}, "both the width and the height")):
        with pytest.raises(UserError, match=text.replace("(", r"\(").replace(")", r"\)")):
            validate(PaintRequest("x", **bad))
    assert parse_size(" 512×768 ") == (512, 768)
    for text in ("512", "axb", "512x77"):
        with pytest.raises(UserError):
            parse_size(text)
    with pytest.raises(UserError, match="steps must be between 1 and 150"):
        validate(PaintRequest("x", steps=0))
    with pytest.raises(UserError, match="Unknown scheduler 'Heun'"):
        validate(PaintRequest("x", scheduler="Heun"))
    with pytest.raises(UserError, match="A mask needs the image"):
        validate(PaintRequest("x", mask="m.png"))


def test_a_bad_size_fails_as_user_error_before_loading(sd):
    cache = ModelCache()
    end = events(req(sd, width=100, height=64), cache)[-1]
    assert isinstance(end, Failed) and end.user_error and "multiple of 8" in end.message
    assert cache.loads == 0


# ---- generation -----------------------------------------------------------------------------

def test_every_parameter_reaches_the_pipeline(sd, cache, monkeypatch, tmp_path):
    rec = Recorder(monkeypatch)
    lora = build_tiny_lora(sd, tmp_path / "lora")
    done = result(req(sd, negative_prompt="blurry", steps=4, guidance=5.5, width=64, height=72,
                      scheduler="DDIM", seed=9, batch_size=2, batch_count=1,
                      loras=((str(lora), 0.7),), attention_slicing=True, vae_slicing=True),
                  cache)
    pipe, kw = rec.calls[0]
    assert kw["prompt"] == "a red fox in the snow" and kw["negative_prompt"] == "blurry"
    assert kw["num_inference_steps"] == 4 and kw["guidance_scale"] == 5.5
    assert (kw["width"], kw["height"]) == (64, 72) and kw["num_images_per_prompt"] == 2
    assert [g.initial_seed() for g in kw["generator"]] == [9, 10]
    assert type(pipe.scheduler).__name__ == "DDIMScheduler"
    assert done.value.images[0].shape == (72, 64, 3) and done.value.images[0].dtype == np.uint8
    assert done.request.scheduler == "DDIM" and done.request.seed == 9
    # img2img and inpaint: the image, the mask and the strength
    init = image(tmp_path / "init.png")
    mask = tmp_path / "mask.png"
    from PIL import Image

    Image.new("L", (64, 64), 255).save(mask)
    result(req(sd, init_image=str(init), strength=0.5, steps=4), cache)
    result(req(sd, init_image=str(init), mask=str(mask), strength=0.75, steps=4), cache)
    (_, i2i), (inpaint_pipe, inp) = rec.calls[1], rec.calls[2]
    assert i2i["strength"] == 0.5 and i2i["image"].size == (64, 64) and "width" not in i2i
    assert inp["strength"] == 0.75 and inp["mask_image"].size == (64, 64)
    assert type(inpaint_pipe).__name__ == "StableDiffusionInpaintPipeline"


def test_same_request_same_pixels_and_the_resolved_request_reproduces(sd, cache):
    first = result(req(sd, steps=None, guidance=None, scheduler="auto", seed=7), cache)
    again = result(req(sd, steps=None, guidance=None, scheduler="auto", seed=7), cache)
    assert np.array_equal(first.value.images[0], again.value.images[0])
    resolved = first.request
    assert (resolved.steps, resolved.guidance, resolved.scheduler) == (25, 7.5, "Euler")
    assert resolved.revision.startswith("sha256:") and resolved.seed == 7
    assert np.array_equal(result(resolved, cache).value.images[0], first.value.images[0])
    other = result(req(sd, seed=8), cache).value.images[0]
    assert not np.array_equal(other, result(req(sd, seed=7), cache).value.images[0])
    random_seed = result(req(sd, seed=None), cache)
    assert isinstance(random_seed.request.seed, int)
    assert random_seed.value.seeds == (random_seed.request.seed,)


def test_image_k_of_a_batch_gets_seed_plus_k(sd, cache):
    done = result(req(sd, seed=100, batch_size=2, batch_count=2), cache)
    assert done.value.seeds == (100, 101, 102, 103) and len(done.value.images) == 4
    for k in (1, 3):
        single = result(image_request(done.request, done.value.seeds, k), cache).value.images[0]
        assert np.abs(single.astype(int) - done.value.images[k].astype(int)).max() <= 1


def test_progress_counts_every_step_of_every_batch(sd, cache):
    out = events(req(sd, steps=3, batch_count=2), cache)
    steps = [(e.step, e.total) for e in out if isinstance(e, Progress) and e.step is not None]
    assert steps == [(i, 6) for i in range(1, 7)]
    fractions = [e.fraction for e in out if isinstance(e, Progress) and e.step is not None]
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)


def test_previews_every_n_steps_are_cheap_arrays(sd, cache):
    out = events(req(sd, steps=4, preview_every=1), cache)
    previews = [e for e in out if isinstance(e, Preview)]
    assert [p.step for p in previews] == [1, 2, 3, 4] and previews[0].total == 4
    assert all(isinstance(p.image, np.ndarray) and p.image.dtype == np.uint8
               and p.image.shape == (32, 32, 3) for p in previews)  # the tiny VAE halves sides
    res = out[-1].value
    assert res.previews == 4 and res.preview_seconds / res.previews < 0.005  # ~0.1-0.5 ms each
    assert [p.step for p in events(req(sd, steps=4, preview_every=3), cache)
            if isinstance(p, Preview)] == [3, 4]  # and always the last step
    assert not [e for e in events(req(sd, preview_every=0), cache) if isinstance(e, Preview)]
    grid = [e for e in events(req(sd, steps=1, batch_size=3), cache) if isinstance(e, Preview)]
    assert grid[0].image.shape == (64, 64, 3)  # 3 images tiled 2 x 2


def test_cancel_after_step_k_stops_within_a_step_and_keeps_finished_batches(sd, cache):
    full = result(req(sd, steps=3, batch_count=3), cache).value
    cancel = CancelToken()
    seen = []
    for ev in run(req(sd, steps=3, batch_count=3), cancel, cache):
        seen.append(ev)
        if isinstance(ev, Progress) and ev.step == 4:  # step 1 of the second batch
            cancel.cancel()
    end = seen[-1]
    assert isinstance(end, Cancelled)
    assert max(e.step for e in seen if isinstance(e, Progress) and e.step) == 4
    assert end.partial.seeds == (42,) and len(end.partial.images) == 1
    assert np.array_equal(end.partial.images[0], full.images[0])
    assert end.partial.request.seed == 42  # enough to save the kept image with its metadata


def test_cancel_before_anything_ends_cancelled_with_no_images(sd, cache):
    cancel = CancelToken()
    cancel.cancel()
    end = events(req(sd), cache, cancel)[-1]
    assert isinstance(end, Cancelled)


def test_scheduler_switching_and_the_cached_scheduler_stays_untouched(sd, cache, monkeypatch):
    rec = Recorder(monkeypatch)
    outputs = {}
    for name in ("Euler", "Euler a", "DPM++ 2M", "DPM++ 2M Karras", "DDIM", "LCM", "PNDM"):
        done = result(req(sd, scheduler=name, steps=4), cache)
        assert done.request.scheduler == name
        outputs[name] = done.value.images[0]
    kinds = [type(pipe.scheduler).__name__ for pipe, _ in rec.calls]
    assert kinds == ["EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler",
                     "DPMSolverMultistepScheduler", "DPMSolverMultistepScheduler",
                     "DDIMScheduler", "LCMScheduler", "PNDMScheduler"]
    assert rec.calls[3][0].scheduler.config.use_karras_sigmas
    # (DDIM with eta 0 is the same ODE step as Euler: their images may match)
    assert not np.array_equal(outputs["Euler"], outputs["DPM++ 2M"])
    assert not np.array_equal(outputs["Euler"], outputs["Euler a"])
    base = cache.get(next(iter(cache.keys())), lambda: None).base
    assert type(base.scheduler).__name__ == "EulerDiscreteScheduler"
    assert all(pipe.scheduler is not base.scheduler for pipe, _ in rec.calls)


def test_img2img_strength_sets_the_steps_run_and_the_size_comes_from_the_image(sd, cache,
                                                                               tmp_path):
    init = image(tmp_path / "init.png", size=(80, 67))  # rounded down to 80x64
    out = events(req(sd, init_image=str(init), strength=0.5, steps=4, width=None,
                     height=None), cache)
    steps = [e.step for e in out if isinstance(e, Progress) and e.step]
    done = out[-1]
    assert steps == [1, 2] and done.value.steps == 2
    assert done.value.images[0].shape == (64, 80, 3) and done.request.width == 80
    full = result(req(sd, init_image=str(init), strength=1.0, steps=4, width=80, height=64),
                  cache)
    assert not np.array_equal(full.value.images[0], done.value.images[0])
    other = result(req(sd, init_image=str(image(tmp_path / "b.png", 5, (80, 64))),
                       strength=0.5, steps=4), cache)
    assert not np.array_equal(other.value.images[0], done.value.images[0])
    too_little = events(req(sd, init_image=str(init), strength=0.2, steps=4), cache)[-1]
    assert isinstance(too_little, Failed) and "less than one step" in too_little.message


def test_inpainting_a_regular_model_leaves_unmasked_pixels_unchanged(sd, cache, tmp_path):
    from PIL import Image

    init = image(tmp_path / "init.png", 3)
    mask = Image.new("L", (64, 64), 0)
    mask.paste(255, (24, 24, 40, 40))
    mask.save(tmp_path / "mask.png")
    done = result(req(sd, init_image=str(init), mask=str(tmp_path / "mask.png"),
                      strength=1.0, steps=3, mask_blur=2), cache)
    out = done.value.images[0].astype(int)
    original = np.asarray(Image.open(init)).astype(int)
    keep = np.ones((64, 64), bool)
    keep[24 - 8:40 + 8, 24 - 8:40 + 8] = False  # beyond the soft edge
    assert np.abs(out[keep] - original[keep]).max() <= 1
    assert np.abs(out[26:38, 26:38] - original[26:38, 26:38]).mean() > 20  # repainted
    black = tmp_path / "black.png"
    Image.new("L", (64, 64), 0).save(black)
    end = events(req(sd, init_image=str(init), mask=str(black)), cache)[-1]
    assert isinstance(end, Failed) and end.user_error and "black.png" in end.message


def test_a_lora_changes_the_output_weight_zero_does_not_and_it_is_unloaded(sd, cache,
                                                                           tmp_path):
    lora = str(build_tiny_lora(sd, tmp_path / "lora"))
    plain = result(req(sd), cache).value.images[0]
    styled = result(req(sd, loras=((lora, 1.0),)), cache)
    assert np.abs(styled.value.images[0].astype(int) - plain.astype(int)).mean() > 1
    assert styled.request.loras == ((lora, 1.0),)
    zero = result(req(sd, loras=((lora, 0.0),)), cache).value.images[0]
    assert np.array_equal(zero, plain)
    assert np.array_equal(result(req(sd), cache).value.images[0], plain)  # back as loaded
    base = cache.get(next(iter(cache.keys())), lambda: None).base
    assert not any(base.get_list_adapters().values())
    missing = events(req(sd, loras=((str(tmp_path / "nope.safetensors"), 1.0),)), cache)[-1]
    assert isinstance(missing, Failed) and "nope.safetensors does not exist" in missing.message
    (tmp_path / "x.ckpt").write_bytes(b"pickle")
    unsafe = events(req(sd, loras=((str(tmp_path / "x.ckpt"), 1.0),)), cache)[-1]
    assert isinstance(unsafe, Failed) and "safetensors only" in unsafe.message


def test_corrupt_and_non_image_init_files_are_clear_user_errors(sd, cache, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    broken = tmp_path / "broken.png"
    broken.write_bytes(image(tmp_path / "ok.png").read_bytes()[:200])
    for path, words in ((text, "notes.txt is not an image"), (broken, "broken.png is damaged"),
                        (tmp_path / "gone.png", "does not exist"), (tmp_path, "is not a file")):
        end = events(req(sd, init_image=str(path)), cache)[-1]
        assert isinstance(end, Failed) and end.user_error and words in end.message, end.message
        assert "Traceback" not in end.message


def test_turbo_models_get_their_defaults(sd, tmp_path):
    turbo = tmp_path / "tiny-sd-turbo"
    shutil.copytree(sd, turbo)
    cache = ModelCache()
    out = events(req(turbo, steps=None, guidance=None, negative_prompt="ugly"), cache)
    done = out[-1]
    assert (done.request.steps, done.request.guidance) == (1, 0.0)
    assert any(isinstance(e, Notice) and "negative prompt has no effect" in e.message
               for e in out)
    init = image(tmp_path / "i.png")
    i2i = result(req(turbo, steps=None, guidance=None, init_image=str(init), strength=0.5),
                 cache)
    assert i2i.request.steps == 2 and i2i.value.steps == 1


def test_half_precision_vae_nans_are_decoded_again_in_float32(sd, tmp_path):
    cache = ModelCache()
    first = result(req(sd, dtype="bfloat16"), cache)
    session = cache.get(next(iter(cache.keys())), lambda: None)
    hook = session.base.vae.decoder.register_forward_hook(
        lambda module, args, output: output * float("nan")
        if output.dtype != torch.float32 else output)
    try:
        out = events(req(sd, dtype="bfloat16"), cache)
    finally:
        hook.remove()
    assert any(isinstance(e, Notice) and "float32" in e.message for e in out)
    assert isinstance(out[-1], Result) and session.vae_upcast
    assert session.base.vae.dtype == torch.bfloat16  # upcast only while decoding
    assert np.abs(out[-1].value.images[0].astype(int)
                  - first.value.images[0].astype(int)).mean() < 8  # not black


def test_single_files_safetensors_only_and_a_clear_offline_config_message(tmp_path, cache):
    import json
    import struct

    ckpt = tmp_path / "model.ckpt"
    ckpt.write_bytes(b"\x80\x04pickle")
    end = events(PaintRequest("x", model=str(ckpt)), cache)[-1]
    assert isinstance(end, Failed) and "pickled checkpoint" in end.message
    # a header that says "SD 1.x" (the cross-attention width of its text encoder: 768)
    key = "model.diffusion_model.input_blocks.2.1.transformer_blocks.0.attn2.to_k.weight"
    header = json.dumps({key: {"dtype": "F16", "shape": [320, 768], "data_offsets": [0, 0]}})
    single = tmp_path / "dreamy-v1.safetensors"
    single.write_bytes(struct.pack("<Q", len(header)) + header.encode())
    end = events(PaintRequest("x", model=str(single), width=64, height=64), cache)[-1]
    assert isinstance(end, Failed) and end.user_error
    assert "single-file checkpoint" in end.message
    assert "stable-diffusion-v1-5/stable-diffusion-v1-5" in end.message
    assert "--config" in end.message
    junk = tmp_path / "junk.safetensors"
    junk.write_bytes(b"\xff" * 20)
    end = events(PaintRequest("x", model=str(junk)), cache)[-1]
    assert isinstance(end, Failed) and "junk.safetensors is not a readable" in end.message


def test_a_missing_model_names_the_download_command(cache):
    end = events(PaintRequest("x"), cache)[-1]
    assert isinstance(end, Failed) and end.user_error
    assert "aigc-studio models download sd-turbo" in end.message


def test_a_painting_job_runs_in_the_engine_host_with_previews_crossing_the_pipe(sd, own_host):
    request = req(sd, steps=2, batch_size=2)
    started = time.perf_counter()
    out = list(own_host.run("painting", request, CancelToken()))
    assert time.perf_counter() - started < 120
    previews = [e for e in out if isinstance(e, Preview)]
    assert len(previews) == 2 and isinstance(previews[0].image, np.ndarray)
    assert previews[0].image.dtype == np.uint8 and previews[0].image.shape == (32, 64, 3)
    end = out[-1]
    assert isinstance(end, Result), end
    assert [i.shape for i in end.value.images] == [(64, 64, 3)] * 2
    assert end.value.seeds == (42, 43) and dataclasses.asdict(end.request)["seed"] == 42
    wrong = list(own_host.run("painting", "not a request", CancelToken()))[-1]
    assert isinstance(wrong, Failed) and "instead of a painting request" in wrong.message


def test_model_defaults_come_from_config_files_without_torch(sd, tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    turbo = tmp_path / "tiny-sd-turbo"
    shutil.copytree(sd, turbo)
    code = ("import sys, json; from studio.core.engines.painting import model_defaults, "
            "PaintRequest as R; d = [model_defaults(p) for p in sys.argv[1:]]; "
            "i2i = model_defaults(sys.argv[2], R('x', init_image='i.png', strength=0.3)); "
            "print(json.dumps([x.__dict__ for x in d] + [i2i.steps, "
            "[m for m in ('torch', 'diffusers', 'transformers') if m in sys.modules]]))")
    proc = subprocess.run([sys.executable, "-c", code, str(sd), str(turbo)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    plain, fast, i2i_steps, heavy = json.loads(proc.stdout)
    assert plain == {"family": "sd", "turbo": False, "inpainting": False, "steps": 25,
                     "guidance": 7.5, "size": 64, "scheduler": "Euler"}
    assert (fast["turbo"], fast["steps"], fast["guidance"]) == (True, 1, 0.0)
    assert i2i_steps == 4 and heavy == []  # ceil(1 / 0.3), at most 4; nothing heavy imported
