"""`aigc-studio transcribe FILE...`: speech to text, streamed to stdout or written to files.

Plain text streams segment by segment as they are ready; SRT/VTT/JSON are printed (or
written) when a file is done.  With ``--out DIR`` (needed for several files) each
input gets ``DIR/<name>.<format>``.  ``--json`` prints one JSON object per file, one
per line.  Every transcript is recorded in the history (``--no-history`` skips it);
a Ctrl+C keeps the segments so far as a *stopped* result (and in ``--out``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from studio.commands import CliError, fail, open_store, print_json
from studio.commands.endpoints import remote_options, with_endpoint
from studio.core.jobs import (
    Cancelled,
    CancelToken,
    Failed,
    Notice,
    Progress,
    Result,
    Segment,
    UserError,
)

FORMATS = ("txt", "srt", "vtt", "json")


def add_parser(sub, positive_int) -> None:
    """The ``transcribe`` subcommand's arguments (``studio.cli`` builds the parser)."""
    from studio.core.devices import DEVICES
    from studio.core.engines.transcription.request import (
        BACKENDS,
        COMPUTE_TYPES,
        DEFAULT_MODEL,
        TASKS,
    )

    t = sub.add_parser("transcribe", help="speech to text with Whisper (audio or video files)")
    t.add_argument("files", nargs="+", metavar="FILE", help="audio or video files")
    t.add_argument("--model", default=DEFAULT_MODEL, help="catalogue id, model folder or hub id")
    t.add_argument("--backend", choices=BACKENDS, default="auto")
    t.add_argument("--language", default="auto", help="auto (detect) or a code: en, zh, fr, ...")
    t.add_argument("--task", choices=TASKS, default="transcribe",
                   help="translate: into English")
    t.add_argument("--beam-size", type=positive_int, default=5)
    t.add_argument("--temperature", default=None, metavar="T[,T...]",
                   help="decoding temperatures tried in turn (default 0,0.2,0.4,0.6,0.8,1)")
    t.add_argument("--word-timestamps", action="store_true", help="time every word (JSON)")
    t.add_argument("--vad", action="store_true", help="skip non-speech (Silero VAD)")
    t.add_argument("--batched", action=argparse.BooleanOptionalAction, default=None,
                   help="batched decoding (default: on for files over 3 minutes)")
    t.add_argument("--batch-size", type=positive_int, default=8)
    t.add_argument("--chinese", choices=("auto", "simplified", "traditional", "keep"),
                   default="auto", help="script of Chinese transcripts (auto: from the locale)")
    t.add_argument("--initial-prompt", default="", metavar="TEXT",
                   help="names and jargon to expect")
    t.add_argument("--format", choices=FORMATS, default=None,
                   help="txt, srt, vtt or json (default: the --out file's suffix, else txt)")
    t.add_argument("--out", metavar="FILE|DIR", help="write here instead of stdout")
    t.add_argument("--json", action="store_true", help="print one JSON object per file")
    t.add_argument("--no-history", action="store_true", help="do not record it in the history")
    t.add_argument("--device", choices=DEVICES, default="auto", help="compute device")
    t.add_argument("--dtype", choices=COMPUTE_TYPES, default="auto",
                   help="precision (auto: int8 on CPU with faster-whisper)")
    remote_options(t)


def _temperatures(text: str | None) -> tuple[float, ...] | None:
    if text is None:
        return None
    try:
        return tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise UserError(f"--temperature takes numbers separated by commas, not {text!r}") from None


def _locale_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(var):
            return os.environ[var].split(".")[0]
    return ""


def request_for(args: argparse.Namespace, audio: str):
    from studio.core.engines.transcription import DEFAULT_MODEL, TranscribeRequest
    from studio.core.engines.transcription.chinese import resolve_choice

    extra = {}
    temps = _temperatures(args.temperature)
    if temps is not None:
        extra["temperature"] = temps
    request = TranscribeRequest(
        audio=audio, model=args.model, backend=args.backend, device=args.device,
        dtype=args.dtype, language=args.language, task=args.task, beam_size=args.beam_size,
        vad=args.vad, batched=args.batched, batch_size=args.batch_size,
        initial_prompt=args.initial_prompt, word_timestamps=args.word_timestamps,
        chinese=resolve_choice(args.chinese, _locale_language()), **extra)
    return with_endpoint(request, args, "transcription", DEFAULT_MODEL)


def _targets(args: argparse.Namespace) -> tuple[str, list[Path | None]]:
    """The format and one output path (or None: stdout) per input file."""
    fmt = args.format
    if args.out is None:
        return fmt or "txt", [None] * len(args.files)
    out = Path(args.out)
    as_dir = out.is_dir() or args.out.endswith(("/", os.sep)) or len(args.files) > 1
    if not as_dir:
        suffix = out.suffix.lower().lstrip(".")
        return fmt or (suffix if suffix in FORMATS else "txt"), [out]
    if out.exists() and not out.is_dir():
        raise UserError(f"--out {args.out} is a file; with several input files it must be a "
                        "folder")
    fmt = fmt or "txt"
    names: set[str] = set()
    paths: list[Path | None] = []
    for file in args.files:
        stem, n = Path(file).stem or "transcript", 1
        name = f"{stem}.{fmt}"
        while name in names:  # talk.wav and talk.mp3: talk.txt and talk-2.txt
            n += 1
            name = f"{stem}-{n}.{fmt}"
        names.add(name)
        paths.append(out / name)
    return fmt, paths


class _Status:
    """Progress on stderr: a redrawn line on a terminal, plain messages otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.started = time.monotonic()
        self.drawn = False

    def progress(self, text: str, fraction: float | None) -> None:
        if fraction is None:
            self.note(text)
        elif self.tty:
            spent = time.monotonic() - self.started
            eta = f"  ETA {spent / fraction * (1 - fraction):.0f} s" if fraction > 0.02 else ""
            bar = "#" * round(fraction * 20)
            sys.stderr.write(f"\r\033[K[{bar:<20}] {fraction:4.0%}  {text}{eta}")
            sys.stderr.flush()
            self.drawn = True

    def note(self, text: str) -> None:
        self.clear()
        print(text, file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self.drawn = False


def run(args: argparse.Namespace) -> int:
    fmt, outs = _targets(args)
    if len(args.files) == 1:
        return transcribe_one(args, args.files[0], fmt, outs[0])
    worst = 0
    for file, out in zip(args.files, outs, strict=True):
        try:
            transcribe_one(args, file, fmt, out)
        except UserError as exc:
            _error(f"{file}: {exc}")
            worst = worst or 2
        except CliError as exc:
            _error(f"{file}: {exc}")
            worst = 1
    return worst


def _error(message: str) -> None:
    """As ``studio.cli.print_error`` words it (importing studio.cli here would be a cycle)."""
    print(f"aigc-studio: error: {message}", file=sys.stderr)


def transcribe_one(args: argparse.Namespace, audio: str, fmt: str, out: Path | None,
                   request=None) -> int:
    """Transcribe ``audio`` (``request`` given: exactly that request, as ``history rerun``)."""
    from studio.core.engines import transcription
    from studio.core.formats import render, transcript_json, write_transcript

    request = request or request_for(args, audio)
    stream = out is None and fmt == "txt" and not args.json
    status = _Status()
    seen: list[Segment] = []
    cancel = CancelToken()
    started = time.perf_counter()
    try:
        for ev in transcription.run(request, cancel):
            match ev:
                case Progress(message=text, fraction=fraction) if text:
                    status.progress(text, fraction)
                case Notice(message=text):
                    status.note(f"note: {text}")
                case Segment() as seg:
                    seen.append(seg)
                    if stream:
                        status.clear()
                        sys.stdout.write(seg.text + "\n")
                        sys.stdout.flush()
                case Result(value=res, request=resolved, timings=timings):
                    status.clear()
                    if out is not None:
                        write_transcript(out, res, fmt)
                    elif not stream and not args.json:
                        sys.stdout.write(render(res, fmt))
                    rid = _record(args, resolved, res.text, res.model, audio, out, timings, "done")
                    if args.json:
                        print_json({**transcript_json(res), "file": audio,
                                    "out": str(out) if out else None, "history_id": rid})
                    print(f"{len(res.segments)} segments, {res.duration_s:.1f} s of audio in "
                          f"{res.seconds:.2f} s (RTF {res.rtf:.3f}, {res.language or '?'})"
                          + (f" -> {out}" if out else ""), file=sys.stderr)
                    return 0
                case Failed() as failed:
                    status.clear()
                    fail(failed, getattr(args, "debug", False))
                case Cancelled(message=why):
                    raise CliError(why or "transcription was cancelled")
    except KeyboardInterrupt:
        cancel.cancel()
        status.clear()
        # The engine's partial result died with the interrupted generator: keep what arrived.
        if seen:
            if out is not None:
                write_transcript(out, seen, fmt)
            from studio.core.engines.transcription import join_text

            _record(args, request, join_text(seen, request.language), request.model, audio, out,
                    {"total_s": round(time.perf_counter() - started, 4)}, "stopped")
        raise
    raise CliError("transcription ended without a result")


def _record(args, request, text: str, model: str, audio: str, out: Path | None,
            timings: dict, status: str) -> int | None:
    """Save the transcript in the history; a failure is a note, never an error."""
    if args.no_history:
        return None
    files = [os.path.abspath(audio)] + ([str(out)] if out is not None else [])
    try:
        store = open_store()
        try:
            return store.record("transcription", request, prompt=os.path.abspath(audio),
                                title=Path(audio).name, text=text, files=files, model=model,
                                timings=timings, status=status,
                                parents=getattr(args, "parents", ()),
                                made_from_files=[audio])
        finally:
            store.close()
    except Exception as exc:  # HistoryError, or anything odd: the transcript was delivered
        print(f"note: the result was not saved in the history: {exc}", file=sys.stderr)
        return None
