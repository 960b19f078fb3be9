"""Helpers of the Models dialog: verify/remove off the UI thread, and the "other model" bar.

``RowJobs`` runs verify and remove as background calls and keeps, per row, what
they found (a note to show under the list) and whether one is still running.
``OtherModelBar`` takes a hub repo id or a file URL to download, and a local folder
or model file to add.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from studio.core.devices import format_bytes
from studio.core.hub import HubConfig

from ..texts import core_text
from ..worker import BackgroundCalls
from . import rows as found
from .rows import Row

Key = tuple[str, str]


class RowJobs(QObject):
    changed = Signal()  # a note or a busy flag changed
    finished = Signal(str, str)  # ("verify" | "remove", ref): the disk changed

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.notes: dict[Key, tuple[str, str]] = {}  # row -> (text, level)
        self.busy: set[Key] = set()
        self.io = BackgroundCalls("model-files", self)
        self.io.done.connect(self._on_done)
        self.io.failed.connect(self._on_failed)

    def verify(self, row: Row, config: HubConfig) -> None:
        self._start(row, self.tr("Checking every file…"))
        self.io.call(f"verify:{row.task}:{row.ref}", found.verify, row, config)

    def remove(self, row: Row, config: HubConfig) -> None:
        self._start(row, self.tr("Removing…"))
        self.io.call(f"remove:{row.task}:{row.ref}", found.remove, row, config)

    def forget(self, key: Key) -> None:
        self.notes.pop(key, None)

    def _start(self, row: Row, text: str) -> None:
        self.busy.add(row.key)
        self.notes[row.key] = (text, "info")
        self.changed.emit()

    @Slot(str, object)
    def _on_done(self, kind: str, value) -> None:
        what, _, rest = kind.partition(":")
        key: Key = tuple(rest.split(":", 1))  # type: ignore[assignment]
        self.busy.discard(key)
        if what == "verify":
            self.notes[key] = ((self.tr("Every file checks out."), "info") if not value else (
                self.tr("Damaged or missing: %1. Download again to fetch only these files.")
                .replace("%1", ", ".join(value)), "error"))
        else:
            self.notes[key] = (self.tr("Removed: %1 freed.").replace(
                "%1", format_bytes(value)), "info")
        self.changed.emit()
        self.finished.emit(what, key[1])

    @Slot(str, object)
    def _on_failed(self, kind: str, message) -> None:
        key: Key = tuple(kind.partition(":")[2].split(":", 1))  # type: ignore[assignment]
        self.busy.discard(key)
        self.notes[key] = (core_text(message), "error")
        self.changed.emit()

    def shutdown(self) -> None:
        self.io.shutdown()


class OtherModelBar(QWidget):
    download = Signal(str)  # a hub repo id, catalogue id or file URL
    add = Signal(list)  # local folders or model files
    close_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ref_edit = QLineEdit(self)
        self.ref_edit.setPlaceholderText(self.tr("Hub repo id (owner/name) or a file URL"))
        self.ref_button = QPushButton(self.tr("Download"), self)
        self.add_button = QPushButton(self.tr("Add folder or file…"), self)
        self.add_button.setToolTip(self.tr("A model folder, or a .gguf/.safetensors/.onnx file "
                                           "(or drop it onto this window)"))
        self.close_button = QPushButton(self.tr("Close"), self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Other model:"), self))
        row.addWidget(self.ref_edit, 1)
        row.addWidget(self.ref_button)
        row.addWidget(self.add_button)
        row.addWidget(self.close_button)
        self.ref_edit.returnPressed.connect(self._take_ref)
        self.ref_button.clicked.connect(self._take_ref)
        self.add_button.clicked.connect(self._browse)
        self.close_button.clicked.connect(self.close_requested)

    @Slot()
    def _take_ref(self) -> None:
        ref = self.ref_edit.text().strip()
        self.ref_edit.clear()
        if ref:
            self.download.emit(ref)

    @Slot()
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a model file, or cancel to pick a folder"), "",
            self.tr("Model files (*.gguf *.safetensors *.onnx)"))
        if not path:
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a model folder"))
        if path:
            self.add.emit([path])
