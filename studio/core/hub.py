"""Where hub models live and what may be done with them, for this process.

One small frozen object, set once by whoever owns the settings: the window
sends it to the engine host (``Configure``), the CLI sets it from the
settings file at start.  Model resolution, downloads and the engines read it
with ``current()``; nothing here reads environment variables or files.

- ``endpoint``: a hub mirror (``https://hf-mirror.com``), "" for huggingface.co
  (or ``HF_ENDPOINT`` when set in the environment, as huggingface_hub reads it);
- ``offline``: no network traffic at all (downloads are refused);
- ``cache_dir``: the hub cache folder, "" for the standard Hugging Face cache
  (``HF_HUB_CACHE``/``HF_HOME``), so models the user already has are found;
- ``allow_pickle``: models (catalogue ids, repo ids or paths) whose pickled
  weights the user accepted;
- ``trust_remote_code``: models whose own Python code the user allowed to run.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class HubConfig:
    endpoint: str = ""
    offline: bool = False
    cache_dir: str = ""
    allow_pickle: tuple[str, ...] = ()
    trust_remote_code: tuple[str, ...] = ()

    @property
    def cache_path(self) -> Path:
        """The hub cache folder in use (it may not exist yet)."""
        if self.cache_dir:
            return Path(self.cache_dir).expanduser()
        from huggingface_hub import constants

        return Path(constants.HF_HUB_CACHE)

    @property
    def endpoint_url(self) -> str:
        """The endpoint requests go to, without a trailing slash."""
        if self.endpoint:
            return self.endpoint.rstrip("/")
        from huggingface_hub import constants

        return constants.ENDPOINT.rstrip("/")


_lock = threading.Lock()
_current = HubConfig()


def configure(config: HubConfig) -> None:
    """Set this process's hub configuration (the engine host on Configure, the CLI at start)."""
    global _current
    with _lock:
        _current = config


def current() -> HubConfig:
    with _lock:
        return _current
