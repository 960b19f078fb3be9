"""The Transcription tab driven like a user: drop, transcribe, play from a segment, edit,
export, history; record and transcribe; live mode; a queue with a cancel; bad input.

Jobs run in an engine host on the tiny random Whisper (tests/fixtures/tiny_whisper.py):
its words are random bytes, but its segments, times, progress and cancel are real.
The sound card is ``FakeSoundDevice(manual=True)``: the test clocks the microphone and
the speakers with ``pump``.  The live-mode policy is tested on its own at the end.
"""

from __future__ import annotations

import json
import os
import re

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from studio.core.engines.transcription import Word
from studio.core.history import HistoryStore, request_from_entry
from studio.core.jobs import Segment
from studio.ui.tabs.transcription.agreement import LocalAgreement, segments_of, words_of
from studio.ui.tabs.transcription.options import TranscriptionOptions
from tests.conftest import test_host
from tests.fixtures.fake_sounddevice import FakeSoundDevice

RATE = 16000
MIC_RATE = 48000  # the fake devices' default rate


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from tests.fixtures.tiny_whisper import build_tiny_whisper

    return build_tiny_whisper(tmp_path_factory.mktemp("tiny-whisper"))


def noise(seconds: float, rate: int = RATE, seed: int = 1) -> np.ndarray:
    """Not speech, but loud enough for the random model to write something."""
    rng = np.random.default_rng(seed)
    return np.clip(0.2 * rng.standard_normal(round(seconds * rate)), -1, 1).astype(np.float32)


def clip(path, seconds: float, seed: int = 1) -> np.ndarray:
    sf.write(path, noise(seconds, seed=seed), RATE, subtype="PCM_16")
    return sf.read(path, dtype="float32")[0]


def card(seconds: float = 30.0) -> FakeSoundDevice:
    return FakeSoundDevice(input_devices=["Fake Microphone"], output_devices=["Fake Speakers"],
                           recording=noise(seconds, MIC_RATE), channels=1, manual=True)


def open_tab(qtbot, make_window, tiny, tmp_path, fake=None, **kw):
    w = make_window(sd=fake if fake is not None else card(),
                    recordings=tmp_path / "recordings", **kw)
    w.panel.set_model("transcription", str(tiny))
    w.show_tab("transcription")
    tab = w.pages["transcription"]
    tab.options.beam.setValue(1)  # greedy: the tiny model gives segment times only so
    tab.options.language.setCurrentIndex(tab.options.language.findData("en"))
    qtbot.waitUntil(lambda: w.audio.state == "ready", timeout=5000)
    return w, tab


def drop_files(widget, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(10, 10)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(pos, Qt.DropAction.CopyAction, mime,
                                              Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))


def entries(tmp_path):
    """The transcripts in the window's history, newest first."""
    with HistoryStore(tmp_path / "history" / "history.db", tmp_path / "history" / "outputs") as s:
        return s.list(task="transcription")


def recorded(qtbot, tab, item) -> None:
    qtbot.waitUntil(lambda: tab.history.resolve(item.ref) is not None, timeout=10000)


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def pump_until_running(qtbot, fake, kind: str) -> None:
    qtbot.waitUntil(lambda: fake.pump(1, kind) > 0, timeout=5000)


SRT_CUE = re.compile(r"(\d+)\n(\d\d:\d\d:\d\d,\d\d\d) --> (\d\d:\d\d:\d\d,\d\d\d)\n(.+)", re.S)
VTT_CUE = re.compile(r"(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)\n(.+)", re.S)


def cues(text: str, pattern: re.Pattern) -> list[tuple]:
    blocks = [b for b in text.split("\n\n") if b.strip()]
    found = [pattern.fullmatch(b.strip("\n")) for b in blocks]
    assert all(found), blocks
    return [m.groups() for m in found]


# -- files --------------------------------------------------------------------------------------

def test_drop_transcribe_play_from_a_segment_edit_export_and_history(qtbot, make_window, tiny,
                                                                    tmp_path):
    fake = card()
    w, tab = open_tab(qtbot, make_window, tiny, tmp_path, fake)
    audio = tmp_path / "talk.wav"
    samples = clip(audio, 35.0)  # two 30 s windows: two segments
    fractions, streamed = [], []
    tab.runner.progress.connect(lambda _j, ev: fractions.append(ev.fraction))
    tab.runner.segment.connect(lambda _j, seg: streamed.append(len(tab.view.segments)))
    with qtbot.waitSignal(tab.runner.result, timeout=60000) as done:
        drop_files(tab.drop, [audio])
        assert tab.stop_button.isEnabled() and tab.progress.isVisible()
    result = done.args[1].value
    item = tab.shown
    assert item.path == str(audio) and item.status == "done" and tab.audio_path == str(audio)
    assert len(result.segments) == 2 and result.segments[1].start >= 25
    assert streamed == [1, 2]  # each segment was shown as it came
    assert tab.view.segments == list(result.segments) and tab.view.rowCount() == 2
    known = [f for f in fractions if f is not None]
    assert known == sorted(known) and 0 < known[-1] <= 1
    assert tab.queue.tree.topLevelItem(0).text(1) == "Done"
    assert tab.export_button.isEnabled() and tab.copy_button.isEnabled()

    # A click on the second segment plays the audio from its start.
    qtbot.waitUntil(lambda: tab.preview.samples is not None, timeout=10000)
    second = result.segments[1]
    click_row(qtbot, tab.view, 1)
    pump_until_running(qtbot, fake, "output")
    heard = fake.played[0].data[:, 0]
    start = round(second.start * RATE)
    np.testing.assert_allclose(heard, samples[start:start + len(heard)], atol=1e-4)
    fake.pump(5, "output")
    qtbot.waitUntil(lambda: tab.view.active_row == 1, timeout=5000)  # highlighted
    assert tab.view.item(1, 1).background().color().name() == "#fef3c7"

    # An edit is kept in the exports and the history.
    tab.view.item(0, 1).setText("hello edited text")
    assert tab.shown.edited and tab.shown.segments[0].text == "hello edited text"
    assert tab.queue.tree.topLevelItem(0).text(1) == "Done · edited"
    for fmt in ("srt", "vtt", "txt", "json"):
        with qtbot.waitSignal(tab.exported, timeout=10000):
            tab.export_to(str(tmp_path / f"talk.{fmt}"))
    srt = cues((tmp_path / "talk.srt").read_text(encoding="utf-8"), SRT_CUE)
    assert [c[:3] for c in srt] == [("1", "00:00:00,000", "00:00:30,000"),
                                    ("2", "00:00:30,000", "00:00:35,000")]
    assert srt[0][3] == "hello edited text"
    vtt = (tmp_path / "talk.vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n\n")
    assert [c[:2] for c in cues(vtt.removeprefix("WEBVTT\n"), VTT_CUE)] == [
        ("00:00:00.000", "00:00:30.000"), ("00:00:30.000", "00:00:35.000")]
    assert (tmp_path / "talk.txt").read_text(encoding="utf-8").startswith("hello edited text\n")
    data = json.loads((tmp_path / "talk.json").read_text(encoding="utf-8"))
    assert data["segments"][0] == {"start": 0.0, "end": 30.0, "text": "hello edited text"}
    assert data["language"] == "en" and data["model"] == str(tiny) and "options" in data
    tab.copy_all()
    assert QGuiApplication.clipboard().text().startswith("hello edited text\n")
    assert tab.queue.tree.topLevelItem(0).text(1) == "Done"  # the edit is in the history

    recorded(qtbot, tab, tab.shown)
    edited, original = entries(tmp_path)
    assert original.files == (str(audio),) and original.status == "done"
    assert original.text == result.text and original.request["audio"] == str(audio)
    assert edited.parents == (original.id,) and edited.text.startswith("hello edited text")
    assert edited.files == (str(audio), str(tmp_path / "talk.srt")) and "edited" in edited.tags

    # The transcript shown, edit included, is there again after a restart.
    w.close()
    _w2, tab2 = open_tab(qtbot, make_window, tiny, tmp_path)
    assert tab2.shown.path == str(audio) and tab2.view.item(0, 1).text() == "hello edited text"


def test_a_queue_of_three_files_goes_on_past_the_one_cancelled(qtbot, make_window, tiny,
                                                               tmp_path):
    host = test_host(tmp_path, imports=("tests.fixtures.transcription_behaviours",))
    try:
        w, tab = open_tab(qtbot, make_window, tiny, tmp_path, host=host)
        files = [tmp_path / "a.wav", tmp_path / "b [[park]].wav", tmp_path / "c.wav"]
        for path, seconds in zip(files, (4.0, 40.0, 4.0), strict=True):
            clip(path, seconds)
        drop_files(tab.drop, files)
        items = tab.queue.items
        assert [i.status for i in items] == ["running", "waiting", "waiting"]
        # b stops after its first segment until cancelled (tests/fixtures/transcription_...)
        qtbot.waitUntil(lambda: items[1].status == "running" and bool(items[1].segments),
                        timeout=60000)
        assert items[0].status == "done"
        tab.queue.cancel_button(items[1]).click()
        qtbot.waitUntil(lambda: items[2].status == "done", timeout=60000)
        assert [i.status for i in items] == ["done", "stopped", "done"]
        assert len(items[1].segments) == 1  # the partial transcript is kept
        assert tab.queue.tree.topLevelItem(1).text(1) == "Stopped (partial)"
        assert not tab.queue.cancel_button(items[0]).isEnabled()
        recorded(qtbot, tab, items[2])
        by_file = {e.files[0]: e for e in entries(tmp_path)}
        assert by_file[str(files[1])].status == "stopped"
        assert by_file[str(files[1])].text == items[1].segments[0].text
        assert by_file[str(files[0])].status == by_file[str(files[2])].status == "done"
        w.close()
    finally:
        host.shutdown(5.0)


def test_a_corrupt_file_says_what_is_wrong(qtbot, make_window, tiny, tmp_path):
    _w, tab = open_tab(qtbot, make_window, tiny, tmp_path)
    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk" + bytes(range(256)) * 4)
    with qtbot.waitSignal(tab.runner.failed, timeout=60000):
        tab.open_file(str(bad))
    assert "broken.wav" in tab.message.text() and tab.message.level == "error"
    assert tab.queue.items[0].status == "failed" and bad.exists()
    assert tab.queue.tree.topLevelItem(0).toolTip(1)  # the reason, on the row


def test_use_settings_and_rerun_from_the_history(qtbot, make_window, tiny, tmp_path):
    _w, tab = open_tab(qtbot, make_window, tiny, tmp_path)
    audio = tmp_path / "note.flac"
    clip(audio, 4.0)
    with qtbot.waitSignal(tab.runner.result, timeout=60000):
        tab.open_file(str(audio))
    recorded(qtbot, tab, tab.shown)
    (first,) = entries(tmp_path)
    request = request_from_entry(first)
    tab.options.beam.setValue(4)
    tab.load_request(request)
    assert tab.options.beam.value() == 1 and tab.options.batched.currentData() == "off"
    with qtbot.waitSignal(tab.runner.result, timeout=60000) as done:
        tab.rerun(request, (first.id,))
    assert done.args[1].request == request  # exactly as recorded
    recorded(qtbot, tab, tab.shown)
    again = entries(tmp_path)[0]
    assert again.parents == (first.id,) and again.text == first.text
    assert [i.status for i in tab.queue.items] == ["done", "done"]


def test_chinese_script_follows_the_interface_language_unless_chosen(qtbot):
    options = TranscriptionOptions()
    qtbot.addWidget(options)
    assert options.chinese.currentData() == "auto"
    assert options.request_fields("zh_CN")["chinese"] == "simplified"
    assert options.request_fields("zh_TW")["chinese"] == "traditional"
    assert options.request_fields("en")["chinese"] == "keep"
    options.chinese.setCurrentIndex(options.chinese.findData("traditional"))
    assert options.request_fields("zh_CN")["chinese"] == "traditional"
    assert options.state()["chinese"] == "traditional" and options.state()["batched"] == "auto"


# -- the microphone -------------------------------------------------------------------------------

def record(qtbot, tab, fake, blocks: int) -> None:
    recorder = tab.source.recorder
    qtbot.mouseClick(recorder.button, Qt.MouseButton.LeftButton)
    assert recorder.is_recording
    pump_until_running(qtbot, fake, "input")
    fake.pump(blocks, "input")


def test_a_recording_is_transcribed_when_it_stops(qtbot, make_window, tiny, tmp_path):
    fake = card()
    _w, tab = open_tab(qtbot, make_window, tiny, tmp_path, fake)
    assert tab.source.after.isChecked()  # "Transcribe after recording" is the default
    record(qtbot, tab, fake, 100)  # 2.1 s
    qtbot.waitUntil(lambda: tab.source.recorder.time_label.text() == "0:02", timeout=5000)
    with qtbot.waitSignal(tab.runner.result, timeout=60000) as done:
        qtbot.mouseClick(tab.source.recorder.button, Qt.MouseButton.LeftButton)  # Stop
    item = tab.shown
    assert os.path.dirname(item.path) == str(tmp_path / "recordings")
    assert item.path.endswith(".wav") and not item.path.endswith(".recording.wav")
    assert item.segments == list(done.args[1].value.segments) and tab.view.rowCount() >= 1
    qtbot.waitUntil(lambda: [str(p) for p in tab.recordings.paths()] == [item.path],
                    timeout=5000)
    recorded(qtbot, tab, item)
    assert entries(tmp_path)[0].files == (item.path,)


def test_a_recording_cut_short_is_kept_and_its_error_stays(qtbot, make_window, tiny, tmp_path):
    fake = card()
    _w, tab = open_tab(qtbot, make_window, tiny, tmp_path, fake)
    record(qtbot, tab, fake, 50)
    qtbot.waitUntil(lambda: tab.source.recorder.time_label.text() == "0:01", timeout=5000)
    with qtbot.waitSignal(tab.preview.loaded, timeout=10000) as loaded:
        fake.unplug()
    qtbot.waitUntil(lambda: tab.recordings.paths() != [], timeout=5000)
    assert [str(p) for p in tab.recordings.paths()] == [loaded.args[0]]
    assert "unplugged" in tab.message.text() and tab.message.level == "error"
    assert tab.queue.items == [] and not tab.runner.busy  # not transcribed by itself


def test_live_mode_shows_text_while_recording_and_finishes_on_stop(qtbot, make_window, tiny,
                                                                   tmp_path):
    fake = card()
    _w, tab = open_tab(qtbot, make_window, tiny, tmp_path, fake)
    tab.source.live.setChecked(True)
    chunks = []
    tab.live.runner.result.connect(lambda _j, ev: chunks.append(ev.value))
    record(qtbot, tab, fake, 100)  # 2.1 s: the first chunk
    assert not tab.source.live.isEnabled()  # chosen before recording
    qtbot.waitUntil(lambda: len(chunks) == 1, timeout=60000)
    qtbot.waitUntil(lambda: tab.view.rowCount() >= 1, timeout=5000)
    first = tab.view.text() + tab.view.tentative
    assert first and 1.0 <= chunks[0].duration_s <= 101 * 1024 / MIC_RATE + 0.01
    assert "behind" in tab.info.text()
    fake.pump(100, "input")  # 2.1 s more: the next chunk hears 4.3 s
    qtbot.waitUntil(lambda: len(chunks) == 2, timeout=60000)
    assert chunks[1].duration_s > chunks[0].duration_s
    assert tab.runner.busy is False and tab.queue.items == []  # no file job meanwhile
    with qtbot.waitSignal(tab.live.finished, timeout=60000) as finished:
        qtbot.mouseClick(tab.source.recorder.button, Qt.MouseButton.LeftButton)  # Stop
    live = finished.args[0]
    assert len(chunks) == 3  # the last one covers what was left
    item = tab.shown
    assert item.live and item.status == "done" and item.path == live.path
    assert live.path.endswith(".wav") and not live.path.endswith(".recording.wav")
    assert item.segments == live.segments and tab.view.segments == live.segments
    assert tab.view.tentative == "" and tab.queue.items == [item]  # not transcribed again
    recorded(qtbot, tab, item)
    entry = entries(tmp_path)[0]
    assert entry.files == (live.path,) and "live" in entry.tags
    assert entry.request["audio"] == live.path and entry.text == item.result.text
    assert tab.source.live.isEnabled()


def test_no_microphone_is_a_message(qtbot, make_window, tiny, tmp_path):
    _w, tab = open_tab(qtbot, make_window, tiny, tmp_path, FakeSoundDevice.no_devices())
    tab.source.live.setChecked(True)
    tab.source.recorder.button.click()
    qtbot.waitUntil(lambda: "No audio input device was found" in tab.message.text(),
                    timeout=5000)
    assert not tab.live.active and tab.source.live.isEnabled() and tab.view.rowCount() == 0


# -- the live-mode policy ------------------------------------------------------------------------

def ws(*items) -> list[Word]:
    """Words from (text, start, end) triples."""
    return [Word(s, e, t, None) for t, s, e in items]


def test_two_chunks_that_agree_confirm_their_common_start():
    p = LocalAgreement()
    assert p.feed(ws(("Hello", 0.0, 0.4), ("word", 0.5, 0.9)), 1.0) == []
    assert [w.text for w in p.tentative] == ["Hello", "word"]
    done = p.feed(ws(("hello,", 0.0, 0.4), ("world", 0.5, 0.9), ("again", 1.0, 1.6)), 2.0)
    assert [w.text for w in done] == ["hello,"]  # case and punctuation do not matter
    assert [w.text for w in p.tentative] == ["world", "again"]
    done = p.feed(ws(("Hello,", 0.0, 0.4), ("world", 0.5, 0.9), ("again.", 1.0, 1.6),
                     ("Next", 2.1, 2.5)), 3.0)
    assert [w.text for w in done] == ["world", "again."]
    assert p.anchor == 1.6  # a sentence ended: later chunks start there
    assert [w.text for w in p.finish()] == ["Next"]
    assert [w.text for w in p.confirmed] == ["hello,", "world", "again.", "Next"]


def test_words_heard_again_before_the_confirmed_end_are_not_repeated():
    p = LocalAgreement()
    p.feed(ws(("One", 0, 0.5), ("two.", 0.6, 1.0)), 1.2)
    p.feed(ws(("One", 0, 0.5), ("two.", 0.6, 1.0), ("three", 1.3, 1.8)), 2.0)
    assert p.window_start(3.0) == 1.0
    # the next chunk starts at 1.0 and its times place "two." just after the end
    p.feed(ws(("two.", 1.0, 1.1), ("three", 1.3, 1.8), ("four", 2.0, 2.4)), 3.0)
    assert [w.text for w in p.confirmed] == ["One", "two.", "three"]
    assert [w.text for w in p.tentative] == ["four"]
    assert p.feed(ws(("...", 2.6, 3.9)), 4.0) == [] and p.tentative == []  # noise only


def test_silence_and_chunks_that_never_agree_do_not_hold_the_window_back():
    p = LocalAgreement()
    assert p.feed([], 5.0) == [] and p.window_start(5.0) == 4.0  # a second kept
    for n in range(20):  # noise: every chunk says something else
        now = 6.0 + n
        p.window_start(now)
        p.feed(ws((f"w{n}", now - 1.0, now - 0.5)), now)
    assert now - p.window_start(now + 1) <= 13.0  # MAX_WINDOW_S, plus a step


def test_segments_of_words_and_words_of_segments():
    words = words_of([Segment(1.0, 3.0, "ab cd"), Segment(4.0, 4.0, "x", (
        Word(0.0, 0.0, "x", None),))], offset=10.0)
    assert [(w.text, w.start, w.end) for w in words] == [
        ("ab", 11.0, 12.0), ("cd", 12.0, 13.0), ("x", 14.0, 14.0)]
    segs = segments_of(ws(("Hi.", 0, 1), ("How", 1.1, 1.5), ("are", 3.0, 3.2), ("you", 3.3, 3.5)))
    assert [s.text for s in segs] == ["Hi.", "How", "are you"]  # sentence end, then a pause
    assert segments_of(ws(("好", 0, 1), ("的。", 1, 2)), "zh")[0].text == "好的。"
