"""The Voice tab's controls: the voice (with a short preview), its speaker, speed, volume, the
pause between sentences, and under Advanced Piper's noise scales and the seed of
transformers voices.

The voice list is the catalogue's (hub voices that are not downloaded yet say so
once a background check has looked) plus a folder or file the user chose; what
the chosen voice offers (speakers, sample rate, language, backend) arrives as a
``VoiceInfo`` read from its files off the UI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.catalog import CatalogEntry
from studio.core.engines.voice.request import DEFAULT_PAUSE_S, HF, SpeakRequest, VoiceInfo
from studio.ui.texts import model_label

SAMPLES = {"zh": "你好！这就是我的声音。", "de": "Hallo! So klingt meine Stimme.",
           "fr": "Bonjour ! Voici ma voix.", "es": "¡Hola! Así suena mi voz.",
           "en": "Hello! This is how I sound."}
REMOTE_ROLE = Qt.ItemDataRole.UserRole + 1  # a server's voice: its endpoint's name
DEFAULT_NOISE = -0.05  # the spin boxes' lowest value: "the voice's own"


def sample_sentence(language: str) -> str:
    """A short sentence in ``language`` ("zh-CN", "en"...) for the voice preview."""
    return SAMPLES.get(language.split("-")[0].split("_")[0].lower(), SAMPLES["en"])


def missing_voices() -> frozenset[str]:
    """The catalogue's hub voices that are not downloaded (reads the hub cache: run it off the
    UI thread)."""
    from studio.core.engines.voice import catalogue_voices
    from studio.core.jobs import UserError
    from studio.core.models import resolve

    missing = set()
    for entry in catalogue_voices():
        if not entry.bundled:
            try:
                resolve(entry.id, "voice")
            except UserError:
                missing.add(entry.id)
    return frozenset(missing)


def _spin(parent, low, high, value, step, decimals=2, suffix="") -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent, minimum=low, maximum=high, value=value, singleStep=step)
    box.setDecimals(decimals)
    box.setSuffix(suffix)
    return box


class VoiceControls(QWidget):
    voice_chosen = Signal(str)  # the user picked a voice (catalogue id or path)
    preview_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.info: VoiceInfo | None = None
        self._wanted_speaker = ""  # restored before the speaker list is known
        self.remote: tuple[str, str] | None = None  # (endpoint, model): a server's voice
        self.voice = QComboBox(self)
        self.voice.setMinimumContentsLength(18)
        self.voice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setToolTip(self.tr("Hear one short sentence in this voice"))
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setObjectName("voice-about")
        self.speaker = QComboBox(self)
        self.speed = _spin(self, 0.5, 2.0, 1.0, 0.1, suffix="×")
        self.speed.setToolTip(self.tr("1 is the voice's own pace; 1.5 faster, 0.8 slower"))
        self.volume = QSpinBox(self, minimum=0, maximum=400, value=100, singleStep=10)
        self.volume.setSuffix(" %")
        self.pause = _spin(self, 0.0, 5.0, DEFAULT_PAUSE_S, 0.05, suffix=self.tr(" s"))
        self.pause.setToolTip(self.tr("Silence between sentences"))
        self.noise = _spin(self, DEFAULT_NOISE, 2.0, DEFAULT_NOISE, 0.05)
        self.noise.setToolTip(self.tr("How much the voice varies (VITS noise scale)"))
        self.noise_w = _spin(self, DEFAULT_NOISE, 2.0, DEFAULT_NOISE, 0.05)
        self.noise_w.setToolTip(self.tr("How much the rhythm varies (VITS noise width)"))
        for box in (self.noise, self.noise_w):
            box.setSpecialValueText(self.tr("voice default"))
        self.seed = QSpinBox(self, minimum=-1, maximum=2**31 - 1, value=-1)
        self.seed.setSpecialValueText(self.tr("random"))
        self.seed.setToolTip(self.tr("Transformers voices: the same seed gives the same audio"))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.voice, 1)
        row.addWidget(self.preview_button)
        voice_box = QGroupBox(self.tr("Voice"), self)
        form = QFormLayout(voice_box)
        form.addRow(row)
        form.addRow(self.about)
        self.speaker_label = QLabel(self.tr("Speaker"), self)
        form.addRow(self.speaker_label, self.speaker)
        form.addRow(self.tr("Speed"), self.speed)
        form.addRow(self.tr("Volume"), self.volume)
        form.addRow(self.tr("Pause"), self.pause)
        advanced = QGroupBox(self.tr("Advanced"), self)
        adv = QFormLayout(advanced)
        adv.addRow(self.tr("Noise"), self.noise)
        adv.addRow(self.tr("Rhythm noise"), self.noise_w)
        self.seed_label = QLabel(self.tr("Seed"), self)
        adv.addRow(self.seed_label, self.seed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(voice_box)
        layout.addWidget(advanced)
        self.voice.activated.connect(self._on_voice)
        self.speaker.currentIndexChanged.connect(self._on_speaker)
        self.preview_button.clicked.connect(self.preview_requested)
        self.set_info(None)

    # -- the voice ----------------------------------------------------------------------
    def set_voices(self, entries: list[CatalogEntry], current: str,
                   missing: frozenset[str] = frozenset()) -> None:
        """The catalogue's voices (those in ``missing`` marked as not downloaded)."""
        self.voice.blockSignals(True)
        self.voice.clear()
        for entry in entries:
            label = model_label(entry)
            if entry.id in missing:
                label = self.tr("%1 (not downloaded)").replace("%1", label)
            self.voice.addItem(label, entry.id)
            self.voice.setItemData(self.voice.count() - 1, f"{entry.language} · "
                                   f"{entry.license} · {entry.size_mb:.0f} MB", 3)  # tooltip
        self.voice.blockSignals(False)
        self.select_voice(current, self.remote)

    def select_voice(self, ref: str, remote: tuple[str, str] | None = None) -> None:
        """Show ``ref`` (a local voice), or ``remote`` ((endpoint, model): a server's)."""
        self.remote = remote
        self.voice.blockSignals(True)
        for row in reversed(range(self.voice.count())):
            if self.voice.itemData(row, REMOTE_ROLE):
                self.voice.removeItem(row)
        index = self.voice.findData(ref)
        if remote is not None:
            self.voice.addItem(f"{remote[1]} · {remote[0]}", remote[1])
            index = self.voice.count() - 1
            self.voice.setItemData(index, remote[0], REMOTE_ROLE)
        elif index < 0 and ref:
            self.voice.addItem(ref, ref)  # a folder or file the user chose
            index = self.voice.count() - 1
        self.voice.setCurrentIndex(max(index, 0))
        self.voice.blockSignals(False)

    def current_voice(self) -> str:
        return self.voice.currentData() or ""

    @Slot(int)
    def _on_voice(self, index: int) -> None:
        if not self.voice.itemData(index, REMOTE_ROLE):  # a server's: chosen in Settings
            self.voice_chosen.emit(self.current_voice())

    @Slot(int)
    def _on_speaker(self, _index: int) -> None:
        self._wanted_speaker = self.speaker.currentData() or ""

    def set_info(self, info: VoiceInfo | None, problem: str = "") -> None:
        """What the chosen voice offers (None while unknown; ``problem`` when unusable)."""
        self.info = info
        names = info.speakers if info is not None else ()
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItem(self.tr("Default"), "")
        for name in names:
            self.speaker.addItem(name, name)
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(self._wanted_speaker)))
        self.speaker.blockSignals(False)
        for w in (self.speaker, self.speaker_label):
            w.setVisible(bool(names))
        hf = info is not None and info.backend == HF
        for w in (self.seed, self.seed_label):
            w.setVisible(hf)
        if problem:
            self.about.setText(problem)
        elif info is None:
            self.about.setText("")
        else:
            parts = [info.language or self.tr("language not stated"), f"{info.sample_rate} Hz",
                     "Piper" if info.backend != HF else f"transformers ({info.kind})"]
            if names:
                parts.append(self.tr("%1 speakers").replace("%1", str(len(names))))
            self.about.setText(" · ".join(parts))

    def language(self) -> str:
        return self.info.language if self.info is not None else ""

    # -- values -------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The SpeakRequest fields these controls set."""
        def noise(box: QDoubleSpinBox) -> float | None:
            return None if box.value() < 0 else round(box.value(), 2)

        seed = self.seed.value()
        return {
            "speaker": self.speaker.currentData() or (
                "" if self.info is not None else self._wanted_speaker),
            "length_scale": round(1.0 / self.speed.value(), 6),
            "volume": self.volume.value() / 100,
            "sentence_pause_s": round(self.pause.value(), 2),
            "noise_scale": noise(self.noise), "noise_w_scale": noise(self.noise_w),
            "seed": None if seed < 0 else seed,
        }

    def state(self) -> dict[str, Any]:
        """For the draft."""
        return {"speed": self.speed.value(), "volume": self.volume.value(),
                "pause": self.pause.value(), "noise": self.noise.value(),
                "noise_w": self.noise_w.value(), "seed": self.seed.value(),
                "speaker": self._wanted_speaker}

    def restore(self, data: Any) -> None:
        if not isinstance(data, dict):
            return
        for name in ("speed", "pause", "noise", "noise_w"):
            value = data.get(name)
            if isinstance(value, int | float) and not isinstance(value, bool):
                getattr(self, name).setValue(float(value))
        for name in ("volume", "seed"):
            value = data.get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                getattr(self, name).setValue(value)
        if isinstance(data.get("speaker"), str):
            self._choose_speaker(data["speaker"])

    def load_request(self, request: SpeakRequest) -> None:
        """Use settings: every control from a recorded request."""
        self.speed.setValue(1.0 / request.length_scale if request.length_scale else 1.0)
        self.volume.setValue(round(request.volume * 100))
        self.pause.setValue(request.sentence_pause_s)
        self.noise.setValue(DEFAULT_NOISE if request.noise_scale is None else request.noise_scale)
        self.noise_w.setValue(DEFAULT_NOISE if request.noise_w_scale is None
                              else request.noise_w_scale)
        self.seed.setValue(-1 if request.seed is None else request.seed)
        self._choose_speaker(request.speaker)

    def _choose_speaker(self, name: str) -> None:
        self._wanted_speaker = name
        index = self.speaker.findData(name)
        if index >= 0:
            self.speaker.setCurrentIndex(index)
