"""What the Transcription tab keeps across restarts: the options, the audio shown and
the transcript shown, edits included (segments without their word times)."""

from __future__ import annotations

from typing import Any

from studio.core.jobs import Segment

from .queue import Item


class TabDraft:
    """Mixed into ``TranscriptionTab`` before ``TabBase``."""

    def draft(self) -> dict[str, Any]:
        data: dict[str, Any] = {"audio": self.audio_path, "options": self.options.state(),
                                "live": self.source.live.isChecked(),
                                "after_recording": self.source.after.isChecked()}
        item = self.shown
        if item is not None and item.segments:
            ref = self.history.resolve(item.ref) if self.history is not None else None
            data["transcript"] = {
                "path": item.path, "edited": item.edited, "ref": ref,
                "language": item.result.language if item.result is not None else "",
                "segments": [[s.start, s.end, s.text] for s in item.segments]}
        return data

    def restore_draft(self, data: dict[str, Any]) -> None:
        if not isinstance(data, dict):
            return
        self.options.restore(data.get("options"))
        for box, key in ((self.source.live, "live"), (self.source.after, "after_recording")):
            if isinstance(data.get(key), bool):
                box.setChecked(data[key])
        path = data.get("audio")
        if isinstance(path, str) and path and self.source.accepts(path):
            self.source.open_file(path)  # a file gone since shows as missing in the waveform
        shown = data.get("transcript")
        if isinstance(shown, dict) and isinstance(shown.get("path"), str):
            segments = [Segment(float(s), float(e), str(t)) for s, e, t in
                        (x for x in shown.get("segments") or () if _triple(x))]
            if segments:
                ref = shown.get("ref")
                item = Item(shown["path"], status="done", segments=segments,
                            edited=shown.get("edited") is True,
                            ref=ref if isinstance(ref, int) and not isinstance(ref, bool)
                            else None)
                self.queue.add(item)
                self.show_item(item)


def _triple(x) -> bool:
    return (isinstance(x, list) and len(x) == 3 and isinstance(x[2], str)
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in x[:2]))
