"""`aigc-studio paint`: text-to-image, image-to-image and inpainting into PNG/JPEG/WebP files
with their settings inside (A1111 ``parameters`` and this app's exact request).

Several images are numbered (``out-1.png``, ``out-2.png``...).  Each is recorded in the
history as one result (``--no-history`` skips that).  Ctrl+C stops within a step and
keeps the images already finished, in files and history, as a *stopped* result (exit 130).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from pathlib import Path

from studio.commands import CliError, fail, open_store, print_json
from studio.commands.endpoints import remote_options, with_endpoint


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def parse_lora(text: str) -> tuple[str, float]:
    """"style.safetensors:0.8" -> (file, 0.8); no weight (or a path with colons) -> 1.0."""
    file, sep, weight = text.rpartition(":")
    if sep and file:
        try:
            return file, float(weight)
        except ValueError:
            pass
    return text, 1.0


def add_parser(sub, common) -> None:
    """The ``paint`` subcommand's arguments (``studio.cli`` builds the parser)."""
    from studio.core.engines.painting.request import DEFAULT_MODEL, SCHEDULERS

    p = sub.add_parser("paint", help="text-to-image, image-to-image and inpainting "
                       "(Stable Diffusion)")
    p.add_argument("--prompt", required=True, help="what to paint")
    p.add_argument("--out", required=True,
                   help="the image file: .png, .jpg or .webp (several images are numbered)")
    p.add_argument("--model", default=DEFAULT_MODEL,
                   help="catalogue id, diffusers folder, .safetensors checkpoint or hub id")
    p.add_argument("--negative", default="", help="what to avoid")
    p.add_argument("--steps", type=_count, help="denoising steps (default: the model's)")
    p.add_argument("--guidance", type=_number, help="CFG scale (default: the model's)")
    p.add_argument("--size", metavar="WxH", help="e.g. 512x768 (default: the model's, or the "
                   "init image's)")
    p.add_argument("--scheduler", choices=SCHEDULERS, default="auto", metavar="NAME",
                   help=f"sampler: {', '.join(SCHEDULERS)} (auto: the model's own)")
    p.add_argument("--seed", type=int, help="image k gets seed + k (default: random)")
    p.add_argument("--batch", type=_count, default=1, help="images made together")
    p.add_argument("--batch-count", type=_count, default=1, help="batches made in turn")
    p.add_argument("--init-image", metavar="FILE", help="start from this image")
    p.add_argument("--strength", type=_number, default=0.75,
                   help="how much of the init image is repainted (0-1, default 0.75)")
    p.add_argument("--mask", metavar="FILE", help="inpaint: white = repaint, black = keep")
    p.add_argument("--mask-blur", type=int, default=4, help="soft mask edge in pixels")
    p.add_argument("--lora", action="append", default=[], metavar="FILE[:W]",
                   help="a LoRA .safetensors with its weight (repeatable)")
    p.add_argument("--config", metavar="REF",
                   help="single-file checkpoints: diffusers folder or id for its configuration")
    p.add_argument("--attention-slicing", action="store_true", help="less memory, slower")
    p.add_argument("--vae-tiling", action="store_true", help="large images in less memory")
    p.add_argument("--vae-slicing", action="store_true", help="batches in less memory")
    p.add_argument("--cpu-offload", action="store_true", help="CUDA: parts visit the GPU in turn")
    p.add_argument("--quality", type=int, default=95, help="JPEG/WebP quality (default 95)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--no-history", action="store_true", help="do not record it in the history")
    remote_options(p)
    common(p)


def request_from_args(args: argparse.Namespace):
    from studio.core.engines.painting import PaintRequest, parse_size, validate

    width = height = None
    if args.size:
        width, height = parse_size(args.size)
    request = PaintRequest(
        prompt=args.prompt, negative_prompt=args.negative, model=args.model, steps=args.steps,
        guidance=args.guidance, width=width, height=height, scheduler=args.scheduler,
        seed=args.seed, batch_size=args.batch, batch_count=args.batch_count,
        init_image=args.init_image or "", strength=args.strength, mask=args.mask or "",
        mask_blur=args.mask_blur, loras=tuple(parse_lora(t) for t in args.lora),
        device=args.device, dtype=args.dtype, attention_slicing=args.attention_slicing,
        vae_slicing=args.vae_slicing, vae_tiling=args.vae_tiling, cpu_offload=args.cpu_offload,
        config=args.config or "", preview_every=0)  # nobody sees previews here
    validate(request)
    return request


def out_paths(out: Path, count: int) -> list[Path]:
    """``out`` for one image; ``stem-1.ext``, ``stem-2.ext``... for several."""
    if count == 1:
        return [out]
    return [out.with_name(f"{out.stem}-{i}{out.suffix}") for i in range(1, count + 1)]


def run(args: argparse.Namespace) -> int:
    from studio.core.imagemeta import image_format

    out = Path(args.out).expanduser()
    image_format(out)  # an unusable suffix fails before any work
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"cannot write {out.name}: the folder {folder} does not exist")
    from studio.core.engines.painting.request import DEFAULT_MODEL

    request = with_endpoint(request_from_args(args), args, "painting", DEFAULT_MODEL)
    return paint(request, out, json_out=args.json, save=not args.no_history,
                 quality=args.quality, debug=getattr(args, "debug", False))


def _stop_on_ctrl_c(cancel):
    """First Ctrl+C: stop after the current step (finished images are kept); second: at once."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        signal.signal(signal.SIGINT, signal.default_int_handler)
        print("\nStopping (finished images are kept; Ctrl+C again stops at once)…",
              file=sys.stderr)
        cancel.cancel()

    return signal.signal(signal.SIGINT, handler)


def _progress(text: str, fraction, step, started: float, tty: bool, shown: list) -> None:
    if step is None or fraction is None:
        print(text, file=sys.stderr, flush=True)
        return
    if tty:
        elapsed = time.perf_counter() - started
        eta = f", about {elapsed / fraction - elapsed:.0f} s left" if 0 < fraction < 1 else ""
        sys.stderr.write(f"\r{text} {fraction:4.0%}{eta}\x1b[K")
        sys.stderr.flush()
    elif int(fraction * 10) > shown[0]:
        shown[0] = int(fraction * 10)
        print(f"{text} {fraction:.0%}", file=sys.stderr, flush=True)


def paint(request, out: Path, *, json_out: bool, save: bool = True, quality: int = 95,
          debug: bool = False, parents: tuple[int, ...] = ()) -> int:
    from studio.core.engines import painting
    from studio.core.jobs import Cancelled, CancelToken, Failed, Notice, Progress, Result

    cancel = CancelToken()
    tty = sys.stderr.isatty()
    started, shown = time.perf_counter(), [-1]
    previous = _stop_on_ctrl_c(cancel)
    try:
        for ev in painting.run(request, cancel):
            match ev:
                case Progress(message=text, fraction=fraction, step=step) if text:
                    _progress(text, fraction, step, started, tty, shown)
                case Notice(message=text):
                    if tty:
                        sys.stderr.write("\r\x1b[K")
                    print(f"note: {text}", file=sys.stderr, flush=True)
                case Result(value=res, timings=timings):
                    if tty:
                        sys.stderr.write("\r\x1b[K")
                    paths = _save(res, out, timings, "done", save, quality, parents)
                    if json_out:
                        print_json(summary(res, paths[0], paths[1]))
                    else:
                        print(f"Saved {len(paths[0])} image(s) of {res.width}x{res.height}: "
                              f"{', '.join(str(p) for p in paths[0])} in {res.seconds:.2f} s "
                              f"({res.seconds_per_step:.3f} s per step)", file=sys.stderr)
                    return 0
                case Failed() as failed:
                    fail(failed, debug)
                case Cancelled(partial=partial):
                    if partial is None or not partial.images:
                        print("Stopped before any image was finished; nothing was saved.",
                              file=sys.stderr)
                        return 130
                    files, _ = _save(partial, out, {"total_s": partial.seconds}, "stopped",
                                     save, quality, parents)
                    print(f"Stopped: kept {len(files)} finished image(s): "
                          f"{', '.join(str(p) for p in files)}", file=sys.stderr)
                    return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    raise CliError("painting ended without a result")


def _save(res, out: Path, timings: dict, state: str, save: bool, quality: int,
          parents: tuple[int, ...] = ()) -> tuple[list[Path], int | None]:
    """Write each image with its own request (its seed) inside; then one history record."""
    from studio.core.engines.painting import image_request
    from studio.core.imagemeta import save_image

    expected = res.request.batch_size * res.request.batch_count
    paths = out_paths(out, expected)[:len(res.images)]
    for k, (path, pixels) in enumerate(zip(paths, res.images, strict=True)):
        save_image(path, pixels, image_request(res.request, res.seeds, k), quality=quality)
    if not save:
        return paths, None
    try:
        store = open_store()
        try:
            rid = store.record("painting", res.request, prompt=res.request.prompt, files=paths,
                               model=res.model, timings=timings, status=state,
                               parents=parents, made_from_files=[
                                   f for f in (res.request.init_image, res.request.mask) if f])
        finally:
            store.close()
    except Exception as exc:  # the images are saved: the history is a bonus
        print(f"note: the result was not saved in the history: {exc}", file=sys.stderr)
        rid = None
    return paths, rid


def summary(res, paths: list[Path], history_id: int | None) -> dict:
    """What ``--json`` prints."""
    req = res.request
    return {
        "images": [{"path": str(p), "seed": s} for p, s in zip(paths, res.seeds, strict=True)],
        "model": res.model, "steps": res.steps, "seconds": res.seconds,
        "seconds_per_step": res.seconds_per_step, "width": res.width, "height": res.height,
        "scheduler": req.scheduler, "guidance": req.guidance, "seed": req.seed,
        "revision": req.revision, "history_id": history_id,
    }
