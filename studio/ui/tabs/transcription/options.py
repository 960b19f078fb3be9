"""The transcription options: language, task, beam size, VAD, word times, batched, prompt,
Chinese script.  ``request_fields()`` gives them as TranscribeRequest fields (the
Chinese choice "auto" resolved from the UI language, as the engine expects)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox

from studio.core.engines.transcription import chinese

# Whisper's codes with the languages' own names (what a speaker looks for in the list)
LANGUAGES = (("en", "English"), ("zh", "中文"), ("yue", "粵語"), ("ja", "日本語"),
             ("ko", "한국어"), ("de", "Deutsch"), ("fr", "Français"), ("es", "Español"),
             ("it", "Italiano"), ("pt", "Português"), ("ru", "Русский"),
             ("nl", "Nederlands"), ("tr", "Türkçe"), ("vi", "Tiếng Việt"))
MAX_BEAM = 10
BATCHED = {"auto": None, "on": True, "off": False}


class TranscriptionOptions(QGroupBox):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Options"))
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Detect"), "auto")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setToolTip(self.tr("The spoken language; Detect lets the model decide "
                                         "and says what it heard"))
        self.task = QComboBox(self)
        self.task.addItem(self.tr("Transcribe"), "transcribe")
        self.task.addItem(self.tr("Translate to English"), "translate")
        self.beam = QSpinBox(self, minimum=1, maximum=MAX_BEAM, value=5)
        self.beam.setToolTip(self.tr("Beam search width: higher can be more accurate, "
                                     "1 is fastest"))
        self.vad = QCheckBox(self.tr("Skip silence (VAD)"), self)
        self.vad.setToolTip(self.tr("Skip stretches without speech (faster-whisper); fewer "
                                    "invented words in long pauses"))
        self.words = QCheckBox(self.tr("Word timings"), self)
        self.words.setToolTip(self.tr("Time every word: the word being played is highlighted"))
        self.batched = QComboBox(self)
        for key, label in (("auto", self.tr("auto")), ("on", self.tr("on")),
                           ("off", self.tr("off"))):
            self.batched.addItem(label, key)
        self.batched.setToolTip(self.tr("Decode speech chunks in batches (faster-whisper): "
                                        "faster on long files; auto turns it on for files "
                                        "over 3 minutes"))
        self.prompt = QLineEdit(self)
        self.prompt.setPlaceholderText(self.tr("Names and terms to expect (optional)"))
        self.prompt.setToolTip(self.tr("Initial prompt: spellings of names and jargon help "
                                       "the model write them right"))
        self.chinese = QComboBox(self)
        self.chinese.addItem(self.tr("As the interface (Simplified for 简体中文)"), "auto")
        self.chinese.addItem(self.tr("Simplified"), "simplified")
        self.chinese.addItem(self.tr("Traditional"), "traditional")
        self.chinese.addItem(self.tr("As written by the model"), "keep")
        self.chinese.setToolTip(self.tr("Script of Chinese transcripts: Whisper often writes "
                                        "Mandarin in Traditional characters"))
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Task"), self.task)
        form.addRow(self.tr("Beam size"), self.beam)
        form.addRow(self.tr("Batched"), self.batched)
        form.addRow(self.tr("Chinese"), self.chinese)
        form.addRow(self.tr("Prompt"), self.prompt)
        form.addRow(self.vad)
        form.addRow(self.words)

    @staticmethod
    def ui_language(setting: str) -> str:
        """The interface language: the setting, else the system's (what the window shows)."""
        return setting or QLocale().name()

    def request_fields(self, ui_language: str = "") -> dict[str, Any]:
        return {
            "language": self.language.currentData(),
            "task": self.task.currentData(),
            "beam_size": self.beam.value(),
            "vad": self.vad.isChecked(),
            "word_timestamps": self.words.isChecked(),
            "batched": BATCHED[self.batched.currentData()],
            "initial_prompt": self.prompt.text().strip(),
            "chinese": chinese.resolve_choice(self.chinese.currentData(),
                                              self.ui_language(ui_language)),
        }

    def state(self) -> dict[str, Any]:
        """For the draft: the choices as made ("auto" stays auto)."""
        return {**self.request_fields(), "chinese": self.chinese.currentData(),
                "batched": self.batched.currentData()}

    def restore(self, data: Any) -> None:
        """From a draft or a recorded request; odd values are left as they are."""
        if not isinstance(data, dict):
            return
        for box, key in ((self.language, "language"), (self.task, "task"),
                         (self.chinese, "chinese")):
            index = box.findData(data.get(key))
            if isinstance(data.get(key), str) and index >= 0:
                box.setCurrentIndex(index)
        if "batched" in data:  # "auto"/"on"/"off" in a draft, None/True/False in a request
            batched = data["batched"]
            key = batched if isinstance(batched, str) else next(
                (k for k, v in BATCHED.items() if v is batched), "")
            if self.batched.findData(key) >= 0:
                self.batched.setCurrentIndex(self.batched.findData(key))
        beam = data.get("beam_size")
        if isinstance(beam, int) and not isinstance(beam, bool):
            self.beam.setValue(beam)  # clamped to the box's range
        for box, key in ((self.vad, "vad"), (self.words, "word_timestamps")):
            if isinstance(data.get(key), bool):
                box.setChecked(data[key])
        if isinstance(data.get("initial_prompt"), str):
            self.prompt.setText(data["initial_prompt"])
