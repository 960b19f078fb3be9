"""A transcript as a table of segments: times and editable text, the played one highlighted.

``set_segments``/``append_segment`` fill it; a click on a segment emits
``segment_clicked(start seconds)`` (the tab plays the audio from there);
double-click or F2 edits a segment's text (``edited(index, text)``: the tab keeps the
edit; an edited segment loses its word times, which no longer match its words).
``set_position(seconds)`` highlights the segment being played, and the word being
played when the segment has word times.  Live mode adds a last, *tentative* row
(grey, italic, neither editable nor clickable) whose text may still change.
"""

from __future__ import annotations

import bisect
import html

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAbstractTextDocumentLayout, QBrush, QColor, QFont, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
)

from studio.core.jobs import Segment

from .transport import clock

PLAYING = QColor("#fef3c7")  # the segment being played
WORD = "#f59e0b"  # the word being played
TENTATIVE = QColor("#8a8f98")


def span(segment: Segment) -> str:
    """"0:03.2 – 0:05.9": tenths show where segments a second apart begin."""
    def at(t: float) -> str:
        return f"{clock(t)}.{int(max(0.0, t) * 10) % 10}"
    return f"{at(segment.start)} – {at(segment.end)}"


class _Delegate(QStyledItemDelegate):
    """Paints the row being played with its current word marked."""

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view

    def paint(self, painter, option, index) -> None:
        view = self.view
        words = view.segments[index.row()].words if index.row() < len(view.segments) else ()
        if index.column() != 1 or index.row() != view.active_row or view.active_word < 0 \
                or not words:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setTextWidth(rect.width())
        doc.setHtml(" ".join(
            f'<span style="background:{WORD}">{html.escape(w.text)}</span>'
            if i == view.active_word else html.escape(w.text) for i, w in enumerate(words)))
        top = rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.save()
        painter.setClipRect(option.rect)
        painter.translate(rect.left(), top)
        doc.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        painter.restore()


class TranscriptView(QTableWidget):
    segment_clicked = Signal(float)  # the start of the clicked segment, seconds
    edited = Signal(int, str)  # a segment's index and its new text

    def __init__(self, parent=None) -> None:
        super().__init__(0, 2, parent)
        self.segments: list[Segment] = []
        self.active_row = -1
        self.active_word = -1
        self.tentative = ""
        self._starts: list[float] = []
        self._filling = False
        self.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Text")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.set_editable(True)
        self.setItemDelegateForColumn(1, _Delegate(self))
        self.setToolTip(self.tr("Click a segment to play it; double-click (or F2) to edit "
                                "its text"))
        self.cellClicked.connect(self._on_clicked)
        self.itemChanged.connect(self._on_changed)
        self._relayout = QTimer(self)  # rows wrap to the new width once resizing settles
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(100)
        self._relayout.timeout.connect(self.resizeRowsToContents)

    def set_editable(self, on: bool) -> None:
        """Off while the transcript is still arriving (the engine's text would replace edits)."""
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed if on
                             else QAbstractItemView.EditTrigger.NoEditTriggers)

    # -- content -------------------------------------------------------------------------------
    def clear_segments(self) -> None:
        self.set_segments([])

    def set_segments(self, segments, tentative: str = "") -> None:
        self._filling = True
        self.segments = list(segments)
        self._starts = [s.start for s in self.segments]
        self.active_row = self.active_word = -1
        self.setRowCount(0)
        self.setRowCount(len(self.segments))
        for row, seg in enumerate(self.segments):
            self._fill(row, seg)
        self._filling = False
        self.tentative = ""
        self.set_tentative(tentative)
        self.resizeRowsToContents()

    def append_segment(self, segment: Segment) -> None:
        """Add a segment at the end (before the tentative row)."""
        self._filling = True
        row = len(self.segments)
        self.segments.append(segment)
        self._starts.append(segment.start)
        self.insertRow(row)
        self._fill(row, segment)
        self.resizeRowToContents(row)
        self._filling = False
        if self.state() != QAbstractItemView.State.EditingState:
            self.scrollToItem(self.item(row, 1))

    def set_live(self, segments: list[Segment], tentative: str) -> None:
        """Live mode: confirmed segments (the last ones may have grown) and the newest text."""
        keep = 0
        while (keep < min(len(segments), len(self.segments))
               and segments[keep] == self.segments[keep]):
            keep += 1
        self._filling = True
        self.setRowCount(keep)  # the changed segments and the tentative row go
        self.tentative = ""
        del self.segments[keep:]
        del self._starts[keep:]
        if self.active_row >= keep:
            self.active_row = self.active_word = -1
        self._filling = False
        for seg in segments[keep:]:
            self.append_segment(seg)
        self.set_tentative(tentative)

    def set_tentative(self, text: str) -> None:
        """The still-changing newest text, shown grey and italic under the segments."""
        row = len(self.segments)
        self._filling = True
        if not text:
            if self.tentative:
                self.removeRow(row)
        else:
            if not self.tentative:
                self.insertRow(row)
            time = QTableWidgetItem("…")
            item = QTableWidgetItem(text)
            font = QFont(self.font())
            font.setItalic(True)
            for cell in (time, item):
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                cell.setForeground(QBrush(TENTATIVE))
                cell.setFont(font)
            item.setToolTip(self.tr("Not final yet: the next part of the recording may "
                                    "change it"))
            self.setItem(row, 0, time)
            self.setItem(row, 1, item)
            self.resizeRowToContents(row)
            self.scrollToItem(item)
        self.tentative = text
        self._filling = False

    def _fill(self, row: int, seg: Segment) -> None:
        time = QTableWidgetItem(span(seg))
        time.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        time.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text = QTableWidgetItem(seg.text)
        text.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsEditable)
        self.setItem(row, 0, time)
        self.setItem(row, 1, text)

    def text(self) -> str:
        return "\n".join(s.text for s in self.segments if s.text.strip())

    # -- playback highlight --------------------------------------------------------------------
    def set_position(self, seconds: float) -> None:
        """Highlight the segment (and word) at ``seconds``; nothing when between segments."""
        row = bisect.bisect_right(self._starts, seconds) - 1
        if row >= 0 and seconds > self.segments[row].end + 0.25:
            row = -1
        word = -1
        if row >= 0:
            words = self.segments[row].words
            word = bisect.bisect_right([w.start for w in words], seconds) - 1 if words else -1
        if (row, word) == (self.active_row, self.active_word):
            return
        old, self.active_row, self.active_word = self.active_row, row, word
        for r in {old, row} - {-1}:
            if r < len(self.segments):
                for col in (0, 1):
                    item = self.item(r, col)
                    if item is not None:
                        item.setBackground(QBrush(PLAYING) if r == row else QBrush())
        if row >= 0 and row != old and self.state() != QAbstractItemView.State.EditingState:
            self.scrollToItem(self.item(row, 1))

    # -- user actions --------------------------------------------------------------------------
    @Slot(int, int)
    def _on_clicked(self, row: int, _column: int) -> None:
        if row < len(self.segments):
            self.segment_clicked.emit(self.segments[row].start)

    @Slot(QTableWidgetItem)
    def _on_changed(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if self._filling or item.column() != 1 or row >= len(self.segments):
            return
        text = item.text().strip()
        seg = self.segments[row]
        if text == seg.text:
            return
        self.segments[row] = Segment(seg.start, seg.end, text)  # the word times no longer fit
        self.resizeRowToContents(row)
        self.edited.emit(row, text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout.start()
