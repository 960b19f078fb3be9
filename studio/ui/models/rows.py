"""What the Models dialog lists, found on disk (Qt-free; runs on a background thread).

One ``Row`` per model a task can use: the catalogue's entries with their state on
this machine, the folders and files the user added (``Settings.local_models``), the
references downloaded by repo id or URL in this session, and whatever else the hub
cache holds that looks made for the task (``downloads.cached_models``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from studio.core import catalog, downloads
from studio.core.hub import HubConfig

CATALOGUE, LOCAL, CACHED, ADDED = "catalogue", "local", "cached", "added"
LOCAL_OK, LOCAL_GONE = "local", "gone"  # states of the user's own folders and files
DROPPABLE = (".gguf", ".safetensors", ".onnx")  # files that can be added as models


@dataclass(frozen=True)
class Row:
    task: str
    ref: str  # what "use for this task" stores and a download fetches
    name: str
    kind: str  # catalogue | local | cached | added
    state: str  # downloads' states, or local | gone
    size: int = 0  # bytes: on disk when known, else the catalogue's estimate
    license: str = ""
    languages: tuple[str, ...] = ()
    cpu: bool | None = None  # runs well without a GPU (None: unknown)
    path: str = ""  # the folder or file when it is on this machine
    source: str = ""  # the repo (and file), URL or folder, for the details
    description: str = ""
    default: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return self.task, self.ref

    @property
    def use_ref(self) -> str:
        """What "use for this task" stores: a downloaded file URL is used from its file."""
        if self.kind == ADDED and self.ref.startswith(("http://", "https://")) and self.path:
            return self.path
        return self.ref

    @property
    def downloadable(self) -> bool:
        return self.kind in (CATALOGUE, ADDED) and self.state not in (
            downloads.BUILT_IN, downloads.DOWNLOADED)


def _state(ref: str, config: HubConfig) -> downloads.ModelState:
    try:
        return downloads.state(ref, config)
    except Exception:  # an unreadable cache or a reference it cannot plan: "not here"
        return downloads.ModelState(downloads.MISSING)


def _catalogue_row(entry: catalog.CatalogEntry, config: HubConfig) -> Row:
    found = _state(entry.id, config)
    size = found.bytes_on_disk if found.state == downloads.DOWNLOADED else 0
    source = entry.repo + (f" · {entry.file}" if entry.file else "") if entry.repo else ""
    return Row(entry.task, entry.id, entry.name, CATALOGUE, found.state,
               size or int(entry.size_mb * 1024 * 1024), entry.license, entry.languages,
               entry.cpu, found.path, source, entry.description, entry.default)


def _size(path: Path) -> int:
    try:
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    except OSError:
        return 0


def _local_row(task: str, ref: str) -> Row:
    path = Path(ref).expanduser()
    there = path.exists()
    return Row(task, ref, path.name or ref, LOCAL, LOCAL_OK if there else LOCAL_GONE,
               _size(path) if there else 0, path=str(path) if there else "", source=ref)


def _added_row(task: str, ref: str, config: HubConfig) -> Row:
    found = _state(ref, config)
    name = ref.rsplit("/", 1)[-1] if ref.startswith(("http://", "https://")) else ref
    return Row(task, ref, name, ADDED, found.state, found.bytes_on_disk, path=found.path,
               source=ref)


def scan(config: HubConfig, local: dict[str, list[str]], added: dict[str, list[str]],
         chosen: dict[str, str]) -> list[Row]:
    """Every task's rows: catalogue, local, added, then the rest of the cache.

    ``chosen`` (the settings' model per task) adds a row for a hub repo id the user
    chose elsewhere, so the model in use is always listed.
    """
    rows: list[Row] = [_catalogue_row(e, config) for e in catalog.load_catalog()]
    seen = {r.key for r in rows}
    for task in catalog.TASKS:
        for ref in local.get(task, []):
            if (task, ref) not in seen:
                rows.append(_local_row(task, ref))
                seen.add((task, ref))
        extra = list(added.get(task, []))
        current = chosen.get(task, "")
        if current and current not in extra and (task, current) not in seen:
            extra.append(current)
        for ref in extra:
            if (task, ref) in seen:
                continue
            seen.add((task, ref))
            if Path(ref).expanduser().is_absolute():
                rows.append(_local_row(task, ref))
            else:
                rows.append(_added_row(task, ref, config))
    try:
        cached = downloads.cached_models(config)
    except OSError:
        cached = []
    for model in cached:
        if model.catalogue_id or not model.task or (model.task, model.repo) in seen:
            continue
        seen.add((model.task, model.repo))
        rows.append(Row(model.task, model.repo, model.repo, CACHED, downloads.CACHED,
                        model.size, path=model.path, source=model.repo))
    return rows


def verify(row: Row, config: HubConfig) -> list[str]:
    """The damaged or missing files of ``row``'s model ([] when every byte checks out)."""
    from studio.core import models

    entry = catalog.find(row.ref)
    if entry is not None and entry.bundled:
        return [c.key for c in models.check_bundled(entry, rehash=True) if not c.ok]
    return downloads.verify(row.ref, config)


def remove(row: Row, config: HubConfig) -> int:
    """Delete a downloaded model's files from the cache; the bytes freed."""
    return downloads.remove(row.ref, config)


def with_local(local: dict[str, list[str]], task: str,
               paths: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """``local`` (Settings.local_models) plus the model folders and files among ``paths``."""
    out = {t: list(v) for t, v in local.items()}
    mine = out.setdefault(task, [])
    added = [p for p in paths if (os.path.isdir(p) or p.lower().endswith(DROPPABLE))
             and p not in mine]
    mine.extend(added)
    return out, added


def without_local(local: dict[str, list[str]], task: str, ref: str) -> dict[str, list[str]]:
    out = {t: [r for r in v if not (t == task and r == ref)] for t, v in local.items()}
    return {t: v for t, v in out.items() if v}
