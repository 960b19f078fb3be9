"""The main window's endpoint parts: the editor, its action, the pickers' sections, the label.

``WindowEndpoints`` gives the window an ``EndpointService`` (loaded and probed off
the UI thread), the "Endpoints…" action beside Models… over the tabs (and the
settings panel's button), the endpoints' models in every task's picker, and a
status-bar label saying when the current tab runs on a server ("model @ endpoint").
When an endpoint a tab runs on is removed, the tab goes back to its local model and
says so; when the offline switch blocks it, the tab says that too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolButton

from studio.core import catalog
from studio.core.settings import Settings

from .dialog import Confirm, EndpointsDialog
from .service import EndpointService


class WindowEndpoints(QObject):
    def __init__(self, window, service: EndpointService | None = None,
                 confirm: Confirm | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.service = service or EndpointService(parent=self)
        self.confirm = confirm  # None: a question box (tests answer through this)
        self.dialog: EndpointsDialog | None = None
        self._blocked = self._blocked_tasks(window.settings)
        self._offline = window.settings.offline
        self.action = QAction(self.tr("Endpoints…"), window)
        self.action.setToolTip(self.tr("Inference servers the tabs can run on"))
        self.action.triggered.connect(self._on_action)
        window.addAction(self.action)
        button = QToolButton(window)
        button.setDefaultAction(self.action)
        button.setAutoRaise(True)
        corner = window.tabs.cornerWidget(Qt.Corner.TopRightCorner)
        if corner is not None and corner.layout() is not None:
            corner.layout().insertWidget(1, button)  # after Models…
        else:
            window.tabs.setCornerWidget(button, Qt.Corner.TopRightCorner)
        self.label = QLabel(window)  # "model @ endpoint" while the current tab runs remotely
        self.label.setObjectName("remote-label")
        self.label.hide()
        window.statusBar().insertPermanentWidget(0, self.label)
        window.panel.endpoints_requested.connect(self.show)
        window.panel.refresh_requested.connect(self.refresh)
        window.settings_changed.connect(self._on_settings)
        window.tabs.currentChanged.connect(self._show_target)
        self.service.changed.connect(self._sync)
        self.service.renamed.connect(self._on_renamed)
        self.service.load()
        self._show_target()

    @Slot()
    def _on_action(self, *_args) -> None:
        self.show()

    @Slot()
    def show(self) -> EndpointsDialog:
        if self.dialog is None:
            self.dialog = EndpointsDialog(self.service, lambda: self.window.settings.offline,
                                          self.window, self.confirm)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    @Slot()
    def refresh(self) -> None:
        self.service.refresh()
        self._sync()

    def choose(self, task: str, model: str, endpoint: str = "") -> str:
        """Use settings of a result: its model, on its endpoint when it ran on one; what could
        not be restored, said for the tab ("" when all was)."""
        if not endpoint:
            self.window.panel.set_model(task, model)
        elif self.service.get(endpoint) is not None:
            self.window.panel.set_model(task, model, endpoint)
        else:  # removed since, or a URL given to the CLI
            return self.tr("It ran on %1 with %2, which is not one of your endpoints: add it "
                           "in Settings → Endpoints to run it there again.")\
                .replace("%1", endpoint).replace("%2", model)
        return ""

    # -- the pickers ----------------------------------------------------------------------------
    @Slot()
    def _sync(self) -> None:
        """The endpoints' models into every picker; a tab whose endpoint is gone goes local."""
        window = self.window
        if self.service.loaded:
            names = self.service.names()
            for task in catalog.TASKS:
                remote = window.settings.remote_for(task)
                if remote is not None and remote[0] not in names:
                    local = window.settings.model_for(task)
                    window.panel.set_model(task, local)  # the window applies it: the tab follows
                    window.pages[task].show_info(self.tr(
                        "The endpoint %1 is gone, so this tab runs on this computer again "
                        "with %2.").replace("%1", remote[0]).replace("%2", _model_name(local)))
        offline = window.settings.offline
        window.panel.set_remote_sections({task: self.service.sections(task, offline)
                                          for task in catalog.TASKS})
        self._show_target()

    @Slot(str, str)
    def _on_renamed(self, old: str, new: str) -> None:
        """The tabs that ran on ``old`` run on it under its new name."""
        for task in catalog.TASKS:
            remote = self.window.settings.remote_for(task)
            if remote is not None and remote[0] == old:
                self.window.panel.set_model(task, remote[1], new)

    def _blocked_tasks(self, settings: Settings) -> dict[str, str]:
        """Tasks whose endpoint the offline switch blocks: task -> endpoint."""
        if not settings.offline:
            return {}
        out = {}
        for task in catalog.TASKS:
            remote = settings.remote_for(task)
            endpoint = self.service.get(remote[0]) if remote else None
            if endpoint is not None and not endpoint.loopback:
                out[task] = endpoint.name
        return out

    @Slot(object)
    def _on_settings(self, settings: Settings) -> None:
        blocked = self._blocked_tasks(settings)
        for task, name in blocked.items():
            if self._blocked.get(task) != name:
                self.window.pages[task].show_error(self.tr(
                    "The offline switch is on, so this tab cannot run on %1 (not on this "
                    "computer): turn the switch off in Settings, or choose a model on this "
                    "computer.").replace("%1", name))
        self._blocked = blocked
        if settings.offline != self._offline:
            self._offline = settings.offline
            if not settings.offline:
                self.service.refresh()  # the servers it blocked may answer now
            self._sync()
            if self.dialog is not None:
                self.dialog.update_notes()
        self._show_target()

    @Slot()
    def _show_target(self, *_args) -> None:
        window = self.window
        for index in range(window.tabs.count()):
            task = next((t for t, p in window.pages.items()
                         if p is window.tabs.widget(index)), "")
            remote = window.settings.remote_for(task) if task else None
            window.tabs.setTabToolTip(index, self._runs_on(window.tabs.tabText(index), remote))
        remote = window.settings.remote_for(window.current_task())
        self.label.setVisible(remote is not None)
        if remote is not None:
            self.label.setText(self.tr("Remote: %1 @ %2").replace("%1", remote[1])
                               .replace("%2", remote[0]))
            self.label.setToolTip(self._runs_on(window.tabs.tabText(
                window.tabs.currentIndex()), remote))

    def _runs_on(self, title: str, remote: tuple[str, str] | None) -> str:
        if remote is None:
            return ""
        endpoint = self.service.get(remote[0])
        return self.tr("%1 runs on the server %2 (%3) with its model %4").replace(
            "%1", title).replace("%2", remote[0]).replace(
            "%3", endpoint.base_url if endpoint else "?").replace("%4", remote[1])

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.service.shutdown()


def _model_name(ref: str) -> str:
    entry = catalog.find(ref)
    return entry.name if entry is not None else ref
