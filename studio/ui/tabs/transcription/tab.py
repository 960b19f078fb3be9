"""Transcription tab: Whisper on audio and video files and the microphone.

Files dropped or opened are transcribed one after another (``runs``); their
segments stream into the transcript view, where a click plays the audio from that
segment (the waveform's shared player) and the segment being played is highlighted.
The text is editable; exports and the history keep the edits (``export``,
``history``).  Recording: the recording is transcribed when it ends, or, in live
mode, while it is made (``live``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.core.jobs import Notice
from studio.ui.audio_service import AudioService
from studio.ui.texts import core_text
from studio.ui.widgets.recordings_list import PATH_ROLE, RecordingsList
from studio.ui.widgets.transcript_view import TranscriptView
from studio.ui.worker import BackgroundCalls

from ..base import TabBase
from .export import TranscriptExport
from .history import TranscriptionHistory
from .live import LiveTranscriber
from .options import TranscriptionOptions
from .persist import TabDraft
from .queue import Item, QueueList
from .recording import Recording
from .runs import QueueRuns
from .source import AUDIO_SUFFIXES, AudioSource


class TranscriptionTab(QueueRuns, Recording, TabDraft, TranscriptExport, TranscriptionHistory,
                       TabBase):
    task = "transcription"
    file_suffixes = AUDIO_SUFFIXES
    uses_audio = True
    exported = Signal(str)  # a transcript file was written

    def __init__(self, settings, drafts, host, parent=None, audio: AudioService | None = None):
        super().__init__(settings, drafts, host, parent)
        self.audio = audio if audio is not None else AudioService(settings, parent=self)
        self.shown: Item | None = None  # the item whose transcript is in the view
        self.follow = True  # show each file as it starts (until the user picks another)
        self._closing = False
        self._live_recording = False
        self._pending_play: tuple[str, float] | None = None
        self._exporting: dict[str, Item] = {}
        self.io = BackgroundCalls("transcription-io", self)
        self.source = AudioSource(self.audio, self)
        self.drop = self.source.drop
        self.record_button = self.source.recorder.button
        self.preview = self.source.preview
        self.options = TranscriptionOptions(self)
        self.queue = QueueList(self)
        self.recordings = RecordingsList(self.audio.folder, self)
        self.transcribe_recordings = QPushButton(self.tr("Transcribe"), self)
        self.transcribe_recordings.setToolTip(self.tr("Transcribe the selected recordings"))
        self.view = TranscriptView(self)
        self.info = QLabel(self)
        self.info.setObjectName("transcription-info")
        self.live = LiveTranscriber(host, self)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setMenu(self.export_menu())
        self.copy_button = QPushButton(self.tr("Copy all"), self)
        self.run_button.setText(self.tr("Transcribe"))
        self.run_button.setToolTip(self.tr("Transcribe the audio shown above again, with "
                                           "these options"))
        self.stop_button.setToolTip(self.tr("Stop; the text so far is kept, waiting files "
                                            "are cancelled"))
        self._build_layout()
        self._connect()
        self.recordings.refresh()
        self.sync_buttons()

    def _build_layout(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.info)
        column.addWidget(self.view, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.copy_button)
        actions.addStretch(1)
        column.addLayout(actions)
        files = QGroupBox(self.tr("Files"), self)
        QVBoxLayout(files).addWidget(self.queue)
        recordings = QGroupBox(self.tr("Recordings"), self)
        box = QVBoxLayout(recordings)
        box.addWidget(self.recordings, 1)
        box.addWidget(self.transcribe_recordings)
        side = QSplitter(Qt.Orientation.Vertical, self)
        for widget in (self.options, files, recordings):
            side.addWidget(widget)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.button_row())

    def _connect(self) -> None:
        self.run_button.clicked.connect(self.transcribe)
        self.source.files_chosen.connect(self.add_files)
        self.source.opened.connect(self._on_opened)
        self.source.failed.connect(self.show_error)
        self.source.recorder.recording_changed.connect(self._on_recording)
        self.source.recorder.recorded.connect(self._on_recorded)
        self.source.recorder.failed.connect(self._on_record_failed)
        self.recordings.open_requested.connect(self._play_recording)
        self.recordings.renamed.connect(self._on_renamed)
        self.recordings.deleted.connect(self.source.forget)
        self.recordings.failed.connect(self.show_error)
        self.recordings.tree.itemSelectionChanged.connect(self.sync_buttons)
        self.transcribe_recordings.clicked.connect(self._transcribe_selected_recordings)
        self.audio.recordings_changed.connect(self.recordings.refresh)
        self.audio.player_status.connect(self._on_player_status)
        self.preview.loaded.connect(self._on_preview_loaded)
        self.queue.chosen.connect(self._on_chosen)
        self.queue.cancel_requested.connect(self.cancel_item)
        self.view.segment_clicked.connect(self.play_from)
        self.view.edited.connect(self._on_edited)
        self.copy_button.clicked.connect(self.copy_all)
        self.runner.progress.connect(self._on_item_progress)
        self.live.changed.connect(self.view.set_live)
        self.live.finished.connect(self._on_live_finished)
        self.live.failed.connect(self.show_error)
        self.live.status.connect(self.info.setText)
        self.io.done.connect(self._on_io_done)
        self.io.failed.connect(self._on_io_failed)

    # -- state ---------------------------------------------------------------------------------
    @property
    def audio_path(self) -> str:
        return self.source.path

    def sync_buttons(self, *_args) -> None:
        has_text = self.shown is not None and bool(self.shown.segments)
        self.export_button.setEnabled(has_text)
        self.copy_button.setEnabled(has_text)
        self.transcribe_recordings.setEnabled(bool(self.recordings.tree.selectedItems()))

    def show_item(self, item: Item | None) -> None:
        """Show ``item``'s transcript (its audio in the waveform); the edits of the one shown
        before are kept in the history first."""
        if item is not self.shown:
            self.record_edit(self.shown)
            self.shown = item
            self.view.set_segments(item.segments if item is not None else [])
            self.view.set_editable(item is not None and item is not self.running)
            self.info.setText(self.describe(item))
        if item is not None:
            self.queue.select(item)
            if item.path and item.path != self.source.path:
                self.source.open_file(item.path)
        self.sync_buttons()

    def describe(self, item: Item | None) -> str:
        res = item.result if item is not None else None
        if res is None:
            return ""
        return self.tr("%1 segments · %2 · %3 of audio in %4 s").replace(
            "%1", str(len(item.segments))).replace("%2", res.language or "?").replace(
            "%3", f"{res.duration_s:.1f} s").replace("%4", f"{res.seconds:.1f}")

    # -- files ---------------------------------------------------------------------------------
    def open_file(self, path: str) -> None:
        """A file dropped on the window or given on the command line: transcribe it."""
        self.add_files([path])

    def choose_file(self) -> None:
        self.source.choose_files()

    @Slot()
    def transcribe(self) -> None:
        """Transcribe the audio shown in the waveform (again) with the current options."""
        if not self.source.path:
            self.show_error(self.tr("Drop, open or record some audio first."))
            return
        self.add_files([self.source.path])

    @Slot(str)
    def _on_opened(self, _path: str) -> None:
        if self.message.level != "error":  # a failure stays until something new replaces it
            self.message.clear_message()

    @Slot(str)
    def _play_recording(self, path: str) -> None:
        self.source.open_file(path, play=True)

    @Slot()
    def _transcribe_selected_recordings(self) -> None:
        self.add_files([i.data(0, PATH_ROLE) for i in self.recordings.tree.selectedItems()])

    @Slot(str, str)
    def _on_renamed(self, old: str, new: str) -> None:
        self.source.renamed(old, new)
        self.queue.rename(old, new)

    @Slot(object)
    def _on_chosen(self, item: Item) -> None:
        self.follow = item is self.running
        self.show_item(item)

    @Slot(int, str)
    def _on_edited(self, _row: int, _text: str) -> None:
        item = self.shown
        if item is not None:
            item.segments = list(self.view.segments)
            item.edited = True
            self.queue.update_item(item)

    def _on_notice(self, job: int, ev: Notice) -> None:
        if job != self.job:
            return
        text = core_text(ev.message)
        if getattr(ev.message, "key", "") == "transcription.detected":
            self.info.setText(text)  # information, not a warning
        elif self.message.level == "error" and self.message.text():
            self.message.show_message(self.message.text() + "\n" + text, "error")
        else:
            self.message.show_message(text, "warning")

    # -- playback ------------------------------------------------------------------------------
    @Slot(float)
    def play_from(self, seconds: float) -> None:
        """Play the shown transcript's audio from ``seconds`` (a clicked segment)."""
        item = self.shown
        if item is None or not item.path:
            return
        if self.preview.path == item.path and self.preview.samples is not None:
            self.preview.seek(seconds)
            self.preview.play()
        else:
            self._pending_play = (item.path, seconds)
            if self.source.path != item.path or self.preview.path != item.path:
                self.source.open_file(item.path)

    @Slot(str, float)
    def _on_preview_loaded(self, path: str, _duration: float) -> None:
        pending, self._pending_play = self._pending_play, None
        if pending is not None and pending[0] == path:
            self.play_from(pending[1])

    @Slot(object, object)
    def _on_player_status(self, owner, status) -> None:
        if owner is self.preview and self.shown is not None \
                and self.preview.path == self.shown.path:
            self.view.set_position(status.position_s)

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        self._closing = True
        self.record_edit(self.shown)
        ok = self.live.shutdown(timeout_ms)
        self.source.shutdown()
        self.recordings.shutdown()
        ok = super().shutdown(timeout_ms) and ok
        return self.io.shutdown() and ok
