"""LoRA files with a weight each: a small table with Add… and Remove."""

from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.engines.painting.request import MAX_LORAS


class LoraList(QWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.files: list[str] = []
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("LoRA file"), self.tr("Weight")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("Add LoRA…"), self)
        self.add_button.setToolTip(self.tr("A .safetensors LoRA file; its weight scales its "
                                           "effect (0 = off)"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self._sync()

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add LoRA files"), "",
                                                self.tr("LoRA (*.safetensors)"))
        for path in paths:
            self.add(path)

    def add(self, path: str, weight: float = 1.0) -> None:
        if len(self.files) >= MAX_LORAS:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(os.path.basename(path))
        item.setToolTip(path)
        self.table.setItem(row, 0, item)
        box = QDoubleSpinBox(self.table, minimum=-10.0, maximum=10.0, value=weight,
                             singleStep=0.1)
        box.setDecimals(2)
        box.valueChanged.connect(self.changed)
        self.table.setCellWidget(row, 1, box)
        self.files.append(path)
        self._sync()
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.files):
            self.table.removeRow(row)
            del self.files[row]
            self._sync()
            self.changed.emit()

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.files.clear()
        self._sync()

    def _sync(self) -> None:
        self.table.setVisible(bool(self.files))
        self.remove_button.setEnabled(bool(self.files))
        self.add_button.setEnabled(len(self.files) < MAX_LORAS)

    def values(self) -> tuple[tuple[str, float], ...]:
        return tuple((path, round(self.table.cellWidget(row, 1).value(), 3))
                     for row, path in enumerate(self.files))

    def set_values(self, loras) -> None:
        self.clear()
        for item in loras if isinstance(loras, list | tuple) else ():
            if (isinstance(item, list | tuple) and len(item) == 2 and isinstance(item[0], str)
                    and isinstance(item[1], int | float) and not isinstance(item[1], bool)):
                self.add(item[0], max(-10.0, min(10.0, float(item[1]))))
