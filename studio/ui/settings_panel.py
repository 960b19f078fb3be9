"""The shared settings panel: device, dtype, one model picker per task, downloads, audio."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.core import catalog
from studio.core.devices import DTYPES, Hardware, best_device
from studio.core.settings import WRITING_BACKENDS, Settings

from .audio_service import AudioService
from .audio_settings import AudioSettingsBox
from .endpoints import picker
from .endpoints.service import Section
from .hub_settings import HubSettingsBox
from .texts import model_description, model_label


class SettingsPanel(QWidget):
    changed = Signal(object)  # the new Settings
    models_requested = Signal(str)  # a model picker's "…": open the Models dialog at this task
    endpoints_requested = Signal()  # "Endpoints…": the servers' editor
    refresh_requested = Signal()  # ask the servers for their models again

    def __init__(self, settings: Settings, hardware: Hardware, parent=None,
                 audio: AudioService | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.audio_box = (AudioSettingsBox(audio, settings.input_device, settings.output_device,
                                           self) if audio is not None else None)
        self.hardware_label = QLabel(self)
        self.hardware_label.setWordWrap(True)
        self.device = QComboBox(self)
        self.device.setToolTip(self.tr("auto picks an NVIDIA GPU, then Apple GPU, then the CPU"))
        self.dtype = QComboBox(self)
        for name in DTYPES:
            self.dtype.addItem(self._dtype_label(name), name)
        self.dtype.setToolTip(self.tr("auto: half precision on GPUs, float32 on the CPU"))
        self.backend = QComboBox(self)
        for name in WRITING_BACKENDS:
            self.backend.addItem(self.tr("auto (fastest)") if name == "auto" else name, name)
        self.backend.setToolTip(self.tr("llama.cpp runs GGUF files fast on CPUs; transformers "
                                        "runs any causal language model"))
        self.budget = QDoubleSpinBox(self, minimum=0.0, maximum=1024.0, singleStep=1.0)
        self.budget.setDecimals(1)
        self.budget.setSuffix(" GB")
        self.budget.setSpecialValueText(self.tr("automatic"))
        self.budget.setToolTip(self.tr("Idle models are unloaded before loading another would "
                                       "use more memory than this; automatic: from the memory "
                                       "available when the app starts"))
        self.language = QComboBox(self)
        for code, name in (("", self.tr("System")), ("en", "English"), ("zh_CN", "简体中文")):
            self.language.addItem(name, code)
        self.language.setToolTip(self.tr("Takes effect when the app starts again"))
        self.force_after = QDoubleSpinBox(self, minimum=1.0, maximum=600.0, singleStep=1.0)
        self.force_after.setDecimals(0)
        self.force_after.setSuffix(self.tr(" s"))
        self.force_after.setToolTip(self.tr("After Stop, offer Force stop (restarting the engine) "
                                            "if a job is still running this long"))
        self.model_boxes: dict[str, QComboBox] = {}
        self.model_buttons: dict[str, QToolButton] = {}  # "…": the Models dialog at that task
        self._remote: dict[str, list[Section]] = {}  # per task, the endpoints' models
        self.hub_box = HubSettingsBox(settings, self)

        hw_box = QGroupBox(self.tr("Hardware"), self)
        hw_form = QFormLayout(hw_box)
        hw_form.addRow(self.hardware_label)
        hw_form.addRow(self.tr("Device"), self.device)
        hw_form.addRow(self.tr("Precision"), self.dtype)
        hw_form.addRow(self.tr("Memory budget"), self.budget)
        models_box = QGroupBox(self.tr("Models"), self)
        m_form = QFormLayout(models_box)
        labels = {"writing": self.tr("Writing"), "painting": self.tr("Painting"),
                  "voice": self.tr("Voice"), "transcription": self.tr("Transcription")}
        for task in catalog.TASKS:
            box = QComboBox(self)
            box.setMinimumContentsLength(24)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            browse = QToolButton(self)
            browse.setText("…")
            browse.setToolTip(self.tr("Models: download, add a folder or file, choose"))
            browse.clicked.connect(lambda _=False, t=task: self.models_requested.emit(t))
            row = QHBoxLayout()
            row.addWidget(box, 1)
            row.addWidget(browse)
            m_form.addRow(labels[task], row)
            self.model_boxes[task] = box
            self.model_buttons[task] = browse
        m_form.addRow(self.tr("Writing backend"), self.backend)
        self.endpoints_button = QToolButton(self)
        self.endpoints_button.setText(self.tr("Endpoints…"))
        self.endpoints_button.setToolTip(self.tr("Inference servers (vLLM, Xinference, "
                                                 "llama.cpp, Ollama…) the tabs can run on"))
        self.endpoints_button.clicked.connect(self.endpoints_requested)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setText(self.tr("Refresh server models"))
        self.refresh_button.setToolTip(self.tr("Ask every endpoint again which models it "
                                               "serves"))
        self.refresh_button.clicked.connect(self.refresh_requested)
        server_row = QHBoxLayout()
        server_row.addWidget(self.endpoints_button)
        server_row.addWidget(self.refresh_button)
        server_row.addStretch(1)
        m_form.addRow(server_row)

        app_box = QGroupBox(self.tr("Interface"), self)
        a_form = QFormLayout(app_box)
        a_form.addRow(self.tr("Language"), self.language)
        a_form.addRow(self.tr("Force stop after"), self.force_after)
        layout = QVBoxLayout(self)
        layout.addWidget(hw_box)
        layout.addWidget(models_box)
        layout.addWidget(self.hub_box)
        if self.audio_box is not None:
            layout.addWidget(self.audio_box)
        layout.addWidget(app_box)
        layout.addStretch(1)
        self.set_hardware(hardware)
        self._load(settings)
        self.device.currentIndexChanged.connect(self._emit)
        self.dtype.currentIndexChanged.connect(self._emit)
        self.backend.currentIndexChanged.connect(self._emit)
        self.budget.valueChanged.connect(self._emit)
        self.force_after.valueChanged.connect(self._emit)
        self.language.currentIndexChanged.connect(self._emit)
        for box in self.model_boxes.values():
            box.currentIndexChanged.connect(self._emit)
        if self.audio_box is not None:
            self.audio_box.changed.connect(self._emit)
        self.hub_box.changed.connect(self._emit)

    def _dtype_label(self, name: str) -> str:
        return self.tr("auto") if name == "auto" else name

    def describe(self, device: str) -> str:
        """Name the hardware behind a device choice, for people (translated)."""
        hw = self.hardware
        if device == "auto":
            device = best_device(hw)
        if device == "cpu":
            return self.tr("%1, %2 cores").replace("%1", hw.cpu_name).replace(
                "%2", str(hw.cpu_cores))
        return hw.describe(device)

    def set_hardware(self, hw: Hardware) -> None:
        self.hardware = hw
        lines = [self.tr("CPU: %1").replace("%1", self.describe("cpu"))]
        lines += [acc.name for acc in hw.accelerators]
        self.hardware_label.setText("\n".join(lines))
        current = self.device.currentData() or self.settings.device
        self.device.blockSignals(True)
        self.device.clear()
        for name in hw.devices:
            if name == "auto":
                label = self.tr("auto: %1").replace("%1", self.describe("auto"))
            else:
                label = f"{name}: {self.describe(name)}"
            self.device.addItem(label, name)
        if current not in hw.devices:  # keep a saved choice visible even if absent now
            self.device.addItem(self.tr("%1 (not available)").replace("%1", current), current)
        self.device.setCurrentIndex(self.device.findData(current))
        self.device.blockSignals(False)

    def _load(self, s: Settings) -> None:
        for box in (self.dtype, self.backend):
            box.blockSignals(True)
        self.dtype.setCurrentIndex(max(0, self.dtype.findData(s.dtype)))
        self.backend.setCurrentIndex(max(0, self.backend.findData(s.writing_backend)))
        for box in (self.budget, self.language, self.force_after):
            box.blockSignals(True)
        self.budget.setValue(s.memory_budget_gb)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.force_after.setValue(s.force_stop_after_s)
        for box in (self.budget, self.language, self.force_after):
            box.blockSignals(False)
        for box in (self.dtype, self.backend):
            box.blockSignals(False)
        for task, box in self.model_boxes.items():
            box.blockSignals(True)
            box.clear()
            for entry in catalog.for_task(task):
                box.addItem(model_label(entry), entry.id)
                box.setItemData(box.count() - 1, self._tooltip(entry), 3)  # ToolTipRole
            remote = s.remote_for(task)
            picker.add_sections(box, self._remote.get(task, []), remote)
            self._select(box, s.model_for(task), *(remote or ()))
            box.blockSignals(False)

    def _tooltip(self, entry: catalog.CatalogEntry) -> str:
        where = self.tr("built in") if entry.bundled else entry.repo
        return f"{model_description(entry)}\n{where} · {entry.size_mb:.0f} MB · {entry.license}"

    @staticmethod
    def _select(box: QComboBox, ref: str, endpoint: str = "", model: str = "") -> None:
        if endpoint:  # a server's model (``ref``, the local one, stays in the settings)
            picker.select_remote(box, endpoint, model)
            return
        index = picker.find(box, "", ref)
        if index < 0 and ref:
            index = picker.local_end(box)
            box.insertItem(index, ref, ref)  # a local folder or hub id the user chose
        box.setCurrentIndex(max(index, 0))

    def set_model(self, task: str, ref: str, endpoint: str = "") -> None:
        """Choose ``ref`` for ``task``: a local model, or with ``endpoint`` that server's."""
        box = self.model_boxes[task]
        if endpoint:
            self._select(box, "", endpoint, ref)
        else:
            self._select(box, ref)

    def set_remote_sections(self, sections: dict[str, list[Section]]) -> None:
        """The endpoints' models per task (the choices made stay as they are)."""
        self._remote = sections
        for task, box in self.model_boxes.items():
            box.blockSignals(True)
            endpoint, ref = picker.choice(box)
            picker.clear_sections(box)
            picker.add_sections(box, sections.get(task, []), (endpoint, ref) if endpoint
                                else None)
            self._select(box, ref, endpoint, ref)
            box.blockSignals(False)

    def current(self) -> Settings:
        models, remote = dict(self.settings.models), {}
        for task, box in self.model_boxes.items():
            endpoint, ref = picker.choice(box)
            if endpoint:
                remote[task] = {"endpoint": endpoint, "model": ref}
            else:
                models[task] = ref
        audio_in, audio_out = (self.audio_box.values() if self.audio_box is not None
                               else (self.settings.input_device, self.settings.output_device))
        return dataclasses.replace(
            self.settings,
            device=self.device.currentData() or "auto",
            dtype=self.dtype.currentData() or "auto",
            writing_backend=self.backend.currentData() or "auto",
            memory_budget_gb=self.budget.value(),
            force_stop_after_s=self.force_after.value(),
            language=self.language.currentData() or "",
            models=models,
            remote_models=remote,
            input_device=audio_in,
            output_device=audio_out,
            **self.hub_box.values(),
        )

    def update_settings(self, **changes) -> None:
        """Change fields no widget here edits (the Models dialog's local models)."""
        self.settings = dataclasses.replace(self.settings, **changes)
        self.changed.emit(self.settings)

    def _emit(self, *_args) -> None:
        new = self.current()
        if new != self.settings:
            self.settings = new
            self.changed.emit(new)
