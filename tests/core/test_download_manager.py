"""Downloads for real: huggingface_hub's HTTP code against a hub on 127.0.0.1.

The fake hub (tests/fixtures/fake_hub_server.py) serves the hub's API (model info
with the file list, HEAD/GET resolve with ETag, X-Repo-Commit, Content-Length,
Range).  Nothing reaches the internet; ``no_connections`` proves offline mode
opens no socket at all.
"""

from __future__ import annotations

import threading

import pytest

from studio.core import downloads, hub, hubcache, models
from studio.core.downloads import DownloadManager
from studio.core.jobs import UserError
from tests.core.hub_fixtures import config_for, no_connections, online, tiny_repo  # noqa: F401
from tests.fixtures.fake_hub_server import COMMIT, FakeHub

pytestmark = pytest.mark.usefixtures("online")


def _manager(cfg, **kw) -> DownloadManager:
    return DownloadManager(config=lambda: cfg, token=lambda: None, **kw)


def _paths(server: FakeHub, method: str = "GET") -> list[str]:
    from urllib.parse import unquote

    return [unquote(path.split("?")[0]) for m, path, _r in server.requests if m == method]


def test_only_the_safe_weights_and_configs_arrive_with_progress(tmp_path):
    files = tiny_repo(800_000)
    seen = []
    with FakeHub(files={"someone/tiny": files}, rate=1_500_000) as server:
        cfg = config_for(server, tmp_path / "hub")
        manager = _manager(cfg, on_change=seen.append)
        try:
            job = manager.submit("someone/tiny")
            assert manager.submit("someone/tiny") == job  # already queued: the same download
            status = manager.wait(job, 60)
        finally:
            assert manager.shutdown(5)
        gets = _paths(server)
    assert status.state == "done", status.error
    folder = tmp_path / "hub" / "models--someone--tiny" / "snapshots" / COMMIT
    assert sorted(p.name for p in folder.iterdir()) == [
        "config.json", "model.safetensors", "tokenizer.json"]
    assert (folder / "model.safetensors").read_bytes() == files["model.safetensors"]
    assert status.path == str(folder) and status.done_bytes == status.total_bytes
    assert not any(p.endswith((".bin", ".h5", ".msgpack", ".onnx")) for p in gets), gets
    states = [s.state for s in seen]
    assert states[0] == "queued" and "preparing" in states and states[-1] == "done"
    moving = [s for s in seen if s.state == "downloading" and 0 < s.done_bytes < s.total_bytes]
    assert moving, "no progress between start and end"
    assert any(s.speed > 0 and s.eta_s is not None for s in moving)
    assert [s.done_bytes for s in moving] == sorted(s.done_bytes for s in moving)
    assert downloads.state("someone/tiny", cfg).state == downloads.DOWNLOADED


def test_a_dropped_connection_resumes_with_a_range_request(tmp_path, monkeypatch):
    from studio.core.downloads import fetch

    monkeypatch.setattr(fetch, "CHUNK_BYTES", 16 * 1024)
    data = bytes(range(256)) * 2048  # 512 KiB
    with FakeHub(files={"someone/gguf": {"m.gguf": data}}, drop_after=100_000) as server:
        cfg = config_for(server, tmp_path / "hub")
        local = downloads.download("someone/gguf", config=cfg, token="")
        ranges = [r for m, _p, r in server.requests if m == "GET" and r]
    assert local.main_path.read_bytes() == data
    assert ranges == ["bytes=98304-"]  # continued after the last whole piece, not started over


def test_cancel_keeps_the_part_and_resume_goes_on_from_it(tmp_path):
    data = bytes(range(256)) * 8192  # 2 MiB
    repo = {"someone/big": {"config.json": b"{}", "model.safetensors": data}}
    with FakeHub(files=repo, rate=2_000_000) as server:
        cfg = config_for(server, tmp_path / "hub")
        started = threading.Event()
        manager = _manager(cfg, on_change=lambda s: s.done_bytes > 300_000 and started.set())
        try:
            job = manager.submit("someone/big")
            assert started.wait(30)
            manager.cancel(job)
            status = manager.wait(job, 30)
            assert status.state == "cancelled" and 0 < status.done_bytes < len(data)
            marker = hubcache.read_marker(tmp_path / "hub", "someone/big", "", "")
            assert marker is not None and marker.state == hubcache.DOWNLOADING
            with pytest.raises(UserError, match="not finished"):  # never taken for complete
                hub.configure(cfg)
                models.resolve("someone/big")
            kept = status.done_bytes
            assert manager.resume(job) == job
            status = manager.wait(job, 60)
        finally:
            assert manager.shutdown(5)
        ranges = [r for m, _p, r in server.requests if m == "GET" and r]
    assert status.state == "done", status.error
    assert ranges and int(ranges[-1].split("=")[1].rstrip("-")) >= kept - 64 * 1024
    assert models.resolve("someone/big").path.joinpath("model.safetensors").read_bytes() == data


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    """A 1 MiB tmpfs (needs root); else a folder whose disk reports 1 MiB free."""
    import shutil
    import subprocess

    from studio.core.downloads import fetch

    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                             capture_output=True).returncode == 0
    if not mounted:
        usage = shutil.disk_usage(tmp_path)
        monkeypatch.setattr(fetch.shutil, "disk_usage",
                            lambda path: usage._replace(free=1 << 20))
    yield folder, mounted
    if mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_download_that_cannot_fit_is_refused_with_the_sizes(small_disk):
    folder, _mounted = small_disk
    with FakeHub(files={"someone/tiny": tiny_repo(1_500_000)}) as server:
        cfg = config_for(server, folder / "hub")
        with pytest.raises(UserError) as caught:
            downloads.download("someone/tiny", config=cfg, token="")
        gets = [p for p in _paths(server) if "/resolve/" in p]
    text = str(caught.value)
    assert "someone/tiny needs 1.4 MB more disk space but only 1" in text, text
    assert "choose another cache folder" in text and downloads.kind_of(caught.value) == "disk"
    assert gets == []  # refused before the first byte


def test_a_disk_that_fills_up_midway_says_so_and_keeps_the_part(small_disk, monkeypatch):
    from studio.core.downloads import fetch

    folder, mounted = small_disk
    if not mounted:
        pytest.skip("needs a real small disk (mount as root)")
    monkeypatch.setattr(fetch, "check_space", lambda *a: None)  # as if another app filled it
    with FakeHub(files={"someone/tiny": tiny_repo(1_500_000)}) as server:
        cfg = config_for(server, folder / "hub")
        with pytest.raises(UserError) as caught:
            downloads.download("someone/tiny", config=cfg, token="")
    assert "The disk filled up while downloading someone/tiny" in str(caught.value)
    assert downloads.kind_of(caught.value) == "disk"
    assert downloads.state("someone/tiny", cfg).state == downloads.PARTIAL


@pytest.mark.parametrize("owner, kind, needle", [
    ("status-401", "auth", "accept its licence, then set your access token"),
    ("status-404", "missing", "has no model status-404/x (HTTP 404)"),
    ("status-503", "server", "HTTP 503"),
])
def test_hub_refusals_are_explained(tmp_path, owner, kind, needle):
    with FakeHub() as server:
        manager = _manager(config_for(server, tmp_path / "hub"))
        try:
            status = manager.wait(manager.submit(f"{owner}/x"), 30)
        finally:
            manager.shutdown(5)
    assert status.state == "failed" and status.error_kind == kind
    assert needle in status.error


def test_the_mirror_endpoint_is_the_only_host_asked(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # never used: the setting wins
    with FakeHub(files={"someone/tiny": tiny_repo(1000)}) as mirror:
        cfg = config_for(mirror, tmp_path / "hub")
        downloads.download("someone/tiny", config=cfg, token="")
        assert len(mirror.requests) >= 4


def test_offline_mode_opens_no_connection(tmp_path):
    cfg = hub.HubConfig(endpoint="http://127.0.0.1:9", offline=True, cache_dir=str(tmp_path))
    with no_connections() as attempts:
        with pytest.raises(UserError, match="Offline mode is on") as caught:
            downloads.download("someone/tiny", config=cfg)
        manager = _manager(cfg)
        status = manager.wait(manager.submit("gpt2"), 30)
        manager.shutdown(5)
    assert attempts == []
    assert downloads.kind_of(caught.value) == "offline"
    assert status.state == "failed" and status.error_kind == "offline"


def test_a_gated_model_needs_the_token_and_the_token_is_never_logged(tmp_path, caplog):
    import logging

    secret = "hf_TestSecretToken1234567890"
    repo = {"corp/gated": tiny_repo(2000)}
    caplog.set_level(logging.DEBUG)
    with FakeHub(files=repo, tokens={"corp/gated": secret}) as server:
        cfg = config_for(server, tmp_path / "hub")
        with pytest.raises(UserError, match="HTTP 401"):
            downloads.download("corp/gated", config=cfg, token="")
        local = downloads.download("corp/gated", config=cfg, token=secret)
        sent = [a for a in server.auth if a]
    assert (local.path / "model.safetensors").is_file()
    assert sent and all(a == f"Bearer {secret}" for a in sent)
    assert secret not in caplog.text


def test_a_piper_voice_brings_its_config_and_a_catalogue_model_its_vocoder(tmp_path):
    voice = "zh/zh_CN/huayan/x_low/zh_CN-huayan-x_low.onnx"
    piper = {voice: b"onnx" * 1000, voice + ".json": b'{"audio": {}}',
             "en/en_GB/alan/medium/en_GB-alan-medium.onnx": b"other voice"}
    speecht5 = {"config.json": b"{}", "model.safetensors": b"w" * 5000}
    vocoder = {"config.json": b"{}", "model.safetensors": b"v" * 3000}
    with FakeHub(files={"rhasspy/piper-voices": piper, "microsoft/speecht5_tts": speecht5,
                        "microsoft/speecht5_hifigan": vocoder}) as server:
        cfg = config_for(server, tmp_path / "hub")
        hub.configure(cfg)
        local = downloads.download("piper-zh-cn-huayan-x-low", config=cfg, token="")
        downloads.download("speecht5-tts", config=cfg, token="")
        gets = _paths(server)
    assert local.main_path.name == "zh_CN-huayan-x_low.onnx"
    assert (local.path / "zh_CN-huayan-x_low.onnx.json").is_file()
    assert not any("alan" in p for p in gets)  # one voice of a shared repo, not the repo
    assert any("refs/pr/28" in p for p in gets) and any("refs/pr/1" in p for p in gets)
    assert models.resolve("speecht5-hifigan").path.joinpath("model.safetensors").is_file()
    assert downloads.state("speecht5-tts", cfg).state == downloads.DOWNLOADED


def test_verify_finds_damage_and_a_new_download_repairs_only_that(tmp_path):
    with FakeHub(files={"someone/tiny": tiny_repo(50_000)}) as server:
        cfg = config_for(server, tmp_path / "hub")
        local = downloads.download("someone/tiny", config=cfg, token="")
        assert downloads.verify("someone/tiny", cfg) == []
        weights = (local.path / "model.safetensors").resolve()
        weights.write_bytes(b"x" * weights.stat().st_size)  # same size, other bytes
        assert downloads.verify("someone/tiny", cfg) == ["model.safetensors"]
        assert downloads.state("someone/tiny", cfg).state == downloads.PARTIAL
        before = len(server.requests)
        downloads.download("someone/tiny", config=cfg, token="")
        fetched = [p for m, p, _r in server.requests[before:] if m == "GET" and "resolve" in p]
    assert fetched == ["/someone/tiny/resolve/main/model.safetensors"]
    assert downloads.verify("someone/tiny", cfg) == []


def test_remove_frees_the_files_but_keeps_what_another_model_shares(tmp_path):
    piper = {"a/a.onnx": b"a" * 4000, "a/a.onnx.json": b"{}", "b/b.onnx": b"b" * 3000,
             "b/b.onnx.json": b"{}"}
    with FakeHub(files={"rhasspy/piper-voices": piper}) as server:
        cfg = config_for(server, tmp_path / "hub")
        for voice in ("a/a.onnx", "b/b.onnx"):  # hub file URLs (a mirror's, here)
            downloads.download(f"{server.url}/rhasspy/piper-voices/resolve/main/{voice}",
                               config=cfg, token="")
    ref_a = cfg.endpoint + "/rhasspy/piper-voices/resolve/main/a/a.onnx"
    assert downloads.remove(ref_a, cfg) == 4000  # both .onnx.json are one blob: b still uses it
    folder = hubcache.repo_dir(tmp_path / "hub", "rhasspy/piper-voices")
    snap = folder / "snapshots" / COMMIT
    assert not (snap / "a").exists() and (snap / "b" / "b.onnx").read_bytes() == b"b" * 3000
    ref_b = cfg.endpoint + "/rhasspy/piper-voices/resolve/main/b/b.onnx"
    downloads.remove(ref_b, cfg)
    assert not folder.exists()
    with pytest.raises(UserError, match="nothing to remove"):
        downloads.remove(ref_b, cfg)


def test_models_other_tools_left_in_the_cache_are_found_and_listed(tmp_path):
    import shutil

    with FakeHub(files={"someone/tiny": tiny_repo(1000)}) as server:
        cfg = config_for(server, tmp_path / "hub")
        local = downloads.download("someone/tiny", config=cfg, token="")
    # without our marker it looks like any other tool's download: used, not verified
    shutil.rmtree(hubcache.repo_dir(tmp_path / "hub", "someone/tiny") / hubcache.MARKERS)
    state = downloads.state("someone/tiny", cfg)
    assert state.state == downloads.CACHED and state.path == str(local.path)
    (found,) = downloads.cached_models(cfg)
    assert (found.repo, found.task, found.path) == ("someone/tiny", "writing", str(local.path))
    assert found.size > 1000
    hub.configure(cfg)
    assert models.resolve("someone/tiny").path == local.path


def test_a_plain_file_url_downloads_without_the_token_and_resumes(tmp_path, monkeypatch):
    from studio.core.downloads import fetch

    monkeypatch.setattr(fetch, "CHUNK_BYTES", 16 * 1024)
    data = bytes(range(256)) * 1024
    with FakeHub(static={"/files/model.gguf": data}, drop_after=50_000) as server:
        url = server.url + "/files/model.gguf"
        cfg = config_for(server, tmp_path / "hub")
        local = downloads.download(url, config=cfg, token="hf_NeverSentElsewhere123")
        auth = list(server.auth)
        ranges = [r for m, _p, r in server.requests if m == "GET" and r]
    assert local.main_path.read_bytes() == data and local.main_path.name == "model.gguf"
    assert auth and all(a is None for a in auth)  # a hub token is for the hub only
    assert ranges == ["bytes=49152-"]
    assert downloads.state(url, cfg).state == downloads.DOWNLOADED
    assert downloads.remove(url, cfg) == len(data) and not local.main_path.exists()
