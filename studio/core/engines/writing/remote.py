"""The writing engine's ``remote`` backend: ``/v1/chat/completions`` (chat) and
``/v1/completions`` (completion mode) of an OpenAI-compatible server, streamed.

Sent: model, messages or prompt, max_tokens, temperature (0 when greedy), top_p, seed,
n, stop, and the common extensions top_k and repetition_penalty (vLLM, SGLang,
Xinference, LocalAI) with llama.cpp's spelling ``repeat_penalty``.  A server that
rejects an extension by name (400/422) gets the request again without the
extensions, with a Notice, and this process remembers that for the server.  A
server that gives fewer than ``n`` answers (the llama.cpp server gives one) is
asked again for each missing one with the derived seed.  Stop closes the socket
at once and keeps the text; a connection that drops mid-answer ends the job as
stopped with the text that arrived and a message saying what happened.
"""

from __future__ import annotations

import dataclasses
import secrets
import threading
import time
from collections.abc import Iterator

from ... import endpoints
from ...endpoints import REMOTE, RemoteError, Session, StreamDropped
from ...jobs import (
    Cancelled,
    CancelToken,
    Event,
    Failed,
    Notice,
    Progress,
    Result,
    Token,
    UserError,
)
from ...messages import msg
from .request import WriteRequest, WriteResult, chat_messages, derive_seed, validate

EXTENSIONS = ("top_k", "repetition_penalty", "repeat_penalty", "stream_options")
_plain_servers: set[str] = set()  # base URLs that refused the extensions (this process)
_plain_lock = threading.Lock()


def payload(req: WriteRequest, seed: int, n: int, extensions: bool) -> dict:
    body: dict = {"model": req.model, "stream": True, "n": n, "seed": seed,
                  "temperature": 0.0 if req.greedy else float(req.temperature),
                  "max_tokens": req.max_new_tokens or req.max_length}
    if not req.greedy:
        body["top_p"] = float(req.top_p)
    if req.mode == "completion":
        body["prompt"] = req.prompt
    else:
        body["messages"] = chat_messages(req)
    if req.stop:
        body["stop"] = list(req.stop)
    if extensions:
        body["stream_options"] = {"include_usage": True}
        if req.top_k and not req.greedy:
            body["top_k"] = req.top_k
        if req.repetition_penalty != 1.0:
            body["repetition_penalty"] = body["repeat_penalty"] = req.repetition_penalty
    return body


def _names_extension(error: RemoteError) -> bool:
    return error.status in (400, 422) and any(name in error.detail for name in EXTENSIONS)


def _notices(req: WriteRequest) -> Iterator[Notice]:
    if req.num_beams > 1:
        yield Notice(msg("remote.no_beams", "Inference servers have no beam search: the text "
                         "is sampled as set (or greedy at temperature 0)."))
    if req.no_repeat_ngram_size:
        yield Notice(msg("remote.no_ngram", "The OpenAI API has no no-repeat-n-gram setting; "
                         "it is not used on a server (use the repetition penalty)."))
    if req.max_new_tokens is None and req.max_length is not None:
        yield Notice(msg("remote.max_length", "A server counts only the new tokens: "
                         "max_length {value} is used as the limit of the answer.",
                         value=req.max_length))
    if req.mode == "completion" and (req.system.strip() or req.history):
        yield Notice(msg("writing.chat_only",
                         "The system prompt and earlier turns are used only in chat mode."))


class _Stream:
    """What came back so far, over one or more streamed requests."""

    def __init__(self) -> None:
        self.pieces: dict[int, list[str]] = {}
        self.chunks = 0
        self.usage_tokens = 0
        self.prompt_tokens = 0
        self.first: float | None = None
        self.server_model = ""

    def texts(self, n: int) -> tuple[str, ...]:
        return tuple("".join(self.pieces.get(i, [])) for i in range(n))


def _stream(session: Session, req: WriteRequest, body: dict, got: _Stream, start: float,
            only: int | None = None) -> Iterator[Event]:
    """One streamed request; Token events as text arrives (``only``: its sequence number)."""
    path = "/completions" if req.mode == "completion" else "/chat/completions"
    response = yield from session.post_json(path, body, model=req.model)
    for chunk in endpoints.sse(response):
        if not isinstance(chunk, dict):
            continue
        got.server_model = chunk.get("model") or got.server_model
        usage = chunk.get("usage")
        if isinstance(usage, dict):
            got.usage_tokens += int(usage.get("completion_tokens") or 0)
            got.prompt_tokens = int(usage.get("prompt_tokens") or got.prompt_tokens)
        for choice in chunk.get("choices") or ():
            index = only if only is not None else int(choice.get("index") or 0)
            got.pieces.setdefault(index, [])
            delta = choice.get("delta")
            piece = delta.get("content") if isinstance(delta, dict) else choice.get("text")
            if piece:
                if got.first is None:
                    got.first = time.perf_counter() - start
                got.chunks += 1
                got.pieces[index].append(piece)
                yield Token(piece, index)


def job(req: WriteRequest, cancel: CancelToken) -> Iterator[Event]:
    started = time.perf_counter()
    validate(dataclasses.replace(req, backend="auto"))
    if req.backend not in ("auto", REMOTE):
        raise UserError(msg("remote.backend", "A server runs the model with its own engine: "
                            "choose the backend auto (or remote) with an endpoint, not {backend}.",
                            backend=req.backend))
    target = endpoints.resolve(req.endpoint)
    yield from _notices(req)
    seed = req.seed if req.seed is not None else secrets.randbelow(2**31)
    n = req.num_return_sequences
    session = Session(target, cancel)
    yield Progress(msg("remote.waiting", "Waiting for {name}…", name=target.label))
    got = _Stream()
    dropped: str | None = None
    start = time.perf_counter()
    try:
        with _plain_lock:
            extensions = target.endpoint.base_url not in _plain_servers
        try:
            yield from _stream(session, req, payload(req, seed, n, extensions), got, start)
        except RemoteError as exc:
            if not (extensions and _names_extension(exc)) or got.chunks:
                raise
            with _plain_lock:
                _plain_servers.add(target.endpoint.base_url)
            yield Notice(msg("remote.no_extensions", "{name} does not take top_k or the "
                             "repetition penalty ({detail}); sent without them.",
                             name=target.label, detail=exc.detail))
            yield from _stream(session, req, payload(req, seed, n, False), got, start)
        for index in range(1, n):  # servers that answer once however many were asked for
            if index in got.pieces or cancel.cancelled:
                continue
            body = payload(req, derive_seed(seed, index), 1, extensions)
            yield from _stream(session, req, body, got, start, only=index)
    except StreamDropped as exc:
        if not cancel.cancelled:
            dropped = str(exc)
    except RemoteError as exc:
        if not got.chunks:
            yield Failed(exc.message, user_error=exc.user_error)
            return
        dropped = str(exc.message)
    finally:
        session.close()
    seconds = time.perf_counter() - start
    new_tokens = got.usage_tokens or got.chunks
    server_model = got.server_model or req.model
    result = WriteResult(
        texts=got.texts(n), model=f"{req.model} @ {target.label}", backend=REMOTE,
        seed=seed, chat=req.mode != "completion", prompt_tokens=got.prompt_tokens,
        new_tokens=new_tokens, seconds=round(seconds, 4),
        tokens_per_s=round(new_tokens / seconds, 2) if seconds > 0 else 0.0,
        first_token_s=None if got.first is None else round(got.first, 4), truncated=False)
    if dropped is not None:
        if not got.chunks:
            yield Failed(msg("remote.dropped_empty", "The connection to {name} dropped before "
                             "any text arrived ({reason}). Try again; if it keeps happening, "
                             "look at the server's log.", name=target.label, reason=dropped))
            return
        yield Cancelled(partial=result, message=msg(
            "remote.dropped", "The connection to {name} dropped mid-answer ({reason}); the "
            "text that arrived is kept.", name=target.label, reason=dropped))
        return
    if cancel.cancelled:
        yield Cancelled(partial=result)
        return
    revision = f"remote:{server_model}"
    if req.revision and req.revision != revision:
        yield Notice(msg("remote.model_changed", "The server's model is {new} now (this "
                         "request was made with {old}): the text may differ.",
                         new=server_model, old=req.revision.removeprefix("remote:")))
    if not any(text.strip() for text in result.texts):
        yield Notice(msg("writing.no_text",
                         "The model produced no text (it ended at once). Try again, raise the "
                         "temperature or the token limit, or change the prompt."))
    timings = {"generate_s": result.seconds, "total_s": round(time.perf_counter() - started, 4),
               "tokens_per_s": result.tokens_per_s}
    if result.first_token_s is not None:
        timings["first_token_s"] = result.first_token_s
    resolved = dataclasses.replace(req, seed=seed, backend=REMOTE, revision=revision)
    yield Result(value=result, request=resolved, timings=timings)
