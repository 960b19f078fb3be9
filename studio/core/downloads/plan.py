"""What to fetch for a reference: the repo, and which of its files a task needs.

Only what runs is fetched: one weight format (safetensors, else one GGUF, else
CTranslate2's ``model.bin``, which holds plain tensors), the configs and
tokenizer beside it; no duplicate precisions (``*.fp16.*`` when the full one is
there), no TensorFlow/Flax/ONNX copies, no top-level single-file checkpoint in a
diffusers repo, and for diffusers only the components ``model_index.json`` names
(not the safety checker, which the painting engine never loads).  Pickled
weights (``.bin``, ``.pt``, ``.ckpt``) can run code when loaded: a repo that has
nothing else is refused, unless the user opted in for that model.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from urllib.parse import unquote, urlparse

from .. import catalog
from ..hub import HubConfig
from ..jobs import UserError
from ..messages import msg
from ..models import model_files

CONFIG_PATTERNS = ("*.json", "*.txt", "*.model", "*.tiktoken", "*.jinja", "tokenizer*",
                   "vocab*", "merges*", "*.md")
NOT_CONFIG = ("*.bin.index.json", "*.msgpack.index.json", "*.h5.index.json", ".*")
PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle")
GGUF_PREFERENCE = ("q4_k_m", "q4_0", "q5_k_m", "q8_0")
_VARIANT = re.compile(r"\.(fp16|bf16|fp32)\.|non_ema|\.ema\.")
_TRAINING = re.compile(r"^(optimizer|scheduler|training_args|rng_state)")  # not weights
_HUB_URL = re.compile(r"^/([^/]+)/([^/]+)/(?:resolve|blob)/([^/]+)/(.+)$")
SAFE_URL_SUFFIXES = (".gguf", ".safetensors")


@dataclass(frozen=True)
class Plan:
    repo: str
    file: str = ""  # one file of the repo (a GGUF, a Piper voice's .onnx), or "" for a snapshot
    revision: str = ""  # branch or ref ("" = main)
    requires: tuple[str, ...] = ()  # catalogue ids fetched along with it (a vocoder)
    engine: str = ""  # the catalogue's engine, "" for a bare repo id
    ref: str = ""  # what the user asked for
    endpoint: str = ""  # set when a URL names its own hub (a mirror's resolve URL)
    url: str = ""  # a direct download of one file from outside any hub

    @property
    def name(self) -> str:
        return self.ref or self.repo


@dataclass(frozen=True)
class RemoteFile:
    path: str
    size: int | None = None
    sha256: str = ""  # LFS files: the content hash the hub lists


def plan(ref: str) -> Plan:
    """What to fetch for ``ref``: a catalogue id, owner/name, or a file URL."""
    ref = (ref or "").strip()
    if ref.startswith(("http://", "https://")):
        return _url_plan(ref)
    entry = catalog.find(ref)
    if entry is not None and entry.bundled:
        raise UserError(msg("download.built_in", "{ref} is built in: nothing to download.",
                            ref=repr(ref)))
    repo = entry.repo if entry else ref
    if repo.count("/") != 1 or repo.startswith(("/", ".")) or repo.endswith("/"):
        raise UserError(msg("download.bad_ref",
                            "{ref} is neither a catalogue id nor a hub repo id (owner/name).",
                            ref=repr(ref)))
    if entry is None:
        return Plan(repo, ref=ref)
    return Plan(repo, entry.file, entry.revision, entry.requires, entry.engine, ref)


def _url_plan(url: str) -> Plan:
    parts = urlparse(url)
    match = _HUB_URL.match(unquote(parts.path))
    if match and parts.netloc:
        owner, name, revision, path = match.groups()
        return Plan(f"{owner}/{name}", path, "" if revision == "main" else revision, ref=url,
                    endpoint=f"{parts.scheme}://{parts.netloc}")
    name = posixpath.basename(unquote(parts.path))
    if not parts.netloc or not name.lower().endswith(SAFE_URL_SUFFIXES):
        raise UserError(msg("download.bad_url", "{url} is not a link to a .gguf or .safetensors "
                            "file, nor to a file on a model hub.", url=url))
    return Plan("", name, ref=url, url=url)


def _allowed(config: HubConfig, p: Plan, key: str) -> bool:
    names = getattr(config, key)
    return any(n in names for n in (p.ref, p.repo) if n)


def _is_config(path: str) -> bool:
    base = posixpath.basename(path)
    return (any(fnmatch(base, pat) for pat in CONFIG_PATTERNS)
            and not any(fnmatch(base, pat) for pat in NOT_CONFIG))


def _drop_variants(weights: list[RemoteFile]) -> list[RemoteFile]:
    """Per folder, the full-precision files when both they and variants (fp16, non-EMA) exist."""
    by_folder: dict[str, list[RemoteFile]] = {}
    for f in weights:
        by_folder.setdefault(posixpath.dirname(f.path), []).append(f)
    out = []
    for files in by_folder.values():
        plain = [f for f in files if not _VARIANT.search(posixpath.basename(f.path))]
        if plain:
            out.extend(plain)
        else:  # only variants: the fp16 one (half the size), else whatever there is
            half = [f for f in files if ".fp16." in f.path]
            out.extend(half or files)
    return out


def _one_gguf(ggufs: list[RemoteFile]) -> list[RemoteFile]:
    ggufs = [f for f in ggufs if "mmproj" not in f.path.lower()] or ggufs
    for quant in GGUF_PREFERENCE:
        hit = [f for f in ggufs if quant in posixpath.basename(f.path).lower()]
        if hit:
            return hit[:1]
    return sorted(ggufs, key=lambda f: (f.size or 0, f.path))[:1]


def diffusers_components(model_index: dict) -> set[str]:
    """Folders a diffusers pipeline loads from (the safety checker is never loaded here)."""
    return {k for k, v in model_index.items()
            if not k.startswith("_") and isinstance(v, list) and len(v) == 2 and v[0]
            and k != "safety_checker"}


def select(p: Plan, files: list[RemoteFile], config: HubConfig,
           model_index: dict | None = None) -> list[RemoteFile]:
    """The files of a snapshot plan worth fetching (see the module docstring).

    ``model_index`` is the repo's ``model_index.json`` when it has one (a diffusers
    pipeline): then only its components' folders are taken.
    """
    files = [f for f in files if not any(part.startswith(".") for part in f.path.split("/"))]
    if model_index is not None:
        keep = diffusers_components(model_index)
        files = [f for f in files if ("/" not in f.path and not _is_weight(f.path))
                 or f.path.split("/", 1)[0] in keep]
    configs = [f for f in files if _is_config(f.path)]
    safetensors = [f for f in files if f.path.endswith(".safetensors")]
    ggufs = [f for f in files if f.path.lower().endswith(".gguf")]
    ct2 = [f for f in files if posixpath.basename(f.path) == "model.bin"
           and (p.engine == "faster-whisper" or any(
               posixpath.basename(c.path).startswith("vocabulary") for c in configs))]
    if p.engine == "llama.cpp" and ggufs:
        weights = _one_gguf(ggufs)
    elif safetensors:
        weights = _drop_variants(safetensors)
    elif ggufs:
        weights = _one_gguf(ggufs)
    elif ct2:
        weights = ct2
    else:
        pickles = [f for f in files if f.path.lower().endswith(PICKLE_SUFFIXES)
                   and not _TRAINING.search(posixpath.basename(f.path))]
        if not pickles:
            raise UserError(msg("download.no_weights", "{repo} has no model weights this app "
                                "can use (safetensors, GGUF or CTranslate2).", repo=p.repo))
        if not _allowed(config, p, "allow_pickle"):
            raise UserError(msg(
                "download.pickle_only", "{repo} has only pickled weights ({example}). Loading a "
                "pickle can run any code its author put in it, so AIGC Studio refuses them. "
                "Look for a safetensors copy of the model; if you trust its authors, allow "
                "pickled weights for {repo} in the settings (allow_pickle_models) and download "
                "again.", repo=p.repo, example=posixpath.basename(pickles[0].path)))
        weights = _drop_variants(pickles)
    if _allowed(config, p, "trust_remote_code"):
        configs += [f for f in files if f.path.endswith(".py")]
    chosen = {f.path: f for f in (*configs, *weights)}
    return sorted(chosen.values(), key=lambda f: f.path)


def _is_weight(path: str) -> bool:
    return path.lower().endswith((".safetensors", ".gguf", *PICKLE_SUFFIXES))


def single_files(p: Plan) -> tuple[str, ...]:
    """The files of a one-file plan (a Piper voice: its .onnx and .onnx.json)."""
    return model_files(p.file)
