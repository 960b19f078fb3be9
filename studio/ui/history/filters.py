"""The History panel's search box and filters, as ``HistoryStore.list`` keywords.

Typing is debounced (a query per pause, not per key); any word length works,
Chinese included (the store searches 1-2 character words with LIKE).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QWidget

from .labels import model_name, task_label

TASKS = ("writing", "painting", "voice", "transcription")
DEBOUNCE_MS = 250


class FilterBar(QWidget):
    changed = Signal()  # the filters changed (search: after the user paused typing)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search prompts and texts"))
        self.search.setClearButtonEnabled(True)
        self.task = QComboBox(self)
        self.task.addItem(self.tr("All tasks"), None)
        for task in TASKS:
            self.task.addItem(task_label(task), task)
        self.period = QComboBox(self)
        for label, days in ((self.tr("Any time"), None), (self.tr("Today"), 1),
                            (self.tr("Last 7 days"), 7), (self.tr("Last 30 days"), 30)):
            self.period.addItem(label, days)
        self.model = QComboBox(self)
        self.model.addItem(self.tr("All models"), None)
        self.model.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model.setMinimumContentsLength(8)
        self.favourites = QCheckBox(self.tr("★ Favourites"), self)
        self.favourites.setToolTip(self.tr("Show only the results marked as favourites"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0, 1, 2)
        grid.addWidget(self.task, 1, 0)
        grid.addWidget(self.period, 1, 1)
        grid.addWidget(self.model, 2, 0)
        grid.addWidget(self.favourites, 2, 1)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(DEBOUNCE_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(self._typing.start)
        self.search.returnPressed.connect(self._now)
        for box in (self.task, self.period, self.model):
            box.currentIndexChanged.connect(self._now)
        self.favourites.toggled.connect(self._now)

    def _now(self, *_args) -> None:
        self._typing.stop()
        self.changed.emit()

    def set_models(self, models: list[str]) -> None:
        """The models results were made with (kept: the one chosen, even if now absent)."""
        chosen = self.model.currentData()
        self.model.blockSignals(True)
        while self.model.count() > 1:
            self.model.removeItem(1)
        for ref in dict.fromkeys([*models, *([chosen] if chosen else [])]):
            self.model.addItem(model_name(ref), ref)
            self.model.setItemData(self.model.count() - 1, ref, Qt.ItemDataRole.ToolTipRole)
        self.model.setCurrentIndex(max(0, self.model.findData(chosen)) if chosen else 0)
        self.model.blockSignals(False)

    def active(self) -> bool:
        """Anything narrows the list (an empty list then means "nothing matches")."""
        values = self.values()
        return any(values.get(k) is not None for k in ("task", "model", "since", "favourite")) \
            or bool(values.get("search"))

    def values(self) -> dict[str, Any]:
        """Keyword arguments for ``HistoryStore.list``."""
        days = self.period.currentData()
        since = None
        if days is not None:  # today and the days before it, from midnight
            midnight = dt.datetime.combine(dt.date.today(), dt.time())
            since = (midnight - dt.timedelta(days=days - 1)).timestamp()
        return {
            "search": self.search.text().strip() or None,
            "task": self.task.currentData(),
            "model": self.model.currentData(),
            "since": since,
            "favourite": True if self.favourites.isChecked() else None,
        }
