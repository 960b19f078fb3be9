"""Voice tab driven like a user: type, Speak, hear it while it is made, Stop, save, takes.

Jobs run in the session's engine host on the tiny random VITS voice (16 kHz noise, about
1.4 s a sentence); ``[[park]]`` (tests/fixtures/host_behaviours) holds a job after its
first sentence until Stop.  The sound card is ``FakeSoundDevice(manual=True)``: the
test clocks it with ``fake.pump``, so every wait is on a state, never on time.  One
test plays through the real PortAudio path into a PulseAudio null sink.
"""

from __future__ import annotations

import math
import os
import re

import numpy as np
import pytest
import soundfile as sf

from studio.core.audio.levels import level
from studio.core.audio.write import writable_formats
from studio.core.history import HistoryStore
from studio.core.settings import Settings
from studio.ui.tabs.voice.controls import SAMPLES
from tests.fixtures import pulse
from tests.fixtures.fake_sounddevice import FakeSoundDevice
from tests.fixtures.processes import wait_until
from tests.fixtures.tiny_vits import build_tiny_vits

TEXT = "The first sentence is here. A second one follows. And a third."
BLOCK = 1024


@pytest.fixture(scope="module")
def tiny_vits(tmp_path_factory) -> str:
    return str(build_tiny_vits(tmp_path_factory.mktemp("ui-vits")))


def speakers() -> FakeSoundDevice:
    return FakeSoundDevice(input_devices=[], output_devices=["Fake Speakers"], channels=1,
                           manual=True)


@pytest.fixture
def window(make_window, tiny_vits, qtbot):
    def make(**kw):
        w = make_window(**kw)
        w.panel.set_model("voice", tiny_vits)  # chosen in the settings panel, as a user would
        w.show_tab("voice")
        tab = w.pages["voice"]
        assert tab.settings.model_for("voice") == tiny_vits
        qtbot.waitUntil(lambda: w.audio.state in ("ready", "unavailable"), timeout=10000)
        return w, tab
    return make


def recorded(qtbot, w, action, timeout=60000) -> int:
    """Do ``action`` and wait until the history has recorded its take; returns the id."""
    with qtbot.waitSignal(w.history.recorded, timeout=timeout) as blocker:
        action()
    return blocker.args[1]


def entry(w, rid: int):
    with HistoryStore(w.history.path, w.history.outputs) as store:
        return store.get(rid)


def pump_until_running(qtbot, fake) -> None:
    qtbot.waitUntil(lambda: fake.pump(1, "output") > 0, timeout=10000)


def played(fake) -> np.ndarray:
    return np.concatenate([p.data[:, 0] for p in fake.played])


def srt_end(path) -> float:
    """The end of the last cue of an SRT file, in seconds."""
    h, m, s, ms = re.findall(r"--> (\d+):(\d+):(\d+),(\d+)", path.read_text("utf-8"))[-1]
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def save_as(qtbot, tab, path) -> None:
    with qtbot.waitSignal(tab.io.done, timeout=20000,
                          check_params_cb=lambda kind, _v: kind == "exported"):
        tab.save_take_to(str(path))


def test_speech_plays_while_it_is_made_and_stop_keeps_the_sentences_made(
        qtbot, window, tmp_path):
    fake = speakers()
    w, tab = window(sd=fake)
    tab.text.setPlainText("[[park]]" + TEXT)
    with qtbot.waitSignal(tab.runner.audio_chunk, timeout=60000) as chunk:
        tab.run_button.click()
    first = chunk.args[1].samples
    pump_until_running(qtbot, fake)
    fake.pump(math.ceil(len(first) / BLOCK) + 2, "output")
    assert tab.busy and tab.stop_button.isEnabled()  # the job still runs: parked after one
    np.testing.assert_allclose(played(fake)[: len(first)], first, atol=1e-6)
    qtbot.waitUntil(lambda: tab.preview.transport.state == "waiting", timeout=5000)
    # it played the sentence to its end (less the fake's 0.1 s latency), waiting for more
    assert tab.preview.transport.position_s == pytest.approx(len(first) / 16000 - 0.1, abs=0.1)
    qtbot.waitUntil(lambda: tab.spoken.lit == 0 and bool(tab.text.extraSelections()), timeout=5000)
    assert "first sentence" in tab.text.extraSelections()[0].cursor.selectedText()

    rid = recorded(qtbot, w, tab.stop_button.click)  # Stop keeps the sentence made
    assert "kept" in tab.message.text()
    e = entry(w, rid)
    assert e.status == "stopped" and e.text == "The first sentence is here."
    assert e.request["seed"] is not None and e.model == tab.settings.model_for("voice")
    audio, srt = e.files
    assert audio.endswith((".flac", ".wav")) and srt.endswith(".srt")
    assert sf.info(audio).frames == len(first)
    assert srt_end(tmp_path / srt) == pytest.approx(len(first) / 16000, abs=0.001)
    qtbot.waitUntil(lambda: tab.takes.ids()[:1] == [rid], timeout=10000)
    assert tab.takes.selected().id == rid and "stopped" in tab.takes.list.item(0).text()
    assert tab.preview.duration_s == pytest.approx(len(first) / 16000)

    save_as(qtbot, tab, tmp_path / "kept.wav")
    data, rate = sf.read(tmp_path / "kept.wav", dtype="float32")
    assert rate == 16000 and len(data) == len(first)
    assert srt_end(tmp_path / "kept.srt") == pytest.approx(len(data) / rate, abs=0.001)
    assert "kept.wav" in tab.message.text()


def test_later_sentences_are_appended_and_the_take_is_saved_in_every_format(
        qtbot, window, tmp_path):
    fake = speakers()
    w, tab = window(sd=fake)
    tab.text.setPlainText(TEXT)
    chunks = []
    tab.runner.audio_chunk.connect(lambda _job, ev: chunks.append(len(ev.samples)))
    with qtbot.waitSignal(tab.runner.result, timeout=60000) as done:
        rid = recorded(qtbot, w, tab.speak)
    result = done.args[1].value
    assert len(chunks) == 3 and sum(chunks) == len(result.samples)
    assert w.audio.player.status().duration_s == pytest.approx(result.duration_s)
    assert w.audio.player.status().complete  # finish() after the last sentence
    pump_until_running(qtbot, fake)
    fake.pump(math.ceil(len(result.samples) / BLOCK) + 4, "output")
    qtbot.waitUntil(lambda: tab.preview.transport.state == "ended", timeout=5000)
    np.testing.assert_allclose(played(fake)[: len(result.samples)], result.samples, atol=1e-6)
    e = entry(w, rid)
    assert e.status == "done" and e.text == " ".join(s.text for s in result.sentences)
    assert e.request["text"] == TEXT and e.timings["audio_s"] == pytest.approx(result.duration_s)

    for suffix in [f".{f.lower()}" for f in writable_formats()]:
        save_as(qtbot, tab, tmp_path / f"speech{suffix}")
        assert sf.info(tmp_path / f"speech{suffix}").duration == pytest.approx(
            result.duration_s, abs=0.06)  # MP3 pads its frames
    srt = (tmp_path / "speech.srt").read_text("utf-8")
    assert srt.count("-->") == 3 and "A second one follows." in srt
    assert srt_end(tmp_path / "speech.srt") == pytest.approx(result.duration_s, abs=0.001)


def test_without_speakers_a_clear_message_and_the_take_is_still_saved(qtbot, window, tmp_path):
    w, tab = window()  # a machine without a sound card
    assert w.audio.outputs() == []
    tab.text.setPlainText(TEXT)
    rid = recorded(qtbot, w, tab.speak)
    qtbot.waitUntil(lambda: "No audio output device" in tab.message.text(), timeout=10000)
    assert "Save as" in tab.message.text() and tab.message.level == "error"
    assert entry(w, rid).status == "done"
    save_as(qtbot, tab, tmp_path / "silent-machine.wav")
    assert sf.info(tmp_path / "silent-machine.wav").frames > 16000
    assert (tmp_path / "silent-machine.srt").read_text("utf-8").count("-->") == 3


def test_use_settings_and_rerun_from_the_history_and_drafts_survive_a_restart(
        qtbot, window, tiny_vits):
    w, tab = window()
    c = tab.controls
    qtbot.waitUntil(lambda: c.info is not None, timeout=10000)
    assert "16000 Hz" in c.about.text() and c.seed.isVisibleTo(tab)  # a transformers voice
    tab.text.setPlainText("Bring these settings back. Please.")
    c.speed.setValue(1.25)
    c.volume.setValue(80)
    c.pause.setValue(0.4)
    c.noise.setValue(0.5)
    c.seed.setValue(7)
    rid = recorded(qtbot, w, tab.speak)
    take = tab.take.samples
    tab.text.setPlainText("something else")
    for box, value in ((c.speed, 1.0), (c.volume, 100), (c.pause, 0.1), (c.noise, -0.05),
                       (c.seed, -1)):
        box.setValue(value)
    panel = w.history_dock.panel
    w.history_dock.toggle.trigger()  # Ctrl+H
    panel.select_id(rid)
    qtbot.waitUntil(lambda: panel.detail.row is not None and panel.detail.row.entry.id == rid,
                    timeout=10000)
    panel.detail.buttons["use"].click()
    assert tab.text.toPlainText() == "Bring these settings back. Please."
    assert (c.speed.value(), c.volume.value(), c.pause.value(), c.noise.value(),
            c.seed.value()) == (pytest.approx(1.25), 80, pytest.approx(0.4), 0.5, 7)
    assert c.noise_w.value() < 0  # "voice default" stays so
    again = recorded(qtbot, w, panel.detail.buttons["rerun"].click)
    assert entry(w, again).parents == (rid,)
    np.testing.assert_array_equal(tab.take.samples, take)  # same seed, same speech
    path = tab.take.audio
    w.close()

    _, tab2 = window()
    assert tab2.text.toPlainText() == "Bring these settings back. Please."
    assert tab2.controls.state() == c.state()
    assert tab2.take.audio == path
    qtbot.waitUntil(lambda: tab2.preview.duration_s > 0, timeout=10000)  # the take is back
    qtbot.waitUntil(lambda: tab2.takes.ids()[:2] == [again, rid], timeout=10000)


def test_takes_list_replays_and_deletes_with_its_files(qtbot, window, tmp_path):
    fake = speakers()
    w, tab = window(sd=fake)
    tab.text.setPlainText("One take to play again.")
    first = recorded(qtbot, w, tab.speak)
    tab.text.setPlainText("Another take.")
    second = recorded(qtbot, w, tab.speak)
    qtbot.waitUntil(lambda: tab.takes.ids()[:2] == [second, first], timeout=10000)
    tab.takes.select_id(first)
    with qtbot.waitSignal(tab.preview.loaded, timeout=10000):
        tab.takes.play_button.click()  # decoded off the UI thread, then played
    assert tab.take.audio == entry(w, first).files[0] and tab.take.samples is None
    pump_until_running(qtbot, fake)
    qtbot.waitUntil(lambda: tab.preview.transport.state in ("playing", "starting"), timeout=5000)
    save_as(qtbot, tab, tmp_path / "again.ogg")  # a take from the list saves from its file
    assert (tmp_path / "again.srt").read_text("utf-8").count("-->") == 1

    files = entry(w, first).files
    asked = []
    tab.takes.confirm_delete = lambda e: asked.append(e.id) or False
    tab.takes.delete_button.click()
    assert asked == [first] and first in tab.takes.ids()
    tab.takes.confirm_delete = lambda e: True
    with qtbot.waitSignal(w.history.changed, timeout=10000):
        tab.takes.delete_button.click()
    qtbot.waitUntil(lambda: tab.takes.ids()[:1] == [second] and not tab.takes.waiting,
                    timeout=10000)
    assert entry(w, first) is None and not any(os.path.exists(f) for f in files)


def test_voice_picker_messages_and_text_files(qtbot, window, tiny_vits, tmp_path):
    w, tab = window()
    c = tab.controls
    ids = [c.voice.itemData(i) for i in range(c.voice.count())]
    assert "piper-en-us-joe" in ids and "piper-zh-cn-huayan" in ids
    qtbot.waitUntil(lambda: "not downloaded" in c.voice.itemText(
        ids.index("piper-zh-cn-huayan")), timeout=20000)
    assert c.current_voice() == tab.settings.model_for("voice")
    c.voice.setCurrentIndex(ids.index("piper-en-us-joe"))
    c.voice.activated.emit(c.voice.currentIndex())  # as a user's pick
    assert w.settings.model_for("voice") == "piper-en-us-joe"  # the settings panel follows
    w.panel.set_model("voice", tiny_vits)  # and the tab follows the panel
    assert c.current_voice() == tiny_vits and tab.settings.model_for("voice") == tiny_vits

    tab.text.setPlainText("😀😀😀")
    with qtbot.waitSignal(tab.runner.failed, timeout=60000):
        tab.speak()
    assert "emoji" in tab.message.text()

    doc = tmp_path / "story.md"
    doc.write_text("# A story\n\nIt begins here.", encoding="utf-8")
    with qtbot.waitSignal(tab.io.done, timeout=10000,
                          check_params_cb=lambda kind, _v: kind == "loaded"):
        w.open_files([str(doc)])
    assert w.current_task() == "voice" and tab.text.toPlainText().endswith("It begins here.")


def test_preview_speaks_a_sample_sentence_and_keeps_no_take(qtbot, window):
    _, tab = window()
    with qtbot.waitSignal(tab.runner.result, timeout=60000) as done:
        tab.controls.preview_button.click()
    assert done.args[1].request.text == SAMPLES["en"]
    assert tab.take is None and not tab.save_button.isEnabled()
    assert tab.preview.duration_s > 0  # heard in the player
    qtbot.wait(200)
    assert tab.takes.ids() == []


def test_audio_that_grows_while_playing_waits_then_plays_on(qtbot, tmp_path):
    from studio.ui.audio_service import AudioService
    from studio.ui.widgets.audio_preview import AudioPreview

    fake = speakers()
    audio = AudioService(Settings(), sd=fake, folder=tmp_path)
    audio.start()
    qtbot.waitUntil(lambda: audio.state == "ready", timeout=5000)
    preview = AudioPreview(audio)
    qtbot.addWidget(preview)
    rate = 16000
    a, b = np.full(3000, 0.25, np.float32), np.full(5000, -0.5, np.float32)
    preview.start_stream(a, rate)  # plays at once
    assert preview.streaming and audio.owner is preview
    pump_until_running(qtbot, fake)
    fake.pump(4, "output")  # past the end of what is there: silence, not the end
    qtbot.waitUntil(lambda: preview.transport.state == "waiting", timeout=5000)
    preview.append(b)
    assert preview.duration_s == pytest.approx(8000 / rate)
    assert preview.waveform.duration_s == pytest.approx(8000 / rate)
    preview.finish_stream()
    assert not preview.streaming and len(preview.samples) == 8000
    fake.pump(8, "output")
    qtbot.waitUntil(lambda: preview.transport.state == "ended", timeout=5000)
    out = played(fake)
    assert np.allclose(out[:3000], 0.25) and not out[3000:5 * BLOCK].any()  # the wait
    start = 5 * BLOCK  # b came with the block after the wait
    np.testing.assert_allclose(out[start: start + 5000], b)
    preview.play()  # again from the start: the whole audio, one piece
    assert audio.player.status().duration_s == pytest.approx(8000 / rate)
    audio.shutdown()


# -- the real PortAudio path -----------------------------------------------------------------

@pytest.fixture(scope="module")
def pulse_env(tmp_path_factory):
    with pulse.serving(tmp_path_factory.mktemp("pulse")) as env:
        yield env


def test_a_take_played_through_the_real_player_reaches_the_sink(
        qtbot, window, stores, pulse_env, tmp_path):
    import sounddevice as sd

    from studio.core.audio.recorder import Recorder

    stores[0].save(Settings(output_device="pulse"))
    w, tab = window(sd=None)  # the real sounddevice, through PulseAudio
    assert w.audio.state == "ready" and "pulse" in w.audio.outputs()
    rec = Recorder(tmp_path, sd=sd, device="pulse", sample_rate=pulse.SINK_RATE)
    rec.start()
    assert wait_until(lambda: rec.status().elapsed_s > 0, 15)  # first block after 1-2 s
    tab.text.setPlainText(TEXT)
    tab.controls.seed.setValue(3)
    with qtbot.waitSignal(tab.runner.result, timeout=60000) as done:
        recorded(qtbot, w, tab.speak)
    qtbot.waitUntil(lambda: tab.preview.transport.state == "ended", timeout=30000)
    end = rec.status().elapsed_s
    assert wait_until(lambda: rec.status().elapsed_s >= end + 0.5, 15)  # latency drains
    status = rec.stop()
    assert status.error is None
    data, rate = sf.read(status.path, dtype="float32")
    window_s = 0.1
    loud = [level(data[i: i + int(rate * window_s)]).rms_db > -30
            for i in range(0, len(data), int(rate * window_s))]
    heard_s = sum(loud) * window_s
    assert heard_s >= 0.5 * done.args[1].value.duration_s, "the speech did not reach the sink"


def test_a_finished_download_makes_the_voice_picker_look_again(qtbot, make_window, monkeypatch):
    """The Models dialog reports each finished download to every tab."""
    from studio.ui.tabs.voice import tab as voice_tab

    monkeypatch.setattr(voice_tab, "missing_voices", lambda: frozenset({"piper-zh-cn-huayan"}))
    w = make_window()
    box = w.pages["voice"].controls.voice

    def label() -> str:
        return box.itemText(box.findData("piper-zh-cn-huayan"))

    qtbot.waitUntil(lambda: "(not downloaded)" in label(), timeout=10000)
    monkeypatch.setattr(voice_tab, "missing_voices", lambda: frozenset())
    w.models.service.model_ready.emit("piper-zh-cn-huayan")
    qtbot.waitUntil(lambda: "(not downloaded)" not in label(), timeout=10000)
