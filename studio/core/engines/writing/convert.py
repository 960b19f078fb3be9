"""GGUF -> safetensors, once, for the transformers backend of the writing engine.

transformers dequantises a GGUF in ~17 s on every load; the converted folder
(fp32 safetensors + tokenizer) in the cache reloads in under a second.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

from ...models import LocalModel, sha256_file
from ...paths import cache_dir

MARKER = ".complete"
conversions = 0  # GGUF -> safetensors conversions run in this process (tests read it)


def quiet_transformers() -> None:
    # transformers 5 draws tqdm bars on stderr for every load; the CLI/UI show Progress instead
    from transformers.utils import logging

    logging.disable_progress_bar()


def gguf_sha(local: LocalModel) -> str:
    if local.entry is not None:  # bundled files were verified against this sum by resolve()
        for key, sha in local.entry.files.items():
            if key.rsplit("/", 1)[-1] == local.file:
                return sha
    return sha256_file(local.main_path)


def converted_dir(sha: str, root: Path | None = None) -> Path:
    return (root or cache_dir()) / "converted" / sha


def is_converted(sha: str, root: Path | None = None) -> bool:
    return (converted_dir(sha, root) / MARKER).is_file()


def _pid_alive(pid: int) -> bool:
    """True unless ``pid`` is certainly not a running process (when in doubt: alive)."""
    if pid <= 0 or os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, under another user
        return True
    return True


def remove_stale_partials(sha: str, root: Path | None = None) -> list[Path]:
    """Remove ``<sha>.partial-<pid>-<tid>`` folders left by processes that have ended.

    A conversion interrupted by closing the app leaves its half-written folder
    (hundreds of MB) behind; folders of running processes, this one included,
    may be conversions in progress and are never touched.  Returns what was removed.
    """
    parent = converted_dir(sha, root).parent
    pattern = re.compile(re.escape(sha) + r"\.partial-(\d+)-\d+")
    removed: list[Path] = []
    try:
        candidates = list(parent.iterdir())
    except OSError:  # no converted/ folder yet
        return removed
    for folder in candidates:
        match = pattern.fullmatch(folder.name)
        if match is None or not folder.is_dir() or _pid_alive(int(match.group(1))):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def ensure_converted(gguf: Path, sha: str, root: Path | None = None) -> tuple[Path, bool]:
    """Folder holding ``gguf`` as safetensors + tokenizer; (folder, True if converted now).

    transformers cannot save a model it loaded from a GGUF, so the state dict
    goes into a fresh model of the same config, which is saved.  The marker is
    written last and the folder renamed into place, so a half-written
    conversion is never used.
    """
    global conversions
    target = converted_dir(sha, root)
    if (target / MARKER).is_file():
        return target, False
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    quiet_transformers()
    remove_stale_partials(sha, root)
    tmp = target.with_name(f"{target.name}.partial-{os.getpid()}-{threading.get_ident()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        tmp.mkdir(parents=True)
        tok = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name,
                                            local_files_only=True)
        src = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name,
                                                   dtype=torch.float32, local_files_only=True)
        config = src.config
        for attr in ("quantization_config",):
            if hasattr(config, attr):
                delattr(config, attr)
        fresh = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
        fresh.load_state_dict(src.state_dict())
        fresh.generation_config = src.generation_config
        fresh.save_pretrained(tmp, safe_serialization=True)
        tok.save_pretrained(tmp)
        (tmp / MARKER).write_text(gguf.name, encoding="utf-8")
        if (target / MARKER).is_file():  # another process finished first: keep theirs
            return target, False
        shutil.rmtree(target, ignore_errors=True)
        os.replace(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    conversions += 1
    return target, True
