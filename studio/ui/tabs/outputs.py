"""A job's files written into the outputs folder off the UI thread, then recorded.

A mixin of tabs (before ``TabBase``) that own a ``BackgroundCalls`` as ``self.io``.
When a job ends with something to keep (a Result, or a Stop after some output), the
tab calls ``write_outputs(ev, status, fields, fn, *args)``: ``fn(*args)`` writes the
files in the background and returns their paths; when it answers (the tab passes
``io.done`` answers whose kind ``is_output`` to ``outputs_written``), the job is
recorded through ``TabBase._record``, so ``history_record`` returns ``fields`` plus
``files``.  Until then, and if writing fails, the result stays in memory only.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

from studio.core.jobs import Cancelled, Result
from studio.core.paths import outputs_dir


class OutputRecords:
    _output_numbers = itertools.count(1)

    def init_outputs(self, prefix: str) -> None:
        """``prefix``: the kind of the background calls ("take" -> "take:1", "take:2"...)."""
        self._output_prefix = prefix
        self._outputs_pending: dict[str, tuple] = {}  # key -> (event, status, fields, job)
        self._outputs_ready: dict[int, dict] = {}  # id(event) -> what history_record returns

    def output_folder(self) -> Path:
        """Where new results go: the history's outputs folder (the app's, without one)."""
        return self.history.outputs if self.history is not None else outputs_dir()

    def write_outputs(self, ev: Result | Cancelled, status: str, fields: dict[str, Any],
                      fn, *args) -> str:
        """Run ``fn(*args)`` (returning the files written) off the UI thread, then record
        ``ev`` as ``status`` with ``fields`` and those files; returns the call's key."""
        key = f"{self._output_prefix}:{next(self._output_numbers)}"
        self._outputs_pending[key] = (ev, status, fields, self.job)
        self.io.call(key, fn, *args)
        return key

    def is_output(self, kind: str) -> bool:
        return kind in self._outputs_pending

    @property
    def outputs_pending(self) -> int:
        return len(self._outputs_pending)

    def outputs_written(self, key: str, files) -> Result | Cancelled:
        """The files of ``key`` are on disk: record them; returns the job's event."""
        ev, status, fields, job = self._outputs_pending.pop(key)
        if self.history is not None:
            self._outputs_ready[id(ev)] = {**fields, "files": [str(f) for f in files]}
            job_ref = self.job_ref
            self._record(ev, status)  # through history_record, as every tab records
            if job != self.job:  # a newer job runs: its own record is still to come
                self.job_ref = job_ref
        return ev

    def outputs_failed(self, key: str) -> None:
        self._outputs_pending.pop(key, None)

    def history_record(self, ev: Result | Cancelled) -> dict[str, Any] | None:
        """Nothing when the job ends: it is recorded once its files are written."""
        return self._outputs_ready.pop(id(ev), None)

    def wait_for_outputs(self, timeout_ms: int) -> None:
        """At close: let outputs being written finish and be recorded."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._outputs_pending and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            QThread.msleep(5)
