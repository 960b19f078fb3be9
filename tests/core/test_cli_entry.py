"""The entry point's edges: command dispatch, typos, displays, screenshots, pipes, --debug,
``models verify``, ``write --stop`` and the bench report."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.core.jobs import UserError

ROOT = Path(__file__).resolve().parents[2]


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


@pytest.fixture
def gui_calls(monkeypatch) -> list[dict]:
    """Replace the window with a recorder: what would have been opened, without a window."""
    from studio.ui import app

    calls: list[dict] = []

    def fake_run_gui(screenshot=None, tab=None, files=None) -> int:
        calls.append({"screenshot": screenshot, "tab": tab, "files": files})
        return 0

    monkeypatch.setattr(app, "run_gui", fake_run_gui)
    return calls


# --- 1. commands are imported statically and stay cheap -----------------------------------

def test_cli_imports_every_command_module_statically_and_cheaply():
    code = (
        "import sys, studio.cli as cli\n"
        "import studio.commands.bench, studio.commands.models, studio.commands.write\n"
        "assert cli.HANDLERS['write'] is studio.commands.write.run\n"
        "assert cli.HANDLERS['models'] is studio.commands.models.run\n"
        "assert cli.HANDLERS['bench'] is studio.commands.bench.run\n"
        "heavy = [m for m in ('torch', 'transformers', 'diffusers', 'huggingface_hub',\n"
        "         'llama_cpp', 'numpy', 'PySide6') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    # What import-linter sees: direct imports from the CLI module to each command.
    import grimp

    graph = grimp.build_graph("studio")
    for name in ("bench", "models", "write"):
        assert graph.direct_import_exists(importer="studio.cli",
                                          imported=f"studio.commands.{name}"), name


def test_every_command_has_a_handler():
    from studio.cli import COMMANDS, HANDLERS

    assert set(COMMANDS) == set(HANDLERS)


# --- 2. a mistyped command is an error, not a file for the window -------------------------

def test_mistyped_command_is_refused_with_a_hint(gui_calls, capsys):
    from studio.__main__ import main

    assert main(["modles", "list"]) == 2
    err = capsys.readouterr().err
    assert err == "aigc-studio: error: unknown command 'modles' (did you mean 'models'?)\n"
    assert main(["xyzzy"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("aigc-studio: error: unknown command 'xyzzy'")
    assert "did you mean" not in err
    assert main(["--tab", "writing", "wirte", "--prompt", "x"]) == 2
    assert "did you mean 'write'?" in capsys.readouterr().err
    assert gui_calls == []  # no window for any of them


def test_existing_files_still_open_the_window(gui_calls, tmp_path):
    from studio.__main__ import main

    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    assert main([str(notes), "--tab", "writing"]) == 0
    assert gui_calls == [{"screenshot": None, "tab": "writing", "files": [str(notes)]}]


# --- 3. no display: one message, exit 1, never a Qt abort ---------------------------------

def test_no_display_is_a_clear_error_not_an_abort(tmp_path):
    env = _env(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None,
               XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"))
    proc = subprocess.run([sys.executable, "-m", "studio"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("aigc-studio: error: "), proc.stderr
    assert "display" in proc.stderr
    assert "Fatal" not in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_display_check_comes_before_the_window(gui_calls, monkeypatch, capsys):
    from studio.__main__ import main
    from studio.ui import app

    monkeypatch.setattr(app, "check_display", lambda: "no display here")
    assert main(["--tab", "voice"]) == 1
    assert capsys.readouterr().err == "aigc-studio: error: no display here\n"
    assert gui_calls == []


# --- 4. --screenshot writes the format its suffix names, or refuses -----------------------

def test_screenshot_suffix_is_checked_before_any_window(gui_calls, tmp_path, capsys):
    from studio.__main__ import main

    assert main(["--screenshot", str(tmp_path / "shot.xyz")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("aigc-studio: error: cannot write a screenshot as '.xyz': use .png, ")
    assert ".jpg" in err
    assert main(["--screenshot", str(tmp_path / "shot")]) == 2
    assert "cannot write a screenshot as 'shot' (no suffix)" in capsys.readouterr().err
    assert gui_calls == []
    assert main(["--screenshot", str(tmp_path / "shot.JPG"), "--tab", "voice"]) == 0
    assert gui_calls == [{"screenshot": str(tmp_path / "shot.JPG"), "tab": "voice",
                          "files": []}]


def test_screenshot_as_jpeg_for_real(tmp_path):
    env = _env(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "c"),
               XDG_DATA_HOME=str(tmp_path / "d"))
    bad = tmp_path / "shot.xyz"
    proc = subprocess.run([sys.executable, "-m", "studio", "--screenshot", str(bad)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert proc.returncode == 2 and "cannot write a screenshot as '.xyz'" in proc.stderr
    assert not bad.exists()
    out = tmp_path / "shot.jpg"
    proc = subprocess.run([sys.executable, "-m", "studio", "--screenshot", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:3] == b"\xff\xd8\xff"  # JPEG, not a PNG named .jpg


# --- 5. a closed stdout pipe ends quietly -------------------------------------------------

def test_closed_stdout_pipe_ends_quietly():
    # The reader is gone before the CLI has even started, so its output cannot fit
    # anywhere: the first write meets EPIPE (what `aigc-studio models list | head -1`
    # does once head exits), deterministically.
    proc = subprocess.Popen([sys.executable, "-m", "studio", "models", "list"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    text = err.decode(errors="replace")
    assert "BrokenPipe" not in text and "Traceback" not in text
    assert "Exception ignored" not in text
    assert proc.returncode == 141, text  # as if killed by SIGPIPE, like a C tool


# --- 6. --debug anywhere ------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["--debug", "models", "download", "not-a-repo"],
    ["models", "--debug", "download", "not-a-repo"],
    ["models", "download", "not-a-repo", "--debug"],
    ["write", "--debug", "--prompt", "x", "--model", "/no/such/model/folder"],
])
def test_debug_is_accepted_anywhere_and_shows_the_traceback(argv, capsys):
    from studio.__main__ import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "aigc-studio: error: " in err
    plain = [a for a in argv if a != "--debug"]
    assert main(plain) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.startswith("aigc-studio: error: ")


def test_debug_after_a_double_dash_is_an_argument_and_help_lists_it():
    from studio.cli import build_parser, strip_debug

    assert strip_debug(["models", "--debug", "list"]) == (["models", "list"], True)
    assert strip_debug(["write", "--", "--debug"]) == (["write", "--", "--debug"], False)
    assert "--debug" in build_parser().format_help()


# --- 8. models verify re-hashes, whatever the stamps say ----------------------------------

def test_models_verify_rehashes_instead_of_trusting_stamps(tmp_path, monkeypatch, capsys):
    from studio.__main__ import main
    from studio.core import catalog
    from studio.core.catalog import CatalogEntry
    from studio.core.models import bundled_file
    from studio.core.paths import cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    package = tmp_path / "site" / "fake_bundled_weights"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    weights = package / "weights.bin"
    weights.write_bytes(b"tampered")  # same size as what the catalogue expects
    expected = hashlib.sha256(b"original").hexdigest()
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    entry = CatalogEntry(id="fake-bundled", name="Fake", task="writing", engine="transformers",
                         source="bundled", folder="fake_bundled_weights",
                         files={"fake_bundled_weights/weights.bin": expected})
    monkeypatch.setattr(catalog, "load_catalog", lambda *a, **k: [entry])
    # A stamp from an earlier check claims this very file (size, mtime) is the good one.
    path = bundled_file("fake_bundled_weights/weights.bin")
    assert path is not None and path.samefile(weights)
    st = path.stat()
    stamps = cache_dir() / "verified.json"
    stamps.parent.mkdir(parents=True)
    stamps.write_text(json.dumps({str(path): [st.st_size, st.st_mtime_ns, expected]}),
                      encoding="utf-8")
    assert main(["models", "verify"]) == 1
    out = capsys.readouterr()
    assert "fake-bundled: fake_bundled_weights/weights.bin: sha256 mismatch" in out.out
    assert "1 built-in model(s) missing or damaged" in out.err


# --- 9. write --stop reads stop strings like the app's Stop field --------------------------

def test_write_stop_uses_the_apps_stop_syntax_and_default_length():
    from studio.cli import build_parser
    from studio.commands.write import request_from_args
    from studio.core.engines.writing import DEFAULT_MAX_NEW_TOKENS

    args = build_parser().parse_args(["write", "--prompt", "x", "--stop", r"A|B\tC",
                                      "--stop", r"\n", "--stop", r"x\|y"])
    request = request_from_args(args)
    assert request.stop == ("A", "B\tC", "\n", "x|y")
    assert request.max_new_tokens == DEFAULT_MAX_NEW_TOKENS


def test_write_says_so_when_the_text_is_empty(tiny_gpt2, capsys):
    from studio.__main__ import main

    base = ["write", "--prompt", "Hello", "--model", str(tiny_gpt2), "--max-new-tokens", "6",
            "--greedy", "--seed", "1", "--json"]
    assert main(base) == 0
    text = json.loads(capsys.readouterr().out)["texts"][0]
    first = text.strip()[:1]
    assert first, "the tiny model wrote only spaces"
    escaped = {"\\": r"\\", "|": r"\|", "\n": r"\n", "\t": r"\t"}.get(first, first)
    # Cut at that character's first appearance (a second, unused stop rides along).
    assert main([*base, "--stop", f"{escaped}|never-seen-stop"]) == 0
    out = capsys.readouterr()
    assert not json.loads(out.out)["texts"][0].strip()
    assert "note: The model produced no text" in out.err


# --- 10. bench: a readable table, --task ----------------------------------------------------

SAMPLE_REPORT = {
    "writing": {
        "model": "smollm2-135m-instruct", "new_tokens": 64, "greedy": True,
        "llama.cpp": {"engine": {"tokens_per_s": 95.12, "runs_s": [0.67, 0.7]},
                      "same_tokens": True},
        "transformers": {"engine": {"tokens_per_s": 15.6, "runs_s": [4.1, 4.3]},
                         "same_tokens": False},
    },
    "ui": {"writing": [{"backend": "llama.cpp", "cold": {"max_gap_ms": 14.2}},
                       {"backend": "transformers", "cold": {"max_gap_ms": 19.0}}],
           "target_max_gap_ms": 50},
}


def test_bench_report_is_a_table_with_aligned_columns():
    from studio.commands.bench import format_report

    text = format_report(SAMPLE_REPORT)
    assert "{" not in text  # not a JSON dump
    lines = text.splitlines()
    assert lines[:2] == ["writing", "======="]
    assert any(line.split() == ["model", "smollm2-135m-instruct"] for line in lines)
    assert any(line.split() == ["greedy", "yes"] for line in lines)
    header = next(line for line in lines if line.split() == ["llama.cpp", "transformers"])
    rate = next(line for line in lines if line.strip().startswith("engine.tokens_per_s"))
    runs = next(line for line in lines if line.strip().startswith("engine.runs_s"))
    same = next(line for line in lines if line.strip().startswith("same_tokens"))
    assert rate.split() == ["engine.tokens_per_s", "95.12", "15.6"]
    assert runs.split("  ")[-1].strip() == "4.1, 4.3"
    assert same.split() == ["same_tokens", "yes", "no"]
    first_end = header.index("llama.cpp") + len("llama.cpp")
    for row, first_value in ((rate, "95.12"), (runs, "0.67, 0.7"), (same, "yes")):
        assert len(row) == len(header)  # the last column ends under "transformers"
        assert row.index(first_value) + len(first_value) == first_end  # and under "llama.cpp"
    assert "ui" in lines and any(line.split() == ["target_max_gap_ms", "50"] for line in lines)
    ui_header = next(line for line in lines
                     if line.split() == ["writing", "llama.cpp", "transformers"])
    gap = next(line for line in lines if line.strip().startswith("cold.max_gap_ms"))
    assert gap.split() == ["cold.max_gap_ms", "14.2", "19"] and len(gap) == len(ui_header)


def test_bench_task_option(monkeypatch, capsys):
    from studio.__main__ import main
    from studio.bench import (
        history,
        machine,
        painting,
        remote,
        startup,
        transcription,
        voice,
        writing,
    )
    from studio.commands import bench

    with pytest.raises(UserError, match="no benchmark for the sculpting task yet"):
        bench.run(argparse.Namespace(task="sculpting", quick=True, json=False))
    ran = []
    monkeypatch.setattr(machine, "describe", lambda: {"cpu": "Test CPU", "versions": {"x": "1"}})
    monkeypatch.setattr(painting, "run", lambda quick: ran.append("painting") or {"s": 0.2})
    monkeypatch.setattr(writing, "run", lambda quick: ran.append("writing") or {"tok_s": 1.5})
    monkeypatch.setattr(startup, "run", lambda quick: ran.append("startup") or {"s": 0.4})
    monkeypatch.setattr(history, "run", lambda quick: ran.append("history") or {"list_ms": 1.0})
    monkeypatch.setattr(voice, "run", lambda quick: ran.append("voice") or {"rtf": 0.1})
    monkeypatch.setattr(transcription, "run",
                        lambda quick: ran.append("transcription") or {"rtf": 0.05})
    monkeypatch.setattr(bench, "_ui_responsiveness", lambda quick, tabs: ran.append(
        f"ui:{','.join(tabs)}") or {"ui": {"max_gap_ms": 12.0}, "memory": {"rss_mb": 9.0}})
    monkeypatch.setattr(remote, "run", lambda quick: ran.append("remote") or {"ratio": 1.0})
    assert main(["bench", "--quick", "--task", "writing"]) == 0
    assert ran == ["writing", "ui:writing"]  # the engine, then its tab in the window
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == ["machine", "=======", "  cpu         Test CPU"]
    assert "writing\n=======\n  tok_s  1.5\n" in out and "ui\n==\n" in out
    assert "startup" not in out
    ran.clear()
    assert main(["bench", "--quick", "--json"]) == 0
    assert ran == ["writing", "startup", "painting", "voice", "transcription", "history",
                   "remote", "ui:writing,painting,voice,transcription"]
    report = json.loads(capsys.readouterr().out)
    assert list(report) == ["machine", "writing", "startup", "painting", "voice",
                            "transcription", "history", "remote", "ui", "memory"]
    assert report["machine"]["cpu"] == "Test CPU" and report["memory"] == {"rss_mb": 9.0}
    ran.clear()
    assert main(["bench", "--task", "history"]) == 0  # no tab: the window is not measured
    out = capsys.readouterr().out
    assert ran == ["history"] and "\nhistory\n=======\n" in out and "ui\n" not in out
