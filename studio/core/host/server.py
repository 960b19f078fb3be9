"""The engine host: the process where every model loads and every job runs.

Started by ``EngineHost`` (client.py) as ``python -P -m studio.core.host``.  It
reads an auth key from stdin, listens on a local socket, prints the address on
stdout, accepts the window's one connection, and serves it: one job queue and
thread per task (a Writing job and a Painting job run side by side), one model
cache and memory budget for all of them.  When the window goes away (the
connection closes, even if the window was killed) the host exits.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import queue
import signal
import sys
import threading
from collections.abc import Sequence

from .. import hub
from ..cache import ModelCache, shared_cache
from ..devices import (
    device_memory_in_use,
    device_memory_peak,
    peak_resident_memory,
    resident_memory,
)
from ..jobs import TERMINAL, Cancelled, CancelToken, Failed, human_message
from ..messages import msg
from .outbox import Outbox
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

log = logging.getLogger("studio.host")
STOP_GRACE_S = 1.0  # after Stop, how long running jobs get to send their last event


class HostServer:
    def __init__(self, conn, cache: ModelCache = shared_cache) -> None:
        self.conn = conn
        self.cache = cache
        self._send_lock = threading.Lock()
        self.outbox = Outbox(self.send)
        self._lock = threading.Lock()
        self._queues: dict[str, queue.SimpleQueue] = {}
        self._tokens: dict[int, CancelToken] = {}  # queued and running jobs
        self._idle = threading.Condition(self._lock)

    def send(self, obj) -> None:
        try:
            send(self.conn, obj, self._send_lock)
        except (OSError, ValueError):  # the window is gone; serve() is ending too
            pass
        except Exception:  # an event that cannot be pickled: never lose the rest with it
            log.exception("could not send %s", type(obj).__name__)
            if isinstance(obj, JobEvents) and len(obj.items) > 1:
                for item in obj.items:
                    self.send(JobEvents((item,)))
            elif isinstance(obj, JobEvents) and isinstance(obj.items[0][1], TERMINAL):
                job = obj.items[0][0]
                self.send(JobEvents(((job, Failed(msg(
                    "host.unsendable", "The engine finished but could not send the result to "
                    "the window (see the engine log).")),),)))

    def serve(self) -> None:
        """Handle requests until Stop or until the window's connection closes."""
        self.send(self.stats())
        while True:
            try:
                message = recv(self.conn)
            except (EOFError, OSError):
                break
            if isinstance(message, Stop):
                break
            try:
                self._handle(message)
            except Exception:  # a control message must never take the engine down
                log.exception("handling %s", type(message).__name__)
        self._cancel_all(wait_s=STOP_GRACE_S)

    def _handle(self, message) -> None:
        match message:
            case Submit(job=job, task=task, request=request):
                self._submit(job, task, request)
            case Cancel(job=job):
                with self._lock:
                    token = self._tokens.get(job)
                if token is not None:
                    token.cancel()
            case Configure(memory_budget_bytes=budget, hub=config):
                self.cache.budget_bytes = budget
                if config is not None:
                    hub.configure(config)
            case Unload():
                before = resident_memory()
                dropped = self.cache.clear()
                self.send(Unloaded(dropped, before, resident_memory(),
                                   len(self.cache.in_use())))
            case StatsRequest():
                self.send(self.stats())

    def stats(self) -> Stats:
        loaded = tuple(self.cache.loaded())
        return Stats(os.getpid(), resident_memory(), device_memory_in_use(),
                     tuple(m.name for m in loaded), tuple(m.name for m in loaded if m.in_use),
                     loaded, self.cache.budget_bytes, peak_resident_memory(),
                     device_memory_peak())

    def _submit(self, job: int, task: str, request) -> None:
        with self._lock:
            self._tokens[job] = CancelToken()
            jobs = self._queues.get(task)
            if jobs is None:
                jobs = self._queues[task] = queue.SimpleQueue()
                threading.Thread(target=self._work, args=(task, jobs), name=f"task-{task}",
                                 daemon=True).start()
        jobs.put((job, request))

    def _work(self, task: str, jobs: queue.SimpleQueue) -> None:
        from ..engines import run

        while True:
            job, request = jobs.get()
            with self._lock:
                token = self._tokens[job]
            try:
                if token.cancelled:  # cancelled while queued
                    self.outbox.put(job, Cancelled())
                    continue
                for event in run(task, request, token, self.cache):
                    if isinstance(event, Failed) and event.detail:
                        log.error("job %s failed: %s\n%s", job, event.message, event.detail)
                    self.outbox.put(job, event)
            except BaseException as exc:  # even SystemExit from a library: still one ending
                log.exception("job %s", job)
                self.outbox.put(job, Failed(human_message(exc)))
            finally:
                with self._lock:
                    del self._tokens[job]
                    self._idle.notify_all()

    def _cancel_all(self, wait_s: float) -> None:
        with self._lock:
            for token in self._tokens.values():
                token.cancel()
            self._idle.wait_for(lambda: not self._tokens, timeout=wait_s)


def _accept(key: bytes):
    """Listen on a local socket, print its address, accept the window's one connection.

    Only a holder of ``key`` (handed over on stdin) can connect: the listener runs
    an HMAC challenge first.  On Linux the socket lives in the abstract namespace,
    so a host killed before the window connects leaves no file behind.
    """
    import secrets
    import tempfile
    from multiprocessing.connection import Listener

    if os.name == "nt":
        with Listener(authkey=key) as listener:  # a named pipe
            _announce(listener.address)
            return listener.accept()
    if sys.platform.startswith("linux"):
        name = f"aigc-studio-host-{os.getpid()}-{secrets.token_hex(8)}"
        with Listener("\0" + name, "AF_UNIX", authkey=key) as listener:
            _announce("@" + name)
            return listener.accept()
    folder = tempfile.mkdtemp(prefix="aigc-host-")  # mode 0700
    try:
        with Listener(os.path.join(folder, "socket"), "AF_UNIX", authkey=key) as listener:
            _announce(listener.address)
            return listener.accept()
    finally:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


def _announce(address: str) -> None:
    """The address on stdout ("@name" is Linux's abstract socket "\\0name")."""
    sys.stdout.write(f"{address}\n")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray library prints go to the log


def main(argv: Sequence[str] = ()) -> int:
    """Entry point of the host process; ``--import MODULE`` loads extra modules first (tests)."""
    faulthandler.enable()  # a native crash leaves its stack in the host log
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the window's to handle
    args = list(argv)
    while len(args) >= 2 and args[0] in ("--import", "--path"):
        flag, value, args = args[0], args[1], args[2:]
        if flag == "--path":
            sys.path.insert(0, value)
        else:
            __import__(value)
    key = bytes.fromhex(sys.stdin.readline().strip())
    conn = _accept(key)
    HostServer(conn).serve()
    conn.close()
    logging.shutdown()
    sys.stderr.flush()
    # Job threads may be inside a library call that ignores cancel; nothing of theirs is
    # needed any more, so leave without waiting for them or running finalizers.
    os._exit(0)
