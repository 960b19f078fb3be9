"""The Painting tab's file work, run off the UI thread: images and masks written into the
outputs folder, exports, dropped files looked at, pictures read for showing.

Everything here may take long (a big PNG, a slow disk) and raises ``UserError`` with
a message the tab shows as it is.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

from studio.core.engines.painting import PaintRequest, image_request
from studio.core.history import names
from studio.core.imagemeta import ImageMetadata, image_format, read_metadata, save_image
from studio.core.jobs import UserError
from studio.core.messages import msg
from studio.core.textfiles import read_text_file
from studio.ui.widgets.prompt_edit import TEXT_SUFFIXES

HINT_CHARS = 60  # of the prompt, for file names


def _hint(prompt: str) -> str:
    return " ".join(prompt.split())[:HINT_CHARS]


def save_images(folder: Path, images: Sequence, request: PaintRequest,
                seeds: Sequence[int]) -> list[Path]:
    """Each image as a PNG in ``folder`` (outputs/YYYY-MM-DD/<prompt>[-N].png) with the
    request that remakes it alone (its seed) as metadata."""
    written: list[Path] = []
    try:
        for k, pixels in enumerate(images):
            path = names.reserve(Path(folder), "painting", _hint(request.prompt), ".png")
            written.append(path)
            save_image(path, pixels, image_request(request, tuple(seeds), k))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def save_mask(folder: Path, mask, prompt: str) -> Path:
    """A painted mask (uint8 array, 255 = repaint) as a PNG beside the results: the
    request names it, so the result can be made again."""
    from PIL import Image

    path = names.reserve(Path(folder), "painting", _hint(prompt) + " mask", ".png")
    try:
        Image.fromarray(mask, "L").save(path, "PNG")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def export_image(source: str, dest: str) -> Path:
    """Save ``source`` as ``dest`` (PNG, JPEG or WebP by its suffix) with its settings."""
    kind = image_format(dest)
    if kind == "PNG" and source.lower().endswith(".png"):
        if os.path.abspath(source) != os.path.abspath(dest):
            shutil.copyfile(source, dest)  # the metadata chunks exactly as they are
        return Path(dest)
    from PIL import Image

    meta = read_metadata(source)
    with Image.open(source) as image:
        pixels = image.convert("RGB")
    if meta.source:
        return save_image(dest, pixels, meta.request()[0])
    pixels.save(dest, kind)  # an image without settings stays so
    return Path(dest)


@dataclass(frozen=True)
class Dropped:
    """What a dropped file turned out to be."""

    path: str
    kind: str  # "text" | "settings" (an image with generation settings) | "image"
    text: str = ""
    meta: ImageMetadata | None = None


def inspect_drop(path: str) -> Dropped:
    """Read a dropped file: a text file's text, or an image's generation settings."""
    if path.lower().endswith(TEXT_SUFFIXES):
        return Dropped(path, "text", text=read_text_file(path))
    meta = read_metadata(path)  # UserError for a damaged or non-image file
    return Dropped(path, "settings" if meta.source else "image", meta=meta)


def read_image(path: str) -> QImage:
    """A picture to show (init image, large view); QImage, never QPixmap, off the UI thread."""
    if not os.path.isfile(path):
        raise UserError(msg("image.missing", "{name} does not exist.", name=path))
    image = QImage(path)
    if image.isNull():
        raise UserError(msg("image.not_image", "{name} is not an image this app can read.",
                            name=os.path.basename(path)))
    return image.convertToFormat(QImage.Format.Format_RGB32)


def read_view(path: str) -> tuple[str, QImage]:
    return path, read_image(path)


def read_mask(path: str) -> QImage:
    return read_image(path).convertToFormat(QImage.Format.Format_Grayscale8)
