"""Input and output devices: listing, choosing by name, re-scanning.

Users pick a device by name and the choice is remembered by name, because
PortAudio's indices change between runs and when a headset is plugged in.
PortAudio enumerates devices only when it initialises, so ``rescan`` restarts
it.  ``sounddevice`` is passed in (``sd=``) wherever it is used, so tests can
inject a fake; ``load_sounddevice`` imports the real one with a clear message
when the PortAudio library itself is missing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..jobs import UserError
from ..messages import msg


class AudioDeviceError(UserError):
    """An unknown device name, a device that cannot be opened."""


class NoAudioDevice(AudioDeviceError):
    """The system has no device of the kind asked for (no sound card, nothing plugged in)."""


@dataclass(frozen=True)
class AudioDevice:
    index: int
    name: str
    hostapi: str
    max_input_channels: int
    max_output_channels: int
    default_samplerate: float
    is_default_input: bool = False
    is_default_output: bool = False

    @property
    def is_input(self) -> bool:
        return self.max_input_channels > 0

    @property
    def is_output(self) -> bool:
        return self.max_output_channels > 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def load_sounddevice() -> Any:
    """The real ``sounddevice`` module, or AudioDeviceError when PortAudio is missing."""
    try:
        import sounddevice
    except OSError as exc:  # "PortAudio library not found"
        raise AudioDeviceError(msg(
            "audio.no_portaudio",
            "Audio is not available: the PortAudio library is missing ({detail}). "
            "On Debian or Ubuntu install the package libportaudio2.", detail=str(exc))) from exc
    return sounddevice


def rescan(sd: Any) -> None:
    """Make PortAudio enumerate the devices again (it does so only when it starts)."""
    sd._terminate()
    sd._initialize()


def _default_indices(sd: Any) -> tuple[int, int]:
    try:
        pair = list(sd.default.device)
    except Exception:  # no defaults at all
        return -1, -1
    def as_int(value: Any) -> int:
        try:
            return int(value)
        except (TypeError, ValueError):
            return -1
    return as_int(pair[0]), as_int(pair[1])


def list_devices(sd: Any) -> list[AudioDevice]:
    """Every device PortAudio knows now; an empty list without a sound card."""
    try:
        raw = list(sd.query_devices())
    except Exception:
        return []
    try:
        apis = [api.get("name", "") for api in sd.query_hostapis()]
    except Exception:
        apis = []
    default_in, default_out = _default_indices(sd)
    out = []
    for i, d in enumerate(raw):
        index = int(d.get("index", i))
        api = d.get("hostapi", 0)
        out.append(AudioDevice(
            index=index, name=str(d.get("name", "")),
            hostapi=apis[api] if isinstance(api, int) and 0 <= api < len(apis) else "",
            max_input_channels=int(d.get("max_input_channels", 0)),
            max_output_channels=int(d.get("max_output_channels", 0)),
            default_samplerate=float(d.get("default_samplerate", 0.0) or 0.0),
            is_default_input=index == default_in, is_default_output=index == default_out))
    return out


def _kind_word(kind: str):
    return (msg("audio.kind_input", "input") if kind == "input"
            else msg("audio.kind_output", "output"))


def find_device(sd: Any, name: str | None, kind: str) -> AudioDevice:
    """The device called ``name`` for ``kind`` ("input"/"output"); the default when empty.

    Exact names win, then a unique case-insensitive substring ("USB" finds
    "USB Audio Device: - (hw:1,0)").  No device, or no match, is an
    AudioDeviceError naming what there is.
    """
    devices = [d for d in list_devices(sd) if (d.is_input if kind == "input" else d.is_output)]
    if not devices:
        raise NoAudioDevice(msg(
            "audio.no_device", "No audio {kind} device was found. Connect a microphone or "
            "headset (or check the system's sound settings) and try again.",
            kind=_kind_word(kind)))
    if not name:
        for d in devices:
            if d.is_default_input if kind == "input" else d.is_default_output:
                return d
        return devices[0]
    exact = [d for d in devices if d.name == name]
    if exact:
        return exact[0]
    folded = name.casefold()
    partial = [d for d in devices if folded in d.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    names = ", ".join(d.name for d in devices)
    if partial:
        raise AudioDeviceError(msg(
            "audio.device_ambiguous", "Several {kind} devices match \u201c{name}\u201d: {names}.",
            kind=_kind_word(kind), name=name, names=", ".join(d.name for d in partial)))
    raise AudioDeviceError(msg(
        "audio.device_not_found", "There is no {kind} device called \u201c{name}\u201d. "
        "Available: {names}.", kind=_kind_word(kind), name=name, names=names))


def device_problem(exc: BaseException, kind: str, name: str) -> AudioDeviceError:
    """A PortAudio failure to open or run a stream, as a message a user can act on."""
    text = str(exc)
    if "Invalid sample rate" in text or "sample rate" in text.lower():
        return AudioDeviceError(msg(
            "audio.bad_rate", "The {kind} device \u201c{name}\u201d does not support this "
            "sample rate ({detail}).", kind=_kind_word(kind), name=name, detail=text))
    if "busy" in text.lower() or "Device unavailable" in text:
        return AudioDeviceError(msg(
            "audio.device_busy", "The {kind} device \u201c{name}\u201d is busy or unavailable. "
            "Close other programs using it and try again.", kind=_kind_word(kind), name=name))
    return AudioDeviceError(msg(
        "audio.device_failed", "Could not use the {kind} device \u201c{name}\u201d: {detail}. "
        "If it was just unplugged or the system denied access, reconnect it or check the "
        "sound permissions.", kind=_kind_word(kind), name=name, detail=text))
