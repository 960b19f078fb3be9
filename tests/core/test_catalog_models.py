from __future__ import annotations

import hashlib

import pytest

from studio.core import catalog, models
from studio.core.catalog import CatalogEntry
from studio.core.jobs import UserError


def test_catalogue_has_a_default_per_task_and_sane_entries():
    entries = catalog.load_catalog()
    for task in catalog.TASKS:
        assert catalog.default_for(task) is not None, task
    for e in entries:
        if e.bundled:
            assert e.files and e.folder, e.id
            assert all(len(sha) == 64 for sha in e.files.values()), e.id
        else:
            assert e.repo.count("/") == 1, e.id


def test_bundled_models_resolve_and_verify(tmp_path):
    for e in catalog.load_catalog():
        if not e.bundled:
            continue
        local = models.resolve(e.id, e.task, root=tmp_path)
        assert local.path.is_dir(), e.id
        if local.file:
            assert local.main_path.is_file(), e.id
    whisper = models.resolve("whisper-base", root=tmp_path)
    assert (whisper.path / "model.bin").stat().st_size == sum(
        models.bundled_file(k).stat().st_size for k in catalog.find("whisper-base").join)
    assert models.resolve("smollm2-135m-instruct", root=tmp_path).is_gguf


def test_damaged_bundled_file_is_reported(tmp_path, monkeypatch):
    fake = tmp_path / "pkg"
    fake.mkdir()
    (fake / "w.gguf").write_bytes(b"not the real weights")
    entry = CatalogEntry(id="x", name="x", task="writing", engine="llama.cpp", source="bundled",
                         folder="pkg", files={"pkg/w.gguf": hashlib.sha256(b"other").hexdigest()})
    monkeypatch.setattr(models, "package_dir", lambda name: tmp_path / name)
    with pytest.raises(UserError, match="damaged"):
        models._bundled(entry, tmp_path / "cache")
    (fake / "w.gguf").write_bytes(b"other")
    assert models._bundled(entry, tmp_path / "cache").file == "w.gguf"


def test_missing_bundled_package_is_reported(tmp_path, monkeypatch):
    entry = CatalogEntry(id="y", name="y", task="voice", engine="piper", source="bundled",
                         folder="nopkg", files={"nopkg/v.onnx": "0" * 64})
    monkeypatch.setattr(models, "package_dir", lambda name: None)
    with pytest.raises(UserError, match="not installed"):
        models._bundled(entry, tmp_path)


def test_local_paths_and_wrong_task(tmp_path):
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    local = models.resolve(str(gguf))
    assert local.is_gguf and local.path == tmp_path
    assert models.resolve(str(tmp_path)).path == tmp_path
    with pytest.raises(UserError, match="not a writing model"):
        models.resolve("whisper-base", "writing")
    with pytest.raises(UserError, match="Model not found"):
        models.resolve(str(tmp_path / "missing-folder"))
    with pytest.raises(UserError, match="No model"):
        models.resolve("  ")


def test_hub_model_not_in_cache_says_how_to_download():
    with pytest.raises(UserError, match="models download gpt2"):
        models.resolve("gpt2")
    with pytest.raises(UserError, match="not downloaded"):
        models.resolve("someone/some-model-that-is-not-cached")


def test_a_plain_file_is_not_a_model(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    with pytest.raises(UserError, match="is a file, not a model"):
        models.resolve(str(notes))


def test_a_missing_relative_path_is_no_such_file_not_a_hub_model(tmp_path, monkeypatch):
    """Issue 6.11: `--model models/x.gguf` is a path; say so instead of "not downloaded"."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError, match=r"no such file or folder 'models/x\.gguf'"):
        models.resolve("models/x.gguf")
    (tmp_path / "models").mkdir()
    with pytest.raises(UserError, match="no such file or folder 'models/x'"):
        models.resolve("models/x")  # ./models exists: a path, not the hub repo "models/x"
    with pytest.raises(UserError, match="not downloaded"):
        models.resolve("someone/model")  # still a hub id


def test_a_pipe_or_device_is_refused_as_a_model(tmp_path):
    import os

    fifo = tmp_path / "model.gguf"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/zero"):
        with pytest.raises(UserError, match="not a regular file"):
            models.resolve(str(path))


def test_fingerprints_name_exactly_which_files_made_a_result(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "config.json").write_text("{}", encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"weights")
    local = models.LocalModel("m", folder)
    first = models.fingerprint(local, root=tmp_path)
    assert first.startswith("sha256:") and models.fingerprint(local, root=tmp_path) == first
    (folder / "model.safetensors").write_bytes(b"other weights")
    assert models.fingerprint(local, root=tmp_path) != first
    snapshot = tmp_path / "hub" / "models--a--b" / "snapshots" / ("c0ffee" * 6)
    snapshot.mkdir(parents=True)
    assert models.fingerprint(models.LocalModel("a/b", snapshot)) == "git:" + "c0ffee" * 6
    bundled = models.resolve("smollm2-135m-instruct", root=tmp_path)
    assert models.fingerprint(bundled) == "sha256:" + next(iter(bundled.entry.files.values()))


def test_every_catalogue_entry_is_complete_and_real():
    import re
    import tomllib

    from studio.core.paths import resources_dir

    with open(resources_dir() / "models.toml", "rb") as fh:
        raw = tomllib.load(fh)["model"]
    ids = [m["id"] for m in raw]
    assert len(ids) == len(set(ids)), "duplicate ids"
    engines = {"writing": {"llama.cpp", "transformers"}, "painting": {"diffusers"},
               "voice": {"piper", "transformers", "vocoder"},
               "transcription": {"faster-whisper", "transformers"}}
    for e in catalog.load_catalog():
        assert re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", e.id), e.id
        assert e.name and e.description and e.license, e.id
        assert e.engine in engines[e.task], e.id
        assert 1 <= e.size_mb <= 20_000, e.id
        text = " ".join((e.id, e.name, e.description, e.license, e.repo, e.file)).lower()
        assert not re.search(r"todo|tbd|placeholder|example|xxx|lorem", text), e.id
        if not e.bundled:
            owner, _, name = e.repo.partition("/")
            assert owner and name and "/" not in name, e.id
            assert not e.file or e.file.endswith((".gguf", ".onnx")), e.id
        if e.task != "painting" and e.engine != "vocoder":
            assert e.languages, e.id
        for other in e.requires:
            assert catalog.find(other) is not None, (e.id, other)
    for task in catalog.TASKS:
        entries = catalog.for_task(task)
        assert any(e.cpu for e in entries), task  # something that runs without a GPU
        if task != "voice":  # every voice here runs in real time on a CPU
            assert any(not e.cpu for e in entries), task  # and something bigger for a GPU
    writing = {e.id for e in catalog.for_task("writing")}
    for wanted in ("smollm2-360m-instruct", "smollm2-1.7b-instruct-gguf", "qwen2.5-3b-instruct",
                   "qwen2.5-0.5b-instruct-gguf", "gpt2", "distilgpt2"):
        assert wanted in writing
    assert {"piper-zh-cn-huayan", "mms-tts-eng", "speecht5-tts"} <= {
        e.id for e in catalog.for_task("voice")}
    assert {"whisper-turbo", "whisper-large-v3", "distil-whisper-large-v3", "whisper-tiny-hf"} <= {
        e.id for e in catalog.for_task("transcription")}
    assert {"sdxl-turbo", "sdxl-base", "sd15-inpainting"} <= {
        e.id for e in catalog.for_task("painting")}
