"""The History dock of the main window, and what it does with the window's tabs.

Toggled from a "History" button beside the tabs (Ctrl+H); the window's saved state
remembers whether it is open and where.  Use settings loads a result's request into
its tab and picks its model in the settings panel; Re-run runs it again in its tab,
recorded as made from the original.  The history's warnings and errors go to the
window's message bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolButton

from studio.core.history import Entry, request_from_entry
from studio.ui.history_service import HistoryService
from studio.ui.texts import core_text

from .labels import task_label
from .panel import HistoryPanel


class HistoryDock(QDockWidget):
    def __init__(self, window: QMainWindow, service: HistoryService) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("History"))
        self.main = window
        self.service = service
        self.setObjectName("history-dock")  # saveState/restoreState know it by this name
        self.panel = HistoryPanel(service, self._loads_requests, self)
        self.setWidget(self.panel)
        self.hide()  # until the user opens it (or the saved window state says it was open)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)

        self.toggle = self.toggleViewAction()
        self.toggle.setText(self.tr("History"))
        self.toggle.setShortcut(QKeySequence("Ctrl+H"))
        self.toggle.setToolTip(self.tr("Show or hide everything made so far (Ctrl+H)"))
        window.addAction(self.toggle)  # the shortcut works wherever the focus is
        self.button = QToolButton(window)
        self.button.setDefaultAction(self.toggle)
        self.button.setAutoRaise(True)
        window.tabs.setCornerWidget(self.button, Qt.Corner.TopRightCorner)

        self.panel.use_settings.connect(self.use_settings)
        self.panel.rerun.connect(self.rerun)
        service.warning.connect(self._on_warning)
        service.error.connect(self._on_error)

    def _loads_requests(self, task: str) -> bool:
        page = self.main.pages.get(task)
        return page is not None and page.loads_requests

    def _request(self, entry: Entry) -> tuple[Any, Any]:
        """(the tab, the request) for ``entry``, or (None, None) after saying why not."""
        page = self.main.pages.get(entry.task)
        if page is None or not page.loads_requests:
            self.panel.message.show_message(
                self.tr("The %1 tab cannot take results back in this version.")
                .replace("%1", task_label(entry.task)), "warning")
            return None, None
        try:
            return page, request_from_entry(entry)
        except Exception as exc:  # UserError: a request type this version does not know
            self.panel.message.show_message(core_text(getattr(exc, "message", str(exc))),
                                            "error")
            return None, None

    @Slot(object)
    def use_settings(self, entry: Entry) -> None:
        page, request = self._request(entry)
        if page is None:
            return
        self.main.show_tab(entry.task)
        model, note = getattr(request, "model", ""), ""
        if model:  # the model lives in the settings panel (a server's: with its endpoint)
            note = self.main.endpoints.choose(entry.task, model, getattr(request, "endpoint", ""))
        backend = getattr(request, "backend", "") if entry.task == "writing" else ""
        box = self.main.panel.backend
        if backend and box.findData(backend) >= 0:
            box.setCurrentIndex(box.findData(backend))
        page.load_request(request)
        page.show_info(" ".join(filter(None, (self.tr("Loaded the settings of result #%1.")
                                              .replace("%1", str(entry.id)), note))))

    @Slot(object)
    def rerun(self, entry: Entry) -> None:
        page, request = self._request(entry)
        if page is not None:
            self.main.show_tab(entry.task)
            page.rerun(request, (entry.id,))

    def _notify(self, text: str, level: str) -> None:
        notice = self.main.notice
        lines = [notice.text(), text] if notice.text() else [text]  # keep earlier warnings
        self.main.show_notice("\n".join(lines), "error" if level == "error"
                                 else notice.level or level)

    @Slot(str)
    def _on_warning(self, text: str) -> None:
        self._notify(text, "warning")

    @Slot(str)
    def _on_error(self, text: str) -> None:
        self._notify(text, "error")

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Stop reading previews; let queued records finish and close the history."""
        self.panel.shutdown()
        return self.service.shutdown(timeout_ms)
