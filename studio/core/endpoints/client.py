"""A small HTTP client for the OpenAI API of inference servers (stdlib ``http.client``).

Why not the ``openai`` package: it is not an app dependency (it brings httpx,
pydantic models and more), and the engines need three things it does not give
cleanly: Stop that closes the socket at once from another thread (the stream
ends mid-token, the text so far is kept), a Notice while waiting out a 429, and
messages that say what to do for each failure.  The whole protocol here is JSON
bodies, multipart uploads and server-sent events.

``Session.send`` is a generator (it may yield Notices while it retries) that
returns the open ``http.client.HTTPResponse``; ``sse`` reads a streamed answer.
Failures raise ``RemoteError`` with a translatable message; the engines turn it
into ``Failed`` (or keep a partial result when a stream drops).
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..jobs import CancelToken, Event, JobCancelled, Notice
from ..messages import Message, msg
from .store import Endpoint

MAX_RETRIES = 3  # 429 and 5xx answers are tried again this many times
MAX_WAIT_S = 120.0  # the longest Retry-After we honour
ERROR_BODY = 65536
USER_AGENT = "aigc-studio/0.1"


class RemoteError(Exception):
    """A failed exchange with a server, phrased for the user."""

    def __init__(self, message: Message, status: int | None = None, detail: str = "",
                 user_error: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.detail = detail
        self.user_error = user_error


class StreamDropped(Exception):
    """The connection ended before the server said it was done."""


@dataclass(frozen=True)
class Target:
    """An endpoint resolved for one job: where, with which key (never shown), named how."""

    endpoint: Endpoint
    label: str  # the endpoint's name, or the URL given
    key: str | None = field(default=None, repr=False)


def _ssl_context(endpoint: Endpoint) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if not endpoint.verify_tls:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def server_detail(body: bytes) -> str:
    """The error text a server put in its body (OpenAI's ``{"error": {"message"}}``, FastAPI's
    ``{"detail"}``), else the body's start."""
    text = body.decode("utf-8", "replace").strip()
    try:
        data = json.loads(text)
    except ValueError:
        return text[:300]
    if isinstance(data, dict):
        for key in ("error", "detail", "message"):
            value = data.get(key)
            if isinstance(value, dict):
                value = value.get("message") or value.get("detail") or json.dumps(value)
            if isinstance(value, list):
                value = json.dumps(value)
            if value:
                return str(value)[:300]
    return text[:300]


def _retry_after(response: http.client.HTTPResponse, attempt: int) -> float:
    value = response.getheader("Retry-After", "")
    try:
        wait = float(value)
    except ValueError:
        wait = 2.0 ** attempt
    return min(max(wait, 0.0), MAX_WAIT_S)


class Session:
    """Requests to one target for one job; Stop (``cancel``) closes the open socket at once."""

    def __init__(self, target: Target, cancel: CancelToken) -> None:
        self.target = target
        self.cancel = cancel
        self._conn: http.client.HTTPConnection | None = None
        cancel.on_cancel(self._abort)
        parts = urlsplit(target.endpoint.api_root)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port
        self._prefix = parts.path.rstrip("/")

    @property
    def label(self) -> str:
        return self.target.label

    def _abort(self) -> None:
        conn = self._conn
        sock = getattr(conn, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _connection(self) -> http.client.HTTPConnection:
        endpoint = self.target.endpoint
        if self._https:
            return http.client.HTTPSConnection(self._host, self._port, timeout=endpoint.timeout_s,
                                               context=_ssl_context(endpoint))
        return http.client.HTTPConnection(self._host, self._port, timeout=endpoint.timeout_s)

    def headers(self, content_type: str | None = None) -> dict[str, str]:
        out = {"User-Agent": USER_AGENT, "Accept": "application/json, text/event-stream"}
        if content_type:
            out["Content-Type"] = content_type
        if self.target.key:
            out["Authorization"] = f"Bearer {self.target.key}"
        return out

    def send(self, method: str, path: str, body: bytes | None = None,
             content_type: str | None = None, model: str = ""
             ) -> Iterator[Event]:
        """Open ``path`` (below the API root); returns the response once its status is good.

        429: waits for Retry-After (saying so) and tries again; 5xx: tries again with
        backoff; then, or for any other failure, raises ``RemoteError``.
        """
        attempt = 0
        while True:
            self.cancel.raise_if_cancelled()
            conn = self._connection()
            self._conn = conn
            try:
                conn.request(method, self._prefix + path, body=body,
                             headers=self.headers(content_type))
                response = conn.getresponse()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                if self.cancel.cancelled:
                    raise JobCancelled() from None
                raise self._connection_error(exc) from None
            if response.status < 400:
                return response
            detail = server_detail(response.read(ERROR_BODY))
            conn.close()
            status = response.status
            if (status == 429 or status >= 500) and attempt < MAX_RETRIES:
                attempt += 1
                if status == 429:
                    wait = _retry_after(response, attempt)
                    yield Notice(msg("remote.busy_wait", "{name} is busy (429 Too Many "
                                     "Requests): waiting {seconds} s as it asks, then trying "
                                     "again.", name=self.label, seconds=round(wait, 1)))
                else:
                    wait = 0.5 * 2 ** (attempt - 1)
                    yield Notice(msg("remote.retry_5xx", "{name} failed ({status}: {detail}); "
                                     "trying again in {seconds} s.", name=self.label,
                                     status=status, detail=detail, seconds=wait))
                if self.cancel.wait(wait):
                    raise JobCancelled()
                continue
            raise self.status_error(status, detail, path, model, attempt)

    def post_json(self, path: str, payload: dict[str, Any], model: str = ""
                  ) -> Iterator[Event]:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        return (yield from self.send("POST", path, body, "application/json", model))

    def read_json(self, response: http.client.HTTPResponse) -> Any:
        try:
            raw = response.read()
        except (OSError, http.client.HTTPException) as exc:
            if self.cancel.cancelled:
                raise JobCancelled() from None
            raise self._connection_error(exc) from None
        finally:
            response.close()
        try:
            return json.loads(raw)
        except ValueError:
            raise RemoteError(msg("remote.not_json", "{name} answered something that is not "
                                  "JSON; is the URL an OpenAI-compatible API?",
                                  name=self.label)) from None

    def get_json(self, path: str) -> Iterator[Event]:
        response = yield from self.send("GET", path)
        return self.read_json(response)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

    # -- failures --------------------------------------------------------------------------
    def _connection_error(self, exc: BaseException) -> RemoteError:
        endpoint = self.target.endpoint
        if isinstance(exc, ssl.SSLError):
            return RemoteError(msg("remote.tls", "The secure connection to {name} failed "
                                   "({reason}). If the server uses a self-signed certificate, "
                                   "turn off Verify TLS for this endpoint (only on a network "
                                   "you trust).", name=self.label,
                                   reason=getattr(exc, "reason", None) or str(exc)))
        if isinstance(exc, TimeoutError | socket.timeout):
            return RemoteError(msg("remote.timeout", "{name} did not answer within {seconds} s. "
                                   "It may be overloaded or loading the model; try again, or "
                                   "raise the endpoint's timeout.", name=self.label,
                                   seconds=round(endpoint.timeout_s)))
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else (
            str(exc) or type(exc).__name__)
        return RemoteError(msg("remote.unreachable", "Cannot reach {name} at {url} ({reason}). "
                               "Check that the server is running and that the URL is right "
                               "(aigc-studio endpoints test).", name=self.label,
                               url=endpoint.base_url, reason=reason))

    def status_error(self, status: int, detail: str, path: str, model: str = "",
                     tries: int = 0) -> RemoteError:
        name = self.label
        if status in (401, 403):
            return RemoteError(msg("remote.key", "{name} refused the API key ({status}: "
                                   "{detail}). Set the endpoint's key in Settings → Endpoints "
                                   "(or pass it with --api-key-env).", name=name, status=status,
                                   detail=detail), status, detail, True)
        if status == 404:
            if model:
                return RemoteError(msg("remote.no_model", "{name} has no model {model} (404: "
                                       "{detail}). Choose one of the models it lists (aigc-studio "
                                       "endpoints test).", name=name, model=repr(model),
                                       detail=detail), status, detail, True)
            return RemoteError(msg("remote.no_path", "{name} does not serve {path} (404). Is it "
                                   "an OpenAI-compatible server, and does the URL end where its "
                                   "API starts (often /v1)?", name=name, path=path),
                               status, detail, True)
        if status == 413:
            return RemoteError(msg("remote.too_large", "{name} refuses requests this large (413 "
                                   "Payload Too Large).", name=name), status, detail, True)
        if status >= 500 or status == 429:
            return RemoteError(msg("remote.server_failed", "{name} failed ({status}: {detail}) "
                                   "after {tries} tries. Try again later, or look at the "
                                   "server's log.", name=name, status=status, detail=detail,
                                   tries=tries + 1), status, detail)
        return RemoteError(msg("remote.refused", "{name} refused the request ({status}: "
                               "{detail}).", name=name, status=status, detail=detail),
                           status, detail, 400 <= status < 500)


def sse(response: http.client.HTTPResponse) -> Iterator[Any]:
    """The JSON objects of a server-sent event stream, until ``data: [DONE]``.

    Raises ``StreamDropped`` if the connection ends (or breaks) before that.
    """
    try:
        while True:
            line = response.readline()
            if not line:
                raise StreamDropped("the connection closed")
            if not line.startswith(b"data:"):
                continue  # blank separators, comments (": ping"), event names
            data = line[5:].strip()
            if data == b"[DONE]":
                return
            if not data:
                continue
            try:
                yield json.loads(data)
            except ValueError:
                continue
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise StreamDropped(str(exc) or type(exc).__name__) from None
    finally:
        response.close()


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes, str]]
              ) -> tuple[bytes, str]:
    """(body, content type) of a multipart/form-data upload."""
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     .encode() + str(value).encode("utf-8") + b"\r\n")
    for name, (filename, data, kind) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'.encode()
                     + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def timed(start: float) -> float:
    return round(time.perf_counter() - start, 4)
