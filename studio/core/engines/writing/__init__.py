"""The writing engine: text generation through llama.cpp (GGUF) or transformers.

``run(request, cancel)`` is a generator of job events (see ``studio.core.jobs``).
This package's ``__init__`` holds backend choice and the orchestration both
backends share; the request/result types live in ``request``, the pure text
plumbing in ``text``, and each backend in its own module (``llama``, ``hf``),
imported only when a job needs it, so the window can import the types and
``model_info`` without paying for torch.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import secrets
import time
from collections.abc import Iterator
from contextlib import ExitStack

from ...cache import ModelCache, shared_cache
from ...devices import device_kind
from ...jobs import Cancelled, CancelToken, Event, Notice, Progress, Result, UserError, drive
from ...messages import msg
from ...models import LocalModel, fingerprint, resolve
from .metadata import folder_metadata, gguf_metadata
from .request import (
    BACKENDS,
    DEFAULT_MAX_NEW_TOKENS,
    DEFAULT_MODEL,
    HF,
    LLAMA,
    LLAMA_MAX_CTX,
    MODES,
    ModelInfo,
    WriteRequest,
    WriteResult,
    use_chat,
    validate,
)
from .text import fit_context, parse_stops

__all__ = [
    "BACKENDS", "DEFAULT_MAX_NEW_TOKENS", "DEFAULT_MODEL", "HF", "LLAMA", "MODES", "ModelInfo",
    "WriteRequest", "WriteResult", "model_info", "parse_stops", "pick_backend", "run", "validate",
]


def llama_available() -> bool:
    return importlib.util.find_spec("llama_cpp") is not None


def pick_backend(local: LocalModel, device: str, requested: str, needs_beams: bool = False) -> str:
    """llama.cpp for a GGUF on CPU, transformers otherwise (and for any folder)."""
    if requested not in BACKENDS:
        raise UserError(msg("request.unknown_choice",
                            "Unknown {name} {value}; choose one of {allowed}.", name="backend",
                            value=repr(requested), allowed=", ".join(BACKENDS)))
    if requested == LLAMA:
        if not local.is_gguf:
            raise UserError(msg("llama.needs_gguf",
                                "The llama.cpp backend needs a .gguf file; {ref} is not one.",
                                ref=repr(local.ref)))
        if not llama_available():
            raise UserError(msg("llama.missing",
                                "llama.cpp is not installed (pip install llama-cpp-python); "
                                "choose the transformers backend."))
        if needs_beams:
            raise UserError(msg("llama.no_beams",
                                "llama.cpp has no beam search (needed for num_beams > 1 and for "
                                "several greedy texts): turn sampling on, or choose the "
                                "transformers backend."))
        return LLAMA
    if requested == HF:
        return HF
    if local.is_gguf and not needs_beams and llama_available() and device_kind(device) == "cpu":
        return LLAMA
    return HF


def model_info(ref: str, backend: str = "auto") -> ModelInfo:
    """Chat capability and context length without loading weights (reads metadata only)."""
    local = resolve(ref, "writing")
    chosen = pick_backend(local, "auto", backend)
    if local.is_gguf:
        meta = gguf_metadata(local.main_path)
        context = meta.context or 2048
        if chosen == LLAMA:
            context = min(context, LLAMA_MAX_CTX)
        return ModelInfo(local.ref, chosen, bool(meta.chat_template), context, True,
                         str(local.main_path))
    chat, context = folder_metadata(local.path)
    return ModelInfo(local.ref, chosen, chat, context, False, str(local.path))


def run(request: WriteRequest, cancel: CancelToken, cache: ModelCache = shared_cache
        ) -> Iterator[Event]:
    """Generate text for ``request``; ends with Result, Failed or Cancelled."""
    return drive(lambda token: _job(request, token, cache), cancel)


def _job(req: WriteRequest, cancel: CancelToken, cache: ModelCache) -> Iterator[Event]:
    if req.endpoint or req.backend == "remote":  # an inference server runs it
        from . import remote

        yield from remote.job(req, cancel)
        return
    started = time.perf_counter()
    validate(req)
    local = resolve(req.model, "writing")
    backend = pick_backend(local, req.device, req.backend, req.needs_beams)
    if req.backend == "auto" and backend == HF and local.is_gguf and req.needs_beams:
        yield Notice(msg("writing.beams_on_hf",
                         "Beam search runs on the transformers backend (llama.cpp has none)."))
    if req.early_stopping and not req.needs_beams:
        yield Notice(msg("writing.early_stopping_unused",
                         "Early stopping applies to beam search only; it has no effect while "
                         "sampling."))
    if backend == LLAMA:
        from . import llama as impl
    else:
        from . import hf as impl
    yield Progress(msg("progress.checking_model", "Checking the model…"))
    revision = fingerprint(local)
    if req.revision and req.revision != revision:
        yield Notice(msg("model.changed",
                         "The model's files changed since this request was made ({old}, now "
                         "{new}): the text may differ.", old=req.revision[:19],
                         new=revision[:19]))
    cancel.raise_if_cancelled()
    with ExitStack() as held:  # the model stays loaded (never evicted) until the job ends
        session = yield from impl.load(local, req, cache, held)
        loaded = time.perf_counter()
        cancel.raise_if_cancelled()

        chat = use_chat(req, session.chat_template, local.ref)
        if not chat and (req.system.strip() or req.history):
            yield Notice(msg("writing.chat_only",
                             "The system prompt and earlier turns are used only in chat mode."))
        budget = fit_context(session.encode(req, chat), req, session.context)
        for message in budget.notices:
            yield Notice(message)
        seed = req.seed if req.seed is not None else secrets.randbelow(2**31)

        gen_start = time.perf_counter()
        outcome = yield from session.generate(budget.ids, budget.new_tokens, req, seed, cancel)
        gen_s = time.perf_counter() - gen_start
    new_tokens = sum(len(ids) for ids in outcome.token_ids)
    result = WriteResult(
        texts=tuple(outcome.texts),
        model=local.ref,
        backend=backend,
        seed=seed,
        chat=chat,
        prompt_tokens=len(budget.ids),
        new_tokens=new_tokens,
        seconds=round(gen_s, 4),
        tokens_per_s=round(new_tokens / gen_s, 2) if gen_s > 0 else 0.0,
        first_token_s=None if outcome.first_token_s is None else round(outcome.first_token_s, 4),
        truncated=budget.truncated,
        token_ids=tuple(outcome.token_ids),
    )
    if outcome.cancelled:
        yield Cancelled(partial=result)
        return
    if not any(text.strip() for text in result.texts):
        yield Notice(msg("writing.no_text",
                         "The model produced no text (it ended at once). Try again, raise the "
                         "temperature or the token limit, or change the prompt."))
    timings = {
        "load_s": round(loaded - started, 4),
        "generate_s": round(gen_s, 4),
        "total_s": round(time.perf_counter() - started, 4),
        "tokens_per_s": result.tokens_per_s,
    }
    if result.first_token_s is not None:
        timings["first_token_s"] = result.first_token_s
    # The request that reproduces this result: the seed and backend actually used, and which
    # model files made it.
    resolved = dataclasses.replace(req, seed=seed, backend=backend, revision=revision)
    yield Result(value=result, request=resolved, timings=timings)
