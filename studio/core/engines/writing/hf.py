"""Transformers backend of the writing engine (any causal LM folder, or a GGUF converted once).

Streaming: ``generate()`` runs on the engine's long-lived library thread; a
StoppingCriteria, called once per new token with the ids, decodes the token,
applies stop strings, checks the CancelToken and hands text to the job's
generator through a queue.  So cancel and stop strings end generation right
after the token that triggered them, and there is no TextIteratorStreamer that
could block if generate() raised.  Inside one forward pass (a long prompt on a
big model takes seconds) a hook before every decoder layer checks the token too.
"""

from __future__ import annotations

import concurrent.futures
import queue
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ... import security
from ...cache import ModelCache, torch_module_size
from ...jobs import CancelToken, Event, JobCancelled, Progress, Token, UserError
from ...messages import msg
from ...models import LocalModel
from ...threads import run_on_library_thread
from .convert import ensure_converted, gguf_sha, is_converted, quiet_transformers
from .metadata import context_of, gguf_metadata
from .request import HF, Outcome, WriteRequest, chat_messages, derive_seed
from .text import TextAssembler, drop_incomplete_tail

# ---- loading -------------------------------------------------------------------------------


@dataclass
class HFSession:
    model: Any
    tokenizer: Any
    device: str
    context: int
    chat_template: bool
    eos_ids: frozenset[int]
    pad_id: int | None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def encode(self, req: WriteRequest, chat: bool) -> list[int]:
        tok = self.tokenizer
        if not chat:
            return list(tok(req.prompt)["input_ids"])
        try:
            text = tok.apply_chat_template(chat_messages(req), add_generation_prompt=True,
                                           tokenize=False)
        except Exception as exc:  # jinja TemplateError: e.g. a template without a system role
            raise UserError(msg("writing.template_rejected",
                                "The model's chat template rejected the conversation: {reason}",
                                reason=str(exc))) from exc
        return list(tok(text, add_special_tokens=False)["input_ids"])

    def generate(self, ids: list[int], new_tokens: int, req: WriteRequest, seed: int,
                 cancel: CancelToken) -> Iterator[Event]:
        with self.lock:
            return (yield from _generate(self, ids, new_tokens, req, seed, cancel))


def _load_folder(folder: Path, device: str, dtype, local: LocalModel | None = None
                 ) -> HFSession:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    quiet_transformers()

    if not (folder / "config.json").is_file():
        raise UserError(msg("hf.no_config", "{folder} is not a transformers model folder (no "
                            "readable config.json).", folder=str(folder)))
    local = local or LocalModel(str(folder), folder)
    pickles = security.allows_pickle(local)
    if not any(folder.glob("*.safetensors")) and not pickles:
        # Pickled .bin/.pt weights can run code when loaded: refuse them unless opted in.
        raise UserError(msg("hf.no_safetensors",
                            "{name} has no .safetensors weights. AIGC Studio loads only "
                            "safetensors; convert the model or pick a safetensors copy of it.",
                            name=folder.name))
    # Remote code only for a model the user listed (trust_remote_code_models); one that
    # needs it otherwise is refused with the reason, never executed.
    trust = security.remote_code(local, folder)
    try:
        tok = AutoTokenizer.from_pretrained(folder, local_files_only=True, trust_remote_code=trust)
        model = AutoModelForCausalLM.from_pretrained(
            folder, dtype=dtype, local_files_only=True, use_safetensors=None if pickles else True,
            trust_remote_code=trust)
    except ValueError as exc:  # "Unrecognized configuration class ..." for non-causal models
        raise UserError(msg("hf.not_causal",
                            "{name} is not a text-generation (causal LM) model: {reason}",
                            name=folder.name, reason=str(exc))) from exc
    model.to(device).eval()
    gen = model.generation_config
    eos = gen.eos_token_id if gen.eos_token_id is not None else tok.eos_token_id
    eos_ids = frozenset([eos] if isinstance(eos, int) else (eos or []))
    pad = gen.pad_token_id if gen.pad_token_id is not None else tok.pad_token_id
    if pad is None and eos_ids:
        pad = min(eos_ids)
    return HFSession(model, tok, device, context_of(model.config), bool(tok.chat_template),
                     eos_ids, pad)


def load(local: LocalModel, req: WriteRequest, cache: ModelCache, stack: ExitStack
         ) -> Iterator[Event]:
    """Generator: yields Progress while loading (or converting), returns an HFSession held
    for the job."""
    import sys

    from ...devices import resolve_device, resolve_dtype

    if "torch" not in sys.modules:
        yield Progress(msg("progress.loading_libraries", "Loading libraries…"))
    device = resolve_device(req.device)
    dtype = resolve_dtype(req.dtype, device)
    key = (HF, str(local.main_path), device, str(dtype))
    sha: list[str] = []  # of the GGUF, computed once (hashing a local file reads all of it)

    def loader() -> HFSession:
        folder = local.path
        if local.is_gguf:
            if not sha:
                sha.append(gguf_sha(local))
            folder, _ = ensure_converted(local.main_path, sha[0])
        return _load_folder(folder, device, dtype, None if local.is_gguf else local)

    def size(session: HFSession) -> int:
        return torch_module_size(session.model)

    if key in cache:
        return stack.enter_context(cache.use(key, loader, size))
    if local.is_gguf:
        # A file that is no GGUF at all is bad input (UserError), not a converter ValueError.
        meta = gguf_metadata(local.main_path)
        sha.append(gguf_sha(local))
        # The model transformers builds (and the fp32 folder it is converted to once) holds
        # every weight dequantised, so the exact size is weights x bytes per weight; the GGUF's
        # own size says little (Q4 is ~6x smaller than fp32).  Without a tensor count, assume
        # 4-bit weights: two per byte of the file.
        weights = meta.parameters or 2 * local.main_path.stat().st_size
        estimate = weights * dtype.itemsize
        if not is_converted(sha[0]):
            yield Progress(msg("progress.converting_gguf",
                               "Converting the GGUF model for transformers (once, ~20 s)…"))
        else:
            yield Progress(msg("progress.loading_model", "Loading model…"))
    else:
        # safetensors hold the weights as they will be loaded (over-estimated if a narrower
        # dtype was chosen than the files use: the budget then frees a little too much).
        estimate = sum(f.stat().st_size for f in local.path.glob("*.safetensors"))
        yield Progress(msg("progress.loading_model", "Loading model…"))
    return stack.enter_context(cache.use(key, loader, size, estimate=estimate or None))


@contextmanager
def cancellable_forward(model, cancel: CancelToken):
    """Check ``cancel`` before every decoder layer, so Stop works inside one forward pass.

    A forward pass over a long prompt on a big model takes seconds on a CPU; the
    stopping criteria only run between tokens.  A pre-hook on each block of the
    model's layer list raises JobCancelled, which ends generate() at once.
    """
    import torch

    def check(_module, _args):
        if cancel.cancelled:
            raise JobCancelled()

    handles = []
    for module in model.modules():
        if isinstance(module, torch.nn.ModuleList):
            handles += [block.register_forward_pre_hook(check) for block in module]
    try:
        yield
    finally:
        for handle in handles:
            handle.remove()


# ---- generation ----------------------------------------------------------------------------


class IncrementalDecoder:
    """Decodes one token at a time (TGI's offsets): pieces concatenate to the full text."""

    def __init__(self, tokenizer) -> None:
        self.decode = lambda ids: tokenizer.decode(ids, skip_special_tokens=True)
        self.ids: list[int] = []
        self.prefix = self.read = 0

    def push(self, token: int) -> str:
        self.ids.append(token)
        before = self.decode(self.ids[self.prefix:self.read])
        text = self.decode(self.ids[self.prefix:])
        if len(text) > len(before) and not text.endswith("\ufffd"):
            self.prefix, self.read = self.read, len(self.ids)
            return text[len(before):]
        return ""

    def flush(self) -> str:
        """The text held back at the end, less a last character whose bytes were cut off."""
        before = self.decode(self.ids[self.prefix:self.read])
        text = self.decode(self.ids[self.prefix:])
        self.prefix = self.read = len(self.ids)
        return drop_incomplete_tail(text[len(before):])


def _criteria_base():
    from transformers import StoppingCriteria

    return StoppingCriteria


def _stream_criteria(session: HFSession, prompt_len: int, stop: tuple[str, ...],
                     cancel: CancelToken, out: queue.SimpleQueue):
    import torch

    class StreamCriteria(_criteria_base()):
        """Runs in the generate thread after each new token (batch of one)."""

        def __init__(self) -> None:
            self.decoder = IncrementalDecoder(session.tokenizer)
            self.text = TextAssembler(stop)
            self.ids: list[int] = []
            self.abort = False  # the job's consumer went away

        def __call__(self, input_ids, scores, **kwargs):
            token = int(input_ids[0, -1])
            done = False
            if token in session.eos_ids:
                done = True
            else:
                self.ids.append(token)
                piece = self.text.feed(self.decoder.push(token))
                if piece:
                    out.put(("text", piece, len(self.ids)))
                done = self.text.stopped
            done = done or cancel.cancelled or self.abort
            return torch.full((input_ids.shape[0],), done, dtype=torch.bool,
                              device=input_ids.device)

        def finish(self) -> str:
            return self.text.feed(self.decoder.flush()) + self.text.flush()

    return StreamCriteria()


def _cancel_criteria(cancel: CancelToken):
    import torch

    class CancelCriteria(_criteria_base()):
        def __call__(self, input_ids, scores, **kwargs):
            return torch.full((input_ids.shape[0],), cancel.cancelled, dtype=torch.bool,
                              device=input_ids.device)

    return CancelCriteria()


def generation_kwargs(req: WriteRequest, new_tokens: int, beams: int, pad_id: int | None) -> dict:
    """Only the flags that apply, so transformers does not warn about unused ones."""
    kw: dict[str, Any] = {
        "max_new_tokens": new_tokens,
        "do_sample": not req.greedy,
        "num_beams": beams,
        "repetition_penalty": float(req.repetition_penalty),
        "no_repeat_ngram_size": req.no_repeat_ngram_size,
        "pad_token_id": pad_id,
    }
    if not req.greedy:
        kw.update(temperature=float(req.temperature), top_k=req.top_k, top_p=float(req.top_p))
    if beams > 1:
        kw.update(num_return_sequences=req.num_return_sequences,
                  early_stopping=req.early_stopping)
    return kw


def _generate(s: HFSession, ids: list[int], new_tokens: int, req: WriteRequest, seed: int,
              cancel: CancelToken) -> Iterator[Event]:
    import torch

    input_ids = torch.tensor([ids], dtype=torch.long, device=s.device)
    mask = torch.ones_like(input_ids)
    start = time.perf_counter()
    if req.needs_beams:
        beams = max(req.num_beams, req.num_return_sequences)
        yield Progress(msg("progress.beam_search", "Beam search with {beams} beams…",
                           beams=beams))
        from transformers import StoppingCriteriaList

        torch.manual_seed(seed)  # beam search samples when do_sample is on
        try:
            with torch.inference_mode(), cancellable_forward(s.model, cancel):
                out = s.model.generate(
                    input_ids, attention_mask=mask,
                    stopping_criteria=StoppingCriteriaList([_cancel_criteria(cancel)]),
                    **generation_kwargs(req, new_tokens, beams, s.pad_id))
        except JobCancelled:  # inside a forward pass: no finished beam to show
            return Outcome([""] * req.num_return_sequences, [()] * req.num_return_sequences,
                           None, True)
        texts, all_ids = [], []
        for i, row in enumerate(out[:, len(ids):].tolist()):
            while row and row[-1] in s.eos_ids | {s.pad_id}:
                row.pop()  # finished beams are padded
            assembler = TextAssembler(req.stop)
            text = assembler.feed(drop_incomplete_tail(
                s.tokenizer.decode(row, skip_special_tokens=True)))
            text += assembler.flush()
            texts.append(text)
            all_ids.append(tuple(row))
            if text:  # an empty Token would replace the window's old result with nothing
                yield Token(text, i)
        return Outcome(texts, all_ids, time.perf_counter() - start, cancel.cancelled)

    texts, all_ids, first = [], [], None
    for i in range(req.num_return_sequences):
        shown, count, crit = [], 0, None
        for kind, value, n_ids in _stream_one(s, input_ids, mask, new_tokens, req,
                                              derive_seed(seed, i), cancel):
            if kind == "done":
                crit = value
            elif not cancel.cancelled:
                # generate() runs ahead of the consumer: once cancelled, show nothing more,
                # so the partial result is exactly the text the user saw.
                if first is None:
                    first = time.perf_counter() - start
                shown.append(value)
                count = n_ids
                yield Token(value, i)
        if cancel.cancelled:
            texts.append("".join(shown))
            all_ids.append(tuple(crit.ids[:count]))
            break
        texts.append(crit.text.text)
        all_ids.append(tuple(crit.ids))
    return Outcome(texts, all_ids, first, cancel.cancelled)


def _stream_one(s: HFSession, input_ids, mask, new_tokens: int, req: WriteRequest, seed: int,
                cancel: CancelToken) -> Iterator[tuple[str, Any]]:
    """Run one generate() in a thread; yield ("text", piece, n_ids)… then ("done", crit, n)."""
    import torch
    from transformers import StoppingCriteriaList

    pieces: queue.SimpleQueue = queue.SimpleQueue()
    crit = _stream_criteria(s, input_ids.shape[1], req.stop, cancel, pieces)
    kwargs = generation_kwargs(req, new_tokens, 1, s.pad_id)

    def work() -> None:
        try:
            torch.manual_seed(seed)
            try:
                with torch.inference_mode(), cancellable_forward(s.model, cancel):
                    s.model.generate(input_ids, attention_mask=mask,
                                     stopping_criteria=StoppingCriteriaList([crit]), **kwargs)
            except JobCancelled:  # Stop inside a forward pass: what was streamed stands
                pieces.put(("done", None, len(crit.ids)))
                return
            tail = crit.finish()
            if tail:
                pieces.put(("text", tail, len(crit.ids)))
            pieces.put(("done", None, len(crit.ids)))
        except BaseException as exc:  # re-raised in the job's thread
            pieces.put(("error", exc, 0))

    future = run_on_library_thread("writing", work)
    try:
        while True:
            try:
                kind, value, n_ids = pieces.get(timeout=1.0)
            except queue.Empty:
                if future.done():
                    raise RuntimeError("the generation thread ended unexpectedly") from None
                continue
            if kind == "text":
                yield kind, value, n_ids
            elif kind == "error":
                raise value
            else:
                yield "done", crit, n_ids
                return
    finally:
        crit.abort = True  # the consumer stopped early (closed generator): end generate()
        concurrent.futures.wait([future])  # errors already arrived through the queue
