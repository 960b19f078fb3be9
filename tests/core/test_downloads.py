"""Hub downloads: what is fetched (no pickles), errors, and resolution afterwards.

Error cases run the real CLI and the real huggingface_hub in a subprocess (it
reads HF_HUB_OFFLINE, which the test run sets, at import time) against real
local endpoints: a closed loopback port, a host name that cannot resolve, and
``tests/fixtures/fake_hub_server.py`` on loopback.  Nothing reaches the real hub.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import huggingface_hub
import pytest

from studio.core import catalog, downloads
from studio.core.jobs import UserError
from tests.fixtures.fake_hub_server import FakeHub

ROOT = Path(__file__).resolve().parents[2]
HUB_VARIABLES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_ENDPOINT", "HF_TOKEN", "HF_HOME",
                 "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE")
# Run the CLI with Ctrl-C raising KeyboardInterrupt even if this process ignores SIGINT.
_CLI = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from studio.__main__ import main; sys.exit(main())")


def _fetched(plan: downloads.Plan, name: str) -> bool:
    allowed = any(fnmatch(name, pat) for pat in plan.allow)
    return allowed and not any(fnmatch(name, pat) for pat in plan.ignore)


def test_plans_fetch_safe_formats_only():
    gpt2 = downloads.plan("gpt2")
    assert gpt2.repo == "openai-community/gpt2" and not gpt2.file
    assert _fetched(gpt2, "model.safetensors") and _fetched(gpt2, "tokenizer.json")
    for pickle in ("pytorch_model.bin", "model.ckpt", "weights.pt"):
        assert not _fetched(gpt2, pickle), pickle
    whisper = downloads.plan("whisper-small")
    assert _fetched(whisper, "model.bin")  # CTranslate2 tensors, not a pickle
    sd = downloads.plan("sd-turbo")
    assert _fetched(sd, "unet/diffusion_pytorch_model.safetensors")
    assert not _fetched(sd, "sd_turbo.safetensors")  # the duplicate single-file checkpoint
    assert not _fetched(sd, "unet/diffusion_pytorch_model.fp16.safetensors")
    gguf = downloads.plan("qwen2.5-1.5b-instruct-gguf")
    assert gguf.file.endswith(".gguf")
    assert downloads.plan("someone/a-model").repo == "someone/a-model"


def test_bad_references_and_offline_mode():
    with pytest.raises(UserError, match="built in"):
        downloads.plan("smollm2-135m-instruct")
    with pytest.raises(UserError, match="neither a catalogue id"):
        downloads.plan("not-a-repo")
    with pytest.raises(UserError, match=r"Offline mode is on.*Offline switch in the settings"):
        downloads.download("gpt2", offline=True)
    # HF_HUB_OFFLINE=1 in the test run: the message says which switch it is
    with pytest.raises(UserError, match=r"HF_HUB_OFFLINE is set.*Unset HF_HUB_OFFLINE"):
        downloads.download("gpt2")


def test_download_then_resolve(tmp_path, monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE")
    calls = []
    snapshot = tmp_path / "snapshot"

    def fake_snapshot_download(repo, local_files_only=False, **kwargs):
        if not local_files_only:
            calls.append((repo, kwargs))
            snapshot.mkdir()
            (snapshot / "config.json").write_text("{}", encoding="utf-8")
        elif not snapshot.exists():
            raise FileNotFoundError(repo)
        return str(snapshot)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_snapshot_download)
    local = downloads.download("someone/tiny-model", endpoint="https://hf-mirror.example")
    assert Path(local.path) == snapshot
    repo, kwargs = calls[0]
    assert repo == "someone/tiny-model"
    assert kwargs["endpoint"] == "https://hf-mirror.example"
    assert "*.bin" in kwargs["ignore_patterns"]


# --- errors told apart, against real endpoints ----------------------------------------------

def _env(tmp_path: Path, settings: dict, **extra: str) -> dict[str, str]:
    """A CLI environment that can only reach ``settings["hf_endpoint"]``, with its own cache."""
    config = tmp_path / "config" / "aigc-studio"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in HUB_VARIABLES}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), HF_HOME=str(tmp_path / "hf"),
               HF_HUB_ETAG_TIMEOUT="5", HF_HUB_DOWNLOAD_TIMEOUT="5",
               HF_HUB_DISABLE_TELEMETRY="1", **extra)
    if settings.get("hf_endpoint"):
        env["HF_ENDPOINT"] = settings["hf_endpoint"]  # belt and braces: never the real hub
    return env


def _download(tmp_path: Path, ref: str, settings: dict, **extra: str):
    return subprocess.run([sys.executable, "-m", "studio", "models", "download", ref],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=_env(tmp_path, settings, **extra))


def _error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("aigc-studio: error: ")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr, stderr
    return lines[0]


def test_offline_mode_is_bad_input_and_says_how_to_turn_it_off(tmp_path):
    closed = "http://127.0.0.1:9"
    proc = _download(tmp_path, "someone/a-model", {"offline": True, "hf_endpoint": closed})
    assert proc.returncode == 2
    assert "Offline switch in the settings" in _error_line(proc.stderr)
    proc = _download(tmp_path, "someone/a-model", {"hf_endpoint": closed}, HF_HUB_OFFLINE="1")
    assert proc.returncode == 2
    assert "Unset HF_HUB_OFFLINE" in _error_line(proc.stderr)


@pytest.mark.parametrize("endpoint, reason", [
    (None, "Connection refused"),  # a loopback port nobody listens on
    ("http://no-such-host.invalid", ""),  # DNS cannot resolve it (RFC 6761)
])
def test_unreachable_hub_is_a_runtime_failure_suggesting_a_mirror(tmp_path, endpoint, reason):
    if endpoint is None:
        import socket

        with socket.socket() as probe:  # a free port, closed again at once
            probe.bind(("127.0.0.1", 0))
            endpoint = f"http://127.0.0.1:{probe.getsockname()[1]}"
    proc = _download(tmp_path, "someone/a-model", {"hf_endpoint": endpoint})
    assert proc.returncode == 1
    line = _error_line(proc.stderr)
    assert f"Could not reach the model hub at {endpoint}" in line
    assert reason in line
    assert "hf_endpoint" in line and "https://hf-mirror.com" in line
    assert "Check the network" in line and "same command again resumes" in line


def test_a_timeout_is_an_unreachable_hub_and_other_errors_pass_through():
    from huggingface_hub.errors import LocalEntryNotFoundError

    what = downloads.plan("someone/a-model")

    def wrapped(inner: BaseException) -> BaseException:
        """As huggingface_hub reports it: the cache lookup fails, raised from the network error."""
        try:
            try:
                raise inner
            except BaseException as exc:
                raise LocalEntryNotFoundError("cannot find the requested files") from exc
        except LocalEntryNotFoundError as outer:
            return outer

    err = downloads.explain(wrapped(TimeoutError("timed out")), what, "https://mirror.example/")
    assert isinstance(err, downloads.DownloadError)
    assert str(err).startswith("Could not reach the model hub at https://mirror.example to "
                               "download someone/a-model (timed out).")
    assert err.args[0].key == "download.unreachable"  # a translatable Message
    disk_full = OSError(28, "No space left on device")
    assert downloads.explain(wrapped(disk_full), what, "") is None  # not a hub problem


@pytest.mark.parametrize("ref, code, needles", [
    ("status-401/private-model", 2, ("HTTP 401", "gated or private", "hf auth login")),
    ("status-403/gated-model", 2, ("HTTP 403", "gated or private", "accept its licence")),
    ("status-404/no-model", 2, ("has no model status-404/no-model (HTTP 404)",)),
    ("qwen2.5-1.5b-instruct-gguf", 2, ("has no model Qwen/Qwen2.5-1.5B-Instruct-GGUF",)),
    ("status-500/broken", 1, ("HTTP 500", "same command again resumes")),
])
def test_hub_answers_are_told_apart(tmp_path, ref, code, needles):
    with FakeHub() as hub:
        proc = _download(tmp_path, ref, {"hf_endpoint": hub.url})
        requests = list(hub.requests)
    assert proc.returncode == code, proc.stderr
    line = _error_line(proc.stderr)
    for needle in needles:
        assert needle in line
    assert requests  # the fake hub (and only it) was asked


def test_interrupted_download_says_how_to_resume_and_the_rerun_finishes(tmp_path):
    entry = catalog.find("qwen2.5-1.5b-instruct-gguf")
    assert entry is not None and entry.file
    data = bytes(range(256)) * 4096  # 1 MiB
    with FakeHub(files={entry.repo: {entry.file: data}}, stall=True) as hub:
        env = _env(tmp_path, {"hf_endpoint": hub.url})
        proc = subprocess.Popen([sys.executable, "-c", _CLI, "models", "download", entry.id],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                cwd=ROOT, env=env)
        try:
            assert hub.stalled.wait(60), "the download never started"
            proc.send_signal(signal.SIGINT)  # Ctrl-C halfway through the file
            out, err = proc.communicate(timeout=60)
        finally:
            proc.kill()
        assert proc.returncode == 130, err
        assert "interrupted: run the same command again to resume it" in err
        assert "Traceback" not in err and out == ""
        hub.release.set()
        again = subprocess.run([sys.executable, "-m", "studio", "models", "download", entry.id],
                               capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert again.returncode == 0, again.stderr
    assert Path(again.stdout.strip()).read_bytes() == data
