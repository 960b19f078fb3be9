"""Init images and masks: read, checked and sized for a job (PIL only, no torch).

A file that is missing, not an image, damaged or absurdly large is a UserError naming
the file, never a traceback from deep inside a pipeline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...jobs import UserError
from ...messages import msg
from .request import MAX_PIXELS, MAX_SIDE, MIN_SIDE


def _what(kind: str):
    return (msg("paint.the_init_image", "The init image") if kind == "image"
            else msg("paint.the_mask", "The mask"))


def open_image(path: str, kind: str = "image") -> Any:
    """The file as a loaded PIL image, or a UserError naming it and saying what is wrong."""
    from PIL import Image, UnidentifiedImageError

    file = Path(path).expanduser()
    what = _what(kind)
    if not file.exists():
        raise UserError(msg("paint.input_missing", "{what} {name} does not exist.", what=what,
                            name=str(file)))
    if not file.is_file():
        raise UserError(msg("paint.input_not_file", "{what} {name} is not a file.", what=what,
                            name=str(file)))
    try:
        image = Image.open(file)
        image.load()
    except PermissionError:
        raise  # human_message says "Permission denied: FILE"
    except UnidentifiedImageError:
        raise UserError(msg("paint.input_not_image",
                            "{what} {name} is not an image (or not a kind this app reads: PNG, "
                            "JPEG, WebP, BMP, TIFF, GIF).", what=what, name=file.name)) from None
    except Image.DecompressionBombError:
        raise UserError(msg("paint.input_huge", "{what} {name} is too large to open.",
                            what=what, name=file.name)) from None
    except (OSError, SyntaxError, ValueError) as exc:  # truncated or damaged data
        raise UserError(msg("paint.input_damaged", "{what} {name} is damaged: {reason}",
                            what=what, name=file.name, reason=str(exc))) from None
    return image


def fit_size(width: int, height: int) -> tuple[int, int]:
    """An image's size as a generation size: within the bounds, multiples of 8, same shape."""
    scale = min(1.0, MAX_SIDE / max(width, height), (MAX_PIXELS / (width * height)) ** 0.5)
    scale = max(scale, MIN_SIDE / max(min(width, height), 1))
    w, h = (max(MIN_SIDE, int(v * scale) // 8 * 8) for v in (width, height))
    return min(w, MAX_SIDE), min(h, MAX_SIDE)


def init_image(path: str, size: tuple[int, int] | None) -> tuple[Any, tuple[int, int]]:
    """(RGB image at the generation size, that size); ``size`` None = the image's own."""
    from PIL import Image

    image = open_image(path, "image")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        flat = Image.new("RGB", image.size, (255, 255, 255))  # transparency becomes white
        flat.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        image = flat
    image = image.convert("RGB")
    target = size or fit_size(*image.size)
    if image.size != target:
        image = image.resize(target, Image.Resampling.LANCZOS)
    return image, target


def mask_image(path: str, size: tuple[int, int]) -> Any:
    """Greyscale mask at ``size`` (white = repaint); an all-black one is refused."""
    from PIL import Image

    image = open_image(path, "mask")
    if image.mode in ("RGBA", "LA") and image.getchannel("A").getextrema() != (255, 255):
        mask = image.getchannel("A")  # a painted layer: what is painted is repainted
    else:
        mask = image.convert("L")
    if mask.size != size:
        mask = mask.resize(size, Image.Resampling.BILINEAR)
    if mask.getextrema()[1] < 128:
        raise UserError(msg("paint.mask_empty",
                            "The mask {name} marks nothing to repaint: paint the area to "
                            "change in white.", name=Path(path).name))
    return mask


def composite(generated, original, mask, blur: int):
    """Keep the original pixels outside the mask (soft edge of ``blur`` pixels): the VAE
    round trip would otherwise change the whole picture a little."""
    import numpy as np
    from PIL import ImageFilter

    soft = mask.filter(ImageFilter.GaussianBlur(blur)) if blur else mask
    weight = np.asarray(soft, dtype=np.float32)[..., None] / 255.0
    base = np.asarray(original, dtype=np.float32)
    mixed = base * (1.0 - weight) + generated.astype(np.float32) * weight
    return np.clip(np.rint(mixed), 0, 255).astype(np.uint8)
