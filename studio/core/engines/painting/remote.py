"""The painting engine's ``remote`` backend: ``/v1/images/generations`` of an
OpenAI-compatible server (Xinference, LocalAI, vLLM-Omni, ...).

Sent: model, prompt, n (the batch size; batches are requested one after another),
size, ``response_format: b64_json``, and the extra fields servers document for the
rest: ``negative_prompt``, ``seed``, ``num_inference_steps``, ``guidance_scale``
(top level, as LocalAI and others read them, and as Xinference's ``kwargs`` JSON).
A server that rejects them by name (400/422) gets the request without them, with
a Notice.  Text-to-image only.  The request runs on a thread of its own so the job
can report the elapsed time every second (servers give no step progress): the
progress is indeterminate.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import queue
import secrets
import threading
import time
from collections.abc import Iterator

from ... import endpoints
from ...endpoints import RemoteError, Session
from ...jobs import (
    Cancelled,
    CancelToken,
    Event,
    Failed,
    JobCancelled,
    Notice,
    Progress,
    Result,
    UserError,
)
from ...messages import msg
from .request import PaintRequest, PaintResult, validate

EXTRAS = ("negative_prompt", "seed", "num_inference_steps", "guidance_scale", "kwargs")
TICK_S = 1.0


def payload(req: PaintRequest, seed: int, extras: bool) -> dict:
    body: dict = {"model": req.model, "prompt": req.prompt, "n": req.batch_size,
                  "response_format": "b64_json"}
    if req.width is not None:
        body["size"] = f"{req.width}x{req.height}"
    if extras:
        more: dict = {"seed": seed}
        if req.negative_prompt.strip():
            more["negative_prompt"] = req.negative_prompt
        if req.steps is not None:
            more["num_inference_steps"] = req.steps
        if req.guidance is not None:
            more["guidance_scale"] = req.guidance
        body.update(more)
        body["kwargs"] = json.dumps(more)
    return body


def to_array(b64: str):
    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(base64.b64decode(b64))) as image:
        return np.asarray(image.convert("RGB"), dtype=np.uint8)


def _call(session: Session, body: dict, model: str) -> Iterator[Event]:
    """One request on a thread; Progress with the elapsed time every second meanwhile."""
    out: queue.Queue = queue.Queue()

    def work() -> None:
        try:
            gen = session.post_json("/images/generations", body, model=model)
            while True:
                try:
                    out.put(("event", next(gen)))
                except StopIteration as stop:
                    out.put(("done", session.read_json(stop.value)))
                    return
        except BaseException as exc:  # handed to the job's thread
            out.put(("error", exc))

    start = time.perf_counter()
    threading.Thread(target=work, name="remote-paint", daemon=True).start()
    while True:
        try:
            kind, value = out.get(timeout=TICK_S)
        except queue.Empty:
            yield Progress(msg("remote.painting", "Painting on {name}… {seconds} s",
                               name=session.label, seconds=round(time.perf_counter() - start)))
            continue
        if kind == "event":
            yield value
        elif kind == "error":
            raise value
        else:
            return value


def job(req: PaintRequest, cancel: CancelToken) -> Iterator[Event]:
    started = time.perf_counter()
    validate(req)
    if req.init_image or req.loras:
        raise UserError(msg("remote.paint_txt2img", "Over an endpoint only text-to-image works "
                            "(the images API takes no init image, mask or LoRA)."))
    target = endpoints.resolve(req.endpoint)
    seed = req.seed if req.seed is not None else secrets.randbelow(2**31)
    session = Session(target, cancel)
    images: list = []
    seeds: list[int] = []
    extras = True
    failure = None
    t0 = time.perf_counter()
    try:
        for batch in range(req.batch_count):
            batch_seed = seed + batch * req.batch_size
            yield Progress(msg("remote.painting", "Painting on {name}… {seconds} s",
                               name=target.label, seconds=0), None, batch, req.batch_count)
            try:
                data = yield from _call(session, payload(req, batch_seed, extras), req.model)
            except RemoteError as exc:
                if not (extras and exc.status in (400, 422)
                        and any(n in exc.detail for n in EXTRAS)):
                    raise
                extras = False
                yield Notice(msg("remote.no_paint_extras", "{name} does not take the seed, "
                                 "steps, guidance or negative prompt ({detail}); sent without "
                                 "them.", name=target.label, detail=exc.detail))
                data = yield from _call(session, payload(req, batch_seed, False), req.model)
            items = data.get("data") if isinstance(data, dict) else None
            if not isinstance(items, list) or not items:
                raise RemoteError(msg("remote.no_images", "{name} answered without images.",
                                      name=target.label))
            for k, item in enumerate(items):
                if isinstance(item, dict) and item.get("b64_json"):
                    images.append(to_array(item["b64_json"]))
                    seeds.append(batch_seed + k)
            if cancel.cancelled:
                break
    except JobCancelled:
        pass
    except RemoteError as exc:
        if not images:
            yield Failed(exc.message, user_error=exc.user_error)
            return
        failure = exc.message
    finally:
        session.close()
    seconds = time.perf_counter() - t0
    height, width = images[0].shape[:2] if images else (req.height or 0, req.width or 0)
    resolved = dataclasses.replace(req, seed=seed, width=width or None, height=height or None,
                                   revision=f"remote:{req.model}")
    result = PaintResult(images=tuple(images), seeds=tuple(seeds), width=width, height=height,
                         model=f"{req.model} @ {target.label}", steps=req.steps or 0,
                         seconds=round(seconds, 4), seconds_per_step=0.0, request=resolved)
    if failure is not None:
        yield Cancelled(partial=result, message=msg(
            "remote.dropped_images", "{name} failed part-way ({reason}); the images that "
            "arrived are kept.", name=target.label, reason=failure))
        return
    if cancel.cancelled:
        yield Cancelled(partial=result)
        return
    yield Result(value=result, request=resolved,
                 timings={"generate_s": result.seconds,
                          "total_s": round(time.perf_counter() - started, 4)})
