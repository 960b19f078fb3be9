"""`aigc-studio speak` on the tiny random VITS: files, SRT, JSON, history, exit codes, Ctrl+C."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile as sf

from studio.cli import main
from tests.fixtures.tiny_vits import build_tiny_vits

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Hello there. This is a test! Is it working?\n你好。"


@pytest.fixture(scope="module")
def vits(tmp_path_factory) -> str:
    return str(build_tiny_vits(tmp_path_factory.mktemp("speak-vits")))


def speak(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["speak", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _srt_times(text: str) -> list[tuple[float, float, str]]:
    cues = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        times = re.findall(r"(\d+):(\d+):(\d+),(\d+)", lines[1])
        start, end = (int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000
                      for h, m, s, ms in times)
        cues.append((start, end, "\n".join(lines[2:])))
    return cues


def test_json_wav_and_srt_match_the_sentences(vits, tmp_path, capsys):
    out, srt = tmp_path / "take.wav", tmp_path / "take.srt"
    code, stdout, err = speak(capsys, "--text", TEXT, "--model", vits, "--out", str(out),
                              "--srt", str(srt), "--seed", "4", "--pause", "0.2", "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert {"out", "srt", "model", "backend", "sample_rate", "duration_s", "seconds", "rtf",
            "first_audio_s", "sentences", "seed", "history_id"} <= set(data)
    assert data["out"] == str(out) and data["srt"] == str(srt)
    assert data["backend"] == "transformers" and data["seed"] == 4
    assert isinstance(data["history_id"], int)
    info = sf.info(str(out))
    assert info.samplerate == data["sample_rate"] == 16_000 and info.channels == 1
    assert info.frames / info.samplerate == pytest.approx(data["duration_s"], abs=1e-3)
    said = data["sentences"]
    assert [s["text"] for s in said] == ["Hello there.", "This is a test!", "Is it working?"]
    assert said[-1]["end"] == pytest.approx(data["duration_s"], abs=1e-3)
    cues = _srt_times(srt.read_text(encoding="utf-8"))
    assert [c[2] for c in cues] == [s["text"] for s in said]
    for (start, end, _), s in zip(cues, said, strict=True):
        assert start == pytest.approx(s["start"], abs=1e-3)
        assert end == pytest.approx(s["end"], abs=1e-3)
    assert "note: The text has Chinese words" in err  # said on stderr, the job went on


def test_a_take_is_recorded_in_the_history_with_its_files(vits, tmp_path, capsys):
    out = tmp_path / "take.flac"
    code, stdout, err = speak(capsys, "--text", "One sentence.", "--model", vits, "--out",
                              str(out), "--seed", "1", "--json")
    assert code == 0, err
    rid = json.loads(stdout)["history_id"]
    assert main(["history", "show", str(rid), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["task"] == "voice" and shown["prompt"] == "One sentence."
    assert shown["files"] == [str(out)] and shown["status"] == "done"
    assert shown["request"]["seed"] == 1 and shown["request"]["revision"].startswith("sha256:")
    assert sf.info(str(out)).format == "FLAC"
    code, stdout, _ = speak(capsys, "--text", "Not kept.", "--model", vits, "--out",
                            str(tmp_path / "x.ogg"), "--no-history", "--json")
    assert code == 0 and json.loads(stdout)["history_id"] is None


def test_text_from_a_file_and_a_readable_summary(vits, tmp_path, capsys):
    src = tmp_path / "story.txt"
    src.write_text("First line\nSecond line.", encoding="utf-8")
    code, stdout, err = speak(capsys, "--file", str(src), "--model", vits, "--out",
                              str(tmp_path / "story.wav"), "--no-history")
    assert code == 0, err
    assert stdout == "" and re.search(r"Saved .*story\.wav \(.* 2 sentences\)", err)


@pytest.mark.parametrize("argv, code, needle", [
    (["--text", "😀😀"], 2, "only emoji"),
    (["--text", "   "], 2, "There is no text to speak"),
    (["--text", "hi", "--out", "{tmp}/x.xyz"], 2, "choose a file ending in .wav"),
    (["--text", "hi", "--model", "/no/such/voice.onnx"], 2, "Model not found"),
    (["--text", "hi", "--speed", "0"], 2, "must be between 0.1 and 10"),
    (["--text", "hi", "--volume", "-2"], 2, "volume must be between 0 and 10"),
    (["--file", "{tmp}/missing.txt"], 2, "does not exist"),
    (["--text", "hi", "--out", "{tmp}/no/such/dir/x.wav"], 1, "does not exist"),
])
def test_errors_have_their_exit_codes_and_no_traceback(vits, tmp_path, capsys, argv, code,
                                                        needle):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    if "--out" not in argv:
        argv += ["--out", str(tmp_path / "x.wav")]
    if "--model" not in argv:
        argv += ["--model", vits]
    try:
        got = main(["speak", *argv, "--no-history"])
    except SystemExit as exc:  # argparse's own checks
        got = exc.code
    err = capsys.readouterr().err
    assert got == code, err
    assert needle in err and "Traceback" not in err


def _env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), HOME=str(tmp_path))
    return env


def test_play_without_an_output_device_still_writes_the_file(vits, tmp_path):
    out = tmp_path / "played.wav"
    proc = subprocess.run([sys.executable, "-m", "studio", "speak", "--text", "Hello.",
                           "--model", vits, "--out", str(out), "--play", "--no-history"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=_env(tmp_path))
    assert proc.returncode == 1, proc.stderr
    assert "No audio output device was found" in proc.stderr
    assert "the audio file was saved" in proc.stderr and "Traceback" not in proc.stderr
    assert sf.info(str(out)).frames > 0


def test_ctrl_c_keeps_the_sentences_made_as_a_stopped_take(vits, tmp_path):
    out, srt = tmp_path / "long.wav", tmp_path / "long.srt"
    text = " ".join(f"Sentence number {i} is here." for i in range(3000))
    proc = subprocess.Popen([sys.executable, "-m", "studio", "speak", "--text", text, "--model",
                             vits, "--out", str(out), "--srt", str(srt), "--seed", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=_env(tmp_path))
    try:
        lines = []
        for line in proc.stderr:  # wait until speaking has begun
            lines.append(line)
            if line.startswith("Speaking sentence"):
                break
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    err = "".join(lines) + err
    assert proc.returncode == 130, err
    kept = int(re.search(r"Stopped: kept (\d+) sentences", err).group(1))
    assert 1 <= kept < 3000 and "Traceback" not in err
    assert len(_srt_times(srt.read_text(encoding="utf-8"))) == kept
    assert sf.info(str(out)).frames > 0
    history = subprocess.run([sys.executable, "-m", "studio", "history", "list", "--json"],
                             capture_output=True, text=True, cwd=ROOT, timeout=60,
                             env=_env(tmp_path))
    rows = json.loads(history.stdout)
    entries = rows["entries"]
    assert entries and entries[0]["status"] == "stopped" and entries[0]["task"] == "voice"
