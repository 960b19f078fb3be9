"""Download settings in the window (mirror, offline, token) and the status bar's models.

The hub errors read on the dialog's row with the setting that fixes them; the token
goes through ``credentials`` and never into settings.json.
"""

from __future__ import annotations

import json

import pytest

from studio.core import credentials, hub
from studio.core.cache import LoadedModel, describe_key
from studio.core.host.protocol import Stats
from studio.core.settings import Settings
from tests.core.hub_fixtures import online  # noqa: F401
from tests.fixtures.fake_hub_server import FakeHub
from tests.ui.models_helpers import download_of, open_models, status_text, use_hub


@pytest.mark.usefixtures("online")
def test_offline_switch_refuses_downloads_with_a_clear_message(qtbot, make_window, tmp_path):
    w = make_window(settings=Settings(hf_cache_dir=str(tmp_path / "hub")))
    w.panel.hub_box.offline.setChecked(True)
    assert w.settings.offline and hub.current().offline
    dialog = open_models(qtbot, w, "painting", "sd-turbo")
    assert dialog.offline_note.isVisible()
    assert dialog.selected().ref == "sd-turbo"
    dialog.panel.download_button.click()
    qtbot.waitUntil(lambda: (s := download_of(dialog, "sd-turbo")) is not None and s.finished,
                    timeout=10000)
    assert download_of(dialog, "sd-turbo").error_kind == "offline"
    assert status_text(dialog, "sd-turbo").startswith("Failed: Offline mode is on, so sd-turbo")
    assert "Turn off the Offline switch" in dialog.panel.message.text()
    assert dialog.panel.fix_button.isVisible() and dialog.panel.resume_button.isVisible()
    assert w.models.indicator.isVisible() and "failed" in w.models.indicator.button.text()
    with qtbot.waitSignal(dialog.settings_requested) as asked:
        dialog.panel.fix_button.click()
    assert asked.args == ["offline"] and w.dock.isVisible()
    w.panel.hub_box.offline.setChecked(False)
    assert not dialog.offline_note.isVisible()


@pytest.mark.usefixtures("online")
@pytest.mark.parametrize("ref, fix, needle", [
    ("status-401/x", "token", "accept its licence"),
    ("status-404/x", "", "has no model status-404/x"),
])
def test_hub_refusals_read_on_the_row_with_the_way_out(qtbot, make_window, tmp_path, ref, fix,
                                                       needle):
    with FakeHub() as server:
        w = make_window()
        use_hub(w, server, tmp_path / "hub")
        dialog = open_models(qtbot, w, "writing")
        dialog.ref_edit.setText(ref)
        dialog.ref_button.click()
        qtbot.waitUntil(lambda: (s := download_of(dialog, ref)) is not None and s.finished,
                        timeout=20000)
    qtbot.waitUntil(lambda: dialog.selected() is not None and dialog.selected().ref == ref)
    assert needle in status_text(dialog, ref)
    assert needle in dialog.panel.message.text()
    assert dialog.panel.fix_button.isVisible() == bool(fix)
    if fix == "token":
        page = f"{server.url}/{ref}"
        assert f'<a href="{page}">{page}</a>' in dialog.panel.message.text()  # the licence page
        assert dialog.panel.fix_button.text() == "Set access token…"


@pytest.mark.usefixtures("online")
def test_an_unreachable_hub_suggests_the_mirror(qtbot, make_window, tmp_path):
    w = make_window(settings=Settings(hf_endpoint="http://127.0.0.1:9",
                                      hf_cache_dir=str(tmp_path / "hub")))
    dialog = open_models(qtbot, w, "writing", "gpt2")
    dialog.panel.download_button.click()
    qtbot.waitUntil(lambda: (s := download_of(dialog, "gpt2")) is not None and s.finished,
                    timeout=20000)
    assert "use a mirror" in dialog.panel.message.text()
    assert dialog.panel.fix_button.text() == "Set a mirror…"
    dialog.panel.fix_button.click()
    box = w.panel.hub_box
    assert box.endpoint.text() == "http://127.0.0.1:9"  # the user's text is kept to edit
    box.endpoint.setText("hf-mirror.com")
    box.endpoint.editingFinished.emit()
    assert box.problem.isVisible() and w.settings.hf_endpoint == "http://127.0.0.1:9"


def test_token_is_kept_by_credentials_never_in_the_settings(qtbot, make_window, stores):
    store, _ = stores
    secret = "hf_UiTestSecret0123456789"
    w = make_window()
    box = w.panel.hub_box
    qtbot.waitUntil(lambda: "No access token" in box.token_label.text(), timeout=10000)
    assert box.token.echoMode() == box.token.EchoMode.Password
    try:
        box.token.setText(secret)
        box.save_token_button.click()
        assert box.token.text() == ""  # not kept in the widget
        qtbot.waitUntil(lambda: "stored" in box.token_label.text(), timeout=10000)
        assert credentials.load_token() == secret
        assert secret not in box.token_label.text()
        if credentials.token_status().where == "file":  # no keyring here: the warning shows
            assert "readable only by your user account" in box.token_label.text()
        w.save_all()
        saved = store.path.read_text(encoding="utf-8")
        assert secret not in saved and "hf_UiTest" not in json.dumps(json.loads(saved))
        box.forget_token_button.click()
        qtbot.waitUntil(lambda: "No access token" in box.token_label.text(), timeout=10000)
        assert credentials.load_token() is None
    finally:
        credentials.delete_token()


def test_status_bar_lists_loaded_models_and_unloads_them(make_window, engine_host,
                                                        monkeypatch):
    w = make_window()
    stats = Stats(pid=1, rss=200 * 1024**2, device_bytes=0, models=("a", "b"), in_use=("a",),
                  loaded=(LoadedModel("transformers: tiny-gpt2", 3 * 1024**2, True),
                          LoadedModel("llama.cpp: story.gguf", 90 * 1024**2, False)),
                  budget_bytes=8 * 1024**3)
    w.models.show_stats(stats, w.memory_label)
    button = w.models.loaded
    assert button.isVisible() and button.text() == "Models loaded: 2"
    texts = [a.text() for a in button.menu().actions()]
    assert "transformers: tiny-gpt2 · 3.0 MB · in use" in texts
    assert "llama.cpp: story.gguf · 90.0 MB" in texts and "Memory budget: 8.0 GB" in texts
    assert "llama.cpp: story.gguf · 90.0 MB" in w.memory_label.toolTip()
    assert describe_key(("transformers", "/c/models--demo--tiny/snapshots/0a1b")) == \
        "transformers: demo/tiny"  # a hub snapshot is named by its repo, not its commit
    unloads = []
    monkeypatch.setattr(engine_host, "unload", lambda: unloads.append(True))
    next(a for a in button.menu().actions() if a.text() == "Unload models").trigger()
    assert unloads == [True]
    w.models.show_stats(None, w.memory_label)  # the engine is not running
    assert not button.isVisible()


def test_memory_budget_zero_reads_automatic(make_window):
    w = make_window()
    w.panel.budget.setValue(0)
    assert w.panel.budget.text() == "automatic"
