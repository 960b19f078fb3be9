"""Is there a painting model to paint with?  Said before Generate, with a way out.

The settings' painting model is looked at off the UI thread (``model_defaults`` reads
its configuration files, no torch): when it resolves, its defaults tell the
parameters what "auto" means; when it does not (the default SD-Turbo is a hub model
that is not downloaded on a fresh install), a banner says so and offers the
catalogue's CPU-friendly choice, downloaded in the window's Models dialog (where
downloads show their progress and can be cancelled and resumed; without one, the
banner names the CLI command and can check again), or a model folder or
``.safetensors`` file already on this computer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from studio.core import catalog
from studio.core.devices import format_bytes
from studio.ui.texts import core_text
from studio.ui.widgets.message_bar import MessageBar
from studio.ui.worker import BackgroundCalls

DOWNLOAD, FOLDER, FILE, RECHECK = "download", "folder", "file", "check-again"


def check_model(ref: str):
    """The model's defaults (UserError when it is not on this computer)."""
    from studio.core.engines.painting import model_defaults

    return model_defaults(ref)


def cpu_choice(ref: str) -> catalog.CatalogEntry | None:
    """What to offer: the chosen model when it is a catalogue download, else the
    catalogue's CPU-friendly painting model (SD-Turbo)."""
    entry = catalog.find(ref)
    if entry is not None and not entry.bundled and entry.task == "painting":
        return entry
    entries = catalog.for_task("painting")
    return next((e for e in entries if e.cpu and e.default), next(
        (e for e in entries if e.cpu), None))


class ModelState(QObject):
    defaults_known = Signal(object)  # ModelDefaults, or None while unknown or missing
    model_chosen = Signal(str)  # a folder or file picked here

    def __init__(self, banner: MessageBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.banner = banner
        self.ref = ""
        self.available: bool | None = None  # None while looking
        self.problem = ""  # why the model is not available (translated)
        self.offer: catalog.CatalogEntry | None = None
        self._calls = BackgroundCalls("painting-model", self)
        self._calls.done.connect(self._on_done)
        self._calls.failed.connect(self._on_failed)
        banner.action_triggered.connect(self._on_action)

    def check(self, ref: str) -> None:
        """Look at ``ref`` (the settings' painting model) again."""
        self.ref, self.available = ref, None
        self.defaults_known.emit(None)
        self._calls.call(f"model:{ref}", check_model, ref)

    def follow(self, settings) -> None:
        """Look at the settings' painting model; a server's model needs no look (no banner;
        its defaults are the server's)."""
        if settings.remote_for("painting") is None:
            self.check(settings.model_for("painting"))
            return
        self.ref, self.available, self.problem = "", True, ""
        self.banner.clear_message()
        self.defaults_known.emit(None)

    @Slot(str, object)
    def _on_done(self, kind: str, defaults) -> None:
        if kind != f"model:{self.ref}":
            return  # an answer about a model no longer chosen
        self.available, self.problem = True, ""
        self.banner.clear_message()
        self.defaults_known.emit(defaults)

    @Slot(str, object)
    def _on_failed(self, kind: str, message) -> None:
        if kind != f"model:{self.ref}":
            return
        self.available, self.problem = False, core_text(message)
        self.offer = cpu_choice(self.ref)
        self.show_missing()

    def _models_window(self):
        """The main window when it has a Models dialog (``show_models``), else None."""
        window = self.parent().window()
        return window if callable(getattr(window, "show_models", None)) else None

    def show_missing(self) -> None:
        text, actions = self.problem, []
        offer, dialog = self.offer, self._models_window() is not None
        if offer is not None:
            size = format_bytes(offer.size_mb * 1024**2)
            if dialog:
                line = self.tr("Download %1 (%2; it runs on a CPU too), or use a model folder "
                               "or .safetensors file you already have.")
                actions.append((DOWNLOAD, self.tr("Download %1…").replace("%1", offer.name)))
            else:
                line = self.tr("Or use a model folder or .safetensors file you already have.")
                if f"models download {offer.id}" not in text:
                    line = self.tr("%1 (%2) runs on a CPU too: aigc-studio models download "
                                   "%3").replace("%3", offer.id) + "\n" + line
            text += "\n" + line.replace("%1", offer.name).replace("%2", size)
        actions += [(FOLDER, self.tr("Open model folder…")),
                    (FILE, self.tr("Open model file…"))]
        if not dialog:
            actions.append((RECHECK, self.tr("Check again")))
        self.banner.show_message(text, "warning", actions)

    # -- the ways out -----------------------------------------------------------------------
    @Slot(str)
    def _on_action(self, action: str) -> None:
        if action == FOLDER:
            path = QFileDialog.getExistingDirectory(
                self.parent(), self.tr("Choose a Stable Diffusion model folder (diffusers)"))
            if path:
                self.use_local(path)
        elif action == FILE:
            path, _ = QFileDialog.getOpenFileName(
                self.parent(), self.tr("Choose a Stable Diffusion checkpoint"), "",
                self.tr("Safetensors checkpoints (*.safetensors)"))
            if path:
                self.use_local(path)
        elif action == DOWNLOAD and self.offer is not None:
            self.open_download(self.offer.id)
        elif action == RECHECK:
            self.check(self.ref)

    def use_local(self, path: str) -> None:
        """A model folder or file on this computer becomes the painting model."""
        self.banner.clear_message()
        self.model_chosen.emit(path)

    def open_download(self, ref: str) -> None:
        """The Models dialog at ``ref``, where it downloads; looked at again once done."""
        window = self._models_window()
        if window is None:
            return
        window.show_models("painting", ref)

    def model_ready(self, _ref: str) -> None:
        """A download finished (the window tells every tab): look again if ours was missing."""
        if self.available is False:
            self.check(self.ref)

    def shutdown(self) -> None:
        self._calls.shutdown()
