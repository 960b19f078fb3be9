"""Image files with generation metadata: A1111 ``parameters`` text and this app's JSON."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from PIL import Image

from studio.core.engines.painting import PaintRequest
from studio.core.imagemeta import (
    a1111_parameters,
    image_format,
    parse_parameters,
    read_metadata,
    save_image,
)
from studio.core.jobs import UserError

PIXELS = (np.arange(64 * 48 * 3) % 251).astype(np.uint8).reshape(48, 64, 3)
REQUEST = PaintRequest(
    "a lighthouse at dusk, oil painting\nsecond line: 灯塔", negative_prompt="blurry, dark",
    model="sd-turbo", steps=20, guidance=7.0, width=512, height=384, scheduler="Euler a", seed=123,
    loras=(("/loras/style.safetensors", 0.8),), revision="git:abc")


def test_a1111_text_has_the_exact_layout():
    assert a1111_parameters(REQUEST) == (
        "a lighthouse at dusk, oil painting\nsecond line: 灯塔\n"
        "Negative prompt: blurry, dark\n"
        "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 123, Size: 512x384, Model: sd-turbo, "
        "Version: AIGC Studio")
    img2img = dataclasses.replace(REQUEST, negative_prompt="", init_image="in.png",
                                  strength=0.75, guidance=7.5, model="/models/dream.safetensors",
                                  revision="sha256:0123456789abcdef")
    assert a1111_parameters(img2img).splitlines()[-1] == (
        "Steps: 20, Sampler: Euler a, CFG scale: 7.5, Seed: 123, Size: 512x384, "
        "Model hash: 0123456789, Model: dream, Denoising strength: 0.75, Version: AIGC Studio")
    inpaint = dataclasses.replace(img2img, mask="m.png", model="odd, name: v2")
    assert ', Model: "odd, name: v2", Denoising strength: 0.75, Mask blur: 4,' in (
        a1111_parameters(inpaint))


@pytest.mark.parametrize("suffix", ["png", "jpg", "webp"])
def test_round_trip_restores_the_exact_request(tmp_path, suffix):
    path = save_image(tmp_path / f"out.{suffix}", PIXELS, REQUEST)
    meta = read_metadata(path)
    assert meta.source == "aigc-studio" and meta.unknown == ()
    restored, unused = meta.request()
    assert restored == REQUEST and unused == []
    assert meta.parameters == a1111_parameters(REQUEST)
    with Image.open(path) as image:
        assert image.size == (64, 48)
        if suffix == "png":
            assert np.array_equal(np.asarray(image), PIXELS)  # lossless
            assert image.text["parameters"] == a1111_parameters(REQUEST)
            assert json.loads(image.text["aigc-studio"])["request"]["seed"] == 123


def test_jpeg_user_comment_is_what_a1111_writes(tmp_path):
    path = save_image(tmp_path / "out.jpg", PIXELS, REQUEST)
    with Image.open(path) as image:
        comment = image.getexif().get_ifd(0x8769)[0x9286]
    assert comment.startswith(b"UNICODE\0")
    assert comment[8:].decode("utf-16-be") == a1111_parameters(REQUEST)


def test_a_png_with_only_a1111_text_is_read_from_it(tmp_path):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "masterpiece, a cat\nNegative prompt: lowres\n"
                  "Steps: 30, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, "
                  "Seed: 3828137, Size: 512x768, Model hash: e6bb9ea85b, Model: realistic, "
                  "Denoising strength: 0.4, Clip skip: 2, Hires upscale: 2, Version: v1.9.4")
    Image.fromarray(PIXELS).save(tmp_path / "a1111.png", pnginfo=info)
    meta = read_metadata(tmp_path / "a1111.png")
    assert meta.source == "a1111"
    assert meta.fields == {"prompt": "masterpiece, a cat", "negative_prompt": "lowres",
                           "steps": 30, "scheduler": "DPM++ 2M Karras", "guidance": 6.5,
                           "seed": 3828137, "width": 512, "height": 768, "model": "realistic",
                           "strength": 0.4}
    assert meta.unknown == ("Clip skip", "Hires upscale")
    request, unused = meta.request()
    assert (request.width, request.steps, request.scheduler) == (512, 30, "DPM++ 2M Karras")
    assert unused == []


def test_hand_written_parameters_multi_line_missing_fields_unknown_keys():
    meta = parse_parameters("line one,\nline two\n\nNegative prompt: bad hands\nugly\n"
                            "Steps: 12, Sampler: Euler, Seed: 5, Foo bar: \"x, y\", "
                            "Size: 640x480")
    assert meta.fields == {"prompt": "line one,\nline two\n", "negative_prompt":
                           "bad hands\nugly", "steps": 12, "scheduler": "Euler", "seed": 5,
                           "width": 640, "height": 480}
    assert meta.unknown == ("Foo bar",)
    # no settings line at all: everything is prompt
    assert parse_parameters("just a prompt\nwith two lines").fields == {
        "prompt": "just a prompt\nwith two lines"}
    # values that make no sense are not understood, not errors
    odd = parse_parameters("p\nSteps: many, Sampler: Heun, CFG scale: 7, Size: big, Seed: 1")
    assert odd.fields == {"prompt": "p", "guidance": 7.0, "seed": 1}
    assert odd.unknown == ("Steps", "Sampler", "Size")
    request, unused = odd.request()
    assert request.seed == 1 and unused == []
    # out-of-range values survive parsing but are dropped (and named) when making a request
    far, unused = parse_parameters("p\nSteps: 9999, CFG scale: 7, Seed: 1, Size: 100x100"
                                   ).request()
    assert far.steps is None and far.width is None and set(unused) == {"steps", "width",
                                                                        "height"}


def test_foreign_json_fields_are_named_not_trusted(tmp_path):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_itxt("aigc-studio", json.dumps({"format": 1, "request": {
        "prompt": "hi", "steps": 4, "future_field": 1, "guidance": "loud"}}))
    Image.fromarray(PIXELS).save(tmp_path / "x.png", pnginfo=info)
    meta = read_metadata(tmp_path / "x.png")
    assert meta.source == "aigc-studio" and meta.fields == {"prompt": "hi", "steps": 4}
    assert set(meta.unknown) == {"future_field", "guidance"}


def test_an_image_without_settings_and_bad_files(tmp_path):
    Image.fromarray(PIXELS).save(tmp_path / "plain.png")
    assert read_metadata(tmp_path / "plain.png").source == ""
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(UserError, match=r"notes\.txt is not an image"):
        read_metadata(tmp_path / "notes.txt")
    data = (tmp_path / "plain.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError, match=r"cut\.png is damaged"):
        read_metadata(tmp_path / "cut.png")
    with pytest.raises(UserError, match="does not exist"):
        read_metadata(tmp_path / "gone.png")
    with pytest.raises(UserError, match=r"Cannot save an image as out\.gif"):
        image_format("out.gif")
