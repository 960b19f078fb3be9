"""Voice tab: text to speech that starts playing with the first sentence.

Type, paste, drop or open a text; Speak sends it to the voice engine in the engine
host, which answers sentence by sentence.  The first sentence's audio starts the
player (``AudioPreview.start_stream``), later ones are appended while it plays, and
the sentence being heard is highlighted in the text.  Every take is written to the
outputs folder and recorded in the history (``VoiceHistory``); the takes list shows
them all, to replay, save as or delete.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.core.audio.write import writable_formats
from studio.core.engines.voice import catalogue_voices, split_sentences, voice_info
from studio.core.engines.voice.request import SpeakRequest
from studio.core.jobs import AudioChunk, Cancelled, Failed, Progress, Result
from studio.core.textfiles import read_text_file
from studio.ui.audio_service import AudioService
from studio.ui.history_service import HistoryService
from studio.ui.texts import core_text
from studio.ui.widgets.audio_preview import AudioPreview
from studio.ui.widgets.prompt_edit import TEXT_SUFFIXES, PromptEdit
from studio.ui.worker import BackgroundCalls

from ..base import TabBase
from .controls import VoiceControls, missing_voices, sample_sentence
from .highlight import SpokenText
from .records import VoiceHistory
from .takes import TakesList


class VoiceTab(VoiceHistory, TabBase):
    task = "voice"
    file_suffixes = TEXT_SUFFIXES
    uses_audio = True
    model_chosen = Signal(str, str)  # (task, ref): the user picked a voice here

    def __init__(self, settings, drafts, host, parent=None, audio: AudioService | None = None):
        super().__init__(settings, drafts, host, parent)
        self._init_takes()
        self.audio = audio if audio is not None else AudioService(settings, parent=self)
        self.io = BackgroundCalls("voice-io", self)
        self.previewing = False  # the job speaks the voice preview (not a take)
        self.awaiting_take: Any = None  # the record of the latest take, to select it

        self.text = PromptEdit(self)
        self.spoken = SpokenText(self.text)
        self.text.setPlaceholderText(self.tr("Type, paste or drop (.txt, .md) the text to "
                                             "speak. Ctrl+Enter speaks, Esc stops."))
        self.controls = VoiceControls(self)
        self.preview = AudioPreview(self.audio, self)
        self.takes = TakesList(self)
        self.open_button = QPushButton(self.tr("Open text…"), self)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setToolTip(self.tr("Save this speech as WAV, FLAC, OGG or MP3, with "
                                            "its subtitles (.srt) beside it"))
        self.run_button.setText(self.tr("Speak"))
        self.run_button.setToolTip(self.tr("Speak the text (Ctrl+Enter)"))
        self.stop_button.setToolTip(self.tr("Stop (Esc); the sentences made so far are kept"))
        self._build_layout()

        self.run_button.clicked.connect(self.speak)
        self.open_button.clicked.connect(self.choose_file)
        self.save_button.clicked.connect(self.save_take)
        self.text.file_dropped.connect(self.open_file)
        self.text.submit.connect(self.speak)
        self.text.escape.connect(self.stop)
        for keys, slot in (("Ctrl+Return", self.speak), ("Ctrl+Enter", self.speak),
                           (QKeySequence(Qt.Key.Key_Escape), self.stop)):
            QShortcut(QKeySequence(keys), self, slot).setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.controls.voice_chosen.connect(self._on_voice_chosen)
        self.controls.preview_requested.connect(self.speak_sample)
        self.preview.failed.connect(self._on_player_failed)
        self.takes.play_requested.connect(self.play_entry)
        self.takes.save_requested.connect(self.save_entry)
        self.takes.failed.connect(self.show_error)
        self.audio.player_status.connect(self._on_player_status)
        self.runner.progress.connect(self._on_step)
        self.runner.busy_changed.connect(self.sync_take_buttons)
        self.io.done.connect(self._on_io_done)
        self.io.failed.connect(self._on_io_failed)
        self.controls.remote = settings.remote_for("voice")  # a server's voice, or None
        self.controls.set_voices(catalogue_voices(), settings.model_for("voice"))
        self.io.call("voices", missing_voices)
        self.io.call("formats", writable_formats)
        self._ask_info()
        self.sync_take_buttons()

    def _build_layout(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text, 3)
        column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.preview, 1)
        self.preview.transport.layout().addWidget(self.save_button)  # saves what it holds
        column.addWidget(self.message)
        column.addLayout(self.button_row())
        takes = QGroupBox(self.tr("Takes"), self)
        QVBoxLayout(takes).addWidget(self.takes)
        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.controls)
        side.addWidget(takes, 1)  # the takes get the room the controls do not need
        right.setMinimumWidth(300)
        outer = QSplitter(self)
        outer.addWidget(left)
        outer.addWidget(right)
        outer.setStretchFactor(0, 1)
        QVBoxLayout(self).addWidget(outer)

    def attach_history(self, history: HistoryService) -> None:
        super().attach_history(history)
        self.takes.attach(history)
        history.recorded.connect(self._on_recorded)

    # -- the voice ----------------------------------------------------------------------------
    def on_model_ready(self, ref: str) -> None:
        self.io.call("voices", missing_voices)  # a voice marked "not downloaded" may be here now

    def apply_settings(self, settings) -> None:
        changed = settings.target_for("voice") != self.settings.target_for("voice")
        super().apply_settings(settings)
        if changed:
            self.controls.select_voice(settings.model_for("voice"), settings.remote_for("voice"))
            self._ask_info()

    @Slot(str)
    def _on_voice_chosen(self, ref: str) -> None:
        self.model_chosen.emit("voice", ref)  # the settings panel holds the model
        if self.settings.target_for("voice") != ("", ref):  # no window listening: keep it here
            self.apply_settings(dataclasses.replace(
                self.settings, models={**self.settings.models, "voice": ref}, remote_models={
                    t: c for t, c in self.settings.remote_models.items() if t != "voice"}))

    def _ask_info(self) -> None:
        self.controls.set_info(None)
        remote = self.settings.remote_for("voice")
        if remote is not None:  # the server knows its voices
            self.controls.set_info(None, self.tr("Spoken by the server %1 (its default "
                                                 "voice).").replace("%1", remote[0]))
            return
        ref = self.settings.model_for("voice")
        self.io.call(f"info:{ref}", voice_info, ref)

    # -- speaking -----------------------------------------------------------------------------
    def request_for(self, text: str) -> SpeakRequest:
        s = self.settings
        endpoint, model = s.target_for("voice")  # endpoint: a server's name, or ""
        return SpeakRequest(text=text, model=model, endpoint=endpoint, device=s.device,
                            **self.controls.values())

    @Slot()
    def speak(self) -> None:
        text = self.text.toPlainText()
        if self.runner.busy:
            return
        if not text.strip():
            self.show_error(self.tr("Type or open some text to speak first."))
            return
        self.start(self.request_for(text))

    @Slot()
    def speak_sample(self) -> None:
        """Preview: one short sentence in the chosen voice (not kept as a take)."""
        if not self.runner.busy:
            self.start(self.request_for(sample_sentence(self.controls.language())), sample=True)

    def start(self, request: SpeakRequest, parents: tuple = (), sample: bool = False) -> None:
        self.previewing = sample
        self.spoken.begin(request.sentence_pause_s, follow_text=not sample)
        job = self.submit(request, parents)
        if not sample:
            self.io.call(f"split:{job}", split_sentences, request.text)

    @Slot(int, object)
    def _on_step(self, job: int, ev: Progress) -> None:
        if job == self.job and ev.step is not None:
            self.spoken.step = ev.step  # the next chunk is the audio of sentence ``step``

    def on_output(self, ev: AudioChunk) -> None:
        if not isinstance(ev, AudioChunk):
            return
        if self.spoken.frames == 0:  # the first sentence: the previous take makes way
            self.take = None
            self.preview.start_stream(ev.samples, ev.sample_rate, play=True)
        else:
            self.preview.append(ev.samples)
        self.spoken.chunk(len(ev.samples), ev.sample_rate)

    def _end(self, value) -> None:
        if self.job_has_output:
            self.preview.finish_stream(getattr(value, "samples", None))
        if value is not None:
            self.spoken.exact(value.sentences)
        self.sync_take_buttons()

    def on_result(self, ev: Result) -> None:
        self._end(ev.value)
        if not self.previewing:
            self.keep_take(ev, ev.value, "done")

    def on_cancelled(self, ev: Cancelled) -> None:
        partial = ev.partial if self.job_has_output else None
        self._end(partial)
        if partial is not None and partial.sentences and not self.previewing:
            self.keep_take(ev, partial, "stopped")

    def on_failed(self, ev: Failed) -> None:
        self._end(None)  # what was heard stays in the player; nothing is kept as a take

    # -- the player ---------------------------------------------------------------------------
    @Slot(str)
    def _on_player_failed(self, text: str) -> None:
        if self.audio.problem() or (self.audio.player and self.audio.player.status().error):
            text += " " + self.tr("The speech is still made and kept in the takes; Save as… "
                                  "works without speakers.")
        self.show_error(text)

    @Slot(object, object)
    def _on_player_status(self, owner, status) -> None:
        if owner is self.preview:
            self.spoken.follow(status)

    # -- files and background answers ------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open text"), "",
                                              self.tr("Text (*.txt *.md)"))
        if path:
            self.open_file(path)

    @Slot(str)
    def open_file(self, path: str) -> None:
        self.io.call("loaded", read_text_file, path)

    @Slot(str, object)
    def _on_io_done(self, kind: str, value: Any) -> None:
        if self.take_io_done(kind, value):
            return
        if kind == f"split:{self.job}":
            self.spoken.spans = [(s.start, s.end) for s in value]
        elif kind == f"info:{self.settings.model_for('voice')}" and not self.controls.remote:
            self.controls.set_info(value)
        elif kind == "voices":
            self.controls.set_voices(catalogue_voices(), self.settings.model_for("voice"), value)
        elif kind == "loaded":
            self.text.replace_text(value)  # Ctrl+Z brings the typed text back
            self.message.clear_message()

    @Slot(str, object)
    def _on_io_failed(self, kind: str, message: Any) -> None:
        if kind.startswith("take:"):
            self._take_failed(kind, message)
        elif kind == f"info:{self.settings.model_for('voice')}":
            self.controls.set_info(None, core_text(message))
        elif kind in ("loaded", "exported"):
            self.show_error(core_text(message))

    # -- persistence --------------------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        take = self.take.audio if self.take is not None else ""
        return {"text": self.text.toPlainText(), "controls": self.controls.state(),
                "take": take}

    def restore_draft(self, data: dict[str, Any]) -> None:
        if not isinstance(data, dict):
            return
        if isinstance(data.get("text"), str):
            self.text.setPlainText(data["text"])
        self.controls.restore(data.get("controls"))
        if isinstance(data.get("take"), str) and data["take"]:
            self.restore_take(data["take"])

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        ok = self.runner.shutdown(timeout_ms)  # delivers a final Result/Cancelled first
        self.wait_for_outputs(timeout_ms)  # the last take is written and recorded too
        self.preview.shutdown()
        return self.io.shutdown(500) and ok
