"""Headless CLI over the core engines. Never imports Qt (import-linter enforces it).

Exit codes: 0 success, 2 bad input (UserError / argparse), 1 runtime failure.
Errors are one message on stderr; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence

from studio.core.devices import DEVICES, DTYPES
from studio.core.jobs import UserError

COMMANDS = ("write", "paint", "speak", "transcribe", "models", "bench")
TABS = ("writing", "painting", "voice", "transcription")


class CliError(Exception):
    """A runtime failure already phrased for the user (exit code 1)."""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--device", choices=DEVICES, default="auto", help="compute device")
    p.add_argument("--dtype", choices=DTYPES, default="auto", help="tensor precision")
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def _int_at_least(low: int):
    """argparse type: a whole number >= ``low``, with a readable error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low:
            raise argparse.ArgumentTypeError(
                f"{value} must be at least {low}" if low > 0 else f"{value} must not be negative")
        return value

    return parse


_positive_int = _int_at_least(1)
_non_negative_int = _int_at_least(0)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aigc-studio",
        description="AIGC Studio: write, paint, speak and transcribe with local models. "
        "Run without a command to open the desktop app: aigc-studio [--tab NAME] [FILE ...] "
        "opens text, audio and image files in their tabs.",
    )
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="open the window, save a PNG of it and exit")
    parser.add_argument("--tab", choices=TABS, help="tab to show first")
    parser.add_argument("--version", action="version", version="%(prog)s 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    w = sub.add_parser("write", help="generate text with a language model")
    w.add_argument("--prompt", required=True, help="the prompt (or user message in chat mode)")
    w.add_argument("--model", default="smollm2-135m-instruct",
                   help="catalogue id, model folder, .gguf file or hub id")
    w.add_argument("--backend", choices=("auto", "llama.cpp", "transformers"), default="auto")
    w.add_argument("--mode", choices=("auto", "chat", "completion"), default="auto",
                   help="chat uses the model's chat template (auto: when it has one)")
    w.add_argument("--system", default="", help="system prompt (chat mode)")
    w.add_argument("--max-new-tokens", type=_positive_int, default=None,
                   help="tokens to generate (default 256 unless --max-length is given)")
    w.add_argument("--max-length", type=_positive_int, default=None,
                   help="prompt plus new tokens, as in transformers")
    w.add_argument("--num-return-sequences", type=_positive_int, default=1)
    w.add_argument("--no-repeat-ngram-size", type=_non_negative_int, default=0)
    w.add_argument("--temperature", type=float, default=0.7, help="0 = greedy")
    w.add_argument("--top-k", type=_non_negative_int, default=50)
    w.add_argument("--top-p", type=float, default=0.95)
    w.add_argument("--repetition-penalty", type=float, default=1.0)
    w.add_argument("--num-beams", type=_positive_int, default=1)
    w.add_argument("--early-stopping", action="store_true", help="beam search stops early")
    w.add_argument("--greedy", action="store_true", help="no sampling")
    w.add_argument("--stop", action="append", default=[],
                   help="stop string (repeatable; \\n means a new line)")
    w.add_argument("--seed", type=int, default=None)
    w.add_argument("--json", action="store_true", help="print one JSON object")
    _common(w)

    p = sub.add_parser("paint", help="text-to-image with a diffusion model")
    p.add_argument("--prompt", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--model")
    p.add_argument("--negative", default="")
    p.add_argument("--steps", type=_positive_int, default=25)
    p.add_argument("--guidance", type=float, default=7.5)
    p.add_argument("--size", default="512x512")
    p.add_argument("--seed", type=int)
    p.add_argument("--batch", type=_positive_int, default=1)
    p.add_argument("--init-image")
    p.add_argument("--strength", type=float, default=0.75)
    p.add_argument("--json", action="store_true")
    _common(p)

    s = sub.add_parser("speak", help="text-to-speech into a WAV file")
    src = s.add_mutually_exclusive_group(required=True)
    src.add_argument("--text")
    src.add_argument("--file")
    s.add_argument("--out", required=True)
    s.add_argument("--model")
    s.add_argument("--voice")
    s.add_argument("--speed", type=float, default=1.0)
    s.add_argument("--json", action="store_true")
    _common(s)

    t = sub.add_parser("transcribe", help="speech-to-text with Whisper")
    t.add_argument("file")
    t.add_argument("--model")
    t.add_argument("--language", default="auto")
    t.add_argument("--task", choices=("transcribe", "translate"), default="transcribe")
    t.add_argument("--beam-size", type=_positive_int, default=5)
    t.add_argument("--word-timestamps", action="store_true")
    t.add_argument("--format", choices=("txt", "srt", "vtt", "json"), default="txt")
    t.add_argument("--out")
    _common(t)

    m = sub.add_parser("models", help="list, download or verify models")
    msub = m.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    ml = msub.add_parser("list", help="the catalogue with installed/verified status")
    ml.add_argument("--json", action="store_true")
    md = msub.add_parser("download", help="download a hub model into the local cache")
    md.add_argument("ref")
    msub.add_parser("verify", help="check the sha256 of every built-in model")
    m.add_argument("--debug", action="store_true")

    b = sub.add_parser("bench", help="measure engine speed against the plain libraries")
    b.add_argument("--quick", action="store_true")
    b.add_argument("--json", action="store_true")
    b.add_argument("--debug", action="store_true")
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; turns errors into messages and exit codes."""
    import importlib

    try:
        if args.command not in ("write", "models", "bench"):
            raise CliError(f"'aigc-studio {args.command}' is not implemented yet in this version.")
        handler = importlib.import_module(f"studio.commands.{args.command}").run
        return handler(args)
    except UserError as exc:
        _error(str(exc), args)
        return 2
    except CliError as exc:
        _error(str(exc), args)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:  # a message, not a traceback (--debug shows it)
        from studio.core.jobs import human_message

        _error(human_message(exc), args)
        return 1


def _error(message: str, args: argparse.Namespace) -> None:
    if getattr(args, "debug", False):
        traceback.print_exc()
    print(f"aigc-studio: error: {message}", file=sys.stderr)


def print_json(obj: object) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        raise SystemExit("use studio.__main__ to launch the GUI")
    return run_command(args)
