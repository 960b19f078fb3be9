"""Typed application settings, persisted as JSON with a schema version.

Every field is validated by value, not only by type: an out-of-range number,
an infinite one, a geometry that is not base64, an unknown language all fall
back to that field's default.  Unknown keys are dropped.  Whatever the file
holds, ``load()`` returns usable settings; when something had to be reset, the
original file is kept as ``settings.json.bad`` and ``warning`` says so.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from . import catalog
from .atomic import atomic_write_text
from .devices import DEVICES, DTYPES, default_memory_budget
from .hub import HubConfig
from .jsonfile import broken_warning, read_object, set_aside
from .messages import Message, msg

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
WRITING_BACKENDS = ("auto", "llama.cpp", "transformers")
LANGUAGES = ("", "en", "zh_CN")  # "" follows the system
TABS = catalog.TASKS
MAX_BUDGET_GB = 65536.0
_BASE64 = re.compile(r"[A-Za-z0-9+/=]*")
_MAX_TEXT = 4096  # a path, a URL, a model reference
_ENDPOINT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")  # as endpoints.store.NAME
_MAX_ITEMS = 500  # entries of a list setting (opt-ins, local models)


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
    memory_budget_gb: float = 0.0  # 0 = automatic (devices.default_memory_budget)
    offline: bool = False  # never touch the network (hub downloads refused)
    hf_endpoint: str = ""  # mirror, e.g. https://hf-mirror.com
    hf_cache_dir: str = ""  # "" = the standard Hugging Face cache (models already there are found)
    # Per-model opt-ins (catalogue ids, hub repo ids or local paths), never implicit:
    allow_pickle_models: list[str] = field(default_factory=list)  # pickled weights accepted
    trust_remote_code_models: list[str] = field(default_factory=list)  # may run their own code
    # Model folders and files the user added, per task (the Models dialog)
    local_models: dict[str, list[str]] = field(default_factory=dict)
    # Per task, a model on an inference server instead: {"endpoint": name, "model": the
    # server's model id} (Settings → Endpoints); ``models`` keeps the local choice meanwhile.
    remote_models: dict[str, dict[str, str]] = field(default_factory=dict)
    force_stop_after_s: float = 5.0  # after Stop, offer Force stop if the job is still running
    # audio devices by name ("" = the system default): PortAudio indices change between runs
    input_device: str = ""
    output_device: str = ""
    # window state, kept here so one file restores the whole session
    geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""
    current_tab: str = "writing"
    language: str = ""  # "" = follow the system; "zh_CN", "en"

    def model_for(self, task: str) -> str:
        """The task's model on this computer (what runs when no remote model is chosen)."""
        return self.models.get(task) or _default_models().get(task, "")

    def remote_for(self, task: str) -> tuple[str, str] | None:
        """(endpoint name, server model id) when the task runs on an endpoint, else None."""
        choice = self.remote_models.get(task)
        return (choice["endpoint"], choice["model"]) if choice else None

    def target_for(self, task: str) -> tuple[str, str]:
        """What a request for ``task`` carries: (``endpoint``, ``model``); "" = this computer."""
        return self.remote_for(task) or ("", self.model_for(task))

    @property
    def memory_budget_bytes(self) -> int:
        """The budget the engine keeps: the setting, or (0) the automatic one from free RAM."""
        gb = self.memory_budget_gb
        return int(gb * 1024**3) if gb > 0 else default_memory_budget()

    def hub_config(self) -> HubConfig:
        """What model resolution, downloads and engines need to know (see core/hub.py)."""
        return HubConfig(self.hf_endpoint, self.offline, self.hf_cache_dir,
                         tuple(self.allow_pickle_models), tuple(self.trust_remote_code_models))


def _encodable(value: str) -> bool:
    """No lone surrogates ("\\ud800" in the JSON): they load, then every save fails."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text(value: Any) -> bool:
    return (isinstance(value, str) and len(value) <= _MAX_TEXT and "\x00" not in value
            and _encodable(value))


def _number(low: float, high: float) -> Callable[[Any], bool]:
    def ok(value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if isinstance(value, int):  # JSON's 1000…0 is an int: math.isfinite overflows on it
            return low <= value <= high
        return math.isfinite(value) and low <= value <= high
    return ok


def _one_of(allowed) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, str) and value in allowed


def _endpoint(value: Any) -> bool:
    return _text(value) and (value == "" or re.fullmatch(r"https?://[^\s]+", value) is not None)


def _folder(value: Any) -> bool:
    """"" or an absolute path (after ~): a relative one would change with the working folder."""
    return _text(value) and (value == "" or Path(value).expanduser().is_absolute())


def _text_list(value: Any) -> bool:
    return (isinstance(value, list) and len(value) <= _MAX_ITEMS
            and all(_text(v) and v.strip() for v in value))


def _local_models(value: Any) -> bool:
    return (isinstance(value, dict) and all(k in catalog.TASKS for k in value)
            and all(_text_list(v) for v in value.values()))


def _remote_models(value: Any) -> bool:
    return (isinstance(value, dict) and all(k in catalog.TASKS for k in value)
            and all(isinstance(v, dict) and set(v) == {"endpoint", "model"}
                    and isinstance(v["endpoint"], str) and _ENDPOINT_NAME.fullmatch(v["endpoint"])
                    and _text(v["model"]) and v["model"].strip() for v in value.values()))


def _window_blob(value: Any) -> bool:
    return (isinstance(value, str) and len(value) < 1_000_000
            and _BASE64.fullmatch(value) is not None)


VALIDATORS: dict[str, Callable[[Any], bool]] = {
    "device": _one_of(DEVICES),
    "dtype": _one_of(DTYPES),
    "writing_backend": _one_of(WRITING_BACKENDS),
    "memory_budget_gb": _number(0.0, MAX_BUDGET_GB),
    "offline": lambda value: isinstance(value, bool),
    "hf_endpoint": _endpoint,
    "hf_cache_dir": _folder,
    "allow_pickle_models": _text_list,
    "trust_remote_code_models": _text_list,
    "local_models": _local_models,
    "remote_models": _remote_models,
    "force_stop_after_s": _number(1.0, 600.0),
    "input_device": _text,
    "output_device": _text,
    "geometry": _window_blob,
    "window_state": _window_blob,
    "current_tab": _one_of(TABS),
    "language": _one_of(LANGUAGES),
}


def from_dict(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from parsed JSON, and the names of the fields that had to be reset."""
    base = Settings()
    values: dict[str, Any] = {}
    rejected: list[str] = []
    for f in fields(Settings):
        if f.name not in data or f.name == "schema_version":
            continue
        value = data[f.name]
        if f.name == "models":
            if not isinstance(value, dict):
                rejected.append(f.name)
                continue
            models = dict(base.models)
            for task, ref in value.items():
                if task in catalog.TASKS and _text(ref):
                    models[task] = ref
                elif task in catalog.TASKS:
                    rejected.append(f"models.{task}")
            values["models"] = models
        elif VALIDATORS[f.name](value):
            values[f.name] = float(value) if isinstance(f.default, float) else value
        else:
            rejected.append(f.name)
    return Settings(**{**asdict(base), **values, "schema_version": SCHEMA_VERSION}), rejected


class SettingsStore:
    """Load and save Settings at ``path`` (``paths.settings_path()``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: Message | None = None  # set when the file could not be used as is

    def load(self) -> Settings:
        self.warning = None
        data, problem = read_object(self.path)
        if problem is not None:
            self.warning = problem
            log.warning("%s", problem)
            return Settings()
        version = data.get("schema_version")
        if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
            log.warning("settings file is from a newer version (%s); reading what we know", version)
        settings, rejected = from_dict(data)
        if rejected:
            kept = set_aside(self.path, copy=True)
            self.warning = broken_warning(self.path, msg(
                "settings.invalid_values", "these values were not valid: {names}",
                names=", ".join(rejected)), kept)
            log.warning("%s", self.warning)
        return settings

    def save(self, settings: Settings) -> None:
        atomic_write_text(self.path, json.dumps(asdict(settings), indent=2, ensure_ascii=False))
