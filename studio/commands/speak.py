"""`aigc-studio speak`: text to speech into an audio file, optionally with an SRT of the sentences
and playback while it is made; recorded in the history (``--no-history`` skips that).

Ctrl+C stops after (or, on the transformers backend, inside) the current sentence and keeps
the sentences made so far, in the file and the history, as a *stopped* result (exit 130); a
second Ctrl+C stops at once.  ``--play`` starts playing with the first sentence.  With no
output device the file is still written, then the command fails (exit 1).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from pathlib import Path

from studio.commands import CliError, fail, open_store, print_json
from studio.commands.endpoints import remote_options, with_endpoint

WAIT_S = 0.1


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.1 <= value <= 10:
        raise argparse.ArgumentTypeError(f"{text} must be between 0.1 and 10")
    return value


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


def add_parser(sub, common) -> None:
    """The ``speak`` subcommand's arguments (``studio.cli`` builds the parser)."""
    from studio.core.engines.voice.request import BACKENDS, DEFAULT_MODEL, DEFAULT_PAUSE_S

    s = sub.add_parser("speak", help="text to speech into an audio file (WAV, FLAC, OGG, MP3)")
    src = s.add_mutually_exclusive_group(required=True)
    src.add_argument("--text", help="the text to speak")
    src.add_argument("--file", help="a text file to speak (UTF-8 or GB18030)")
    s.add_argument("--out", required=True,
                   help="the audio file: .wav, .flac, .ogg or .mp3 (by its suffix)")
    s.add_argument("--model", default=DEFAULT_MODEL,
                   help="catalogue id, Piper .onnx voice, transformers folder or hub id")
    s.add_argument("--backend", choices=BACKENDS, default="auto")
    who = s.add_mutually_exclusive_group()
    who.add_argument("--voice", metavar="NAME", help="speaker name of a multi-speaker voice")
    who.add_argument("--speaker", type=int, metavar="N", help="speaker number")
    s.add_argument("--speaker-embedding", metavar="FILE.npy",
                   help="SpeechT5: a speaker x-vector (512 numbers)")
    s.add_argument("--speed", type=_speed, default=1.0, help="1 normal, 1.5 faster, 0.8 slower")
    s.add_argument("--volume", type=_number, default=1.0, help="loudness multiplier (0-10)")
    s.add_argument("--pause", type=_number, default=DEFAULT_PAUSE_S, metavar="S",
                   help=f"seconds of silence between sentences (default {DEFAULT_PAUSE_S})")
    s.add_argument("--noise-scale", type=_number, help="VITS voice variation (voice default)")
    s.add_argument("--noise-w-scale", type=_number, help="VITS rhythm variation (voice default)")
    s.add_argument("--seed", type=int, help="transformers voices: same seed, same audio")
    s.add_argument("--srt", metavar="FILE.srt", help="also write the sentences' timings")
    s.add_argument("--play", action="store_true", help="play while it is made")
    s.add_argument("--play-device", metavar="NAME", help="output device (see: audio devices)")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.add_argument("--no-history", action="store_true", help="do not record it in the history")
    remote_options(s)
    common(s)


def request_from_args(args: argparse.Namespace):
    from studio.core.engines.voice import SpeakRequest
    from studio.core.textfiles import read_text_file

    text = args.text if args.text is not None else read_text_file(Path(args.file).expanduser())
    speaker = args.voice if args.voice is not None else (
        "" if args.speaker is None else str(args.speaker))
    return SpeakRequest(
        text=text, model=args.model, backend=args.backend, device=args.device, speaker=speaker,
        length_scale=round(1.0 / args.speed, 6), volume=args.volume,
        sentence_pause_s=args.pause, noise_scale=args.noise_scale,
        noise_w_scale=args.noise_w_scale, seed=args.seed,
        speaker_embedding=args.speaker_embedding or "")


def _check_target(path: Path, what: str) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"cannot write the {what} {path.name}: the folder {folder} does not exist")


class _Status:
    """Progress on stderr: one rewritten line on a terminal, a line per tenth otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.started = time.perf_counter()
        self.shown = -1

    def progress(self, text: str, fraction: float | None, step: int | None) -> None:
        if fraction is None or step is None:  # loading: a line of its own
            self.done()
            print(text, file=sys.stderr, flush=True)
            return
        if self.tty:
            elapsed = time.perf_counter() - self.started
            eta = f", about {elapsed / fraction - elapsed:.0f} s left" if 0 < fraction < 1 else ""
            sys.stderr.write(f"\r{text} {fraction:4.0%}{eta}\x1b[K")
            sys.stderr.flush()
        elif int(fraction * 10) > self.shown:
            self.shown = int(fraction * 10)
            print(f"{text} {fraction:.0%}", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.tty and self.shown != -2:
            sys.stderr.write("\r\x1b[K")
            self.shown = -2


class _Playback:
    """Plays chunks as they come; device trouble is kept and reported after the file is saved."""

    def __init__(self, device: str | None) -> None:
        from studio.core.audio.devices import find_device, load_sounddevice

        self.player = None
        self.error: Exception | None = None
        self.started = False
        try:
            sd = load_sounddevice()
            self.device = find_device(sd, device, "output")
        except Exception as exc:  # no PortAudio, no device, no such device
            self.error = exc
            return
        from studio.core.audio.player import Player

        self.player = Player(sd=sd, device=device)

    def feed(self, samples, rate: int) -> None:
        if self.player is None:
            return
        if not self.started:
            self.player.load(samples, rate, complete=False)
            self.player.play()
            self.started = True
        else:
            self.player.append(samples)

    def finish(self, status: _Status) -> None:
        """Wait for the end of playback (Ctrl+C stops it), then report any device problem."""
        from studio.core.audio.devices import NoAudioDevice
        from studio.core.jobs import UserError

        if self.player is not None:
            self.player.finish()
            try:
                while self.started and not self.player.ended.wait(WAIT_S):
                    st = self.player.status()
                    if st.state == "failed":
                        self.error = CliError(str(st.error))
                        break
                    if status.tty:
                        sys.stderr.write(f"\rPlaying {st.position_s:6.1f} / {st.duration_s:.1f} s"
                                         "\x1b[K")
            finally:
                self.player.stop()
                self.player.close()
                status.done()
        if self.error is None:
            return
        text = str(getattr(self.error, "message", "") or self.error)
        if isinstance(self.error, UserError) and not isinstance(self.error, NoAudioDevice):
            raise UserError(f"{text} (the audio file was saved)")
        raise CliError(f"{text} (the audio file was saved)")


def run(args: argparse.Namespace) -> int:
    from studio.core.audio import write as audio_write

    out = Path(args.out).expanduser()
    audio_write.check_writable(out)  # an unusable name fails before any work
    _check_target(out, "audio file")
    srt = Path(args.srt).expanduser() if args.srt else None
    if srt is not None:
        _check_target(srt, "subtitles")
    from studio.core.engines.voice.request import DEFAULT_MODEL

    request = with_endpoint(request_from_args(args), args, "voice", DEFAULT_MODEL)
    playback = _Playback(args.play_device) if args.play else None
    return speak(request, out, srt, playback, json_out=args.json, save=not args.no_history,
                 debug=getattr(args, "debug", False))


def _stop_on_ctrl_c(cancel) -> object:
    """First Ctrl+C: stop after the sentence being made (it is kept); second: stop at once."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        signal.signal(signal.SIGINT, signal.default_int_handler)
        print("\nStopping after this sentence (Ctrl+C again stops at once)…", file=sys.stderr)
        cancel.cancel()

    return signal.signal(signal.SIGINT, handler)


def speak(request, out: Path, srt: Path | None, playback: _Playback | None, *, json_out: bool,
          save: bool = True, debug: bool = False, parents: tuple[int, ...] = ()) -> int:
    from studio.core.engines import voice
    from studio.core.jobs import (
        AudioChunk,
        Cancelled,
        CancelToken,
        Failed,
        Notice,
        Progress,
        Result,
    )

    cancel = CancelToken()
    status = _Status()
    previous = _stop_on_ctrl_c(cancel)
    try:
        for ev in voice.run(request, cancel):
            match ev:
                case AudioChunk(samples=samples, sample_rate=rate):
                    if playback is not None:
                        playback.feed(samples, rate)
                case Progress(message=text, fraction=fraction, step=step) if text:
                    status.progress(text, fraction, step)
                case Notice(message=text):
                    status.done()
                    print(f"note: {text}", file=sys.stderr, flush=True)
                case Result(value=res, request=resolved, timings=timings):
                    status.done()
                    saved = _save(res, resolved, out, srt, timings, "done", save, parents)
                    if json_out:
                        print_json(summary(res, out, srt, saved))
                    else:
                        print(f"Saved {out} ({res.duration_s:.1f} s of audio, {res.sample_rate} "
                              f"Hz, {len(res.sentences)} sentences) in {res.seconds:.2f} s "
                              f"(real-time factor {res.rtf:.3f})", file=sys.stderr)
                    if playback is not None:
                        playback.finish(status)
                    return 0
                case Failed() as failed:
                    fail(failed, debug)
                case Cancelled(partial=partial):
                    status.done()
                    if partial is None or not partial.sentences:
                        print("Stopped before any sentence was made; nothing was saved.",
                              file=sys.stderr)
                        return 130
                    used = _partial_request(request, partial)
                    _save(partial, used, out, srt, {"total_s": partial.seconds}, "stopped", save,
                          parents)
                    print(f"Stopped: kept {len(partial.sentences)} sentences "
                          f"({partial.duration_s:.1f} s) in {out}", file=sys.stderr)
                    return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        if playback is not None and playback.player is not None:
            playback.player.close()  # a no-op after a finished playback
        status.done()
    raise CliError("speech ended without a result")


def _partial_request(request, partial):
    import dataclasses

    return dataclasses.replace(request, seed=partial.seed, backend=partial.backend)


def _save(res, request, out: Path, srt: Path | None, timings: dict, state: str,
          save: bool, parents: tuple[int, ...] = ()) -> int | None:
    """Write the audio (and the SRT), then record them; returns the history id."""
    from studio.core import formats
    from studio.core.audio import write as audio_write

    audio_write.write(out, res.samples, res.sample_rate)
    files = [out]
    if srt is not None:
        formats.write_transcript(srt, res.sentences, "srt")
        files.append(srt)
    if not save:
        return None
    try:
        store = open_store()
        try:
            return store.record("voice", request, prompt=request.text, files=files,
                                model=res.model, timings=timings, status=state,
                                parents=parents)
        finally:
            store.close()
    except Exception as exc:  # the audio is saved: the history is a bonus
        print(f"note: the result was not saved in the history: {exc}", file=sys.stderr)
        return None


def summary(res, out: Path, srt: Path | None, history_id: int | None) -> dict:
    """What ``--json`` prints."""
    return {
        "out": str(out), "srt": None if srt is None else str(srt), "model": res.model,
        "backend": res.backend, "seed": res.seed, "sample_rate": res.sample_rate,
        "duration_s": round(res.duration_s, 4), "seconds_audio": round(res.duration_s, 4),
        "seconds": res.seconds, "rtf": res.rtf,
        "first_audio_s": res.first_audio_s,
        "sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in res.sentences],
        "history_id": history_id,
    }
