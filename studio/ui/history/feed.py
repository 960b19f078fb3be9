"""The newest results of one task, for a tab's own list (the Voice takes, the gallery).

A query on the history's thread, read again after every change made in this window;
an answer to a query no longer awaited is dropped.  The tab draws ``loaded`` rows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from studio.ui.history_service import HistoryService, Page


class TaskFeed(QObject):
    loaded = Signal(object)  # list[Row], newest first
    failed = Signal(str)  # translated

    def __init__(self, task: str, limit: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.limit = limit
        self.history: HistoryService | None = None
        self._token: int | None = None

    def attach(self, history: HistoryService) -> None:
        self.history = history
        history.answered.connect(self._on_answer)
        history.failed.connect(self._on_failed)
        history.changed.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self.history is not None:
            self._token = self.history.query({"task": self.task}, 0, self.limit)

    @property
    def waiting(self) -> bool:
        return self._token is not None

    @Slot(int, object)
    def _on_answer(self, token: int, page: object) -> None:
        if token == self._token and isinstance(page, Page):
            self._token = None
            self.loaded.emit(page.rows)

    @Slot(int, str)
    def _on_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self._token = None
            self.failed.emit(message)
