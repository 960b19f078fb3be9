"""The Transcription tab and the history: what a transcript's record holds, edits, Re-run.

Every transcript is recorded with its audio file first in ``files`` (as ``aigc-studio
transcribe`` records it), the file's path as the searchable prompt and its name as the
title; a transcript re-run from the History panel is made from the entry it repeats.

**Edits** become a new entry *made from* the one they change, recorded when the edited
text leaves the tab (export, Copy all), when another transcript takes its place and
when the window closes.  A new entry rather than an update: the store keeps every
result as it was made (nothing in it is ever rewritten), the model's own words stay
reproducible with Re-run, and the lineage shows "edited from #N".
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from studio.core.engines.transcription import TranscribeRequest, TranscriptResult, join_text
from studio.core.jobs import Cancelled, Result

from .queue import Item


def transcript_value(item: Item) -> TranscriptResult:
    """The item's transcript as shown, edits included (what exports write)."""
    segments = tuple(item.segments)
    res = item.result
    language = res.language if res is not None else ""
    text = join_text(segments, language)
    if res is None:
        end = segments[-1].end if segments else 0.0
        return TranscriptResult(segments, text, language, None, end, "", "", 0.0, 0.0)
    return dataclasses.replace(res, segments=segments, text=text)


class TranscriptionHistory:
    """History hooks of the Transcription tab (mixed in before ``TabBase``)."""

    loads_requests = True

    def _fields(self, path: str, request: Any, value: TranscriptResult, timings: dict,
                files: tuple = ()) -> dict[str, Any]:
        audio = os.path.abspath(path)
        return {"request": request, "text": value.text, "prompt": audio,
                "title": os.path.basename(path), "files": [audio, *files],
                "model": value.model or getattr(request, "model", ""), "timings": timings,
                "made_from_files": [audio]}  # a spoken take's transcript is made from it

    def history_record(self, ev: Result | Cancelled) -> dict[str, Any] | None:
        item = self.running
        if item is None:
            return None
        if isinstance(ev, Result):
            value, request, timings = ev.value, ev.request, dict(ev.timings)
        else:  # stopped: the segments so far
            value, request = ev.partial, self.job_request
            timings = {"transcribe_s": value.seconds} if value is not None else {}
        if value is None or not value.segments:
            return None
        return self._fields(item.path, request, value, timings)

    def record_live(self, item: Item, timings: dict) -> None:
        """A live transcript (not a job of the tab's runner): recorded here."""
        if self.history is None or item.resolved is None:
            return
        fields = self._fields(item.path, item.resolved, item.result, timings)
        item.ref = self.result_ref = self.history.record(
            self.task, fields.pop("request"), tags=("live",), **fields)

    def record_edit(self, item: Item | None, files: tuple = ()) -> None:
        """Keep the item's edited text in the history (a new entry made from the edited one)."""
        if item is None or not item.edited or self.history is None or item.resolved is None:
            return
        value = transcript_value(item)
        fields = self._fields(item.path, item.resolved, value, {}, tuple(files))
        fields["title"] = self.tr("%1 (edited)").replace("%1", fields["title"])
        parents = (item.ref,) if item.ref is not None else ()
        item.ref = self.result_ref = self.history.record(
            self.task, fields.pop("request"), parents=parents, tags=("edited",),
            status="stopped" if item.status == "stopped" else "done", **fields)
        item.edited = False
        self.queue.update_item(item)

    def load_request(self, request: Any) -> None:
        """Use settings: the options and the audio of a recorded transcript (the model is
        the settings panel's, set by the History panel)."""
        if not isinstance(request, TranscribeRequest):
            self.show_error(self.tr("These settings are not for the Transcription tab."))
            return
        self.options.restore(dataclasses.asdict(dataclasses.replace(request, samples=None)))
        if request.audio and self.source.accepts(request.audio):
            self.source.open_file(request.audio)

    def rerun(self, request: Any, parents: tuple[int, ...] = ()) -> None:
        """The recorded request again, exactly (its model and options), queued here."""
        self.load_request(request)
        if isinstance(request, TranscribeRequest) and request.audio:
            self.add_files([request.audio], request=request, parents=tuple(parents))
