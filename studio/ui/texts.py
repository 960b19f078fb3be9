"""Text from Qt-free code, shown in the window's language.

Core code hands the window ``Message`` strings (see ``studio.core.messages``);
their English templates are translated in the ``core`` context of the .ts file.
Catalogue names and descriptions are translated in the ``catalog`` context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.core.catalog import CatalogEntry
from studio.core.messages import render


def core_text(text: str) -> str:
    """``text`` (a core Message or plain text) in the UI language."""
    return render(text, lambda template: QCoreApplication.translate("core", template))


def model_label(entry: CatalogEntry) -> str:
    """A catalogue entry's name for a model picker, marking the built-in ones."""
    if entry.bundled:
        return QCoreApplication.translate("catalog", "%1 · built in").replace("%1", entry.name)
    return entry.name


def model_description(entry: CatalogEntry) -> str:
    return QCoreApplication.translate("catalog", entry.description) if entry.description else ""


def format_duration(seconds: float) -> str:
    """"45 s", "3 min 5 s", "1 h 2 min" in the UI language."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return QCoreApplication.translate("duration", "%1 s").replace("%1", str(seconds))
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return QCoreApplication.translate("duration", "%1 min %2 s").replace(
            "%1", str(minutes)).replace("%2", str(secs))
    hours, minutes = divmod(minutes, 60)
    return QCoreApplication.translate("duration", "%1 h %2 min").replace(
        "%1", str(hours)).replace("%2", str(minutes))
