"""The transcription engine on a tiny random Whisper (transformers backend), its request checks,
the OpenCC switch, every container, bad files, the joined built-in model and the CLI.

The tiny model's words are random bytes: these tests check the plumbing (events, windows,
cancel, files, messages); tests/real checks what real Whisper models hear.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from studio.__main__ import main
from studio.core import catalog, models
from studio.core.cache import ModelCache
from studio.core.engines.transcription import (
    TranscribeRequest,
    TranscriptResult,
    Word,
    chinese,
    pick_backend,
    run,
    tf,
    validate,
)
from studio.core.engines.transcription.stream import Feed
from studio.core.jobs import (
    Cancelled,
    CancelToken,
    Failed,
    Notice,
    Progress,
    Result,
    Segment,
    UserError,
)
from tests.core.test_audio_files import encode, png_bytes, video_only

SR = 44100


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> str:
    from tests.fixtures.tiny_whisper import build_tiny_whisper

    return str(build_tiny_whisper(tmp_path_factory.mktemp("tiny-whisper")))


@pytest.fixture(scope="module")
def cache() -> ModelCache:
    return ModelCache()


def noise(seconds: float, sr: int = SR, channels: int = 2) -> np.ndarray:
    """Not speech, but not silence either: the random model writes something for it."""
    rng = np.random.default_rng(1)
    return (0.2 * rng.standard_normal((round(seconds * sr), channels))).astype(np.float32)


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("clips") / "talk.flac"
    sf.write(path, noise(4.0), SR)
    return path


def events(req: TranscribeRequest, cache: ModelCache, cancel: CancelToken | None = None) -> list:
    return list(run(req, cancel or CancelToken(), cache))


def done(req: TranscribeRequest, cache: ModelCache) -> tuple[TranscriptResult, list]:
    evs = events(req, cache)
    assert isinstance(evs[-1], Result), evs[-1]
    return evs[-1].value, evs


# ---- the engine through transformers ---------------------------------------------------------

def test_segments_stream_then_one_result_with_the_resolved_request(tiny, clip, cache):
    req = TranscribeRequest(str(clip), model=tiny, beam_size=1, language="en")
    res, evs = done(req, cache)
    streamed = [e for e in evs if isinstance(e, Segment)]
    assert streamed and tuple(streamed) == res.segments
    assert res.text and res.backend == "transformers" and res.language == "en"
    assert res.language_probability is None  # given, not detected
    assert res.duration_s == pytest.approx(4.0, abs=0.01)
    assert res.rtf == pytest.approx(res.seconds / res.duration_s, rel=0.01)
    assert res.options["beam_size"] == 1 and res.options["batched"] is False
    fractions = [e.fraction for e in evs if isinstance(e, Progress) and e.fraction is not None]
    assert fractions == sorted(fractions) and fractions[0] >= 0 and fractions[-1] <= 1
    resolved = evs[-1].request
    assert resolved.backend == "transformers" and resolved.batched is False
    assert resolved.revision.startswith("sha256:")
    assert dataclasses.replace(resolved, backend="auto", batched=None, revision="") == req
    assert sum(isinstance(e, (Result, Failed, Cancelled)) for e in evs) == 1


def test_language_is_detected_and_reported(tiny, clip, cache):
    res, evs = done(TranscribeRequest(str(clip), model=tiny, beam_size=1), cache)
    assert res.language in ("en", "zh") and 0 < res.language_probability <= 1
    assert any(isinstance(e, Notice) and "Detected language" in e.message for e in evs)


def test_beam_search_without_timestamps_falls_back_to_one_segment_with_a_note(tiny, clip,
                                                                             cache):
    res, evs = done(TranscribeRequest(str(clip), model=tiny, beam_size=3, language="en",
                                      word_timestamps=True), cache)
    assert len(res.segments) == 1 and res.segments[0].end == pytest.approx(4.0, abs=0.01)
    assert any(isinstance(e, Notice) and "timestamps" in e.message for e in evs)


def test_long_files_go_window_by_window_and_cancel_keeps_the_segments_so_far(tiny, tmp_path,
                                                                             cache):
    path = tmp_path / "long.wav"
    sf.write(path, noise(75.0, 16000, 1), 16000)  # three 30 s windows
    req = TranscribeRequest(str(path), model=tiny, beam_size=1, language="en")
    res, _ = done(req, cache)
    starts = [s.start for s in res.segments]
    assert len(res.segments) >= 3 and starts == sorted(starts)
    assert res.segments[-1].end == pytest.approx(75.0, abs=0.05)

    cancel = CancelToken()
    seen = []
    for ev in run(req, cancel, cache):
        seen.append(ev)
        if isinstance(ev, Segment):
            cancel.cancel()  # Stop right after the first segment
    assert isinstance(seen[-1], Cancelled)
    partial = seen[-1].partial
    assert isinstance(partial, TranscriptResult)
    assert partial.segments == (res.segments[0],)
    assert [e for e in seen if isinstance(e, Segment)] == [res.segments[0]]


def test_in_memory_samples_and_slices_of_a_file(tiny, tmp_path, cache):
    """What live mode sends: samples from the recorder, or a slice of the growing file."""
    x = noise(8.0, 48000, 1)[:, 0]
    res, evs = done(TranscribeRequest(samples=x, sample_rate=48000, model=tiny, beam_size=1,
                                      language="en"), cache)
    assert res.duration_s == pytest.approx(8.0, abs=0.01)
    assert evs[-1].request.samples is None  # not kept in the request the history stores
    path = tmp_path / "rec.wav"
    sf.write(path, x, 48000)
    res, _ = done(TranscribeRequest(str(path), start_s=3.0, duration_s=5.0, model=tiny,
                                    beam_size=1, language="en"), cache)
    assert res.duration_s == pytest.approx(5.0, abs=0.01)
    assert res.segments[-1].end <= 5.0 + 1e-6


def test_silence_gives_no_segments_and_says_so(tiny, tmp_path, cache):
    path = tmp_path / "quiet.wav"
    sf.write(path, np.zeros((3 * SR, 1), np.float32), SR)
    res, evs = done(TranscribeRequest(str(path), model=tiny, beam_size=1), cache)
    assert res.segments == () and res.text == ""
    assert any(isinstance(e, Notice) and "No speech was found in quiet.wav" in e.message
               for e in evs)


# ---- containers and bad files ----------------------------------------------------------------

CONTAINERS = ("wav", "flac", "ogg", "mp3", "m4a", "opus", "webm", "mkv", "mp4", "mov")


@pytest.fixture(scope="module")
def containers(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("containers")
    x = noise(2.0)
    files = {}
    for ext in ("wav", "flac", "ogg", "mp3"):
        files[ext] = folder / f"clip.{ext}"
        sf.write(files[ext], x, SR)
    files["m4a"] = encode(folder / "clip.m4a", x, "aac")
    files["opus"] = encode(folder / "clip.opus", x, "libopus", 48000)
    files["webm"] = encode(folder / "clip.webm", x, "libopus", 48000)
    files["mkv"] = encode(folder / "clip.mkv", x, "aac")
    files["mp4"] = encode(folder / "clip.mp4", x, "aac", video="libx264")
    files["mov"] = encode(folder / "clip.mov", x, "aac", video="mpeg4")
    return files


@pytest.mark.parametrize("ext", CONTAINERS)
def test_every_container_is_transcribed(tiny, containers, cache, ext):
    res, _ = done(TranscribeRequest(str(containers[ext]), model=tiny, beam_size=1,
                                    language="en"), cache)
    assert res.duration_s == pytest.approx(2.0, abs=0.1)
    assert res.segments


def _bad(kind: str, folder: Path) -> Path:
    path = folder / {"missing": "gone.wav", "empty": "empty.mp3", "no_frames": "header.wav",
                     "text": "notes.wav", "png": "picture.m4a", "video": "silent.mp4",
                     "corrupt": "broken.flac"}[kind]
    if kind == "empty":
        path.touch()
    elif kind == "no_frames":
        sf.write(path, np.zeros((0, 1), np.float32), SR)
    elif kind == "text":
        path.write_text("Meeting notes, not a recording.\n" * 30)
    elif kind == "png":
        path.write_bytes(png_bytes())
    elif kind == "video":
        video_only(path)
    elif kind == "corrupt":
        path.write_bytes(b"fLaC" + os.urandom(4000))
    return path


BAD = {"missing": "does not exist", "empty": "is empty (0 bytes)",
       "no_frames": "contains no audio", "text": "is not an audio file",
       "png": "is not an audio file", "video": "video without a sound track",
       "corrupt": "is damaged"}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_files_fail_as_bad_input_naming_the_file(tiny, tmp_path, cache, kind):
    path = _bad(kind, tmp_path)
    evs = events(TranscribeRequest(str(path), model=tiny), cache)
    assert len(evs) == 1 and isinstance(evs[0], Failed) and evs[0].user_error
    assert path.name in evs[0].message and BAD[kind] in evs[0].message, evs[0].message


# ---- requests --------------------------------------------------------------------------------

@pytest.mark.parametrize("change, words", [
    ({"audio": ""}, "No audio file"),
    ({"backend": "whisper.cpp"}, "Unknown backend"),
    ({"task": "summarise"}, "Unknown task"),
    ({"chinese": "hanzi"}, "Unknown chinese"),
    ({"language": "english please"}, "Unknown language"),
    ({"beam_size": 0}, "beam_size must be between 1 and 32"),
    ({"temperature": ()}, "temperature must be one or more"),
    ({"temperature": (0.0, float("nan"))}, "temperature must be one or more"),
    ({"batch_size": 1000}, "batch_size must be between"),
    ({"start_s": -1.0}, "start_s must be 0 or more"),
    ({"duration_s": 0.0}, "duration_s must be more than 0"),
    ({"vad": "yes"}, "vad must be true or false"),
    ({"samples": np.zeros((2, 2))}, "one-dimensional"),
])
def test_bad_requests_are_refused_with_a_reason(change, words):
    with pytest.raises(UserError, match=words):
        validate(dataclasses.replace(TranscribeRequest("talk.wav"), **change))


def test_backends_follow_the_model_kind(tmp_path, tiny):
    base = models.resolve("whisper-tiny.en", "transcription", root=tmp_path)
    assert pick_backend(base, "auto") == "faster-whisper"
    with pytest.raises(UserError, match="choose the faster-whisper backend"):
        pick_backend(base, "transformers")
    hf = models.resolve(tiny, "transcription")
    assert pick_backend(hf, "auto") == "transformers"
    with pytest.raises(UserError, match="choose the transformers backend"):
        pick_backend(hf, "faster-whisper")
    with pytest.raises(UserError, match="int8 is a faster-whisper compute type"):
        list(tf.load(hf, TranscribeRequest("x.wav", dtype="int8"), ModelCache(), None))


def test_feed_windows_overlap_only_where_asked():
    blocks = iter(np.arange(i * 10, i * 10 + 10, dtype=np.float32) for i in range(10))
    feed = Feed(blocks)
    first, last = feed.window(0, 40)
    assert first.tolist() == list(range(40)) and not last
    again, last = feed.window(35, 40)  # continuation from inside the previous window
    assert again.tolist() == list(range(35, 75)) and not last
    end, last = feed.window(75, 40)
    assert end.tolist() == list(range(75, 100)) and last


# ---- Chinese ---------------------------------------------------------------------------------

def test_opencc_switches_scripts_for_chinese_only():
    to_simple = chinese.converter("simplified", "zh", "transcribe")
    assert to_simple("圖書館這個月底要關門維修") == "图书馆这个月底要关门维修"
    assert to_simple("頭髮乾燥，後來他們發現了") == "头发干燥，后来他们发现了"
    to_trad = chinese.converter("traditional", "zh", "transcribe")
    assert to_trad("图书馆这个月底要关门维修") == "圖書館這個月底要關門維修"
    assert chinese.converter("keep", "zh", "transcribe") is None
    assert chinese.converter("auto", "zh", "transcribe") is None  # unresolved: as written
    assert chinese.converter("simplified", "ja", "transcribe") is None  # kanji stay kanji
    assert chinese.converter("simplified", "zh", "translate") is None  # English anyway
    seg = Segment(0.0, 1.0, "圖書館維修",
                  (Word(0.0, 0.5, "圖書館", 0.9), Word(0.5, 1.0, "維修", 0.8)))
    out = chinese.convert_segment(seg, to_simple)
    assert out.text == "图书馆维修" and [w.text for w in out.words] == ["图书馆", "维修"]
    assert out.words[0].probability == 0.9


@pytest.mark.parametrize("ui, expected", [("zh_CN", "simplified"), ("zh-SG", "simplified"),
                                          ("zh_TW", "traditional"), ("zh_HK", "traditional"),
                                          ("en_US", "keep"), ("", "keep")])
def test_auto_follows_the_ui_language(ui, expected):
    assert chinese.resolve_choice("auto", ui) == expected
    assert chinese.resolve_choice("keep", "zh_CN") == "keep"


def test_the_engine_converts_a_chinese_transcript(tiny, clip, cache, monkeypatch):
    """The random model's bytes are no Chinese: give it some to say, as real Whisper would."""
    monkeypatch.setattr(tf, "_segments", lambda out, length, words: [
        Segment(0.0, length, "圖書館這個月底要關門維修")])
    res, _ = done(TranscribeRequest(str(clip), model=tiny, beam_size=1, language="zh",
                                    chinese="simplified"), cache)
    assert res.text == "图书馆这个月底要关门维修"
    res, _ = done(TranscribeRequest(str(clip), model=tiny, beam_size=1, language="zh"), cache)
    assert res.text == "圖書館這個月底要關門維修"  # keep: as the model wrote it


# ---- the joined built-in model ---------------------------------------------------------------

def test_the_joined_whisper_base_is_checked_again_when_its_stamp_changes(tmp_path):
    entry = catalog.find("whisper-base")
    local = models.resolve("whisper-base", root=tmp_path)
    joined = local.path / "model.bin"
    good = models.sha256_file(joined)
    size = joined.stat().st_size
    assert size == sum(models.bundled_file(k).stat().st_size for k in entry.join)

    # touched, same bytes: hashed again once, kept (not rebuilt)
    inode = joined.stat().st_ino
    os.utime(joined, ns=(1, 1))
    assert models.resolve("whisper-base", root=tmp_path).path == local.path
    assert joined.stat().st_ino == inode
    marker = json.loads((local.path / ".complete").read_text())
    assert marker["files"]["model.bin"][:2] == [size, 1]

    # damaged in place (stamp changes): rebuilt from the parts
    with open(joined, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\0" * 64)
    models.resolve("whisper-base", root=tmp_path)
    assert models.sha256_file(joined) == good

    # cut short: rebuilt
    with open(joined, "r+b") as fh:
        fh.truncate(size - 10)
    models.resolve("whisper-base", root=tmp_path)
    assert joined.stat().st_size == size and models.sha256_file(joined) == good

    # an older marker without sums ("ok"): rebuilt once
    (local.path / ".complete").write_text("ok")
    models.resolve("whisper-base", root=tmp_path)
    assert "files" in json.loads((local.path / ".complete").read_text())


# ---- the CLI ---------------------------------------------------------------------------------

@pytest.fixture
def own_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def test_cli_json_shape_and_history(tiny, clip, capsys, own_data):
    from studio.core.history import HistoryStore
    from studio.core.paths import history_path, outputs_dir

    assert main(["transcribe", str(clip), "--model", tiny, "--beam-size", "1",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"text", "language", "language_probability", "segments", "model", "seconds",
            "rtf"} <= set(data)
    assert all(set(s) >= {"start", "end", "text"} for s in data["segments"])
    assert main(["transcribe", str(clip), "--model", tiny, "--beam-size", "1", "--json",
                 "--language", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "en" and data["file"] == str(clip)
    with HistoryStore(history_path(), outputs_dir()) as store:
        entry = store.get(data["history_id"])
    assert entry.task == "transcription" and entry.status == "done"
    assert entry.text == data["text"] and entry.files == (str(clip),)
    assert entry.request["backend"] == "transformers" and entry.title == "talk.flac"


def test_cli_streams_text_and_writes_one_file_per_input(tiny, clip, tmp_path, capsys, own_data):
    assert main(["transcribe", str(clip), "--model", tiny, "--beam-size", "1",
                 "--no-history"]) == 0
    out = capsys.readouterr()
    assert out.out.strip() and "segments" in out.err
    other = tmp_path / "talk.wav"
    sf.write(other, noise(1.5), SR)
    folder = tmp_path / "subs"
    assert main(["transcribe", str(clip), str(other), "--model", tiny, "--beam-size", "1",
                 "--format", "srt", "--out", str(folder), "--no-history"]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["talk-2.srt", "talk.srt"]
    assert (folder / "talk.srt").read_text().startswith("1\n00:00:00,000 --> ")


@pytest.mark.parametrize("argv, code, words", [
    (["gone.wav"], 2, "gone.wav: it does not exist"),
    (["--beam-size", "0", "x.wav"], 2, "must be at least 1"),
    (["--temperature", "hot", "x.wav"], 2, "--temperature takes numbers"),
    (["--language", "klingon!", "x.wav"], 2, "Unknown language"),
])
def test_cli_errors_are_one_line_with_the_contract_exit_codes(argv, code, words, tmp_path,
                                                               capsys, own_data, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.wav").write_bytes(b"")
    try:
        got = main(["transcribe", *argv])
    except SystemExit as exc:  # argparse's own errors
        got = exc.code
    err = capsys.readouterr().err
    assert got == code and words in err and "Traceback" not in err


def test_cli_several_files_keep_going_past_a_bad_one(tiny, clip, tmp_path, capsys, own_data):
    folder = tmp_path / "out"
    assert main(["transcribe", str(tmp_path / "gone.wav"), str(clip), "--model", tiny,
                 "--beam-size", "1", "--out", str(folder), "--no-history"]) == 2
    assert [p.name for p in folder.iterdir()] == ["talk.txt"]
    assert "gone.wav: Cannot open gone.wav" in capsys.readouterr().err
    (tmp_path / "file.txt").write_text("x")
    assert main(["transcribe", str(clip), str(clip), "--out", str(tmp_path / "file.txt")]) == 2


def test_live_chunks_cross_the_engine_host_with_the_model_kept_loaded(engine_host, tiny):
    """Live mode's path: samples go to the host, the model stays in its cache between chunks."""
    recording = noise(12.0, 16000, 1)[:, 0]
    loads = []
    for start in (0.0, 3.0, 6.0):  # overlapping 5 s chunks of a growing recording
        req = TranscribeRequest(samples=recording, start_s=start, duration_s=5.0, model=tiny,
                                beam_size=1, language="en")
        evs = list(engine_host.run("transcription", req, CancelToken()))
        assert isinstance(evs[-1], Result), evs[-1]
        res = evs[-1].value
        assert res.duration_s == pytest.approx(5.0, abs=0.01)
        assert res.segments[-1].end <= 5.0 + 1e-6
        loads.append(evs[-1].timings["load_s"])
    assert max(loads[1:]) < 0.5, loads  # the model stayed loaded: no second load


def test_ctc_models_run_through_the_same_pipeline(tmp_path_factory, clip, cache):
    from tests.fixtures.tiny_ctc import build_tiny_ctc

    folder = str(build_tiny_ctc(tmp_path_factory.mktemp("tiny-ctc")))
    res, _ = done(TranscribeRequest(str(clip), model=folder, word_timestamps=True), cache)
    assert res.backend == "transformers" and res.text and res.language == ""
    words = [w for s in res.segments for w in s.words]
    times = [t for w in words for t in (w.start, w.end)]
    assert words and times == sorted(times) and times[-1] <= 4.0 + 1e-6
    assert all(w.probability is None for w in words)
    evs = events(TranscribeRequest(str(clip), model=folder, task="translate"), cache)
    assert isinstance(evs[-1], Failed) and "cannot translate" in evs[-1].message


def test_cli_ctrl_c_keeps_the_segments_so_far_as_a_stopped_result(clip, tmp_path, capsys,
                                                                  own_data, monkeypatch):
    from studio.core.engines import transcription
    from studio.core.history import HistoryStore
    from studio.core.paths import history_path, outputs_dir

    def interrupted(request, cancel, cache=None):
        yield Segment(0.0, 1.5, "First words.")
        yield Segment(1.5, 2.5, "Then more.")
        raise KeyboardInterrupt

    monkeypatch.setattr(transcription, "run", interrupted)
    out = tmp_path / "talk.srt"
    assert main(["transcribe", str(clip), "--out", str(out)]) == 130
    assert "Interrupted." in capsys.readouterr().err
    assert out.read_text().count(" --> ") == 2
    with HistoryStore(history_path(), outputs_dir()) as store:
        (entry,) = store.list(task="transcription")
    assert entry.status == "stopped" and entry.text == "First words. Then more."
    assert entry.files == (str(clip), str(out))
