"""The History dock: every result the app made, searchable, with its lineage and actions."""

from .dock import HistoryDock
from .panel import HistoryPanel

__all__ = ["HistoryDock", "HistoryPanel"]
