"""Per-tab drafts (prompts, conversations, last outputs) that survive a restart.

Kept apart from settings: drafts change on every keystroke and may be large,
settings are small and edited rarely.  Writes are atomic.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class DraftStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: dict[str, dict[str, Any]] | None = None

    def _load(self) -> dict[str, dict[str, Any]]:
        if self._data is None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self._data = data if isinstance(data, dict) else {}
            except FileNotFoundError:
                self._data = {}
            except (OSError, ValueError) as exc:
                log.warning("drafts file %s unreadable (%s); starting empty", self.path, exc)
                self._data = {}
        return self._data

    def get(self, tab: str) -> dict[str, Any]:
        value = self._load().get(tab)
        return dict(value) if isinstance(value, dict) else {}

    def put(self, tab: str, value: dict[str, Any]) -> None:
        self._load()[tab] = value

    def save(self) -> None:
        data = self._load()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)
