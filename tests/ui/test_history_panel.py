"""The History dock driven like a user: results recorded by the Writing tab, found, re-run.

Every window of a test shares the test's history folder (``make_window``), so a new
window is the app after a restart.  Jobs run in the session's engine host on the tiny
GPT-2; ``[[park]]`` holds a job after its first token until Stop.
"""

from __future__ import annotations

import json
import wave

import pytest
from PySide6.QtGui import QGuiApplication, QImage, QPixmap

from studio.__main__ import main
from studio.core.history import HistoryStore
from studio.ui.history.media import Media
from studio.ui.history.model import HistoryModel
from studio.ui.history_service import HistoryService
from tests.ui.helpers import completion, window_writing_with


def written(qtbot, w, action, timeout=30000) -> int:
    """Do ``action`` (a job) and wait until the history has its result; returns the id."""
    with qtbot.waitSignal(w.history.recorded, timeout=timeout) as blocker:
        action()
    return blocker.args[1]


def write(qtbot, w, prompt: str, **params) -> int:
    tab = w.pages["writing"]
    completion(tab, prompt, **params)
    return written(qtbot, w, tab.generate)


def write_stopped(qtbot, w, prompt: str, **params) -> int:
    """A job stopped after its first token ("[[park]]" holds it there)."""
    tab = w.pages["writing"]
    completion(tab, "[[park]]" + prompt, **params)
    with qtbot.waitSignal(tab.runner.token, timeout=30000):
        tab.generate()
    return written(qtbot, w, tab.stop, 10000)


def open_panel(qtbot, w):
    """The History dock, opened (Ctrl+H) unless the saved window state opened it."""
    panel = w.history_dock.panel
    if not w.history_dock.isVisible():
        w.history_dock.toggle.trigger()
    qtbot.waitUntil(lambda: not panel.model.waiting, timeout=10000)
    return panel


def shown(panel) -> list:
    return [row.entry for row in panel.model.rows]


def search(qtbot, panel, text: str) -> list:
    panel.filters.search.setText(text)  # debounced: one query after the pause
    qtbot.waitUntil(lambda: panel.model.filters.get("search") == (text or None)
                    and not panel.model.waiting, timeout=10000)
    return shown(panel)


def select(qtbot, panel, rid: int):
    panel.select_id(rid)
    qtbot.waitUntil(lambda: panel.detail.row is not None and panel.detail.row.entry.id == rid
                    and panel._detail_token is None, timeout=10000)
    return panel.detail.row


def refreshed(qtbot, panel, action) -> None:
    """Do ``action`` (a write) and wait until the list has read it back."""
    with qtbot.waitSignal(panel.service.changed, timeout=10000):
        action()
    qtbot.waitUntil(lambda: not panel.model.waiting, timeout=10000)


@pytest.fixture
def window(make_window, tiny_gpt2):
    return lambda **kw: window_writing_with(make_window, tiny_gpt2, **kw)


def test_done_and_stopped_texts_are_listed_newest_first_after_a_restart(qtbot, window):
    w, tab = window()
    first = write(qtbot, w, "Once upon a time", max_new_tokens=8, seed=3)
    text = tab.completion.texts[0]
    chinese = write(qtbot, w, "今天天气很好，我们去", max_new_tokens=6, seed=4)
    stopped = write_stopped(qtbot, w, "The sea waves", max_new_tokens=100, seed=5)
    partial = tab.completion.texts[0]
    assert partial and tab.result_id == stopped
    w.close()

    w2, _ = window()
    panel = open_panel(qtbot, w2)
    entries = shown(panel)
    assert [e.id for e in entries] == [stopped, chinese, first]
    assert [e.status for e in entries] == ["stopped", "done", "done"]
    assert entries[2].text == text and entries[0].text == partial
    assert entries[2].request["seed"] == 3 and entries[2].request["revision"]
    assert entries[0].request["seed"] == 5  # the seed the stopped job really used
    assert panel.count.text() == "3 results"
    row = select(qtbot, panel, stopped)
    assert "stopped" in panel.detail.meta.text()
    assert panel.detail.text.toPlainText() == row.entry.text
    panel.list.viewport().grab()  # every row paints (badges, marks) without errors


def test_search_finds_english_and_chinese_words_and_filters_narrow(qtbot, window):
    w, _ = window()
    english = write(qtbot, w, "The lighthouse keeper", max_new_tokens=5, seed=1)
    chinese = write(qtbot, w, "今天天气很好", max_new_tokens=5, seed=2)
    panel = open_panel(qtbot, w)
    assert [e.id for e in search(qtbot, panel, "lighthouse")] == [english]
    assert [e.id for e in search(qtbot, panel, "天气")] == [chinese]  # a 2-character word
    assert [e.id for e in search(qtbot, panel, "天")] == [chinese]
    assert search(qtbot, panel, "nowhere-to-be-found") == []
    assert panel.count.text() == "Nothing matches."
    search(qtbot, panel, "")
    with qtbot.waitSignal(panel.model.loaded, timeout=10000):
        panel.filters.task.setCurrentIndex(panel.filters.task.findData("painting"))
    assert shown(panel) == []
    with qtbot.waitSignal(panel.model.loaded, timeout=10000):
        panel.filters.task.setCurrentIndex(panel.filters.task.findData("writing"))
    with qtbot.waitSignal(panel.model.loaded, timeout=10000):
        panel.filters.period.setCurrentIndex(panel.filters.period.findData(1))  # today
    assert [e.id for e in shown(panel)] == [chinese, english]
    model = w.pages["writing"].settings.model_for("writing")
    qtbot.waitUntil(lambda: panel.filters.model.findData(model) >= 0, timeout=10000)
    with qtbot.waitSignal(panel.model.loaded, timeout=10000):
        panel.filters.model.setCurrentIndex(panel.filters.model.findData(model))
    assert len(shown(panel)) == 2


def test_favourite_toggles_and_persists(qtbot, window):
    w, _ = window()
    one = write(qtbot, w, "First text", max_new_tokens=4, seed=1)
    two = write(qtbot, w, "Second text", max_new_tokens=4, seed=2)
    panel = open_panel(qtbot, w)
    select(qtbot, panel, one)
    refreshed(qtbot, panel, panel.detail.buttons["favourite"].click)
    assert [e.favourite for e in shown(panel)] == [False, True]
    assert panel.detail.buttons["favourite"].isChecked()
    with qtbot.waitSignal(panel.model.loaded, timeout=10000):
        panel.filters.favourites.setChecked(True)
    assert [e.id for e in shown(panel)] == [one]
    w.close()
    w2, _ = window()
    assert w2.history_dock.isVisible()  # the window state remembers the open dock
    panel = open_panel(qtbot, w2)
    assert [(e.id, e.favourite) for e in shown(panel)] == [(two, False), (one, True)]
    select(qtbot, panel, one)
    refreshed(qtbot, panel, lambda: panel.act("favourite"))
    assert not any(e.favourite for e in shown(panel))


def _png(path) -> str:
    image = QImage(32, 24, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    assert image.save(str(path))
    return str(path)


def _wav(path, seconds: float = 1.5, rate: int = 8000) -> str:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\0\0" * int(seconds * rate))
    return str(path)


def recorded(qtbot, w, task: str, prompt: str, files=()) -> int:
    """A result of a tab that does not record yet (painting, voice), written straight in."""
    with qtbot.waitSignal(w.history.recorded, timeout=10000) as blocker:
        w.history.record(task, {"prompt": prompt}, files=list(files), model="test-model")
    return blocker.args[1]


def test_delete_asks_about_files_only_when_there_are_some(qtbot, window, tmp_path):
    w, _ = window(history_dir=tmp_path / "data")
    text = write(qtbot, w, "A text to delete", max_new_tokens=4, seed=1)
    made = tmp_path / "data" / "outputs" / "cat.png"  # what the app saved: may go with it
    made.parent.mkdir(parents=True)
    mine = tmp_path / "mine.png"  # the user's own file (e.g. an init image): always stays
    painted = recorded(qtbot, w, "painting", "a cat", [_png(made), _png(mine)])
    panel = open_panel(qtbot, w)
    asked = []

    def answer(value):
        return lambda entry: asked.append((entry.id, bool(entry.made_files))) or value

    select(qtbot, panel, painted)
    panel.confirm_delete = answer(None)  # cancelled: nothing happens
    panel.act("delete")
    assert asked == [(painted, True)] and len(shown(panel)) == 2
    panel.confirm_delete = answer(True)  # delete its files too
    refreshed(qtbot, panel, lambda: panel.act("delete"))
    assert [e.id for e in shown(panel)] == [text]
    assert not made.exists() and mine.exists()
    qtbot.waitUntil(lambda: panel.detail.row is None, timeout=10000)
    select(qtbot, panel, text)
    panel.confirm_delete = answer(False)
    refreshed(qtbot, panel, lambda: panel.detail.buttons["delete"].click())
    assert asked[-1] == (text, False) and shown(panel) == []
    assert panel.count.text().startswith("Nothing here yet")


def test_missing_files_show_as_missing_and_previews_load(qtbot, window, tmp_path):
    w, _ = window()
    gone = recorded(qtbot, w, "painting", "a lost picture", [_png(tmp_path / "lost.png")])
    (tmp_path / "lost.png").unlink()  # the user moved it
    image = _png(tmp_path / "kept.png")
    painted = recorded(qtbot, w, "painting", "a kept picture", [image])
    sound = _wav(tmp_path / "hello.wav")
    spoken = recorded(qtbot, w, "voice", "hello", [sound])
    panel = open_panel(qtbot, w)
    rows = {r.entry.id: r for r in panel.model.rows}
    assert rows[gone].missing == rows[gone].entry.files and not rows[painted].missing
    panel.list.viewport().grab()  # paints, and asks for the previews
    qtbot.waitUntil(lambda: isinstance(panel.media.preview(image), QPixmap)
                    and panel.media.preview(sound) is not None, timeout=10000)
    assert panel.media.preview(image).width() > 0
    assert panel.media.preview(sound) == pytest.approx(1.5, abs=0.01)
    panel.list.viewport().grab()  # with the thumbnail and the duration
    select(qtbot, panel, gone)
    assert panel.detail.missing.isVisibleTo(panel) and "missing" in panel.detail.missing.text()
    assert not panel.detail.buttons["open"].isEnabled()
    assert not panel.detail.buttons["reveal"].isEnabled()
    opened = []
    panel.open_url = opened.append
    select(qtbot, panel, spoken)
    panel.act("open")
    panel.act("reveal")
    assert [u.toLocalFile() for u in opened] == [sound, str(tmp_path)]
    panel.act("copy")
    assert QGuiApplication.clipboard().text() == sound


def test_use_settings_fills_the_writing_controls(qtbot, window, tiny_gpt2):
    w, tab = window()
    completion(tab, "Settings to bring back", max_new_tokens=7, seed=21)
    tab.params.temperature.setValue(1.3)
    tab.params.top_k.setValue(7)
    tab.params.stop.setText(r"\n\n | THE END | a\|b")
    rid = written(qtbot, w, tab.generate)
    text = tab.completion.texts[0]
    completion(tab, "something else", max_new_tokens=3, seed=-1)
    tab.params.temperature.setValue(0.5)
    tab.params.stop.setText("")
    w.panel.backend.setCurrentIndex(w.panel.backend.findData("auto"))
    panel = open_panel(qtbot, w)
    select(qtbot, panel, rid)
    panel.detail.buttons["use"].click()
    assert tab.prompt.toPlainText() == "Settings to bring back"
    assert tab.params.max_new_tokens.value() == 7 and tab.params.seed.value() == 21
    assert tab.params.temperature.value() == pytest.approx(1.3)
    assert tab.params.top_k.value() == 7
    assert tab.params.values()["stop"] == ("\n\n", "THE END", "a|b")
    assert tab.settings.model_for("writing") == str(tiny_gpt2)
    assert tab.settings.writing_backend == "transformers"  # the backend it really ran on
    assert f"#{rid}" in tab.message.text()
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()  # the loaded settings give the same text again
    assert blocker.args[1].value.texts[0] == text


def test_rerun_with_the_stored_seed_gives_the_same_text(qtbot, window):
    w, tab = window()
    rid = write(qtbot, w, "Run me again", max_new_tokens=10, seed=11)
    completion(tab, "A different prompt", max_new_tokens=3, seed=2)  # Re-run ignores these
    panel = open_panel(qtbot, w)
    select(qtbot, panel, rid)
    original = panel.detail.row.entry
    again = written(qtbot, w, panel.detail.buttons["rerun"].click)
    qtbot.waitUntil(lambda: shown(panel)[0].id == again, timeout=10000)
    entry = shown(panel)[0]
    assert entry.text == original.text and tab.completion.texts == [original.text]
    assert entry.parents == (rid,) and entry.request == original.request


def test_continue_is_recorded_as_a_child_and_the_lineage_links_select(qtbot, window):
    w, tab = window()
    parent = write(qtbot, w, "Begin", max_new_tokens=5, seed=2)
    child = written(qtbot, w, tab.continue_button.click)
    panel = open_panel(qtbot, w)
    select(qtbot, panel, child)
    assert panel.detail.row.entry.parents == (parent,)
    qtbot.waitUntil(lambda: f"#{parent}" in panel.detail.lineage.text(), timeout=10000)
    assert "Made from" in panel.detail.lineage.text()
    panel.detail.lineage.linkActivated.emit(str(parent))
    assert panel.list.currentIndex().row() == panel.model.row_of(parent)
    qtbot.waitUntil(lambda: "Used by" in panel.detail.lineage.text(), timeout=10000)
    assert f"#{child}" in panel.detail.lineage.text()
    w.close()  # the draft remembers which record the shown text is
    w2, tab2 = window()
    grandchild = written(qtbot, w2, tab2.continue_button.click)
    with HistoryStore(w2.history.path, w2.history.outputs) as store:
        assert store.get(grandchild).parents == (child,)


def test_chat_messages_chain_and_come_back_with_their_conversation(qtbot, make_window,
                                                                  tiny_chat_gpt2):
    w, tab = window_writing_with(make_window, tiny_chat_gpt2)
    qtbot.waitUntil(lambda: tab.chat_capable is not None, timeout=10000)
    tab.params.max_new_tokens.setValue(5)
    tab.params.seed.setValue(1)
    tab.prompt.setPlainText("你好")
    first = written(qtbot, w, tab.generate)
    tab.prompt.setPlainText("And then?")
    second = written(qtbot, w, tab.generate)
    history = tab.conversation.history()
    panel = open_panel(qtbot, w)
    entries = {e.id: e for e in shown(panel)}
    assert entries[first].prompt == "你好" and entries[second].prompt == "And then?"
    assert entries[second].parents == (first,)
    tab.clear_conversation()
    select(qtbot, panel, second)
    panel.act("use")
    assert tab.conversation.history() == history[:2]  # the turns the message was sent after
    assert tab.prompt.toPlainText() == "And then?"
    again = written(qtbot, w, lambda: panel.act("rerun"))
    assert tab.conversation.history() == history
    with HistoryStore(w.history.path, w.history.outputs) as store:
        assert store.get(again).text == entries[second].text


def test_a_corrupt_history_file_is_set_aside_with_a_warning(qtbot, window, tmp_path):
    folder = tmp_path / "history"
    folder.mkdir()
    (folder / "history.db").write_bytes(b"this is not a database" * 100)
    w, _ = window()
    qtbot.waitUntil(lambda: "history" in w.notice.text(), timeout=10000)
    assert w.notice.level == "warning" and "history.db.bad" in w.notice.text()
    assert (folder / "history.db.bad").exists()
    rid = write(qtbot, w, "Still works", max_new_tokens=4, seed=1)
    assert [e.id for e in shown(open_panel(qtbot, w))] == [rid]


def test_a_history_that_cannot_be_opened_is_said_once_and_writing_still_works(qtbot, window,
                                                                             tmp_path):
    (tmp_path / "history" / "history.db").mkdir(parents=True)  # a folder in its place
    w, tab = window()
    qtbot.waitUntil(lambda: w.history.available is False, timeout=10000)
    assert w.notice.level == "error" and "could not be opened" in w.notice.text()
    completion(tab, "Not recorded", max_new_tokens=4, seed=1)
    with qtbot.waitSignal(tab.runner.result, timeout=30000):
        tab.generate()
    panel = open_panel(qtbot, w)
    qtbot.waitUntil(lambda: "not available" in panel.message.text(), timeout=10000)
    assert tab.completion.texts[0] and w.notice.text().count("could not be opened") == 1


def test_stale_answers_are_dropped_and_shutdown_saves_what_was_queued(qtbot, tmp_path):
    service = HistoryService(tmp_path / "h.db", tmp_path / "out")
    refs = [service.record("writing", {"prompt": f"p{i}"}, text=f"t{i}") for i in range(5)]
    service.record("writing", {"prompt": "child"}, parents=[refs[-1]])  # before 5 has an id
    model = HistoryModel(service, Media())
    loads = []
    model.loaded.connect(lambda: loads.append([r.entry.prompt for r in model.rows]))
    model.set_filters({"search": "p1"})
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.set_filters({"search": "p4"})  # the user typed on: the first answer is stale
    assert loads == [["p4"]]
    service.record("writing", {"prompt": "last"})
    assert service.shutdown(5000) and not service.is_running()  # the queued record is kept
    with HistoryStore(tmp_path / "h.db", tmp_path / "out") as store:
        assert store.count() == 7
        assert store.get(6).parents == (5,)


def test_acceptance_three_texts_restart_search_rerun_favourite_delete(
        qtbot, window, tmp_path, monkeypatch, capsys):
    """Issue 9: what the window shows is what ``aigc-studio history list --json`` shows."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "data" / "aigc-studio"  # the CLI's history, in its usual place
    w, _ = window(history_dir=folder)
    a = write(qtbot, w, "A poem about autumn leaves", max_new_tokens=8, seed=7)
    b = write(qtbot, w, "A letter to a friend", max_new_tokens=8, seed=8)
    c = write_stopped(qtbot, w, "A story of the river", max_new_tokens=100, seed=9)
    w.close()

    w2, tab = window(history_dir=folder)
    panel = open_panel(qtbot, w2)
    assert [e.id for e in search(qtbot, panel, "autumn")] == [a]
    select(qtbot, panel, a)
    text = panel.detail.row.entry.text
    again = written(qtbot, w2, lambda: panel.act("rerun"))
    assert tab.completion.texts == [text]
    search(qtbot, panel, "")
    select(qtbot, panel, b)
    refreshed(qtbot, panel, lambda: panel.act("favourite"))
    select(qtbot, panel, c)
    panel.confirm_delete = lambda _entry: False
    refreshed(qtbot, panel, lambda: panel.act("delete"))
    window_state = [(e.id, e.favourite, e.status, e.text) for e in shown(panel)]
    w2.close()

    assert main(["history", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(e["id"], e["favourite"], e["status"], e["text"]) for e in listed["entries"]] == \
        window_state
    assert [e[0] for e in window_state] == [again, b, a] and window_state[0][3] == text
