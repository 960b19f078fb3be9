"""Download hub models into the local Hugging Face cache (the only network use).

Only safe weight formats are fetched: safetensors, GGUF and CTranslate2's
``model.bin`` (plain tensors, not a pickle) for faster-whisper models, plus the
configs and tokenizers beside them.  huggingface_hub retries a dropped
connection within a run and draws progress bars on stderr; across runs the
files that finished are kept (huggingface_hub 2.x deletes a file cut off midway),
so running the same command again resumes an interrupted download.  A mirror
is given with ``endpoint`` (the settings' HF endpoint); offline mode refuses at once.
Failures are told apart for the user (``explain``): offline mode, an unreachable
hub, a gated or private repo, a missing one, other HTTP errors.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass

from . import catalog
from .jobs import UserError
from .messages import msg
from .models import LocalModel, model_files, resolve

CONFIG_PATTERNS = ("*.json", "*.txt", "*.model", "*.tiktoken", "*.jinja", "tokenizer*",
                   "vocab*", "merges*", "*.md")
# Pickles can run code when loaded; duplicated precisions only cost disk.
IGNORE_PATTERNS = ("*.bin.index.json", "*.ckpt", "*.pt", "*.pth", "*.pkl", "*.msgpack", "*.h5",
                   "*.onnx_data", "*.fp16.*", "*non_ema*", "*.ot")


@dataclass(frozen=True)
class Plan:
    repo: str
    file: str  # one file of the repo (a GGUF, a Piper voice's .onnx), or "" for a snapshot
    allow: tuple[str, ...]
    ignore: tuple[str, ...]
    revision: str = ""  # branch or ref ("" = main)
    requires: tuple[str, ...] = ()  # catalogue ids fetched along with it (a vocoder)


def plan(ref: str) -> Plan:
    """What to fetch for ``ref`` (a catalogue id or owner/name)."""
    entry = catalog.find(ref)
    if entry is not None and entry.bundled:
        raise UserError(msg("download.built_in", "{ref} is built in: nothing to download.",
                            ref=repr(ref)))
    repo = entry.repo if entry else ref.strip()
    if repo.count("/") != 1 or repo.startswith(("/", ".")):
        raise UserError(msg("download.bad_ref",
                            "{ref} is neither a catalogue id nor a hub repo id (owner/name).",
                            ref=repr(ref)))
    revision, requires = (entry.revision, entry.requires) if entry is not None else ("", ())
    if entry is not None and entry.file:
        return Plan(repo, entry.file, (), (), revision, requires)
    allow = (*CONFIG_PATTERNS, "*.safetensors", "*.gguf")
    ignore = IGNORE_PATTERNS
    if entry is not None and entry.engine == "faster-whisper":
        allow += ("model.bin",)  # CTranslate2 weights: plain tensors, no pickle
    else:
        ignore += ("*.bin",)
    if entry is not None and entry.engine == "diffusers":
        # Diffusers repos often carry a single-file checkpoint at the top as well.
        allow = (*CONFIG_PATTERNS, "*/*.safetensors")
    return Plan(repo, "", allow, ignore, revision, requires)


class DownloadError(RuntimeError):
    """The hub could not deliver (no network, a server error): a runtime failure, not bad input.

    Its message is a ``Message`` phrased for the user (CLI exit code 1).  Bad input
    (offline mode on, a gated, private or missing repo) is a ``UserError`` instead.
    """


_TRUE = {"1", "ON", "YES", "TRUE"}  # as huggingface_hub reads its switches
_NETWORK_MODULES = {"httpx", "httpx2", "httpcore", "httpcore2", "requests", "urllib3"}
_NETWORK_CLASSES = {"TransportError", "TimeoutException", "NetworkError", "ConnectError",
                    "ConnectionError", "Timeout", "ProtocolError", "RemoteProtocolError"}


def hub_offline_env() -> bool:
    """True when the environment switches huggingface_hub off (HF_HUB_OFFLINE=1)."""
    value = os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE") or ""
    return value.strip().upper() in _TRUE


def _offline_env_error(repo: str) -> UserError:
    return UserError(msg(
        "download.offline_env", "Offline mode is on (HF_HUB_OFFLINE is set in the environment), "
        "so {repo} cannot be downloaded. Unset HF_HUB_OFFLINE (and TRANSFORMERS_OFFLINE) and "
        "try again.", repo=repo))


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    """``exc`` and the exceptions it was raised from (huggingface_hub wraps network errors)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _is_network(exc: BaseException) -> bool:
    if isinstance(exc, ConnectionError | TimeoutError | socket.gaierror | socket.herror):
        return True
    return any(cls.__name__ in _NETWORK_CLASSES
               and cls.__module__.split(".")[0] in _NETWORK_MODULES
               for cls in type(exc).__mro__)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def explain(exc: BaseException, p: Plan, endpoint: str) -> Exception | None:
    """The user's view of a failed download: UserError (their input) or DownloadError.

    None when ``exc`` is neither a hub answer nor a network failure (a full disk,
    say): the caller lets it through unchanged.
    """
    from huggingface_hub.errors import (
        HfHubHTTPError,
        OfflineModeIsEnabled,
        RemoteEntryNotFoundError,
    )

    chain = list(_chain(exc))
    if any(isinstance(e, OfflineModeIsEnabled) for e in chain):
        return _offline_env_error(p.repo)
    for e in chain:
        response = getattr(e, "response", None) if isinstance(e, HfHubHTTPError) else None
        status = getattr(response, "status_code", None)
        if not isinstance(status, int):
            continue
        if status in (401, 403):
            return UserError(msg(
                "download.denied", "The hub refused access to {repo} (HTTP {status}): the model "
                "is gated or private, or does not exist. If it exists, accept its licence on its "
                "hub page and log in with `hf auth login`, then try again.",
                repo=p.repo, status=status))
        if status == 404:
            if isinstance(e, RemoteEntryNotFoundError) and p.file:
                return UserError(msg("download.no_file",
                                     "The hub has no file {file} in {repo} (HTTP 404).",
                                     file=p.file, repo=p.repo))
            return UserError(msg("download.no_model",
                                 "The hub has no model {repo} (HTTP 404). Check the name "
                                 "(owner/name).", repo=p.repo))
        return DownloadError(msg(
            "download.http_error", "The hub answered HTTP {status} while downloading {repo}. "
            "Try again later: running the same command again resumes the download (files "
            "already downloaded are kept).",
            status=status, repo=p.repo))
    network = next((e for e in reversed(chain) if _is_network(e)), None)
    if network is not None:
        from huggingface_hub import constants

        return DownloadError(msg(
            "download.unreachable", "Could not reach the model hub at {endpoint} to download "
            "{repo} ({reason}). Check the network connection, or use a mirror: set the HF "
            "endpoint in the settings (hf_endpoint, e.g. https://hf-mirror.com). Running the "
            "same command again resumes the download (files already downloaded are kept).",
            endpoint=(endpoint or constants.ENDPOINT).rstrip("/"), repo=p.repo,
            reason=_reason(network)))
    return None


def download(ref: str, endpoint: str = "", offline: bool = False) -> LocalModel:
    """Fetch ``ref`` into the Hugging Face cache and return it resolved.

    Offline mode (``offline``, the settings' switch, or HF_HUB_OFFLINE in the
    environment), a gated/private repo (HTTP 401/403) and a missing one (404) are
    ``UserError``s; an unreachable hub or another HTTP error is a ``DownloadError``.
    An interrupted download resumes when it is started again.
    """
    p = plan(ref)
    if offline:
        raise UserError(msg(
            "download.offline", "Offline mode is on, so {repo} cannot be downloaded. Turn off "
            "the Offline switch in the settings and try again.", repo=p.repo))
    if hub_offline_env():
        raise _offline_env_error(p.repo)
    from huggingface_hub import hf_hub_download, snapshot_download

    try:
        if p.file:
            for name in model_files(p.file):  # a Piper voice: the .onnx and its .onnx.json
                hf_hub_download(p.repo, name, revision=p.revision or None,
                                endpoint=endpoint or None)
        else:
            snapshot_download(p.repo, allow_patterns=list(p.allow), ignore_patterns=list(p.ignore),
                              revision=p.revision or None, endpoint=endpoint or None)
    except Exception as exc:
        explained = explain(exc, p, endpoint)
        if explained is None:
            raise
        raise explained from exc
    for other in p.requires:  # e.g. SpeechT5's vocoder: one download gives a working model
        download(other, endpoint, offline)
    return resolve(ref)
