"""Endpoints: OpenAI-compatible inference servers the tabs can run on, kept in endpoints.json.

An endpoint is a name, a base URL, a timeout, whether to verify TLS and whether
plain HTTP to another machine was confirmed.  Its API key is never in this file:
``keys.py`` keeps it in the OS keyring (or a private file, with a warning).

The file lives beside settings.json (``endpoints.json`` in the user config
folder) rather than inside it, so the engine host can read the definition of the
endpoint a job names without the window's settings object.  Every entry is
validated by value; a bad entry is dropped (the file is kept as
``endpoints.json.bad``) and ``warning`` says so.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..atomic import atomic_write_text
from ..jobs import UserError
from ..jsonfile import broken_warning, read_object, set_aside
from ..messages import Message, msg
from ..paths import config_dir

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")  # no ":" or "/": never mistaken for a URL
DEFAULT_TIMEOUT_S = 120.0
MAX_TIMEOUT_S = 3600.0
MAX_ENDPOINTS = 100
_MAX_URL = 2048


@dataclass(frozen=True)
class Endpoint:
    name: str
    base_url: str  # http(s)://host[:port][/prefix]; "/v1" is added unless it ends with it
    timeout_s: float = DEFAULT_TIMEOUT_S  # to connect, and between two pieces of an answer
    verify_tls: bool = True
    allow_plain_http: bool = False  # the user confirmed sending the key unencrypted

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def plain_http(self) -> bool:
        return urlsplit(self.base_url).scheme == "http"

    @property
    def api_root(self) -> str:
        """The URL the OpenAI paths hang from (``…/v1``)."""
        base = self.base_url.rstrip("/")
        return base if base.endswith("/v1") else base + "/v1"


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(
            ".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def url_problem(url: Any) -> Message | None:
    """Why ``url`` is not a usable base URL, or None."""
    bad = msg("endpoint.bad_url", "The base URL must look like http://host:port or "
              "https://host/v1 (got {url}).", url=repr(url))
    if not isinstance(url, str) or not url or len(url) > _MAX_URL or not url.isprintable() \
            or any(c.isspace() for c in url):
        return bad
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return bad
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query \
            or parts.fragment or parts.username or parts.password:
        return bad
    return None


def problem(endpoint: Endpoint, named: bool = True) -> Message | None:
    """The first thing wrong with ``endpoint``'s values, or None (``named=False``: a URL given
    for one job, which needs no name)."""
    if not isinstance(endpoint.name, str) or (
            (named or endpoint.name) and NAME.fullmatch(endpoint.name) is None):
        return msg("endpoint.bad_name", "An endpoint name is 1-64 letters, digits, dots, dashes "
                   "or underscores, starting with a letter or digit (got {name}).",
                   name=repr(endpoint.name))
    url = url_problem(endpoint.base_url)
    if url is not None:
        return url
    timeout = endpoint.timeout_s
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) \
            or not math.isfinite(timeout) or not 1 <= timeout <= MAX_TIMEOUT_S:
        return msg("endpoint.bad_timeout", "The timeout must be between 1 and {high} seconds "
                   "(got {value}).", high=int(MAX_TIMEOUT_S), value=repr(timeout))
    for flag in ("verify_tls", "allow_plain_http"):
        if not isinstance(getattr(endpoint, flag), bool):
            return msg("endpoint.bad_flag", "{name} must be true or false.", name=flag)
    return None


def check(endpoint: Endpoint, named: bool = True) -> Endpoint:
    """``endpoint`` with its URL tidied, or UserError naming what is wrong."""
    found = problem(endpoint, named)
    if found is not None:
        raise UserError(found)
    return Endpoint(endpoint.name, endpoint.base_url.rstrip("/"), float(endpoint.timeout_s),
                    endpoint.verify_tls, endpoint.allow_plain_http)


def from_dict(data: Any) -> Endpoint | None:
    if not isinstance(data, dict):
        return None
    known = {f.name for f in fields(Endpoint)}
    try:
        endpoint = Endpoint(**{k: v for k, v in data.items() if k in known})
    except TypeError:  # a required field missing
        return None
    return None if problem(endpoint) is not None else check(endpoint)


def endpoints_path() -> Path:
    return config_dir() / "endpoints.json"


class EndpointStore:
    """Load and save the endpoint list (``endpoints_path()`` by default).

    ``load()`` always returns usable endpoints; a file it had to correct is kept as
    ``.bad`` and ``warning`` says why.  ``read()`` is the engine's side-effect-free
    variant: it never moves or copies files.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or endpoints_path()
        self.warning: Message | None = None

    def read(self) -> list[Endpoint]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        items = data.get("endpoints") if isinstance(data, dict) else None
        found = [from_dict(item) for item in items] if isinstance(items, list) else []
        return _unique([e for e in found if e is not None])

    def load(self) -> list[Endpoint]:
        self.warning = None
        data, trouble = read_object(self.path)
        if trouble is not None:
            self.warning = trouble
            log.warning("%s", trouble)
            return []
        items = data.get("endpoints", [])
        if not isinstance(items, list):
            items = [items]
        found = [from_dict(item) for item in items[:MAX_ENDPOINTS]]
        good = _unique([e for e in found if e is not None])
        if len(good) != len(items):
            kept = set_aside(self.path, copy=True)
            self.warning = broken_warning(self.path, msg(
                "endpoints.invalid", "{count} endpoint(s) had values that were not valid",
                count=len(items) - len(good)), kept)
            log.warning("%s", self.warning)
        return good

    def save(self, endpoints: list[Endpoint]) -> None:
        checked = [check(e) for e in endpoints]
        names = [e.name for e in checked]
        duplicate = next((n for n in names if names.count(n) > 1), None)
        if duplicate is not None:
            raise UserError(msg("endpoint.duplicate", "There is already an endpoint named "
                                "{name}.", name=duplicate))
        body = {"schema_version": SCHEMA_VERSION, "endpoints": [asdict(e) for e in checked]}
        atomic_write_text(self.path, json.dumps(body, indent=2, ensure_ascii=False))

    def get(self, name: str) -> Endpoint | None:
        return next((e for e in self.read() if e.name == name), None)


def _unique(endpoints: list[Endpoint]) -> list[Endpoint]:
    seen: set[str] = set()
    out = []
    for e in endpoints:
        if e.name not in seen:
            seen.add(e.name)
            out.append(e)
    return out
