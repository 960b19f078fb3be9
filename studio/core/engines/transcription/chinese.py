"""Simplified / Traditional Chinese output through OpenCC.

Whisper often answers Mandarin in Traditional characters (the bundled base model
does), whatever script the speaker's readers use; users of Whisper apps keep
asking for a switch.  OpenCC converts whole phrases (頭髮 -> 头发, 乾燥 -> 干燥),
not character by character, so the segment text is converted as one string.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ...jobs import Segment, UserError
from ...messages import msg

CHINESE_LANGUAGES = ("zh", "yue")  # Whisper's codes for Mandarin and Cantonese
_CONFIGS = {"simplified": "t2s", "traditional": "s2t"}


def resolve_choice(choice: str, ui_language: str) -> str:
    """The script "auto" means for a UI language such as "zh_CN", "zh_TW" or "en"."""
    if choice != "auto":
        return choice
    lang = (ui_language or "").replace("-", "_").lower()
    if lang in ("zh_tw", "zh_hk", "zh_mo") or lang.startswith("zh_hant"):
        return "traditional"
    if lang.startswith("zh"):
        return "simplified"
    return "keep"


def converter(choice: str, language: str, task: str) -> Callable[[str], str] | None:
    """A text converter for this job, or None when nothing is to change.

    Only Chinese transcripts are converted: a Japanese one would lose its kanji forms, and a
    translation is English.
    """
    config = _CONFIGS.get(choice)
    if config is None or task != "transcribe" or language not in CHINESE_LANGUAGES:
        return None
    try:
        import opencc
    except ImportError as exc:
        raise UserError(msg("transcription.no_opencc",
                            "Converting Chinese needs OpenCC (pip install opencc); choose "
                            "keep to leave the text as it is.")) from exc
    return opencc.OpenCC(config).convert


def convert_segment(segment: Segment, convert: Callable[[str], str]) -> Segment:
    words = tuple(replace(w, text=convert(w.text)) for w in segment.words)
    return replace(segment, text=convert(segment.text), words=words)
