"""Generation parameters of the Writing tab, grouped, with defaults and tooltips."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.engines.writing.request import DEFAULT_MAX_NEW_TOKENS
from studio.core.engines.writing.text import parse_stops


class WritingParams(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)

        self.max_new_tokens = self._int(1, 8192, DEFAULT_MAX_NEW_TOKENS,
                                        self.tr("Most tokens to generate"))
        self.max_length = self._int(0, 32768, 0, self.tr("Prompt plus new tokens (0 = no limit)"))
        self.max_length.setSpecialValueText(self.tr("off"))
        self.sequences = self._int(1, 8, 1, self.tr("How many alternative texts to write"))
        self.no_repeat = self._int(
            0, 10, 0, self.tr("Never repeat an n-gram of this size (0 = off)")
        )
        self.no_repeat.setSpecialValueText(self.tr("off"))
        self.sample = QCheckBox(self.tr("Sample"), self)
        self.sample.setChecked(True)
        self.sample.setToolTip(
            self.tr("Off: always take the most likely token (greedy/beam search)")
        )
        self.temperature = self._float(0.0, 2.0, 0.7, 0.05, self.tr("Higher is more varied"))
        self.top_k = self._int(
            0, 1000, 50, self.tr("Sample among the k most likely tokens (0 = all)")
        )
        self.top_p = self._float(
            0.01, 1.0, 0.95, 0.05, self.tr("Nucleus sampling: keep this much probability mass")
        )
        self.repetition_penalty = self._float(
            0.5, 2.0, 1.0, 0.05, self.tr("Above 1 discourages repeating tokens")
        )
        self.beams = self._int(1, 16, 1, self.tr("Beam search width (transformers only)"))
        self.early_stopping = QCheckBox(self.tr("Early stopping"), self)
        self.early_stopping.setToolTip(
            self.tr("Beam search stops when enough finished candidates exist")
        )
        self.seed = self._int(
            -1, 2**31 - 1, -1, self.tr("Same seed and settings give the same text")
        )
        self.seed.setSpecialValueText(self.tr("random"))
        self.stop = QLineEdit(self)
        self.stop.setPlaceholderText(self.tr("e.g. \\n\\n | THE END"))
        self.stop.setToolTip(self.tr("Stop strings separated by |; \\n means a new line, \\t a "
                                     "tab, \\| a literal bar"))

        length = QGroupBox(self.tr("Length"), self)
        f1 = QFormLayout(length)
        f1.addRow(self.tr("Max new tokens"), self.max_new_tokens)
        f1.addRow(self.tr("Max length"), self.max_length)
        f1.addRow(self.tr("Stop at"), self.stop)
        sampling = QGroupBox(self.tr("Sampling"), self)
        f2 = QFormLayout(sampling)
        f2.addRow(self.sample)
        f2.addRow(self.tr("Temperature"), self.temperature)
        f2.addRow(self.tr("Top-k"), self.top_k)
        f2.addRow(self.tr("Top-p"), self.top_p)
        f2.addRow(self.tr("Repetition penalty"), self.repetition_penalty)
        f2.addRow(self.tr("Seed"), self.seed)
        output = QGroupBox(self.tr("Output"), self)
        f3 = QFormLayout(output)
        f3.addRow(self.tr("Sequences"), self.sequences)
        f3.addRow(self.tr("No-repeat n-gram"), self.no_repeat)
        f3.addRow(self.tr("Beams"), self.beams)
        f3.addRow(self.early_stopping)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(length)
        layout.addWidget(sampling)
        layout.addWidget(output)
        layout.addStretch(1)
        self.sample.toggled.connect(self._sync)
        self._sync()

    def _int(self, lo: int, hi: int, value: int, tip: str) -> QSpinBox:
        box = QSpinBox(self, minimum=lo, maximum=hi, value=value)
        box.setToolTip(tip)
        return box

    def _float(self, lo: float, hi: float, value: float, step: float, tip: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self, minimum=lo, maximum=hi, value=value, singleStep=step)
        box.setDecimals(2)
        box.setToolTip(tip)
        return box

    def _sync(self) -> None:
        on = self.sample.isChecked()
        for w in (self.temperature, self.top_k, self.top_p):
            w.setEnabled(on)

    def set_chat(self, chat: bool) -> None:
        """A conversation continues with one reply: the sequence count does not apply."""
        self.sequences.setEnabled(not chat)
        self.sequences.setToolTip(self.tr("A conversation continues with one reply") if chat
                                  else self.tr("How many alternative texts to write"))

    def stop_strings(self) -> tuple[str, ...]:
        return parse_stops(self.stop.text())  # the CLI's --stop reads the same way

    def values(self) -> dict[str, Any]:
        """Keyword arguments for WriteRequest."""
        seed = self.seed.value()
        return {
            "max_new_tokens": self.max_new_tokens.value(),
            "max_length": self.max_length.value() or None,
            "num_return_sequences": self.sequences.value(),
            "no_repeat_ngram_size": self.no_repeat.value(),
            "do_sample": self.sample.isChecked(),
            "temperature": self.temperature.value(),
            "top_k": self.top_k.value(),
            "top_p": self.top_p.value(),
            "repetition_penalty": self.repetition_penalty.value(),
            "num_beams": self.beams.value(),
            "early_stopping": self.early_stopping.isChecked(),
            "seed": None if seed < 0 else seed,
            "stop": self.stop_strings(),
        }

    def state(self) -> dict[str, Any]:
        v = self.values()
        v["seed"] = self.seed.value()
        v["max_length"] = self.max_length.value()
        v["stop"] = self.stop.text()
        return v

    def restore(self, data: dict[str, Any]) -> None:
        boxes = {
            "max_new_tokens": self.max_new_tokens,
            "max_length": self.max_length,
            "num_return_sequences": self.sequences,
            "no_repeat_ngram_size": self.no_repeat,
            "temperature": self.temperature,
            "top_k": self.top_k,
            "top_p": self.top_p,
            "repetition_penalty": self.repetition_penalty,
            "num_beams": self.beams,
            "seed": self.seed,
        }
        for key, box in boxes.items():
            value = data.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool) and value == value:
                # A hand-edited or old draft may hold anything: clamp into the box's range.
                value = max(box.minimum(), min(box.maximum(), value))
                box.setValue(int(value) if isinstance(box, QSpinBox) else float(value))
        for key, box in (("do_sample", self.sample), ("early_stopping", self.early_stopping)):
            if isinstance(data.get(key), bool):
                box.setChecked(data[key])
        if isinstance(data.get("stop"), str):
            self.stop.setText(data["stop"])
