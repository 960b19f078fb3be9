"""The window with its engine process: a killed or stuck engine never costs the user's work."""

from __future__ import annotations

import os
import re
import signal

import pytest

from studio.core.drafts import DraftStore
from studio.ui.tabs.base import FORCE_STOP
from tests.conftest import test_host
from tests.ui.helpers import completion, window_writing_with


def earlier_result(qtbot, tab) -> list[str]:
    """A finished completion: the result a later job must not lose."""
    completion(tab, "Earlier", max_new_tokens=5, seed=1)
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    return list(blocker.args[1].value.texts)


def test_engine_killed_mid_job_keeps_everything_and_restarts(qtbot, make_window, tiny_gpt2,
                                                             own_host):
    _w, tab = window_writing_with(make_window, tiny_gpt2, host=own_host)
    earlier = earlier_result(qtbot, tab)
    tab.prompt.setPlainText("[[park]]My long prompt")
    streamed = []
    tab.runner.token.connect(lambda _j, ev: streamed.append(ev.text))
    with qtbot.waitSignal(tab.runner.token, timeout=30000):
        tab.generate()
    pid = own_host.pid
    with qtbot.waitSignal(tab.runner.failed, timeout=30000) as blocker:
        os.kill(pid, signal.SIGKILL)
    message = tab.message.text()
    assert "writing engine stopped unexpectedly (killed by signal 9" in message, message
    assert "while generating" in message and "restarted" in message
    assert tab.prompt.toPlainText() == "[[park]]My long prompt"
    assert tab.completion.texts == ["".join(streamed)] != earlier  # what streamed is kept
    assert tab.run_button.isEnabled() and not tab.runner.busy
    qtbot.waitUntil(lambda: own_host.pid not in (None, pid), timeout=10000)  # a new engine
    tab.prompt.setPlainText("After")
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    assert blocker.args[1].value.new_tokens == 5


def test_engine_crash_keeps_what_streamed_and_says_why(qtbot, make_window, tiny_gpt2, own_host):
    _w, tab = window_writing_with(make_window, tiny_gpt2, host=own_host)
    completion(tab, "[[crash]]boom", max_new_tokens=5)
    with qtbot.waitSignal(tab.runner.failed, timeout=30000) as blocker:
        tab.generate()
    assert "crashed with signal 11, SIGSEGV) while generating" in tab.message.text()
    assert "Fatal Python error" in blocker.args[1].detail  # faulthandler's stack, from the log
    assert tab.completion.texts == ["the last words"]


def test_engine_killed_before_output_keeps_the_previous_result(qtbot, make_window, tiny_gpt2,
                                                               own_host):
    _w, tab = window_writing_with(make_window, tiny_gpt2, host=own_host)
    earlier = earlier_result(qtbot, tab)
    tab.prompt.setPlainText("[[wait]]never answered")
    with qtbot.waitSignal(tab.runner.progress, timeout=30000):
        tab.generate()
    with qtbot.waitSignal(tab.runner.failed, timeout=30000):
        os.kill(own_host.pid, signal.SIGKILL)
    assert "while loading the model" in tab.message.text()
    assert tab.completion.texts == earlier
    assert tab.prompt.toPlainText() == "[[wait]]never answered"


def test_force_stop_restarts_a_stuck_engine(qtbot, make_window, tiny_gpt2, own_host):
    w, tab = window_writing_with(make_window, tiny_gpt2, host=own_host)
    w.panel.force_after.setValue(1)
    completion(tab, "[[hang]]stuck", max_new_tokens=5)
    with qtbot.waitSignal(tab.runner.progress, timeout=30000):
        tab.generate()
    pid = own_host.pid
    tab.stop()
    qtbot.waitUntil(lambda: FORCE_STOP in tab.message.actions(), timeout=10000)
    assert tab.runner.busy  # cooperative cancel did not end it
    with qtbot.waitSignal(tab.runner.cancelled, timeout=10000) as blocker:
        tab.message.button(FORCE_STOP).click()
    assert "Force-stopped" in blocker.args[1].message and "unloaded" in tab.message.text()
    assert not tab.runner.busy and tab.prompt.toPlainText() == "[[hang]]stuck"
    qtbot.waitUntil(lambda: own_host.pid not in (None, pid), timeout=10000)
    completion(tab, "works again", max_new_tokens=3, seed=1)
    with qtbot.waitSignal(tab.runner.result, timeout=30000):
        tab.generate()


def test_close_during_generation_shuts_down_and_keeps_partial(qtbot, make_window, tiny_gpt2,
                                                              stores):
    w, tab = window_writing_with(make_window, tiny_gpt2)
    completion(tab, "[[park]]Closing time", max_new_tokens=100)
    with qtbot.waitSignal(tab.runner.token, timeout=30000):
        tab.generate()
    assert w.shutdown()
    assert not tab.runner.is_running()
    _, drafts = stores
    saved = DraftStore(drafts.path).get("writing")
    assert saved["prompt"] == "[[park]]Closing time"
    assert saved["completion"]["outputs"][0]  # the partial text was kept


def test_closing_with_a_stuck_job_leaves_no_process_behind(qtbot, make_window, tiny_gpt2,
                                                           tmp_path, stores):
    host = test_host(tmp_path)
    w, tab = window_writing_with(make_window, tiny_gpt2, host=host)
    w.owns_host = True  # as in the app: closing the window stops its engine
    completion(tab, "[[hang]]never ends", max_new_tokens=5)
    with qtbot.waitSignal(tab.runner.progress, timeout=30000):
        tab.generate()
    pid = host.pid
    ended = []
    tab.runner.cancelled.connect(lambda j, ev: ended.append(ev))
    w.close()
    assert len(ended) == 1 and not tab.runner.is_running()
    with pytest.raises(ProcessLookupError):  # terminated and reaped: not even a zombie
        os.kill(pid, 0)
    assert DraftStore(stores[1].path).get("writing")["prompt"] == "[[hang]]never ends"


def test_results_are_saved_soon_without_closing_the_window(qtbot, make_window, tiny_gpt2, stores):
    _, tab = window_writing_with(make_window, tiny_gpt2)
    completion(tab, "Autosave", max_new_tokens=4, seed=1)
    with qtbot.waitSignal(tab.runner.result, timeout=30000) as blocker:
        tab.generate()
    text = blocker.args[1].value.texts[0]
    _, drafts = stores
    qtbot.waitUntil(lambda: drafts.path.exists(), timeout=10000)
    assert DraftStore(drafts.path).get("writing")["completion"]["outputs"] == [text]


def test_status_bar_shows_engine_memory_and_unload_frees_models(qtbot, make_window, tiny_gpt2,
                                                                own_host):
    w, tab = window_writing_with(make_window, tiny_gpt2, host=own_host)
    completion(tab, "Load me", max_new_tokens=3, seed=1)
    with qtbot.waitSignal(tab.runner.result, timeout=30000):
        tab.generate()
    own_host.request_stats()
    qtbot.waitUntil(lambda: own_host.last_stats is not None and bool(own_host.last_stats.models),
                    timeout=10000)
    assert re.search(r"engine \d+(\.\d)? MB", w.memory_label.text()), w.memory_label.text()
    w.unload_button.click()
    qtbot.waitUntil(lambda: "Unloaded 1 model" in w.statusBar().currentMessage(), timeout=10000)
    own_host.request_stats()
    qtbot.waitUntil(lambda: own_host.last_stats is not None and not own_host.last_stats.models,
                    timeout=10000)
