"""The main window's model parts: downloads, the Models dialog, its action, status-bar widgets.

``WindowModels`` gives the window a ``ModelService`` (downloads on threads of their
own), the "Models…" action (Ctrl+M) beside the History button over the tabs, the
settings panel's "…" buttons, the status bar's downloads indicator and loaded-models
button, and the dialog itself, made on first use.  The dialog's "use for this task"
and its local models go through the settings panel, so the window applies them as
any other settings change (the tab follows).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from ..widgets.downloads_indicator import DownloadsIndicator
from ..widgets.loaded_models import LoadedModelsButton, describe
from .dialog import ModelsDialog
from .service import ModelService


class WindowModels(QObject):
    def __init__(self, window, service: ModelService | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.service = service or ModelService(self)
        self.dialog: ModelsDialog | None = None
        self.action = QAction(self.tr("Models…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+M"))
        self.action.setToolTip(self.tr("Download, add and choose models (Ctrl+M)"))
        self.action.triggered.connect(self._on_action)
        window.addAction(self.action)  # the shortcut works wherever the focus is
        button = QToolButton(window)
        button.setDefaultAction(self.action)
        button.setAutoRaise(True)
        corner = QWidget(window)
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(button)
        history = window.tabs.cornerWidget(Qt.Corner.TopRightCorner)
        if history is not None:
            row.addWidget(history)
        window.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        if history is not None:
            history.show()  # setCornerWidget hides the widget it replaces
        self.indicator = DownloadsIndicator(self.service, window)
        self.indicator.clicked.connect(self._on_action)
        self.loaded = LoadedModelsButton(window)
        self.loaded.unload.connect(window.unload_models)
        window.panel.models_requested.connect(self.show)

    @Slot()
    def _on_action(self, *_args) -> None:
        self.show()

    @Slot(str)
    def show(self, task: str = "", select: str = "") -> ModelsDialog:
        window = self.window
        if self.dialog is None:
            self.dialog = dialog = ModelsDialog(self.service, window.settings, window)
            dialog.use_model.connect(window.panel.set_model)  # the tab follows the settings
            dialog.local_models_changed.connect(self._set_local_models)
            dialog.settings_requested.connect(self.show_setting)
            window.settings_changed.connect(dialog.apply_settings)
        task = task or window.current_task()
        self.dialog.show_task(task, select or window.settings.model_for(task))
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    @Slot(object)
    def _set_local_models(self, local: dict) -> None:
        self.window.panel.update_settings(local_models=local)

    @Slot(str)
    def show_setting(self, name: str) -> None:
        """Bring the settings dock forward with a download setting in focus."""
        self.window.activateWindow()  # the dialog stays open beside it
        self.window.dock.show()
        self.window.dock.raise_()
        self.window.panel.hub_box.focus_field(name)

    def show_stats(self, stats, memory_label) -> None:
        """The engine's loaded models in the status bar (``stats`` None: not running)."""
        self.loaded.set_stats(stats)
        loaded = describe(stats)
        memory_label.setToolTip(self.tr("Memory of the window and of the engine process, "
                                        "where the models are loaded")
                                + (f"\n\n{loaded}" if loaded else ""))

    def cancel(self) -> None:
        self.service.manager.cancel_all()

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Stop the downloads (what they fetched stays, marked unfinished) and the lookups."""
        ok = self.service.shutdown(timeout)
        if self.dialog is not None:
            self.dialog.shutdown()
        self.window.panel.hub_box.shutdown()
        return ok
