"""Hub settings: the access token (keyring or a private file), mirror, cache folder, opt-ins."""

from __future__ import annotations

import json
import stat

import pytest

from studio.core import credentials
from studio.core.hub import HubConfig
from studio.core.jobs import UserError
from studio.core.settings import Settings, SettingsStore, from_dict

TOKEN = "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123"


class MemoryKeyring:
    """A keyring backend kept in memory (what a desktop's Secret Service would do)."""

    priority = 10

    def __init__(self):
        self.items = {}

    def get_password(self, service, user):
        return self.items.get((service, user))

    def set_password(self, service, user, password):
        self.items[(service, user)] = password

    def delete_password(self, service, user):
        self.items.pop((service, user), None)


def test_without_a_keyring_the_token_goes_to_a_private_file_with_a_warning(tmp_path,
                                                                            monkeypatch):
    monkeypatch.setattr(credentials, "_keyring", lambda: None)
    state = credentials.save_token(f"  {TOKEN}\n", tmp_path)
    path = credentials.token_file(tmp_path)
    assert state.where == "file" and str(path) in state.warning
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert credentials.load_token(tmp_path) == TOKEN
    assert credentials.token_status(tmp_path).where == "file"
    credentials.delete_token(tmp_path)
    assert credentials.load_token(tmp_path) is None and not path.exists()
    assert not credentials.token_status(tmp_path).stored


def test_the_real_keyring_package_finds_no_backend_here_and_the_file_is_used(tmp_path):
    """Headless (no Secret Service): keyring installs and imports, but has no backend."""
    import keyring
    from keyring.backends import fail

    if not isinstance(keyring.get_keyring(), fail.Keyring):
        pytest.skip("this machine has a real keyring")
    assert credentials.save_token(TOKEN, tmp_path).where == "file"


def test_with_a_keyring_the_token_is_kept_there_and_not_in_a_file(tmp_path, monkeypatch):
    ring = MemoryKeyring()
    monkeypatch.setattr(credentials, "_keyring", lambda: ring)
    credentials.token_file(tmp_path).write_text("hf_old", encoding="ascii")  # an earlier copy
    state = credentials.save_token(TOKEN, tmp_path)
    assert state.where == "keyring" and state.warning is None
    assert not credentials.token_file(tmp_path).exists()
    assert credentials.load_token(tmp_path) == TOKEN
    credentials.delete_token(tmp_path)
    assert ring.items == {}


@pytest.mark.parametrize("bad", ["", "two words", "hf_\u00e9", "x" * 600, "hf_\x00"])
def test_unusable_tokens_are_refused(tmp_path, bad):
    with pytest.raises(UserError, match="one word of printable ASCII"):
        credentials.save_token(bad, tmp_path)


def test_the_token_never_reaches_the_settings_file(tmp_path, monkeypatch):
    monkeypatch.setattr(credentials, "_keyring", lambda: None)
    credentials.save_token(TOKEN, tmp_path)
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(hf_endpoint="https://hf-mirror.com"))
    assert TOKEN not in (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert "token" not in json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))


def test_hub_fields_are_validated_and_reach_the_hub_config(tmp_path):
    data = {"hf_endpoint": "https://hf-mirror.com", "offline": True,
            "hf_cache_dir": str(tmp_path / "models"),
            "allow_pickle_models": ["someone/old"], "trust_remote_code_models": ["x/y"],
            "local_models": {"writing": ["/m/a.gguf"]}}
    settings, rejected = from_dict(data)
    assert rejected == []
    assert settings.hub_config() == HubConfig("https://hf-mirror.com", True,
                                              str(tmp_path / "models"), ("someone/old",),
                                              ("x/y",))
    assert settings.hub_config().cache_path == tmp_path / "models"
    bad = {"hf_endpoint": "ftp://x", "hf_cache_dir": "relative/folder",
           "allow_pickle_models": "someone/old", "trust_remote_code_models": ["", "a"],
           "local_models": {"dancing": ["/x"]}}
    settings, rejected = from_dict(bad)
    assert sorted(rejected) == sorted(bad)
    assert settings.hub_config() == HubConfig()


def test_the_default_budget_comes_from_available_memory():
    from studio.core import devices

    automatic = Settings().memory_budget_bytes
    assert automatic == devices.default_memory_budget() >= 1 << 30
    assert automatic <= (devices.ram_bytes() or automatic)
    assert Settings(memory_budget_gb=2.5).memory_budget_bytes == int(2.5 * 1024**3)
