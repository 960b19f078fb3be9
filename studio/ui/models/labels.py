"""Words for the Models dialog: states, sizes, speeds, progress (in the UI language).

Spelled out as ``QCoreApplication.translate("Models", "...")`` with literal strings:
that is what pyside6-lupdate finds.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.core import downloads
from studio.core.devices import format_bytes
from studio.core.downloads import DownloadStatus

from ..texts import core_text, format_duration
from .rows import LOCAL_GONE, LOCAL_OK, Row


def state_label(row: Row) -> str:
    labels = {
        downloads.BUILT_IN: QCoreApplication.translate("Models", "Built in"),
        downloads.DOWNLOADED: QCoreApplication.translate("Models", "Downloaded"),
        downloads.PARTIAL: QCoreApplication.translate(
            "Models", "Partly downloaded: resume to go on"),
        downloads.CACHED: QCoreApplication.translate("Models", "In the cache"),
        downloads.MISSING: QCoreApplication.translate("Models", "Not downloaded"),
        LOCAL_OK: QCoreApplication.translate("Models", "On this computer"),
        LOCAL_GONE: QCoreApplication.translate("Models", "Missing: the folder or file is gone"),
    }
    return labels.get(row.state, row.state)


def runs_on(row: Row) -> str:
    if row.cpu is None:
        return ""
    if row.cpu:
        return QCoreApplication.translate("Models", "CPU or GPU")
    return QCoreApplication.translate("Models", "GPU")


def languages(row: Row) -> str:
    many = QCoreApplication.translate("Models", "many languages")
    names = [many if code == "multilingual" else code for code in row.languages]
    return ", ".join(names[:4]) + ("…" if len(names) > 4 else "")


def speed(bytes_per_s: float) -> str:
    return QCoreApplication.translate("Models", "%1/s").replace(
        "%1", format_bytes(int(bytes_per_s)))


def _of(done: int, total: int) -> str:
    return QCoreApplication.translate("Models", "%1 of %2").replace(
        "%1", format_bytes(done)).replace("%2", format_bytes(total))


def progress_text(s: DownloadStatus) -> str:
    """One line for a download: "42% · 12.0 MB of 28.5 MB · 2.1 MB/s · 8 s left"."""
    if s.cancelling:
        return QCoreApplication.translate("Models", "Cancelling…")
    if s.state == downloads.QUEUED:
        return QCoreApplication.translate("Models", "Queued")
    if s.state == downloads.PREPARING:
        return QCoreApplication.translate("Models", "Asking the hub…")
    if s.state == downloads.DOWNLOADING:
        parts = [f"{int(100 * (s.fraction or 0))}%", _of(s.done_bytes, s.total_bytes)] \
            if s.total_bytes else [format_bytes(s.done_bytes)]
        if s.speed > 0:
            parts.append(speed(s.speed))
        if s.eta_s is not None:
            parts.append(QCoreApplication.translate("Models", "%1 left").replace(
                "%1", format_duration(s.eta_s)))
        return " · ".join(parts)
    if s.state == downloads.FAILED:
        return QCoreApplication.translate("Models", "Failed: %1").replace(
            "%1", core_text(s.error or ""))
    if s.state == downloads.CANCELLED:
        if s.total_bytes:
            return QCoreApplication.translate(
                "Models", "Cancelled at %1: resume to go on").replace(
                "%1", _of(s.done_bytes, s.total_bytes))
        return QCoreApplication.translate("Models", "Cancelled: resume to go on")
    return QCoreApplication.translate("Models", "Downloaded")


def status_text(row: Row, download: DownloadStatus | None) -> str:
    """The Status column: the download while one runs or after it failed, else the state."""
    if download is not None and download.state != downloads.DONE:
        return progress_text(download)
    return state_label(row)


def details_text(s: DownloadStatus) -> str:
    """The longer form under the list: progress, the file being fetched, a passing note."""
    lines = [progress_text(s)]
    if s.state == downloads.DOWNLOADING and s.files_total:
        lines.append(QCoreApplication.translate("Models", "File %1 of %2: %3")
                     .replace("%1", str(min(s.files_done + 1, s.files_total)))
                     .replace("%2", str(s.files_total)).replace("%3", s.file))
    if s.note:
        lines.append(core_text(s.note))
    return "\n".join(lines)
