"""The model catalogue: what the app offers per task (data in resources/models.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .paths import resources_dir

TASKS = ("writing", "painting", "voice", "transcription")


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    name: str
    task: str
    engine: str
    source: str  # "bundled" (inside an installed PyPI package) or "hub"
    license: str = ""
    size_mb: float = 0.0
    description: str = ""
    default: bool = False
    # bundled: the model folder as "package/sub/folder", and every file it needs as
    # "package/relative/path" -> sha256 (files may come from several packages)
    folder: str = ""
    files: dict[str, str] = field(default_factory=dict)
    # bundled split weights: these files are joined in order into ``join_to``
    join: tuple[str, ...] = ()
    join_to: str = ""
    # hub: repository id and optional single file (e.g. one GGUF of a repo, or a Piper voice's
    # .onnx inside a folder of the repo: its .onnx.json comes with it)
    repo: str = ""
    file: str = ""
    # hub: the branch or ref to fetch ("refs/pr/1" where only a PR holds safetensors weights)
    revision: str = ""
    language: str = ""  # what it speaks or reads, e.g. "en-US", "zh-CN" ("" = not one language)
    requires: tuple[str, ...] = ()  # catalogue ids it needs too (a vocoder), downloaded with it
    # languages it handles well, for the Models dialog ("multilingual" for dozens)
    languages: tuple[str, ...] = ()
    cpu: bool = False  # runs at a usable speed without a GPU

    @property
    def bundled(self) -> bool:
        return self.source == "bundled"

    @property
    def main_file(self) -> str:
        """The file an engine opens, when the model is one file (GGUF, ONNX)."""
        if self.file:
            return self.file
        for name in self.files:
            if name.endswith((".gguf", ".onnx")):
                return name.rsplit("/", 1)[-1]
        return ""


def _entry(raw: dict) -> CatalogEntry:
    known = set(CatalogEntry.__dataclass_fields__)
    unknown = set(raw) - known
    if unknown:
        raise ValueError(f"models.toml entry {raw.get('id')!r}: unknown keys {sorted(unknown)}")
    if raw.get("task") not in TASKS:
        raise ValueError(f"models.toml entry {raw.get('id')!r}: bad task {raw.get('task')!r}")
    raw = dict(raw)
    raw["join"] = tuple(raw.get("join", ()))
    raw["requires"] = tuple(raw.get("requires", ()))
    raw["languages"] = tuple(raw.get("languages", ())) or (
        (raw["language"],) if raw.get("language") else ())
    return CatalogEntry(**raw)


@lru_cache(maxsize=4)
def load_catalog(path: Path | None = None) -> tuple[CatalogEntry, ...]:
    path = path or resources_dir() / "models.toml"
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    entries = tuple(_entry(raw) for raw in data.get("model", []))
    ids = [e.id for e in entries]
    if len(ids) != len(set(ids)):
        raise ValueError("models.toml has duplicate ids")
    return entries


def find(model_id: str) -> CatalogEntry | None:
    return next((e for e in load_catalog() if e.id == model_id), None)


def for_task(task: str) -> list[CatalogEntry]:
    return [e for e in load_catalog() if e.task == task]


def default_for(task: str) -> CatalogEntry | None:
    entries = for_task(task)
    return next((e for e in entries if e.default), entries[0] if entries else None)
