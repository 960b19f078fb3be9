"""Voices in the catalogue: entries, Piper voices from a hub repo's subfolder (.onnx + .onnx.json)
resolved from a local Hugging Face cache and downloaded from a fake hub on loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import huggingface_hub.constants
import pytest

from studio.core import catalog, downloads, models
from studio.core.downloads.plan import RemoteFile, select
from studio.core.engines.voice import catalogue_voices, voice_info
from studio.core.hub import HubConfig
from studio.core.jobs import UserError
from tests.fixtures.fake_hub_server import COMMIT, FakeHub

ROOT = Path(__file__).resolve().parents[2]
HUAYAN = "piper-zh-cn-huayan"
CONFIG = {"audio": {"sample_rate": 22050}, "espeak": {"voice": "cmn"}, "num_speakers": 1,
          "language": {"code": "zh_CN"}, "phoneme_id_map": {}, "num_symbols": 1}


def test_every_voice_says_its_language_licence_size_and_what_it_is():
    voices = catalogue_voices()
    assert {"piper-en-us-joe", HUAYAN, "mms-tts-eng", "speecht5-tts"} <= {v.id for v in voices}
    for entry in voices:
        assert entry.language and entry.license and entry.size_mb > 0 and entry.description
    assert any(v.language == "zh-CN" for v in voices)
    speecht5 = catalog.find("speecht5-tts")
    assert "acoustic model" in speecht5.description and "HiFi-GAN vocoder" in speecht5.description
    assert speecht5.requires == ("speecht5-hifigan",)
    # the vocoder serves SpeechT5 only: no voice of its own
    assert "speecht5-hifigan" not in {v.id for v in voices}
    assert catalog.find("speecht5-hifigan").task == "voice"


def test_download_plans_fetch_the_voice_pair_the_pr_revision_and_the_vocoder():
    p = downloads.plan(HUAYAN)
    assert p.repo == "rhasspy/piper-voices" and p.file.endswith("zh_CN-huayan-medium.onnx")
    assert models.model_files(p.file) == (p.file, p.file + ".json")
    t5 = downloads.plan("speecht5-tts")
    assert t5.revision == "refs/pr/28" and t5.requires == ("speecht5-hifigan",)
    listed = [RemoteFile(name) for name in ("config.json", "spm_char.model", "model.safetensors",
                                            "pytorch_model.bin", "tokenizer_config.json")]
    chosen = [f.path for f in select(t5, listed, HubConfig())]
    assert "spm_char.model" in chosen and "pytorch_model.bin" not in chosen  # no pickles
    assert downloads.plan("speecht5-hifigan").revision == "refs/pr/1"


def _hub_cache(root: Path, files: dict[str, bytes]) -> Path:
    """A local Hugging Face cache holding rhasspy/piper-voices at COMMIT with ``files``."""
    repo = root / "models--rhasspy--piper-voices"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(COMMIT, encoding="utf-8")
    for name, data in files.items():
        path = repo / "snapshots" / COMMIT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def test_a_piper_voice_resolves_from_its_repo_subfolder(tmp_path, monkeypatch):
    entry = catalog.find(HUAYAN)
    cache = _hub_cache(tmp_path / "hub", {entry.file: b"onnx",
                                          entry.file + ".json": json.dumps(CONFIG).encode()})
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(cache))
    local = models.resolve(HUAYAN, "voice")
    assert local.main_path.name == "zh_CN-huayan-medium.onnx" and local.main_path.is_file()
    assert local.main_path.with_name(local.main_path.name + ".json").is_file()
    assert local.path.parts[-4:] == ("zh", "zh_CN", "huayan", "medium")
    assert models.fingerprint(local) == "git:" + COMMIT
    info = voice_info(HUAYAN)
    assert (info.backend, info.sample_rate, info.language, info.speakers) == (
        "piper", 22050, "zh-CN", ())


def test_a_piper_voice_without_its_json_is_not_downloaded(tmp_path, monkeypatch):
    entry = catalog.find(HUAYAN)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE",
                        str(_hub_cache(tmp_path / "hub", {entry.file: b"onnx"})))
    with pytest.raises(UserError, match="aigc-studio models download piper-zh-cn-huayan"):
        models.resolve(HUAYAN, "voice")


def test_models_download_fetches_both_files_of_a_piper_voice(tmp_path):
    entry = catalog.find(HUAYAN)
    files = {entry.file: b"not really onnx", entry.file + ".json": json.dumps(CONFIG).encode()}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    with FakeHub(files={entry.repo: files}) as hub:
        env.update(HF_ENDPOINT=hub.url, HF_HOME=str(tmp_path / "hf"),
                   XDG_CONFIG_HOME=str(tmp_path / "config"), HF_HUB_DISABLE_TELEMETRY="1")
        proc = subprocess.run([sys.executable, "-m", "studio", "models", "download", HUAYAN],
                              capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
        asked = [path for method, path, _ in hub.requests if method == "GET"]
    assert proc.returncode == 0, proc.stderr
    onnx = Path(proc.stdout.strip())
    assert onnx.name == "zh_CN-huayan-medium.onnx" and onnx.read_bytes() == files[entry.file]
    assert json.loads(onnx.with_name(onnx.name + ".json").read_text()) == CONFIG
    assert sorted(p.rsplit("/", 1)[-1] for p in asked) == [
        "zh_CN-huayan-medium.onnx", "zh_CN-huayan-medium.onnx.json"]
