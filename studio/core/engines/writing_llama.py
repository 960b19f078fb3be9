"""llama.cpp backend of the writing engine (llama_cpp.Llama on GGUF files).

The engine drives ``Llama.generate()`` token by token itself (rather than
``create_completion``) so it owns the token ids, checks the CancelToken between
tokens, applies stop strings exactly as the transformers backend does, and can
add a no-repeat-n-gram logits processor.
"""

from __future__ import annotations

import math
import os
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import ModelCache
from ..jobs import CancelToken, Event, Notice, Progress, Token, UserError
from ..models import LocalModel
from .writing import (
    LLAMA,
    LLAMA_MAX_CTX,
    Outcome,
    TextAssembler,
    WriteRequest,
    _device_kind,
    chat_messages,
    derive_seed,
)
from .writing_text import Utf8Stream

# ---- GGUF header (metadata only) -----------------------------------------------------------
# gguf.GGUFReader parses every tokenizer array (~4 s here); the UI only needs two keys.

_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q",
            12: "d"}


@dataclass(frozen=True)
class GGUFMeta:
    architecture: str
    context: int  # training context length (0 when unknown)
    chat_template: str
    name: str
    parameters: int = 0  # weights over all tensors (from the tensor infos after the header)


def gguf_metadata(path: Path) -> GGUFMeta:
    """Read the key/value header of a GGUF file, skipping arrays without decoding them."""
    values: dict[str, Any] = {}
    parameters = 0
    try:
        with open(path, "rb") as fh:
            if fh.read(4) != b"GGUF":
                raise UserError(f"{path.name} is not a GGUF file.")
            version, tensors, count = struct.unpack("<IQQ", fh.read(20))
            if version < 2:
                raise UserError(f"{path.name} uses GGUF version {version}, which is too old.")

            def string() -> str:
                (n,) = struct.unpack("<Q", fh.read(8))
                if n > 1 << 26:  # a corrupt length: do not try to allocate it
                    raise struct.error(f"a string of {n} bytes")
                return fh.read(n).decode("utf-8", errors="replace")

            def value(kind: int, keep: bool):
                if kind == 8:
                    return string() if keep else fh.seek(struct.unpack("<Q", fh.read(8))[0], 1)
                if kind == 9:
                    item, n = struct.unpack("<IQ", fh.read(12))
                    if item in _SCALARS:
                        fh.seek(struct.calcsize(_SCALARS[item]) * n, 1)
                    else:
                        for _ in range(n):
                            value(item, False)
                    return None
                fmt = "<" + _SCALARS[kind]
                return struct.unpack(fmt, fh.read(struct.calcsize(fmt)))[0]

            for _ in range(count):
                key = string()
                (kind,) = struct.unpack("<I", fh.read(4))
                values[key] = value(kind, True)
            for _ in range(tensors):  # name, n_dims, dims, type, offset
                fh.seek(struct.unpack("<Q", fh.read(8))[0], 1)
                (n_dims,) = struct.unpack("<I", fh.read(4))
                if n_dims > 8:
                    raise struct.error(f"a tensor with {n_dims} dimensions")
                parameters += math.prod(struct.unpack(f"<{n_dims}Q", fh.read(8 * n_dims)))
                fh.seek(12, 1)
    except (OSError, struct.error, KeyError, OverflowError, ValueError) as exc:
        raise UserError(f"Could not read the GGUF file {path}: {exc}") from exc
    arch = str(values.get("general.architecture") or "")
    context = values.get(f"{arch}.context_length")
    return GGUFMeta(arch, int(context) if isinstance(context, int) else 0,
                    str(values.get("tokenizer.chat_template") or ""),
                    str(values.get("general.name") or path.stem), parameters)


# ---- logits processor ----------------------------------------------------------------------


class NoRepeatNGram:
    """Bans tokens that would repeat an n-gram of the context, as transformers does.

    Called by llama.cpp with the whole context before each token; n-grams are
    indexed incrementally so each call costs O(new tokens), not O(context).
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.ids: list[int] = []
        self.seen: dict[tuple[int, ...], set[int]] = {}

    def __call__(self, input_ids, scores):
        n = self.n
        for token in input_ids[len(self.ids):].tolist():
            self.ids.append(token)
            if len(self.ids) >= n:
                self.seen.setdefault(tuple(self.ids[len(self.ids) - n:-1]), set()).add(token)
        if len(self.ids) >= n - 1:
            banned = self.seen.get(tuple(self.ids[len(self.ids) - n + 1:]))
            if banned:
                scores[list(banned)] = -float("inf")
        return scores


def physical_cores() -> int:
    """Physical cores usable by this process (llama.cpp is slower on hyper-threads)."""
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 1
    cores: set[tuple[str, str]] = set()
    try:
        phys = core = ""
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                key = key.strip()
                if key == "physical id":
                    phys = value.strip()
                elif key == "core id":
                    core = value.strip()
                    cores.add((phys, core))
    except OSError:
        pass
    return max(1, min(usable, len(cores) or usable))


# ---- session -------------------------------------------------------------------------------


@dataclass
class LlamaSession:
    llm: Any
    context: int
    template: str
    lock: threading.Lock = field(default_factory=threading.Lock)
    _formatter: Any = None

    @property
    def chat_template(self) -> bool:
        return bool(self.template)

    def encode(self, req: WriteRequest, chat: bool) -> list[int]:
        llm = self.llm
        if not chat:
            return llm.tokenize(req.prompt.encode("utf-8"), add_bos=True, special=False)
        if self._formatter is None:  # compiling the template costs a few ms: once per model
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            def token_text(token: int) -> str:
                return llm._model.token_get_text(token) if token >= 0 else ""

            self._formatter = Jinja2ChatFormatter(self.template, token_text(llm.token_eos()),
                                                  token_text(llm.token_bos()))
        try:
            prompt = self._formatter(messages=chat_messages(req)).prompt
        except Exception as exc:  # jinja TemplateError / raise_exception in the template
            raise UserError(f"The model's chat template rejected the conversation: {exc}") from exc
        # The template writes its own special tokens (transformers: add_special_tokens=False).
        return llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=True)

    def generate(self, ids: list[int], new_tokens: int, req: WriteRequest, seed: int,
                 cancel: CancelToken) -> Iterator[Event]:
        with self.lock:
            start = time.perf_counter()
            texts, all_ids, first = [], [], None
            for i in range(req.num_return_sequences):  # sampling (pick_backend refuses beams)
                assembler = TextAssembler(req.stop)
                out: list[int] = []
                for piece in self._stream(ids, new_tokens, req, derive_seed(seed, i), cancel,
                                          assembler, out):
                    if first is None:
                        first = time.perf_counter() - start
                    yield Token(piece, i)
                texts.append(assembler.text)
                all_ids.append(tuple(out))
                if cancel.cancelled:
                    break
            return Outcome(texts, all_ids, first, cancel.cancelled)

    def _stream(self, ids: list[int], new_tokens: int, req: WriteRequest, seed: int,
                cancel: CancelToken, assembler: TextAssembler, out: list[int]) -> Iterator[str]:
        import llama_cpp

        llm = self.llm
        # Re-evaluate the prompt every time: reusing the KV prefix changes the float
        # path, so the same seed could give a different text.
        llm.reset()
        llm.set_seed(seed)
        procs = None
        if req.no_repeat_ngram_size > 0:
            procs = llama_cpp.LogitsProcessorList([NoRepeatNGram(req.no_repeat_ngram_size)])
        tokens = llm.generate(
            ids,
            top_k=req.top_k,
            top_p=float(req.top_p),
            min_p=0.0,  # llama-cpp's default 0.05 has no transformers counterpart
            typical_p=1.0,
            temp=0.0 if req.greedy else float(req.temperature),
            repeat_penalty=float(req.repetition_penalty),
            logits_processor=procs,
        )
        vocab = llm._model.vocab
        utf8 = Utf8Stream()
        try:
            for token in tokens:
                if llama_cpp.llama_vocab_is_eog(vocab, token):
                    break
                out.append(token)
                piece = assembler.feed(utf8.push(llm.detokenize([token])))
                if piece:
                    yield piece
                if assembler.stopped or len(out) >= new_tokens or cancel.cancelled:
                    break
        finally:
            tokens.close()
        # A character cut off by max_new_tokens or a cancel is dropped, not shown as U+FFFD.
        tail = assembler.feed(utf8.finish()) + assembler.flush()
        if tail:
            yield tail


def _open(path: Path, n_ctx: int, threads: int, gpu_layers: int):
    from llama_cpp import Llama

    try:
        return Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads,
                     n_threads_batch=threads, n_gpu_layers=gpu_layers, verbose=False)
    except ValueError as exc:  # "Failed to load model from file"
        raise UserError(f"llama.cpp could not load {path.name}: not a valid GGUF model, or an "
                        f"architecture this llama.cpp does not support ({exc}).") from exc


def load(local: LocalModel, req: WriteRequest, cache: ModelCache) -> Iterator[Event]:
    """Generator: yields Progress/Notice while loading, returns a LlamaSession."""
    import sys

    from ..preload import paused_gc, preload, preload_torch_stack

    if "llama_cpp" not in sys.modules:  # first use: keep the UI thread responsive
        with paused_gc():
            preload("llama_cpp")  # dlopen with the GIL released
            import llama_cpp
    else:
        import llama_cpp

    path = local.main_path
    if req.device not in ("auto", "cpu"):  # chosen explicitly: it must exist (UserError, as on HF)
        from ..devices import resolve_device

        with paused_gc():
            preload_torch_stack()
            resolve_device(req.device)
    kind = _device_kind(req.device)
    gpu_layers = 0
    if kind != "cpu":  # the GPU exists; this llama.cpp build may still lack offload to it
        if llama_cpp.llama_supports_gpu_offload():
            gpu_layers = -1
        else:
            yield Notice(f"This llama.cpp build has no {kind} support; running on the CPU.")
            kind = "cpu"
    threads = req.n_threads or physical_cores()
    key = (LLAMA, str(path), kind, "gguf", threads)

    def loader() -> LlamaSession:
        meta = gguf_metadata(path)
        n_ctx = min(meta.context or 2048, LLAMA_MAX_CTX)
        return LlamaSession(_open(path, n_ctx, threads, gpu_layers), n_ctx, meta.chat_template)

    def size(_session: LlamaSession) -> int:
        return os.path.getsize(path)

    if key in cache:
        return cache.get(key, loader, size)
    yield Progress("Loading model…")
    with paused_gc():  # llama.cpp maps the file: its size is what the model will take
        return cache.get(key, loader, size, estimate=os.path.getsize(path))
