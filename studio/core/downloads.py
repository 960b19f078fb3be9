"""Download hub models into the local Hugging Face cache (the only network use).

Only safe weight formats are fetched: safetensors, GGUF and CTranslate2's
``model.bin`` (plain tensors, not a pickle) for faster-whisper models, plus the
configs and tokenizers beside them.  huggingface_hub resumes interrupted
downloads and draws progress bars on stderr; a mirror is given with
``endpoint`` (the settings' HF endpoint) and offline mode refuses at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import catalog
from .jobs import UserError
from .models import LocalModel, resolve

CONFIG_PATTERNS = ("*.json", "*.txt", "*.model", "*.tiktoken", "*.jinja", "tokenizer*",
                   "vocab*", "merges*", "*.md")
# Pickles can run code when loaded; duplicated precisions only cost disk.
IGNORE_PATTERNS = ("*.bin.index.json", "*.ckpt", "*.pt", "*.pth", "*.pkl", "*.msgpack", "*.h5",
                   "*.onnx_data", "*.fp16.*", "*non_ema*", "*.ot")


@dataclass(frozen=True)
class Plan:
    repo: str
    file: str  # one file of the repo (a GGUF), or "" for a snapshot
    allow: tuple[str, ...]
    ignore: tuple[str, ...]


def plan(ref: str) -> Plan:
    """What to fetch for ``ref`` (a catalogue id or owner/name)."""
    entry = catalog.find(ref)
    if entry is not None and entry.bundled:
        raise UserError(f"{ref!r} is built in: nothing to download.")
    repo = entry.repo if entry else ref.strip()
    if repo.count("/") != 1 or repo.startswith(("/", ".")):
        raise UserError(f"{ref!r} is neither a catalogue id nor a hub repo id (owner/name).")
    if entry is not None and entry.file:
        return Plan(repo, entry.file, (), ())
    allow = (*CONFIG_PATTERNS, "*.safetensors", "*.gguf")
    ignore = IGNORE_PATTERNS
    if entry is not None and entry.engine == "faster-whisper":
        allow += ("model.bin",)  # CTranslate2 weights: plain tensors, no pickle
    else:
        ignore += ("*.bin",)
    if entry is not None and entry.engine == "diffusers":
        # Diffusers repos often carry a single-file checkpoint at the top as well.
        allow = (*CONFIG_PATTERNS, "*/*.safetensors")
    return Plan(repo, "", allow, ignore)


def download(ref: str, endpoint: str = "", offline: bool = False) -> LocalModel:
    """Fetch ``ref`` into the Hugging Face cache and return it resolved."""
    p = plan(ref)
    if offline:
        raise UserError(f"Offline mode is on, so {p.repo} cannot be downloaded. Turn it off in "
                        "the settings and try again.")
    from huggingface_hub import hf_hub_download, snapshot_download
    from huggingface_hub.errors import (
        GatedRepoError,
        HfHubHTTPError,
        LocalEntryNotFoundError,
        OfflineModeIsEnabled,
        RepositoryNotFoundError,
    )

    try:
        if p.file:
            hf_hub_download(p.repo, p.file, endpoint=endpoint or None)
        else:
            snapshot_download(p.repo, allow_patterns=list(p.allow), ignore_patterns=list(p.ignore),
                              endpoint=endpoint or None)
    except RepositoryNotFoundError as exc:
        raise UserError(f"The hub has no model {p.repo!r} (or it is private).") from exc
    except GatedRepoError as exc:
        raise UserError(f"{p.repo} is gated: accept its licence on the hub and log in with "
                        "`hf auth login`, then try again.") from exc
    except (OfflineModeIsEnabled, LocalEntryNotFoundError) as exc:  # HF_HUB_OFFLINE is set
        raise UserError(f"Offline mode is on (HF_HUB_OFFLINE), so {p.repo} cannot be "
                        "downloaded.") from exc
    except (HfHubHTTPError, OSError) as exc:
        raise RuntimeError(f"Downloading {p.repo} failed: {exc}. Run the same command again to "
                           "resume.") from exc
    return resolve(ref)
