"""Endpoint API keys: in the OS keyring (``credentials``), else a private file, never logged.

The keyring entry is service ``aigc-studio``, user ``endpoint:<name>``, beside the
hub token that ``credentials`` keeps.  Without a usable keyring the keys go to
``endpoint_keys.json`` (mode 0600) in the user config folder and ``save_key``
returns a warning saying so.  ``use_key`` gives one process a key that is stored
nowhere (the CLI's ``--api-key-env VAR``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from pathlib import Path

from .. import credentials
from ..credentials import TokenStatus
from ..jobs import UserError
from ..messages import Message, msg
from ..paths import config_dir

log = logging.getLogger(__name__)
MAX_KEY = 4096
_lock = threading.Lock()
_process_keys: dict[str, str] = {}  # endpoint name or URL -> key, this process only


def key_file(folder: Path | None = None) -> Path:
    return (folder or config_dir()) / "endpoint_keys.json"


def _user(name: str) -> str:
    return f"endpoint:{name}"


def key_problem(key: str) -> Message | None:
    if not key or len(key) > MAX_KEY or not key.isascii() or not key.isprintable() \
            or any(c.isspace() for c in key):
        return msg("endpoint.bad_key", "An API key is one word of printable ASCII characters, "
                   "without spaces.")
    return None


def _read_file(folder: Path | None) -> dict[str, str]:
    try:
        data = json.loads(key_file(folder).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _write_file(keys: dict[str, str], folder: Path | None) -> None:
    path = key_file(folder)
    if keys:
        credentials._write_private(path, json.dumps(keys, ensure_ascii=True))
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def _file_warning(path: Path) -> Message:
    return msg("endpoint.key_in_file", "No system keyring is available, so the API key is "
               "stored in {path}, readable only by your user account. Anyone who can read your "
               "files can use it; remove it when you no longer need it.", path=str(path))


def save_key(name: str, key: str, folder: Path | None = None) -> TokenStatus:
    """Keep ``key`` for endpoint ``name``: the keyring, else a 0600 file (with a warning)."""
    key = key.strip()
    trouble = key_problem(key)
    if trouble is not None:
        raise UserError(trouble)
    keyring = credentials._keyring()
    with _lock:
        if keyring is not None:
            try:
                keyring.set_password(credentials.SERVICE, _user(name), key)
            except Exception as exc:  # a locked or refusing keyring: the file instead
                log.warning("the keyring refused an endpoint key (%s); using a private file",
                            type(exc).__name__)
            else:
                stored = _read_file(folder)
                if stored.pop(name, None) is not None:  # no older copy outlives the keyring one
                    _write_file(stored, folder)
                return TokenStatus(True, "keyring")
        stored = _read_file(folder)
        stored[name] = key
        _write_file(stored, folder)
    log.warning("no usable keyring: the key of endpoint %s is kept in %s (mode 0600)", name,
                key_file(folder))
    return TokenStatus(True, "file", _file_warning(key_file(folder)))


def load_key(name: str, folder: Path | None = None) -> str | None:
    keyring = credentials._keyring()
    if keyring is not None:
        try:
            key = keyring.get_password(credentials.SERVICE, _user(name))
        except Exception:
            key = None
        if key:
            return key
    key = _read_file(folder).get(name)
    return key if key and key_problem(key) is None else None


def key_status(name: str, folder: Path | None = None) -> TokenStatus:
    """Where the key of ``name`` is kept, without revealing it (for the settings panel)."""
    keyring = credentials._keyring()
    if keyring is not None:
        with contextlib.suppress(Exception):
            if keyring.get_password(credentials.SERVICE, _user(name)):
                return TokenStatus(True, "keyring")
    if name in _read_file(folder):
        return TokenStatus(True, "file", _file_warning(key_file(folder)))
    return TokenStatus(False, "")


def delete_key(name: str, folder: Path | None = None) -> None:
    keyring = credentials._keyring()
    if keyring is not None:
        with contextlib.suppress(Exception):
            keyring.delete_password(credentials.SERVICE, _user(name))
    with _lock:
        stored = _read_file(folder)
        if stored.pop(name, None) is not None:
            _write_file(stored, folder)


def use_key(spec: str, key: str | None) -> None:
    """For this process only, ``spec`` (an endpoint name or URL) uses ``key`` (None: forget)."""
    with _lock:
        if key is None:
            _process_keys.pop(spec, None)
            return
        trouble = key_problem(key.strip())
        if trouble is not None:
            raise UserError(trouble)
        _process_keys[spec] = key.strip()


def process_key(spec: str) -> str | None:
    with _lock:
        return _process_keys.get(spec)
