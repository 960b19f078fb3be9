"""How the UI benchmark drives each tab through a real job, as a user would.

A driver fills a tab's controls (``prepare``, not timed), presses its button
(``start``) and says when the job and what follows it are over (``finished``: the
job ended, the tab's background calls are done, and for Voice the speech has played to
its end).  Models: the built-in ones (SmolLM2, Piper joe, Whisper base); painting
uses the configured model when it is on this machine, else the tests' tiny random SD
built on the fly (in a subprocess, so the window process never imports torch).
Speech for Transcription is made with espeak-ng; Voice plays into a fake sound card
clocked in real time from its own thread, as PortAudio calls back (tests' fixture), or,
outside a source checkout, into no sound device at all.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import SimpleNamespace

VOICE_TEXT = ("The lighthouse keeper climbed the stairs at dusk. The lamp was cold and the glass "
              "was dusty. He cleaned it slowly, one pane after another.")
WRITING_PROMPT = "The history of the printing press"
PAINT_PROMPT = "a lighthouse on a cliff at dusk, oil painting, dramatic sky"


class Driver:
    task = ""

    def __init__(self, label: str = "") -> None:
        self.label = label or self.task
        self.what = ""  # the model and setup, as the report names them
        self.folder: Path | None = None  # where to make files (the benchmark removes it)
        self.ended: object = None  # the job's last event

    def tab(self, w):
        return w.pages[self.task]

    def prepare(self, w) -> None:
        """Choose the model and fill the controls (not timed)."""

    def start(self, w) -> None:
        raise NotImplementedError

    def finished(self, w) -> bool:
        from studio.ui.worker import pending_calls

        return self.ended is not None and not self.tab(w).runner.busy and pending_calls() == 0

    def info(self) -> dict:
        """What the job made, from its last event."""
        value = getattr(self.ended, "value", None)
        if value is None:
            return {"error": str(getattr(self.ended, "message", self.ended))}
        out = {}
        for name in ("backend", "new_tokens", "tokens_per_s", "steps", "seconds_per_step",
                     "previews", "duration_s", "rtf", "first_audio_s"):
            v = getattr(value, name, None)
            if isinstance(v, int | float):
                out[name] = round(v, 4) if isinstance(v, float) else v
        if hasattr(value, "segments"):
            out["segments"] = len(value.segments)
        if hasattr(value, "images"):
            out["image"] = f"{value.width}x{value.height}"
        return out


class Writing(Driver):
    task = "writing"

    def __init__(self, backend: str, tokens: int) -> None:
        super().__init__(f"writing {backend}")
        self.backend, self.tokens = backend, tokens

    def prepare(self, w) -> None:
        from studio.ui.tabs.writing import COMPLETION

        panel = w.panel.backend
        panel.setCurrentIndex(panel.findData(self.backend))
        tab = self.tab(w)
        tab.mode.setCurrentIndex(tab.mode.findData(COMPLETION))
        tab.prompt.setPlainText(WRITING_PROMPT)
        tab.params.max_new_tokens.setValue(self.tokens)
        tab.params.seed.setValue(1)
        self.what = f"{tab.settings.model_for('writing')}, {self.tokens} new tokens"

    def start(self, w) -> None:
        self.tab(w).generate()


def painting_model() -> tuple[str, str, int, int]:
    """(reference, what it is, size, steps), chosen by the painting benchmark, in a subprocess."""
    code = ("import json; from studio.bench.painting import choose_model; "
            "print(json.dumps(choose_model()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=600).stdout
    ref, what, size, steps = json.loads(out.strip().splitlines()[-1])
    return ref, what, size, steps


class Painting(Driver):
    task = "painting"

    def __init__(self, quick: bool) -> None:
        super().__init__()
        self.quick = quick
        self.ref = ""
        self.built = False  # the tiny SD was built for this run (a temporary folder)

    def prepare(self, w) -> None:
        if not self.ref:
            self.ref, what, size, steps = painting_model()
            if not self.ref:
                raise RuntimeError(what)
            folder = Path(self.ref)
            self.built = (folder.name.startswith("bench-tiny-sd-")
                          and folder.parent == Path(tempfile.gettempdir()))
            self.size, self.steps = size, (steps if not self.quick else min(steps, 4))
            self.what = f"{what}; {self.size}x{self.size}, {self.steps} steps, a preview each step"
        w.panel.set_model("painting", self.ref)
        tab = self.tab(w)
        tab.prompt.setPlainText(PAINT_PROMPT)
        p = tab.params
        p.steps.setValue(self.steps)
        p.width_box.setValue(self.size)
        p.height_box.setValue(self.size)
        p.dice.setChecked(False)
        p.seed.setValue(1234)
        p.preview_every.setValue(1)

    def ready(self, w) -> bool:
        return self.tab(w).model_state.available is not None

    def start(self, w) -> None:
        self.tab(w).generate()


class Voice(Driver):
    task = "voice"

    def prepare(self, w) -> None:
        tab = self.tab(w)
        tab.text.setPlainText(VOICE_TEXT)
        self.what = f"{tab.settings.model_for('voice')}, {len(VOICE_TEXT)} characters, played"

    def ready(self, w) -> bool:
        return w.audio.state in ("ready", "unavailable")

    def start(self, w) -> None:
        self.tab(w).speak()

    def finished(self, w) -> bool:
        player = w.audio.player
        playing = player is not None and player.status().state in ("starting", "playing",
                                                                    "waiting")
        return super().finished(w) and not playing


class Transcription(Driver):
    """A clip of four sentences (about 14 s), or with ``minutes`` a long one (its segments
    and progress arrive in a burst at the end of each 30 s window batch)."""

    task = "transcription"

    def __init__(self, minutes: float = 0.0) -> None:
        super().__init__(f"transcription {minutes:g} min" if minutes else "")
        self.minutes = minutes
        self.clip: Path | None = None

    def prepare(self, w) -> None:
        from studio.bench.speech import SENTENCES, espeak_available, long_clip, say

        if self.clip is None:
            if not espeak_available():
                raise RuntimeError("espeak-ng is not installed: no speech to transcribe")
            folder = Path(tempfile.mkdtemp(prefix="asr-", dir=self.folder))
            if self.minutes:
                self.clip, _ = long_clip(folder / "long.wav", self.minutes * 60)
            else:
                self.clip = say(" ".join(SENTENCES[:4]), folder / "clip.wav")
        import soundfile

        seconds = soundfile.info(str(self.clip)).duration
        model = self.tab(w).settings.model_for("transcription")
        self.what = f"{model}, {seconds:.0f} s of espeak-ng speech"

    def start(self, w) -> None:
        self.tab(w).add_files([str(self.clip)])


# --- the sound card -----------------------------------------------------------------------------

class ClockedSound:
    """A fake sound card whose output streams are pulled in real time by a thread of its own."""

    def __init__(self) -> None:
        self.what = "none (no sound device: speech is made and kept, not played)"
        self.sd: object = SimpleNamespace(query_devices=lambda: [], query_hostapis=lambda: [],
                                          default=SimpleNamespace(device=[-1, -1]))
        self._fake = None
        self._stop = threading.Event()
        try:
            root = Path(__file__).resolve().parents[2]
            if (root / "tests" / "fixtures").is_dir() and str(root) not in sys.path:
                sys.path.append(str(root))
            from tests.fixtures.fake_sounddevice import FakeSoundDevice
        except ImportError:
            return
        self._fake = self.sd = FakeSoundDevice(input_devices=[], output_devices=["Fake Speakers"],
                                               channels=1, manual=True)
        self.what = ("a fake sound card (tests/fixtures) pulled in real time from its own "
                     "thread, 1024-frame blocks")
        threading.Thread(target=self._clock, name="fake-sound-clock", daemon=True).start()

    def _clock(self) -> None:
        fake, origin = self._fake, {}
        while not self._stop.wait(0.005):
            now = time.perf_counter()
            for stream in list(fake.streams):
                if not stream.active or stream.kind != "output":
                    origin.pop(id(stream), None)
                    continue
                t0, f0 = origin.setdefault(id(stream), (now, stream.frames_done))
                due = (now - t0) * stream.samplerate
                while stream.active and stream.frames_done - f0 + 1024 <= due:
                    fake.pump(1, "output")
            if len(fake.played) > 1:
                del fake.played[:-1]  # what was heard is not kept (the window's RSS)

    def close(self) -> None:
        self._stop.set()
