"""The CLI contract: help, models list, errors and exit codes, --screenshot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "studio", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout, env=full_env)


def test_help_lists_every_command():
    proc = cli("--help")
    assert proc.returncode == 0
    for command in ("write", "paint", "speak", "transcribe", "models", "bench"):
        assert command in proc.stdout


def test_models_list_json_shows_bundled_models_verified():
    proc = cli("models", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["id"]: r for r in json.loads(proc.stdout)["models"]}
    for model_id in ("smollm2-135m-instruct", "whisper-base", "whisper-tiny.en",
                     "piper-en-us-joe"):
        assert rows[model_id]["source"] == "bundled"
        assert rows[model_id]["installed"] is True
        assert rows[model_id]["verified"] is True
    assert rows["gpt2"]["source"] == "hub" and rows["gpt2"]["installed"] is False


def test_models_list_table_and_verify():
    proc = cli("models", "list")
    assert proc.returncode == 0
    assert "smollm2-135m-instruct*" in proc.stdout and "verified" in proc.stdout
    proc = cli("models", "verify")
    assert proc.returncode == 0, proc.stderr
    assert "whisper-base: ok" in proc.stdout


def test_bad_input_is_exit_2_without_traceback():
    proc = cli("write", "--prompt", "hi", "--max-new-tokens", "-3")
    assert proc.returncode == 2
    assert "must be at least 1" in proc.stderr and "Traceback" not in proc.stderr
    proc = cli("write", "--prompt", "hi", "--model", "/no/such/model/folder")
    assert proc.returncode == 2, proc.stderr
    assert "Model not found" in proc.stderr and "Traceback" not in proc.stderr


def test_paint_without_its_model_is_bad_input_naming_the_download():
    proc = cli("paint", "--prompt", "a cat", "--out", "x.png")
    assert proc.returncode == 2
    assert "aigc-studio models download sd-turbo" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_screenshot_writes_a_png_of_the_window(tmp_path):
    out = tmp_path / "shot.png"
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    proc = cli("--screenshot", str(out), "--tab", "painting", env=env)
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert width >= 800 and height >= 500
    assert not (tmp_path / "c" / "aigc-studio" / "settings.json").exists()  # nothing rewritten
    assert not (tmp_path / "d" / "aigc-studio" / "drafts.json").exists()


def test_gui_arguments_are_told_apart_from_commands():
    from studio.__main__ import _gui_args

    assert _gui_args(["notes.txt", "--tab", "writing"]).files == ["notes.txt"]
    assert _gui_args(["--screenshot", "x.png"]).screenshot == "x.png"
    assert _gui_args(["write", "--prompt", "x"]) is None
    assert _gui_args(["models", "list"]) is None
    assert _gui_args(["--help"]) is None


def test_write_json_with_the_classic_gpt2_recipe(tiny_gpt2):
    proc = cli("write", "--prompt", "Once upon a time", "--model", str(tiny_gpt2),
               "--max-length", "50", "--num-return-sequences", "3", "--no-repeat-ngram-size",
               "2", "--early-stopping", "--greedy", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert len(out["texts"]) == 3 and out["backend"] == "transformers"
    assert out["prompt_tokens"] + out["new_tokens"] // 3 <= 50
    for key in ("model", "seed", "new_tokens", "seconds", "tokens_per_s"):
        assert key in out


def test_write_streams_to_stdout(tiny_gpt2):
    proc = cli("write", "--prompt", "Hello", "--model", str(tiny_gpt2), "--max-new-tokens", "8",
               "--seed", "3")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()
    assert "8 tokens" in proc.stderr and "seed 3" in proc.stderr


def test_app_reports_a_corrupt_settings_file(tmp_path):
    """The real start-up path keeps the warning (the file is read once, then set aside)."""
    config = tmp_path / "c" / "aigc-studio"
    config.mkdir(parents=True)
    (config / "settings.json").write_text("{broken", encoding="utf-8")
    code = (
        "import sys\n"
        "from studio.ui import app as studio_app\n"
        "from studio.ui.main_window import MainWindow\n"
        "seen = []\n"
        "orig = MainWindow.__init__\n"
        "def init(self, *a, **k):\n"
        "    orig(self, *a, **k)\n"
        "    seen.append(self.notice.text() if self.notice.isVisibleTo(self) else '')\n"
        "MainWindow.__init__ = init\n"
        "rc = studio_app.run_gui(screenshot=sys.argv[1])\n"
        "print('WARNING-SHOWN' if 'reset to defaults' in seen[0] else 'NO-WARNING', rc)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s.png")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert "WARNING-SHOWN 0" in proc.stdout, proc.stdout + proc.stderr
    assert (config / "settings.json.bad").exists()
