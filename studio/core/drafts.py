"""Per-tab drafts (prompts, conversations, last outputs) that survive a restart.

Kept apart from settings: drafts change on every keystroke and may be large,
settings are small and edited rarely.  Writes are atomic.  A drafts file that
cannot be read is kept as ``drafts.json.bad`` (it may hold a long prompt the
user wants back) and the app starts with empty drafts and a visible warning.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from .atomic import atomic_write_text
from .jsonfile import read_object
from .messages import Message

log = logging.getLogger(__name__)


class DraftStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: Message | None = None
        self._data: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        if self._data is None:
            self._data, self.warning = read_object(self.path)
            if self.warning is not None:
                log.warning("%s", self.warning)
        return self._data

    def load(self) -> None:
        """Read the file now (the window does, to show a warning before anything else)."""
        self._load()

    def get(self, tab: str) -> dict[str, Any]:
        value = self._load().get(tab)
        return dict(value) if isinstance(value, dict) else {}

    def put(self, tab: str, value: dict[str, Any]) -> None:
        self._load()[tab] = value

    def save(self) -> None:
        atomic_write_text(self.path, json.dumps(self._load(), ensure_ascii=False, indent=1))
