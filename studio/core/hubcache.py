"""The local Hugging Face cache as this app writes and reads it, and its completion markers.

Layout (huggingface_hub's, so other tools find what we download and we find
theirs)::

    <cache>/models--owner--name/blobs/<etag>            file contents
    <cache>/models--owner--name/blobs/<etag>.incomplete  a download in progress (resumable)
    <cache>/models--owner--name/snapshots/<commit>/<path> -> ../../blobs/<etag>
    <cache>/models--owner--name/refs/<revision>           the commit a branch points to

A model downloaded by this app also gets a **marker**
(``models--owner--name/.aigc-studio/<key>.json``): ``downloading`` from the moment
its first byte is asked for until every file is in place with its size and hash
checked, then ``complete``.  A model whose marker says ``downloading`` is never
taken for a usable one, so a crash, a kill or a closed window mid-download never
leaves something that looks installed.  Repos without a marker (downloaded by
other tools) are used as they are.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import atomic_write_text

DOWNLOADING = "downloading"
COMPLETE = "complete"
MARKERS = ".aigc-studio"


def repo_dir(cache: Path, repo: str) -> Path:
    return cache / ("models--" + repo.replace("/", "--"))


def blob_path(cache: Path, repo: str, etag: str) -> Path:
    return repo_dir(cache, repo) / "blobs" / etag


def partial_path(cache: Path, repo: str, etag: str) -> Path:
    return repo_dir(cache, repo) / "blobs" / (etag + ".incomplete")


def snapshot_dir(cache: Path, repo: str, commit: str) -> Path:
    return repo_dir(cache, repo) / "snapshots" / commit


def lock_path(cache: Path, repo: str, etag: str) -> Path:
    """The lock huggingface_hub itself takes for this blob (so the two never write it at once)."""
    return cache / ".locks" / ("models--" + repo.replace("/", "--")) / (etag + ".lock")


@dataclass
class Marker:
    repo: str
    revision: str  # "" = main
    file: str  # the main file of a one-file model, "" for a snapshot
    state: str = DOWNLOADING
    commit: str = ""
    # path in the repo -> [size, etag]
    files: dict[str, list] = field(default_factory=dict)
    ref: str = ""  # what the user asked for (catalogue id or repo id)

    @property
    def total_bytes(self) -> int:
        return sum(int(v[0]) for v in self.files.values())


def _key(revision: str, file: str) -> str:
    digest = hashlib.sha1(f"{revision}\0{file}".encode()).hexdigest()[:16]
    tail = (file.rsplit("/", 1)[-1] or "snapshot").replace(os.sep, "_")[:60]
    return f"{tail}.{digest}.json"


def marker_path(cache: Path, repo: str, revision: str, file: str) -> Path:
    return repo_dir(cache, repo) / MARKERS / _key(revision, file)


def read_marker(cache: Path, repo: str, revision: str, file: str) -> Marker | None:
    try:
        raw = json.loads(marker_path(cache, repo, revision, file).read_text(encoding="utf-8"))
        marker = Marker(**{k: raw[k] for k in Marker.__dataclass_fields__ if k in raw})
    except (OSError, ValueError, TypeError):
        return None
    if marker.state not in (DOWNLOADING, COMPLETE) or not isinstance(marker.files, dict):
        return None
    return marker


def write_marker(cache: Path, marker: Marker) -> None:
    path = marker_path(cache, marker.repo, marker.revision, marker.file)
    atomic_write_text(path, json.dumps(marker.__dict__, indent=1))


def markers(cache: Path) -> list[Marker]:
    """Every marker in the cache (each model this app downloaded or started to)."""
    out = []
    for path in sorted(cache.glob(f"models--*/{MARKERS}/*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            out.append(Marker(**{k: raw[k] for k in Marker.__dataclass_fields__ if k in raw}))
        except (OSError, ValueError, TypeError):
            continue
    return out


def _digest(path: Path, h) -> str:
    with open(path, "rb") as fh:
        while block := fh.read(1 << 22):
            h.update(block)
    return h.hexdigest()


def git_blob_sha1(path: Path) -> str:
    """The git object id of a file (the hub's ETag for files not stored with LFS)."""
    return _digest(path, hashlib.sha1(f"blob {path.stat().st_size}\0".encode()))


def content_matches(path: Path, etag: str, size: int | None) -> bool:
    """Size and hash as the hub stated them: LFS ETags are sha256, others the git sha1.

    An ETag of another shape (some mirrors) is checked by size only.
    """
    try:
        if size is not None and path.stat().st_size != size:
            return False
    except OSError:
        return False
    if len(etag) == 64:
        return _digest(path, hashlib.sha256()) == etag
    if len(etag) == 40:
        return git_blob_sha1(path) == etag
    return True


def link(cache: Path, repo: str, commit: str, name: str, etag: str) -> Path:
    """Put ``name`` in the snapshot as a relative link to its blob (a copy where links fail)."""
    target = snapshot_dir(cache, repo, commit) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    blob = blob_path(cache, repo, etag)
    rel = os.path.relpath(blob, target.parent)
    if target.is_symlink() or target.exists():
        if target.is_symlink() and os.readlink(target) == rel:
            return target
        target.unlink()
    try:
        os.symlink(rel, target)
    except OSError:  # no symlinks (some Windows set-ups): keep a copy instead
        shutil.copy2(blob, target)
    return target


def write_ref(cache: Path, repo: str, revision: str, commit: str) -> None:
    """Remember that ``revision`` (a branch or PR ref) is ``commit``, as huggingface_hub does."""
    if not revision or revision == commit:
        return
    path = repo_dir(cache, repo) / "refs" / revision
    atomic_write_text(path, commit)


def main_file(marker: Marker) -> str:
    """The file an engine opens: the one-file model's, or a snapshot's only GGUF ("" if none)."""
    if marker.file:
        return marker.file
    ggufs = [n for n in marker.files if n.lower().endswith(".gguf")]
    has_other = any(n.endswith(".safetensors") for n in marker.files)
    return ggufs[0] if len(ggufs) == 1 and not has_other else ""


def local_files(cache: Path, marker: Marker) -> list[Path]:
    snap = snapshot_dir(cache, marker.repo, marker.commit)
    return [snap / name for name in marker.files]


def intact(cache: Path, marker: Marker) -> bool:
    """Every file of a complete marker is there with its size (the quick check before use)."""
    if marker.state != COMPLETE or not marker.commit:
        return False
    for path, (size, _etag) in zip(local_files(cache, marker), marker.files.values(),
                                   strict=True):
        try:
            if path.stat().st_size != int(size):
                return False
        except OSError:
            return False
    return True


def verify(cache: Path, marker: Marker) -> list[str]:
    """Every byte of every file checked against its hash: the names of the bad ones."""
    bad = []
    for path, (name, (size, etag)) in zip(local_files(cache, marker), marker.files.items(),
                                          strict=True):
        if not content_matches(path, etag, int(size)):
            bad.append(name)
    return bad


def _linked_blobs(repo_folder: Path) -> set[str]:
    names = set()
    for path in (repo_folder / "snapshots").rglob("*"):
        if path.is_symlink():
            names.add(Path(os.readlink(path)).name)
    return names


def remove(cache: Path, marker: Marker) -> int:
    """Delete a model's files and marker; blobs another snapshot file still uses stay.

    Returns the bytes freed.  A repo left with nothing is removed entirely.
    """
    folder = repo_dir(cache, marker.repo)
    freed = 0
    etags = {str(v[1]) for v in marker.files.values()}
    snap = snapshot_dir(cache, marker.repo, marker.commit) if marker.commit else None
    for name in marker.files:
        if snap is None:
            break
        path = snap / name
        with contextlib.suppress(OSError):
            if not path.is_symlink():
                freed += path.stat().st_size
            path.unlink()
    still_used = _linked_blobs(folder) if folder.is_dir() else set()
    for etag in etags:
        for blob in (blob_path(cache, marker.repo, etag), partial_path(cache, marker.repo, etag)):
            if blob.name in still_used:
                continue
            with contextlib.suppress(OSError):
                freed += blob.stat().st_size
                blob.unlink()
    with contextlib.suppress(OSError):
        marker_path(cache, marker.repo, marker.revision, marker.file).unlink()
    _prune(folder)
    return freed


def remove_repo(cache: Path, repo: str) -> int:
    """Delete a whole cached repo (one this app did not download: no marker)."""
    folder = repo_dir(cache, repo)
    freed = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    shutil.rmtree(folder, ignore_errors=True)
    return freed


def _prune(folder: Path) -> None:
    """Remove empty folders left behind, and the repo when no snapshot file is left."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not path.is_symlink():
            with contextlib.suppress(OSError):
                path.rmdir()  # only empty ones go
    snapshots = folder / "snapshots"
    busy = any((folder / MARKERS).glob("*.json")) or any((folder / "blobs").glob("*.incomplete"))
    if not busy and (not snapshots.exists() or not any(snapshots.rglob("*"))):
        shutil.rmtree(folder, ignore_errors=True)
