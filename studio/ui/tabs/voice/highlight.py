"""Which sentence is being heard: the speech's timeline, and that sentence lit in the editor.

While a job runs, each AudioChunk is one sentence (after the pause that precedes
it); the job's Progress steps say which sentence of the text it is, so sentences
the voice skipped do not shift the rest.  The result's exact timings replace the
counted ones at the end.  The sentences' places in the text come from the same
splitting the engine uses, computed off the UI thread; once the text is edited,
nothing is lit any more.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from studio.ui.widgets.transport import ACTIVE

LIT = QColor("#fde68a")


class SpokenText(QObject):
    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.timeline: list[tuple[float, float, int]] = []  # (start s, end s, sentence index)
        self.spans: list[tuple[int, int]] | None = None  # each sentence's place in the text
        self.frames = 0  # audio frames of the job so far
        self.step = 0  # sentences the job has finished: the next chunk is this one
        self.lit = -1
        self._pause_s = 0.0
        self._edited = True
        editor.textChanged.connect(self._on_text_changed)

    def begin(self, pause_s: float, follow_text: bool) -> None:
        """A job starts (``follow_text``: its text is the editor's)."""
        self.frames, self.step, self._pause_s = 0, 0, pause_s
        self.spans, self._edited = None, not follow_text

    def clear(self) -> None:
        """The player shows other audio (a take from the list)."""
        self.timeline.clear()
        self.spans = None
        self.light(-1)

    def chunk(self, frames: int, rate: int) -> None:
        """One more sentence's audio arrived (``frames`` long, its pause included)."""
        if self.frames == 0:
            self.timeline.clear()
            self.light(-1)
        pause = min(round(self._pause_s * rate), frames) if self.frames else 0
        self.timeline.append(((self.frames + pause) / rate, (self.frames + frames) / rate,
                              self.step))
        self.frames += frames

    def exact(self, sentences) -> None:
        """The result's own timings (the same sentences, to the frame)."""
        if len(sentences) == len(self.timeline):
            self.timeline[:] = [(s.start, s.end, t[2])
                                for s, t in zip(sentences, self.timeline, strict=True)]

    def follow(self, status) -> None:
        """Light the sentence at the player's position."""
        if self._edited or self.spans is None:
            return
        t = status.position_s
        i = bisect.bisect_right([start for start, _, _ in self.timeline], t) - 1
        heard = status.state in ACTIVE or status.state == "paused"
        self.light(self.timeline[i][2] if heard and i >= 0 and t < self.timeline[i][1] else -1)

    def light(self, sentence: int) -> None:
        """Highlight sentence ``sentence`` of the job's text (-1: none)."""
        if sentence == self.lit:
            return
        self.lit = sentence
        if sentence < 0 or self.spans is None or sentence >= len(self.spans):
            self.editor.setExtraSelections([])
            return
        text = self.editor.toPlainText()
        # Python counts code points, Qt UTF-16 units (an emoji is two)
        start, end = (len(text[:i].encode("utf-16-le")) // 2 for i in self.spans[sentence])
        sel = QTextEdit.ExtraSelection()
        sel.format.setBackground(LIT)
        sel.cursor = QTextCursor(self.editor.document())
        sel.cursor.setPosition(start)
        sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setExtraSelections([sel])

    @Slot()
    def _on_text_changed(self) -> None:
        if not self._edited:
            self._edited = True
            self.light(-1)
