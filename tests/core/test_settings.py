from __future__ import annotations

import json

from studio.core.drafts import DraftStore
from studio.core.settings import SCHEMA_VERSION, Settings, SettingsStore


def test_round_trip(tmp_path):
    store = SettingsStore(tmp_path / "s.json")
    s = Settings(device="cpu", dtype="bfloat16", writing_backend="transformers",
                 hf_endpoint="https://hf-mirror.com", current_tab="voice")
    s.models["writing"] = "/models/我的模型"
    store.save(s)
    loaded = store.load()
    assert loaded == s
    assert store.warning == ""
    assert json.loads((tmp_path / "s.json").read_text("utf-8"))["schema_version"] == SCHEMA_VERSION


def test_missing_file_gives_defaults_without_warning(tmp_path):
    store = SettingsStore(tmp_path / "none.json")
    assert store.load() == Settings()
    assert store.warning == ""


def test_corrupt_file_falls_back_and_is_kept_aside(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{\"device\": ", encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert "reset to defaults" in store.warning
    assert (tmp_path / "s.json.bad").read_text("utf-8") == "{\"device\": "


def test_wrong_types_and_unknown_values_fall_back_per_field(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({
        "device": "tpu", "dtype": "float16", "memory_budget_gb": "lots", "offline": "yes",
        "models": {"writing": "gpt2", "bogus": "x", "voice": 3}, "unknown_key": 1,
    }), encoding="utf-8")
    s = SettingsStore(path).load()
    assert s.device == "auto"  # unknown device
    assert s.dtype == "float16"  # valid value kept
    assert s.memory_budget_gb == 0.0 and s.offline is False
    assert s.models["writing"] == "gpt2"
    assert s.models["voice"] == Settings().models["voice"]
    assert "bogus" not in s.models


def test_not_an_object(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("[1, 2]", encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.warning


def test_drafts_round_trip_and_corrupt(tmp_path):
    d = DraftStore(tmp_path / "d.json")
    d.put("writing", {"prompt": "从前有座山"})
    d.save()
    assert DraftStore(tmp_path / "d.json").get("writing") == {"prompt": "从前有座山"}
    (tmp_path / "d.json").write_text("garbage", encoding="utf-8")
    assert DraftStore(tmp_path / "d.json").get("writing") == {}
