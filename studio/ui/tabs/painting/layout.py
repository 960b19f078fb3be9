"""The Painting tab's layout: controls on the left (scrolling), the image and gallery on the
right, the model banner on top, the message bar and Generate/Stop at the bottom."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.ui.widgets.image_viewer import ImageView
from studio.ui.widgets.message_bar import MessageBar
from studio.ui.widgets.prompt_edit import PromptEdit


class ZoomBar(QWidget):
    """Fit / 100 % / − / + for an ImageView, and the zoom it is at."""

    def __init__(self, view: ImageView, parent=None) -> None:
        super().__init__(parent)
        self.view = view
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        for text, tip, slot in (
                (self.tr("Fit"), self.tr("Fit the image in the view"), view.fit),
                ("100%", self.tr("Actual size"), lambda: view.set_zoom(1.0)),
                ("−", self.tr("Zoom out (mouse wheel)"), view.zoom_out),
                ("+", self.tr("Zoom in (mouse wheel)"), view.zoom_in)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
        row.addWidget(self.label)
        row.addStretch(1)
        view.zoom_changed.connect(self._update)
        self._update()

    @Slot()
    def _update(self) -> None:
        if self.view.fitted:
            self.label.setText(self.tr("fitted"))
        else:
            self.label.setText(f"{self.view.zoom:.0%}")


def build_layout(tab) -> None:
    """Make the tab's editors, viewer and banner, and lay everything out."""
    tab.prompt = PromptEdit(tab)
    tab.prompt.setPlaceholderText(tab.tr("Describe the picture: a lighthouse at dusk, oil "
                                         "painting. Ctrl+Enter paints, Esc stops; drop an "
                                         "image to reuse its settings."))
    tab.negative = PromptEdit(tab)
    tab.negative.setPlaceholderText(tab.tr("Negative prompt: what to avoid (blurry, text…)"))
    tab.negative.setMaximumHeight(64)
    tab.viewer = ImageView(tab.tr("The picture appears here while it is painted. Results "
                                  "collect in the gallery below."), tab)
    tab.viewer.setObjectName("painting-viewer")
    tab.banner = MessageBar(tab)  # the model to paint with, when there is none
    tab.banner.setObjectName("painting-model-banner")

    controls = QWidget(tab)
    column = QVBoxLayout(controls)
    column.setContentsMargins(0, 0, 6, 0)
    column.addWidget(QLabel(tab.tr("Prompt"), tab))
    tab.prompt.setMinimumHeight(90)
    column.addWidget(tab.prompt, 2)
    column.addWidget(tab.negative)
    column.addWidget(tab.source, 3)
    column.addWidget(tab.params)
    tab.controls_column = column  # the source takes room only when it shows an image
    scroll = QScrollArea(tab)
    scroll.setWidget(controls)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(controls.minimumSizeHint().width()
                           + scroll.verticalScrollBar().sizeHint().width())

    picture = QWidget(tab)
    view = QVBoxLayout(picture)
    view.setContentsMargins(0, 0, 0, 0)
    view.addWidget(tab.viewer, 1)
    view.addWidget(ZoomBar(tab.viewer, tab))
    right = QSplitter(Qt.Orientation.Vertical, tab)
    right.addWidget(picture)
    right.addWidget(tab.results)
    right.setStretchFactor(0, 3)
    right.setStretchFactor(1, 1)
    right.setChildrenCollapsible(False)
    split = QSplitter(tab)
    split.addWidget(scroll)
    split.addWidget(right)
    split.setStretchFactor(1, 1)
    split.setChildrenCollapsible(False)
    layout = QVBoxLayout(tab)
    layout.addWidget(tab.banner)
    layout.addWidget(split, 1)
    layout.addWidget(tab.message)
    layout.addLayout(tab.button_row())
