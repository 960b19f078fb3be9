"""Writing tab driven like a user: prompt, generate, stream, stop, drop files, errors.

Jobs run in the session's real engine host; markers from tests/fixtures/host_behaviours
(``[[park]]``, ``[[wait]]``...) make the engine stall where a test needs it to.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from studio.core.drafts import DraftStore
from studio.core.settings import Settings
from studio.ui.tabs.writing import CHAT, COMPLETION, WritingTab
from tests.ui.helpers import completion


def settings_for(model) -> Settings:
    s = Settings(writing_backend="transformers")
    s.models["writing"] = str(model)
    return s


@pytest.fixture
def make_tab(qtbot, tmp_path, engine_host):
    tabs = []

    def make(model, drafts_path=None) -> WritingTab:
        drafts = DraftStore(drafts_path or tmp_path / "drafts.json")
        tab = WritingTab(settings_for(model), drafts, engine_host)
        tab.restore_draft(drafts.get("writing"))
        qtbot.addWidget(tab)
        tab.show()
        tabs.append(tab)
        return tab

    yield make
    for tab in tabs:
        assert tab.shutdown(5000)


def run_to_end(qtbot, tab, action=None, signal="result"):
    """Click/call ``action`` (default: Generate) and wait for the job's ``signal``."""
    with qtbot.waitSignal(getattr(tab.runner, signal), timeout=30000) as blocker:
        (action or tab.generate)()
    return blocker.args[1]


def texts_shown(tab) -> list[str]:
    return [tab.completion.widget(i).toPlainText() for i in range(tab.completion.count())]


def test_generate_streams_tokens_into_the_output(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Once upon a time", max_new_tokens=12, seed=3)
    tokens = []
    tab.runner.token.connect(lambda _j, ev: tokens.append(ev.text))
    assert tab.progress.isHidden()  # an idle, empty progress bar is not shown
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
        assert tab.stop_button.isEnabled() and tab.progress.isVisible()
    result = blocker.args[1].value
    assert len(tokens) >= 2  # streamed, not delivered in one piece
    assert "".join(tokens) == result.texts[0]
    assert texts_shown(tab) == [result.texts[0]]
    assert result.new_tokens == 12
    assert "12 tokens" in tab.stats.text()
    assert tab.run_button.isEnabled() and not tab.stop_button.isEnabled()
    assert tab.progress.isHidden()
    assert tab.continue_button.isEnabled() and tab.regenerate_button.isEnabled()


def test_several_sequences_get_one_output_each(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Hello", max_new_tokens=5, sequences=3, seed=1)
    texts = run_to_end(qtbot, tab).value.texts
    assert texts_shown(tab) == list(texts)


@pytest.mark.parametrize("how", ["button", "escape"])
def test_stop_keeps_the_partial_text(qtbot, make_tab, tiny_gpt2, how):
    tab = make_tab(tiny_gpt2)
    completion(tab, "[[park]]The sea", max_new_tokens=100, seed=5)
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
    assert texts_shown(tab) == [partial.texts[0]]
    assert "Stopped" in tab.message.text()
    assert tab.prompt.toPlainText() == "[[park]]The sea"  # the prompt is untouched


def test_stop_before_any_output_keeps_the_previous_texts(qtbot, make_tab, tiny_gpt2, tmp_path):
    """Issue 6.1: outputs change only when new text arrives."""
    tab = make_tab(tiny_gpt2)
    completion(tab, "Keep me", max_new_tokens=5, sequences=2, seed=1)
    texts = list(run_to_end(qtbot, tab).value.texts)
    tab.prompt.setPlainText("[[wait]]never answered")
    with qtbot.waitSignal(tab.runner.progress, timeout=10000):
        tab.generate()
    run_to_end(qtbot, tab, tab.stop, "cancelled")
    assert texts_shown(tab) == texts
    assert "previous result is kept" in tab.message.text()
    assert tab.draft()["completion"]["outputs"] == texts  # the autosaved draft keeps them too
    assert tab.continue_button.isEnabled()  # they are still the texts Continue acts on


def test_chat_mode_builds_a_conversation(qtbot, make_tab, tiny_chat_gpt2):
    tab = make_tab(tiny_chat_gpt2)
    qtbot.waitUntil(lambda: tab.chat_capable is not None, timeout=10000)
    assert tab.mode.current() == CHAT
    tab.system.setText("Be brief.")
    tab.params.max_new_tokens.setValue(6)
    tab.params.seed.setValue(1)  # random weights: a fixed seed gives a reply that is not empty
    tab.prompt.setPlainText("你好！")
    ev = run_to_end(qtbot, tab)
    result = ev.value
    assert result.chat is True
    assert tab.conversation.messages() == [("user", "你好！"), ("assistant", result.texts[0])]
    assert tab.prompt.toPlainText() == ""
    assert "你好！" in tab.chat.view.toPlainText()
    assert ev.request.system == "Be brief." and ev.request.history == ()
    tab.prompt.setPlainText("And then?")
    ev = run_to_end(qtbot, tab)
    assert ev.request.history == (("user", "你好！"), ("assistant", result.texts[0]))
    assert len(tab.conversation.turns) == 4
    tab.clear_button.click()
    assert not tab.conversation


def test_chat_and_completion_keep_their_own_state(qtbot, make_tab, tiny_chat_gpt2, tmp_path):
    """Issue 6.2: each mode keeps its texts; buttons act on the visible one; drafts keep both."""
    tab = make_tab(tiny_chat_gpt2)
    completion(tab, "A story", max_new_tokens=6, seed=2)
    written = run_to_end(qtbot, tab).value.texts[0]
    tab.mode.setCurrentIndex(tab.mode.findData(CHAT))
    tab.params.max_new_tokens.setValue(5)
    tab.params.seed.setValue(1)
    tab.prompt.setPlainText("Hi")
    reply = run_to_end(qtbot, tab).value.texts[0]
    tab.copy_output()
    assert QGuiApplication.clipboard().text() == reply
    assert not tab.continue_button.isVisible()
    tab.mode.setCurrentIndex(tab.mode.findData(COMPLETION))
    assert texts_shown(tab) == [written]  # the chat reply did not leak into completion
    tab.copy_output()
    assert QGuiApplication.clipboard().text() == written
    out = tmp_path / "completion.md"
    with qtbot.waitSignal(tab.io.done, timeout=10000):
        tab.save_output_to(str(out))
    assert out.read_text(encoding="utf-8") == written
    draft = tab.draft()
    assert draft["completion"]["outputs"] == [written]
    assert [t["texts"] for t in draft["chat"]] == [["Hi"], [reply]]
    again = make_tab(tiny_chat_gpt2, tmp_path / "other.json")
    again.restore_draft(draft)
    assert texts_shown(again) == [written]
    assert again.conversation.messages() == [("user", "Hi"), ("assistant", reply)]


def test_regenerate_keeps_the_old_answer_and_offers_both(qtbot, make_tab, tiny_chat_gpt2):
    """Issue 6.3: a stopped regeneration loses nothing; answers become alternatives."""
    tab = make_tab(tiny_chat_gpt2)
    qtbot.waitUntil(lambda: tab.chat_capable is not None, timeout=10000)
    tab.params.max_new_tokens.setValue(6)
    tab.params.seed.setValue(1)
    tab.prompt.setPlainText("Tell me")
    first = run_to_end(qtbot, tab).value.texts[0]
    tab.system.setText("[[wait]]")  # the next answer never comes
    with qtbot.waitSignal(tab.runner.progress, timeout=10000):
        tab.regenerate_button.click()
    run_to_end(qtbot, tab, tab.stop, "cancelled")
    assert tab.conversation.messages() == [("user", "Tell me"), ("assistant", first)]
    assert first in tab.chat.view.toPlainText()
    tab.system.setText("")
    tab.params.seed.setValue(2)
    second = run_to_end(qtbot, tab, tab.regenerate_button.click).value.texts[0]
    assert tab.conversation.last_reply.texts == [first, second]
    assert tab.chat.switcher.isVisible() and tab.chat.choice.text() == "2/2"
    tab.chat.previous.click()
    assert tab.output_text() == first  # Copy acts on the answer shown
    tab.prompt.setPlainText("More")
    ev = run_to_end(qtbot, tab)
    assert ev.request.history == (("user", "Tell me"), ("assistant", first))
    tab.clear_button.click()
    assert not tab.regenerate_button.isEnabled()
    tab.regenerate()  # nothing to bring back
    assert not tab.runner.busy and not tab.conversation


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


def test_dropping_a_text_file_loads_it_and_can_be_undone(qtbot, make_tab, tiny_gpt2, tmp_path):
    """Issue 6.5: Ctrl+Z brings the typed text back."""
    tab = make_tab(tiny_gpt2)
    tab.prompt.setFocus()
    qtbot.keyClicks(tab.prompt, "typed by hand")
    path = tmp_path / "提示.md"
    path.write_text("# 标题\n从前有座山。", encoding="utf-8")
    with qtbot.waitSignal(tab.io.done, timeout=10000, check_params_cb=lambda k, _v: k == "loaded"):
        _drop(tab.prompt.viewport(), path)
    assert tab.prompt.toPlainText() == "# 标题\n从前有座山。"
    qtbot.keyClick(tab.prompt, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.prompt.toPlainText() == "typed by hand"


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
    completion(tab, "Hello", max_new_tokens=4, seed=1)
    run_to_end(qtbot, tab, signal="failed")
    assert "Model not found" in tab.message.text() and tab.message.level == "error"
    assert tab.prompt.toPlainText() == "Hello"
    tab.apply_settings(dataclasses.replace(tab.settings, models={"writing": str(tiny_gpt2)}))
    value = run_to_end(qtbot, tab).value
    assert value.new_tokens == 4 and value.texts[0]  # seed 1 makes text on these weights
    assert tab.completion.texts[0] == value.texts[0]


def test_failed_chat_message_goes_back_into_the_editor(qtbot, make_tab, tmp_path):
    tab = make_tab(tmp_path / "missing")
    tab.prompt.setPlainText("a question I typed")
    run_to_end(qtbot, tab, signal="failed")
    assert tab.prompt.toPlainText() == "a question I typed"
    assert not tab.conversation


def test_draft_and_outputs_survive_a_restart(qtbot, make_tab, tiny_gpt2, tmp_path):
    path = tmp_path / "d.json"
    tab = make_tab(tiny_gpt2, path)
    completion(tab, "Draft 草稿", max_new_tokens=5, seed=9)
    tab.params.temperature.setValue(1.3)
    text = run_to_end(qtbot, tab).value.texts[0]
    tab.drafts.put("writing", tab.draft())
    tab.drafts.save()
    again = make_tab(tiny_gpt2, path)
    assert again.prompt.toPlainText() == "Draft 草稿"
    assert again.mode.current() == COMPLETION
    assert texts_shown(again) == [text]
    assert again.params.temperature.value() == pytest.approx(1.3)
    assert again.regenerate_button.isEnabled()  # it knows the prompt those texts continue


def test_continue_appends_output_to_prompt(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Start", max_new_tokens=4, seed=2)
    first = run_to_end(qtbot, tab).value.texts[0]
    ev = run_to_end(qtbot, tab, tab.continue_button.click)
    assert ev.request.prompt == "Start" + first
    assert tab.prompt.toPlainText() == "Start" + first


def test_mode_follows_the_models_chat_template(qtbot, make_tab, tiny_gpt2, tiny_chat_gpt2):
    plain = make_tab(tiny_gpt2)
    qtbot.waitUntil(lambda: plain.chat_capable is not None, timeout=10000)
    assert plain.chat_capable is False and plain.mode.current() == COMPLETION
    assert not plain.mode.model().item(plain.mode.findData(CHAT)).isEnabled()
    chat = make_tab(tiny_chat_gpt2)
    qtbot.waitUntil(lambda: chat.chat_capable is not None, timeout=10000)
    assert chat.chat_capable is True and chat.mode.current() == CHAT
    chat.apply_settings(dataclasses.replace(chat.settings, models={"writing": str(tiny_gpt2)}))
    qtbot.waitUntil(lambda: chat.chat_capable is False, timeout=10000)
    assert chat.mode.current() == COMPLETION


def test_keyboard_generate_and_save(qtbot, make_tab, tiny_gpt2, tmp_path):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Keys", max_new_tokens=4, seed=4)
    text = run_to_end(qtbot, tab, lambda: qtbot.keyClick(
        tab.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)).value.texts[0]
    assert tab.prompt.toPlainText() == "Keys"  # Ctrl+Enter generated, it typed no newline
    out = tmp_path / "out.md"
    with qtbot.waitSignal(tab.io.done, timeout=10000, check_params_cb=lambda k, _v: k == "saved"):
        tab.save_output_to(str(out))
    assert out.read_text(encoding="utf-8") == text
    assert "Saved to" in tab.message.text()


def test_regenerate_with_a_fixed_seed_repeats_the_text(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Again", max_new_tokens=6, seed=11)
    first = run_to_end(qtbot, tab).value.texts[0]
    assert run_to_end(qtbot, tab, tab.regenerate_button.click).value.texts[0] == first


def test_long_prompt_is_truncated_with_a_visible_notice(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "word " * 400, max_new_tokens=8)  # the tiny model has 128 positions
    assert run_to_end(qtbot, tab).value.truncated
    assert tab.message.level == "warning" and "truncated" in tab.message.text()


def test_a_failed_run_keeps_the_previous_outputs(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Keep", max_new_tokens=5, sequences=2, seed=1)
    texts = list(run_to_end(qtbot, tab).value.texts)
    tab.params.max_length.setValue(2)  # leaves no room after the prompt: the run fails
    run_to_end(qtbot, tab, signal="failed")
    assert "max_length" in tab.message.text()
    assert texts_shown(tab) == texts


def test_stopping_a_chat_before_any_reply_adds_no_empty_turn(qtbot, make_tab, tiny_chat_gpt2):
    tab = make_tab(tiny_chat_gpt2)
    qtbot.waitUntil(lambda: tab.chat_capable is not None, timeout=10000)
    tab.prompt.setPlainText("[[wait]]Are you there?")
    with qtbot.waitSignal(tab.runner.progress, timeout=10000):
        tab.generate()
    run_to_end(qtbot, tab, tab.stop, "cancelled")
    assert not tab.conversation
    assert tab.prompt.toPlainText() == "[[wait]]Are you there?"  # back to edit or resend


def test_regenerate_uses_the_current_parameters(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Params", max_new_tokens=9, seed=2)
    run_to_end(qtbot, tab)
    tab.params.max_new_tokens.setValue(3)
    tab.prompt.setPlainText("something else typed meanwhile")
    ev = run_to_end(qtbot, tab, tab.regenerate)
    assert ev.request.prompt == "Params"
    assert ev.value.new_tokens == 3


def test_chat_mode_asks_for_one_reply(qtbot, make_tab, tiny_chat_gpt2):
    tab = make_tab(tiny_chat_gpt2)
    qtbot.waitUntil(lambda: tab.chat_capable is not None, timeout=10000)
    assert tab.mode.current() == CHAT
    tab.params.sequences.setValue(3)
    assert not tab.params.sequences.isEnabled()
    tab.params.max_new_tokens.setValue(3)
    tab.prompt.setPlainText("Hi")
    assert run_to_end(qtbot, tab).request.num_return_sequences == 1


def test_stop_strings_parse_like_the_cli(make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    tab.params.stop.setText(r" THE END | \n\n | a\|b ")
    assert tab.params.values()["stop"] == ("THE END", "\n\n", "a|b")


def test_a_chat_message_typed_over_while_waiting_is_not_lost(qtbot, make_tab, tiny_chat_gpt2):
    tab = make_tab(tiny_chat_gpt2)
    qtbot.waitUntil(lambda: tab.chat_capable is not None, timeout=10000)
    tab.prompt.setPlainText("[[wait]]message A")
    with qtbot.waitSignal(tab.runner.progress, timeout=10000):
        tab.generate()
    tab.prompt.setPlainText("message B, typed while A waited")
    assert "message A" in tab.draft()["prompt"]  # an autosave now keeps both
    run_to_end(qtbot, tab, tab.stop, "cancelled")
    assert tab.prompt.toPlainText() == "[[wait]]message A\n\nmessage B, typed while A waited"
    qtbot.keyClick(tab.prompt, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.prompt.toPlainText() == "message B, typed while A waited"


def test_continue_can_be_undone(qtbot, make_tab, tiny_gpt2):
    tab = make_tab(tiny_gpt2)
    completion(tab, "Start", max_new_tokens=4, seed=2)
    first = run_to_end(qtbot, tab).value.texts[0]
    tab.prompt.setPlainText("something new I was typing")
    run_to_end(qtbot, tab, tab.continue_button.click)
    assert tab.prompt.toPlainText() == "Start" + first
    tab.prompt.setFocus()
    qtbot.keyClick(tab.prompt, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.prompt.toPlainText() == "something new I was typing"


def test_an_empty_output_never_replaces_the_previous_texts(qtbot, make_tab, tiny_gpt2):
    """Beam search that ends at once (here: a stop string at the first character)."""
    tab = make_tab(tiny_gpt2)
    completion(tab, "Keep", max_new_tokens=5, sequences=2, seed=1)
    texts = list(run_to_end(qtbot, tab).value.texts)
    tab.params.sample.setChecked(False)  # two greedy texts: beam search
    greedy = run_to_end(qtbot, tab).value.texts
    tab.params.stop.setText(greedy[0][0].replace("\\", "\\\\").replace("|", "\\|")
                            + "|" + greedy[1][0].replace("\\", "\\\\").replace("|", "\\|"))
    value = run_to_end(qtbot, tab).value
    assert value.texts == ("", "")
    assert texts_shown(tab) == list(greedy) and "produced no text" in tab.message.text()
    assert texts != list(greedy)
