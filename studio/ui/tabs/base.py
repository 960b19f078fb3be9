"""What every tab shares: a JobRunner, run/stop buttons, progress and a message bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from studio.core.drafts import DraftStore
from studio.core.jobs import Failed
from studio.core.settings import Settings
from studio.ui.widgets.message_bar import MessageBar
from studio.ui.worker import JobRunner


class TabBase(QWidget):
    task = ""  # "writing", "painting", ... (also the draft and settings key)
    file_suffixes: tuple[str, ...] = ()  # files this tab opens (dropped or from the command line)

    def __init__(self, settings: Settings, drafts: DraftStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.drafts = drafts
        self.runner = JobRunner(self.task, self)
        self.message = MessageBar(self)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self.run_button = QPushButton(self)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.runner.busy_changed.connect(self._on_busy)
        self.runner.failed.connect(self._on_failed)
        self.runner.progress.connect(self._on_progress)

    def button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.stop_button)
        row.addWidget(self.progress, 1)
        return row

    # -- shared behaviour ------------------------------------------------------
    def stop(self) -> None:
        self.runner.cancel()

    def show_error(self, text: str) -> None:
        self.message.show_message(text, "error")

    def show_info(self, text: str) -> None:
        self.message.show_message(text, "info")

    def _on_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat("" if not busy else "%p%")

    def _on_failed(self, _job: int, ev: Failed) -> None:
        self.show_error(ev.message)

    def _on_progress(self, _job: int, ev: Any) -> None:
        if ev.fraction is None:
            self.progress.setRange(0, 0)  # busy indicator
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(round(ev.fraction * 100))
        if ev.message:
            self.progress.setFormat(ev.message + "  %p%" if ev.fraction is not None else ev.message)

    # -- hooks -------------------------------------------------------------------
    def accepts(self, path: str) -> bool:
        return path.lower().endswith(self.file_suffixes)

    def open_file(self, path: str) -> None:
        """Open a file the user dropped on the window or passed on the command line."""

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings

    def draft(self) -> dict[str, Any]:
        """What to keep across restarts (prompt, outputs...)."""
        return {}

    def restore_draft(self, data: dict[str, Any]) -> None:
        """Inverse of draft(); must tolerate missing or odd values."""

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        return self.runner.shutdown(timeout_ms)
