"""The window's handle on the engine host process: start it, run jobs on it, survive its death.

``EngineHost.run(task, request, cancel)`` is a generator of job events, just
like an engine's own ``run``; the window's per-tab worker threads iterate it.
One reader thread per host process receives every message and hands each
job's events to that job's queue.  When the process dies (a native crash, the
OOM killer, a force stop) the reader ends every job it was running or had
queued with exactly one Failed or Cancelled event that says what happened,
and a new process is started.  Thread-safe, Qt-free.
"""

from __future__ import annotations

import itertools
import logging
import queue
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..hub import HubConfig
from ..jobs import OUTPUTS, TERMINAL, Cancelled, CancelToken, Event, Failed, Progress
from ..messages import Message, msg
from .endings import exit_reason, job_ending
from .hostlog import log_tail, open_log
from .protocol import (
    Cancel,
    Configure,
    JobEvents,
    Stats,
    StatsRequest,
    Stop,
    Submit,
    Unload,
    Unloaded,
    recv,
    send,
)

log = logging.getLogger(__name__)

START_TIMEOUT_S = 60.0  # a cold interpreter on a slow disk; normally well under a second
UNLOAD_RESTART_BYTES = 150 * 1024 * 1024  # still this much above a fresh host: restart it


@dataclass
class _Job:
    id: int
    task: str
    process: _Process
    events: queue.SimpleQueue = field(default_factory=queue.SimpleQueue)
    cancel_requested: bool = False
    phase: str = "waiting"  # waiting | loading | generating


@dataclass(eq=False)
class _Process:
    """One generation of the host process."""

    popen: subprocess.Popen
    key: bytes
    log_path: Path | None
    log_offset: int
    ready: threading.Event = field(default_factory=threading.Event)
    conn: Any = None
    error: Message | None = None
    alive: bool = True
    end_reason: str | None = None  # None (died) | "force" | "unload" | "stop"
    baseline_rss: int | None = None
    send_lock: threading.Lock = field(default_factory=threading.Lock)
    thread: threading.Thread | None = None


def host_command() -> list[str]:
    """How to start the host: this interpreter, never importing from the working directory."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the app binary itself
        return [sys.executable, "--engine-host"]
    return [sys.executable, "-P", "-m", "studio.core.host"]


class EngineHost:
    def __init__(self, log_path: Path | None = None, imports: Sequence[str] = (),
                 paths: Sequence[str] = (),
                 listener: Callable[[object], None] | None = None) -> None:
        """``imports``/``paths``: extra modules the host loads first (tests inject faults so).

        ``listener`` is called from the reader thread with the host's Stats and
        Unloaded messages.
        """
        self.log_path = log_path
        self.imports = tuple(imports)
        self.paths = tuple(paths)
        self.listener = listener
        self.memory_budget: int | None = None
        self.hub: HubConfig | None = None  # sent with the budget (cache folder, opt-ins)
        self.last_stats: Stats | None = None
        self._lock = threading.RLock()
        self._current: _Process | None = None
        self._jobs: dict[int, _Job] = {}
        self._ids = itertools.count(1)
        self._closing = False

    # ---- lifecycle -------------------------------------------------------------------------
    @property
    def pid(self) -> int | None:
        with self._lock:
            p = self._current
            return p.popen.pid if p is not None and p.alive else None

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._jobs)

    def start(self) -> None:
        """Start a host process in the background unless one is running (returns at once)."""
        with self._lock:
            if self._closing or (self._current is not None and self._current.alive):
                return
            self._current = self._spawn()

    def _spawn(self) -> _Process:
        log_file, offset = open_log(self.log_path)
        cmd = host_command()
        for path in self.paths:
            cmd += ["--path", path]
        for module in self.imports:
            cmd += ["--import", module]
        key = secrets.token_bytes(32)
        try:
            # Its own session: a terminal's SIGHUP or Ctrl+C is the window's to handle; the
            # host ends when the window's connection closes, however the window ended.
            popen = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=log_file, close_fds=True, start_new_session=True)
        finally:
            if log_file is not subprocess.DEVNULL:
                log_file.close()  # the child has its own copy
        p = _Process(popen, key, self.log_path, offset)
        p.thread = threading.Thread(target=self._serve, args=(p,), name="engine-host-reader",
                                    daemon=True)
        p.thread.start()
        return p

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Ask the host to stop, wait up to ``timeout`` s, then terminate it; reap it.

        Every job still open ends with Cancelled.  True if it stopped by itself.
        """
        with self._lock:
            self._closing = True
            p = self._current
        if p is None:
            return True
        p.end_reason = "stop"
        deadline = time.monotonic() + timeout
        p.ready.wait(timeout)  # still starting: it will read Stop as soon as it is up
        if p.conn is not None:
            try:
                send(p.conn, Stop(), p.send_lock)
            except OSError:
                pass
        clean = True
        try:
            p.popen.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            clean = False
            p.popen.terminate()
            try:
                p.popen.wait(1.0)
            except subprocess.TimeoutExpired:
                p.popen.kill()
                p.popen.wait()
        if p.thread is not None:
            p.thread.join(5.0)
        return clean

    def force_restart(self) -> None:
        """Kill the host now (a job ignores Stop): jobs end, models go, a new host starts."""
        self._kill("force")

    def _kill(self, reason: str) -> None:
        with self._lock:
            p = self._current
            if p is None or not p.alive:
                return
            p.end_reason = reason
            self._current = None  # new jobs go to a new host, never to this dying one
        p.popen.kill()  # the reader sees the connection close and ends this host's jobs

    # ---- requests --------------------------------------------------------------------------
    def run(self, task: str, request: Any, cancel: CancelToken) -> Iterator[Event]:
        """Run ``request`` on the host; yields its events, ending with exactly one terminal."""
        job = self._submit(task, request, cancel)
        if isinstance(job, Failed | Cancelled):
            yield job
            return
        cancel.on_cancel(lambda: self._cancel(job))
        try:
            while True:
                event = job.events.get()
                yield event
                if isinstance(event, TERMINAL):
                    return
        finally:
            with self._lock:
                still_open = job.id in self._jobs
            if still_open:  # the consumer went away early: the host need not go on
                self._cancel(job)

    def _submit(self, task: str, request: Any, cancel: CancelToken) -> _Job | Failed | Cancelled:
        self.start()
        with self._lock:
            p = self._current
        if p is None:  # shutting down
            return Failed(msg("host.closing", "The app is closing; the job was not started."))
        deadline = time.monotonic() + START_TIMEOUT_S
        while not p.ready.wait(0.05):  # a cold start can take seconds: Stop still works
            if cancel.cancelled:
                return Cancelled()
            if time.monotonic() > deadline:
                return Failed(msg("host.start_timeout",
                                  "The engine did not start within {seconds} s.",
                                  seconds=int(START_TIMEOUT_S)))
        if cancel.cancelled:  # stopped before it was sent: the engine never hears of it
            return Cancelled()
        with self._lock:
            if p.error is not None or not p.alive:
                return Failed(p.error or msg("host.gone", "The engine stopped while the job "
                                             "was being sent; run it again."), self._log_tail(p))
            job = _Job(next(self._ids), task, p)
            self._jobs[job.id] = job
        try:
            send(p.conn, Submit(job.id, task, request), p.send_lock)
        except OSError:  # the host just died: its reader ends this job
            pass
        return job

    def _cancel(self, job: _Job) -> None:
        with self._lock:
            if job.id not in self._jobs:
                return
            job.cancel_requested = True
            p = job.process
        try:
            send(p.conn, Cancel(job.id), p.send_lock)
        except OSError:
            pass

    def _tell(self, message: object) -> None:
        """Send a control message to the running host, if there is one."""
        with self._lock:
            p = self._current
        if p is None or not p.ready.is_set() or p.conn is None:
            return
        try:
            send(p.conn, message, p.send_lock)
        except OSError:
            pass

    def configure(self, memory_budget: int | None, hub: HubConfig | None = None) -> None:
        """The memory budget and (when given) the hub configuration the host keeps; both are
        sent again to a restarted host."""
        self.memory_budget = memory_budget
        if hub is not None:
            self.hub = hub
        self._tell(Configure(memory_budget, self.hub))

    def unload(self) -> None:
        """Drop idle models; if the process then stays much bigger than when new, restart it."""
        self._tell(Unload())

    def request_stats(self) -> None:
        self._tell(StatsRequest())

    # ---- the reader thread -----------------------------------------------------------------
    def _serve(self, p: _Process) -> None:
        from multiprocessing.connection import Client

        try:
            p.popen.stdin.write(p.key.hex().encode() + b"\n")
            p.popen.stdin.close()
            address = p.popen.stdout.readline().decode().strip()
            p.popen.stdout.close()
            if not address:
                raise EOFError("the engine process ended while starting")
            if address.startswith("@"):  # a Linux abstract socket
                address = "\0" + address[1:]
            p.conn = Client(address, authkey=p.key)
            send(p.conn, Configure(self.memory_budget, self.hub), p.send_lock)
        except Exception as exc:
            p.error = msg("host.start_failed", "The engine could not start ({reason}).",
                          reason=str(exc) or type(exc).__name__)
            log.error("engine host did not start: %s\n%s", exc, self._log_tail(p))
            p.ready.set()
            self._ended(p)
            return
        p.ready.set()
        try:
            while True:
                self._dispatch(p, recv(p.conn))
        except (EOFError, OSError):
            pass
        except Exception:  # a message that cannot be read: treat the host as lost
            log.exception("engine host connection")
        self._ended(p)

    def _dispatch(self, p: _Process, message: object) -> None:
        match message:
            case JobEvents(items=items):
                for job_id, event in items:
                    self._deliver(job_id, event)
            case Stats():
                if p.baseline_rss is None:
                    p.baseline_rss = message.rss
                self.last_stats = message
                self._notify(message)
            case Unloaded():
                self._notify(message)
                grown = (message.rss_after is not None and p.baseline_rss is not None
                         and message.rss_after - p.baseline_rss > UNLOAD_RESTART_BYTES)
                if grown and not self.busy:  # freed memory the allocator kept: start afresh
                    self._kill("unload")

    def _deliver(self, job_id: int, event: Event) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return
            if isinstance(event, OUTPUTS):
                job.phase = "generating"
            elif isinstance(event, Progress) and job.phase == "waiting":
                job.phase = "loading"
            if isinstance(event, TERMINAL):
                del self._jobs[job_id]
        job.events.put(event)

    def _ended(self, p: _Process) -> None:
        """The process is gone (or never came up): reap it and end each of its jobs once."""
        with self._lock:
            p.alive = False
            if self._current is p:
                self._current = None
        try:
            p.popen.wait(5.0)
        except subprocess.TimeoutExpired:  # the connection broke but the process lingers
            p.popen.kill()
            p.popen.wait()
        if p.conn is not None:
            p.conn.close()
        code = p.popen.returncode
        with self._lock:
            jobs = [j for j in self._jobs.values() if j.process is p]
            for job in jobs:
                del self._jobs[job.id]
            closing = self._closing
        reason = exit_reason(code)
        detail = self._log_tail(p)
        for job in jobs:
            job.events.put(job_ending(job.task, job.phase, job.cancel_requested, p.end_reason,
                                      p.error, reason, detail))
        if p.end_reason == "stop" or closing:
            return
        if p.end_reason is None:
            log.error("engine host ended (%s)\n%s", reason, detail)
        if p.error is None:  # a host that cannot start is retried by the next job instead
            self.start()

    def _log_tail(self, p: _Process) -> str:
        return log_tail(p.log_path, p.log_offset)

    def _notify(self, message: object) -> None:
        if self.listener is not None:
            try:
                self.listener(message)
            except Exception:  # a listener bug must not kill the reader
                log.exception("engine host listener")
