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
from pathlib import Path

import pytest

from studio.core import catalog, downloads
from studio.core.hub import HubConfig
from studio.core.jobs import UserError
from tests.fixtures.fake_hub_server import FakeHub

ROOT = Path(__file__).resolve().parents[2]
HUB_VARIABLES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_ENDPOINT", "HF_TOKEN", "HF_HOME",
                 "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE")
# Run the CLI with Ctrl-C raising KeyboardInterrupt even if this process ignores SIGINT.
_CLI = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from studio.__main__ import main; sys.exit(main())")


def _listing(*names: str) -> list[downloads.RemoteFile]:
    return [downloads.RemoteFile(n, 100) for n in names]


def _chosen(ref: str, names, config: HubConfig | None = None, model_index=None) -> list[str]:
    p = downloads.plan(ref)
    return [f.path for f in downloads.select(p, _listing(*names), config or HubConfig(),
                                             model_index)]


def test_only_one_safe_weight_format_is_chosen():
    hf = ("config.json", "generation_config.json", "tokenizer.json", "merges.txt", "vocab.json",
          "model.safetensors", "pytorch_model.bin", "tf_model.h5", "flax_model.msgpack",
          "onnx/model.onnx", "coreml/model.mlpackage", ".gitattributes", "README.md")
    assert _chosen("gpt2", hf) == ["README.md", "config.json", "generation_config.json",
                                   "merges.txt", "model.safetensors", "tokenizer.json",
                                   "vocab.json"]
    sharded = ("config.json", "model-00001-of-00002.safetensors",
               "model-00002-of-00002.safetensors", "model.safetensors.index.json",
               "pytorch_model.bin.index.json", "pytorch_model-00001-of-00002.bin")
    assert _chosen("someone/big", sharded) == [
        "config.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors",
        "model.safetensors.index.json"]
    ggufs = ("README.md", "m-q2_k.gguf", "m-q4_k_m.gguf", "m-q8_0.gguf", "m-f16.gguf")
    assert _chosen("someone/gguf-repo", ggufs) == ["README.md", "m-q4_k_m.gguf"]
    ct2 = ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt")
    assert _chosen("whisper-small", ct2) == list(ct2)  # CTranslate2 tensors, not a pickle


def test_diffusers_repos_get_their_components_in_one_precision():
    index = {"_class_name": "StableDiffusionPipeline",
             "unet": ["diffusers", "UNet2DConditionModel"], "vae": ["diffusers", "AutoencoderKL"],
             "text_encoder": ["transformers", "CLIPTextModel"],
             "tokenizer": ["transformers", "CLIPTokenizer"],
             "safety_checker": ["stable_diffusion", "StableDiffusionSafetyChecker"],
             "feature_extractor": ["transformers", "CLIPImageProcessor"],
             "image_encoder": [None, None]}
    repo = ("model_index.json", "sd_turbo.safetensors", "v1-5-pruned.ckpt",
            "unet/config.json", "unet/diffusion_pytorch_model.safetensors",
            "unet/diffusion_pytorch_model.fp16.safetensors", "unet/diffusion_pytorch_model.bin",
            "vae/config.json", "vae/diffusion_pytorch_model.fp16.safetensors",
            "text_encoder/config.json", "text_encoder/model.safetensors",
            "tokenizer/vocab.json", "tokenizer/merges.txt",
            "safety_checker/config.json", "safety_checker/model.safetensors",
            "feature_extractor/preprocessor_config.json",
            "vae_1_0/diffusion_pytorch_model.safetensors")
    assert _chosen("sd-turbo", repo, model_index=index) == [
        "feature_extractor/preprocessor_config.json", "model_index.json",
        "text_encoder/config.json", "text_encoder/model.safetensors",
        "tokenizer/merges.txt", "tokenizer/vocab.json",
        "unet/config.json", "unet/diffusion_pytorch_model.safetensors",
        "vae/config.json", "vae/diffusion_pytorch_model.fp16.safetensors"]  # only fp16 there


def test_pickle_only_repos_are_refused_unless_allowed_and_code_only_when_trusted():
    repo = ("config.json", "pytorch_model.bin", "optimizer.pt", "modeling_x.py")
    with pytest.raises(UserError, match=r"only pickled weights \(pytorch_model.bin\).*can run "
                       r"any code.*allow pickled weights for someone/old"):
        _chosen("someone/old", repo)
    allowed = HubConfig(allow_pickle=("someone/old",))
    assert _chosen("someone/old", repo, allowed) == ["config.json", "pytorch_model.bin"]
    trusted = HubConfig(allow_pickle=("someone/old",), trust_remote_code=("someone/old",))
    assert "modeling_x.py" in _chosen("someone/old", repo, trusted)
    with pytest.raises(UserError, match="no model weights"):
        _chosen("someone/empty", ("README.md", "config.json"))


def test_references_plans_and_urls():
    assert downloads.plan("someone/a-model").repo == "someone/a-model"
    speecht5 = downloads.plan("speecht5-tts")
    assert speecht5.revision == "refs/pr/28" and speecht5.requires == ("speecht5-hifigan",)
    assert downloads.plan("qwen2.5-1.5b-instruct-gguf").file.endswith(".gguf")
    url = downloads.plan("https://hf-mirror.com/owner/name/resolve/main/sub/x.gguf")
    assert (url.repo, url.file, url.endpoint) == ("owner/name", "sub/x.gguf",
                                                  "https://hf-mirror.com")
    plain = downloads.plan("https://example.org/files/model.safetensors")
    assert plain.url and plain.file == "model.safetensors" and not plain.repo
    with pytest.raises(UserError, match=r"not a link to a \.gguf or \.safetensors"):
        downloads.plan("https://example.org/model.ckpt")


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
    disk_full = downloads.explain(wrapped(OSError(28, "No space left on device")), what, "", "/c")
    assert downloads.kind_of(disk_full) == "disk" and "The disk filled up" in str(disk_full)
    assert downloads.explain(wrapped(ValueError("odd")), what, "") is None  # not ours to explain


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


# --- the CLI's model commands end to end --------------------------------------------------

def _cli(tmp_path: Path, settings: dict, *args: str, stdin: str | None = None):
    return subprocess.run([sys.executable, "-m", "studio", "models", *args], input=stdin,
                           capture_output=True, text=True, cwd=ROOT, timeout=120,
                           env=_env(tmp_path, settings))


def test_models_download_list_verify_remove(tmp_path):
    from tests.core.hub_fixtures import tiny_repo

    repo = tiny_repo(300_000)
    with FakeHub(files={"distilbert/distilgpt2": repo}) as mirror:
        # the settings name a closed port: --endpoint wins for this download
        settings = {"hf_endpoint": "http://127.0.0.1:9"}
        env = _env(tmp_path, settings)
        env["HF_ENDPOINT"] = mirror.url
        proc = subprocess.run([sys.executable, "-m", "studio", "models", "download", "distilgpt2",
                               "--endpoint", mirror.url], capture_output=True, text=True,
                              cwd=ROOT, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    folder = Path(proc.stdout.strip())
    assert (folder / "model.safetensors").read_bytes() == repo["model.safetensors"]
    assert "Downloading distilgpt2 (safe formats only)" in proc.stderr
    assert "  model.safetensors" in proc.stderr  # one line per file when not on a terminal
    listed = json.loads(_cli(tmp_path, settings, "list", "--json", "--task", "writing").stdout)
    rows = {r["id"]: r for r in listed["models"]}
    assert rows["distilgpt2"]["state"] == "downloaded" and rows["distilgpt2"]["installed"]
    assert rows["gpt2"]["state"] == "not_downloaded" and rows["smollm2-135m-instruct"]["cpu"]
    assert {r["task"] for r in listed["models"]} == {"writing"}
    table = _cli(tmp_path, settings, "list").stdout
    assert "distilgpt2" in table and "downloaded" in table and "GPU" in table
    proc = _cli(tmp_path, settings, "verify", "distilgpt2")
    assert proc.returncode == 0 and "distilgpt2: ok" in proc.stdout, proc.stderr
    (folder / "model.safetensors").resolve().write_bytes(b"\0" * 300_000)
    proc = _cli(tmp_path, settings, "verify", "distilgpt2")
    assert proc.returncode == 1 and "model.safetensors: damaged" in proc.stdout
    assert "download them again" in proc.stderr
    proc = _cli(tmp_path, settings, "remove", "distilgpt2")
    assert proc.returncode == 0 and "Removed distilgpt2" in proc.stderr, proc.stderr
    assert not folder.exists()
    proc = _cli(tmp_path, settings, "remove", "distilgpt2")
    assert proc.returncode == 2 and "nothing to remove" in proc.stderr


def test_models_token_is_read_from_stdin_and_kept_out_of_the_settings(tmp_path):
    secret = "hf_CliSecretToken0987654321"
    proc = _cli(tmp_path, {"hf_endpoint": "https://hf-mirror.com"}, "token", stdin=secret + "\n")
    assert proc.returncode == 0, proc.stderr
    assert secret not in proc.stderr + proc.stdout
    config = tmp_path / "config" / "aigc-studio"
    assert secret not in (config / "settings.json").read_text(encoding="utf-8")
    if "no system keyring" in proc.stderr.lower():  # headless: a private file, and a warning
        assert (config / "hf_token").read_text(encoding="ascii") == secret
        assert (config / "hf_token").stat().st_mode & 0o077 == 0
    proc = _cli(tmp_path, {}, "token", "--clear")
    assert proc.returncode == 0 and not (config / "hf_token").exists()
