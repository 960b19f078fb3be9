"""How one history row looks: preview, title, star, task · time · model · marks, snippet.

The preview is the first file's thumbnail (images) when it has loaded, else a badge in
the task's colour; audio files add their duration.  Missing files and stopped results
are marked in words, not only colour.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from studio.ui.history_service import Row
from studio.ui.texts import format_duration

from .labels import TASK_COLOURS, missing_label, model_name, snippet, status_label, task_label, when
from .media import THUMB, Media
from .model import ROW_ROLE

PAD = 6
STOPPED, MISSING, STAR = QColor("#b45309"), QColor("#b91c1c"), QColor("#d97706")


def _line(font: QFont) -> int:
    """A line's height with Chinese in it too (the CJK fallback font is taller)."""
    metrics = QFontMetrics(font)
    return max(metrics.height(), metrics.boundingRect("写Agy").height())


def _fonts(font: QFont) -> tuple[QFont, QFont]:
    """(bold for the title, smaller for the details)."""
    bold, small = QFont(font), QFont(font)
    bold.setBold(True)
    small.setPointSizeF(font.pointSizeF() * 0.9)
    return bold, small


class RowDelegate(QStyledItemDelegate):
    def __init__(self, media: Media, parent=None) -> None:
        super().__init__(parent)
        self.media = media

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        bold, small = _fonts(option.font)
        lines = _line(bold) + 2 * _line(small) + 4
        return QSize(max(option.rect.width(), 200), max(THUMB, lines) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row: Row | None = index.data(ROW_ROLE)
        if row is None:
            return
        entry = row.entry
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.highlightedText() if selected else opt.palette.text()
        faint = ink.color() if selected else opt.palette.placeholderText().color()

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)
        picture = QRect(box.left(), box.top(), THUMB, THUMB)
        previews = [self.media.preview(f) for f in entry.files if f not in row.missing]
        thumb = next((p for p in previews if isinstance(p, QPixmap)), None)
        if thumb is not None:
            target = thumb.rect()
            target.moveCenter(picture.center())
            painter.drawPixmap(target, thumb)
        else:  # a badge in the task's colour with its first letter (写 in Chinese)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(TASK_COLOURS.get(entry.task, "#6b7280")))
            painter.drawRoundedRect(picture.adjusted(8, 8, -8, -8), 8, 8)
            painter.setPen(QColor("white"))
            font = QFont(opt.font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.3)
            painter.setFont(font)
            painter.drawText(picture, Qt.AlignmentFlag.AlignCenter, task_label(entry.task)[:1])

        text = box.adjusted(THUMB + 8, 0, 0, 0)
        base = QFont(opt.font)
        bold, small = _fonts(base)
        line = _line(bold)

        star = "★" if entry.favourite else ""
        star_w = QFontMetrics(base).horizontalAdvance("★ ") if star else 0
        if star:
            painter.setFont(base)
            painter.setPen(ink.color() if selected else STAR)
            painter.drawText(QRect(text.right() - star_w, text.top(), star_w, line),
                             Qt.AlignmentFlag.AlignRight, star)
        painter.setFont(bold)
        painter.setPen(ink.color())
        title = QFontMetrics(bold).elidedText(entry.title, Qt.TextElideMode.ElideRight,
                                               text.width() - star_w)
        painter.drawText(QRect(text.left(), text.top(), text.width(), line),
                         Qt.AlignmentFlag.AlignLeft, title)

        # task · time · model, then the marks in their own colours
        x = text.left()
        y = text.top() + line + 2
        painter.setFont(small)
        metrics = QFontMetrics(small)
        small_line = _line(small)
        seconds = next((p for p in previews if isinstance(p, float)), None)
        parts = [(" · ".join(p for p in (task_label(entry.task), when(entry.created),
                                          model_name(entry.model)) if p), faint)]
        if seconds is not None:
            parts.append((format_duration(seconds), faint))
        for label, colour in ((status_label(entry), STOPPED),
                              (missing_label(row.missing, entry.files), MISSING)):
            if label:
                parts.append((label, ink.color() if selected else colour))
        for i, (label, colour) in enumerate(parts):
            shown = (" · " if i else "") + label
            room = text.right() - x
            if room <= 0:
                break
            shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, room)
            painter.setPen(colour)
            painter.drawText(QRect(x, y, room, small_line), Qt.AlignmentFlag.AlignLeft, shown)
            x += metrics.horizontalAdvance(shown)

        y += small_line + 2
        painter.setPen(faint)
        painter.drawText(QRect(text.left(), y, text.width(), small_line),
                         Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(snippet(entry), Qt.TextElideMode.ElideRight,
                                            text.width()))
        painter.restore()
