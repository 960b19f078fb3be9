"""What a writing model is, read from its files without loading it (pure Python).

The window asks this (through ``model_info``) to know whether a model can chat,
so it must never import a model library.  For a GGUF, gguf.GGUFReader parses
every tokenizer array (~4 s here); the few keys needed are read from the
key/value header and the tensor shapes, skipping everything else.
"""

from __future__ import annotations

import json
import math
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...jobs import UserError
from ...messages import msg

_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q",
            12: "d"}


@dataclass(frozen=True)
class GGUFMeta:
    architecture: str
    context: int  # training context length (0 when unknown)
    chat_template: str
    name: str
    parameters: int = 0  # weights over all tensors (from the tensor infos after the header)


def gguf_metadata(path: Path) -> GGUFMeta:
    """Read the key/value header of a GGUF file, skipping arrays without decoding them."""
    values: dict[str, Any] = {}
    parameters = 0
    try:
        with open(path, "rb") as fh:
            if fh.read(4) != b"GGUF":
                raise UserError(msg("gguf.not_gguf", "{name} is not a GGUF file.", name=path.name))
            version, tensors, count = struct.unpack("<IQQ", fh.read(20))
            if version < 2:
                raise UserError(msg("gguf.too_old",
                                    "{name} uses GGUF version {version}, which is too old.",
                                    name=path.name, version=version))

            def string() -> str:
                (n,) = struct.unpack("<Q", fh.read(8))
                if n > 1 << 26:  # a corrupt length: do not try to allocate it
                    raise struct.error(f"a string of {n} bytes")
                return fh.read(n).decode("utf-8", errors="replace")

            def value(kind: int, keep: bool):
                if kind == 8:
                    return string() if keep else fh.seek(struct.unpack("<Q", fh.read(8))[0], 1)
                if kind == 9:
                    item, n = struct.unpack("<IQ", fh.read(12))
                    if item in _SCALARS:
                        fh.seek(struct.calcsize(_SCALARS[item]) * n, 1)
                    else:
                        for _ in range(n):
                            value(item, False)
                    return None
                fmt = "<" + _SCALARS[kind]
                return struct.unpack(fmt, fh.read(struct.calcsize(fmt)))[0]

            for _ in range(count):
                key = string()
                (kind,) = struct.unpack("<I", fh.read(4))
                values[key] = value(kind, True)
            for _ in range(tensors):  # name, n_dims, dims, type, offset
                fh.seek(struct.unpack("<Q", fh.read(8))[0], 1)
                (n_dims,) = struct.unpack("<I", fh.read(4))
                if n_dims > 8:
                    raise struct.error(f"a tensor with {n_dims} dimensions")
                parameters += math.prod(struct.unpack(f"<{n_dims}Q", fh.read(8 * n_dims)))
                fh.seek(12, 1)
    except (OSError, struct.error, KeyError, OverflowError, ValueError) as exc:
        raise UserError(msg("gguf.unreadable", "Could not read the GGUF file {path}: {reason}",
                            path=str(path), reason=str(exc))) from exc
    arch = str(values.get("general.architecture") or "")
    context = values.get(f"{arch}.context_length")
    return GGUFMeta(arch, int(context) if isinstance(context, int) else 0,
                    str(values.get("tokenizer.chat_template") or ""),
                    str(values.get("general.name") or path.stem), parameters)


def context_of(config: dict | Any) -> int:
    get = config.get if isinstance(config, dict) else (lambda k: getattr(config, k, None))
    for key in ("max_position_embeddings", "n_positions", "n_ctx", "seq_length"):
        value = get(key)
        if isinstance(value, int) and value > 0:
            return value
    return 2048


def folder_metadata(folder: Path) -> tuple[bool, int]:
    """(has a chat template, context length) from the files of a model folder."""
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(msg("hf.no_config", "{folder} is not a transformers model folder (no "
                            "readable config.json).", folder=str(folder))) from exc
    chat = (folder / "chat_template.jinja").is_file() or (folder / "chat_template.json").is_file()
    if not chat:
        try:
            tok = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
            chat = bool(tok.get("chat_template"))
        except (OSError, ValueError):
            pass
    return chat, context_of(config.get("text_config", config))
