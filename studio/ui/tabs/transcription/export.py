"""Export (TXT, SRT, VTT, JSON) and Copy all of the transcript shown, edits included.

Files are written off the UI thread (``formats.write_transcript``, atomic); an edited
transcript is recorded in the history with the exported file once it is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu

from studio.core.formats import render, write_transcript
from studio.ui.texts import core_text

from .history import transcript_value

FORMATS = ("txt", "srt", "vtt", "json")


class TranscriptExport:
    """Mixed into ``TranscriptionTab`` before ``TabBase``."""

    def export_menu(self) -> QMenu:
        menu = QMenu(self)
        labels = {"txt": self.tr("Text (.txt)"), "srt": self.tr("SubRip subtitles (.srt)"),
                  "vtt": self.tr("WebVTT subtitles (.vtt)"),
                  "json": self.tr("JSON with times and words (.json)")}
        for fmt in FORMATS:
            menu.addAction(labels[fmt], lambda f=fmt: self.export(f))
        return menu

    def export(self, fmt: str) -> None:
        item = self.shown
        if item is None or not item.segments:
            return
        stem = Path(item.path).stem or "transcript"
        folder = os.path.dirname(item.path) or ""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export transcript"), os.path.join(folder, f"{stem}.{fmt}"),
            self.tr("%1 files (*.%2)").replace("%1", fmt.upper()).replace("%2", fmt))
        if path:
            self.export_to(path, fmt)

    def export_to(self, path: str, fmt: str | None = None) -> None:
        """Write the shown transcript to ``path`` (format from ``fmt`` or the suffix)."""
        item = self.shown
        if item is None or not item.segments:
            return
        fmt = fmt or Path(path).suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            self.show_error(self.tr("Choose a file ending in .txt, .srt, .vtt or .json."))
            return
        self._exporting[os.path.abspath(path)] = item
        self.io.call("export", write_transcript, os.path.abspath(path), transcript_value(item),
                     fmt)

    @Slot()
    def copy_all(self) -> None:
        item = self.shown
        if item is None or not item.segments:
            return
        QGuiApplication.clipboard().setText(render(item.segments, "txt"))
        self.record_edit(item)
        self.show_info(self.tr("Copied the transcript."))

    @Slot(str, object)
    def _on_io_done(self, kind: str, value) -> None:
        if kind == "export":
            path = str(value)
            item = self._exporting.pop(path, None)
            if item is not None:
                self.record_edit(item, files=(path,))
            self.show_info(self.tr("Saved to %1").replace("%1", path))
            self.exported.emit(path)

    @Slot(str, object)
    def _on_io_failed(self, kind: str, message) -> None:
        self.show_error(core_text(message))
