"""Settings and drafts files: round trips, and no bytes or values that can stop the app."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, fields

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.core.drafts import DraftStore
from studio.core.settings import SCHEMA_VERSION, VALIDATORS, Settings, SettingsStore, from_dict


def test_round_trip(tmp_path):
    store = SettingsStore(tmp_path / "s.json")
    s = Settings(device="cpu", dtype="bfloat16", writing_backend="transformers",
                 hf_endpoint="https://hf-mirror.com", current_tab="voice", force_stop_after_s=9)
    s.models["writing"] = "/models/我的模型"
    store.save(s)
    loaded = store.load()
    assert loaded == s
    assert store.warning is None
    assert json.loads((tmp_path / "s.json").read_text("utf-8"))["schema_version"] == SCHEMA_VERSION


def test_missing_file_gives_defaults_without_warning(tmp_path):
    store = SettingsStore(tmp_path / "none.json")
    assert store.load() == Settings()
    assert store.warning is None


def test_corrupt_file_falls_back_and_is_kept_aside(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{\"device\": ", encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert "reset to defaults" in store.warning and "s.json.bad" in store.warning
    assert (tmp_path / "s.json.bad").read_text("utf-8") == "{\"device\": "


def test_wrong_types_and_unknown_values_fall_back_per_field(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({
        "device": "tpu", "dtype": "float16", "memory_budget_gb": "lots", "offline": "yes",
        "models": {"writing": "gpt2", "bogus": "x", "voice": 3}, "unknown_key": 1,
    }), encoding="utf-8")
    store = SettingsStore(path)
    s = store.load()
    assert s.device == "auto"  # unknown device
    assert s.dtype == "float16"  # valid value kept
    assert s.memory_budget_gb == 0.0 and s.offline is False
    assert s.models["writing"] == "gpt2"
    assert s.models["voice"] == Settings().models["voice"]
    assert "bogus" not in s.models
    for name in ("device", "memory_budget_gb", "offline", "models.voice"):
        assert name in store.warning
    assert json.loads((tmp_path / "s.json.bad").read_text("utf-8"))["device"] == "tpu"


def test_values_are_checked_by_value_not_only_by_type(tmp_path):
    """Issue 6.8: these crashed start-up (OverflowError, UnicodeEncodeError) or slipped through."""
    cases = {
        b'{"memory_budget_gb": 1e400}': "1e400 is too large",
        b'{"memory_budget_gb": Infinity}': None,  # not JSON at all: the whole file is reset
        b'{"memory_budget_gb": NaN}': None,
        '{"geometry": "窗口"}'.encode(): "geometry",
        b'{"current_tab": "kitchen", "language": "xx"}': "current_tab",
        b'{"force_stop_after_s": 0}': "force_stop_after_s",
        b'{"hf_endpoint": "ftp://x y"}': "hf_endpoint",
        '{"device": "cpu"}'.encode("utf-16"): None,
        '{"device": "中央处理器"}'.encode("gbk"): None,
        b'{"force_stop_after_s": 1' + b"0" * 400 + b"}": "force_stop_after_s",  # an int
        b'{"memory_budget_gb": -1' + b"0" * 400 + b"}": "memory_budget_gb",
        b'{"hf_endpoint": "https://m/\\ud800"}': None,  # a lone surrogate: could not be saved
        b'{"models": {"writing": "\\udfff"}}': None,
    }
    for raw, field in cases.items():
        path = tmp_path / "s.json"
        path.write_bytes(raw)
        store = SettingsStore(path)
        s = store.load()
        assert math.isfinite(s.memory_budget_gb) and s.geometry.isascii(), raw
        assert store.warning and "s.json.bad" in store.warning, raw
        if field:
            assert field in store.warning, raw
        assert (tmp_path / "s.json.bad").read_bytes() == raw
        store.save(s)  # whatever was read can be written back
        (tmp_path / "s.json.bad").unlink()


def _valid(s: Settings, tmp_path=None) -> None:
    """Everything the window does with settings works on these, saving them included."""
    for f in fields(Settings):
        if f.name in VALIDATORS:
            assert VALIDATORS[f.name](getattr(s, f.name)), (f.name, getattr(s, f.name))
    assert all(isinstance(v, str) for v in s.models.values())
    s.geometry.encode("ascii")
    assert s.memory_budget_bytes is None or s.memory_budget_bytes >= 0
    json.dumps(asdict(s), ensure_ascii=False).encode("utf-8")  # what save() writes


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(raw=st.binary(max_size=300))
def test_any_bytes_give_usable_settings(tmp_path, raw):
    path = tmp_path / "s.json"
    path.write_bytes(raw)
    store = SettingsStore(path)
    _valid(store.load())


TEXT = st.text(st.characters(codec=None), max_size=30)  # lone surrogates included
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=10**300) | st.floats()
    | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.text(max_size=8), children, max_size=4),
    max_leaves=10)
FIELDS = [f.name for f in fields(Settings)]


@settings(max_examples=400, deadline=None)
@given(data=st.dictionaries(st.sampled_from(FIELDS), JSON | st.sampled_from(
    ["auto", "cpu", "zh_CN", "writing", "", "https://hf-mirror.com"]), max_size=len(FIELDS)))
def test_any_json_values_give_usable_settings(data):
    s, _rejected = from_dict(data)
    _valid(s)


def test_drafts_round_trip(tmp_path):
    d = DraftStore(tmp_path / "d.json")
    d.put("writing", {"prompt": "从前有座山"})
    d.save()
    again = DraftStore(tmp_path / "d.json")
    assert again.get("writing") == {"prompt": "从前有座山"} and again.warning is None


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(raw=st.binary(max_size=200))
def test_unreadable_drafts_are_kept_aside_with_a_warning(tmp_path, raw):
    path = tmp_path / "d.json"
    path.write_bytes(raw)
    (tmp_path / "d.json.bad").unlink(missing_ok=True)
    d = DraftStore(path)
    d.load()
    try:
        ok = isinstance(json.loads(raw.decode("utf-8-sig")), dict)
    except (ValueError, RecursionError):
        ok = False
    if ok:
        assert d.warning is None
    else:
        assert d.warning and "d.json.bad" in d.warning
        assert (tmp_path / "d.json.bad").read_bytes() == raw
        d.put("writing", {"prompt": "new"})
        d.save()  # starts clean, the old bytes stay in .bad
        assert json.loads(path.read_text("utf-8")) == {"writing": {"prompt": "new"}}


def test_a_second_broken_file_never_overwrites_the_first_copy(tmp_path):
    path = tmp_path / "drafts.json"
    path.write_bytes(b'{"writing": {"prompt": "first long prompt"')
    DraftStore(path).load()
    path.write_bytes(b"garbage again")
    second = DraftStore(path)
    second.load()
    assert (tmp_path / "drafts.json.bad").read_bytes().endswith(b'"first long prompt"')
    assert (tmp_path / "drafts.json.bad.1").read_bytes() == b"garbage again"
    assert "drafts.json.bad.1" in second.warning


def test_an_unreadable_drafts_file_is_moved_aside_not_overwritten(tmp_path):
    import os

    if os.geteuid() == 0:  # root reads anything: make the file unreadable another way
        path = tmp_path / "drafts.json"
        path.mkdir()  # reading a folder fails with an OSError too
    else:
        path = tmp_path / "drafts.json"
        path.write_text('{"writing": {}}', encoding="utf-8")
        path.chmod(0)
    d = DraftStore(path)
    d.load()
    assert d.warning and "could not be read" in d.warning
    assert (tmp_path / "drafts.json.bad").exists()
    d.put("writing", {"prompt": "new"})
    d.save()
    assert json.loads(path.read_text("utf-8")) == {"writing": {"prompt": "new"}}


def test_drafts_with_numbers_json_cannot_hold_are_set_aside(tmp_path):
    path = tmp_path / "d.json"
    path.write_bytes(b'{"writing": {"prompt": "x"}, "other": 1e400}')
    d = DraftStore(path)
    d.load()
    assert d.warning and "d.json.bad" in d.warning
    d.save()
    assert json.loads(path.read_text("utf-8")) == {}
