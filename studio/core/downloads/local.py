"""What is on this machine: a model's state, verify, remove, and what else the cache holds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .. import catalog, hubcache, models
from ..hub import HubConfig
from ..jobs import UserError
from ..messages import msg
from .job import _plans, url_target

BUILT_IN, DOWNLOADED, PARTIAL, CACHED, MISSING = (
    "built_in", "downloaded", "partial", "cached", "not_downloaded")


@dataclass(frozen=True)
class ModelState:
    state: str  # built_in | downloaded | partial | cached (there, not by this app) | not_downloaded
    bytes_on_disk: int = 0  # what removing it would free (roughly, for shared blobs)
    path: str = ""  # its folder or main file when usable


def _partial_bytes(cache: Path, marker: hubcache.Marker) -> int:
    total = 0
    for size, etag in marker.files.values():
        blob = hubcache.blob_path(cache, marker.repo, str(etag))
        partial = hubcache.partial_path(cache, marker.repo, str(etag))
        if blob.is_file():
            total += int(size)
        elif partial.is_file():
            total += partial.stat().st_size
    return total


def state(ref: str, config: HubConfig) -> ModelState:
    """Built in, downloaded (complete and intact), partial (a download to resume), cached (in
    the hub cache without our marker: found, not checked) or not downloaded."""
    entry = catalog.find(ref)
    if entry is not None and entry.bundled:
        return ModelState(BUILT_IN, 0, "")
    try:
        p = _plans(ref)[0]
    except UserError:
        return ModelState(MISSING)
    cache = config.cache_path
    if p.url:
        target = url_target(p)
        if target.is_file():
            return ModelState(DOWNLOADED, target.stat().st_size, str(target))
        partial = target.with_name(target.name + ".incomplete")
        return ModelState(PARTIAL, partial.stat().st_size) if partial.is_file() else \
            ModelState(MISSING)
    marker = hubcache.read_marker(cache, p.repo, p.revision, p.file)
    if marker is not None:
        if hubcache.intact(cache, marker):
            folder = hubcache.snapshot_dir(cache, p.repo, marker.commit)
            return ModelState(DOWNLOADED, marker.total_bytes,
                              str(folder / p.file if p.file else folder))
        return ModelState(PARTIAL, _partial_bytes(cache, marker))
    found = _cached(p, cache)
    return ModelState(CACHED, _size(found), str(found)) if found else ModelState(MISSING)


def _cached(p, cache: Path) -> Path | None:
    """Where huggingface_hub (or another tool) left this model in ``cache``, if complete."""
    from huggingface_hub import snapshot_download, try_to_load_from_cache

    revision = p.revision or None
    if p.file:
        paths = [try_to_load_from_cache(p.repo, name, cache_dir=cache, revision=revision)
                 for name in models.model_files(p.file)]
        return Path(paths[0]) if all(isinstance(x, str) for x in paths) else None
    try:
        return Path(snapshot_download(p.repo, revision=revision, cache_dir=cache,
                                      local_files_only=True))
    except Exception:  # not there (LocalEntryNotFoundError), or unreadable
        return None


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def verify(ref: str, config: HubConfig) -> list[str]:
    """Every byte of a downloaded model checked against the hub's hashes: the bad files.

    A model with damaged files is marked unfinished, so it is not used until it is
    downloaded again (which fetches only the damaged files).
    """
    p = _plans(ref)[0]
    cache = config.cache_path
    if p.url:
        return [] if url_target(p).is_file() else [p.file]
    marker = hubcache.read_marker(cache, p.repo, p.revision, p.file)
    if marker is None:
        raise UserError(msg("models.not_ours", "{ref} was not downloaded by AIGC Studio, so its "
                            "files cannot be checked against the hub's hashes.", ref=ref))
    if marker.state != hubcache.COMPLETE:
        return sorted(marker.files)
    bad = hubcache.verify(cache, marker)
    if bad:
        for name in bad:
            (hubcache.snapshot_dir(cache, p.repo, marker.commit) / name).unlink(missing_ok=True)
            etag = str(marker.files[name][1])
            hubcache.blob_path(cache, p.repo, etag).unlink(missing_ok=True)
        marker.state = hubcache.DOWNLOADING
        hubcache.write_marker(cache, marker)
    return bad


def remove(ref: str, config: HubConfig) -> int:
    """Delete a downloaded (or partly downloaded) model's files; the bytes freed.

    Built-in models cannot be removed; files another model shares stay.
    """
    entry = catalog.find(ref)
    if entry is not None and entry.bundled:
        raise UserError(msg("models.remove_built_in", "{ref} is built in (it comes with the "
                            "app's packages) and cannot be removed.", ref=ref))
    p = _plans(ref)[0]
    cache = config.cache_path
    if p.url:
        target = url_target(p)
        freed = 0
        for path in (target, target.with_name(target.name + ".incomplete")):
            if path.is_file():
                freed += path.stat().st_size
                path.unlink()
        return freed
    marker = hubcache.read_marker(cache, p.repo, p.revision, p.file)
    if marker is not None:
        return hubcache.remove(cache, marker)
    if hubcache.repo_dir(cache, p.repo).is_dir() and not p.file:
        return hubcache.remove_repo(cache, p.repo)
    raise UserError(msg("models.not_downloaded", "{ref} is not downloaded: nothing to remove.",
                        ref=ref))


@dataclass(frozen=True)
class CachedModel:
    repo: str
    task: str  # the task it looks made for ("" if unknown)
    path: str
    size: int
    catalogue_id: str = ""


def _guess_task(folder: Path) -> str:
    if (folder / "model_index.json").is_file():
        return "painting"
    if any(folder.rglob("*.onnx.json")):
        return "voice"
    if (folder / "vocabulary.txt").is_file() or (folder / "vocabulary.json").is_file():
        return "transcription"
    if any(folder.glob("*.gguf")):
        return "writing"
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    arch = " ".join(config.get("architectures") or []) if isinstance(config, dict) else ""
    if "CausalLM" in arch or "LMHeadModel" in arch:
        return "writing"
    if "SpeechSeq2Seq" in arch or "Whisper" in arch or "CTC" in arch:
        return "transcription"
    if "Vits" in arch or "SpeechT5ForTextToSpeech" in arch or "HifiGan" in arch:
        return "voice"
    return ""


def cached_models(config: HubConfig) -> list[CachedModel]:
    """Every model repo in the hub cache with the task it looks made for."""
    cache = config.cache_path
    by_repo = {e.repo: e.id for e in catalog.load_catalog() if e.repo and not e.file}
    out = []
    for folder in sorted(cache.glob("models--*--*")):
        repo = folder.name[len("models--"):].replace("--", "/", 1)
        snapshots = sorted((folder / "snapshots").glob("*"), key=lambda p: p.stat().st_mtime)
        if not snapshots:
            continue
        snap = snapshots[-1]
        size = sum(p.stat().st_size for p in (folder / "blobs").glob("*")
                   if p.is_file() and not p.name.endswith(".incomplete"))
        out.append(CachedModel(repo, _guess_task(snap), str(snap), size, by_repo.get(repo, "")))
    return out
