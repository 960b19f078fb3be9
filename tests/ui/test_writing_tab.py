"""Writing tab driven like a user: prompt, generate, stream, stop, drop files, errors."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from studio.core.drafts import DraftStore
from studio.core.engines import writing
from studio.core.jobs import Token
from studio.core.settings import Settings
from studio.ui.tabs import writing as writing_tab
from studio.ui.tabs.writing import COMPLETION, WritingTab


def settings_for(model) -> Settings:
    s = Settings(writing_backend="transformers")
    s.models["writing"] = str(model)
    return s


@pytest.fixture
def make_tab(qtbot, tmp_path):
    tabs = []

    def make(model, drafts_path=None) -> WritingTab:
        drafts = DraftStore(drafts_path or tmp_path / "drafts.json")
        tab = WritingTab(settings_for(model), drafts)
        tab.restore_draft(drafts.get("writing"))
        qtbot.addWidget(tab)
        tab.show()
        tabs.append(tab)
        return tab

    yield make
    for tab in tabs:
        assert tab.shutdown(5000)


def is_io(kind: str):
    """Match the writing tab's io-runner result of one kind (model info comes first)."""
    return lambda _job, ev: ev.value[0] == kind


def completion(tab: WritingTab, prompt: str, **params) -> None:
    tab.mode.setCurrentIndex(tab.mode.findData(COMPLETION))
    tab.prompt.setPlainText(prompt)
    for name, value in params.items():
        getattr(tab.params, name).setValue(value)


@pytest.fixture
def slow_engine(monkeypatch):
    """The real engine, parked after its first token until the job is cancelled."""
    real_run = writing.run

    def run(request, cancel, **kw):
        first = True
        for ev in real_run(request, cancel, **kw):
            yield ev
            if first and isinstance(ev, Token):
                first = False
                cancel.wait(10)

    monkeypatch.setattr(writing_tab.writing, "run", run)


def test_generate_streams_tokens_into_the_output(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Once upon a time", max_new_tokens=12, seed=3)
    tokens = []
    tab.runner.token.connect(lambda _j, ev: tokens.append(ev.text))
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
        assert tab.stop_button.isEnabled()
    result = blocker.args[1].value
    assert len(tokens) >= 2  # streamed, not delivered in one piece
    assert "".join(tokens) == result.texts[0]
    assert tab.outputs.count() == 1
    assert tab.outputs.widget(0).toPlainText() == result.texts[0]
    assert result.new_tokens == 12
    assert "12 tokens" in tab.stats.text()
    assert tab.run_button.isEnabled() and not tab.stop_button.isEnabled()
    assert tab.continue_button.isEnabled() and tab.regenerate_button.isEnabled()


def test_several_sequences_get_one_output_each(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Hello", max_new_tokens=5, sequences=3, seed=1)
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    texts = blocker.args[1].value.texts
    assert tab.outputs.count() == 3
    assert [tab.outputs.widget(i).toPlainText() for i in range(3)] == list(texts)


@pytest.mark.parametrize("how", ["button", "escape"])
def test_stop_keeps_the_partial_text(qtbot, make_tab, tiny_gpt2, slow_engine, how):
    tab = make_tab(tiny_gpt2)
    completion(tab, "The sea", max_new_tokens=100, seed=5)
    with qtbot.waitSignal(tab.runner.token, timeout=30000):
        tab.generate()
    with qtbot.waitSignal(tab.runner.cancelled, timeout=10000) as blocker:
        if how == "button":
            qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(tab.prompt, Qt.Key.Key_Escape)
    partial = blocker.args[1].partial
    assert partial is not None and partial.texts[0]
    assert partial.new_tokens < 100
    assert tab.streams[0] == partial.texts[0]
    assert tab.outputs.widget(0).toPlainText() == partial.texts[0]
    assert "Stopped" in tab.message.text()
    assert tab.prompt.toPlainText() == "The sea"  # the prompt is untouched


def test_chat_mode_builds_a_conversation(qtbot, make_tab, tiny_chat_gpt2):
    tab = make_tab(tiny_chat_gpt2)
    assert tab.current_mode() == "chat"
    tab.system.setText("Be brief.")
    tab.params.max_new_tokens.setValue(6)
    tab.params.seed.setValue(1)  # random weights: a fixed seed gives a reply that is not empty
    tab.prompt.setPlainText("你好！")
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    result = blocker.args[1].value
    assert result.chat is True
    assert tab.conversation == [("user", "你好！"), ("assistant", result.texts[0])]
    assert tab.prompt.toPlainText() == ""
    assert "你好！" in tab.chat_view.toPlainText()
    req = blocker.args[1].request
    assert req.system == "Be brief." and req.history == ()
    tab.prompt.setPlainText("And then?")
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    assert blocker.args[1].request.history == (("user", "你好！"), ("assistant", result.texts[0]))
    assert len(tab.conversation) == 4
    tab.clear_button.click()
    assert tab.conversation == []


def _drop(widget, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(10, 10)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)


def test_dropping_a_text_file_loads_it_as_the_prompt(qtbot, make_tab, tiny_gpt2, tmp_path):
    tab = make_tab(tiny_gpt2)
    path = tmp_path / "提示.md"
    path.write_text("# 标题\n从前有座山。", encoding="utf-8")
    with qtbot.waitSignal(tab.io.result, timeout=10000, check_params_cb=is_io("loaded")):
        _drop(tab.prompt.viewport(), path)
    assert tab.prompt.toPlainText() == "# 标题\n从前有座山。"


def test_dropping_a_binary_file_shows_a_message(qtbot, make_tab, tiny_gpt2, tmp_path):
    tab = make_tab(tiny_gpt2)
    tab.prompt.setPlainText("keep me")
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with qtbot.waitSignal(tab.io.failed, timeout=10000):
        _drop(tab.prompt.viewport(), path)
    assert tab.message.isVisible() and tab.message.level == "error"
    assert "binary" in tab.message.text()
    assert tab.prompt.toPlainText() == "keep me"


def test_bad_inputs_show_messages_and_leave_the_tab_usable(qtbot, make_tab, tiny_gpt2, tmp_path):
    tab = make_tab(tmp_path / "no-such-model")
    tab.generate()  # empty prompt: refused before any job
    assert "Write a prompt first" in tab.message.text()
    assert not tab.runner.busy
    completion(tab, "Hello", max_new_tokens=4)
    with qtbot.waitSignal(tab.runner.failed, timeout=30000):
        tab.generate()
    assert "Model not found" in tab.message.text() and tab.message.level == "error"
    assert tab.prompt.toPlainText() == "Hello"
    tab.apply_settings(dataclasses.replace(tab.settings, models={"writing": str(tiny_gpt2)}))
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    # Random byte-level weights may end on half a UTF-8 character (dropped), so compare
    # with the result instead of expecting text.
    assert blocker.args[1].value.new_tokens == 4
    assert tab.outputs.widget(0).toPlainText() == blocker.args[1].value.texts[0]


def test_failed_chat_message_goes_back_into_the_editor(qtbot, make_tab, tmp_path):
    tab = make_tab(tmp_path / "missing")
    tab.prompt.setPlainText("a question I typed")
    with qtbot.waitSignal(tab.runner.failed, timeout=30000):
        tab.generate()
    assert tab.prompt.toPlainText() == "a question I typed"
    assert tab.conversation == []


def test_draft_and_outputs_survive_a_restart(qtbot, make_tab, tiny_gpt2, tmp_path):
    path = tmp_path / "d.json"
    tab = make_tab(tiny_gpt2, path)
    completion(tab, "Draft 草稿", max_new_tokens=5, seed=9)
    tab.params.temperature.setValue(1.3)
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    text = blocker.args[1].value.texts[0]
    tab.drafts.put("writing", tab.draft())
    tab.drafts.save()
    again = make_tab(tiny_gpt2, path)
    assert again.prompt.toPlainText() == "Draft 草稿"
    assert again.current_mode() == COMPLETION
    assert again.outputs.widget(0).toPlainText() == text
    assert again.params.temperature.value() == pytest.approx(1.3)


def test_continue_appends_output_to_prompt(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Start", max_new_tokens=4, seed=2)
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    first = blocker.args[1].value.texts[0]
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.continue_button.click()
    assert blocker.args[1].request.prompt == "Start" + first
    assert tab.prompt.toPlainText() == "Start" + first


def window_writing_with(make_window, model) -> tuple:
    """A whole main window whose Writing tab uses ``model``, chosen in the settings panel."""
    w = make_window()
    w.panel.set_model("writing", str(model))
    w.panel.backend.setCurrentIndex(w.panel.backend.findData("transformers"))
    assert w.pages["writing"].settings.model_for("writing") == str(model)
    return w, w.pages["writing"]


def test_close_during_generation_shuts_down_and_keeps_partial(qtbot, make_window, tiny_gpt2,
                                                              slow_engine, stores):
    w, tab = window_writing_with(make_window, tiny_gpt2)
    completion(tab, "Closing time", max_new_tokens=100)
    with qtbot.waitSignal(tab.runner.token, timeout=30000):
        tab.generate()
    assert w.shutdown()
    assert not tab.runner.is_running()
    _, drafts = stores
    saved = DraftStore(drafts.path).get("writing")
    assert saved["prompt"] == "Closing time"
    assert saved["outputs"] and saved["outputs"][0]  # the partial text was kept


def test_mode_follows_the_models_chat_template(qtbot, make_tab, tiny_gpt2, tiny_chat_gpt2):
    plain = make_tab(tiny_gpt2)
    qtbot.waitUntil(lambda: plain.chat_capable is not None, timeout=10000)
    assert plain.chat_capable is False and plain.current_mode() == COMPLETION
    assert not plain.mode.model().item(plain.mode.findData("chat")).isEnabled()
    chat = make_tab(tiny_chat_gpt2)
    qtbot.waitUntil(lambda: chat.chat_capable is not None, timeout=10000)
    assert chat.chat_capable is True and chat.current_mode() == "chat"
    chat.apply_settings(dataclasses.replace(chat.settings, models={"writing": str(tiny_gpt2)}))
    qtbot.waitUntil(lambda: chat.chat_capable is False, timeout=10000)
    assert chat.current_mode() == COMPLETION


def test_keyboard_generate_and_save(qtbot, make_tab, tiny_gpt2, tmp_path):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Keys", max_new_tokens=4, seed=4)
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        qtbot.keyClick(tab.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    text = blocker.args[1].value.texts[0]
    assert tab.prompt.toPlainText() == "Keys"  # Ctrl+Enter generated, it typed no newline
    out = tmp_path / "out.md"
    with qtbot.waitSignal(tab.io.result, timeout=10000, check_params_cb=is_io("saved")):
        tab.save_output_to(str(out))
    assert out.read_text(encoding="utf-8") == text
    assert "Saved to" in tab.message.text()


def test_regenerate_with_a_fixed_seed_repeats_the_text(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Again", max_new_tokens=6, seed=11)
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    first = blocker.args[1].value.texts[0]
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.regenerate_button.click()
    assert blocker.args[1].value.texts[0] == first


def test_long_prompt_is_truncated_with_a_visible_notice(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "word " * 400, max_new_tokens=8)  # the tiny model has 128 positions
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    assert blocker.args[1].value.truncated
    assert tab.message.level == "warning" and "truncated" in tab.message.text()


def test_a_failed_run_keeps_the_previous_outputs(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Keep", max_new_tokens=5, sequences=2, seed=1)
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    texts = list(blocker.args[1].value.texts)
    tab.params.max_length.setValue(2)  # leaves no room after the prompt: the run fails
    with qtbot.waitSignal(tab.runner.failed, timeout=30000):
        tab.generate()
    assert "max_length" in tab.message.text()
    assert tab.streams == texts
    assert [tab.outputs.widget(i).toPlainText() for i in range(tab.outputs.count())] == texts


def test_stopping_a_chat_before_any_reply_adds_no_empty_turn(qtbot, make_tab, tiny_chat_gpt2,
                                                            monkeypatch):
    def never_answers(request, cancel, **kw):
        from studio.core.jobs import Cancelled, Progress

        yield Progress("Loading model…")
        cancel.wait(10)
        yield Cancelled()

    monkeypatch.setattr(writing_tab.writing, "run", never_answers)
    tab = make_tab(tiny_chat_gpt2)
    tab.prompt.setPlainText("Are you there?")
    with qtbot.waitSignal(tab.runner.progress, timeout=10000):
        tab.generate()
    with qtbot.waitSignal(tab.runner.cancelled, timeout=10000):
        tab.stop()
    assert tab.conversation == []
    assert tab.prompt.toPlainText() == "Are you there?"  # the message is back to edit or resend


def test_regenerate_uses_the_current_parameters(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Params", max_new_tokens=9, seed=2)
    with qtbot.waitSignal(tab.runner.result, timeout=30000):
        tab.generate()
    tab.params.max_new_tokens.setValue(3)
    tab.prompt.setPlainText("something else typed meanwhile")
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.regenerate()
    assert blocker.args[1].request.prompt == "Params"
    assert blocker.args[1].value.new_tokens == 3


def test_chat_mode_asks_for_one_reply(qtbot, make_tab, tiny_chat_gpt2):
    tab = make_tab(tiny_chat_gpt2)
    tab.params.sequences.setValue(3)
    assert not tab.params.sequences.isEnabled()
    tab.params.max_new_tokens.setValue(3)
    tab.prompt.setPlainText("Hi")
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    assert blocker.args[1].request.num_return_sequences == 1


def test_results_are_saved_soon_without_closing_the_window(qtbot, make_window, tiny_gpt2, stores):
    _, tab = window_writing_with(make_window, tiny_gpt2)
    completion(tab, "Autosave", max_new_tokens=4, seed=1)
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    text = blocker.args[1].value.texts[0]
    _, drafts = stores
    qtbot.waitUntil(lambda: drafts.path.exists(), timeout=10000)
    assert DraftStore(drafts.path).get("writing")["outputs"] == [text]
