"""A framed area that accepts dropped files and emits their local paths."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


def local_paths(mime) -> list[str]:
    """Local file paths carried by a drag (every drop target in the app reads them so)."""
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]


class DropZone(QFrame):
    files_dropped = Signal(list)

    def __init__(self, text: str, suffixes: tuple[str, ...] = (), parent=None) -> None:
        super().__init__(parent)
        self.suffixes = tuple(s.lower() for s in suffixes)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(70)
        self.setStyleSheet("DropZone{border:2px dashed #9aa4b2;border-radius:6px;}")
        self.label = QLabel(text, self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def dragEnterEvent(self, event) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
