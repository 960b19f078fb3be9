"""Painting tab: Stable Diffusion text-to-image, image-to-image and inpainting.

The prompt, the source (mode, init image, mask brush) and the parameters are on the
left; on the right the image being painted (live previews, scaled up smoothly, with
the step counter) or the one chosen in the gallery below it, zoomable.  Generate
(Ctrl+Enter) builds a ``PaintRequest``; an inpainting mask is first written to a PNG
off the UI thread (the request names files).  Results are saved and recorded by
``PaintingRecords``; drops are read by ``PaintingDrops``; ``ModelState`` says when
there is no model to paint with.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog

from studio.core.engines.painting import PaintRequest
from studio.core.jobs import Cancelled, Failed, Preview, Progress, Result
from studio.ui.history_service import HistoryService
from studio.ui.texts import core_text
from studio.ui.widgets.image_viewer import array_to_qimage
from studio.ui.worker import BackgroundCalls

from ..base import TabBase
from .drops import PaintingDrops
from .files import read_image, read_mask, read_view, save_mask
from .layout import build_layout
from .model_state import ModelState
from .params import PaintParams
from .records import PaintingRecords
from .results import ResultsGallery
from .source import SourcePanel

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp")


class PaintingTab(PaintingDrops, PaintingRecords, TabBase):
    task = "painting"
    file_suffixes = (*IMAGE_SUFFIXES, ".txt", ".md")
    model_chosen = Signal(str, str)  # (task, ref): a model picked here (the settings panel's)

    def __init__(self, settings, drafts, host, parent=None):
        super().__init__(settings, drafts, host, parent)
        self.io = BackgroundCalls("painting-io", self)
        self.init_outputs("images")
        self.awaiting_select: Any = None  # the record whose first image to select
        self._mask_file: tuple[int, str, str] | None = None  # (version, init image, file)
        self._waiting_mask: tuple[str, PaintRequest, tuple] | None = None
        self._shown_path = ""  # the gallery image in the viewer
        self.params = PaintParams(self)
        self.source = SourcePanel(self)
        self.results = ResultsGallery(self)
        build_layout(self)  # prompt editors, viewer, banner, splitters
        self.model_state = ModelState(self.banner, self)
        self.init_drops()

        self.run_button.setText(self.tr("Generate"))
        self.run_button.setToolTip(self.tr("Paint (Ctrl+Enter)"))
        self.stop_button.setToolTip(self.tr("Stop (Esc); finished images are kept"))
        self.run_button.clicked.connect(self.generate)
        for editor in (self.prompt, self.negative):
            editor.submit.connect(self.generate)
            editor.escape.connect(self.stop)
            editor.file_dropped.connect(self.open_file)
        for keys, slot in (("Ctrl+Return", self.generate), ("Ctrl+Enter", self.generate),
                           (QKeySequence(Qt.Key.Key_Escape), self.stop)):
            QShortcut(QKeySequence(keys), self, slot).setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.source.mode_changed.connect(self._on_mode)
        self.source.open_requested.connect(self.choose_init_image)
        self.source.file_dropped.connect(lambda path: self.use_init_image(path))
        self.results.chosen.connect(self.show_result)
        self.results.action.connect(self.on_gallery_action)
        self.results.failed.connect(self.show_error)
        self.model_state.defaults_known.connect(self.params.set_defaults)
        self.model_state.model_chosen.connect(self.choose_model)
        self.runner.progress.connect(self._on_step)
        self.io.done.connect(self._on_io_done)
        self.io.failed.connect(self._on_io_failed)
        self._on_mode(self.source.mode())
        self.model_state.follow(settings)

    def attach_history(self, history: HistoryService) -> None:
        super().attach_history(history)
        self.results.attach(history)
        history.recorded.connect(self._on_recorded)

    # -- the model ----------------------------------------------------------------------------
    def on_model_ready(self, ref: str) -> None:
        self.model_state.model_ready(ref)

    def apply_settings(self, settings) -> None:
        changed = settings.target_for("painting") != self.settings.target_for("painting")
        super().apply_settings(settings)
        if changed:
            self.model_state.follow(settings)

    @Slot(str)
    def choose_model(self, ref: str) -> None:
        self.model_chosen.emit("painting", ref)  # the settings panel holds the model
        if self.settings.model_for("painting") != ref:  # no window listening: keep it here
            self.apply_settings(dataclasses.replace(
                self.settings, models={**self.settings.models, "painting": ref}))

    # -- painting -----------------------------------------------------------------------------
    def request(self) -> PaintRequest:
        """The request the controls describe (without the mask file, saved at Generate)."""
        s, mode = self.settings, self.source.mode()
        endpoint, model = s.target_for("painting")  # endpoint: a server's name, or ""
        return PaintRequest(
            prompt=self.prompt.toPlainText(), negative_prompt=self.negative.toPlainText(),
            model=model, endpoint=endpoint, device=s.device, dtype=s.dtype,
            init_image=self.source.path if mode != "txt2img" else "", **self.params.values())

    @Slot()
    def generate(self) -> None:
        if self.runner.busy or self._waiting_mask is not None:
            return
        problem = self._problem()
        if problem:
            self.show_error(problem)
            return
        request = self.request()
        if self.source.mode() != "inpaint":
            self.start(request)
            return
        canvas = self.source.canvas
        if self._mask_file and self._mask_file[:2] == (canvas.version, self.source.path):
            self.start(dataclasses.replace(request, mask=self._mask_file[2]))
            return
        key = f"mask:{canvas.version}"  # the mask is written first: requests name files
        self._waiting_mask = (key, request, (canvas.version, self.source.path))
        self.run_button.setEnabled(False)
        self.io.call(key, save_mask, self.output_folder(), canvas.mask_array(), request.prompt)

    @Slot()
    def stop(self) -> None:
        if self._waiting_mask is not None:  # Stop before the job started: it never will
            self._waiting_mask = None
            self.run_button.setEnabled(not self.runner.busy)
        super().stop()

    def _problem(self) -> str:
        """Why Generate cannot start now ("" when it can)."""
        if self.model_state.available is False:
            self.model_state.show_missing()
            return self.tr("There is no painting model to paint with yet: download one or "
                           "open a model folder or file (see above).")
        mode = self.source.mode()
        if mode != "txt2img" and not self.source.path:
            return self.tr("Choose a start image first: drop one on the image well or open "
                           "one.")
        if mode == "inpaint" and not self.source.canvas.has_mask():
            return self.tr("Brush over the part of the image to repaint first.")
        return self.params.problem()

    def start(self, request: PaintRequest, parents: tuple | None = None) -> None:
        """Run ``request``; made from the init image's result unless ``parents`` says."""
        if parents is None:
            parents = (self.source.parent_id,) if request.init_image else ()
        self.viewer.set_caption(self.tr("Starting…"))
        self.submit(request, parents)

    @Slot(int, object)
    def _on_step(self, job: int, ev: Progress) -> None:
        if job == self.job and ev.step is not None and ev.total:
            self.viewer.set_caption(self.tr("Step %1 of %2").replace("%1", str(ev.step))
                                    .replace("%2", str(ev.total)))
        elif job == self.job and ev.message:
            self.viewer.set_caption(core_text(ev.message))

    def on_output(self, ev: Preview) -> None:
        if isinstance(ev, Preview):
            self.viewer.set_image(array_to_qimage(ev.image), keep_view=True)
            self._shown_path = ""

    def _show_images(self, images) -> None:
        self.viewer.set_caption("")
        if images:
            self.viewer.set_image(array_to_qimage(images[0]))
            self._shown_path = ""

    def on_result(self, ev: Result) -> None:
        self._show_images(ev.value.images)
        self.keep_images(ev, ev.value, "done")

    def on_cancelled(self, ev: Cancelled) -> None:
        partial = ev.partial
        if partial is not None and partial.images:
            self._show_images(partial.images)
            self.keep_images(ev, partial, "stopped")
            self.show_info(self.tr("Stopped; the %1 finished image(s) are kept.").replace(
                "%1", str(len(partial.images))))
        else:
            self._restore_view()

    def on_failed(self, ev: Failed) -> None:
        self._restore_view()

    def _restore_view(self) -> None:
        """The job left nothing: show what the gallery has selected again."""
        self.viewer.set_caption("")
        found = self.results.selected()
        if found is not None:
            self.show_result(*found)

    # -- showing results ----------------------------------------------------------------------
    @Slot(object, int, str)
    def show_result(self, _entry, _index: int, path: str) -> None:
        """An image of the gallery, large (read off the UI thread)."""
        self._shown_path = path
        self.io.call("view", read_view, path)

    # -- the init image -----------------------------------------------------------------------
    def choose_init_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open start image"), "", self.tr(
            "Images (*.png *.jpg *.jpeg *.webp *.bmp)"))
        if path:
            self.use_init_image(path)

    def use_init_image(self, path: str, mode: str | None = None, parent_id: int | None = None,
                       mask: str = "") -> None:
        """Paint over ``path`` (read off the UI thread); ``mode``: switch to it."""
        if mode is None and self.source.mode() == "txt2img":
            mode = "img2img"
        self.io.call("init", lambda: (path, read_image(path), parent_id, mode))
        if mask:
            self.io.call("init-mask", read_mask, mask)

    @Slot(str)
    def _on_mode(self, mode: str) -> None:
        self.params.set_mode(mode)
        self.controls_column.setStretchFactor(self.source, 0 if mode == "txt2img" else 3)

    # -- background answers -------------------------------------------------------------------
    @Slot(str, object)
    def _on_io_done(self, kind: str, value: Any) -> None:
        if self.records_io_done(kind, value) or self.drop_io_done(kind, value):
            return
        if kind == "view" and value[0] == self._shown_path:
            self.viewer.set_image(value[1])
        elif kind == "init":
            path, image, parent_id, mode = value
            self.source.set_image(path, image, parent_id)
            if mode:
                self.source.set_mode(mode)
        elif kind == "init-mask":
            self.source.canvas.set_mask(value)
        elif self._waiting_mask is not None and kind == self._waiting_mask[0]:
            _, request, made_from = self._waiting_mask
            self._waiting_mask = None
            self._mask_file = (*made_from, str(value))
            self.run_button.setEnabled(not self.runner.busy)
            self.start(dataclasses.replace(request, mask=str(value)))

    @Slot(str, object)
    def _on_io_failed(self, kind: str, message: Any) -> None:
        if self.records_io_failed(kind, message) or self.drop_io_failed(kind, message):
            return
        if self._waiting_mask is not None and kind == self._waiting_mask[0]:
            self._waiting_mask = None
            self.run_button.setEnabled(not self.runner.busy)
            self.show_error(self.tr("The mask could not be saved: %1").replace(
                "%1", core_text(message)))
        elif kind in ("init", "init-mask", "view"):
            self.show_error(core_text(message))

    # -- persistence --------------------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        return {"prompt": self.prompt.toPlainText(), "negative": self.negative.toPlainText(),
                "params": self.params.state(), "mode": self.source.mode(),
                "init_image": self.source.path, "init_parent": self.source.parent_id}

    def restore_draft(self, data: dict[str, Any]) -> None:
        if not isinstance(data, dict):
            return
        for key, editor in (("prompt", self.prompt), ("negative", self.negative)):
            if isinstance(data.get(key), str):
                editor.setPlainText(data[key])
        self.params.restore(data.get("params"))
        mode, path = data.get("mode"), data.get("init_image")
        parent = data.get("init_parent")
        if isinstance(path, str) and path and mode in ("img2img", "inpaint"):
            self.use_init_image(path, mode, parent if isinstance(parent, int)
                                and not isinstance(parent, bool) else None)

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        ok = self.runner.shutdown(timeout_ms)  # delivers a final Result/Cancelled first
        self.wait_for_outputs(timeout_ms)  # the last images are written and recorded too
        self.model_state.shutdown()
        self.results.shutdown()
        return self.io.shutdown(500) and ok
