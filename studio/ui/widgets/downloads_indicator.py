"""The status bar's downloads: one compact button with a progress bar; a click opens Models.

Hidden while nothing downloads.  It follows a ModelService's ``changed`` signal
(GUI thread); a download that failed keeps it visible, in red, until the next one
starts or the user opens the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

from studio.core.devices import format_bytes
from studio.core.downloads import DONE, FAILED, DownloadStatus


class DownloadsIndicator(QWidget):
    clicked = Signal()

    def __init__(self, service, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.button = QToolButton(self)
        self.button.setAutoRaise(True)
        self.button.setToolTip(self.tr("Downloads: click to open Models"))
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(90, 10)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.bar)
        self.failed: DownloadStatus | None = None
        self.button.clicked.connect(self._on_click)
        service.changed.connect(self._on_change)
        self.hide()

    @Slot()
    def _on_click(self) -> None:
        self.failed = None
        self.clicked.emit()
        self._update()

    @Slot(object)
    def _on_change(self, status: DownloadStatus) -> None:
        if status.state == FAILED:
            self.failed = status
        elif not status.finished:
            self.failed = None
        if status.state == DONE:
            bar = self.window().statusBar() if hasattr(self.window(), "statusBar") else None
            if bar is not None:
                bar.showMessage(self.tr("Downloaded %1").replace("%1", status.name), 8000)
        self._update()

    def _update(self) -> None:
        active = self.service.active()
        if not active:
            self.bar.hide()
            if self.failed is not None:
                self.button.setText(self.tr("Download failed: %1").replace(
                    "%1", self.failed.name))
                self.button.setStyleSheet("color: #b91c1c")
                self.show()
            else:
                self.hide()
            return
        self.button.setStyleSheet("")
        done = sum(s.done_bytes for s in active)
        total = sum(s.total_bytes for s in active)
        share = f"{int(100 * done / total)}%" if total else ""
        if len(active) == 1:
            text = self.tr("Downloading %1 %2").replace("%1", active[0].name).replace("%2", share)
        else:
            text = self.tr("%1 downloads %2").replace("%1", str(len(active))).replace("%2", share)
        self.button.setText(text.strip())
        self.button.setToolTip("\n".join(
            f"{s.name}: {format_bytes(s.done_bytes)} / {format_bytes(s.total_bytes)}"
            if s.total_bytes else f"{s.name}: {s.state}" for s in active))
        self.bar.setRange(0, 1000 if total else 0)
        self.bar.setValue(int(1000 * done / total) if total else 0)
        self.bar.show()
        self.show()
