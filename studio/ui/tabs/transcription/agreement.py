"""Live transcription's policy: text is confirmed when two consecutive chunks agree on it.

While recording, the audio from the end of the confirmed text to "now" is transcribed
again every second or two.  Whisper's last words change as more audio arrives (a word
cut in half, a sentence not finished), so a word is *confirmed* only once two
consecutive chunks wrote it the same way at the same place: the longest common prefix
of the two hypotheses (LocalAgreement-2, as in whisper_streaming).  What the latest
chunk says beyond that is *tentative* and shown differently until a later chunk
confirms it.  Stopping confirms the last chunk as it is.

Times are seconds in the recording.  Qt-free, so the policy is tested (and measured
with real models) on its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from studio.core.engines.transcription import Word
from studio.core.jobs import Segment

MAX_WINDOW_S = 12.0  # a chunk never reaches further back than this before "now"
SENTENCE_END = re.compile(r"[.!?。！？…]$")
NO_SPACES = ("zh", "yue", "ja", "th", "lo", "km", "my", "bo")


def words_of(segments: Iterable[Segment], offset: float) -> list[Word]:
    """The words of a chunk's segments in recording time.  Segments without word times get
    their words spread over the segment in proportion to their length."""
    out: list[Word] = []
    for seg in segments:
        if seg.words and any(w.end > w.start for w in seg.words):
            out += [Word(round(offset + w.start, 3), round(offset + w.end, 3), w.text.strip(),
                         w.probability) for w in seg.words if w.text.strip()]
            continue
        parts = seg.text.split()
        total = sum(len(p) for p in parts) or 1
        t, span = offset + seg.start, max(0.0, seg.end - seg.start)
        for part in parts:
            step = span * len(part) / total
            out.append(Word(round(t, 3), round(t + step, 3), part, None))
            t += step
    return out


def _key(word: Word) -> str:
    """What two chunks must agree on: the word without case, punctuation or width forms."""
    text = unicodedata.normalize("NFKC", word.text).casefold()
    return "".join(c for c in text if c.isalnum()) or text


def _noise(word: Word) -> bool:
    """Punctuation alone ("." "..."): what Whisper writes for silence after speech."""
    return all(unicodedata.category(c).startswith("P") for c in word.text)


class LocalAgreement:
    """Feed each chunk's words (``feed``); read ``confirmed`` and ``tentative``.

    A chunk starts at the ``anchor``: the end of the last confirmed sentence, so Whisper
    hears the words before the confirmed end again, in context (starting a chunk right
    at a word boundary makes it mishear the first word).  Words a chunk repeats before
    the confirmed end are dropped by their times, and an overlap the times miss by
    matching the last confirmed words.
    """

    def __init__(self) -> None:
        self.confirmed: list[Word] = []
        self.tentative: list[Word] = []  # the latest chunk beyond what is confirmed
        self.confirmed_end = 0.0
        self.anchor = 0.0  # where the next chunk starts
        self._anchor_index = 0  # confirmed words before the anchor (the prompt's text)

    def window_start(self, now: float) -> float:
        """Where a chunk ending at ``now`` starts.  When that is too far back (a long
        sentence, or chunks that never agree: noise), tentative words that are old enough
        are confirmed and the chunk starts at the confirmed end."""
        if now - self.anchor > MAX_WINDOW_S:
            old = [w for w in self.tentative if w.end <= now - MAX_WINDOW_S / 2]
            self._confirm(old)
            self.tentative = self.tentative[len(old):]
            self._move_anchor(max(self.confirmed_end, now - MAX_WINDOW_S))
        return self.anchor

    def context(self) -> list[Word]:
        """Confirmed words before the anchor: the prompt that carries the sense along."""
        return self.confirmed[:self._anchor_index]

    def _move_anchor(self, at: float) -> None:
        self.anchor = at
        self._anchor_index = sum(1 for w in self.confirmed if w.end <= at + 1e-6)

    def _fresh(self, words: list[Word]) -> list[Word]:
        """Words of a chunk beyond the confirmed ones."""
        words = [w for w in words if not _noise(w)]
        if not self.confirmed:
            return words
        start = next((i for i, w in enumerate(words) if w.start >= self.confirmed_end - 0.1),
                     len(words))
        tail = [_key(w) for w in self.confirmed[-5:]]
        before = [_key(w) for w in words[:start]]
        for n in range(min(len(tail), len(words) - start), 0, -1):
            # the times place the last confirmed words after the confirmed end: skip them
            if [_key(w) for w in words[start:start + n]] == tail[-n:] and (
                    before[-n:] != tail[-n:]):
                return words[start + n:]
        return words[start:]

    def feed(self, words: list[Word], window_end: float) -> list[Word]:
        """A chunk's hypothesis (recording time); returns the words it confirmed."""
        words = self._fresh(words)
        agreed = 0
        for new, old in zip(words, self.tentative, strict=False):
            if _key(new) != _key(old):
                break
            agreed += 1
        done = words[:agreed]
        self._confirm(done)
        self.tentative = words[agreed:]
        if not words and not self.tentative:  # silence: start later (keep a second)
            self.confirmed_end = max(self.confirmed_end, window_end - 1.0)
            if self.confirmed_end - self.anchor > 1.0:
                self._move_anchor(self.confirmed_end)
        return done

    def finish(self, words: list[Word] | None = None) -> list[Word]:
        """The recording ended: the last chunk (or the tentative words) is final."""
        last = self._fresh(words) if words is not None else self.tentative
        self._confirm(last)
        self.tentative = []
        return last

    def _confirm(self, words: list[Word]) -> None:
        if not words:
            return
        self.confirmed += words
        self.confirmed_end = max(self.confirmed_end, words[-1].end)
        ends = [w.end for w in words if SENTENCE_END.search(w.text)]
        if ends:
            self._move_anchor(ends[-1])


def join_words(words: Iterable[Word], language: str = "") -> str:
    sep = "" if language in NO_SPACES else " "
    return sep.join(w.text for w in words).strip()


def segments_of(words: list[Word], language: str = "", max_words: int = 20,
                gap_s: float = 1.0) -> list[Segment]:
    """Confirmed words as subtitle-sized segments: a new one after a sentence's end, a
    pause or ``max_words`` words."""
    out: list[Segment] = []
    group: list[Word] = []

    def close() -> None:
        if group:
            out.append(Segment(group[0].start, group[-1].end, join_words(group, language),
                               tuple(group)))
            group.clear()

    for w in words:
        if group and (w.start - group[-1].end > gap_s or len(group) >= max_words):
            close()
        group.append(w)
        if SENTENCE_END.search(w.text):
            close()
    close()
    return out
