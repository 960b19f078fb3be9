"""Typed application settings, persisted as JSON with a schema version.

Unknown keys are dropped, wrong types fall back to the default for that field,
and an unreadable file falls back to defaults with a warning (never a crash).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from . import catalog
from .devices import DEVICES, DTYPES

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
WRITING_BACKENDS = ("auto", "llama.cpp", "transformers")


def _default_models() -> dict[str, str]:
    out = {}
    for task in catalog.TASKS:
        entry = catalog.default_for(task)
        out[task] = entry.id if entry else ""
    return out


@dataclass
class Settings:
    schema_version: int = SCHEMA_VERSION
    device: str = "auto"
    dtype: str = "auto"
    models: dict[str, str] = field(default_factory=_default_models)
    writing_backend: str = "auto"
    memory_budget_gb: float = 0.0  # 0 = no limit
    offline: bool = False  # never touch the network (hub downloads refused)
    hf_endpoint: str = ""  # mirror, e.g. https://hf-mirror.com
    # window state, kept here so one file restores the whole session
    geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""
    current_tab: str = "writing"
    language: str = ""  # "" = follow the system; "zh_CN", "en"

    def model_for(self, task: str) -> str:
        return self.models.get(task) or _default_models().get(task, "")


def _coerce(name: str, value: Any, default: Any) -> Any:
    """Return ``value`` if it fits the field's type and allowed values, else ``default``."""
    if name == "models":
        if not isinstance(value, dict):
            return default
        merged = dict(default)
        merged.update({k: v for k, v in value.items() if k in catalog.TASKS and isinstance(v, str)})
        return merged
    allowed = {"device": DEVICES, "dtype": DTYPES, "writing_backend": WRITING_BACKENDS}
    if name in allowed and value not in allowed[name]:
        return default
    if isinstance(default, bool):
        return value if isinstance(value, bool) else default
    if isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
        return float(value) if ok else default
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) else default
    if isinstance(default, str):
        return value if isinstance(value, str) else default
    return default


def from_dict(data: dict[str, Any]) -> Settings:
    base = Settings()
    kwargs = {}
    for f in fields(Settings):
        if f.name in data:
            kwargs[f.name] = _coerce(f.name, data[f.name], getattr(base, f.name))
    kwargs["schema_version"] = SCHEMA_VERSION
    return Settings(**{**asdict(base), **kwargs})


class SettingsStore:
    """Load and save Settings at ``path`` (``<config dir>/settings.json``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning = ""  # set when the file could not be used; the UI shows it

    def load(self) -> Settings:
        self.warning = ""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            return self._fallback(f"could not read {self.path}: {exc}")
        try:
            data = json.loads(raw)
        except ValueError as exc:
            return self._fallback(f"{self.path} is not valid JSON ({exc})")
        if not isinstance(data, dict):
            return self._fallback(f"{self.path} does not hold a settings object")
        version = data.get("schema_version")
        if isinstance(version, int) and version > SCHEMA_VERSION:
            log.warning("settings file is from a newer version (%s); reading what we know", version)
        return from_dict(data)

    def _fallback(self, why: str) -> Settings:
        self.warning = f"Settings were reset to defaults: {why}."
        log.warning(self.warning)
        try:  # keep the broken file for the user instead of overwriting it silently
            self.path.replace(self.path.with_suffix(".json.bad"))
        except OSError:
            pass
        return Settings()

    def save(self, settings: Settings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = asdict(settings)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)  # atomic: a crash never leaves half a file
