"""`aigc-studio history ...` and the history records `aigc-studio write` leaves."""

from __future__ import annotations

import json

import pytest

from studio.__main__ import main
from studio.core.history import HistoryStore
from studio.core.jobs import Cancelled, Token
from studio.core.paths import history_path, outputs_dir


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    """Each test has its own history (platformdirs reads XDG_DATA_HOME on every call)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def run_json(capsys, *argv: str) -> dict:
    assert main(list(argv)) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def write_args(model, *extra: str) -> list[str]:
    return ["write", "--prompt", "Hello there", "--model", str(model), "--backend",
            "transformers", "--max-new-tokens", "10", "--temperature", "1.0", *extra]


def test_write_is_recorded_and_rerun_gives_the_same_text(tiny_gpt2, capsys):
    # No --seed: the seed the engine chose is what the history keeps, so a re-run matches.
    first = run_json(capsys, *write_args(tiny_gpt2), "--json")
    rid = first["history_id"]
    assert isinstance(rid, int)
    shown = run_json(capsys, "history", "show", str(rid), "--json")
    assert shown["task"] == "writing" and shown["status"] == "done"
    assert shown["text"] == first["texts"][0] and shown["prompt"] == "Hello there"
    assert shown["request"]["seed"] == first["seed"]
    assert shown["request"]["revision"].startswith("sha256:")
    assert shown["request_type"] == "studio.core.engines.writing.request:WriteRequest"
    assert set(shown["timings"]) >= {"load_s", "generate_s", "total_s"}
    assert shown["parents"] == [] and shown["children"] == []

    again = run_json(capsys, "history", "rerun", str(rid), "--json")
    assert again["texts"] == first["texts"] and again["seed"] == first["seed"]
    assert again["history_id"] > rid
    child = run_json(capsys, "history", "show", str(again["history_id"]), "--json")
    assert child["parents"] == [rid]
    assert run_json(capsys, "history", "show", str(rid), "--json")["children"] == [
        again["history_id"]]

    listed = run_json(capsys, "history", "list", "--json")
    assert [e["id"] for e in listed["entries"]] == [again["history_id"], rid]
    assert listed["total"] == 2

    # streamed, as `write` prints it
    assert main(["history", "rerun", str(rid)]) == 0
    out = capsys.readouterr()
    assert out.out == first["texts"][0] + "\n" and f"seed {first['seed']}" in out.err


def test_write_no_history_and_a_broken_history_never_fail_the_write(tiny_gpt2, capsys):
    assert run_json(capsys, *write_args(tiny_gpt2), "--json", "--no-history")[
        "history_id"] is None
    assert not history_path().exists()
    history_path().mkdir(parents=True)  # a folder where the database should be
    assert main([*write_args(tiny_gpt2), "--json"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["history_id"] is None and json.loads(out.out)["texts"]
    assert "note: the result was not saved in the history: " in out.err
    assert "could not be opened" in out.err
    assert main(["history", "list"]) == 1  # the history command itself does fail
    assert "could not be opened" in capsys.readouterr().err


def test_an_interrupted_write_keeps_its_text_as_stopped(monkeypatch, capsys):
    from studio.core.engines import writing

    def interrupted(request, cancel):
        yield Token("Once upon ")
        yield Token("a time")
        raise KeyboardInterrupt  # Ctrl+C while the engine works

    monkeypatch.setattr(writing, "run", interrupted)
    assert main(["write", "--prompt", "Tell a story", "--seed", "4"]) == 130
    assert "Interrupted." in capsys.readouterr().err
    (entry,) = HistoryStore(history_path(), outputs_dir()).list()
    assert entry.status == "stopped" and entry.text == "Once upon a time"
    assert entry.request["seed"] == 4 and entry.prompt == "Tell a story"

    def nothing_yet(request, cancel):
        raise KeyboardInterrupt
        yield  # a generator

    monkeypatch.setattr(writing, "run", nothing_yet)
    assert main(["write", "--prompt", "Tell a story"]) == 130
    assert HistoryStore(history_path(), outputs_dir()).count() == 1  # nothing to keep


def test_a_write_the_engine_cancels_keeps_its_partial_text(monkeypatch, capsys):
    from studio.core.engines import writing
    from studio.core.engines.writing import WriteResult

    partial = WriteResult(texts=("Half a",), model="some-model", backend="transformers",
                          seed=321, chat=False, prompt_tokens=3, new_tokens=2, seconds=0.1,
                          tokens_per_s=20.0, first_token_s=0.05, truncated=False)

    def cancelled(request, cancel):
        yield Token("Half a")
        yield Cancelled(partial=partial)

    monkeypatch.setattr(writing, "run", cancelled)
    assert main(["write", "--prompt", "Go on"]) == 1
    assert "generation was cancelled" in capsys.readouterr().err
    (entry,) = HistoryStore(history_path(), outputs_dir()).list()
    assert entry.status == "stopped" and entry.text == "Half a" and entry.model == "some-model"
    assert entry.request["seed"] == 321 and entry.request["backend"] == "transformers"


def test_list_show_favourite_and_delete(capsys):
    with HistoryStore(history_path(), outputs_dir()) as store:
        image = store.new_output_path("painting", "red kite", "png")
        image.write_bytes(b"png")
        kite = store.record("painting", {"prompt": "a red kite over 天气 hills"}, files=[image])
        poem = store.record("writing", {"prompt": "a poem"}, text="roses are red",
                            status="stopped")
        gone = store.record("painting", {"prompt": "lost"}, files=[outputs_dir() / "x.png"])
    assert main(["history", "list"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert [int(line.split()[0]) for line in lines] == [gone, poem, kite]
    assert "!" in lines[0].split()[1] and "(stopped)" in lines[1]
    assert "3 of 3 result(s)" in out.err
    assert main(["history", "list", "--search", "天气", "--json"]) == 0
    assert [e["id"] for e in json.loads(capsys.readouterr().out)["entries"]] == [kite]
    assert main(["history", "list", "--task", "painting", "--limit", "1", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in listed["entries"]] == [gone] and listed["total"] == 2
    assert listed["entries"][0]["missing_files"] == [str(outputs_dir() / "x.png")]

    assert main(["history", "favourite", str(poem)]) == 0
    assert "is now a favourite" in capsys.readouterr().out
    assert main(["history", "list", "--favourites", "--json"]) == 0
    assert [e["id"] for e in json.loads(capsys.readouterr().out)["entries"]] == [poem]
    assert main(["history", "favourite", str(poem), "--off"]) == 0
    assert "no longer" in capsys.readouterr().out

    assert main(["history", "show", str(kite)]) == 0
    shown = capsys.readouterr().out
    assert f"result:    {kite} (painting, done)" in shown and str(image) in shown
    assert "a red kite over 天气 hills" in shown
    assert main(["history", "show", str(gone)]) == 0
    assert "x.png (missing)" in capsys.readouterr().out

    assert main(["history", "delete", str(kite), "--files"]) == 0
    assert capsys.readouterr().out == f"Deleted result {kite} and 1 file(s).\n"
    assert not image.exists()
    assert main(["history", "delete", str(poem)]) == 0
    assert capsys.readouterr().out == f"Deleted result {poem}.\n"
    assert run_json(capsys, "history", "list", "--json")["total"] == 1


@pytest.mark.parametrize("argv", [
    ["history", "show", "999"], ["history", "rerun", "999"], ["history", "delete", "999"],
    ["history", "favourite", "999"], ["history", "favourite", "999", "--off"],
])
def test_an_unknown_id_is_bad_input(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("aigc-studio: error: There is no result 999 in the history")
    assert "Traceback" not in err


def test_malformed_ids_and_unsupported_reruns(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["history", "show", "abc"])
    assert caught.value.code == 2
    capsys.readouterr()
    with HistoryStore(history_path(), outputs_dir()) as store:
        painted = store.record("recording", {"path": "memo.wav"})  # a task with no engine
        foreign = store.record("writing", {"prompt": "x"})
        with store._db.transaction(write=True) as conn:  # a row naming a module outside engines
            conn.execute("UPDATE results SET request_type = 'os:system' WHERE id = ?",
                         (foreign,))
    assert main(["history", "rerun", str(painted)]) == 2
    assert "Re-running recording results is not supported yet" in capsys.readouterr().err
    assert main(["history", "rerun", str(foreign)]) == 2
    assert "its request type 'os:system' is not one this version knows" in \
        capsys.readouterr().err


def test_history_warnings_reach_stderr(capsys):
    history_path().parent.mkdir(parents=True)
    history_path().write_bytes(b"not a database" * 100)
    assert main(["history", "list", "--json"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out) == {"entries": [], "total": 0}
    assert "note: The history could not be read" in out.err and "history.db.bad" in out.err


def test_voice_and_transcription_results_rerun_as_children(tmp_path, capsys):
    """Every task with an engine re-runs from its stored request; the seed makes voice exact."""
    import numpy as np
    import soundfile as sf

    from tests.fixtures.tiny_vits import build_tiny_vits
    from tests.fixtures.tiny_whisper import build_tiny_whisper

    vits = build_tiny_vits(tmp_path / "vits")
    said = run_json(capsys, "speak", "--text", "Hello there. Good night.", "--model", str(vits),
                    "--out", str(tmp_path / "a.wav"), "--seed", "3", "--json")
    again = run_json(capsys, "history", "rerun", str(said["history_id"]), "--json")
    assert again["history_id"] > said["history_id"] and again["seed"] == 3
    first, _ = sf.read(said["out"], dtype="float32")
    second, _ = sf.read(again["out"], dtype="float32")
    assert np.array_equal(first, second)  # same request, same seed: the same take
    assert again["srt"] and (tmp_path / "a.wav").exists()
    shown = run_json(capsys, "history", "show", str(again["history_id"]), "--json")
    assert shown["parents"] == [said["history_id"]] and shown["task"] == "voice"

    whisper = build_tiny_whisper(tmp_path / "whisper")
    clip = tmp_path / "talk.flac"
    sf.write(clip, 0.2 * np.random.default_rng(1).standard_normal(4 * 16000), 16000)
    # temperature 0 only: the fallback ladder samples, which no request can reproduce
    heard = run_json(capsys, "transcribe", str(clip), "--model", str(whisper), "--format",
                     "json", "--temperature", "0", "--json")
    redo = run_json(capsys, "history", "rerun", str(heard["history_id"]), "--json")
    assert redo["text"] == heard["text"] and redo["segments"] == heard["segments"]
    shown = run_json(capsys, "history", "show", str(redo["history_id"]), "--json")
    assert shown["parents"] == [heard["history_id"]] and shown["task"] == "transcription"


def test_painting_results_rerun_with_the_same_pixels(tmp_path, capsys):
    import numpy as np
    from PIL import Image

    from tests.fixtures.tiny_sd import build_tiny_sd

    model = build_tiny_sd(tmp_path / "sd")
    made = run_json(capsys, "paint", "--prompt", "a red boat", "--model", str(model), "--steps",
                    "2", "--size", "64x64", "--seed", "4", "--out", str(tmp_path / "boat.png"),
                    "--json")
    again = run_json(capsys, "history", "rerun", str(made["history_id"]), "--json")
    first, second = made["images"][0], again["images"][0]
    assert second["seed"] == first["seed"] == 4 and second["path"] != first["path"]
    assert np.array_equal(np.asarray(Image.open(first["path"])),
                          np.asarray(Image.open(second["path"])))
    shown = run_json(capsys, "history", "show", str(again["history_id"]), "--json")
    assert shown["parents"] == [made["history_id"]] and shown["task"] == "painting"
