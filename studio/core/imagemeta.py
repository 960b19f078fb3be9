"""Generated images with their settings inside: PNG, JPEG and WebP files, and reading back.

A PNG carries two text chunks:
- ``parameters``: AUTOMATIC1111's text, which A1111, Forge, ComfyUI's loaders, image
  browsers and model sites read::

      a lighthouse at dusk
      Negative prompt: blurry
      Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 123, Size: 512x512, Model: sd-turbo

- ``aigc-studio``: the exact request as JSON (every field, the model's revision), which
  this app reads first.

JPEG and WebP keep the ``parameters`` text in EXIF UserComment (as A1111 writes it:
"UNICODE" and UTF-16) and the JSON in the EXIF MakerNote.  ``read_metadata`` returns a
request-like dict from either source and the names of the fields it did not understand.
Pillow only; nothing here imports torch.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import atomic_write_bytes
from .engines.painting.request import PaintRequest, request_from_fields
from .jobs import UserError
from .messages import msg

PARAMETERS = "parameters"  # A1111's PNG text chunk
JSON_KEY = "aigc-studio"  # this app's PNG text chunk
SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
EXIF_IFD, USER_COMMENT, MAKER_NOTE = 0x8769, 0x9286, 0x927C
_MAKER_PREFIX = b"aigc-studio\0"
_UNICODE = b"UNICODE\0"
# A1111's own pattern for "Key: value" pairs (a value may be a JSON-quoted string)
_PARAM = re.compile(r'\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)')
_SIZE = re.compile(r"^\s*(\d+)\s*x\s*(\d+)\s*$")
_SAMPLERS = {"euler": "Euler", "euler a": "Euler a", "dpm++ 2m": "DPM++ 2M",
             "dpm++ 2m karras": "DPM++ 2M Karras", "ddim": "DDIM", "lcm": "LCM",
             "plms": "PNDM", "pndm": "PNDM"}
# Facts about the original run that change nothing here: read without complaint.
_IGNORED = {"model hash", "version", "vae hash", "schedule type"}


@dataclass(frozen=True)
class ImageMetadata:
    fields: dict[str, Any]  # PaintRequest field names -> values (only those understood)
    unknown: tuple[str, ...] = ()  # names of fields that were there but not understood
    source: str = ""  # "aigc-studio" | "a1111" | "" (no generation settings found)
    parameters: str = ""  # the A1111 text as found (or as it would be written)

    def request(self) -> tuple[PaintRequest, list[str]]:
        """A PaintRequest of these fields (defaults for the rest), and any not usable."""
        return request_from_fields(self.fields)


# ---- writing -------------------------------------------------------------------------------

def _number(value: float) -> str:
    return f"{float(value):g}"


def _quote(text: str) -> str:
    """A1111 quotes a value holding a comma, colon or line break."""
    text = str(text)
    if "," not in text and ":" not in text and "\n" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def model_label(req: PaintRequest) -> str:
    """A short model name, as A1111 writes its checkpoint's name: catalogue or hub id, or
    the file's stem / folder's name for a local model."""
    ref = req.model.strip().rstrip("/\\")
    path = Path(ref)
    if ref.startswith((".", "/", "~")) or "\\" in ref or ref.count("/") > 1 or path.suffix:
        return path.stem if path.suffix.lower() == ".safetensors" else path.name
    return ref


def a1111_parameters(req: PaintRequest) -> str:
    """The ``parameters`` text of one image's request (its seed, its size)."""
    lines = [req.prompt]
    if req.negative_prompt:
        lines.append(f"Negative prompt: {req.negative_prompt}")
    pairs: list[tuple[str, str]] = []
    if req.steps is not None:
        pairs.append(("Steps", str(req.steps)))
    if req.scheduler != "auto":
        pairs.append(("Sampler", req.scheduler))
    if req.guidance is not None:
        pairs.append(("CFG scale", _number(req.guidance)))
    if req.seed is not None:
        pairs.append(("Seed", str(req.seed)))
    if req.width is not None and req.height is not None:
        pairs.append(("Size", f"{req.width}x{req.height}"))
    if req.revision.startswith("sha256:") and Path(req.model).suffix.lower() == ".safetensors":
        pairs.append(("Model hash", req.revision[7:17]))  # A1111's hash: sha256 of the file
    pairs.append(("Model", model_label(req)))
    if req.mode != "txt2img":
        pairs.append(("Denoising strength", _number(req.strength)))
    if req.mode == "inpaint":
        pairs.append(("Mask blur", str(req.mask_blur)))
    pairs.append(("Version", "AIGC Studio"))
    lines.append(", ".join(f"{k}: {_quote(v)}" for k, v in pairs))
    return "\n".join(lines)


def request_json(req: PaintRequest) -> str:
    return json.dumps({"format": 1, "request": dataclasses.asdict(req)}, ensure_ascii=False)


def image_format(path: str | Path) -> str:
    """PIL's format name for a file suffix, or a UserError listing the ones written."""
    kind = SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:
        raise UserError(msg("image.format", "Cannot save an image as {name}: use .png, .jpg or "
                            ".webp.", name=Path(path).name))
    return kind


def _exif(parameters: str, data: str, with_json: bool) -> bytes:
    from PIL import Image

    exif = Image.Exif()
    ifd = exif.get_ifd(EXIF_IFD)
    ifd[USER_COMMENT] = _UNICODE + parameters.encode("utf-16-be")
    if with_json:
        ifd[MAKER_NOTE] = _MAKER_PREFIX + data.encode("utf-8")
    return exif.tobytes()


def encode_image(pixels, req: PaintRequest, kind: str = "PNG", quality: int = 95) -> bytes:
    """The file's bytes: ``pixels`` (uint8 h x w x 3 array, or a PIL image) with metadata."""
    from PIL import Image, PngImagePlugin

    image = pixels if isinstance(pixels, Image.Image) else Image.fromarray(pixels, "RGB")
    parameters, data = a1111_parameters(req), request_json(req)
    out = io.BytesIO()
    if kind == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text(PARAMETERS, parameters)  # tEXt, or iTXt (UTF-8) beyond Latin-1
        info.add_itxt(JSON_KEY, data)
        image.save(out, "PNG", pnginfo=info)
        return out.getvalue()
    try:
        exif = _exif(parameters, data, True)
        image.save(out, kind, quality=quality, exif=exif)
    except ValueError:  # JPEG's EXIF holds 64 KB: a huge prompt keeps the A1111 text only
        out = io.BytesIO()
        image.save(out, kind, quality=quality, exif=_exif(parameters, data, False))
    return out.getvalue()


def save_image(path: str | Path, pixels, req: PaintRequest, quality: int = 95) -> Path:
    """Write the image with its metadata, atomically; the format follows the suffix."""
    kind = image_format(path)
    return atomic_write_bytes(path, encode_image(pixels, req, kind, quality))


# ---- reading -------------------------------------------------------------------------------

def parse_parameters(text: str) -> ImageMetadata:
    """Read an A1111 ``parameters`` text: prompt line(s), ``Negative prompt:`` line(s), and
    a last line of ``Key: value`` pairs (missing keys are simply absent)."""
    *lines, last = text.strip().replace("\r\n", "\n").split("\n")
    if len(_PARAM.findall(last)) < 3:  # no settings line: it is all prompt
        lines.append(last)
        last = ""
    prompt: list[str] = []
    negative: list[str] = []
    for line in lines:
        line = line.strip()
        if line.startswith("Negative prompt:") and not negative:
            negative.append(line[len("Negative prompt:"):].strip())
        elif negative:
            negative.append(line)
        else:
            prompt.append(line)
    fields: dict[str, Any] = {"prompt": "\n".join(prompt)}
    if negative:
        fields["negative_prompt"] = "\n".join(negative)
    unknown: list[str] = []
    pairs = {}
    for key, value in _PARAM.findall(last):
        value = value.strip()
        if value.startswith('"'):
            try:
                value = json.loads(value)
            except ValueError:
                value = value.strip('"')
        pairs[key.strip()] = value
    schedule = pairs.get("Schedule type", "").strip().lower()
    for key, value in pairs.items():
        if not _understood(key, str(value), fields, schedule):
            unknown.append(key)
    return ImageMetadata(fields, tuple(unknown), "a1111", text)


def _understood(key: str, value: str, fields: dict, schedule: str) -> bool:
    """Put one A1111 pair into ``fields``; False when it means nothing here."""
    name = key.lower()
    try:
        if name == "steps":
            fields["steps"] = int(value)
        elif name == "cfg scale":
            fields["guidance"] = float(value)
        elif name == "seed":
            fields["seed"] = int(value)
        elif name == "size":
            match = _SIZE.match(value)
            if not match:
                return False
            fields["width"], fields["height"] = int(match[1]), int(match[2])
        elif name == "sampler":
            sampler = value.strip().lower()
            if schedule == "karras" and sampler == "dpm++ 2m":
                sampler = "dpm++ 2m karras"
            elif schedule not in ("", "automatic", "karras"):
                return False
            if sampler not in _SAMPLERS:
                return False
            fields["scheduler"] = _SAMPLERS[sampler]
        elif name == "model":
            fields["model"] = value  # a name: it may not be a model on this machine
        elif name == "denoising strength":
            fields["strength"] = float(value)
        elif name == "mask blur":
            fields["mask_blur"] = int(value)
        else:
            return name in _IGNORED
    except ValueError:
        return False
    return True


def _from_json(text: str) -> ImageMetadata | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    request = data.get("request") if isinstance(data, dict) else None
    if not isinstance(request, dict):
        return None
    try:
        req, unused = request_from_fields(request)
    except UserError:
        return None
    fields = {k: v for k, v in dataclasses.asdict(req).items() if k in request
              and k not in unused}
    return ImageMetadata(fields, tuple(unused), JSON_KEY, a1111_parameters(req))


def _decode_comment(raw: bytes) -> str:
    if raw.startswith(_UNICODE):
        body = raw[len(_UNICODE):]
        if body.startswith((b"\xff\xfe", b"\xfe\xff")):
            return body.decode("utf-16")
        return body.decode("utf-16-be", "replace")
    if raw.startswith(b"ASCII\0\0\0"):
        return raw[8:].decode("ascii", "replace")
    return raw.decode("utf-8", "replace").lstrip("\0")


def read_metadata(path: str | Path) -> ImageMetadata:
    """Generation settings stored in an image file; UserError if it is not a readable image.

    This app's JSON wins over the A1111 text; an image with neither gives ``source`` "".
    """
    from PIL import Image, UnidentifiedImageError

    file = Path(path)
    try:
        with Image.open(file) as image:
            image.load()
            texts = {str(k): v for k, v in image.info.items() if isinstance(v, str)}
            exif = image.getexif().get_ifd(EXIF_IFD)
    except FileNotFoundError:
        raise UserError(msg("image.missing", "{name} does not exist.", name=str(file))) from None
    except UnidentifiedImageError:
        raise UserError(msg("image.not_image", "{name} is not an image this app can read.",
                            name=file.name)) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise UserError(msg("image.damaged", "{name} is damaged: {reason}", name=file.name,
                            reason=str(exc))) from None
    note = exif.get(MAKER_NOTE)
    if isinstance(note, bytes) and note.startswith(_MAKER_PREFIX):
        texts.setdefault(JSON_KEY, note[len(_MAKER_PREFIX):].decode("utf-8", "replace"))
    comment = exif.get(USER_COMMENT)
    if isinstance(comment, bytes) and comment:
        texts.setdefault(PARAMETERS, _decode_comment(comment))
    if JSON_KEY in texts:
        found = _from_json(texts[JSON_KEY])
        if found is not None:
            return found
    if texts.get(PARAMETERS, "").strip():
        return parse_parameters(texts[PARAMETERS])
    return ImageMetadata({}, (), "", "")
