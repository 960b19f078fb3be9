"""Headless CLI over the core engines. Never imports Qt (import-linter enforces it).

Exit codes: 0 success, 2 bad input (UserError / argparse / unknown command),
1 runtime failure, 130 interrupted, 141 stdout closed early (see ``run_command``).
Errors are one message on stderr; ``--debug`` (accepted anywhere before a
literal ``--``) adds the traceback.

Every command module is imported here statically (``HANDLERS``), so
import-linter sees them; they stay cheap to import (no heavy library at module
level), which ``tests/core/test_cli_entry.py`` checks.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import traceback
from collections.abc import Callable, Sequence

from studio.commands import (
    CliError,
    audio,
    bench,
    configure_hub,
    endpoints,
    history,
    models,
    paint,
    print_json,
    speak,
    transcribe,
    write,
)
from studio.core.catalog import TASKS
from studio.core.devices import DEVICES, DTYPES
from studio.core.engines.writing import DEFAULT_MAX_NEW_TOKENS, DEFAULT_MODEL
from studio.core.jobs import UserError

__all__ = [
    "COMMANDS", "EXIT_BROKEN_PIPE", "HANDLERS", "TABS", "CliError", "build_parser", "main",
    "parse_args", "print_error", "print_json", "run_command", "strip_debug", "unknown_command",
]

PROG = "aigc-studio"
COMMANDS = ("write", "paint", "speak", "transcribe", "record", "play", "audio", "models",
            "history", "endpoints", "bench")
TABS = ("writing", "painting", "voice", "transcription")
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "write": write.run,
    "paint": paint.run,
    "transcribe": transcribe.run,
    "speak": speak.run,
    "history": history.run,
    "models": models.run,
    "endpoints": endpoints.run,
    "record": audio.record,
    "play": audio.play,
    "audio": audio.run_audio,
    "bench": bench.run,
}
# A process killed by SIGPIPE exits with 128 + 13: what `set -o pipefail` users expect.
EXIT_BROKEN_PIPE = 141
DEBUG = "--debug"


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--device", choices=DEVICES, default="auto", help="compute device")
    p.add_argument("--dtype", choices=DTYPES, default="auto", help="tensor precision")


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


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text} must be a positive number of seconds")
    return value


_non_negative_int = _int_at_least(0)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="AIGC Studio: write, paint, speak and transcribe with local models. "
        "Run without a command to open the desktop app: aigc-studio [--tab NAME] [FILE ...] "
        "opens text, audio and image files in their tabs.",
    )
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="open the window, save an image of it (.png, .jpg, ...) and exit")
    parser.add_argument("--tab", choices=TABS, help="tab to show first")
    # Stripped from the command line before parsing (see strip_debug): listed here for --help.
    parser.add_argument(DEBUG, action="store_true",
                        help="show tracebacks on errors (allowed anywhere on the command line)")
    parser.add_argument("--version", action="version", version="%(prog)s 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    w = sub.add_parser("write", help="generate text with a language model")
    w.add_argument("--prompt", required=True, help="the prompt (or user message in chat mode)")
    w.add_argument("--model", default=DEFAULT_MODEL,
                   help="catalogue id, model folder, .gguf file or hub id")
    w.add_argument("--backend", choices=("auto", "llama.cpp", "transformers"), default="auto")
    w.add_argument("--mode", choices=("auto", "chat", "completion"), default="auto",
                   help="chat uses the model's chat template (auto: when it has one)")
    w.add_argument("--system", default="", help="system prompt (chat mode)")
    w.add_argument("--max-new-tokens", type=_positive_int, default=None,
                   help=f"tokens to generate (default {DEFAULT_MAX_NEW_TOKENS} unless "
                   "--max-length is given)")
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
    w.add_argument("--stop", action="append", default=[], metavar="TEXT",
                   help="stop strings, as in the app's Stop field: | separates them, \\n is a "
                   "new line, \\t a tab, \\| a bar, \\\\ a backslash (repeatable)")
    w.add_argument("--seed", type=int, default=None)
    w.add_argument("--json", action="store_true", help="print one JSON object")
    w.add_argument("--no-history", action="store_true", help="do not record it in the history")
    endpoints.remote_options(w)
    _common(w)

    paint.add_parser(sub, _common)

    speak.add_parser(sub, _common)

    transcribe.add_parser(sub, _positive_int)

    r = sub.add_parser("record", help="record from the microphone into a file (Ctrl+C stops)")
    r.add_argument("--out", required=True, help="the file to write: .wav, .flac, .ogg or .mp3")
    r.add_argument("--seconds", type=_positive_float, help="stop after this long")
    r.add_argument("--device", help="input device name, or part of it (see: audio devices)")
    r.add_argument("--rate", type=_positive_int, help="sample rate (default: the device's)")

    pl = sub.add_parser("play", help="play an audio or video file's sound")
    pl.add_argument("file")
    pl.add_argument("--device", help="output device name, or part of it (see: audio devices)")

    a = sub.add_parser("audio", help="audio devices")
    asub = a.add_subparsers(dest="audio_command", metavar="ACTION", required=True)
    ad = asub.add_parser("devices", help="list input and output devices")
    ad.add_argument("--json", action="store_true")

    h = sub.add_parser("history", help="list, show, re-run or delete earlier results")
    hsub = h.add_subparsers(dest="history_command", metavar="ACTION", required=True)
    hl = hsub.add_parser("list", help="results, newest first")
    hl.add_argument("--task", choices=TASKS)
    hl.add_argument("--search", metavar="TEXT", help="words in the prompt or output, any language")
    hl.add_argument("--favourites", action="store_true", help="only favourites")
    hl.add_argument("--limit", type=_positive_int, default=20, help="at most N (default 20)")
    hl.add_argument("--json", action="store_true", help="print one JSON object")
    for action, text in (("show", "one result in full"), ("rerun", "run its request again")):
        ha = hsub.add_parser(action, help=text)
        ha.add_argument("id", type=_positive_int)
        ha.add_argument("--json", action="store_true", help="print one JSON object")
    hd = hsub.add_parser("delete", help="remove a result from the history")
    hd.add_argument("id", type=_positive_int)
    hd.add_argument("--files", action="store_true", help="delete its files too")
    hf = hsub.add_parser("favourite", help="mark a result as a favourite")
    hf.add_argument("id", type=_positive_int)
    hf.add_argument("--off", action="store_true", help="unmark it")

    models.add_parser(sub)

    endpoints.add_parser(sub)

    b = sub.add_parser("bench", help="measure engine speed against the plain libraries")
    b.add_argument("--quick", action="store_true", help="fewer rounds and tokens")
    b.add_argument("--task", choices=(*TASKS, "history", "remote"),
                   help=f"only this task's benchmarks (available: {', '.join(bench.TASKS)})")
    b.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def strip_debug(argv: Sequence[str]) -> tuple[list[str], bool]:
    """``argv`` without any ``--debug`` before a literal ``--``, and whether there was one.

    So ``--debug`` works wherever it is typed: ``aigc-studio models list --debug``.
    """
    out: list[str] = []
    found = False
    for i, token in enumerate(argv):
        if token == "--":
            out.extend(argv[i:])
            break
        if token == DEBUG:
            found = True
        else:
            out.append(token)
    return out, found


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse a full command line (``--debug`` anywhere); argparse errors exit with 2."""
    argv, debug = strip_debug(argv)
    args = build_parser().parse_args(argv)  # its own output ignores a closed pipe
    args.debug = debug
    return args


def unknown_command(word: str) -> str:
    """The error for a first word that is neither a command nor a file."""
    close = difflib.get_close_matches(word, COMMANDS, n=1)
    if close:
        return f"unknown command {word!r} (did you mean {close[0]!r}?)"
    if os.sep in word or "/" in word or "." in word.lstrip("."):
        return f"unknown command {word!r} (and there is no such file)"
    return f"unknown command {word!r}"


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; turns errors into messages and exit codes.

    When stdout's reader goes away early (``aigc-studio models list | head -1``)
    stdout is pointed at /dev/null and the command ends quietly with 141
    (``EXIT_BROKEN_PIPE``), the status of a process killed by SIGPIPE, as a C
    tool in the same pipeline would end: no BrokenPipeError, no traceback.
    """
    try:
        handler = HANDLERS.get(args.command)
        if handler is None:
            raise CliError(f"'aigc-studio {args.command}' is not implemented yet in this version.")
        configure_hub()
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows up here, while it can still be handled
        return code
    except BrokenPipeError:
        return _stdout_gone()
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


def print_error(message: str) -> None:
    """The one line every CLI error is: ``aigc-studio: error: MESSAGE`` on stderr."""
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _error(message: str, args: argparse.Namespace) -> None:
    if getattr(args, "debug", False):
        traceback.print_exc()
    print_error(message)


def _stdout_gone() -> int:
    """Silence stdout for good (its reader is gone) so the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError):  # stdout is not a real file (captured in tests)
        pass
    return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        raise SystemExit("use studio.__main__ to launch the GUI")
    return run_command(args)
