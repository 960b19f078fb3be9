"""What a painting job asks for and what it returns, with validation. No library imports.

The window, the CLI and the history import these; only the engine host (or the CLI
process) imports diffusers.  Images cross the engine pipe as numpy arrays (uint8,
height x width x 3): the caller saves them (``studio.core.imagemeta``), so the engine
never decides file names or formats.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from ...devices import DEVICES, DTYPES
from ...jobs import UserError
from ...messages import msg

DEFAULT_MODEL = "sd-turbo"
# A1111's sampler names (what its `parameters` text says).  "auto" is the model's own
# scheduler; the result's request names the one actually used.  "PNDM" is SD 1.5's own.
SCHEDULERS = ("auto", "Euler", "Euler a", "DPM++ 2M", "DPM++ 2M Karras", "DDIM", "LCM", "PNDM")
MODES = ("txt2img", "img2img", "inpaint")
MIN_SIDE, MAX_SIDE = 64, 4096
MAX_PIXELS = 4096 * 4096
MAX_STEPS = 150
MAX_BATCH_SIZE = 16
MAX_BATCH_COUNT = 100
MAX_LORAS = 8
MAX_SEED = 2**32 - 1


@dataclass(frozen=True)
class PaintRequest:
    prompt: str
    negative_prompt: str = ""
    model: str = DEFAULT_MODEL  # catalogue id, diffusers folder, .safetensors file, hub id
    # None = "auto": the model's own defaults (Turbo: 1-4 steps and guidance 0; SD 25 steps
    # at 7.5; SDXL 25 at 5).  Result.request holds the values used.
    steps: int | None = None
    guidance: float | None = None
    # None = the model's native size (512 for SD 1.x and Turbo, 1024 for SDXL), or the init
    # image's size (rounded down to a multiple of 8) for image-to-image and inpainting.
    width: int | None = None
    height: int | None = None
    scheduler: str = "auto"  # one of SCHEDULERS
    seed: int | None = None  # None -> random, reported; image k of the job gets seed + k
    batch_size: int = 1  # images made together (memory grows with it)
    batch_count: int = 1  # batches made one after the other
    init_image: str = ""  # image file: image-to-image, or inpainting with ``mask``
    strength: float = 0.75  # how much of the init image is repainted (0-1)
    mask: str = ""  # image file: white = repaint, black = keep (needs init_image)
    mask_blur: int = 4  # pixels of soft edge where the repainted area meets the kept one
    loras: tuple[tuple[str, float], ...] = ()  # (.safetensors file, weight) pairs
    device: str = "auto"
    dtype: str = "auto"
    # Memory savers for small machines (slower; results stay the same up to rounding).
    attention_slicing: bool = False
    vae_slicing: bool = False
    vae_tiling: bool = False
    cpu_offload: bool = False  # CUDA only: modules visit the GPU one at a time
    # Single-file checkpoints: the diffusers folder (or catalogue/hub id of a downloaded
    # model) whose configuration describes the checkpoint; "" = guess from its weights.
    config: str = ""
    preview_every: int = 1  # a Preview every N steps; 0 = none
    # The model's identity (see studio.core.models.fingerprint), filled in by the engine.
    revision: str = ""
    # An OpenAI-compatible server to paint on: a stored endpoint's name or a base URL ("" =
    # this machine); ``model`` is then the server's model id (see studio.core.endpoints).
    endpoint: str = ""

    @property
    def mode(self) -> str:
        if not self.init_image:
            return "txt2img"
        return "inpaint" if self.mask else "img2img"

    @property
    def images(self) -> int:
        return self.batch_size * self.batch_count


@dataclass(frozen=True)
class PaintResult:
    images: tuple[Any, ...]  # uint8 numpy arrays, height x width x 3, in seed order
    seeds: tuple[int, ...]  # seeds[k] made images[k] (seed + k)
    width: int
    height: int
    model: str
    steps: int  # denoising steps run per batch (image-to-image: steps x strength)
    seconds: float  # sampling and decoding (model load excluded; see Result.timings)
    seconds_per_step: float  # sampling only, per step of a batch
    previews: int = 0
    preview_seconds: float = 0.0  # time spent making previews (included in ``seconds``)
    # The resolved request (as Result.request), here too so that a Cancelled partial
    # result can be saved with its metadata.
    request: PaintRequest | None = None


@dataclass(frozen=True)
class ModelDefaults:
    """What "auto" means for a model (read from its configuration, no weights)."""

    family: str  # "sd" (1.x/2.x) | "sdxl"
    turbo: bool
    inpainting: bool  # a 9-channel inpainting UNet
    steps: int
    guidance: float
    size: int  # native width and height
    scheduler: str  # the model's own scheduler by its A1111 name ("auto" if unnamed)


def image_request(request: PaintRequest, seeds: tuple[int, ...], index: int) -> PaintRequest:
    """The request that remakes image ``index`` of a result on its own (its seed, one image):
    what its PNG metadata and "reuse settings" hold."""
    return dataclasses.replace(request, seed=seeds[index], batch_size=1, batch_count=1)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_num(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def check_size(width: int, height: int) -> None:
    """Multiples of 8 within sensible bounds, or a UserError saying what would work."""
    for name, value in (("width", width), ("height", height)):
        if not _is_int(value) or not MIN_SIDE <= value <= MAX_SIDE:
            raise UserError(msg("paint.size_range",
                                "The {name} must be between {low} and {high} pixels (got "
                                "{value}).", name=name, low=MIN_SIDE, high=MAX_SIDE,
                                value=repr(value)))
        if value % 8:
            raise UserError(msg("paint.size_multiple",
                                "The {name} must be a multiple of 8 pixels: {value} is not "
                                "(try {lower} or {upper}).", name=name, value=value,
                                lower=value // 8 * 8, upper=value // 8 * 8 + 8))
    if width * height > MAX_PIXELS:
        raise UserError(msg("paint.size_pixels",
                            "{width}x{height} is too large: at most {limit} megapixels.",
                            width=width, height=height, limit=MAX_PIXELS // 1_000_000))


def validate(req: PaintRequest) -> None:
    """Raise UserError with a readable message for the first bad value."""

    def need(ok: bool, message) -> None:
        if not ok:
            raise UserError(message)

    def between(name: str, ok: bool, low, high) -> None:
        need(ok, msg("request.out_of_range", "{name} {rule} (got {value}).", name=name,
                     rule=msg("rule.between", "must be between {low} and {high}", low=low,
                              high=high), value=repr(getattr(req, name))))

    for name in ("prompt", "negative_prompt", "model", "init_image", "mask", "config",
                 "revision", "endpoint"):
        need(isinstance(getattr(req, name), str),
             msg("paint.field_text", "{name} must be text.", name=name))
    for name, allowed in (("scheduler", SCHEDULERS), ("device", DEVICES), ("dtype", DTYPES)):
        value = getattr(req, name)
        need(value in allowed, msg("request.unknown_choice",
                                   "Unknown {name} {value}; choose one of {allowed}.",
                                   name=name, value=repr(value), allowed=", ".join(allowed)))
    between("steps", req.steps is None or (_is_int(req.steps) and 1 <= req.steps <= MAX_STEPS),
            1, MAX_STEPS)
    between("guidance", req.guidance is None or (_is_num(req.guidance)
                                                 and 0 <= req.guidance <= 30), 0, 30)
    between("batch_size", _is_int(req.batch_size) and 1 <= req.batch_size <= MAX_BATCH_SIZE,
            1, MAX_BATCH_SIZE)
    between("batch_count", _is_int(req.batch_count) and 1 <= req.batch_count <= MAX_BATCH_COUNT,
            1, MAX_BATCH_COUNT)
    between("seed", req.seed is None or (_is_int(req.seed) and 0 <= req.seed <= MAX_SEED),
            0, MAX_SEED)
    between("strength", _is_num(req.strength) and 0 < req.strength <= 1, 0, 1)
    between("mask_blur", _is_int(req.mask_blur) and 0 <= req.mask_blur <= 64, 0, 64)
    between("preview_every", _is_int(req.preview_every) and 0 <= req.preview_every <= 1000,
            0, 1000)
    if req.width is not None or req.height is not None:
        need(req.width is not None and req.height is not None,
             msg("paint.size_both", "Give both the width and the height, or neither."))
        check_size(req.width, req.height)
    need(not req.mask or bool(req.init_image),
         msg("paint.mask_needs_image", "A mask needs the image it applies to (init image)."))
    need(isinstance(req.loras, tuple) and len(req.loras) <= MAX_LORAS,
         msg("paint.lora_count", "At most {limit} LoRA files at once.", limit=MAX_LORAS))
    for item in req.loras:
        ok = (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
              and bool(item[0]) and _is_num(item[1]) and -10 <= item[1] <= 10)
        need(ok, msg("paint.lora_item", "Each LoRA is a file and a weight between -10 and 10 "
                     "(got {value}).", value=repr(item)))
    for name in ("attention_slicing", "vae_slicing", "vae_tiling", "cpu_offload"):
        need(isinstance(getattr(req, name), bool),
             msg("paint.field_bool", "{name} must be true or false.", name=name))


def parse_size(text: str) -> tuple[int, int]:
    """"512x768" (or 512×768, 512*768) -> (512, 768), checked; UserError otherwise."""
    cleaned = text.strip().lower().replace("×", "x").replace("*", "x")
    width, sep, height = cleaned.partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        size = None
    if not sep or size is None:
        raise UserError(msg("paint.size_syntax", "A size is WIDTHxHEIGHT, such as 512x512 "
                            "(got {value}).", value=repr(text)))
    check_size(*size)
    return size


def request_from_fields(fields: dict) -> tuple[PaintRequest, list[str]]:
    """A PaintRequest from a dict (this app's JSON metadata, or what imagemeta parsed out of
    an A1111 text), and the names of the fields it could not use.  Lists become tuples;
    values of the wrong kind are dropped (named in the list) instead of failing."""
    known = {f.name: f for f in dataclasses.fields(PaintRequest)}
    values: dict[str, Any] = {}
    unused: list[str] = []
    for name, value in fields.items():
        if name not in known:
            unused.append(str(name))
            continue
        if name == "loras" and isinstance(value, list | tuple):
            value = tuple(tuple(v) if isinstance(v, list | tuple) else v for v in value)
        values[name] = value
    if not isinstance(values.get("prompt", ""), str):
        values.pop("prompt")
        unused.append("prompt")
    values.setdefault("prompt", "")
    while True:
        try:
            req = PaintRequest(**values)
            validate(req)
            return req, unused
        except UserError:
            bad = next((n for n in values if n != "prompt" and not _valid_alone(n, values[n])),
                       None)
            if bad is None:
                bad = "width" if "width" in values or "height" in values else None
            if bad is None:
                raise
            for name in (("width", "height") if bad in ("width", "height") else (bad,)):
                if name in values:
                    values.pop(name)
                    unused.append(name)


def _valid_alone(name: str, value) -> bool:
    try:
        validate(PaintRequest(prompt="", **{name: value}))
    except (UserError, TypeError):
        return name in ("width", "height")  # checked as a pair
    return True
