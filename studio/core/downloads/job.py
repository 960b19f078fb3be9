"""One download from start to finish: plan, ask the hub, check the disk, fetch, verify, mark.

``run`` is synchronous and reports through a ``Progress``; the DownloadManager
runs it on a worker thread, the CLI in its own thread (Ctrl+C interrupts it and
keeps the files fetched so far).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from .. import catalog, hubcache
from ..hub import HubConfig
from ..messages import Message, msg
from ..models import LocalModel
from ..paths import data_dir
from . import fetch as fetching
from .errors import (
    RETRYABLE,
    DownloadCancelled,
    explain,
    hub_offline_env,
    kind_of,
    offline_env_error,
    offline_error,
)
from .plan import Plan, RemoteFile, plan, select, single_files

RETRY_DELAYS = (1.0, 3.0)  # seconds before the 2nd and 3rd attempt of a file


@dataclass
class Progress:
    """Counters of one download, updated by the job's thread and read by others."""

    on_change: Callable[[], None] = lambda: None
    state: str = "queued"
    total: int = 0  # bytes of every file, once known
    done: int = 0  # bytes on disk (already there, resumed or fetched)
    files_total: int = 0
    files_done: int = 0
    file: str = ""  # the file being fetched
    note: Message | None = None  # "retrying in 3 s (…)"
    speed: float = 0.0  # bytes/s, smoothed over a few seconds
    _mark: tuple[float, int] = (0.0, 0)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def set(self, **values) -> None:
        with self.lock:
            for key, value in values.items():
                setattr(self, key, value)
        self.on_change()

    def add(self, n: int) -> None:
        now = time.monotonic()
        with self.lock:
            self.done += n
            then, before = self._mark
            if not then:
                self._mark = (now, self.done)
            elif now - then >= 0.25:
                rate = (self.done - before) / (now - then)
                self.speed = rate if not self.speed else 0.6 * self.speed + 0.4 * rate
                self._mark = (now, self.done)
        self.on_change()

    @property
    def eta_s(self) -> float | None:
        if self.speed <= 0 or not self.total:
            return None
        return max(self.total - self.done, 0) / self.speed


@dataclass
class _Part:
    plan: Plan
    specs: list[fetching.FileSpec]
    commit: str


def _list_repo(p: Plan, endpoint: str, token: str | None) -> tuple[str, list[RemoteFile]]:
    from huggingface_hub import HfApi

    info = HfApi(endpoint=endpoint or None, token=token or None).model_info(
        p.repo, revision=p.revision or None, files_metadata=True)
    files = [RemoteFile(s.rfilename, s.size, s.lfs.sha256 if s.lfs else "")
             for s in info.siblings or ()]
    return info.sha or "", files


def _attempts(p: Plan, endpoint: str, folder: str, cancelled: Callable[[], bool],
              progress: Progress, action: Callable[[], object], prepare: bool = False):
    """``action()`` with retries and backoff for transient trouble, explained errors."""
    for attempt in range(len(RETRY_DELAYS) + 1):
        try:
            return action()
        except DownloadCancelled:
            raise
        except Exception as exc:
            err = explain(exc, p, endpoint, folder) or exc
            kind = kind_of(err)
            # Before any byte flows, a refused connection or a wrong host name is not worth
            # waiting for: say so at once (with the mirror advice).
            transient = kind in RETRYABLE and not (prepare and kind == "network"
                                                   and not _is_timeout(exc))
            if not transient or attempt == len(RETRY_DELAYS):
                if err is exc:
                    raise
                raise err from exc
            delay = RETRY_DELAYS[attempt]
            progress.set(note=msg("download.retrying", "Retrying in {seconds} s: {reason}",
                                  seconds=f"{delay:g}", reason=str(err).split(". ")[0]))
            deadline = time.monotonic() + delay
            while time.monotonic() < deadline:
                if cancelled():
                    raise DownloadCancelled() from None
                time.sleep(0.05)
            progress.set(note=None)
    raise AssertionError("unreachable")


def _is_timeout(exc: BaseException) -> bool:
    from .errors import _chain

    return any("timeout" in type(e).__name__.lower() or isinstance(e, TimeoutError)
               for e in _chain(exc))


def _prepare(p: Plan, config: HubConfig, token: str | None, cancelled, progress) -> _Part:
    endpoint = p.endpoint or config.endpoint
    cache = config.cache_path
    folder = str(cache)

    def heads(names) -> list[fetching.FileSpec]:
        return [_attempts(p, endpoint, folder, cancelled, progress,
                          lambda n=n: fetching.head(p, n, endpoint, token), prepare=True)
                for n in names]

    if p.file:
        specs = heads(single_files(p))
        return _Part(p, specs, specs[0].commit)
    commit, listing = _attempts(p, endpoint, folder, cancelled, progress,
                                lambda: _list_repo(p, endpoint, token), prepare=True)
    model_index = None
    if any(f.path == "model_index.json" for f in listing):
        (spec,) = heads(["model_index.json"])
        fetching.fetch(cache, p.repo, spec, token, lambda n: None, cancelled)
        hubcache.link(cache, p.repo, spec.commit, spec.name, spec.etag)
        path = hubcache.blob_path(cache, p.repo, spec.etag)
        model_index = json.loads(path.read_text(encoding="utf-8"))
    chosen = select(p, listing, config, model_index)
    specs = heads([f.path for f in chosen])
    return _Part(p, specs, commit or (specs[0].commit if specs else ""))


def _plans(ref: str) -> list[Plan]:
    """The plan for ``ref`` and those of what it requires (a vocoder), each once."""
    out: list[Plan] = []
    todo = [ref]
    while todo:
        p = plan(todo.pop(0))
        if all(q.ref != p.ref for q in out):
            out.append(p)
            todo.extend(p.requires)
    return out


def already_there(ref: str, config: HubConfig) -> bool:
    """Every part of ``ref`` was downloaded here, completely (no network needed)."""
    try:
        plans = _plans(ref)
    except Exception:
        return False
    cache = config.cache_path
    for p in plans:
        if p.url:
            if not url_target(p).is_file():
                return False
            continue
        marker = hubcache.read_marker(cache, p.repo, p.revision, p.file)
        if marker is None or not hubcache.intact(cache, marker):
            return False
    return True


def url_target(p: Plan) -> Path:
    host = urlparse(p.url).netloc.replace(":", "_")
    return data_dir() / "models" / host / p.file


def _fetch_part(part: _Part, config: HubConfig, token, progress, cancelled) -> None:
    p, cache = part.plan, config.cache_path
    endpoint = p.endpoint or config.endpoint
    if p.url:
        spec = part.specs[0]
        progress.set(file=spec.name)
        _attempts(p, endpoint, str(cache), cancelled, progress,
                  lambda: fetching.fetch_url(url_target(p), spec, progress.add, cancelled))
        progress.set(files_done=progress.files_done + 1)
        return
    marker = hubcache.Marker(p.repo, p.revision, p.file, hubcache.DOWNLOADING, part.commit,
                             {s.name: [s.size, s.etag] for s in part.specs}, p.ref)
    hubcache.write_marker(cache, marker)
    for spec in part.specs:
        progress.set(file=spec.name)
        before = progress.done

        def one(spec=spec, before=before) -> None:
            progress.set(done=before)  # a retry starts from what is on disk again
            partial = hubcache.partial_path(cache, p.repo, spec.etag)
            if partial.is_file():
                progress.add(min(partial.stat().st_size, spec.size))
            fetching.fetch(cache, p.repo, spec, token, progress.add, cancelled)
            progress.set(done=before + spec.size)  # exact, also when it was there already

        _attempts(p, endpoint, str(cache), cancelled, progress, one)
        hubcache.link(cache, p.repo, part.commit, spec.name, spec.etag)
        progress.set(files_done=progress.files_done + 1)
    hubcache.write_ref(cache, p.repo, p.revision or "main", part.commit)
    marker.state = hubcache.COMPLETE
    hubcache.write_marker(cache, marker)


def run(ref: str, config: HubConfig, token: str | None, progress: Progress,
        cancelled: Callable[[], bool] = lambda: False) -> LocalModel:
    """Download ``ref`` (and what it requires) into the hub cache; the model, resolved."""
    plans = _plans(ref)
    main = plans[0]
    complete = already_there(ref, config)
    if complete and (config.offline or hub_offline_env()):
        progress.set(state="done")  # nothing to fetch, and no network may be used
        return local_model(main, config)
    if config.offline:
        raise offline_error(main.name)
    if hub_offline_env():
        raise offline_env_error(main.name)
    progress.set(state="preparing")
    try:  # even when complete: files an opt-in now allows (a model's code) may be missing
        parts = [_prepare(p, config, token, cancelled, progress) for p in plans]
    except Exception as exc:
        if complete and kind_of(exc) in ("network", "server"):
            progress.set(state="done")  # the hub is out of reach, but nothing is missing
            return local_model(main, config)
        raise
    cache = config.cache_path
    left = sum(fetching.remaining_bytes(cache, part.plan.repo, part.specs) if not part.plan.url
               else max(part.specs[0].size - _partial_size(url_target(part.plan)), 0)
               for part in parts)
    fetching.check_space(main.name, cache if not main.url else url_target(main).parent, left)
    total = sum(s.size for part in parts for s in part.specs)
    progress.set(state="downloading", total=total, done=0,
                 files_total=sum(len(part.specs) for part in parts))
    for part in parts:
        _fetch_part(part, config, token, progress, cancelled)
    progress.set(state="done", file="", done=total)
    return local_model(main, config)


def _partial_size(target: Path) -> int:
    partial = target.with_name(target.name + ".incomplete")
    return partial.stat().st_size if partial.is_file() else 0


def local_model(p: Plan, config: HubConfig) -> LocalModel:
    """The downloaded model, from its marker (in ``config``'s cache, whatever this process's)."""
    if p.url:
        target = url_target(p)
        return LocalModel(str(target), target.parent, None, target.name)
    marker = hubcache.read_marker(config.cache_path, p.repo, p.revision, p.file)
    assert marker is not None
    entry = catalog.find(p.ref)
    name = entry.id if entry else p.repo
    folder = hubcache.snapshot_dir(config.cache_path, p.repo, marker.commit)
    file = hubcache.main_file(marker)
    if file:
        main = folder / file
        return LocalModel(name, main.parent, entry, main.name)
    return LocalModel(name, folder, entry)
