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
import stat
from dataclasses import dataclass
from pathlib import Path

from . import catalog, hub, hubcache
from .atomic import atomic_write_text
from .catalog import CatalogEntry
from .jobs import UserError
from .messages import msg
from .paths import cache_dir

# Single files that are a whole model (llama.cpp weights, Piper voices).
MODEL_FILE_SUFFIXES = (".gguf", ".onnx")
# Suffixes that mark a reference as a file path (never a hub repo id "owner/name").
PATH_SUFFIXES = (*MODEL_FILE_SUFFIXES, ".safetensors", ".bin", ".ckpt", ".pt", ".pth")


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


def _read_stamps(path: Path) -> dict:
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def _write_stamps(path: Path, known: dict) -> None:
    try:
        atomic_write_text(path, json.dumps(known))
    except OSError:
        pass  # the check still holds for this run; it is redone next time


def check_bundled(entry: CatalogEntry, stamps: Path | None = None,
                  rehash: bool = False) -> list[FileStatus]:
    """Check each file of a bundled entry: present and matching its sha256.

    A stamp (size, mtime, sha) per file avoids re-hashing 100 MB on every start;
    ``rehash`` ignores the stamps and reads every byte (``models verify``).
    """
    stamps = stamps or cache_dir() / "verified.json"
    known = _read_stamps(stamps)
    out: list[FileStatus] = []
    changed = False
    for key, sha in entry.files.items():
        path = bundled_file(key)
        if path is None or not path.is_file():
            out.append(FileStatus(key, path, False, "not installed"))
            continue
        st = path.stat()
        stamp = [st.st_size, st.st_mtime_ns, sha]
        if not rehash and known.get(str(path)) == stamp:
            out.append(FileStatus(key, path, True))
            continue
        actual = sha256_file(path)
        if actual != sha:
            known.pop(str(path), None)
            changed = True
            out.append(FileStatus(key, path, False, f"sha256 mismatch ({actual[:12]}…)"))
            continue
        if known.get(str(path)) != stamp:
            known[str(path)] = stamp
            changed = True
        out.append(FileStatus(key, path, True))
    if changed:
        _write_stamps(stamps, known)
    return out


def _file_sha(path: Path, known: dict) -> str:
    """sha256 of a file, remembered by (size, mtime) in ``known`` (hashing reads every byte)."""
    st = path.stat()
    stamp = known.get(str(path))
    if isinstance(stamp, list) and stamp[:2] == [st.st_size, st.st_mtime_ns]:
        return stamp[2]
    sha = sha256_file(path)
    known[str(path)] = [st.st_size, st.st_mtime_ns, sha]
    return sha


def fingerprint(local: LocalModel, root: Path | None = None) -> str:
    """What a result records to say exactly which model made it.

    A hub snapshot is named by its commit ("git:<sha>"); a bundled model by the
    sha256 of its main file from the catalogue; local files by their sha256
    (a folder: of every file's name and sha256), remembered by size and mtime
    so a model is hashed once, not on every job.
    """
    parts = local.path.parts
    if "snapshots" in parts[:-1] and parts.index("snapshots") + 1 < len(parts):
        return "git:" + parts[parts.index("snapshots") + 1]
    if local.entry is not None and local.entry.bundled and local.file:
        for key, sha in local.entry.files.items():
            if key.endswith("/" + local.file):
                return "sha256:" + sha
    stamps = (root or cache_dir()) / "fingerprints.json"
    known = _read_stamps(stamps)
    before = dict(known)
    if local.file:
        digest = _file_sha(local.main_path, known)
    else:
        h = hashlib.sha256()
        for path in sorted(p for p in local.path.rglob("*") if p.is_file()):
            rel = path.relative_to(local.path).as_posix()
            if rel.startswith(".") or "/." in rel:
                continue  # markers and caches, not the model
            h.update(f"{rel}\0{_file_sha(path, known)}\n".encode())
        digest = h.hexdigest()
    if known != before:
        _write_stamps(stamps, known)
    return "sha256:" + digest


def _bundled(entry: CatalogEntry, root: Path) -> LocalModel:
    problems = [s for s in check_bundled(entry, root / "verified.json") if not s.ok]
    if problems:
        first = problems[0]
        if first.problem == "not installed":
            pkg = first.key.split("/", 1)[0]
            raise UserError(msg(
                "model.bundled_missing", "The built-in model {id} is not installed (package "
                "{package} missing). Run the set-up command from README.",
                id=repr(entry.id), package=repr(pkg)))
        raise UserError(msg("model.bundled_damaged",
                            "The built-in model {id} is damaged: {file}: {problem}.",
                            id=repr(entry.id), file=first.key, problem=first.problem))
    folder = bundled_file(entry.folder + "/")
    assert folder is not None
    if entry.join:
        folder = _joined(entry, folder, root)
    return LocalModel(entry.id, folder, entry, entry.main_file)


def _joined(entry: CatalogEntry, source: Path, root: Path) -> Path:
    """Rebuild split weights once into a cache folder beside copies of the other files.

    The marker records each file's sha256 (taken while writing it from the verified
    parts) with its size and mtime.  A file whose stamp changed since (touched, replaced,
    cut short) is hashed again, and the folder rebuilt unless every file still matches;
    so is one built from parts the catalogue no longer lists.
    """
    target = root / "joined" / entry.id
    done = target / ".complete"
    parts_sha = [entry.files.get(k, "") for k in entry.join]
    mark = _read_stamps(done)
    if mark.get("parts") == parts_sha and _joined_intact(target, mark.get("files"), done):
        return target
    tmp = target.with_name(target.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    parts = {k.rsplit("/", 1)[-1] for k in entry.join}
    for item in source.iterdir():
        if item.is_file() and item.name not in parts and not item.name.startswith("__"):
            shutil.copy2(item, tmp / item.name)
    h = hashlib.sha256()
    with open(tmp / entry.join_to, "wb") as out:
        for key in entry.join:
            part = bundled_file(key)
            assert part is not None
            with open(part, "rb") as fh:
                while block := fh.read(1 << 22):
                    h.update(block)
                    out.write(block)
    files = {}
    for item in tmp.iterdir():
        st = item.stat()
        sha = h.hexdigest() if item.name == entry.join_to else sha256_file(item)
        files[item.name] = [st.st_size, st.st_mtime_ns, sha]
    (tmp / ".complete").write_text(json.dumps({"parts": parts_sha, "files": files}),
                                   encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    os.replace(tmp, target)  # a rename keeps every mtime recorded above
    return target


def _joined_intact(target: Path, files, done: Path) -> bool:
    """Every recorded file is there with its stamp, or (stamp changed) still its sha256."""
    if not isinstance(files, dict) or not files:
        return False
    restamped = False
    for name, known in files.items():
        try:
            st = (target / name).stat()
        except OSError:
            return False
        if not (isinstance(known, list) and len(known) == 3):
            return False
        if known[:2] == [st.st_size, st.st_mtime_ns]:
            continue
        if sha256_file(target / name) != known[2]:
            return False
        files[name] = [st.st_size, st.st_mtime_ns, known[2]]
        restamped = True
    if restamped:  # hashed once per change, not on every start
        _write_stamps(done, {**_read_stamps(done), "files": files})
    return True


def model_files(file: str) -> tuple[str, ...]:
    """The files of a one-file hub model: a Piper voice is its .onnx plus the .onnx.json
    beside it (in the repo's subfolder); a GGUF is itself."""
    return (file, file + ".json") if file.lower().endswith(".onnx") else (file,)


def _hub(repo: str, file: str, entry: CatalogEntry | None) -> LocalModel:
    """A hub model from the local cache (the settings' cache folder): never the network.

    One this app downloaded has a marker (hubcache.py): it is used only once complete,
    straight from the snapshot its marker names; one that other tools downloaded is
    looked up as huggingface_hub would.
    """
    name = entry.id if entry else repo
    rev = entry.revision if entry else ""
    cache = hub.current().cache_path
    marker = hubcache.read_marker(cache, repo, rev, file)
    if marker is not None:
        if not hubcache.intact(cache, marker):
            raise UserError(msg(
                "model.download_unfinished", "The download of {name} ({repo}) is not finished "
                "(or its files were damaged). Download it again to complete it: aigc-studio "
                "models download {id}", name=repr(name), repo=repo, id=name))
        folder = hubcache.snapshot_dir(cache, repo, marker.commit)
        main_file = hubcache.main_file(marker)
        if main_file:
            main = folder / main_file
            return LocalModel(name, main.parent, entry, main.name)
        return LocalModel(name, folder, entry)
    revision = rev or None
    try:
        if file:
            from huggingface_hub import hf_hub_download

            paths = [Path(hf_hub_download(repo, f, revision=revision, cache_dir=cache,
                                          local_files_only=True))
                     for f in model_files(file)]
            return LocalModel(name, paths[0].parent, entry, paths[0].name)
        from huggingface_hub import snapshot_download

        path = Path(snapshot_download(repo, revision=revision, cache_dir=cache,
                                      local_files_only=True))
    except Exception as exc:  # LocalEntryNotFoundError, offline errors, bad ids
        raise UserError(msg(
            "model.not_downloaded", "The model {name} ({repo}) is not downloaded yet. "
            "Download it with: aigc-studio models download {id}",
            name=repr(name), repo=repo, id=name)) from exc
    return LocalModel(name, path, entry)


def _looks_like_path(ref: str) -> bool:
    """True unless ``ref`` can only be a hub repo id (exactly one "/", no path markers)."""
    if ref.startswith((".", "/", "~")) or "\\" in ref or ref.count("/") != 1:
        return True
    if ref.lower().endswith(PATH_SUFFIXES):
        return True  # "models/x.gguf": a file under a relative folder, not a repo
    first = ref.split("/", 1)[0]
    return Path(first).is_dir()  # "models/x" where ./models exists


def resolve(ref: str, task: str | None = None, root: Path | None = None) -> LocalModel:
    """Turn a reference into a LocalModel, or raise UserError saying why not."""
    ref = (ref or "").strip()
    if not ref:
        raise UserError(msg("model.none", "No model chosen."))
    root = root or cache_dir()
    entry = catalog.find(ref)
    if entry is not None:
        if task and entry.task != task:
            raise UserError(msg("model.wrong_task",
                                "The model {ref} is a {kind} model, not a {task} model.",
                                ref=repr(ref), kind=entry.task, task=task))
        if entry.bundled:
            return _bundled(entry, root)
        return _hub(entry.repo, entry.file, entry)
    path = Path(ref).expanduser()
    if path.exists():
        path = path.resolve()
        if path.is_dir():
            return LocalModel(ref, path, None)
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):  # a FIFO or device would block the first read forever
            raise UserError(msg("model.not_regular",
                                "{name} is not a regular file (a pipe or a device?); choose a "
                                "model folder or file.", name=path.name))
        if path.suffix.lower() not in MODEL_FILE_SUFFIXES:
            raise UserError(msg("model.plain_file",
                                "{name} is a file, not a model: choose a model folder or a "
                                "{suffixes} file.", name=path.name,
                                suffixes=" / ".join(MODEL_FILE_SUFFIXES)))
        return LocalModel(ref, path.parent, None, path.name)
    if _looks_like_path(ref):
        raise UserError(msg("model.not_found",
                            "Model not found: no such file or folder {ref} (and it is not a "
                            "catalogue id).", ref=repr(ref)))
    return _hub(ref, "", None)
