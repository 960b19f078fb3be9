"""English speech made on the spot with espeak-ng, and word error rate.

For benchmarks and the real-weights tests: no recordings ship with the app.  The
sentences hold no numbers (Whisper writes "nine" as "9").
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

SENTENCES = (
    "The quick brown fox jumps over the lazy dog.",
    "She sells sea shells by the sea shore.",
    "Please call Stella and ask her to bring these things with her from the store.",
    "The museum will close early on Friday because of the storm.",
    "We need to finish the report before the meeting starts tomorrow morning.",
    "A cup of hot tea is the best way to start a cold winter day.",
    "The children played in the garden until the sun went down.",
    "My brother bought a new bicycle and rode it to the library.",
    "The train to the city leaves from the main station every hour.",
    "Turn off the lights when you leave the room.",
    "The old man walked slowly along the river with his dog.",
    "Our teacher asked us to read the first chapter of the book.",
)
VOICES = ("en-us", "en")


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def say(text: str, path: Path, voice: str = "en-us", speed: int = 160) -> Path:
    """Speak ``text`` into the WAV ``path`` (22.05 kHz mono)."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise RuntimeError("espeak-ng is not installed (apt-get install espeak-ng)")
    subprocess.run([exe, "-v", voice, "-s", str(speed), "-w", str(path), text], check=True,
                   capture_output=True, timeout=60)
    return path


def long_clip(path: Path, seconds: float = 180.0, gap_s: float = 0.6) -> tuple[Path, str]:
    """Sentences in turn (both voices, two speeds) with pauses, until ``seconds``; returns the
    WAV and its text."""
    import numpy as np
    import soundfile as sf

    pieces, words, total, rate = [], [], 0.0, 22050
    i = 0
    work = path.with_suffix(".part.wav")
    while total < seconds:
        text = SENTENCES[i % len(SENTENCES)]
        voice = VOICES[(i // len(SENTENCES)) % len(VOICES)]
        data, rate = sf.read(str(say(text, work, voice, 150 + 20 * (i % 2))), dtype="float32")
        pieces += [data, np.zeros(round(gap_s * rate), np.float32)]
        words.append(text)
        total += len(data) / rate + gap_s
        i += 1
    work.unlink(missing_ok=True)
    sf.write(str(path), np.concatenate(pieces), rate)
    return path, " ".join(words)


def normalise(text: str) -> list[str]:
    text = text.lower().replace("-", " ")
    text = re.sub(r"seashells?", lambda m: "sea " + m.group(0)[3:], text)
    return re.findall(r"[a-z']+", text)


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate: (substitutions + deletions + insertions) / reference words."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref)
