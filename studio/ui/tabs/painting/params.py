"""The Painting tab's parameters: steps, guidance, size, scheduler, seed, batches, strength,
LoRAs, and under Advanced the memory options and how often a preview comes.

"auto" (the lowest value of steps, guidance and size) means the model's own default;
once the model's defaults are known (read off the UI thread) the boxes say what
auto is for it, e.g. "auto (1)" for SD-Turbo's one step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.engines.painting import SCHEDULERS, ModelDefaults, PaintRequest, check_size
from studio.core.jobs import UserError
from studio.ui.texts import core_text

from .loras import LoraList

AUTO_GUIDANCE = -0.5  # the guidance box's "auto"
MAX_SEED = 2**31 - 1  # what a spin box holds
MEMORY = ("attention_slicing", "vae_slicing", "vae_tiling", "cpu_offload")


class PaintParams(QWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.steps = self._int(0, 150, 0, self.tr("Denoising steps (auto: the model's own)"))
        self.guidance = QDoubleSpinBox(self, minimum=AUTO_GUIDANCE, maximum=30.0,
                                       value=AUTO_GUIDANCE, singleStep=0.5)
        self.guidance.setDecimals(1)
        self.guidance.setToolTip(self.tr("How closely to follow the prompt (CFG scale)"))
        self.width_box = self._int(0, 4096, 0, self.tr("Width in pixels, a multiple of 8"), 64)
        self.height_box = self._int(0, 4096, 0, self.tr("Height in pixels, a multiple of 8"),
                                    64)
        self.size_note = QLabel(self)
        self.size_note.setWordWrap(True)
        self.size_note.setStyleSheet("color:#b91c1c;")
        self.size_note.hide()
        self.scheduler = QComboBox(self)
        for name in SCHEDULERS:
            self.scheduler.addItem(name, name)
        self.seed = self._int(0, MAX_SEED, 0, self.tr("The same seed and settings give the same "
                                                      "image"))
        self.dice = QToolButton(self)
        self.dice.setText("⚄ " + self.tr("random"))
        self.dice.setCheckable(True)
        self.dice.setChecked(True)
        self.dice.setToolTip(self.tr("A new random seed for every job (the one used is kept "
                                     "with the image)"))
        self.batch_count = self._int(1, 100, 1, self.tr("Batches made one after the other"))
        self.batch_size = self._int(1, 16, 1, self.tr("Images made together in one batch (uses "
                                                      "more memory)"))
        self.strength = QDoubleSpinBox(self, minimum=0.01, maximum=1.0, value=0.75,
                                       singleStep=0.05)
        self.strength.setToolTip(self.tr("How much of the start image is painted over (1 = "
                                         "all of it)"))
        self.mask_blur = self._int(0, 64, 4, self.tr("Soft edge, in pixels, where the repainted "
                                                     "area meets the kept one"))
        self.loras = LoraList(self)
        self.memory = {name: QCheckBox(label, self) for name, label in (
            ("attention_slicing", self.tr("Attention slicing")),
            ("vae_slicing", self.tr("VAE slicing")),
            ("vae_tiling", self.tr("VAE tiling (large images)")),
            ("cpu_offload", self.tr("CPU offload (NVIDIA GPUs)")))}
        for box in self.memory.values():
            box.setToolTip(self.tr("Uses less memory, a little slower; the image stays the same"))
        self.preview_every = self._int(0, 50, 1, self.tr("A preview every N steps (0 = none)"))
        self.preview_every.setSpecialValueText(self.tr("never"))
        self._build()
        self.set_defaults(None)
        for box in (self.steps, self.width_box, self.height_box, self.seed, self.batch_count,
                    self.batch_size, self.mask_blur, self.preview_every):
            box.valueChanged.connect(self._on_change)
        for box in (self.guidance, self.strength):
            box.valueChanged.connect(self._on_change)
        self.scheduler.currentIndexChanged.connect(self._on_change)
        self.dice.toggled.connect(self._on_change)
        self.loras.changed.connect(self._on_change)
        self._on_change()

    def _int(self, low: int, high: int, value: int, tip: str, step: int = 1) -> QSpinBox:
        box = QSpinBox(self, minimum=low, maximum=high, value=value, singleStep=step)
        box.setToolTip(tip)
        return box

    def _build(self) -> None:
        size = QHBoxLayout()
        size.addWidget(self.width_box, 1)
        size.addWidget(QLabel("×", self))
        size.addWidget(self.height_box, 1)
        seed = QHBoxLayout()
        seed.addWidget(self.seed, 1)
        seed.addWidget(self.dice)
        batch = QHBoxLayout()
        batch.addWidget(self.batch_count, 1)
        batch.addWidget(QLabel("×", self))
        batch.addWidget(self.batch_size, 1)
        main = QGroupBox(self.tr("Parameters"), self)
        form = QFormLayout(main)
        form.addRow(self.tr("Steps"), self.steps)
        form.addRow(self.tr("Guidance"), self.guidance)
        form.addRow(self.tr("Size"), size)
        form.addRow(self.size_note)
        form.addRow(self.tr("Scheduler"), self.scheduler)
        form.addRow(self.tr("Seed"), seed)
        form.addRow(self.tr("Batches × images"), batch)
        self.strength_label = QLabel(self.tr("Strength"), self)
        form.addRow(self.strength_label, self.strength)
        self.blur_label = QLabel(self.tr("Mask blur"), self)
        form.addRow(self.blur_label, self.mask_blur)
        form.addRow(self.loras)
        self.advanced_toggle = QToolButton(self)
        self.advanced_toggle.setText(self.tr("Advanced"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced_toggle.toggled.connect(lambda on: self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow))
        self.advanced = QGroupBox(self.tr("Memory and previews"), self)
        adv = QFormLayout(self.advanced)
        for box in self.memory.values():
            adv.addRow(box)
        adv.addRow(self.tr("Preview every"), self.preview_every)
        self.advanced.hide()
        self.advanced_toggle.toggled.connect(self.advanced.setVisible)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(main)
        layout.addWidget(self.advanced_toggle)
        layout.addWidget(self.advanced)

    # -- what the boxes say ---------------------------------------------------------------
    def set_defaults(self, defaults: ModelDefaults | None) -> None:
        """Say what "auto" means for the chosen model (None: not known)."""
        auto = self.tr("auto")
        if defaults is None:
            texts = (auto, auto, auto, auto)
        else:
            texts = (f"{auto} ({defaults.steps})", f"{auto} ({defaults.guidance:g})",
                     f"{auto} ({defaults.size})",
                     f"{auto} ({defaults.scheduler})" if defaults.scheduler != "auto" else auto)
        self.steps.setSpecialValueText(texts[0])
        self.guidance.setSpecialValueText(texts[1])
        self.width_box.setSpecialValueText(texts[2])
        self.height_box.setSpecialValueText(texts[2])
        self.scheduler.setItemText(0, texts[3])

    def set_mode(self, mode: str) -> None:
        """Strength serves image-to-image and inpainting; the mask blur inpainting."""
        for w in (self.strength, self.strength_label):
            w.setVisible(mode != "txt2img")
        for w in (self.mask_blur, self.blur_label):
            w.setVisible(mode == "inpaint")

    def _on_change(self, *_args) -> None:
        self.seed.setEnabled(not self.dice.isChecked())
        problem = self.problem()
        self.size_note.setText(problem)
        self.size_note.setVisible(bool(problem))
        self.changed.emit()

    def size(self) -> tuple[int | None, int | None]:
        return self.width_box.value() or None, self.height_box.value() or None

    def problem(self) -> str:
        """Why the size cannot be used ("" when it can)."""
        width, height = self.size()
        if (width is None) != (height is None):
            return self.tr("Set both the width and the height, or leave both on auto.")
        if width is None:
            return ""
        try:
            check_size(width, height)
        except UserError as exc:
            return core_text(exc.message)
        return ""

    # -- values -------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """PaintRequest fields these boxes set."""
        width, height = self.size()
        return {
            "steps": self.steps.value() or None,
            "guidance": None if self.guidance.value() < 0 else round(self.guidance.value(), 2),
            "width": width, "height": height,
            "scheduler": self.scheduler.currentData() or "auto",
            "seed": None if self.dice.isChecked() else self.seed.value(),
            "batch_count": self.batch_count.value(), "batch_size": self.batch_size.value(),
            "strength": round(self.strength.value(), 3), "mask_blur": self.mask_blur.value(),
            "loras": self.loras.values(),
            "preview_every": self.preview_every.value(),
            **{name: box.isChecked() for name, box in self.memory.items()},
        }

    def state(self) -> dict[str, Any]:
        """For the draft: every box, the seed even while random is on."""
        out = self.values()
        out.update(seed=self.seed.value(), random_seed=self.dice.isChecked(),
                   steps=self.steps.value(), guidance=self.guidance.value(),
                   width=self.width_box.value(), height=self.height_box.value(),
                   loras=[list(x) for x in out["loras"]])
        return out

    def restore(self, data: Any) -> None:
        """From a draft or a request's fields (odd values are clamped or ignored)."""
        if not isinstance(data, dict):
            return
        boxes = {"steps": self.steps, "guidance": self.guidance, "width": self.width_box,
                 "height": self.height_box, "seed": self.seed, "batch_count": self.batch_count,
                 "batch_size": self.batch_size, "strength": self.strength,
                 "mask_blur": self.mask_blur, "preview_every": self.preview_every}
        for key, box in boxes.items():
            value = data.get(key)
            if key in data and value is None and key in ("steps", "guidance", "width", "height"):
                box.setValue(box.minimum())  # auto
            elif isinstance(value, int | float) and not isinstance(value, bool) and value == value:
                value = max(box.minimum(), min(box.maximum(), value))
                box.setValue(int(value) if isinstance(box, QSpinBox) else float(value))
        if isinstance(data.get("random_seed"), bool):
            self.dice.setChecked(data["random_seed"])
        if isinstance(data.get("scheduler"), str) and data["scheduler"] in SCHEDULERS:
            self.scheduler.setCurrentIndex(self.scheduler.findData(data["scheduler"]))
        if "loras" in data:
            self.loras.set_values(data["loras"])
        for name, box in self.memory.items():
            if isinstance(data.get(name), bool):
                box.setChecked(data[name])

    def load_request(self, request: PaintRequest, fields: set[str] | None = None) -> None:
        """Every box from ``request`` (only ``fields`` when given: settings read from an
        image restore what the image said, and leave the rest)."""
        data = {k: getattr(request, k) for k in (
            "steps", "guidance", "width", "height", "scheduler", "batch_count", "batch_size",
            "strength", "mask_blur", "loras", "preview_every", *MEMORY)}
        if fields is not None:
            data = {k: v for k, v in data.items() if k in fields}
        if fields is None or "seed" in fields:
            data.update(seed=request.seed or 0, random_seed=request.seed is None)
        self.restore(data)
