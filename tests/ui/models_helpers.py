"""Driving the Models dialog and the download settings as a user would (shared by UI tests)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from studio.core import hub
from studio.ui.models.list_model import ROW_ROLE, STATUS
from tests.fixtures.fake_hub_server import FakeHub

GPT2_CONFIG = b'{"model_type": "gpt2", "architectures": ["GPT2LMHeadModel"]}'


def tiny_repo(weights: int) -> dict[str, bytes]:
    return {"config.json": GPT2_CONFIG, "tokenizer.json": b'{"version": "1.0"}',
            "model.safetensors": os.urandom(weights), "pytorch_model.bin": b"pickle" * 100}


@pytest.fixture
def small_pieces(monkeypatch):
    """Progress (and a chance to cancel) every 16 KiB, as with a large model."""
    from studio.core.downloads import fetch

    monkeypatch.setattr(fetch, "CHUNK_BYTES", 16 * 1024)


def use_hub(w, server: FakeHub, cache: Path) -> None:
    """Type the fake hub's address as the mirror and a cache folder, as a user would."""
    box = w.panel.hub_box
    box.endpoint.setText(server.url)
    box.endpoint.editingFinished.emit()
    box.cache.setText(str(cache))
    box.cache.editingFinished.emit()
    assert w.settings.hf_endpoint == server.url and w.settings.hf_cache_dir == str(cache)
    assert hub.current().endpoint == server.url  # what the downloads and the engine use


def open_models(qtbot, w, task: str, select: str = ""):
    dialog = w.show_models(task, select)
    qtbot.waitUntil(lambda: dialog.filter.rowCount() > 0, timeout=10000)
    return dialog


def shown(dialog) -> dict[str, object]:
    """The rows the dialog shows now (its task, its search), by reference."""
    f = dialog.filter
    return {f.index(i, 0).data(ROW_ROLE).ref:
            f.index(i, 0).data(ROW_ROLE) for i in range(f.rowCount())}


def status_text(dialog, ref: str) -> str:
    i = next(i for i, r in enumerate(dialog.model.rows) if r.ref == ref)
    return dialog.model.data(dialog.model.index(i, STATUS))


def download_of(dialog, ref: str):
    return dialog.model.downloads.get(ref)


def row_state(dialog, ref: str) -> str:
    return next((r.state for r in dialog.model.rows if r.ref == ref), "")


def drop(widget, paths: list[str]) -> None:
    """Drag files onto ``widget`` and let go (NOTES: sendEvent)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime,
                                              Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))

