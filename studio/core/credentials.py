"""The hub access token (for gated models): in the OS keyring, or a private file.

The token never goes into settings.json or a log.  With a working keyring
(GNOME Keyring / KWallet through Secret Service, macOS Keychain, Windows
Credential Locker) it is stored there.  Without one (a headless machine, a
minimal desktop) it goes to ``hf_token`` in the user config folder with
permissions 0600, and ``save_token`` returns a warning saying so.  When the app
holds no token, huggingface_hub's own (``HF_TOKEN``, ``hf auth login``) is used.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from .jobs import UserError
from .messages import Message, msg
from .paths import config_dir

log = logging.getLogger(__name__)
SERVICE = "aigc-studio"
USER = "huggingface-token"
MAX_TOKEN = 512


@dataclass(frozen=True)
class TokenStatus:
    stored: bool  # the app holds a token
    where: str  # "keyring", "file" or "" (none)
    warning: Message | None = None  # set when it had to go to a file


def token_file(folder: Path | None = None) -> Path:
    return (folder or config_dir()) / "hf_token"


def _keyring():
    """The keyring module when a real backend is available, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def check_token(token: str) -> Message | None:
    """A reason why ``token`` is unusable, or None."""
    if not token or len(token) > MAX_TOKEN or not token.isascii() or not token.isprintable() \
            or any(c.isspace() for c in token):
        return msg("token.invalid", "The access token must be one word of printable ASCII "
                   "characters (a Hugging Face token starts with hf_).")
    return None


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # O_CREAT's mode does not apply to a file that already existed
        os.write(fd, text.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def _file_warning(path: Path) -> Message:
    return msg("token.in_file", "No system keyring is available, so the access token is stored "
               "in {path}, readable only by your user account. Anyone who can read your files "
               "can use it; remove it in the settings when you no longer need it.",
               path=str(path))


def save_token(token: str, folder: Path | None = None) -> TokenStatus:
    """Store ``token`` (stripped) in the keyring, else in a 0600 file (with a warning)."""
    token = token.strip()
    problem = check_token(token)
    if problem is not None:
        raise UserError(problem)
    path = token_file(folder)
    keyring = _keyring()
    if keyring is not None:
        try:
            keyring.set_password(SERVICE, USER, token)
        except Exception as exc:  # locked or refusing keyring: fall back to the file
            log.warning("the keyring refused the token (%s); using a private file",
                        type(exc).__name__)
        else:
            with contextlib.suppress(OSError):
                path.unlink()  # an older copy in a file must not outlive the keyring one
            return TokenStatus(True, "keyring")
    _write_private(path, token)
    warning = _file_warning(path)
    log.warning("no usable keyring: the hub token is kept in %s (mode 0600)", path)
    return TokenStatus(True, "file", warning)


def load_token(folder: Path | None = None) -> str | None:
    """The stored token, or None (huggingface_hub then uses its own, if any)."""
    keyring = _keyring()
    if keyring is not None:
        try:
            token = keyring.get_password(SERVICE, USER)
        except Exception:
            token = None
        if token:
            return token
    path = token_file(folder)
    try:
        token = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return token if check_token(token) is None else None


def token_status(folder: Path | None = None) -> TokenStatus:
    """Where the token is kept (for the settings panel), without revealing it."""
    keyring = _keyring()
    if keyring is not None:
        with contextlib.suppress(Exception):
            if keyring.get_password(SERVICE, USER):
                return TokenStatus(True, "keyring")
    path = token_file(folder)
    if path.is_file():
        return TokenStatus(True, "file", _file_warning(path))
    return TokenStatus(False, "")


def delete_token(folder: Path | None = None) -> None:
    """Forget the token wherever it is kept."""
    keyring = _keyring()
    if keyring is not None:
        with contextlib.suppress(Exception):
            keyring.delete_password(SERVICE, USER)
    with contextlib.suppress(OSError):
        token_file(folder).unlink()
