"""Files and text dropped on the Painting tab (or opened from the command line).

A mixin of ``PaintingTab``.  The file is read off the UI thread (``inspect_drop``):
- text, or a .txt/.md file, becomes the prompt;
- an image with settings (this app's JSON, or A1111's ``parameters``) brings them
  back, and the message names the fields that were not understood;
- any other image is offered as the init image ("Use as init image", "Inpaint this");
- a damaged or non-image file gets a message saying so.
A file dropped on the init-image well is the init image, whatever it holds.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import Slot

from studio.core.imagemeta import ImageMetadata
from studio.ui.texts import core_text
from studio.ui.widgets.drop_zone import local_paths

from .files import Dropped, inspect_drop

USE_INIT, INPAINT = "use-init", "inpaint-this"


class PaintingDrops:
    def init_drops(self) -> None:
        self._offered = ""  # the image the message offers to use
        self.setAcceptDrops(True)
        self.message.action_triggered.connect(self._on_drop_action)

    @Slot(str)
    def open_file(self, path: str) -> None:
        self.io.call("drop", inspect_drop, path)

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if local_paths(mime) or mime.hasText():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        paths = local_paths(mime)
        if paths:
            event.acceptProposedAction()
            self.open_file(paths[0])
        elif mime.hasText() and mime.text().strip():
            event.acceptProposedAction()
            self.prompt.replace_text(mime.text())

    def drop_io_done(self, kind: str, value: Any) -> bool:
        if kind != "drop":
            return False
        dropped: Dropped = value
        if dropped.kind == "text":
            self.prompt.replace_text(dropped.text)  # Ctrl+Z brings the typed prompt back
            self.message.clear_message()
        elif dropped.kind == "settings":
            self.restore_from_image(dropped.path, dropped.meta)
        else:
            self._offered = dropped.path
            self.message.show_message(
                self.tr("%1 holds no painting settings. Paint over it?").replace(
                    "%1", os.path.basename(dropped.path)), "info",
                [(USE_INIT, self.tr("Use as init image")), (INPAINT, self.tr("Inpaint this"))])
        return True

    def drop_io_failed(self, kind: str, message: Any) -> bool:
        if kind != "drop":
            return False
        self.show_error(core_text(message))
        return True

    @Slot(str)
    def _on_drop_action(self, action: str) -> None:
        if action in (USE_INIT, INPAINT) and self._offered:
            self.message.clear_message()
            self.use_init_image(self._offered, "img2img" if action == USE_INIT else "inpaint")

    def restore_from_image(self, path: str, meta: ImageMetadata) -> None:
        """Settings read from an image: those it holds replace the controls' values."""
        request, unused = meta.request()
        fields = set(meta.fields) - set(unused)
        self.apply_request(request, fields, from_json=meta.source == "aigc-studio")
        name = os.path.basename(path)
        text = self.tr("Settings restored from %1.").replace("%1", name)
        unknown = [*meta.unknown, *(u for u in unused if u not in meta.unknown)]
        if unknown:
            text += " " + self.tr("Not understood: %1.").replace("%1", ", ".join(unknown))
        model = meta.fields.get("model")
        current = self.settings.target_for("painting")[1]
        if isinstance(model, str) and model and model != current:
            text += " " + self.tr("It was made with the model %1; the model chosen in Settings "
                                  "(%2) paints.").replace("%1", model).replace("%2", current)
        self.message.show_message(text, "warning" if unknown else "info")
