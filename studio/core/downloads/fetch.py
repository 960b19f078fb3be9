"""Fetch files into the hub cache through huggingface_hub, resumably.

huggingface_hub 2.x downloads each file to a temporary name unique to the
process and deletes it when the download fails, so an interrupted file starts
over.  Here each file goes to ``blobs/<etag>.incomplete`` instead, under the
same lock huggingface_hub takes, and huggingface_hub's ``http_get`` continues
it with a ``Range`` request: after a dropped connection (``http_get`` itself
retries), a cancel, a crash or a restart.  Only when the size and hash match
what the hub stated is it renamed to its blob and linked into the snapshot.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import hubcache
from .errors import DownloadCancelled, DownloadError, corrupt_error, disk_space_error
from .plan import Plan

CHUNK_BYTES = 512 * 1024


@dataclass(frozen=True)
class FileSpec:
    """One file as the hub described it (a HEAD request)."""

    name: str  # path in the repo (or the file name of a plain URL)
    size: int
    etag: str
    commit: str
    url: str  # where to GET it (a CDN address for large files)


class _Bar:
    """What ``http_get`` takes for a progress bar: reports bytes, stops on cancel."""

    def __init__(self, report: Callable[[int], None], cancelled: Callable[[], bool],
                 **_kwargs) -> None:
        self._report = report
        self._cancelled = cancelled

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, n: int) -> None:
        # Called before the piece is written: a cancel now leaves exactly what was counted.
        if self._cancelled():
            raise DownloadCancelled()
        self._report(n)

    def close(self) -> None:
        pass


def headers(token: str | None) -> dict[str, str]:
    from huggingface_hub.utils import build_hf_headers

    return build_hf_headers(token=token or None)


def head(p: Plan, name: str, endpoint: str, token: str | None) -> FileSpec:
    """Size, ETag, commit and download address of one file (an HTTP HEAD)."""
    from huggingface_hub import get_hf_file_metadata, hf_hub_url

    if p.url:
        return _head_url(p, token)
    url = hf_hub_url(p.repo, name, revision=p.revision or None, endpoint=endpoint or None)
    meta = get_hf_file_metadata(url, token=token or None, endpoint=endpoint or None,
                                retry_on_errors=True)
    if not meta.etag or not meta.commit_hash or meta.size is None:
        raise DownloadError(f"{p.repo}: the hub sent no ETag, commit or size for {name}")
    return FileSpec(name, meta.size, meta.etag, meta.commit_hash, meta.location)


def _head_url(p: Plan, token: str | None) -> FileSpec:
    import hashlib

    from huggingface_hub.utils import get_session, hf_raise_for_status

    response = get_session().head(p.url, follow_redirects=True, timeout=10)
    hf_raise_for_status(response)
    size = int(response.headers.get("Content-Length") or 0)
    if size <= 0:
        raise DownloadError(f"{p.url}: the server did not say how large the file is")
    etag = hashlib.sha1(p.url.encode()).hexdigest()[:20]  # a name, not a checksum
    return FileSpec(p.file, size, "url-" + etag, "", str(response.url))


def remaining_bytes(cache: Path, repo: str, specs: list[FileSpec]) -> int:
    """Bytes still to fetch: whole files not in the cache, minus what partial files hold."""
    left = 0
    for spec in specs:
        if hubcache.blob_path(cache, repo, spec.etag).is_file():
            continue
        partial = hubcache.partial_path(cache, repo, spec.etag)
        have = partial.stat().st_size if partial.is_file() else 0
        left += max(spec.size - have, 0)
    return left


def existing_parent(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def check_space(name: str, cache: Path, needed: int) -> None:
    """Refuse before starting when the files cannot fit (with the sizes)."""
    if needed <= 0:
        return
    folder = existing_parent(cache)
    free = shutil.disk_usage(folder).free
    if needed > free:
        raise disk_space_error(name, needed, free, str(cache))


def fetch(cache: Path, repo: str, spec: FileSpec, token: str | None,
          report: Callable[[int], None], cancelled: Callable[[], bool]) -> int:
    """Make sure ``spec`` is a complete, checked blob of ``repo`` in ``cache``."""
    return fetch_to(hubcache.blob_path(cache, repo, spec.etag),
                    hubcache.partial_path(cache, repo, spec.etag),
                    hubcache.lock_path(cache, repo, spec.etag), spec, headers(token),
                    report, cancelled, repo)


def fetch_url(target: Path, spec: FileSpec, report: Callable[[int], None],
              cancelled: Callable[[], bool]) -> int:
    """A file from outside any hub, to ``target`` (no token is ever sent there)."""
    from huggingface_hub.utils import build_hf_headers

    return fetch_to(target, target.with_name(target.name + ".incomplete"),
                    target.with_name(target.name + ".lock"), spec,
                    build_hf_headers(token=False), report, cancelled, spec.name)


def fetch_to(blob: Path, partial: Path, lock: Path, spec: FileSpec, sent: dict[str, str],
             report: Callable[[int], None], cancelled: Callable[[], bool], name: str) -> int:
    """Download ``spec`` into ``blob`` through ``partial`` under ``lock``; returns the bytes it
    had before (resumed or already there).

    Raises DownloadCancelled (the partial file stays), a corrupt-file DownloadError
    (the partial file is removed) or whatever huggingface_hub raised.
    """
    from huggingface_hub import constants
    from huggingface_hub.file_download import http_get
    from huggingface_hub.utils import WeakFileLock

    # http_get reads in pieces of this size: huggingface_hub's 10 MB would mean one progress
    # update (and one chance to cancel) per 10 MB, and a dropped connection losing up to that.
    constants.DOWNLOAD_CHUNK_SIZE = CHUNK_BYTES
    blob.parent.mkdir(parents=True, exist_ok=True)
    lock.parent.mkdir(parents=True, exist_ok=True)
    with WeakFileLock(lock):
        if blob.is_file() and blob.stat().st_size == spec.size:
            return spec.size
        have = partial.stat().st_size if partial.is_file() else 0
        if have > spec.size:  # not this file (a changed upload): start over
            partial.unlink()
            have = 0
        if have < spec.size:
            with open(partial, "ab") as fh:
                http_get(spec.url, fh, resume_size=have, headers=sent, expected_size=spec.size,
                         tqdm_class=lambda **kw: _Bar(report, cancelled, **kw))
        if not hubcache.content_matches(partial, spec.etag, spec.size):
            partial.unlink(missing_ok=True)
            raise corrupt_error(name, spec.name)
        os.replace(partial, blob)
    return have
