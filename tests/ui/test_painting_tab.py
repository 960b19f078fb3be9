"""Painting tab driven like a user: prompt, Generate, previews, gallery, save, drops, inpainting.

Jobs run in the session's engine host on the tiny random Stable Diffusion pipeline
(tests/fixtures/tiny_sd) at 64x64, chosen in the settings panel as a user would; its
VAE halves the size, so previews are 32x32.  Every wait is on a signal or a state.
"""

from __future__ import annotations

import os

import numpy as np
import pytest
from PIL import Image, PngImagePlugin
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog

from studio.core.history import HistoryStore
from studio.core.imagemeta import read_metadata
from tests.fixtures.tiny_sd import build_tiny_sd


@pytest.fixture(scope="module")
def tiny_sd(tmp_path_factory) -> str:
    return str(build_tiny_sd(tmp_path_factory.mktemp("ui-sd")))


@pytest.fixture
def window(make_window, tiny_sd, qtbot):
    def make(**kw):
        w = make_window(**kw)
        w.panel.set_model("painting", tiny_sd)  # chosen in the settings panel
        w.show_tab("painting")
        tab = w.pages["painting"]
        assert tab.settings.model_for("painting") == tiny_sd
        qtbot.waitUntil(lambda: tab.model_state.available is True, timeout=10000)
        return w, tab
    return make


def setup(tab, prompt: str, steps: int = 2, seed: int | None = 7, size=(64, 64), **params):
    tab.prompt.setPlainText(prompt)
    p = tab.params
    p.steps.setValue(steps)
    p.width_box.setValue(size[0])
    p.height_box.setValue(size[1])
    p.dice.setChecked(seed is None)
    if seed is not None:
        p.seed.setValue(seed)
    for name, value in params.items():
        box = getattr(p, name)
        if name == "scheduler":
            box.setCurrentIndex(box.findData(value))
        else:
            box.setValue(value)


def recorded(qtbot, w, action, timeout=60000) -> int:
    """Do ``action`` and wait until the history has recorded its images; returns the id."""
    with qtbot.waitSignal(w.history.recorded, timeout=timeout) as blocker:
        action()
    return blocker.args[1]


def entry(w, rid: int):
    with HistoryStore(w.history.path, w.history.outputs) as store:
        return store.get(rid)


def io_answer(qtbot, tab, kind: str, action, timeout=10000):
    with qtbot.waitSignal(tab.io.done, timeout=timeout,
                          check_params_cb=lambda k, _v: k == kind) as blocker:
        action()
    return blocker.args[1]


def drop(widget, *, path=None, text=None) -> None:
    """Drag a file or a text onto ``widget`` and let go (NOTES: sendEvent)."""
    mime = QMimeData()
    if path is not None:
        mime.setUrls([QUrl.fromLocalFile(str(path))])
    if text is not None:
        mime.setText(text)
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime,
                                              Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))


def dropped(qtbot, tab, **what) -> None:
    with qtbot.waitSignal(tab.io.done, timeout=10000,
                          check_params_cb=lambda k, _v: k == "drop"):
        drop(tab, **what)


def mouse(widget, kind, point: QPointF, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else \
        Qt.MouseButton.NoButton
    QApplication.sendEvent(widget, QMouseEvent(kind, point, widget.mapToGlobal(point), button,
                                               buttons, Qt.KeyboardModifier.NoModifier))


def brush(canvas, image_points) -> None:
    """One stroke through ``image_points`` (image pixels), as the mouse would paint it."""
    rect = canvas.image_rect()
    scale = rect.width() / canvas.image.width()
    points = [rect.topLeft() + QPointF(x, y) * scale for x, y in image_points]
    held = Qt.MouseButton.LeftButton
    mouse(canvas, QEvent.Type.MouseButtonPress, points[0], held)
    for point in points[1:]:
        mouse(canvas, QEvent.Type.MouseMove, point, held)
    mouse(canvas, QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)


def noise_png(path, seed=0, size=(64, 64), info=None) -> str:
    pixels = np.random.default_rng(seed).integers(0, 256, (size[1], size[0], 3), np.uint8)
    Image.fromarray(pixels).save(path, pnginfo=info)
    return str(path)


def test_prompt_to_gallery_then_save_and_drop_the_png_back(qtbot, window, tmp_path):
    w, tab = window()
    setup(tab, "a red kite over green hills", steps=3, seed=1234, guidance=6.5,
          scheduler="Euler a")
    tab.negative.setPlainText("blurry")
    previews, steps = [], []
    tab.runner.preview.connect(lambda _job, ev: previews.append(ev))
    tab.runner.progress.connect(lambda _job, ev: steps.append(ev.step))
    rid = recorded(qtbot, w, tab.run_button.click)
    assert [p.step for p in previews] == [1, 2, 3] and previews[0].image.shape == (32, 32, 3)
    assert [s for s in steps if s] == [1, 2, 3]
    e = entry(w, rid)
    assert e.status == "done" and len(e.files) == 1 and e.files[0].endswith(".png")
    assert e.request["seed"] == 1234 and e.request["scheduler"] == "Euler a"
    assert e.request["steps"] == 3 and e.model and e.timings["seconds_per_step"] > 0
    qtbot.waitUntil(lambda: tab.results.image_keys()[:1] == [(rid, 0)], timeout=10000)
    assert tab.results.selected()[0].id == rid  # the newest image is the one shown
    assert tab.viewer.image.width() == 64 and tab.viewer.image_rect().width() > 64  # scaled up
    meta = read_metadata(e.files[0])
    assert meta.source == "aigc-studio" and meta.fields["seed"] == 1234
    assert "Negative prompt: blurry" in meta.parameters

    saved = tmp_path / "kite.png"
    io_answer(qtbot, tab, "exported", lambda: tab.export_to(e.files[0], str(saved)))
    io_answer(qtbot, tab, "exported", lambda: tab.export_to(e.files[0], str(tmp_path / "k.jpg")))
    assert read_metadata(tmp_path / "k.jpg").fields["prompt"] == "a red kite over green hills"
    assert "k.jpg" in tab.message.text()

    setup(tab, "something else entirely", steps=9, seed=None, guidance=2.0,
          scheduler="DDIM", size=(0, 0))
    tab.negative.setPlainText("")
    dropped(qtbot, tab, path=saved)
    p = tab.params
    assert tab.prompt.toPlainText() == "a red kite over green hills"
    assert tab.negative.toPlainText() == "blurry"
    assert (p.steps.value(), p.guidance.value(), p.scheduler.currentData()) == (3, 6.5, "Euler a")
    assert (p.seed.value(), p.dice.isChecked()) == (1234, False)
    assert (p.width_box.value(), p.height_box.value()) == (64, 64)
    assert "Settings restored from kite.png" in tab.message.text()
    assert "Not understood" not in tab.message.text()


def test_an_a1111_png_restores_what_it_understands_and_names_the_rest(qtbot, window,
                                                                      tmp_path):
    _, tab = window()
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "a castle on a hill,\nmisty morning\nNegative prompt: fog\n"
                  "Steps: 7, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 5.5, "
                  "Seed: 99, Size: 64x128, Model hash: abc123, Model: dreamshaper_8, "
                  "Hires upscale: 2, Clip skip: 2")
    png = noise_png(tmp_path / "from-a1111.png", info=info)
    dropped(qtbot, tab, path=png)
    p = tab.params
    assert tab.prompt.toPlainText() == "a castle on a hill,\nmisty morning"
    assert tab.negative.toPlainText() == "fog"
    assert (p.steps.value(), p.guidance.value(), p.seed.value()) == (7, 5.5, 99)
    assert p.scheduler.currentData() == "DPM++ 2M Karras" and not p.dice.isChecked()
    assert (p.width_box.value(), p.height_box.value()) == (64, 128)
    text = tab.message.text()
    assert "Not understood: Hires upscale, Clip skip." in text
    assert "dreamshaper_8" in text and tab.message.level == "warning"


def test_inpainting_with_a_painted_mask_keeps_the_unmasked_pixels(qtbot, window, tmp_path):
    w, tab = window()
    init = noise_png(tmp_path / "start.png", seed=3)
    with qtbot.waitSignal(tab.io.done, timeout=10000, check_params_cb=lambda k, _v: k == "init"):
        drop(tab.source.canvas, path=init)  # on the image well: the start image
    tab.source.buttons["inpaint"].click()
    assert tab.source.mode() == "inpaint" and tab.source.canvas.painting_enabled
    assert tab.params.strength.isVisibleTo(tab) and tab.params.mask_blur.isVisibleTo(tab)
    tab.source.brush.setValue(8)
    brush(tab.source.canvas, [(28, 28), (32, 30), (36, 32), (36, 36), (28, 36)])
    mask = tab.source.canvas.mask_array()
    assert mask[32, 32] == 255 and mask[:20].max() == 0 and mask[:, :20].max() == 0
    setup(tab, "a yellow square", steps=3, seed=5, size=(0, 0), strength=1.0, mask_blur=2)
    rid = recorded(qtbot, w, tab.generate)
    e = entry(w, rid)
    painted = np.asarray(Image.open(e.request["mask"]))
    assert np.array_equal(painted > 127, mask > 127)  # the request names the mask as painted
    assert e.request["init_image"] == init and e.parents == ()
    out = np.asarray(Image.open(e.files[0])).astype(int)
    original = np.asarray(Image.open(init)).astype(int)
    rows, cols = np.nonzero(mask)
    keep = np.ones(mask.shape, bool)
    keep[max(rows.min() - 8, 0):rows.max() + 9, max(cols.min() - 8, 0):cols.max() + 9] = False
    assert np.abs(out[keep] - original[keep]).max() <= 1
    assert np.abs(out[mask == 255] - original[mask == 255]).mean() > 20  # repainted

    # the result as the next start image: the new job is made from it
    qtbot.waitUntil(lambda: tab.results.image_keys()[:1] == [(rid, 0)], timeout=10000)
    with qtbot.waitSignal(tab.io.done, timeout=10000, check_params_cb=lambda k, _v: k == "init"):
        tab.results.buttons["init"].click()
    assert tab.source.path == e.files[0] and tab.source.mode() == "img2img"
    setup(tab, "a yellow square", steps=2, seed=6, size=(0, 0), strength=0.5)
    child = recorded(qtbot, w, tab.generate)
    assert entry(w, child).parents == (rid,)


def test_stop_keeps_the_finished_images_of_a_batch(qtbot, window):
    w, tab = window()
    setup(tab, "many kites", steps=3, seed=40, batch_count=20)
    stopped = []

    def stop_after_first_batch(_job, ev):
        if ev.step and ev.step > 3 and not stopped:
            stopped.append(ev.step)
            qtbot.keyClick(tab.prompt, Qt.Key.Key_Escape)
    tab.runner.progress.connect(stop_after_first_batch)
    rid = recorded(qtbot, w, lambda: qtbot.keyClick(
        tab.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier))
    e = entry(w, rid)
    assert e.status == "stopped" and 1 <= len(e.files) < 20
    assert e.request["seed"] == 40 and not e.missing_files()
    assert "kept" in tab.message.text()
    qtbot.waitUntil(lambda: (rid, 0) in tab.results.image_keys(), timeout=10000)
    assert sum(1 for key in tab.results.image_keys() if key[0] == rid) == len(e.files)
    assert read_metadata(e.files[-1]).fields["seed"] == 40 + len(e.files) - 1


def test_without_a_model_the_tab_says_so_and_a_local_folder_fixes_it(qtbot, make_window,
                                                                     tiny_sd):
    w = make_window()  # the default SD-Turbo: a hub model, not downloaded here
    w.show_tab("painting")
    tab = w.pages["painting"]
    qtbot.waitUntil(lambda: tab.model_state.available is False, timeout=10000)
    banner = tab.banner
    assert banner.isVisible() and "not downloaded" in banner.text()
    if hasattr(w, "show_models"):  # the window's Models dialog downloads it
        assert banner.actions() == ["download", "folder", "file"]
        assert banner.button("download").text() == "Download SD-Turbo…"
        assert "5.1 GB" in banner.text() and "CPU" in banner.text()
        banner.button("download").click()
        shown = [d for d in QApplication.topLevelWidgets()
                 if isinstance(d, QDialog) and d.isVisible()]
        assert len(shown) == 1
        shown[0].close()
    else:  # without one, the command that downloads it
        assert banner.actions() == ["folder", "file", "check-again"]
    tab.prompt.setPlainText("a cat")
    tab.generate()
    assert not tab.busy and "no painting model" in tab.message.text()

    tab.model_state.use_local(tiny_sd)  # "Open model folder…" without the dialog
    assert w.settings.model_for("painting") == tiny_sd
    assert w.panel.model_boxes["painting"].currentData() == tiny_sd
    qtbot.waitUntil(lambda: tab.model_state.available is True, timeout=10000)
    assert not banner.isVisible()
    assert tab.params.steps.specialValueText() == "auto (25)"
    tab.params.width_box.setValue(100)
    tab.params.height_box.setValue(64)
    assert "multiple of 8" in tab.params.size_note.text() and tab.params.size_note.isVisibleTo(tab)
    tab.generate()
    assert not tab.busy and "try 96 or 104" in tab.message.text()


def test_without_a_models_dialog_the_banner_names_the_command(qtbot, stores, engine_host,
                                                              tmp_path):
    from studio.core.settings import Settings
    from studio.ui.tabs.painting import PaintingTab

    settings = Settings()
    settings.models["painting"] = str(tmp_path / "gone")  # a folder that went away
    tab = PaintingTab(settings, stores[1], engine_host)  # on its own: no window, no dialog
    qtbot.addWidget(tab)
    try:
        qtbot.waitUntil(lambda: tab.model_state.available is False, timeout=10000)
        text = tab.banner.text()
        assert "Model not found" in text and "aigc-studio models download sd-turbo" in text
        assert tab.banner.actions() == ["folder", "file", "check-again"]
        (tmp_path / "gone").mkdir()  # the disk came back
        tab.banner.button("check-again").click()
        qtbot.waitUntil(lambda: tab.model_state.available is True, timeout=10000)
        assert not tab.banner.isVisible()
    finally:
        assert tab.shutdown(5000)


def test_drops_of_text_plain_images_and_broken_files(qtbot, window, tmp_path):
    _, tab = window()
    (tmp_path / "idea.txt").write_text("a paper boat on a pond", encoding="utf-8")
    dropped(qtbot, tab, path=tmp_path / "idea.txt")
    assert tab.prompt.toPlainText() == "a paper boat on a pond"
    drop(tab, text="a dragon made of clouds")
    assert tab.prompt.toPlainText() == "a dragon made of clouds"

    plain = noise_png(tmp_path / "photo.png", seed=9)
    dropped(qtbot, tab, path=plain)
    assert tab.message.actions() == ["use-init", "inpaint-this"]
    assert "photo.png holds no painting settings" in tab.message.text()
    with qtbot.waitSignal(tab.io.done, timeout=10000, check_params_cb=lambda k, _v: k == "init"):
        tab.message.button("inpaint-this").click()
    assert tab.source.mode() == "inpaint" and tab.source.path == plain

    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    with qtbot.waitSignal(tab.io.failed, timeout=10000):
        drop(tab, path=broken)
    assert tab.message.level == "error" and "broken.png" in tab.message.text()
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4 not a picture")
    with qtbot.waitSignal(tab.io.failed, timeout=10000):
        drop(tab, path=notes)
    assert "notes.pdf is not an image" in tab.message.text()


def test_drafts_and_the_gallery_survive_a_restart_and_the_gallery_acts(qtbot, window):
    w, tab = window()
    setup(tab, "a lantern in the snow", steps=2, seed=11, guidance=4.0, batch_size=2)
    tab.negative.setPlainText("people")
    rid = recorded(qtbot, w, tab.generate)
    tab.params.advanced_toggle.setChecked(True)
    tab.params.memory["vae_tiling"].setChecked(True)
    w.close()

    w2, tab2 = window()
    p = tab2.params
    assert tab2.prompt.toPlainText() == "a lantern in the snow"
    assert tab2.negative.toPlainText() == "people"
    assert (p.steps.value(), p.guidance.value(), p.seed.value(), p.batch_size.value()) == (
        2, 4.0, 11, 2)
    assert p.memory["vae_tiling"].isChecked() and not p.dice.isChecked()
    qtbot.waitUntil(lambda: tab2.results.image_keys()[:2] == [(rid, 0), (rid, 1)], timeout=10000)
    with qtbot.waitSignal(tab2.io.done, timeout=10000, check_params_cb=lambda k, v: k == "view"
                          and v[0] == entry(w2, rid).files[1]):
        tab2.results.select(rid, 1)  # shown large
    assert tab2.viewer.image.width() == 64 and tab2.viewer.fitted
    tab2.viewer.zoom_in()
    assert not tab2.viewer.fitted and tab2.viewer.zoom > tab2.viewer.fit_scale()
    setup(tab2, "changed", steps=5, seed=None)
    tab2.results.buttons["reuse"].click()  # image 2 of the batch: its own seed
    assert tab2.prompt.toPlainText() == "a lantern in the snow"
    assert (p.seed.value(), p.batch_size.value(), p.dice.isChecked()) == (12, 1, False)
    varied = recorded(qtbot, w2, tab2.results.buttons["vary"].click)
    e = entry(w2, varied)
    assert e.parents == (rid,) and e.request["seed"] != 12 and len(e.files) == 1

    panel = w2.history_dock.panel  # Re-run from the History panel: the same pixels
    w2.history_dock.toggle.trigger()
    panel.select_id(rid)
    qtbot.waitUntil(lambda: panel.detail.row is not None and panel.detail.row.entry.id == rid,
                    timeout=10000)
    again = entry(w2, recorded(qtbot, w2, panel.detail.buttons["rerun"].click))
    assert again.parents == (rid,) and len(again.files) == 2
    for old, new in zip(entry(w2, rid).files, again.files, strict=True):
        assert np.array_equal(np.asarray(Image.open(old)), np.asarray(Image.open(new)))

    tab2.results.select(rid, 0)
    with qtbot.waitSignal(w2.history.changed, timeout=10000):
        tab2.results.favourite.click()
    qtbot.waitUntil(lambda: not tab2.results.waiting and tab2.results.selected()[0].favourite,
                    timeout=10000)
    assert tab2.results.favourite.text() == "★"
    files = entry(w2, rid).files
    tab2.results.confirm_delete = lambda _entry: True
    with qtbot.waitSignal(w2.history.changed, timeout=10000):
        tab2.results.delete_button.click()
    qtbot.waitUntil(lambda: not tab2.results.waiting and (rid, 0) not in tab2.results.image_keys(),
                    timeout=10000)
    assert entry(w2, rid) is None and not any(map(os.path.exists, files))
