"""The writing engine: text generation through llama.cpp (GGUF) or transformers.

``run(request, cancel)`` is a generator of job events (see ``studio.core.jobs``).
This module only holds the request/result types, validation, backend choice and
the orchestration shared by both backends; the libraries are imported inside
``writing_hf`` / ``writing_llama`` so the UI can import these dataclasses at
startup without paying for torch.
"""

from __future__ import annotations

import math
import os
import secrets
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..cache import ModelCache, shared_cache
from ..devices import DEVICES, DTYPES
from ..jobs import Cancelled, CancelToken, Event, Notice, Result, UserError, drive
from ..models import LocalModel, resolve

# Re-exported for the backends and callers; their home is writing_text.
from .writing_text import Budget, TextAssembler, fit_context  # noqa: F401

LLAMA = "llama.cpp"
HF = "transformers"
BACKENDS = ("auto", LLAMA, HF)
MODES = ("auto", "chat", "completion")
ROLES = ("user", "assistant")
MAX_SEQUENCES = 32
MAX_BEAMS = 64
# llama.cpp allocates the whole KV cache up front: cap the context we ask for.
LLAMA_MAX_CTX = 4096


@dataclass(frozen=True)
class WriteRequest:
    prompt: str
    model: str = "smollm2-135m-instruct"  # catalogue id, local folder/.gguf path, or hub id
    backend: str = "auto"  # "auto" | "llama.cpp" | "transformers"
    device: str = "auto"
    dtype: str = "auto"
    mode: str = "auto"  # "auto" (chat if the model has a chat template) | "chat" | "completion"
    system: str = ""  # system prompt (chat mode)
    history: tuple[tuple[str, str], ...] = ()  # earlier turns: ("user"|"assistant", text)
    max_new_tokens: int | None = 128
    max_length: int | None = None  # prompt + new tokens, like transformers
    num_return_sequences: int = 1
    no_repeat_ngram_size: int = 0
    do_sample: bool = True
    temperature: float = 0.7
    top_k: int = 50
    top_p: float = 0.95
    repetition_penalty: float = 1.0
    num_beams: int = 1
    early_stopping: bool = False
    seed: int | None = None  # None -> a random seed chosen and reported in the result
    stop: tuple[str, ...] = ()
    n_threads: int | None = None  # llama.cpp threads; None = physical cores

    @property
    def greedy(self) -> bool:
        """Temperature 0 means greedy too (as in llama.cpp and most UIs)."""
        return not self.do_sample or self.temperature == 0

    @property
    def needs_beams(self) -> bool:
        """Beam search: asked for, or several greedy sequences (identical otherwise)."""
        return self.num_beams > 1 or (self.greedy and self.num_return_sequences > 1)


@dataclass(frozen=True)
class WriteResult:
    texts: tuple[str, ...]
    model: str
    backend: str
    seed: int
    chat: bool
    prompt_tokens: int
    new_tokens: int  # over all sequences
    seconds: float  # generation time (model load excluded; see Result.timings)
    tokens_per_s: float
    first_token_s: float | None  # from generation start to the first streamed text
    truncated: bool
    # generated ids per sequence (stop strings cut only the text); for tests and tooling
    token_ids: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class ModelInfo:
    ref: str
    backend: str
    chat: bool  # has a chat template
    context: int  # tokens of context the chosen backend will use
    gguf: bool
    path: str


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_num(value) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def validate(req: WriteRequest) -> None:
    """Raise UserError with a readable message for the first bad value."""

    def need(ok: bool, message: str) -> None:
        if not ok:
            raise UserError(message)

    need(isinstance(req.prompt, str) and req.prompt.strip() != "",
         "The prompt is empty: type something for the model to continue or answer.")
    for name, allowed in (("backend", BACKENDS), ("mode", MODES), ("device", DEVICES),
                          ("dtype", DTYPES)):
        value = getattr(req, name)
        need(value in allowed, f"Unknown {name} {value!r}; choose one of {', '.join(allowed)}.")
    need(isinstance(req.system, str), "The system prompt must be text.")
    for turn in req.history:
        need(isinstance(turn, tuple | list) and len(turn) == 2 and turn[0] in ROLES
             and isinstance(turn[1], str),
             f"Each history turn must be (\"user\" or \"assistant\", text); got {turn!r}.")
    for name in ("max_new_tokens", "max_length"):
        value = getattr(req, name)
        need(value is None or (_is_int(value) and value >= 1),
             f"{name} must be a whole number of at least 1 (got {value!r}).")
    need(req.max_new_tokens is not None or req.max_length is not None,
         "Set max_new_tokens or max_length: the model needs to know when to stop.")
    need(_is_int(req.num_return_sequences) and 1 <= req.num_return_sequences <= MAX_SEQUENCES,
         f"num_return_sequences must be between 1 and {MAX_SEQUENCES} "
         f"(got {req.num_return_sequences!r}).")
    need(_is_int(req.no_repeat_ngram_size) and req.no_repeat_ngram_size >= 0,
         f"no_repeat_ngram_size must be 0 (off) or more (got {req.no_repeat_ngram_size!r}).")
    need(isinstance(req.do_sample, bool), "do_sample must be true or false.")
    need(_is_num(req.temperature) and 0 <= req.temperature <= 100,
         f"temperature must be between 0 (greedy) and 100 (got {req.temperature!r}).")
    need(_is_int(req.top_k) and req.top_k >= 0,
         f"top_k must be 0 (off) or a positive whole number (got {req.top_k!r}).")
    need(_is_num(req.top_p) and 0 < req.top_p <= 1,
         f"top_p must be in (0, 1] (got {req.top_p!r}).")
    need(_is_num(req.repetition_penalty) and req.repetition_penalty > 0,
         f"repetition_penalty must be more than 0; 1 means off (got {req.repetition_penalty!r}).")
    need(_is_int(req.num_beams) and 1 <= req.num_beams <= MAX_BEAMS,
         f"num_beams must be between 1 and {MAX_BEAMS} (got {req.num_beams!r}).")
    need(isinstance(req.early_stopping, bool), "early_stopping must be true or false.")
    need(req.seed is None or (_is_int(req.seed) and 0 <= req.seed < 2**32),
         f"seed must be a whole number from 0 to {2**32 - 1} (got {req.seed!r}).")
    need(isinstance(req.stop, tuple | list) and all(isinstance(s, str) and s for s in req.stop),
         "Stop strings must be non-empty text.")
    need(req.n_threads is None or (_is_int(req.n_threads) and req.n_threads >= 1),
         f"n_threads must be at least 1 (got {req.n_threads!r}).")


# ---- helpers shared by both backends -------------------------------------------------------


def derive_seed(seed: int, index: int) -> int:
    """Seed of output sequence ``index``: the request seed for the first, then a fixed mix."""
    return seed if index == 0 else (seed + index * 0x9E3779B9) % 2**32


def chat_messages(req: WriteRequest) -> list[dict[str, str]]:
    messages = [{"role": "system", "content": req.system}] if req.system.strip() else []
    messages += [{"role": role, "content": text} for role, text in req.history]
    messages.append({"role": "user", "content": req.prompt})
    return messages


def use_chat(req: WriteRequest, has_template: bool, name: str) -> bool:
    if req.mode == "completion":
        return False
    if req.mode == "chat" and not has_template:
        raise UserError(f"The model {name!r} has no chat template; use completion mode.")
    return has_template


@dataclass
class Outcome:
    """What a backend's generation loop returns to ``_job``."""

    texts: list[str]
    token_ids: list[tuple[int, ...]]
    first_token_s: float | None
    cancelled: bool


# ---- backend choice and model info ---------------------------------------------------------


def llama_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("llama_cpp") is not None


def _device_kind(device: str) -> str:
    """The device kind, importing torch only when an accelerator may exist."""
    if device != "auto":
        return device.split(":")[0]
    gpu_possible = any(Path(p).exists() for p in ("/proc/driver/nvidia/version", "/dev/kfd")) or (
        sys.platform == "darwin" and os.uname().machine == "arm64"
    ) or "torch" in sys.modules
    if not gpu_possible and sys.platform.startswith("linux"):
        return "cpu"
    from ..devices import resolve_device

    return resolve_device("auto")


def pick_backend(local: LocalModel, device: str, requested: str, needs_beams: bool = False) -> str:
    """llama.cpp for a GGUF on CPU, transformers otherwise (and for any folder)."""
    if requested not in BACKENDS:
        raise UserError(f"Unknown backend {requested!r}; choose one of {', '.join(BACKENDS)}.")
    if requested == LLAMA:
        if not local.is_gguf:
            raise UserError(f"The llama.cpp backend needs a .gguf file; {local.ref!r} is not one.")
        if not llama_available():
            raise UserError("llama.cpp is not installed (pip install llama-cpp-python); "
                            "choose the transformers backend.")
        if needs_beams:
            raise UserError("llama.cpp has no beam search (needed for num_beams > 1 and for "
                            "several greedy texts): turn sampling on, or choose the "
                            "transformers backend.")
        return LLAMA
    if requested == HF:
        return HF
    if local.is_gguf and not needs_beams and llama_available() and _device_kind(device) == "cpu":
        return LLAMA
    return HF


def model_info(ref: str, backend: str = "auto") -> ModelInfo:
    """Chat capability and context length without loading weights (reads metadata only)."""
    local = resolve(ref, "writing")
    chosen = pick_backend(local, "auto", backend)
    if local.is_gguf:
        from .writing_llama import gguf_metadata

        meta = gguf_metadata(local.main_path)
        context = meta.context or 2048
        if chosen == LLAMA:
            context = min(context, LLAMA_MAX_CTX)
        return ModelInfo(local.ref, chosen, bool(meta.chat_template), context, True,
                         str(local.main_path))
    from .writing_hf import folder_metadata

    chat, context = folder_metadata(local.path)
    return ModelInfo(local.ref, chosen, chat, context, False, str(local.path))


# ---- the job -------------------------------------------------------------------------------


def run(request: WriteRequest, cancel: CancelToken, cache: ModelCache = shared_cache
        ) -> Iterator[Event]:
    """Generate text for ``request``; ends with Result, Failed or Cancelled."""
    return drive(lambda token: _job(request, token, cache), cancel)


def _job(req: WriteRequest, cancel: CancelToken, cache: ModelCache) -> Iterator[Event]:
    started = time.perf_counter()
    validate(req)
    local = resolve(req.model, "writing")
    backend = pick_backend(local, req.device, req.backend, req.needs_beams)
    if req.backend == "auto" and backend == HF and local.is_gguf and req.needs_beams:
        yield Notice("Beam search runs on the transformers backend (llama.cpp has none).")
    if req.early_stopping and not req.needs_beams:
        yield Notice("Early stopping applies to beam search only; it has no effect while sampling.")
    if backend == LLAMA:
        from . import writing_llama as impl
    else:
        from . import writing_hf as impl
    cancel.raise_if_cancelled()
    session = yield from impl.load(local, req, cache)
    loaded = time.perf_counter()
    cancel.raise_if_cancelled()

    chat = use_chat(req, session.chat_template, local.ref)
    if not chat and (req.system.strip() or req.history):
        yield Notice("The system prompt and earlier turns are used only in chat mode.")
    budget = fit_context(session.encode(req, chat), req, session.context)
    for message in budget.notices:
        yield Notice(message)
    seed = req.seed if req.seed is not None else secrets.randbelow(2**31)

    gen_start = time.perf_counter()
    outcome: Outcome = yield from session.generate(budget.ids, budget.new_tokens, req, seed, cancel)
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
    timings = {
        "load_s": round(loaded - started, 4),
        "generate_s": round(gen_s, 4),
        "total_s": round(time.perf_counter() - started, 4),
        "tokens_per_s": result.tokens_per_s,
    }
    if result.first_token_s is not None:
        timings["first_token_s"] = result.first_token_s
    yield Result(value=result, request=req, timings=timings)
