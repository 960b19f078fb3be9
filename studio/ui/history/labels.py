"""Words the History panel shows for a result: its task, time, status, model and preview."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import QCoreApplication

from studio.core.history import Entry

TASK_COLOURS = {"writing": "#2563eb", "painting": "#c026d3", "voice": "#059669",
                "transcription": "#d97706"}


def task_label(task: str) -> str:
    # Spelled out in full, with literal strings: that is what pyside6-lupdate finds.
    labels = {"writing": QCoreApplication.translate("History", "Writing"),
              "painting": QCoreApplication.translate("History", "Painting"),
              "voice": QCoreApplication.translate("History", "Voice"),
              "transcription": QCoreApplication.translate("History", "Transcription")}
    return labels.get(task, task)


def when(created: float, *, full: bool = False) -> str:
    """"15:42" today, "11-28 15:42" this year, "2025-11-28" before (full: date and time)."""
    moment = dt.datetime.fromtimestamp(created)
    today = dt.date.today()
    if full:
        return moment.strftime("%Y-%m-%d %H:%M")
    if moment.date() == today:
        return moment.strftime("%H:%M")
    return moment.strftime("%m-%d %H:%M" if moment.year == today.year else "%Y-%m-%d")


def model_name(model: str) -> str:
    """Short: a path's last part (a local folder or .gguf file), a hub id's name."""
    return os.path.basename(model.rstrip("/\\")) or model


def status_label(entry: Entry) -> str:
    return QCoreApplication.translate("History", "stopped") if entry.status == "stopped" else ""


def missing_label(missing: tuple[str, ...], files: tuple[str, ...]) -> str:
    if not missing:
        return ""
    if len(files) == 1:
        return QCoreApplication.translate("History", "file missing")
    return QCoreApplication.translate("History", "%1 of %2 files missing").replace(
        "%1", str(len(missing))).replace("%2", str(len(files)))


def snippet(entry: Entry, limit: int = 160) -> str:
    """The output in one line: the text, else the files' names."""
    text = " ".join(entry.text.split()) or " · ".join(os.path.basename(f) for f in entry.files)
    return text if len(text) <= limit else text[:limit - 1] + "…"
