"""Pure text helpers of the writing engine: stop strings, UTF-8 tails, the context budget.

No library imports here: both backends, the window, the CLI and the tests use these.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ...jobs import UserError
from ...messages import Message, msg
from .request import WriteRequest

REPLACEMENT = "\ufffd"
_ESCAPES = {"n": "\n", "t": "\t", "|": "|", "\\": "\\"}


def parse_stops(text: str) -> tuple[str, ...]:
    """Stop strings as users type them, in the window and on the command line alike.

    ``|`` separates strings; ``\\n`` is a new line, ``\\t`` a tab, ``\\|`` a literal bar and
    ``\\\\`` a backslash.  Spaces around a separator are for reading and are dropped
    (write ``\\t`` or a space inside other text to stop at whitespace); empty parts vanish.
    """
    parts: list[str] = []
    current: list[tuple[str, bool]] = []  # (character, was escaped) of the part being read
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPES:
            current.append((_ESCAPES[text[i + 1]], True))
            i += 2
            continue
        if ch == "|":
            parts.append(_join_stripped(current))
            current = []
        else:
            current.append((ch, False))
        i += 1
    parts.append(_join_stripped(current))
    return tuple(p for p in parts if p)


def _join_stripped(chars: list[tuple[str, bool]]) -> str:
    """Join, dropping unescaped spaces at both ends."""
    start, end = 0, len(chars)
    while start < end and not chars[start][1] and chars[start][0] == " ":
        start += 1
    while end > start and not chars[end - 1][1] and chars[end - 1][0] == " ":
        end -= 1
    return "".join(c for c, _ in chars[start:end])


class TextAssembler:
    """Builds one sequence's text from streamed pieces, cutting at the first stop string.

    Text that could be the start of a stop string is held back, so nothing that
    is later cut away is ever streamed.
    """

    def __init__(self, stop: tuple[str, ...] = ()) -> None:
        self.stop = tuple(stop)
        self.text = ""
        self._pending = ""
        self.stopped = False

    def feed(self, piece: str) -> str:
        """Add ``piece``; return the text that is safe to show now."""
        if self.stopped or not piece:
            return ""
        pending = self._pending + piece
        if not self.stop:
            self._pending = ""
            return self._emit(pending)
        hits = [i for i in (pending.find(s) for s in self.stop) if i >= 0]
        if hits:
            self.stopped = True
            self._pending = ""
            return self._emit(pending[: min(hits)])
        hold = 0
        for s in self.stop:
            for k in range(min(len(s) - 1, len(pending)), hold, -1):
                if pending.endswith(s[:k]):
                    hold = k
                    break
        self._pending = pending[len(pending) - hold:] if hold else ""
        return self._emit(pending[: len(pending) - hold])

    def flush(self) -> str:
        """End of the sequence: release held-back text (it was no stop string)."""
        out, self._pending = ("" if self.stopped else self._pending), ""
        return self._emit(out)

    def _emit(self, text: str) -> str:
        self.text += text
        return text


class Utf8Stream:
    """Decodes a stream of byte pieces (llama.cpp detokenizes token by token).

    A character split over several tokens is held back until it is complete.
    When the stream ends in the middle of one (max_new_tokens or a cancel cut
    it), ``finish()`` drops those bytes instead of showing a U+FFFD; invalid
    bytes inside the text still become U+FFFD as usual.
    """

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def push(self, data: bytes) -> str:
        return self._decoder.decode(data)

    def finish(self) -> str:
        """End of the stream: an incomplete last character is dropped."""
        self._decoder.reset()
        return ""


def drop_incomplete_tail(text: str) -> str:
    """Remove the U+FFFD a tokenizer's decode() gives for a cut-off last character.

    Tokenizers decode incomplete trailing bytes to one or more U+FFFD and say
    nothing else, so a genuine U+FFFD at the very end of a generation is dropped
    too (one inside the text is kept); models almost never write one on purpose.
    """
    return text.rstrip(REPLACEMENT)


@dataclass(frozen=True)
class Budget:
    ids: list[int]  # prompt ids after truncation
    new_tokens: int
    truncated: bool
    notices: tuple[Message, ...]


def fit_context(ids: list[int], req: WriteRequest, context: int) -> Budget:
    """New-token count from max_new_tokens/max_length, then fit prompt + new text in the context.

    When both limits are set, the tighter one wins.  If the prompt leaves a
    reasonable room (at least a quarter of the context, or all that was asked
    for), fewer new tokens are generated and the prompt stays whole; only a
    prompt that really does not fit is cut from the left, keeping a quarter of
    the context (or what was asked for, if less) for new text.
    """
    want = req.max_new_tokens if req.max_new_tokens is not None else context
    if req.max_length is not None:
        room = req.max_length - len(ids)
        if room < 1:
            raise UserError(msg(
                "writing.max_length_full",
                "max_length ({max_length}) leaves no room for new tokens after the "
                "{prompt}-token prompt; raise max_length or use max_new_tokens.",
                max_length=req.max_length, prompt=len(ids)))
        want = min(want, room)
    room = context - len(ids)
    if want <= room:
        return Budget(list(ids), want, False, ())
    floor = max(1, min(want, context // 4))
    if room >= floor:
        return Budget(list(ids), room, False, (msg(
            "writing.fewer_tokens",
            "Generating at most {room} new tokens: the prompt uses {prompt} of the "
            "model's {context}-token context.", room=room, prompt=len(ids), context=context),))
    keep = context - floor
    if keep < 1:
        raise UserError(msg("writing.context_too_small",
                            "The model's context ({context} tokens) is too small to generate "
                            "text.", context=context))
    return Budget(list(ids[-keep:]), floor, True, (msg(
        "writing.truncated",
        "Prompt truncated to the last {keep} tokens to fit the model's context "
        "({context} tokens, {floor} kept for new text).", keep=keep, context=context,
        floor=floor),))
