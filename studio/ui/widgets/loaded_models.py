"""The status bar's loaded models: what the engine process holds, its memory, unload all.

A button that reads "2 models loaded"; its menu lists each model with the memory
it holds and whether a job is using it (those stay when unloading), the budget the
engine keeps, and "Unload models".  ``describe(stats)`` is the same list as text,
for the memory label's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QMenu, QToolButton

from studio.core.devices import format_bytes


def model_line(model) -> str:
    line = f"{model.name} · {format_bytes(model.bytes) if model.bytes else '?'}"
    if model.in_use:
        line += " · " + QCoreApplication.translate("LoadedModels", "in use")
    return line


def describe(stats) -> str:
    """The loaded models, one a line, and the budget ("" when the engine is not running)."""
    if stats is None:
        return ""
    lines = [model_line(m) for m in stats.loaded] or [
        QCoreApplication.translate("LoadedModels", "No model loaded")]
    if stats.budget_bytes:
        lines.append(QCoreApplication.translate("LoadedModels", "Memory budget: %1")
                     .replace("%1", format_bytes(stats.budget_bytes)))
    return "\n".join(lines)


class LoadedModelsButton(QToolButton):
    unload = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolTip(self.tr("Models loaded in the engine process, with their memory"))
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.stats = None
        self.set_stats(None)

    def set_stats(self, stats) -> None:
        self.stats = stats
        count = len(stats.loaded) if stats is not None else 0
        self.setVisible(stats is not None)
        self.setText(self.tr("No model loaded") if not count else
                     self.tr("Models loaded: %1").replace("%1", str(count)))
        self._fill()

    def _fill(self) -> None:
        menu = self.menu_
        menu.clear()
        stats = self.stats
        for model in (stats.loaded if stats is not None else ()):
            action = menu.addAction(model_line(model))
            action.setEnabled(False)
            action.setToolTip(self.tr("A job is using it: it stays loaded") if model.in_use
                              else "")
        if stats is None or not stats.loaded:
            menu.addAction(self.tr("No model loaded")).setEnabled(False)
        if stats is not None and stats.budget_bytes:
            menu.addSeparator()
            menu.addAction(self.tr("Memory budget: %1").replace(
                "%1", format_bytes(stats.budget_bytes))).setEnabled(False)
        menu.addSeparator()
        unload = menu.addAction(self.tr("Unload models"))
        unload.setEnabled(stats is not None and any(not m.in_use for m in stats.loaded))
        unload.triggered.connect(self._unload)

    @Slot()
    def _unload(self) -> None:
        self.unload.emit()
