"""Text plumbing of the voice engine: sentences, cleaning, and the scripts a text is written in.

No library imports: the engine, the window (a preview of how a text will be
split), the CLI and the tests all use these.  Sentences keep their place in the
original text (``start``/``end`` character offsets) so progress is the share of
the text spoken, whatever cleaning removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ...jobs import UserError
from ...messages import Message, msg

# A synthesis call per sentence: Piper/VITS cost grows with the input and Stop is checked
# between sentences, so a line without punctuation is cut near this many characters.
MAX_SENTENCE_CHARS = 240

_CLOSERS = "\"'”’」』）》〉】)]}"
# Latin ends need a space (or the end) after them: "3.14", "e.g.x" and URLs stay whole.
_LATIN_END = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s|$)")
# CJK ends need nothing after them: Chinese has no spaces between sentences.
_CJK_END = re.compile(r"[。！？；…]+[" + re.escape(_CLOSERS) + r"]*|[!?;](?=[^\x00-\x7f])")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e", "prof", "sr", "jr",
                  "no", "fig", "mt", "approx", "dept", "inc", "ltd", "co"}
_NEXT_LOWER = re.compile(r"\s+[a-z]")  # a sentence rarely starts in lower case
_SOFT_BREAKS = "，、,：:；;—–"  # where a long sentence may be cut, best first by position
_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s*|[-*+]\s+)|\*\*|__|`+|~~")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Sentence:
    """One synthesis call's text (cleaned) and where it came from in the original text."""

    text: str
    start: int  # character offsets into the original text
    end: int


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return (0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF
            or (0x2300 <= cp <= 0x23FF and unicodedata.category(ch) == "So")
            or 0xFE00 <= cp <= 0xFE0F or cp in (0x200D, 0x20E3) or 0xE0000 <= cp <= 0xE007F)


def sayable(text: str) -> bool:
    """A voice can say it: at least one letter or digit (any script)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def clean(text: str) -> str:
    """What a voice should read: no emoji, control or invisible characters, Markdown marks
    (headings, quotes, list bullets, emphasis, code ticks), or runs of spaces.

    Emoji go because espeak reads them out by name ("grinning face"); symbols that
    mean words ($, %, °) stay, since the voices read them.
    """
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cf" or 0xFE00 <= ord(ch) <= 0xFE0F:
            continue  # invisible (zero-width space, joiner, BOM, variation selector)
        out.append(" " if _is_emoji(ch) or cat in ("Cc", "Cs", "Co", "Cn") else ch)
    line = _MARKUP.sub(" ", "".join(out))
    line = re.sub(r"\*\*|__|`+|~~", " ", line)
    return _SPACES.sub(" ", line).strip()


def _cut_long(text: str, start: int, limit: int) -> list[tuple[int, int]]:
    """Spans of at most ``limit`` characters, cut at a comma, else a space, else anywhere."""
    spans = []
    pos, end = start, start + len(text)
    while end - pos > limit:
        window = text[pos - start: pos - start + limit]
        cut = max(window.rfind(ch) for ch in _SOFT_BREAKS)
        if cut >= limit // 2:
            cut += 1  # keep the comma with the words before it
        else:
            cut = window.rfind(" ")
            if cut < limit // 3:
                cut = limit  # CJK or one endless word: a hard cut
        spans.append((pos, pos + cut))
        pos += cut
    spans.append((pos, end))
    return spans


def _ends(line: str) -> list[int]:
    """Offsets just after each sentence end in ``line``."""
    ends = set()
    for m in _LATIN_END.finditer(line):
        before = line[max(0, m.start() - 12):m.start()].split()  # a short look back: linear
        core = before[-1].lower().lstrip("(\"'") if before else ""
        if m.group().startswith(".") and (
                (len(m.group()) == 1 and (core in _ABBREVIATIONS
                                          or (len(core) == 1 and core.isalpha())))
                or _NEXT_LOWER.match(line, m.end())):
            continue  # "Dr. Smith", "J. K. Rowling", "at 3 p.m. on Monday", "Wait... what"
        ends.add(m.end())
    ends.update(m.end() for m in _CJK_END.finditer(line))
    return sorted(ends)


def split_sentences(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    """Sentences of ``text`` (cleaned; ones with nothing to say dropped), in order.

    Ends: . ! ? … followed by a space (not after "Dr." or an initial), the CJK marks
    。！？；… wherever they are, and every line break.  A piece longer than ``limit``
    is cut at a comma, else a space.  Linear in the length of the text.
    """
    out: list[Sentence] = []
    for line_match in re.finditer(r"[^\r\n\u2028\u2029\x0b\x0c\x85]+", text):
        line, base = line_match.group(), line_match.start()
        pos = 0
        for end in [*_ends(line), len(line)]:
            if end <= pos:
                continue
            piece = line[pos:end]
            lead = len(piece) - len(piece.lstrip())
            for s, e in _cut_long(piece.strip(), base + pos + lead, limit):
                said = clean(text[s:e])
                if said and sayable(said):
                    out.append(Sentence(said, s, e))
            pos = end
    return out


def unsayable_reason(text: str) -> Message:
    """Why ``text`` gave no sentence to speak, in words a user can act on."""
    if not isinstance(text, str) or not text.strip():
        return msg("voice.text_empty", "There is no text to speak: type or open some text.")
    visible = [ch for ch in text if not ch.isspace()]
    if all(_is_emoji(ch) or unicodedata.category(ch)[0] == "C" for ch in visible):
        return msg("voice.text_emoji_only",
                   "The text holds only emoji, which a voice cannot say: write some words.")
    sample = "".join(visible[:12])
    return msg("voice.text_symbols_only",
               "The text holds only symbols and punctuation ({sample}), which a voice cannot "
               "say: write some words.", sample=sample)


def sentences_or_error(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    found = split_sentences(text, limit) if isinstance(text, str) else []
    if not found:
        raise UserError(unsayable_reason(text))
    return found


# ---- which scripts a text uses (for the "this voice speaks another language" notice) ------

def _script(ch: str) -> str | None:
    cp = ord(ch)
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2EBEF \
            or 0xF900 <= cp <= 0xFAFF:
        return "zh"  # Han characters (also Japanese kanji: kana decides below)
    if 0x3040 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF:
        return "ja"
    if 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F:
        return "ko"
    if ch.isalpha() and (cp < 0x250 or 0x1E00 <= cp <= 0x1EFF):
        return "latin"
    return None


def scripts(text: str) -> dict[str, int]:
    """Letters per script: "latin", "zh" (Han), "ja" (kana), "ko" (Hangul)."""
    counts: dict[str, int] = {}
    for ch in text:
        kind = _script(ch)
        if kind:
            counts[kind] = counts.get(kind, 0) + 1
    if counts.get("ja") and "zh" in counts:  # kanji in a Japanese text
        counts["ja"] += counts.pop("zh")
    return counts


def foreign_scripts(text: str, language: str) -> list[str]:
    """Scripts in ``text`` that a voice for ``language`` ("en", "zh", ...) cannot read well.

    CJK in a non-CJK voice, and Latin words in a CJK voice when they are a real part
    of the text (a few letters such as "AI" or "PDF" are read acceptably).
    """
    lang = (language or "").lower().replace("_", "-").split("-")[0]
    if lang in ("cmn", "yue", "zh"):
        lang = "zh"
    if not lang:
        return []
    counts = scripts(text)
    foreign = [s for s in ("zh", "ja", "ko") if counts.get(s) and s != lang]
    if lang in ("zh", "ja", "ko"):
        latin = counts.get("latin", 0)
        if latin >= 12 and latin >= 0.2 * sum(counts.values()):
            foreign.append("latin")
    return foreign
