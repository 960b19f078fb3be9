"""Settings → Endpoints and the remote models in the pickers, driven like a user.

The server is our own small OpenAI-schema stub on 127.0.0.1 (tests/fixtures/openai_stub.py):
these tests are about the window (the editor, the pickers, the tab's request and the
history), the real-server tiers (llama.cpp server, Xinference) test the protocol.  No
keyring backend exists here, so keys go to the private file with a warning.
"""

from __future__ import annotations

import json

import pytest

from studio.core import endpoints
from studio.core.endpoints import keys
from studio.core.history import HistoryStore
from studio.core.paths import config_dir
from studio.ui.endpoints import picker
from studio.ui.tabs.writing import CHAT
from tests.fixtures.openai_stub import Stub

KEY = "sk-test-7f3a9c1e"


@pytest.fixture(autouse=True)
def no_endpoints():
    """Each test starts and ends without stored endpoints or keys (the engine host, shared
    by the session, reads the same config folder)."""
    def clear():
        for path in (endpoints.endpoints_path(), keys.key_file()):
            path.unlink(missing_ok=True)
    clear()
    yield
    clear()


@pytest.fixture
def stub():
    with Stub() as server:
        yield server


def add_endpoint(qtbot, w, name: str, url: str, key: str = ""):
    """Add an endpoint in the editor and wait until it is saved; returns (dialog, status)."""
    dialog = w.endpoints.show()
    dialog.add()
    dialog.form.name.setText(name)
    dialog.form.url.setText(url)
    dialog.form.key.setText(key)
    with qtbot.waitSignal(w.endpoints.service.saved, timeout=10000) as saved:
        dialog.save_button.click()
    return dialog, saved.args[1]


def remote_row(qtbot, w, task: str, endpoint: str, model: str) -> int:
    box = w.panel.model_boxes[task]
    qtbot.waitUntil(lambda: picker.find(box, endpoint, model) >= 0
                    and box.model().item(picker.find(box, endpoint, model)).isEnabled(),
                    timeout=10000)
    return picker.find(box, endpoint, model)


def choose_remote(qtbot, w, task: str, endpoint: str, model: str) -> None:
    w.panel.model_boxes[task].setCurrentIndex(remote_row(qtbot, w, task, endpoint, model))
    assert w.settings.remote_for(task) == (endpoint, model)


def test_an_endpoint_runs_the_writing_tab_and_its_result_remembers_it(qtbot, make_window, stub,
                                                                      caplog):
    w = make_window()
    dialog, status = add_endpoint(qtbot, w, "stub", stub.url, KEY)
    assert status.stored and dialog.form.key.text() == ""  # never kept in the field
    if status.where == "file":  # no keyring here: the editor says where it went, and the risk
        assert "No system keyring" in dialog.form.key_label.text()
    assert endpoints.key_status("stub").stored

    with qtbot.waitSignal(w.endpoints.service.tested, timeout=10000):
        dialog.test_button.click()
    listed = [dialog.models.item(i).text() for i in range(dialog.models.count())]
    assert len(listed) == 3 and any(t.startswith("chat-stub") for t in listed)
    assert "3 model(s)" in dialog.result.text() and " ms" in dialog.result.text()
    asked = [r for r in stub.requests if r[1] == "/v1/models"]
    assert asked and all(r[2].get("Authorization") == f"Bearer {KEY}" for r in asked)

    box = w.panel.model_boxes["writing"]
    row = remote_row(qtbot, w, "writing", "stub", "chat-stub")
    assert box.itemText(row) == "chat-stub · stub"
    assert picker.find(box, "stub", "tts-stub") < 0  # filtered: not a writing model
    assert picker.find(w.panel.model_boxes["voice"], "stub", "tts-stub") >= 0
    choose_remote(qtbot, w, "writing", "stub", "chat-stub")
    label = w.endpoints.label
    assert label.isVisible() and label.text().endswith(" chat-stub @ stub")

    tab = w.pages["writing"]
    assert tab.mode.model().item(tab.mode.findData(CHAT)).isEnabled()
    tab.mode.choose(CHAT)
    tab.prompt.setPlainText("Hello there")
    tokens = []
    tab.runner.token.connect(lambda _job, ev: tokens.append(ev.text))
    with qtbot.waitSignal(w.history.recorded, timeout=30000) as recorded:
        tab.generate()
    assert "".join(tokens) == "w0 w1 w2 w3 w4 "
    assert tab.conversation.last_reply.text == "w0 w1 w2 w3 w4 "
    chat = [r for r in stub.requests if r[1] == "/v1/chat/completions"][-1]
    assert json.loads(chat[3])["model"] == "chat-stub"
    assert chat[2].get("Authorization") == f"Bearer {KEY}"
    with HistoryStore(w.history.path, w.history.outputs) as store:
        entry = store.get(recorded.args[1])
    assert entry.request["endpoint"] == "stub" and entry.request["model"] == "chat-stub"
    assert entry.request["backend"] == "remote" and "stub" in entry.model

    # Use settings brings the remote choice back after a local one was chosen
    w.panel.set_model("writing", w.settings.model_for("writing"))
    assert w.settings.remote_for("writing") is None and not w.endpoints.label.isVisible()
    w.history_dock.use_settings(entry)
    assert w.settings.remote_for("writing") == ("stub", "chat-stub")

    w.save_all()
    for path in (config_dir() / "endpoints.json", w.store.path):
        assert KEY not in path.read_text(encoding="utf-8")
    saved = json.loads(w.store.path.read_text(encoding="utf-8"))
    assert saved["remote_models"]["writing"] == {"endpoint": "stub", "model": "chat-stub"}
    assert KEY not in caplog.text


def test_a_key_over_plain_http_to_another_computer_needs_a_confirmation(qtbot, make_window):
    w = make_window()
    dialog = w.endpoints.show()
    questions = []
    dialog.confirm = lambda title, text: questions.append(text) or answer
    answer = False
    dialog.add()
    dialog.form.name.setText("lan")
    dialog.form.url.setText("http://192.0.2.10:8000/v1")  # TEST-NET: never answers
    dialog.form.timeout.setValue(1)  # the pickers' probe of it gives up quickly
    dialog.update_notes()
    assert "unencrypted" in dialog.form.note.text()
    dialog.form.key.setText(KEY)
    dialog.save_button.click()  # refused: nothing is saved, the key stays where it was typed
    assert len(questions) == 1 and "192.0.2.10" in questions[0]
    assert "Not confirmed" in dialog.form.note.text()
    assert w.endpoints.service.endpoints == [] and not endpoints.endpoints_path().exists()
    answer = True
    with qtbot.waitSignal(w.endpoints.service.saved, timeout=10000):
        dialog.save_button.click()
    assert len(questions) == 2
    stored = endpoints.EndpointStore().load()
    assert [(e.name, e.allow_plain_http) for e in stored] == [("lan", True)]
    assert KEY not in endpoints.endpoints_path().read_text(encoding="utf-8")
    # without a key nothing is asked
    dialog.add()
    dialog.form.name.setText("lan2")
    dialog.form.url.setText("http://192.0.2.11:8000/v1")
    dialog.form.timeout.setValue(1)
    with qtbot.waitSignal(w.endpoints.service.saved, timeout=10000):
        dialog.save_button.click()
    assert len(questions) == 2
    assert not endpoints.EndpointStore().get("lan2").allow_plain_http


def test_the_offline_switch_blocks_an_endpoint_on_another_computer(qtbot, make_window):
    w = make_window()
    w.panel.hub_box.offline.setChecked(True)  # first: nothing here may touch the network
    dialog, _ = add_endpoint(qtbot, w, "far", "https://gpu.example.invalid/v1")
    assert "offline switch is on" in dialog.form.note.text()
    with qtbot.waitSignal(w.endpoints.service.tested, timeout=10000):
        dialog.test_button.click()
    assert "offline switch is on" in dialog.result.text()
    box = w.panel.model_boxes["writing"]
    qtbot.waitUntil(lambda: any("blocked by the offline switch" in box.itemText(i)
                                for i in range(box.count())), timeout=10000)

    w.panel.set_model("writing", "some-70b-model", "far")  # e.g. Use settings of an old result
    tab = w.pages["writing"]
    assert "offline switch is on" in tab.message.text()
    tab.prompt.setPlainText("Hello")
    with qtbot.waitSignal(tab.runner.failed, timeout=30000) as failed:
        tab.generate()
    assert "offline switch is on" in str(failed.args[1].message)
    assert "offline switch is on" in tab.message.text()


def test_removing_the_endpoint_a_tab_runs_on_goes_back_to_a_local_model(qtbot, make_window,
                                                                        stub):
    w = make_window()
    dialog, _ = add_endpoint(qtbot, w, "stub", stub.url, KEY)
    choose_remote(qtbot, w, "transcription", "stub", "whisper-stub")
    request = w.pages["transcription"].request_for("/tmp/a.wav")
    assert (request.endpoint, request.model) == ("stub", "whisper-stub")
    local = w.settings.model_for("transcription")
    assert dialog.current_name() == "stub"
    dialog.form.name.setText("box")  # renamed: the tab follows, the key goes along
    with qtbot.waitSignal(w.endpoints.service.saved, timeout=10000):
        dialog.save_button.click()
    assert w.settings.remote_for("transcription") == ("box", "whisper-stub")
    assert endpoints.key_status("box").stored and not endpoints.key_status("stub").stored
    assert [e.name for e in endpoints.EndpointStore().load()] == ["box"]
    dialog.confirm = lambda title, text: True
    w.show_tab("transcription")
    with qtbot.waitSignal(w.endpoints.service.removed, timeout=10000):
        dialog.remove()
    assert w.settings.remote_for("transcription") is None
    assert w.pages["transcription"].request_for("/tmp/a.wav").endpoint == ""
    assert w.settings.model_for("transcription") == local
    assert "box is gone" in w.pages["transcription"].message.text()
    box = w.panel.model_boxes["transcription"]
    assert picker.find(box, "box", "whisper-stub") < 0 and box.currentData() == local
    assert not w.endpoints.label.isVisible()
    assert not endpoints.key_status("box").stored  # its key went with it


def test_every_tab_puts_the_endpoint_into_its_requests(qtbot, make_window, stub):
    w = make_window()
    add_endpoint(qtbot, w, "stub", stub.url)
    for task, model in (("voice", "tts-stub"), ("transcription", "whisper-stub")):
        choose_remote(qtbot, w, task, "stub", model)
    assert w.pages["voice"].request_for("Hi.").endpoint == "stub"
    assert w.pages["voice"].controls.voice.currentText() == "tts-stub · stub"
    w.panel.set_model("painting", "sdxl-remote", "stub")
    painting = w.pages["painting"]
    assert (painting.request().endpoint, painting.request().model) == ("stub", "sdxl-remote")
    assert painting.model_state.available and not painting.banner.isVisible()
    w.show_tab("voice")
    assert w.endpoints.label.text().endswith(" tts-stub @ stub")
    assert "stub" in w.tabs.tabToolTip(w.tabs.indexOf(w.pages["voice"]))
    w.endpoints.dialog.close()
    w.panel.endpoints_button.click()  # the settings panel's way in (the corner's: Endpoints…)
    assert w.endpoints.dialog.isVisible()
    asked = len([r for r in stub.requests if r[1] == "/v1/models"])
    w.panel.refresh_button.click()
    qtbot.waitUntil(lambda: len([r for r in stub.requests if r[1] == "/v1/models"]) > asked,
                    timeout=10000)
