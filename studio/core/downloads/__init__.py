"""Hub downloads (the only network use): plan, fetch resumably, verify, mark complete.

- ``plan``/``select`` (plan.py): what a reference needs, safe formats only;
- ``run`` (job.py): one download, synchronous, reporting a ``Progress``;
- ``DownloadManager`` (manager.py): a queue on background threads for the window;
- ``state``/``verify``/``remove``/``cached_models`` (local.py): what is on disk;
- ``explain`` and the error kinds (errors.py): messages that say what to do.

``download()`` is the one-call form the CLI uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .. import credentials, hub
from ..hub import HubConfig
from ..models import LocalModel
from .errors import (
    DownloadCancelled,
    DownloadError,
    explain,
    hub_offline_env,
    kind_of,
)
from .job import Progress, already_there, run
from .local import (
    BUILT_IN,
    CACHED,
    DOWNLOADED,
    MISSING,
    PARTIAL,
    CachedModel,
    ModelState,
    cached_models,
    remove,
    state,
    verify,
)
from .manager import (
    CANCELLED,
    DONE,
    DOWNLOADING,
    FAILED,
    PREPARING,
    QUEUED,
    DownloadManager,
    DownloadStatus,
)
from .plan import Plan, RemoteFile, plan, select

__all__ = [
    "BUILT_IN", "CACHED", "CANCELLED", "DONE", "DOWNLOADED", "DOWNLOADING", "FAILED", "MISSING",
    "PARTIAL", "PREPARING", "QUEUED", "CachedModel", "DownloadCancelled", "DownloadError",
    "DownloadManager", "DownloadStatus", "ModelState", "Plan", "Progress", "RemoteFile",
    "already_there", "cached_models", "download", "explain", "hub_offline_env", "kind_of",
    "plan", "remove", "run", "select", "state", "verify",
]


def download(ref: str, endpoint: str = "", offline: bool = False,
             config: HubConfig | None = None, token: str | None = None,
             progress: Progress | None = None,
             cancelled: Callable[[], bool] = lambda: False) -> LocalModel:
    """Fetch ``ref`` into the hub cache (resuming what an earlier try left) and resolve it.

    ``config`` defaults to this process's (``hub.current()``) with ``endpoint``
    and ``offline`` applied on top; ``token`` to the stored one.
    """
    config = config or hub.current()
    config = replace(config, endpoint=endpoint or config.endpoint,
                     offline=offline or config.offline)
    if token is None and not config.offline:
        token = credentials.load_token()
    return run(ref, config, token, progress or Progress(), cancelled)
