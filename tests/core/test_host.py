"""The engine host process: jobs, cancel, death, force stop, shutdown, no zombies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from studio.core.engines.writing import WriteRequest
from studio.core.host.client import EngineHost
from studio.core.host.protocol import JobEvents, recv, send
from studio.core.jobs import Cancelled, CancelToken, Failed, Progress, Result, Token
from tests.conftest import ROOT, test_host
from tests.fixtures.processes import gone, wait_until


@pytest.fixture
def host(own_host):
    return own_host


class Job:
    """Runs ``host.run`` in a thread, collecting its events (as a tab's worker does)."""

    def __init__(self, host, request, task="writing"):
        self.cancel = CancelToken()
        self.events: list = []
        self.first_output = threading.Event()
        self.progress = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(host, task, request))
        self.thread.start()

    def _run(self, host, task, request):
        for event in host.run(task, request, self.cancel):
            self.events.append(event)
            if isinstance(event, Token):
                self.first_output.set()
            if isinstance(event, Progress):
                self.progress.set()

    def end(self, timeout=30):
        self.thread.join(timeout)
        assert not self.thread.is_alive()
        return self.events[-1]


def req(model, prompt="Hello", **kw) -> WriteRequest:
    return WriteRequest(prompt, model=str(model), backend="transformers",
                        **{"max_new_tokens": 6, "seed": 1, **kw})


def test_a_job_runs_in_the_host_and_streams_back(host, tiny_gpt2):
    job = Job(host, req(tiny_gpt2))
    end = job.end()
    assert isinstance(end, Result) and end.value.new_tokens == 6
    assert "".join(e.text for e in job.events if isinstance(e, Token)) == end.value.texts[0]
    assert host.pid != os.getpid() and end.request.revision.startswith("sha256:")


def test_killed_host_ends_running_and_queued_jobs_and_comes_back(host, tiny_gpt2):
    running = Job(host, req(tiny_gpt2, "[[park]]hi", max_new_tokens=100))
    assert running.first_output.wait(30)
    queued = Job(host, req(tiny_gpt2, "waiting in line"))
    pid = host.pid
    assert wait_until(lambda: host.busy and len(host._jobs) == 2)
    os.kill(pid, signal.SIGKILL)
    process = host._current
    first, second = running.end(), queued.end()
    assert process.popen.returncode == -signal.SIGKILL  # reaped, not left a zombie
    assert isinstance(first, Failed) and isinstance(second, Failed)
    assert "killed by signal 9, probably out of memory) while generating" in first.message
    assert "before the job started" in second.message
    assert str(first.message).startswith("The writing engine stopped unexpectedly")
    assert gone(pid)
    assert isinstance(Job(host, req(tiny_gpt2)).end(), Result)  # a new host took over
    assert host.pid != pid


def test_tasks_have_their_own_queues(host, tiny_gpt2):
    parked = Job(host, req(tiny_gpt2, "[[park]]busy", max_new_tokens=100))
    assert parked.first_output.wait(30)
    other = Job(host, req(tiny_gpt2), task="sculpting")  # not blocked behind the writing job
    end = other.end()
    assert isinstance(end, Failed) and "No engine for the task sculpting" in end.message
    assert not parked.events[-1:] or not isinstance(parked.events[-1], Result)
    parked.cancel.cancel()
    assert isinstance(parked.end(), Cancelled)


def test_cancel_of_a_queued_job(host, tiny_gpt2):
    parked = Job(host, req(tiny_gpt2, "[[park]]first", max_new_tokens=100))
    assert parked.first_output.wait(30)
    queued = Job(host, req(tiny_gpt2, "second"))
    assert wait_until(lambda: len(host._jobs) == 2)  # sent: it waits in the engine's queue
    queued.cancel.cancel()
    parked.cancel.cancel()
    assert isinstance(parked.end(), Cancelled) and isinstance(queued.end(), Cancelled)
    assert not [e for e in queued.events if isinstance(e, Token)]


def test_force_restart_ends_a_stuck_job_and_the_jobs_behind_it(host, tiny_gpt2):
    stuck = Job(host, req(tiny_gpt2, "[[hang]]"))
    assert stuck.progress.wait(30)
    behind = Job(host, req(tiny_gpt2, "behind"))
    pid, process = host.pid, host._current
    stuck.cancel.cancel()  # ignored by the stuck call
    assert wait_until(lambda: len(host._jobs) == 2)
    host.force_restart()
    end, other = stuck.end(), behind.end()
    assert process.popen.returncode == -signal.SIGKILL
    assert isinstance(end, Cancelled) and "Force-stopped" in end.message
    assert isinstance(other, Failed) and "had to be restarted" in other.message
    assert gone(pid)
    assert isinstance(Job(host, req(tiny_gpt2)).end(), Result)


def test_shutdown_stops_a_stuck_host_and_reaps_it(tmp_path, tiny_gpt2):
    h = test_host(tmp_path)
    stuck = Job(h, req(tiny_gpt2, "[[hang]]"))
    assert stuck.progress.wait(30)
    popen = h._current.popen
    assert h.shutdown(2.0)  # Stop is sent; the stuck job cannot end, the process still exits
    assert popen.returncode == 0  # it left by itself, and was waited for: no zombie
    assert isinstance(stuck.end(), Cancelled)
    assert isinstance(Job(h, req(tiny_gpt2)).end(), Failed)  # closed: no new host starts


def test_a_host_that_does_not_stop_in_time_is_terminated(tmp_path, tiny_gpt2):
    h = test_host(tmp_path)
    stuck = Job(h, req(tiny_gpt2, "[[hang]]"))
    assert stuck.progress.wait(30)
    popen = h._current.popen
    assert not h.shutdown(0.2)  # the host gives its stuck job a second: too long to wait
    assert popen.returncode == -signal.SIGTERM
    assert isinstance(stuck.end(), Cancelled)


def test_closing_while_the_host_still_starts_asks_it_to_stop(tmp_path):
    h = EngineHost(log_path=tmp_path / "h.log")
    h.start()
    popen = h._current.popen
    assert h.shutdown(10.0)  # it waits for the host to come up, then Stop: no SIGTERM
    assert popen.returncode == 0


def test_stop_while_the_host_is_still_starting(tmp_path, tiny_gpt2):
    h = test_host(tmp_path, imports=["tests.fixtures.slow_start"])
    job = Job(h, req(tiny_gpt2))
    assert wait_until(lambda: h._current is not None)
    job.cancel.cancel()
    assert isinstance(job.end(5), Cancelled) and not h._current.ready.is_set()
    h.shutdown(1.0)


def test_stats_while_a_job_imports_torch_never_kill_the_host(tmp_path, tiny_gpt2):
    """The host answers stats while a job thread is half-way through `import torch`."""
    h = EngineHost(log_path=tmp_path / "h.log")
    job = Job(h, req(tiny_gpt2))
    assert wait_until(lambda: h.pid is not None)
    process = h._current
    while job.thread.is_alive():
        h.request_stats()
        time.sleep(0.002)
    assert isinstance(job.events[-1], Result), job.events[-1]
    assert process.alive and h._current is process  # the same host, never restarted
    h.shutdown()


def test_the_host_exits_when_the_window_process_dies(tmp_path):
    """Even SIGKILL of the window leaves no engine behind."""
    code = (
        "import sys, time\n"
        "from studio.core.host.client import EngineHost\n"
        "h = EngineHost()\n"
        "h.start()\n"
        "while h.pid is None or h._current.conn is None: time.sleep(0.01)\n"
        "print(h.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    window = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              cwd=ROOT)
    try:
        host_pid = int(window.stdout.readline())
        window.kill()
        window.wait()
        assert wait_until(lambda: gone(host_pid))
    finally:
        window.kill()


def test_a_host_that_cannot_start_says_so(tmp_path, tiny_gpt2):
    h = EngineHost(log_path=tmp_path / "h.log", imports=["no_such_module_here"])
    end = Job(h, req(tiny_gpt2)).end()
    assert isinstance(end, Failed) and "The engine could not start" in end.message
    assert "No module named 'no_such_module_here'" in end.detail
    h.shutdown()


def test_unload_drops_idle_models(host, tiny_gpt2):
    from studio.core.host.protocol import Stats, Unloaded

    seen = []
    host.listener = seen.append
    assert isinstance(Job(host, req(tiny_gpt2)).end(), Result)
    host.request_stats()
    assert wait_until(lambda: any(isinstance(m, Stats) and m.models for m in seen))
    host.unload()
    assert wait_until(lambda: any(isinstance(m, Unloaded) for m in seen))
    unloaded = next(m for m in seen if isinstance(m, Unloaded))
    assert unloaded.dropped == 1 and unloaded.in_use == 0


def test_large_arrays_cross_out_of_band(tmp_path):
    from multiprocessing.connection import Pipe

    a, b = Pipe()
    samples = np.arange(1_000_000, dtype=np.float32)
    sizes = []
    real_send = a.send_bytes
    a.send_bytes = lambda data: (sizes.append(len(memoryview(data).cast("B"))), real_send(data))
    got = []
    reader = threading.Thread(target=lambda: got.append(recv(b)))
    reader.start()  # the socket buffer is smaller than the array: read while it is written
    send(a, JobEvents(((1, samples),)), threading.Lock())
    reader.join(30)
    assert np.array_equal(got[0].items[0][1], samples)
    assert sizes[0] < 1000 and sizes[1] == samples.nbytes  # the pickle holds no copy of it


def test_host_command_never_imports_from_the_working_directory(tmp_path):
    from studio.core.host.client import host_command

    (tmp_path / "studio").mkdir()
    (tmp_path / "studio" / "__init__.py").write_text("raise SystemExit('wrong studio')")
    cmd = host_command() + ["--import", "studio.core.jobs"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        proc.stdin.write("00\n")
        proc.stdin.close()
        first_line = proc.stdout.readline()
    finally:
        proc.kill()
        proc.wait()
    assert "wrong studio" not in proc.stderr.read()
    assert first_line.startswith("@aigc-studio-host-")  # it got as far as listening


def test_unload_restarts_a_host_that_keeps_its_memory(host, tiny_gpt2):
    """Freed models whose memory the allocator keeps: a fresh, idle host gives it back."""
    from studio.core.host.protocol import Unloaded

    assert isinstance(Job(host, req(tiny_gpt2)).end(), Result)
    process = host._current
    assert wait_until(lambda: process.baseline_rss is not None)
    host._dispatch(process, Unloaded(1, None, process.baseline_rss + 1024, 0))
    assert process.end_reason is None and host._current is process  # it shrank: kept
    host._dispatch(process, Unloaded(1, None, process.baseline_rss + 10**9, 0))
    assert process.end_reason == "unload" and host._current is not process
    assert wait_until(lambda: process.popen.returncode is not None)  # killed and reaped
    assert isinstance(Job(host, req(tiny_gpt2)).end(), Result)  # nothing was lost by it


def test_the_outbox_keeps_order_and_never_holds_back_an_ending():
    from studio.core.host.outbox import Outbox
    from studio.core.jobs import Notice

    sent: list[tuple] = []
    box = Outbox(lambda message: sent.append(message.items))
    box.put(1, Token("a"))  # after a quiet spell: sent at once, in put()
    assert sent == [((1, Token("a")),)]
    box.put(1, Token("b"))
    box.put(2, Notice("other job"))  # not streamed output: flushes what waits, in order
    box.put(1, Token("c"))
    box.put(1, Result("done"))  # the ending goes out before put() returns
    flat = [item for message in sent for item in message]
    assert flat == [(1, Token("a")), (1, Token("b")), (2, Notice("other job")),
                    (1, Token("c")), (1, Result("done"))]


def test_the_outbox_sends_late_output_without_waiting_for_more():
    from studio.core.host.outbox import Outbox

    arrived = threading.Event()
    sent: list[tuple] = []
    box = Outbox(lambda message: (sent.append(message.items), arrived.set()))
    box.put(1, Token("a"))
    arrived.clear()
    box.put(1, Token("b"))  # right after: it waits for the batch window...
    assert arrived.wait(2)  # ...and the flusher sends it on its own, nothing else needed
    assert sent == [((1, Token("a")),), ((1, Token("b")),)]


def test_a_job_stopped_before_it_was_sent_never_reaches_the_engine(host, tiny_gpt2):
    cancel = CancelToken()
    cancel.cancel()
    assert [type(e) for e in host.run("writing", req(tiny_gpt2), cancel)] == [Cancelled]
    assert not host._jobs
