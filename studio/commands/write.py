"""`aigc-studio write`: stream tokens to stdout, or print one JSON object."""

from __future__ import annotations

import argparse
import sys

from studio.commands import CliError, print_json
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
    UserError,
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
    request = request_from_args(args)
    streaming = not args.json
    current_seq = 0
    cancel = CancelToken()
    try:
        for ev in writing.run(request, cancel):
            match ev:
                case Progress(message=text) if text:
                    print(text, file=sys.stderr, flush=True)
                case Notice(message=text):  # e.g. "The model produced no text …"
                    print(f"note: {text}", file=sys.stderr, flush=True)
                case Token(text=text, sequence=seq) if streaming:
                    if seq != current_seq:
                        sys.stdout.write(f"\n\n--- text {seq + 1} ---\n")
                        current_seq = seq
                    sys.stdout.write(text)
                    sys.stdout.flush()
                case Result(value=res):
                    if args.json:
                        print_json({
                            "texts": list(res.texts), "model": res.model, "backend": res.backend,
                            "seed": res.seed, "chat": res.chat, "prompt_tokens": res.prompt_tokens,
                            "new_tokens": res.new_tokens, "seconds": round(res.seconds, 4),
                            "tokens_per_s": round(res.tokens_per_s, 2),
                            "first_token_s": res.first_token_s, "truncated": res.truncated,
                        })
                    else:
                        sys.stdout.write("\n")
                        print(f"{res.new_tokens} tokens in {res.seconds:.2f} s "
                              f"({res.tokens_per_s:.1f} tok/s, seed {res.seed})", file=sys.stderr)
                    return 0
                case Failed(message=text, user_error=True):
                    raise UserError(text)
                case Failed(message=text, detail=detail):
                    if getattr(args, "debug", False) and detail:
                        print(detail, file=sys.stderr)  # the engine's own traceback
                    raise CliError(text)
                case Cancelled():
                    raise CliError("generation was cancelled")
    except KeyboardInterrupt:
        cancel.cancel()
        raise
    raise CliError("generation ended without a result")
