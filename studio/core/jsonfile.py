"""Read the app's own JSON files (settings, drafts) so that no bytes can stop the app.

A file that is not UTF-8, not JSON, nested absurdly deep or not an object is
moved aside to ``<name>.bad`` (the user's bytes are kept, never overwritten
silently) and the caller starts from defaults with a warning naming that copy.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
from pathlib import Path
from typing import Any

from .messages import Message, msg

log = logging.getLogger(__name__)


def bad_copy(path: Path) -> Path:
    """Where a broken ``path`` is kept: ``<name>.bad``, or ``.bad.1``... if that is taken."""
    target = path.with_name(path.name + ".bad")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.bad.{n}")
        n += 1
    return target


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400: it would be written back as Infinity
        raise ValueError(f"{text} is too large a number")
    return value


def _check_text(data: Any) -> None:
    """Raise ValueError for strings the app could never save again (lone surrogates)."""
    json.dumps(data, ensure_ascii=False).encode("utf-8", errors="strict")


def read_object(path: Path) -> tuple[dict[str, Any], Message | None]:
    """The JSON object in ``path`` ({} if there is none) and a warning if it was unusable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    except OSError as exc:  # unreadable here, but the user's: moved aside, never overwritten
        why = msg("file.unreadable_because", "it could not be read ({reason})",
                  reason=exc.strerror or str(exc))
        return {}, broken_warning(path, why, set_aside(path))
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant,
                          parse_float=_finite)
        if not isinstance(data, dict):
            raise ValueError("it does not hold a JSON object")
        _check_text(data)
        return data, None
    except UnicodeDecodeError:
        why = msg("file.not_utf8", "it is not UTF-8 text")
    except UnicodeEncodeError:
        why = msg("file.bad_text", "it holds text that is not valid Unicode")
    except (ValueError, RecursionError) as exc:
        why = msg("file.not_json", "it is not valid JSON: {reason}", reason=str(exc)[:200])
    kept = set_aside(path)
    return {}, broken_warning(path, why, kept)


def broken_warning(path: Path, why: Message, kept: Path | None) -> Message:
    if kept is None:
        return msg("file.reset", "{name} was reset to defaults: {why}.", name=path.name, why=why)
    return msg("file.reset_kept", "{name} was reset to defaults: {why}. The old file was kept "
               "as {kept}.", name=path.name, why=why, kept=str(kept))


def set_aside(path: Path, copy: bool = False) -> Path | None:
    """Keep the user's bytes as ``<name>.bad`` (moved, or copied with ``copy``)."""
    target = bad_copy(path)
    try:
        if copy:
            shutil.copyfile(path, target)
        else:
            os.replace(path, target)
    except OSError as exc:
        log.warning("could not keep %s as %s: %s", path, target, exc)
        return None
    return target
