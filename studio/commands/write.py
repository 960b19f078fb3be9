"""`aigc-studio write`: stream tokens to stdout, or print one JSON object; record it in the
history (``--no-history`` skips that; a Ctrl+C keeps the text so far as a stopped result)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time

from studio.commands import CliError, fail, open_store, print_json
from studio.core.engines import writing
from studio.core.engines.writing import DEFAULT_MAX_NEW_TOKENS, WriteRequest, parse_stops
from studio.core.jobs import (
    Cancelled,
    CancelToken,
    Failed,
    Notice,
    Progress,
    Result,
    Token,
)


def stops_from_args(values: list[str]) -> tuple[str, ...]:
    """Each ``--stop`` value is read as the app's Stop field reads its text (``parse_stops``)."""
    return tuple(stop for value in values for stop in parse_stops(value))


def request_from_args(args: argparse.Namespace) -> WriteRequest:
    max_new = args.max_new_tokens
    if max_new is None and args.max_length is None:
        max_new = DEFAULT_MAX_NEW_TOKENS  # the app's default too
    return WriteRequest(
        prompt=args.prompt, model=args.model, backend=args.backend, device=args.device,
        dtype=args.dtype, mode=args.mode, system=args.system, max_new_tokens=max_new,
        max_length=args.max_length, num_return_sequences=args.num_return_sequences,
        no_repeat_ngram_size=args.no_repeat_ngram_size,
        do_sample=not args.greedy and args.temperature > 0, temperature=args.temperature,
        top_k=args.top_k, top_p=args.top_p, repetition_penalty=args.repetition_penalty,
        num_beams=args.num_beams, early_stopping=args.early_stopping, seed=args.seed,
        stop=stops_from_args(args.stop),
    )


def run(args: argparse.Namespace) -> int:
    from studio.commands.endpoints import with_endpoint
    from studio.core.engines.writing import DEFAULT_MODEL

    request = with_endpoint(request_from_args(args), args, "writing", DEFAULT_MODEL)
    return generate(request, json_out=args.json,
                    debug=getattr(args, "debug", False), save=not args.no_history)


def generate(request: WriteRequest, *, json_out: bool, debug: bool = False, save: bool = True,
             parents: tuple[int, ...] = ()) -> int:
    """Run ``request`` in-process, print as ``write`` does, and record the result in the
    history (unless ``save`` is false) with ``parents`` as its lineage."""
    streaming = not json_out
    current_seq = 0
    seen: dict[int, list[str]] = {}  # what streamed so far, kept if Ctrl+C cuts the job short
    started = time.perf_counter()
    cancel = CancelToken()

    def keep(texts, req, model, timings, status="done") -> int | None:
        if not save or (status == "stopped" and not any(t.strip() for t in texts)):
            return None
        return record(req, texts, model, timings, status, parents)

    try:
        for ev in writing.run(request, cancel):
            match ev:
                case Progress(message=text) if text:
                    print(text, file=sys.stderr, flush=True)
                case Notice(message=text):  # e.g. "The model produced no text …"
                    print(f"note: {text}", file=sys.stderr, flush=True)
                case Token(text=text, sequence=seq):
                    seen.setdefault(seq, []).append(text)
                    if streaming:
                        if seq != current_seq:
                            sys.stdout.write(f"\n\n--- text {seq + 1} ---\n")
                            current_seq = seq
                        sys.stdout.write(text)
                        sys.stdout.flush()
                case Result(value=res, request=resolved, timings=timings):
                    rid = keep(res.texts, resolved, res.model, timings)
                    if json_out:
                        print_json({
                            "texts": list(res.texts), "model": res.model, "backend": res.backend,
                            "seed": res.seed, "chat": res.chat, "prompt_tokens": res.prompt_tokens,
                            "new_tokens": res.new_tokens, "seconds": round(res.seconds, 4),
                            "tokens_per_s": round(res.tokens_per_s, 2),
                            "first_token_s": res.first_token_s, "truncated": res.truncated,
                            "history_id": rid,
                        })
                    else:
                        sys.stdout.write("\n")
                        print(f"{res.new_tokens} tokens in {res.seconds:.2f} s "
                              f"({res.tokens_per_s:.1f} tok/s, seed {res.seed})", file=sys.stderr)
                    return 0
                case Failed() as failed:
                    fail(failed, debug)
                case Cancelled(partial=partial, message=why):
                    if partial is not None:  # the seed and backend it really used
                        used = dataclasses.replace(request, seed=partial.seed,
                                                   backend=partial.backend)
                        keep(partial.texts, used, partial.model,
                             {"total_s": round(time.perf_counter() - started, 4)}, "stopped")
                    raise CliError(why or "generation was cancelled")
    except KeyboardInterrupt:
        cancel.cancel()
        # The engine's own partial result died with the interrupted generator: keep what
        # streamed (the request as asked; a seed left to chance is not known here).
        texts = ["".join(seen[seq]) for seq in sorted(seen)]
        keep(texts, request, request.model,
             {"total_s": round(time.perf_counter() - started, 4)}, "stopped")
        raise
    raise CliError("generation ended without a result")


def record(request: WriteRequest, texts, model: str, timings: dict, status: str,
           parents: tuple[int, ...] = ()) -> int | None:
    """Save a writing result in the history; a failure is a note on stderr, never an error
    of the command (the text was already delivered)."""
    if len(texts) == 1:
        text = texts[0]
    else:
        text = "\n\n".join(f"--- text {i} ---\n{t}" for i, t in enumerate(texts, 1))
    try:
        store = open_store()
        try:
            return store.record("writing", request, text=text, model=model, timings=timings,
                                status=status, parents=parents)
        finally:
            store.close()
    except Exception as exc:  # HistoryError, or anything odd: the write itself succeeded
        print(f"note: the result was not saved in the history: {exc}", file=sys.stderr)
        return None
