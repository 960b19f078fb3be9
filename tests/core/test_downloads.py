"""Hub downloads: what is fetched (no pickles), errors, and resolution afterwards.

huggingface_hub is replaced by a fake that writes a snapshot folder; nothing
touches the network (HF_HUB_OFFLINE is set for the whole test run).
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import huggingface_hub
import pytest

from studio.core import downloads
from studio.core.jobs import UserError


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
    with pytest.raises(UserError, match="Offline mode"):
        downloads.download("gpt2", offline=True)
    with pytest.raises(UserError, match="Offline mode"):  # HF_HUB_OFFLINE=1 in the test run
        downloads.download("gpt2")


def test_download_then_resolve(tmp_path, monkeypatch):
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
