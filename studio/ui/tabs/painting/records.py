"""The Painting tab's results: saved with their settings, recorded, and acted on.

A mixin of ``PaintingTab`` (before ``TabBase``).  When a job ends with images (a
Result, or a Stop after whole batches), each image is written as a PNG into the
outputs folder off the UI thread with the request that remakes it alone as its
metadata; then the job is recorded (``OutputRecords``) with the images as its files
and the init image's result as its parent.  The gallery's buttons land here: save as,
copy, use as init image, reuse settings, vary seed.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from studio.core.engines.painting import PaintRequest, PaintResult, image_request
from studio.core.history import Entry
from studio.core.history.entry import request_from_entry
from studio.core.jobs import Cancelled, Result, UserError
from studio.ui.texts import core_text

from ..outputs import OutputRecords
from .files import export_image, read_image, save_images

SAVE_FILTERS = "PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)"


def entry_image_request(entry: Entry, index: int) -> PaintRequest:
    """The request that remakes image ``index`` of a recorded result on its own."""
    request = request_from_entry(entry)
    if not isinstance(request, PaintRequest):
        raise UserError("not a painting")
    if request.seed is None:
        return dataclasses.replace(request, batch_size=1, batch_count=1)
    return image_request(request, tuple(request.seed + k for k in range(index + 1)), index)


class PaintingRecords(OutputRecords):
    loads_requests = True

    # -- a job's images --------------------------------------------------------------------
    def keep_images(self, ev: Result | Cancelled, result: PaintResult, status: str) -> None:
        """Write the job's images into the outputs folder, then record them."""
        request = ev.request if isinstance(ev, Result) else (result.request or self.job_request)
        timings = dict(ev.timings) if isinstance(ev, Result) else {
            "seconds": result.seconds, "seconds_per_step": result.seconds_per_step}
        seeds = ", ".join(str(s) for s in result.seeds)
        fields = {"request": request, "prompt": request.prompt, "model": result.model,
                  "timings": timings, "parents": self._job_parents,
                  # an init image or mask the app made (a result of ours) is a parent too
                  "made_from_files": [f for f in (request.init_image, request.mask) if f],
                  "text": self.tr("%1 image(s), %2×%3, seed %4").replace(
                      "%1", str(len(result.images))).replace("%2", str(result.width)).replace(
                      "%3", str(result.height)).replace("%4", seeds)}
        self.write_outputs(ev, status, fields, save_images, self.output_folder(),
                           result.images, request, result.seeds)

    def images_written(self, key: str, files) -> None:
        self.outputs_written(key, files)
        if self.history is not None and files:
            self.awaiting_select = self.result_ref  # its first image is selected once listed

    def _on_recorded(self, _ticket: int, rid: int) -> None:
        if self.history is not None and self.history.resolve(self.awaiting_select) == rid:
            self.awaiting_select = None
            self.results.select(rid, 0)

    # -- the gallery's buttons ------------------------------------------------------------------
    def on_gallery_action(self, name: str, entry: Entry, index: int, path: str) -> None:
        if name == "save":
            dest, _ = QFileDialog.getSaveFileName(self, self.tr("Save image"), path,
                                                  SAVE_FILTERS)
            if dest:
                self.export_to(path, dest)
        elif name == "copy":
            self.io.call("copy", read_image, path)
        elif name == "init":
            self.use_init_image(path, "img2img", entry.id)
        elif name in ("reuse", "vary"):
            try:
                request = entry_image_request(entry, index)
            except UserError:
                self.show_error(self.tr("These settings are not for the Painting tab."))
                return
            if name == "reuse":
                self.load_request(request)
                self.show_info(self.tr("Settings of this image are back, its seed %1 "
                                       "included.").replace("%1", str(request.seed)))
            else:
                self.vary_seed(request, entry.id)

    def export_to(self, source: str, dest: str) -> None:
        """Save ``source`` as ``dest`` (the suffix names the format), off the UI thread."""
        self.io.call("exported", export_image, source, dest)

    def vary_seed(self, request: PaintRequest, parent: int) -> None:
        """The same settings with a new random seed, made from ``parent``."""
        if self.runner.busy:
            self.show_error(self.tr("Wait for the current painting to finish, or stop it."))
            return
        request = dataclasses.replace(request, seed=None)
        self.load_request(request)
        self.start(request, (parent,))

    def records_io_done(self, kind: str, value: Any) -> bool:
        """A background answer about results (False: not one of those)."""
        if self.is_output(kind):
            self.images_written(kind, value)
        elif kind == "copy":
            QGuiApplication.clipboard().setImage(value)
            self.show_info(self.tr("Image copied."))
        elif kind == "exported":
            self.show_info(self.tr("Saved %1").replace("%1", str(value)))
        else:
            return False
        return True

    def records_io_failed(self, kind: str, message: Any) -> bool:
        if self.is_output(kind):
            self.outputs_failed(kind)
            self.show_error(self.tr("The images could not be saved in the outputs folder: %1")
                            .replace("%1", core_text(message)))
        elif kind in ("copy", "exported"):
            self.show_error(core_text(message))
        else:
            return False
        return True

    # -- use settings, re-run ----------------------------------------------------------------------
    def load_request(self, request: Any) -> None:
        """Use settings: prompts, every parameter, the mode with its init image and mask
        (the model is the settings panel's)."""
        if not isinstance(request, PaintRequest):
            self.show_error(self.tr("These settings are not for the Painting tab."))
            return
        self.apply_request(request, None)

    def apply_request(self, request: PaintRequest, fields: set[str] | None,
                      from_json: bool = True) -> None:
        """Fill the controls from ``request`` (only ``fields`` when given)."""
        def wanted(name: str) -> bool:
            return fields is None or name in fields

        if wanted("prompt"):
            self.prompt.replace_text(request.prompt)  # Ctrl+Z brings back what was typed
        if wanted("negative_prompt"):
            self.negative.replace_text(request.negative_prompt)
        self.params.load_request(request, fields)
        if not from_json:
            return  # A1111's text names no files: the mode stays
        if request.init_image:
            self.use_init_image(request.init_image, request.mode, mask=request.mask)
        else:
            self.source.set_mode("txt2img")

    def rerun(self, request: Any, parents: tuple[int, ...] = ()) -> None:
        """The recorded request again, exactly (its model, seed, init image and mask)."""
        if self.runner.busy:
            self.show_error(self.tr("Wait for the current painting to finish, or stop it."))
            return
        self.load_request(request)
        if isinstance(request, PaintRequest):
            self.start(request, tuple(parents))
