"""Remote endpoints: the OpenAI-compatible servers (vLLM, Xinference, the llama.cpp server,
Ollama, LM Studio, ...) that every tab can run on instead of this machine.

How a request runs remotely: its ``endpoint`` field names a stored endpoint (or is
a base URL) and its ``model`` is the server's model id, e.g.
``WriteRequest(prompt, endpoint="gpu-box", model="meta-llama/Llama-3-8B")``; the
engine then uses its ``remote`` backend, and ``Result.request`` says
``backend="remote"`` and holds the server's own model id in ``revision``
(``remote:<id>``).  The key is never in a request: it comes from the keyring
(``keys``), or for this process only from ``keys.use_key`` (``--api-key-env``).

Qt-free API for the window's Settings → Endpoints and model pickers:
``EndpointStore`` (load/save), ``keys.save_key/key_status/delete_key``,
``needs_confirmation`` (plain HTTP), ``probe`` (the Test button: models and
latency, blocking: run it off the UI thread) and ``models_for``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from .. import hub
from ..jobs import CancelToken, Event, UserError
from ..messages import Message, msg
from .client import RemoteError, Session, StreamDropped, Target, multipart, sse
from .keys import delete_key, key_status, load_key, process_key, save_key, use_key
from .store import Endpoint, EndpointStore, check, endpoints_path, is_loopback, is_url, problem

__all__ = [
    "REMOTE", "Endpoint", "EndpointStore", "Probe", "RemoteError", "RemoteModel", "Session",
    "StreamDropped", "Target", "check", "delete_key", "endpoints_path", "is_loopback", "is_url",
    "key_status", "load_key", "models_for", "multipart", "needs_confirmation", "probe",
    "problem", "resolve", "save_key", "sse", "task_of", "use_key",
]

REMOTE = "remote"  # the backend name a remote job reports


def needs_confirmation(endpoint: Endpoint, has_key: bool) -> bool:
    """A key would travel unencrypted to another machine: the user must confirm it first
    (``allow_plain_http``)."""
    return has_key and endpoint.plain_http and not endpoint.loopback \
        and not endpoint.allow_plain_http


def resolve(spec: str, store: EndpointStore | None = None) -> Target:
    """The endpoint a request names (a stored name or a base URL), with its key, ready to use;
    ``UserError`` when it is unknown, blocked by the offline switch or unsafe."""
    if not isinstance(spec, str) or not spec.strip():
        raise UserError(msg("endpoint.none", "No endpoint given: name one from Settings → "
                            "Endpoints (aigc-studio endpoints list) or give a base URL."))
    spec = spec.strip()
    if is_url(spec):
        endpoint = check(Endpoint("", spec), named=False)
        key = process_key(spec)
    else:
        endpoint = (store or EndpointStore()).get(spec)
        if endpoint is None:
            raise UserError(msg("endpoint.unknown", "There is no endpoint named {name}. Add it "
                                "in Settings → Endpoints or with: aigc-studio endpoints add "
                                "{name} URL", name=spec))
        key = process_key(spec) or load_key(spec)
    return resolve_endpoint(endpoint, key, spec)


@dataclass(frozen=True)
class RemoteModel:
    id: str
    task: str  # the studio task it serves ("" for none: embeddings, rerankers)
    owned_by: str = ""


@dataclass(frozen=True)
class Probe:
    """What the Test button shows: the models, the round trip time, or why it failed."""

    endpoint: str
    models: tuple[RemoteModel, ...]
    latency_s: float | None
    error: Message | None = None


_PAINT = ("stable-diffusion", "stable_diffusion", "sdxl", "sd-", "sd_", "sd3", "flux",
          "dall-e", "gpt-image", "diffusion", "kandinsky", "playground")
_LISTEN = ("whisper", "transcribe", "asr", "stt", "sensevoice", "paraformer", "parakeet")
_SPEAK = ("tts", "speech", "kokoro", "piper", "bark", "chattts", "cosyvoice", "voice",
          "melo", "f5")


def task_of(item: dict) -> str:
    """The studio task a ``/v1/models`` entry serves: Xinference says (``model_type``,
    ``model_ability``); otherwise guessed from the id (most servers serve chat models)."""
    kind = str(item.get("model_type", "")).lower()
    ability = " ".join(str(a) for a in item.get("model_ability", []) or []).lower()
    if kind == "llm":
        return "writing"
    if kind == "image":
        return "painting"
    if kind == "audio" or "audio" in ability:
        return "voice" if "text2audio" in ability or "text_to_speech" in ability \
            else "transcription"
    if kind in ("embedding", "rerank", "video", "flexible"):
        return ""
    ident = str(item.get("id", "")).lower()
    if "embed" in ident or "rerank" in ident:
        return ""
    if any(word in ident for word in _LISTEN):
        return "transcription"
    if any(word in ident for word in _SPEAK):
        return "voice"
    if any(word in ident for word in _PAINT):
        return "painting"
    return "writing"


def probe(spec: str | Endpoint, key: str | None = None, store: EndpointStore | None = None
          ) -> Probe:
    """List the server's models (``GET /v1/models``) and time the round trip. Blocking."""
    try:
        if isinstance(spec, Endpoint):
            endpoint = check(spec, named=False)
            target = resolve_endpoint(endpoint, key if key is not None else load_key(
                endpoint.name) if endpoint.name else None)
        else:
            target = resolve(spec, store)
            if key is not None:
                target = replace(target, key=key)
    except UserError as exc:
        return Probe(str(getattr(spec, "name", spec)), (), None, exc.message)
    session = Session(target, CancelToken())
    start = time.perf_counter()
    try:
        data = _drain(session.get_json("/models"))
    except RemoteError as exc:
        return Probe(target.label, (), None, exc.message)
    finally:
        session.close()
    latency = time.perf_counter() - start
    items = data.get("data") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return Probe(target.label, (), latency, msg(
            "endpoint.no_model_list", "{name} answered, but not with a model list; is it an "
            "OpenAI-compatible server?", name=target.label))
    models = tuple(RemoteModel(str(i["id"]), task_of(i), str(i.get("owned_by", "") or ""))
                   for i in items if isinstance(i, dict) and i.get("id"))
    return Probe(target.label, models, round(latency, 4))


def resolve_endpoint(endpoint: Endpoint, key: str | None, label: str = "") -> Target:
    """``endpoint`` (stored, or being edited) with ``key``, once it passes the offline switch
    and the plain-HTTP rule."""
    label = label or endpoint.name or endpoint.base_url
    if hub.current().offline and not endpoint.loopback:
        raise UserError(msg("endpoint.offline", "The offline switch is on, so {name} ({host}) "
                            "cannot be used: only servers on this machine can. Turn the switch "
                            "off in Settings to use it.", name=label, host=endpoint.host))
    if needs_confirmation(endpoint, bool(key)):
        raise UserError(msg("endpoint.plain_http", "{name} uses plain HTTP to another machine: "
                            "its API key would travel unencrypted. Use https, or confirm it for "
                            "this endpoint (the allow_plain_http flag: aigc-studio endpoints add "
                            "NAME URL --allow-plain-http).", name=label))
    return Target(endpoint, label, key)


def models_for(task: str, probes: list[Probe]) -> list[tuple[str, str]]:
    """(endpoint, model id) pairs a task's model picker offers, from earlier probes."""
    return [(p.endpoint, m.id) for p in probes for m in p.models if m.task == task]


def _drain(gen: Event) -> object:
    """Run a ``Session`` generator where nobody reads its Notices (the Test button)."""
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value
