"""The part of the Models dialog under the list: the chosen model, its download and actions.

It shows the selected row's description and source, its download's progress
(bytes, speed, ETA, the file being fetched, a retry note), the reason a download
failed with the page to open and the setting that fixes it (a token for a gated
model, a mirror when the hub is out of reach, the offline switch), and the
buttons that apply to the row's state.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core import catalog, downloads
from studio.core.downloads import DownloadStatus

from ..texts import core_text, model_description
from . import labels
from .rows import LOCAL, LOCAL_OK, Row

_LINK = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)]")
FIXES = {"auth": "token", "network": "endpoint", "offline": "offline"}


def linked(text: str) -> str:
    """Plain text as rich text whose addresses are links."""
    escaped = html.escape(text)
    return _LINK.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped).replace(
        "\n", "<br>")


class DownloadPanel(QWidget):
    download = Signal()
    cancel = Signal()
    resume = Signal()
    verify = Signal()
    remove = Signal()
    open_folder = Signal()
    use = Signal()
    fix = Signal(str)  # "token" | "endpoint" | "offline": the setting that would help

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.progress = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setOpenExternalLinks(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.fix_button = QPushButton(self)
        self.fix_button.clicked.connect(lambda: self.fix.emit(self.fix_button.property("fix")))

        self.download_button = QPushButton(self.tr("Download"), self)
        self.cancel_button = QPushButton(self.tr("Cancel download"), self)
        self.resume_button = QPushButton(self.tr("Resume"), self)
        self.verify_button = QPushButton(self.tr("Verify"), self)
        self.verify_button.setToolTip(self.tr("Check every file against the hub's hashes"))
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.use_button = QPushButton(self.tr("Use for this task"), self)
        self.use_button.setDefault(True)
        for button, signal in ((self.download_button, self.download),
                               (self.cancel_button, self.cancel),
                               (self.resume_button, self.resume),
                               (self.verify_button, self.verify),
                               (self.remove_button, self.remove),
                               (self.open_button, self.open_folder),
                               (self.use_button, self.use)):
            button.clicked.connect(signal)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.info)
        column.addWidget(self.bar)
        column.addWidget(self.progress)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(message_row)
        buttons = QHBoxLayout()
        for button in (self.download_button, self.resume_button, self.cancel_button,
                       self.verify_button, self.remove_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        column.addLayout(buttons)
        self.show_row(None, None)

    def show_message(self, text: str, level: str = "info") -> None:
        colour = {"error": "#b91c1c", "warning": "#92400e"}.get(level, "")
        body = linked(text)
        self.message.setText(f'<span style="color:{colour}">{body}</span>' if colour else body)
        self.message.setVisible(bool(text))

    def show_row(self, row: Row | None, download: DownloadStatus | None, chosen: bool = False,
                 busy: bool = False, note: tuple[str, str] | None = None) -> None:
        """Everything about ``row`` (None: nothing selected); ``note``: (text, level) to say."""
        self.setEnabled(row is not None)
        running = download is not None and not download.finished
        self.title.setText(row.name if row else self.tr("Choose a model in the list"))
        self.info.setText(self._info(row) if row else "")
        self.bar.setVisible(running)
        self.progress.setVisible(running)
        if running:
            fraction = download.fraction
            self.bar.setRange(0, 1000 if fraction is not None else 0)
            self.bar.setValue(int(1000 * (fraction or 0)))
            self.progress.setText(labels.details_text(download))
        fix = ""
        if note is not None:
            self.show_message(*note)
        elif download is not None and download.state == downloads.FAILED:
            self.show_message(core_text(download.error or ""), "error")
            fix = FIXES.get(download.error_kind, "")
        elif download is not None and download.state == downloads.CANCELLED:
            self.show_message(labels.progress_text(download))
        else:
            self.show_message("")
        self._show_fix(fix)
        self._enable(row, download, running, chosen, busy)

    def _show_fix(self, fix: str) -> None:
        texts = {"token": self.tr("Set access token…"), "endpoint": self.tr("Set a mirror…"),
                 "offline": self.tr("Offline settings…")}
        self.fix_button.setProperty("fix", fix)
        self.fix_button.setText(texts.get(fix, ""))
        self.fix_button.setVisible(bool(fix))

    def _info(self, row: Row) -> str:
        entry = catalog.find(row.ref)
        lines = [model_description(entry)] if entry and entry.description else []
        if row.kind == LOCAL:
            lines.append(self.tr("Folder or file on this computer: %1").replace("%1", row.ref))
        elif row.path:
            lines.append(self.tr("Files: %1").replace("%1", row.path))
        elif row.source:
            lines.append(self.tr("From the hub: %1").replace("%1", row.source))
        return "\n".join(lines)

    def _enable(self, row: Row | None, download: DownloadStatus | None, running: bool,
                chosen: bool, busy: bool) -> None:
        state = row.state if row else ""
        stopped = download is not None and download.state in (downloads.FAILED,
                                                              downloads.CANCELLED)
        resumable = not running and (stopped or state == downloads.PARTIAL)
        downloadable = row is not None and row.downloadable and not running and not resumable
        self.download_button.setVisible(downloadable or row is None)
        self.download_button.setEnabled(downloadable and not busy)
        self.resume_button.setVisible(resumable and row is not None and row.downloadable)
        fresh = stopped and download.done_bytes == 0 and state != downloads.PARTIAL
        self.resume_button.setText(self.tr("Try again") if fresh else self.tr("Resume"))
        self.resume_button.setEnabled(not busy)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running and not download.cancelling)
        on_disk = state in (downloads.BUILT_IN, downloads.DOWNLOADED, downloads.PARTIAL)
        self.verify_button.setEnabled(on_disk and not running and not busy)
        removable = row is not None and (row.kind == LOCAL or state in (
            downloads.DOWNLOADED, downloads.PARTIAL, downloads.CACHED))
        self.remove_button.setEnabled(removable and not running and not busy)
        self.remove_button.setText(self.tr("Remove from list") if row is not None
                                   and row.kind == LOCAL else self.tr("Remove…"))
        self.open_button.setEnabled(bool(row and row.path))
        usable = row is not None and not chosen and state in (
            downloads.BUILT_IN, downloads.DOWNLOADED, downloads.CACHED, LOCAL_OK)
        self.use_button.setEnabled(usable)
        self.use_button.setText(self.tr("Used for this task") if chosen
                                else self.tr("Use for this task"))
