"""One engine per task, each a package exposing ``run(request, cancel, cache)``.

The engine host process and the CLI both reach the engines through ``run`` here,
so neither needs to know which package serves which task.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

from ..cache import ModelCache, shared_cache
from ..jobs import CancelToken, Event, Failed
from ..messages import msg

ENGINES = {"writing": "studio.core.engines.writing",
           "transcription": "studio.core.engines.transcription",
           "voice": "studio.core.engines.voice",
           "painting": "studio.core.engines.painting"}


def run(task: str, request: Any, cancel: CancelToken, cache: ModelCache = shared_cache
        ) -> Iterator[Event]:
    """Run ``request`` on the engine of ``task``; ends with Result, Failed or Cancelled."""
    module = ENGINES.get(task)
    if module is None:
        yield Failed(msg("engine.unknown_task", "No engine for the task {task}.", task=task),
                     user_error=True)
        return
    yield from importlib.import_module(module).run(request, cancel, cache)
