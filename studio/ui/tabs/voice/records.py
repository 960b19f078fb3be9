"""The Voice tab's takes: kept on disk, recorded in the history, saved as, brought back.

A mixin of ``VoiceTab`` (the TabBase hooks ``history_record``, ``load_request``,
``rerun``).  When a job ends with speech (a Result, or a Stop after some
sentences), the take's audio and SRT are written into the outputs folder off the
UI thread; only then is it recorded (``OutputRecords``), with both files, the spoken
text and the request that reproduces it.  Until then (and if writing
fails) the take stays in memory, and Save as works from there.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog

from studio.core.engines.voice.request import SpeakRequest, SpeechResult
from studio.core.jobs import Cancelled, Result
from studio.ui.texts import core_text

from ..outputs import OutputRecords
from .takefiles import export_take, save_take
from .takes import audio_file, srt_file

FORMAT_FILTERS = {"WAV": "WAV (*.wav)", "FLAC": "FLAC (*.flac)", "OGG": "Ogg Vorbis (*.ogg)",
                  "MP3": "MP3 (*.mp3)"}


@dataclass
class Take:
    """What the player shows: speech in memory, and/or its files once written."""

    samples: Any = None
    rate: int = 0
    sentences: tuple = ()
    audio: str = ""
    srt: str = ""


class VoiceHistory(OutputRecords):
    """History and take hooks of the Voice tab (mixed into ``VoiceTab``, before ``TabBase``)."""

    loads_requests = True

    def _init_takes(self) -> None:
        self.take: Take | None = None
        self.writable: tuple[str, ...] = ("WAV",)  # known once the background check answers
        self.init_outputs("take")  # background calls "take:N"

    # -- a job's take -----------------------------------------------------------------------
    def keep_take(self, ev: Result | Cancelled, result: SpeechResult, status: str) -> None:
        """The job's speech becomes the current take; its files are written, then recorded."""
        self.take = Take(result.samples, result.sample_rate, tuple(result.sentences))
        if isinstance(ev, Result):
            request, timings = ev.request, dict(ev.timings)
        else:  # stopped: the partial result says which seed and backend it really used
            request = dataclasses.replace(self.job_request, seed=result.seed,
                                          backend=result.backend)
            timings = {"synthesis_s": result.seconds, "audio_s": round(result.duration_s, 4)}
        spoken = " ".join(s.text for s in result.sentences)
        fields = {"request": request, "prompt": request.text, "text": spoken,
                  "model": result.model, "timings": timings, "parents": self._job_parents}
        self.write_outputs(ev, status, fields, save_take, self.output_folder(), result.samples,
                           result.sample_rate, result.sentences, request.text)
        self.sync_take_buttons()

    def _take_written(self, key: str, files: tuple) -> None:
        ev = self.outputs_written(key, files)  # recorded now (with a history)
        audio, srt = (str(f) for f in files)
        if self.take is not None and self.take.samples is _samples(ev):
            self.take.audio, self.take.srt = audio, srt
        if self.history is not None:
            self.awaiting_take = self.result_ref

    @Slot(int, int)
    def _on_recorded(self, _ticket: int, rid: int) -> None:
        if self.history is not None and self.history.resolve(self.awaiting_take) == rid:
            self.takes.select_id(rid)  # the newest take is the one in the player

    def sync_take_buttons(self, *_args) -> None:
        self.save_button.setEnabled(self.take is not None)
        self.controls.preview_button.setEnabled(not self.runner.busy)

    def restore_take(self, audio: str) -> None:
        """The draft's take back in the player (a file gone since shows as missing there)."""
        self.take = Take(audio=audio, srt=os.path.splitext(audio)[0] + ".srt")
        self.preview.open_file(audio)
        self.sync_take_buttons()

    def take_io_done(self, kind: str, value: Any) -> bool:
        """A background answer about takes (False: not one of those)."""
        if kind.startswith("take:"):
            self._take_written(kind, value)
        elif kind == "formats":
            self.writable = tuple(value) or ("WAV",)
        elif kind == "exported":
            audio, srt = value
            self.show_info(self.tr("Saved %1").replace("%1", str(audio)) + (
                self.tr(" and its subtitles %1").replace("%1", srt.name) if srt else ""))
        else:
            return False
        return True

    def _take_failed(self, key: str, message: str) -> None:
        self.outputs_failed(key)
        self.show_error(self.tr("The take could not be saved in the outputs folder: %1 "
                                "Save as… still works.").replace("%1", core_text(message)))

    # -- save as ---------------------------------------------------------------------------------
    def _save_dialog(self, name: str) -> str:
        filters = [FORMAT_FILTERS[f] for f in self.writable if f in FORMAT_FILTERS]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save speech"), name,
                                              ";;".join(filters))
        return path

    def save_take(self) -> None:
        """Save as… for the take in the player."""
        if self.take is not None:
            stem = os.path.splitext(os.path.basename(self.take.audio))[0] or "speech"
            path = self._save_dialog(stem + ".wav")
            if path:
                self.save_take_to(path)

    def save_take_to(self, path: str) -> None:
        """The current take as ``path`` (WAV, FLAC, OGG or MP3 by its suffix) + its SRT."""
        take = self.take
        if take is None:
            return
        if take.samples is not None:
            self.io.call("exported", partial(export_take, path, samples=take.samples,
                                             rate=take.rate, sentences=take.sentences))
        else:
            self.io.call("exported", partial(export_take, path, source=take.audio,
                                             source_srt=take.srt))

    def save_entry(self, entry) -> None:
        """Save as… for a take of the list."""
        stem = os.path.splitext(os.path.basename(audio_file(entry)))[0]
        path = self._save_dialog(stem + ".wav")
        if path:
            self.io.call("exported", partial(export_take, path, source=audio_file(entry),
                                             source_srt=srt_file(entry)))

    def play_entry(self, entry) -> None:
        """A take of the list into the player, playing (decoded off the UI thread)."""
        self.take = Take(audio=audio_file(entry), srt=srt_file(entry))
        self.spoken.clear()
        self.preview.open_file(self.take.audio, play=True)
        self.sync_take_buttons()

    # -- use settings, re-run ----------------------------------------------------------------------
    def load_request(self, request: Any) -> None:
        """Use settings: the text and every control (the voice is the settings panel's)."""
        if not isinstance(request, SpeakRequest):
            self.show_error(self.tr("These settings are not for the Voice tab."))
            return
        self.text.replace_text(request.text)  # Ctrl+Z brings back what was typed
        self.controls.load_request(request)

    def rerun(self, request: Any, parents: tuple[int, ...] = ()) -> None:
        """The recorded request again, exactly (its voice, seed and controls)."""
        if self.runner.busy:
            self.show_error(self.tr("Wait for the current speech to finish, or stop it, "
                                    "before running another."))
            return
        self.load_request(request)
        if isinstance(request, SpeakRequest):
            self.start(request, parents=parents)


def _samples(ev: Result | Cancelled):
    value = ev.value if isinstance(ev, Result) else ev.partial
    return getattr(value, "samples", None)
