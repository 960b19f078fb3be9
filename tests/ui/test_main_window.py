"""The main window: tabs, settings dock, status bar, persistence."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDockWidget

from studio.core import catalog, devices


def test_window_has_four_tabs_and_settings_panel(make_window):
    w = make_window()
    assert w.windowTitle() == "AIGC Studio"
    titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert titles == ["Writing", "Painting", "Voice", "Transcription"]
    assert isinstance(w.dock, QDockWidget) and w.dock.isVisible()
    devices = [w.panel.device.itemData(i) for i in range(w.panel.device.count())]
    assert devices[:2] == ["auto", "cpu"]
    dtypes = [w.panel.dtype.itemData(i) for i in range(w.panel.dtype.count())]
    assert dtypes == ["auto", "float32", "float16", "bfloat16"]
    for task in catalog.TASKS:
        box = w.panel.model_boxes[task]
        ids = [box.itemData(i) for i in range(box.count())]
        assert ids == [e.id for e in catalog.for_task(task)]
        assert box.currentData() == catalog.default_for(task).id
    assert "Device:" in w.device_label.text()
    assert "Memory:" in w.memory_label.text()


def test_each_tab_has_run_stop_and_output(make_window):
    w = make_window()
    for task, page in w.pages.items():
        assert page.run_button.text(), task
        assert not page.stop_button.isEnabled(), task


def test_hardware_probe_runs_off_the_ui_thread(qtbot, make_window):
    w = make_window(probe_hardware=False)
    with qtbot.waitSignal(w.hardware_ready, timeout=10000) as blocker:
        from studio.core import devices

        w._probe.call("hardware", devices.probe)
    hw = blocker.args[0]
    assert hw.cpu_cores >= 1
    label = w.panel.hardware_label.text()
    assert hw.cpu_name in label and f"{hw.cpu_cores} cores" in label


def test_settings_and_geometry_persist(qtbot, make_window, stores):
    store, _ = stores
    w = make_window()
    w.resize(w.minimumSizeHint().width() + 7, 700)
    size = w.size()
    w.panel.dtype.setCurrentIndex(w.panel.dtype.findData("bfloat16"))
    w.panel.language.setCurrentIndex(w.panel.language.findData("zh_CN"))
    w.show_tab("voice")
    w.pages["voice"].text.setPlainText("你好，世界")
    w.close()
    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert saved["dtype"] == "bfloat16" and saved["current_tab"] == "voice"
    assert saved["language"] == "zh_CN"
    w2 = make_window()
    assert w2.settings.dtype == "bfloat16"
    assert w2.panel.dtype.currentData() == "bfloat16"
    assert w2.current_task() == "voice"
    assert w2.size() == size
    assert w2.pages["voice"].text.toPlainText() == "你好，世界"


@pytest.mark.parametrize("content", [
    b"{not json",
    '{"device": "cpu", "geometry": "窗口"}'.encode("gbk"),  # an editor saved it as GBK
    b'{"memory_budget_gb": 1e400}',
    b'{"memory_budget_gb": Infinity}',
    rb'{"geometry": "\u00e9\u00e9"}',
])
def test_broken_settings_file_falls_back_with_a_lasting_warning(qtbot, make_window, stores,
                                                               content):
    """Issue 6.8: any bytes give a window with defaults and a warning naming the .bad copy."""
    store, _ = stores
    store.path.write_bytes(content)
    w = make_window()
    assert w.settings.memory_budget_gb == 0.0 and w.settings.geometry == ""
    bad = store.path.with_name("settings.json.bad")
    assert bad.read_bytes() == content
    assert w.notice.isVisible() and "reset to defaults" in w.notice.text()
    assert str(bad) in w.notice.text()
    assert w.notice.close_button.isVisible()  # it stays until dismissed, never on a timer
    w.notice.close_button.click()
    assert not w.notice.isVisible()


def test_corrupt_drafts_file_is_kept_aside_with_a_warning(qtbot, make_window, stores):
    """Issue 6.4: a truncated drafts file is kept as drafts.json.bad, never overwritten."""
    _, drafts = stores
    long_prompt = "我写了很久的提示词。" * 500
    content = json.dumps({"writing": {"prompt": long_prompt}}, ensure_ascii=False)
    truncated = content[: len(content) // 2].encode("utf-8")
    drafts.path.write_bytes(truncated)
    w = make_window()
    bad = drafts.path.with_name("drafts.json.bad")
    assert bad.read_bytes() == truncated
    assert "drafts.json" in w.notice.text() and str(bad) in w.notice.text()
    w.pages["writing"].prompt.setPlainText("new work")
    w.save_all()
    assert json.loads(drafts.path.read_text("utf-8"))["writing"]["prompt"] == "new work"
    assert bad.read_bytes() == truncated  # the user's old bytes are still there
    w.close()
    store, _ = stores
    store.path.write_bytes("{窗口".encode("gbk"))
    drafts.path.write_bytes(truncated)
    both = make_window()
    assert "settings.json" in both.notice.text() and "drafts.json.bad.1" in both.notice.text()


def test_choosing_a_language_says_when_it_applies(qtbot, make_window):
    w = make_window()
    w.panel.language.setCurrentIndex(w.panel.language.findData("zh_CN"))
    assert w.notice.isVisible() and "starts again" in w.notice.text()
    assert "界面语言" in w.notice.text()  # said in the chosen language too
    with qtbot.waitSignal(w.restart_requested, timeout=1000):
        w.notice.button("restart").click()


def test_the_painting_tab_says_when_it_has_no_model(qtbot, make_window):
    w = make_window()  # the default painting model is a hub model, not downloaded in tests
    w.show_tab("painting")
    page = w.pages["painting"]
    qtbot.waitUntil(lambda: page.model_state.available is False, timeout=10000)
    page.run_button.click()
    assert page.message.isVisible() and "no painting model" in page.message.text()
    assert not page.busy and page.banner.isVisible()


def test_chinese_translation_applies_to_the_window(qapp, qtbot, make_window, tmp_path):
    from studio.ui.app import install_translator

    translator = install_translator(qapp, "zh_CN")
    assert translator is not None
    try:
        w = make_window()
        assert w.windowTitle() == "AIGC 工作室"
        assert [w.tabs.tabText(i) for i in range(4)] == ["写作", "绘画", "语音", "转写"]
        assert w.pages["writing"].run_button.text() == "生成"
        # catalogue labels and engine messages (made in Qt-free code) are translated too
        assert w.panel.model_boxes["writing"].itemText(0) == "SmolLM2 135M Instruct · 内置"
        tab = w.pages["writing"]
        w.panel.set_model("writing", str(tmp_path / "没有这个模型"))
        tab.mode.setCurrentIndex(tab.mode.findData("completion"))
        tab.prompt.setPlainText("你好")
        with qtbot.waitSignal(tab.runner.failed, timeout=30000):
            tab.generate()
        assert tab.message.text().startswith("找不到模型：没有文件或文件夹"), tab.message.text()
        assert "没有这个模型" in tab.message.text()
    finally:
        qapp.removeTranslator(translator)


def test_memory_budget_setting_reaches_the_engine(make_window, engine_host):
    w = make_window()
    w.panel.budget.setValue(2.5)
    assert w.settings.memory_budget_gb == 2.5
    assert engine_host.memory_budget == int(2.5 * 1024**3)
    w.panel.budget.setValue(0)  # automatic: from the RAM available when the app started
    assert engine_host.memory_budget == devices.default_memory_budget()
    assert engine_host.hub == w.settings.hub_config()  # cache folder, mirror, opt-ins


def test_files_open_in_the_tab_that_takes_them(qtbot, make_window, tmp_path):
    w = make_window()
    text = tmp_path / "故事.txt"
    text.write_text("一个故事的开头", encoding="utf-8")
    audio = tmp_path / "talk.wav"
    audio.write_bytes(b"RIFF")
    w.show_tab("voice")
    w.open_files([str(audio)])
    assert w.current_task() == "transcription"
    assert w.pages["transcription"].audio_path == str(audio)
    assert "talk.wav" in w.pages["transcription"].drop.label.text()
    with qtbot.waitSignal(w.pages["writing"].io.done, timeout=10000,
                          check_params_cb=lambda kind, _v: kind == "loaded"):
        w.open_files([str(text)])
    assert w.current_task() == "writing"
    assert w.pages["writing"].prompt.toPlainText() == "一个故事的开头"
    w.open_files([str(tmp_path / "archive.zip")])
    assert "Cannot open" in w.notice.text()


def test_device_list_shows_only_what_the_machine_has(make_window):
    from studio.core.devices import Accelerator, Hardware

    w = make_window()
    gpu = Hardware("Test CPU", 8, 16 * 1024**3,
                   (Accelerator("cuda:0", "NVIDIA H200", 141 * 1024**3),))
    w.panel.set_hardware(gpu)
    items = {w.panel.device.itemData(i): w.panel.device.itemText(i)
             for i in range(w.panel.device.count())}
    assert list(items) == ["auto", "cpu", "cuda"]
    assert "NVIDIA H200" in items["cuda"] and "NVIDIA H200" in items["auto"]
    assert "NVIDIA H200" in w.panel.hardware_label.text()
    w.panel.device.setCurrentIndex(w.panel.device.findData("cuda"))
    assert w.settings.device == "cuda"
    w.panel.set_hardware(Hardware("Test CPU", 8, None))  # the GPU went away
    assert w.panel.device.currentData() == "cuda"  # the saved choice stays visible
    assert "not available" in w.panel.device.currentText()


def test_a_corrupt_draft_never_stops_the_window_opening(make_window, stores):
    _, drafts = stores
    drafts.path.write_text(json.dumps({"writing": {
        "prompt": "still here", "params": {"seed": 1e20, "temperature": "hot", "top_p": -5},
        "conversation": "nonsense", "outputs": [1, 2]}}), encoding="utf-8")
    w = make_window()
    tab = w.pages["writing"]
    assert tab.prompt.toPlainText() == "still here"
    assert tab.params.seed.value() == tab.params.seed.maximum()  # clamped, not a crash
    assert tab.params.top_p.value() == tab.params.top_p.minimum()
