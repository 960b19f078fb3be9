"""`aigc-studio audio devices`, `record` and `play`: the audio layer from a terminal.

No device is a runtime failure (exit 1); a device name that matches nothing is
bad input (exit 2, AudioDeviceError is a UserError).  Ctrl+C while recording
stops and keeps the file; while playing it stops (exit 130).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path

from studio.commands import CliError, print_json

WAIT_S = 0.1  # how often the terminal's progress line is refreshed


def _sd():
    from studio.core.audio.devices import load_sounddevice

    try:
        return load_sounddevice()
    except Exception as exc:  # PortAudio missing: nothing to do about it from here
        raise CliError(str(getattr(exc, "message", exc))) from exc


def _no_device(exc: Exception) -> CliError:
    return CliError(str(getattr(exc, "message", exc)))


def devices(args: argparse.Namespace) -> int:
    from studio.core.audio.devices import list_devices

    found = list_devices(_sd())
    if args.json:
        print_json({"devices": [d.to_json() for d in found]})
        return 0
    if not found:
        print("No audio devices found (no sound card, or the sound server is not running).",
              file=sys.stderr)
        return 1
    print(f"{'':2}{'NAME':32} {'HOST API':14} {'IN':>3} {'OUT':>3} {'RATE':>7}")
    for d in found:
        mark = ("<" if d.is_default_input else " ") + (">" if d.is_default_output else " ")
        print(f"{mark}{d.name[:32]:32} {d.hostapi[:14]:14} {d.max_input_channels:>3} "
              f"{d.max_output_channels:>3} {d.default_samplerate:>7.0f}")
    print("< default input   > default output")
    return 0


def _progress(text: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r{text}\x1b[K")
        sys.stderr.flush()


def record(args: argparse.Namespace) -> int:
    from studio.core.audio import write as audio_write
    from studio.core.audio.devices import NoAudioDevice
    from studio.core.audio.recorder import Recorder

    out = Path(args.out).expanduser()
    suffix = out.suffix.lower()
    if suffix not in audio_write.FORMATS:
        raise CliError(f"cannot write {out.name}: choose a .wav, .flac, .ogg or .mp3 file name")
    audio_write.check_writable(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"folder not found: {folder}")
    recorder = Recorder(folder, sd=_sd(), device=args.device, sample_rate=args.rate,
                        max_seconds=args.seconds, name=f".{out.stem}")
    try:
        partial = recorder.start()
    except NoAudioDevice as exc:
        raise _no_device(exc) from exc
    device = recorder.device.name if recorder.device else "?"
    print(f"Recording from {device} at {recorder.rate} Hz into {partial.name} "
          f"(Ctrl+C stops){'' if args.seconds is None else f' for {args.seconds:g} s'}",
          file=sys.stderr)
    interrupted = False
    try:
        while not recorder.done.wait(WAIT_S):
            st = recorder.status()
            _progress(f"{st.elapsed_s:6.1f} s   level {st.level.rms_db:6.1f} dBFS")
    except KeyboardInterrupt:
        interrupted = True
    status = recorder.stop()
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    if status.path is None or status.path.name.endswith(".recording.wav"):
        raise CliError(f"the recording could not be finished; what was recorded is in "
                       f"{status.path}")
    _finish_file(status.path, out, recorder.rate)
    note = " (stopped)" if interrupted else ""
    print(f"Saved {out} ({status.elapsed_s:.1f} s){note}", file=sys.stderr)
    if status.error:
        raise CliError(str(status.error))
    return 0


def _finish_file(recorded: Path, out: Path, rate: int) -> None:
    """Give the crash-safe WAV its final name, converting it when another format was asked."""
    from studio.core.audio import decode
    from studio.core.audio import write as audio_write

    if out.suffix.lower() == ".wav":
        os.replace(recorded, out)
        return
    data, rate = decode.read(recorded)
    audio_write.write(out, data, rate)
    recorded.unlink()


def play(args: argparse.Namespace) -> int:
    from studio.core.audio import decode
    from studio.core.audio.devices import NoAudioDevice, find_device
    from studio.core.audio.player import Player

    data, rate = decode.read(Path(args.file).expanduser())
    sd = _sd()
    try:
        device = find_device(sd, args.device, "output")
    except NoAudioDevice as exc:
        raise _no_device(exc) from exc
    player = Player(sd=sd, device=args.device)
    player.load(data, rate)
    duration = len(data) / rate
    print(f"Playing {Path(args.file).name} ({duration:.1f} s) on {device.name}",
          file=sys.stderr)
    done = threading.Event()
    try:
        player.play()
        while not done.wait(WAIT_S):
            st = player.status()
            if st.state == "failed":
                raise CliError(str(st.error))
            if st.state == "ended":
                break
            _progress(f"{st.position_s:6.1f} / {st.duration_s:.1f} s")
    except KeyboardInterrupt:
        player.stop()
        player.close()
        print("\nStopped.", file=sys.stderr)
        return 130
    player.close()
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    return 0


def run_audio(args: argparse.Namespace) -> int:
    return devices(args)
