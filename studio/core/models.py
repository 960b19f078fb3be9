"""Resolve a model reference to files on this machine.

A reference is one of:
- a catalogue id (``smollm2-135m-instruct``): bundled entries resolve inside
  their installed PyPI package and are sha256-checked once; hub entries
  resolve to their snapshot in the local Hugging Face cache;
- a local path (a model folder, or one file such as a ``.gguf``);
- a hub repo id (``owner/name``), looked up in the local cache only.

Nothing here downloads: a hub model missing from the cache is a UserError
telling the user how to download it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import catalog
from .catalog import CatalogEntry
from .jobs import UserError
from .paths import cache_dir

# Single files that are a whole model (llama.cpp weights, Piper voices).
MODEL_FILE_SUFFIXES = (".gguf", ".onnx")


@dataclass(frozen=True)
class LocalModel:
    ref: str
    path: Path  # the model folder (or the single file, for a bare .gguf path)
    entry: CatalogEntry | None = None
    file: str = ""  # the main file inside ``path`` when there is one (GGUF, ONNX)

    @property
    def main_path(self) -> Path:
        return self.path / self.file if self.file else self.path

    @property
    def is_gguf(self) -> bool:
        return self.main_path.suffix.lower() == ".gguf"


def package_dir(package: str) -> Path | None:
    """Folder of an installed package without importing it (some have heavy __init__s)."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def bundled_file(key: str) -> Path | None:
    package, _, rel = key.partition("/")
    root = package_dir(package)
    return root / rel if root else None


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class FileStatus:
    key: str
    path: Path | None
    ok: bool
    problem: str = ""


def check_bundled(entry: CatalogEntry, stamps: Path | None = None) -> list[FileStatus]:
    """Check each file of a bundled entry: present and matching its sha256.

    A stamp (size, mtime, sha) per file avoids re-hashing 100 MB on every start.
    """
    stamps = stamps or cache_dir() / "verified.json"
    try:
        known = json.loads(stamps.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    out: list[FileStatus] = []
    changed = False
    for key, sha in entry.files.items():
        path = bundled_file(key)
        if path is None or not path.is_file():
            out.append(FileStatus(key, path, False, "not installed"))
            continue
        st = path.stat()
        stamp = [st.st_size, st.st_mtime_ns, sha]
        if known.get(str(path)) == stamp:
            out.append(FileStatus(key, path, True))
            continue
        actual = sha256_file(path)
        if actual != sha:
            out.append(FileStatus(key, path, False, f"sha256 mismatch ({actual[:12]}…)"))
            continue
        known[str(path)] = stamp
        changed = True
        out.append(FileStatus(key, path, True))
    if changed:
        try:
            stamps.parent.mkdir(parents=True, exist_ok=True)
            tmp = stamps.with_suffix(".tmp")
            tmp.write_text(json.dumps(known), encoding="utf-8")
            os.replace(tmp, stamps)
        except OSError:
            pass  # verification still holds for this run
    return out


def _bundled(entry: CatalogEntry, root: Path) -> LocalModel:
    problems = [s for s in check_bundled(entry, root / "verified.json") if not s.ok]
    if problems:
        first = problems[0]
        if first.problem == "not installed":
            pkg = first.key.split("/", 1)[0]
            raise UserError(
                f"The built-in model {entry.id!r} is not installed (package {pkg!r} missing). "
                "Run the set-up command from README."
            )
        raise UserError(
            f"The built-in model {entry.id!r} is damaged: {first.key}: {first.problem}."
        )
    folder = bundled_file(entry.folder + "/")
    assert folder is not None
    if entry.join:
        folder = _joined(entry, folder, root)
    return LocalModel(entry.id, folder, entry, entry.main_file)


def _joined(entry: CatalogEntry, source: Path, root: Path) -> Path:
    """Rebuild split weights once into a cache folder beside links to the other files."""
    target = root / "joined" / entry.id
    done = target / ".complete"
    if done.is_file():
        return target
    tmp = target.with_name(target.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    parts = {k.rsplit("/", 1)[-1] for k in entry.join}
    for item in source.iterdir():
        if item.is_file() and item.name not in parts and not item.name.startswith("__"):
            shutil.copy2(item, tmp / item.name)
    with open(tmp / entry.join_to, "wb") as out:
        for key in entry.join:
            part = bundled_file(key)
            assert part is not None
            with open(part, "rb") as fh:
                shutil.copyfileobj(fh, out, 1 << 22)
    (tmp / ".complete").write_text("ok", encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    os.replace(tmp, target)
    return target


def _hub(repo: str, file: str, entry: CatalogEntry | None) -> LocalModel:
    try:
        if file:
            from huggingface_hub import hf_hub_download

            path = Path(hf_hub_download(repo, file, local_files_only=True))
            return LocalModel(entry.id if entry else repo, path.parent, entry, path.name)
        from huggingface_hub import snapshot_download

        path = Path(snapshot_download(repo, local_files_only=True))
    except Exception as exc:  # LocalEntryNotFoundError, offline errors, bad ids
        name = entry.id if entry else repo
        raise UserError(
            f"The model {name!r} ({repo}) is not downloaded yet. "
            f"Download it with: aigc-studio models download {name}"
        ) from exc
    return LocalModel(entry.id if entry else repo, path, entry)


def resolve(ref: str, task: str | None = None, root: Path | None = None) -> LocalModel:
    """Turn a reference into a LocalModel, or raise UserError saying why not."""
    ref = (ref or "").strip()
    if not ref:
        raise UserError("No model chosen.")
    root = root or cache_dir()
    entry = catalog.find(ref)
    if entry is not None:
        if task and entry.task != task:
            raise UserError(f"The model {ref!r} is a {entry.task} model, not a {task} model.")
        if entry.bundled:
            return _bundled(entry, root)
        return _hub(entry.repo, entry.file, entry)
    path = Path(ref).expanduser()
    if path.exists():
        path = path.resolve()
        if path.is_file():
            if path.suffix.lower() not in MODEL_FILE_SUFFIXES:
                raise UserError(f"{path.name} is a file, not a model: choose a model folder or a "
                                f"{' / '.join(MODEL_FILE_SUFFIXES)} file.")
            return LocalModel(ref, path.parent, None, path.name)
        return LocalModel(ref, path, None)
    looks_like_path = ref.startswith((".", "/", "~")) or os.sep in ref.replace("/", "", 1) or (
        ref.count("/") != 1
    )
    if looks_like_path:
        raise UserError(
            f"Model not found: {ref!r} is neither a catalogue id nor an existing folder."
        )
    return _hub(ref, "", None)
