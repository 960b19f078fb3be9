"""The Models dialog (issue 13, window side): lists, downloads, cancel/resume, use, remove.

Downloads run for real: huggingface_hub's HTTP code against the fake hub on 127.0.0.1,
typed as the mirror endpoint in the settings panel.  Waits are on signals and
``qtbot.waitUntil``, never sleeps.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio.core import catalog, downloads
from studio.core.settings import Settings
from tests.core.hub_fixtures import online  # noqa: F401
from tests.fixtures.fake_hub_server import FakeHub
from tests.ui.models_helpers import (  # noqa: F401 (small_pieces: a fixture)
    GPT2_CONFIG,
    download_of,
    drop,
    open_models,
    row_state,
    shown,
    small_pieces,
    status_text,
    tiny_repo,
    use_hub,
)


def test_lists_catalogue_local_and_cached_models(qtbot, make_window, tmp_path):
    cache = tmp_path / "hub"
    snap = cache / "models--other--cached-gpt" / "snapshots" / "abc"
    snap.mkdir(parents=True)
    (snap / "config.json").write_bytes(GPT2_CONFIG)
    (cache / "models--other--cached-gpt" / "blobs").mkdir()
    (cache / "models--other--cached-gpt" / "blobs" / "w").write_bytes(b"x" * 5000)
    mine = tmp_path / "my-model"
    mine.mkdir()
    (mine / "config.json").write_bytes(GPT2_CONFIG)
    w = make_window(settings=Settings(hf_cache_dir=str(cache),
                                      local_models={"writing": [str(mine)]}))
    assert w.history_dock.button.isVisible()  # beside the Models… button over the tabs
    w.panel.model_buttons["writing"].click()  # the settings panel's "…" opens it at its task
    dialog = open_models(qtbot, w, "writing")
    assert dialog.isVisible() and dialog.task() == "writing"
    rows = shown(dialog)
    assert {e.id for e in catalog.for_task("writing")} <= set(rows)
    assert rows["smollm2-135m-instruct"].state == downloads.BUILT_IN
    assert status_text(dialog, "smollm2-135m-instruct") == "Built in"
    assert status_text(dialog, "gpt2") == "Not downloaded"
    assert rows[str(mine)].kind == "local" and status_text(dialog, str(mine)) == "On this computer"
    assert rows["other/cached-gpt"].state == downloads.CACHED
    assert dialog.selected().ref == "smollm2-135m-instruct"  # the model in use, chosen
    assert dialog.panel.use_button.text() == "Used for this task"
    qwen = dialog.model.data(dialog.model.index(dialog.model.row_for(
        ("writing", "qwen2.5-0.5b-instruct")), 0), Qt.ItemDataRole.ToolTipRole)
    assert "Qwen" in qwen

    dialog.search.setText("qwen gguf")
    assert set(shown(dialog)) == {"qwen2.5-0.5b-instruct-gguf", "qwen2.5-1.5b-instruct-gguf",
                                  "qwen2.5-3b-instruct-gguf"}
    dialog.search.clear()
    dialog.show_task("painting")
    assert set(shown(dialog)) == {e.id for e in catalog.for_task("painting")}
    assert dialog.model.data(dialog.model.index(dialog.model.row_for(
        ("painting", "sd-turbo")), 4)) == "CPU or GPU"

    gguf = tmp_path / "story.gguf"
    gguf.write_bytes(b"GGUF")
    dialog.show_task("writing")
    drop(dialog, [str(gguf), str(tmp_path / "notes.txt")])  # a text file is not a model
    assert w.settings.local_models["writing"] == [str(mine), str(gguf)]
    qtbot.waitUntil(lambda: str(gguf) in shown(dialog), timeout=10000)
    assert str(tmp_path / "notes.txt") not in shown(dialog)
    assert dialog.selected().ref == str(gguf)
    dialog.panel.use_button.click()
    assert w.panel.model_boxes["writing"].currentData() == str(gguf)
    assert w.pages["writing"].settings.model_for("writing") == str(gguf)
    dialog.select("writing", str(mine))
    dialog.panel.remove_button.click()  # "Remove from list": the folder itself stays
    assert w.settings.local_models["writing"] == [str(gguf)] and mine.is_dir()


@pytest.mark.usefixtures("online", "small_pieces")
def test_download_progress_cancel_resume_queue_use_and_remove(qtbot, make_window, tmp_path):
    tiny = tiny_repo(1_200_000)
    repos = {"someone/tiny": tiny, "someone/second": tiny_repo(50_000)}
    with FakeHub(files=repos, rate=800_000) as server:
        w = make_window()
        use_hub(w, server, tmp_path / "hub")
        dialog = open_models(qtbot, w, "writing")
        dialog.ref_edit.setText("someone/tiny")
        dialog.ref_button.click()
        dialog.ref_edit.setText("someone/second")
        dialog.ref_edit.returnPressed.emit()  # several queue: one at a time here
        qtbot.waitUntil(lambda: (s := download_of(dialog, "someone/tiny")) is not None
                        and s.state == "downloading" and s.done_bytes > 100_000, timeout=20000)
        assert {"someone/tiny", "someone/second"} <= set(shown(dialog))
        assert status_text(dialog, "someone/second") == "Queued"
        text = status_text(dialog, "someone/tiny")
        assert "%" in text and " of 1.1 MB" in text, text
        indicator = w.models.indicator
        assert indicator.isVisible() and indicator.button.text().startswith("2 downloads")
        dialog.select("writing", "someone/tiny")
        assert dialog.panel.bar.isVisible() and dialog.panel.cancel_button.isVisible()
        assert not dialog.panel.use_button.isEnabled()

        dialog.panel.cancel_button.click()
        qtbot.waitUntil(lambda: download_of(dialog, "someone/tiny").state == "cancelled",
                        timeout=10000)
        assert status_text(dialog, "someone/tiny").startswith("Cancelled at ")
        kept = download_of(dialog, "someone/tiny").done_bytes
        qtbot.waitUntil(lambda: download_of(dialog, "someone/second").state == "done",
                        timeout=20000)
        qtbot.waitUntil(lambda: row_state(dialog, "someone/tiny") == downloads.PARTIAL,
                        timeout=10000)
        assert not indicator.isVisible()
        assert dialog.panel.resume_button.isVisible()
        dialog.panel.resume_button.click()
        qtbot.waitUntil(lambda: row_state(dialog, "someone/tiny") == downloads.DOWNLOADED,
                        timeout=30000)
        assert status_text(dialog, "someone/tiny") == "Downloaded"
        dialog.select("writing", "someone/tiny")
        dialog.panel.use_button.click()  # the settings panel and the tab follow
        assert w.panel.model_boxes["writing"].currentData() == "someone/tiny"
        assert w.pages["writing"].settings.model_for("writing") == "someone/tiny"
        assert dialog.panel.use_button.text() == "Used for this task"
        assert dialog.selected().ref == "someone/tiny"

        opened = []
        dialog.open_path = opened.append
        dialog.panel.open_button.click()
        assert opened == [dialog.selected().path] and "models--someone--tiny" in opened[0]
        dialog.panel.verify_button.click()
        qtbot.waitUntil(lambda: "Every file checks out." in dialog.panel.message.text(),
                        timeout=10000)
        weights = Path(dialog.selected().path) / "model.safetensors"
        weights.resolve().write_bytes(b"\0" * len(tiny["model.safetensors"]))  # bit rot
        dialog.panel.verify_button.click()
        qtbot.waitUntil(lambda: "Damaged or missing: model.safetensors" in
                        dialog.panel.message.text(), timeout=10000)
        qtbot.waitUntil(lambda: row_state(dialog, "someone/tiny") == downloads.PARTIAL,
                        timeout=10000)  # never used again until downloaded again
        dialog.panel.resume_button.click()  # fetches only the damaged file again
        qtbot.waitUntil(lambda: row_state(dialog, "someone/tiny") == downloads.DOWNLOADED,
                        timeout=30000)
        ranges = [r for m, _p, r in server.requests if m == "GET" and r]
        weights_gets = [p for m, p, _r in server.requests
                        if m == "GET" and p.endswith("tiny/resolve/main/model.safetensors")]
    assert ranges and int(ranges[0].split("=")[1].rstrip("-")) >= kept - 64 * 1024
    assert len(weights_gets) == 3  # cancelled, resumed, fetched again after the damage

    asked = []
    dialog.ask = lambda title, text: asked.append(text) or False
    dialog.panel.remove_button.click()
    assert asked and "Delete someone/tiny from the disk? This frees 1.1 MB" in asked[0]
    repo = tmp_path / "hub" / "models--someone--tiny"
    assert any((repo / "blobs").iterdir())  # said no: nothing happened
    dialog.ask = lambda title, text: True
    dialog.panel.remove_button.click()
    qtbot.waitUntil(lambda: row_state(dialog, "someone/tiny") == downloads.MISSING,
                    timeout=10000)
    assert "Removed: 1.1 MB freed" in dialog.panel.message.text()
    assert not (repo / "blobs").exists() or not any((repo / "blobs").iterdir())


@pytest.mark.usefixtures("online", "small_pieces")
def test_closing_mid_download_leaves_nothing_that_looks_complete(qtbot, make_window, tmp_path):
    with FakeHub(files={"someone/big": tiny_repo(3_000_000)}, rate=400_000) as server:
        w = make_window()
        use_hub(w, server, tmp_path / "hub")
        config = w.settings.hub_config()
        dialog = open_models(qtbot, w, "writing")
        dialog.ref_edit.setText("someone/big")
        dialog.ref_button.click()
        qtbot.waitUntil(lambda: (s := download_of(dialog, "someone/big")) is not None
                        and s.done_bytes > 50_000, timeout=20000)
        assert w.shutdown()
        assert not any(t.is_alive() for t in w.models.service.manager._workers)
    assert downloads.state("someone/big", config).state == downloads.PARTIAL


