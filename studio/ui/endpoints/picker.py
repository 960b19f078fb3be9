"""A task's model picker with the endpoints' models under the local ones.

Each item's data (``Qt.UserRole``) is a model reference; remote items also carry
their endpoint's name in ``ENDPOINT_ROLE`` (local items: none), so one combo offers
both and ``choice(box)`` says which was picked.  Under the local models comes a
section per endpoint: a header (disabled), then its models for the task labelled
"model-id · endpoint-name".  A server that did not answer, or that the offline
switch blocks, says so in its header and its models cannot be chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from studio.ui.texts import core_text

from .service import Section

ENDPOINT_ROLE = Qt.ItemDataRole.UserRole + 1
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2


def remote_label(endpoint: str, model: str) -> str:
    return f"{model} · {endpoint}"


def find(box: QComboBox, endpoint: str, ref: str) -> int:
    """The row of ``ref`` on ``endpoint`` ("" = a local model), or -1."""
    for row in range(box.count()):
        if box.itemData(row) == ref and (box.itemData(row, ENDPOINT_ROLE) or "") == endpoint \
                and not box.itemData(row, HEADER_ROLE):
            return row
    return -1


def choice(box: QComboBox) -> tuple[str, str]:
    """(endpoint, model) of the current item; endpoint "" for a local model."""
    row = box.currentIndex()
    if row < 0:
        return "", ""
    return box.itemData(row, ENDPOINT_ROLE) or "", box.itemData(row) or ""


def local_end(box: QComboBox) -> int:
    """The row after the last local model (where the endpoints' part starts, if any)."""
    row = next((r for r in range(box.count()) if box.itemData(r, ENDPOINT_ROLE)
                or box.itemData(r, HEADER_ROLE)), box.count())
    if row > 0 and not box.itemText(row - 1) and box.itemData(row - 1) is None:
        row -= 1  # the separator before them
    return row


def clear_sections(box: QComboBox) -> None:
    """Take the endpoints' rows out (the local models stay)."""
    row = local_end(box)
    while box.count() > row:
        box.removeItem(row)


def _header(box: QComboBox, section: Section) -> None:
    if section.blocked:
        text = QCoreApplication.translate("endpoints", "%1: blocked by the offline switch")
    elif section.error:
        text = QCoreApplication.translate("endpoints", "%1: not reachable")
    elif not section.probed:
        text = QCoreApplication.translate("endpoints", "%1: asking…")
    elif not section.models:
        text = QCoreApplication.translate("endpoints", "%1: no models for this task")
    else:
        text = QCoreApplication.translate("endpoints", "On %1")
    box.addItem(text.replace("%1", section.endpoint))
    row = box.count() - 1
    box.setItemData(row, section.endpoint, HEADER_ROLE)
    tip = section.url
    if section.error and not section.blocked:
        tip += "\n" + core_text(section.error)
    box.setItemData(row, tip, Qt.ItemDataRole.ToolTipRole)
    item = box.model().item(row)
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    item.setEnabled(False)


def add_sections(box: QComboBox, sections: list[Section],
                 current: tuple[str, str] | None = None) -> None:
    """Append a section per endpoint (``current``: a remote choice kept even when its
    server has not listed it, or not yet)."""
    if not sections and current is None:
        return
    box.insertSeparator(box.count())
    for section in sections:
        _header(box, section)
        models = list(section.models)
        if current is not None and current[0] == section.endpoint and current[1] not in models:
            models.append(current[1])
        for model in models:
            _add_remote(box, section.endpoint, model, section.url, not section.blocked)
    if current is not None and current[0] not in {s.endpoint for s in sections}:
        _add_remote(box, current[0], current[1], "", False)


def _add_remote(box: QComboBox, endpoint: str, model: str, url: str, enabled: bool) -> None:
    box.addItem(remote_label(endpoint, model), model)
    row = box.count() - 1
    box.setItemData(row, endpoint, ENDPOINT_ROLE)
    tip = QCoreApplication.translate("endpoints", "Runs on the server %1 (%2)")
    box.setItemData(row, tip.replace("%1", endpoint).replace("%2", url or "?"),
                    Qt.ItemDataRole.ToolTipRole)
    if not enabled:
        box.model().item(row).setEnabled(False)


def select_remote(box: QComboBox, endpoint: str, model: str) -> None:
    row = find(box, endpoint, model)
    if row < 0:
        _add_remote(box, endpoint, model, "", True)
        row = box.count() - 1
    box.setCurrentIndex(row)
