"""One history row as a value, and the request it holds as JSON and back."""

from __future__ import annotations

import dataclasses
import importlib
import json
import math
import os
import re
from dataclasses import dataclass
from typing import Any

from ..jobs import UserError
from ..messages import msg

STATUSES = ("done", "stopped")  # stopped: cancelled, with the partial output kept
# Only request types of our own engines are ever imported back (the stored name is data).
_MODULE = re.compile(r"studio\.core\.engines(\.[A-Za-z_][A-Za-z0-9_]*)+")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Entry:
    """A finished (or stopped) result.  ``files`` are absolute paths; they may be gone."""

    id: int
    task: str
    created: float  # epoch seconds
    status: str  # "done" | "stopped"
    model: str
    title: str  # short: the prompt's first line
    text: str  # the output text, or a summary
    prompt: str  # the searchable input text
    request: dict[str, Any]  # the request's fields, as JSON has them
    request_type: str  # "module:QualName" of the request dataclass ("" for a plain dict)
    files: tuple[str, ...]
    timings: dict[str, float]
    parents: tuple[int, ...]  # the results this one was made from
    favourite: bool
    tags: tuple[str, ...]
    # The files the app made in its outputs folder: the only ones "delete with its files"
    # removes.  A transcript's source audio or a recording is the user's and always stays.
    made_files: tuple[str, ...] = ()

    def missing_files(self) -> tuple[str, ...]:
        """The files that are not on disk now (moved or deleted by the user)."""
        return tuple(path for path in self.files if not os.path.exists(path))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the CLI's ``--json``), with ``missing_files`` added."""
        out = dataclasses.asdict(self)
        out.update(files=list(self.files), parents=list(self.parents), tags=list(self.tags),
                   made_files=list(self.made_files), missing_files=list(self.missing_files()))
        return out


def clean(text: Any) -> str:
    """Text SQLite can store and search: a lone surrogate (from an odd file name) becomes '?'."""
    return str(text).encode("utf-8", "replace").decode("utf-8")


def plain(value: Any) -> Any:
    """JSON has no tuples, dataclasses, paths, enums or infinities: sequences become lists,
    dataclasses dicts, a number that is not finite None, anything else its text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # a nested spec
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def dump_request(request: Any) -> tuple[str, str]:
    """(JSON of the request's fields, its type name) for a dataclass or a dict."""
    if dataclasses.is_dataclass(request) and not isinstance(request, type):
        kind = type(request)
        fields = {f.name: getattr(request, f.name) for f in dataclasses.fields(request)}
        type_name = f"{kind.__module__}:{kind.__qualname__}"
    elif isinstance(request, dict):
        fields, type_name = request, ""
    elif request is None:
        fields, type_name = {}, ""
    else:
        raise TypeError(f"a request must be a dataclass or a dict, not {type(request).__name__}")
    return to_json(plain(fields)), type_name


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, default=str)


def _tuples(value: Any) -> Any:
    """Requests are frozen dataclasses: their sequences are tuples (hashable, picklable)."""
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


def request_from_entry(entry: Entry) -> Any:
    """The request dataclass that made ``entry``, ready to run again.

    Only types under ``studio.core.engines`` are imported (the stored name is never
    trusted as code to load); fields the type no longer has are dropped and missing
    ones take their defaults, so rows written by older versions still load.  Raises
    ``UserError`` when the type is unknown or the fields do not fit it.
    """
    module_name, _, name = entry.request_type.partition(":")
    refuse = UserError(msg("history.request_type",
                           "Result {id} cannot be run again: its request type {type} is not "
                           "one this version knows.", id=entry.id,
                           type=repr(entry.request_type)))
    if not (_MODULE.fullmatch(module_name) and _NAME.fullmatch(name)):
        raise refuse
    try:
        kind = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError):
        raise refuse from None
    if not (isinstance(kind, type) and dataclasses.is_dataclass(kind)):
        raise refuse
    known = {f.name for f in dataclasses.fields(kind) if f.init}
    values = {k: _tuples(v) for k, v in entry.request.items() if k in known}
    try:
        return kind(**values)
    except TypeError as exc:  # a required field missing from an old row
        raise UserError(msg("history.request_fields",
                            "Result {id} cannot be run again: its request does not fit this "
                            "version ({reason}).", id=entry.id, reason=str(exc))) from None
