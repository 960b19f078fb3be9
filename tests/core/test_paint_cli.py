"""`aigc-studio paint` on the tiny random Stable Diffusion: files, JSON, history, exit codes."""

from __future__ import annotations

import json

import pytest
import torch
from PIL import Image

from studio.cli import main
from studio.commands.paint import out_paths, parse_lora
from studio.core.imagemeta import read_metadata
from tests.fixtures.tiny_sd import build_tiny_sd


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def sd(tmp_path_factory) -> str:
    return str(build_tiny_sd(tmp_path_factory.mktemp("paint-sd")))


def paint(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["paint", *argv])
    except SystemExit as exc:  # argparse refuses the command line
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_shape_numbered_files_metadata_and_history(sd, tmp_path, capsys):
    out = tmp_path / "fox.png"
    code, stdout, err = paint(capsys, "--prompt", "a red fox", "--negative", "blurry",
                              "--model", sd, "--size", "64x64", "--steps", "2",
                              "--seed", "11", "--batch", "2", "--json")
    assert code == 2 and "--out" in err  # --out is required
    code, stdout, err = paint(capsys, "--prompt", "a red fox", "--negative", "blurry",
                              "--model", sd, "--size", "64x64", "--steps", "2", "--seed", "11",
                              "--batch", "2", "--scheduler", "DPM++ 2M", "--out", str(out),
                              "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert {"images", "model", "steps", "seconds", "seconds_per_step"} <= set(data)
    assert data["images"] == [{"path": str(tmp_path / "fox-1.png"), "seed": 11},
                              {"path": str(tmp_path / "fox-2.png"), "seed": 12}]
    assert data["model"] == sd and data["steps"] == 2 and data["seconds_per_step"] > 0
    assert isinstance(data["history_id"], int)
    for k, item in enumerate(data["images"]):
        with Image.open(item["path"]) as image:
            assert image.size == (64, 64)
        meta = read_metadata(item["path"])
        request, _ = meta.request()
        assert request.seed == 11 + k and request.batch_size == 1
        assert request.scheduler == "DPM++ 2M" and request.negative_prompt == "blurry"
    assert main(["history", "show", str(data["history_id"]), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["task"] == "painting" and len(shown["files"]) == 2


def test_one_image_keeps_the_name_and_no_history(sd, tmp_path, capsys):
    out = tmp_path / "one.webp"
    code, stdout, err = paint(capsys, "--prompt", "x", "--model", sd, "--size", "64x64",
                              "--steps", "1", "--out", str(out), "--no-history", "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["images"][0]["path"] == str(out) and data["history_id"] is None
    assert read_metadata(out).source == "aigc-studio"


@pytest.mark.parametrize("argv, words", [
    (["--size", "65x64"], "multiple of 8"),
    (["--size", "big"], "WIDTHxHEIGHT"),
    (["--steps", "0"], "must be at least 1"),
    (["--strength", "2", "--init-image", "x.png"], "strength"),
    (["--mask", "m.png"], "A mask needs the image"),
    (["--scheduler", "Heun"], "invalid choice"),
])
def test_bad_input_exits_2_without_a_traceback(sd, tmp_path, capsys, argv, words):
    code, _, err = paint(capsys, "--prompt", "x", "--model", sd, "--out",
                         str(tmp_path / "o.png"), *argv)
    assert code == 2 and words in err and "Traceback" not in err


def test_unusable_files_and_models_exit_2_and_write_nothing(sd, tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("words")
    for argv, words in (
            (["--out", str(tmp_path / "o.gif")], "use .png, .jpg or .webp"),
            (["--init-image", str(tmp_path / "notes.txt")], "notes.txt is not an image"),
            (["--model", str(tmp_path / "nowhere")], "Model not found"),
            (["--model", "sd-turbo"], "aigc-studio models download sd-turbo")):
        full = ["--model", sd, "--out", str(tmp_path / "o.png"), *argv]
        code, _, err = paint(capsys, "--prompt", "x", "--size", "64x64", *full)
        assert code == 2 and words in err, err
    assert not (tmp_path / "o.png").exists()
    code, _, err = paint(capsys, "--prompt", "x", "--model", sd,
                         "--out", str(tmp_path / "missing" / "o.png"))
    assert code == 1 and "does not exist" in err


def test_lora_and_out_path_syntax():
    assert parse_lora("style.safetensors:0.6") == ("style.safetensors", 0.6)
    assert parse_lora("style.safetensors") == ("style.safetensors", 1.0)
    assert parse_lora("C:\\loras\\a.safetensors") == ("C:\\loras\\a.safetensors", 1.0)
    assert parse_lora("C:\\loras\\a.safetensors:-1.5") == ("C:\\loras\\a.safetensors", -1.5)
    from pathlib import Path

    assert out_paths(Path("a/b.jpg"), 3) == [Path("a/b-1.jpg"), Path("a/b-2.jpg"),
                                             Path("a/b-3.jpg")]
