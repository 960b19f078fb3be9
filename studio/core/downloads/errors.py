"""Why a download failed, told so the user knows what to do.

Every error carries a ``kind`` the Models dialog can act on: ``offline`` (the
switch is on), ``network`` (no connection, DNS, timeout: try a mirror),
``auth`` (401/403: gated or private; accept the licence, set a token),
``missing`` (404), ``server`` (other HTTP errors), ``disk`` (not enough space),
``unsafe`` (pickles only / needs remote code), ``bad_ref``.  Bad input (offline
mode, a gated or missing repo, a full disk) is a ``UserError``; the hub failing
to deliver is a ``DownloadError`` (CLI exit code 1).
"""

from __future__ import annotations

import errno
import os
import socket
from collections.abc import Iterator

from ..devices import format_bytes
from ..jobs import UserError
from ..messages import msg
from .plan import Plan

_TRUE = {"1", "ON", "YES", "TRUE"}  # as huggingface_hub reads its switches
_NETWORK_MODULES = {"httpx", "httpx2", "httpcore", "httpcore2", "requests", "urllib3"}
_NETWORK_CLASSES = {"TransportError", "TimeoutException", "NetworkError", "ConnectError",
                    "ConnectionError", "Timeout", "ProtocolError", "RemoteProtocolError"}
RETRYABLE = ("network", "server", "corrupt")


class DownloadError(RuntimeError):
    """The hub could not deliver (no network, a server error): a runtime failure, not bad input.

    Its message is a ``Message`` phrased for the user (CLI exit code 1).
    """

    kind = "server"


class DownloadCancelled(Exception):
    """The user cancelled; files downloaded so far are kept, so it resumes next time."""


_KINDS_BY_KEY = {"download.pickle_only": "unsafe", "download.no_weights": "unsafe",
                 "download.bad_ref": "bad_ref", "download.bad_url": "bad_ref",
                 "download.built_in": "bad_ref", "model.remote_code": "unsafe"}


def kind_of(exc: BaseException) -> str:
    """What kind of failure ``exc`` is (see the module docstring); "other" if unknown."""
    kind = getattr(exc, "kind", None)
    if kind:
        return kind
    key = getattr(exc.args[0], "key", "") if exc.args else ""
    return _KINDS_BY_KEY.get(key, "other")


def _with_kind(exc: Exception, kind: str) -> Exception:
    exc.kind = kind  # type: ignore[attr-defined]
    return exc


def hub_offline_env() -> bool:
    """True when the environment switches huggingface_hub off (HF_HUB_OFFLINE=1)."""
    value = os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE") or ""
    return value.strip().upper() in _TRUE


def offline_error(name: str) -> UserError:
    return _with_kind(UserError(msg(  # type: ignore[return-value]
        "download.offline", "Offline mode is on, so {repo} cannot be downloaded. Turn off "
        "the Offline switch in the settings and try again.", repo=name)), "offline")


def offline_env_error(name: str) -> UserError:
    return _with_kind(UserError(msg(  # type: ignore[return-value]
        "download.offline_env", "Offline mode is on (HF_HUB_OFFLINE is set in the environment), "
        "so {repo} cannot be downloaded. Unset HF_HUB_OFFLINE (and TRANSFORMERS_OFFLINE) and "
        "try again.", repo=name)), "offline")


def disk_space_error(name: str, needed: int, free: int, folder: str) -> UserError:
    return _with_kind(UserError(msg(  # type: ignore[return-value]
        "download.no_space", "{repo} needs {needed} more disk space but only {free} is free in "
        "{folder}. Free some space, or choose another cache folder in the settings, and try "
        "again.", repo=name, needed=format_bytes(needed), free=format_bytes(free),
        folder=folder)), "disk")


def disk_full_error(name: str, folder: str) -> UserError:
    return _with_kind(UserError(msg(  # type: ignore[return-value]
        "download.disk_full", "The disk filled up while downloading {repo} into {folder}. Free "
        "some space (or choose another cache folder in the settings) and download again: it "
        "goes on where it stopped.", repo=name, folder=folder)), "disk")


def corrupt_error(name: str, file: str) -> DownloadError:
    return _with_kind(DownloadError(msg(  # type: ignore[return-value]
        "download.corrupt", "{file} of {repo} arrived damaged (its size or checksum does not "
        "match what the hub states). Download it again.", file=file, repo=name)), "corrupt")


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


def explain(exc: BaseException, p: Plan, endpoint: str, folder: str = "") -> Exception | None:
    """The user's view of a failed download (a UserError or DownloadError with a ``kind``).

    None when ``exc`` is neither a hub answer, a network failure nor a full disk:
    the caller lets it through unchanged.
    """
    from huggingface_hub import constants
    from huggingface_hub.errors import (
        HfHubHTTPError,
        OfflineModeIsEnabled,
        RemoteEntryNotFoundError,
    )

    chain = list(_chain(exc))
    if any(isinstance(e, OfflineModeIsEnabled) for e in chain):
        return offline_env_error(p.name)
    if any(isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT) for e in chain):
        return disk_full_error(p.name, folder)
    hub = (p.endpoint or endpoint or constants.ENDPOINT).rstrip("/")
    for e in chain:
        response = getattr(e, "response", None) if isinstance(e, HfHubHTTPError) else None
        status = getattr(response, "status_code", None)
        if not isinstance(status, int):
            continue
        if status in (401, 403):
            return _with_kind(UserError(msg(
                "download.denied", "The hub refused access to {repo} (HTTP {status}): the model "
                "is gated or private, or does not exist. If it exists, open {page} and accept "
                "its licence, then set your access token in the settings (or log in with "
                "`hf auth login`) and try again.",
                repo=p.repo, status=status, page=f"{hub}/{p.repo}")), "auth")
        if status == 404:
            if isinstance(e, RemoteEntryNotFoundError) and p.file:
                return _with_kind(UserError(msg(
                    "download.no_file", "The hub has no file {file} in {repo} (HTTP 404).",
                    file=p.file, repo=p.repo)), "missing")
            return _with_kind(UserError(msg(
                "download.no_model", "The hub has no model {repo} (HTTP 404). Check the name "
                "(owner/name).", repo=p.repo)), "missing")
        return _with_kind(DownloadError(msg(
            "download.http_error", "The hub answered HTTP {status} while downloading {repo}. "
            "Try again later: running the same command again resumes the download (files "
            "already downloaded are kept).",
            status=status, repo=p.repo)), "server")
    network = next((e for e in reversed(chain) if _is_network(e)), None)
    if network is not None:
        return _with_kind(DownloadError(msg(
            "download.unreachable", "Could not reach the model hub at {endpoint} to download "
            "{repo} ({reason}). Check the network connection, or use a mirror: set the HF "
            "endpoint in the settings (hf_endpoint, e.g. https://hf-mirror.com). Running the "
            "same command again resumes the download (files already downloaded are kept).",
            endpoint=hub, repo=p.repo or p.name, reason=_reason(network))), "network")
    return None
