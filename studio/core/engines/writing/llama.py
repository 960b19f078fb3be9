"""llama.cpp backend of the writing engine (llama_cpp.Llama on GGUF files).

The engine drives ``Llama.generate()`` token by token itself (rather than
``create_completion``) so it owns the token ids, checks the CancelToken between
tokens, applies stop strings exactly as the transformers backend does, and can
add a no-repeat-n-gram logits processor.  The prompt is evaluated first with
llama.cpp's abort callback set, so Stop also works inside a long prompt
evaluation (one ``llama_decode`` call can take seconds).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...cache import ModelCache
from ...devices import device_kind, physical_cores
from ...jobs import CancelToken, Event, JobCancelled, Notice, Progress, Token, UserError
from ...messages import msg
from ...models import LocalModel
from .metadata import gguf_metadata
from .request import LLAMA, LLAMA_MAX_CTX, Outcome, WriteRequest, chat_messages, derive_seed
from .text import TextAssembler, Utf8Stream

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
            raise UserError(msg("writing.template_rejected",
                                "The model's chat template rejected the conversation: {reason}",
                                reason=str(exc))) from exc
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
        # path, so the same seed could give a different text.  generate() below then finds
        # the prompt evaluated (exactly as it would have evaluated it) and samples at once.
        llm.reset()
        with abortable(llm, cancel):
            try:
                llm.eval(ids)
            except RuntimeError:  # llama_decode returned 2: aborted by the callback
                if cancel.cancelled:
                    raise JobCancelled() from None
                raise
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


@contextmanager
def abortable(llm, cancel: CancelToken):
    """While inside, llama.cpp checks ``cancel`` between the nodes of each compute graph.

    The callback is a Python function (it takes the GIL at every node), so it is
    set only around prompt evaluation, never while tokens are generated.
    """
    import llama_cpp

    callback = llama_cpp.ggml_abort_callback(lambda _data: cancel.cancelled)
    llama_cpp.llama_set_abort_callback(llm.ctx, callback, None)
    try:
        yield
    finally:
        llama_cpp.llama_set_abort_callback(llm.ctx, llama_cpp.ggml_abort_callback(), None)


def _open(path: Path, n_ctx: int, threads: int, gpu_layers: int):
    from llama_cpp import Llama

    try:
        return Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads,
                     n_threads_batch=threads, n_gpu_layers=gpu_layers, verbose=False)
    except ValueError as exc:  # "Failed to load model from file"
        raise UserError(msg("llama.cannot_load",
                            "llama.cpp could not load {name}: not a valid GGUF model, or an "
                            "architecture this llama.cpp does not support ({reason}).",
                            name=path.name, reason=str(exc))) from exc


def load(local: LocalModel, req: WriteRequest, cache: ModelCache, stack: ExitStack
         ) -> Iterator[Event]:
    """Generator: yields Progress/Notice while loading, returns a LlamaSession held for the job."""
    import llama_cpp

    path = local.main_path
    if req.device not in ("auto", "cpu"):  # chosen explicitly: it must exist (UserError, as on HF)
        from ...devices import resolve_device

        resolve_device(req.device)
    kind = device_kind(req.device)
    gpu_layers = 0
    if kind != "cpu":  # the GPU exists; this llama.cpp build may still lack offload to it
        if llama_cpp.llama_supports_gpu_offload():
            gpu_layers = -1
        else:
            yield Notice(msg("llama.no_gpu_build",
                             "This llama.cpp build has no {kind} support; running on the CPU.",
                             kind=kind))
            kind = "cpu"
    threads = req.n_threads or physical_cores()
    key = (LLAMA, str(path), kind, "gguf", threads)

    def loader() -> LlamaSession:
        meta = gguf_metadata(path)
        n_ctx = min(meta.context or 2048, LLAMA_MAX_CTX)
        return LlamaSession(_open(path, n_ctx, threads, gpu_layers), n_ctx, meta.chat_template)

    def size(_session: LlamaSession) -> int:
        return os.path.getsize(path)

    if key not in cache:
        yield Progress(msg("progress.loading_model", "Loading model…"))
    # llama.cpp maps the file: its size is what the model will take.
    return stack.enter_context(cache.use(key, loader, size, estimate=os.path.getsize(path)))
