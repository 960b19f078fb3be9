"""The worker base: queued jobs, streamed events, cancel, errors, shutdown."""

from __future__ import annotations

import threading

import pytest

from studio.core.jobs import Progress, Result, Token, UserError
from studio.ui.worker import JobRunner


@pytest.fixture
def runner(qtbot):
    r = JobRunner("test")
    yield r
    assert r.shutdown(5000)


def counting_job(n: int, gate: threading.Event | None = None):
    def job(cancel):
        for i in range(n):
            if gate is not None and i == 1:
                gate.wait(5)  # park the job mid-stream until the test cancels
            cancel.raise_if_cancelled()
            yield Token(str(i))
        yield Result(n)

    return job


def test_job_runs_in_worker_thread_and_streams_events(qtbot, runner):
    main = threading.get_ident()
    seen_threads = []
    tokens = []
    runner.token.connect(lambda _j, ev: tokens.append(ev.text))

    def job(cancel):
        seen_threads.append(threading.get_ident())
        yield Progress("working", 0.5)
        yield Token("a")
        yield Token("b")
        yield Result("done")

    with qtbot.waitSignal(runner.result, timeout=5000) as blocker:
        job_id = runner.submit(job)
    assert blocker.args[0] == job_id
    assert blocker.args[1].value == "done"
    assert tokens == ["a", "b"]
    assert seen_threads and seen_threads[0] != main
    assert not runner.busy


def test_jobs_are_queued_in_order(qtbot, runner):
    results = []
    runner.result.connect(lambda _j, ev: results.append(ev.value))
    runner.submit(counting_job(3))
    with qtbot.waitSignal(runner.result, timeout=5000, check_params_cb=lambda j, ev: ev.value == 5):
        runner.submit(counting_job(5))
    assert results == [3, 5]


def test_cancel_stops_promptly_and_runner_stays_usable(qtbot, runner):
    gate = threading.Event()
    with qtbot.waitSignal(runner.started, timeout=5000):
        job_id = runner.submit(counting_job(1000, gate))
    with qtbot.waitSignal(runner.cancelled, timeout=5000) as blocker:
        runner.cancel(job_id)
        gate.set()
    assert blocker.args[0] == job_id
    with qtbot.waitSignal(runner.result, timeout=5000) as blocker:
        runner.submit(counting_job(2))
    assert blocker.args[1].value == 2


def test_queued_job_cancelled_before_it_starts(qtbot, runner):
    gate = threading.Event()
    order = []
    runner.result.connect(lambda j, ev: order.append(("result", j)))
    runner.cancelled.connect(lambda j, ev: order.append(("cancelled", j)))
    first = runner.submit(counting_job(3, gate))
    second = runner.submit(counting_job(3))
    runner.cancel(second)
    with qtbot.waitSignal(runner.cancelled, timeout=5000,
                          check_params_cb=lambda j, ev: j == second):
        gate.set()
    assert order == [("result", first), ("cancelled", second)]
    assert not runner.busy


def test_engine_exception_becomes_message(qtbot, runner):
    def broken(cancel):
        yield Progress("about to fail")
        raise ValueError("the model file is corrupt")

    def bad_input(cancel):
        raise UserError("Write a prompt first.")
        yield  # pragma: no cover - makes this a generator

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.submit(broken)
    assert "the model file is corrupt" in blocker.args[1].message
    assert "Traceback" in blocker.args[1].detail
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.submit(bad_input)
    assert blocker.args[1].message == "Write a prompt first."
    with qtbot.waitSignal(runner.result, timeout=5000):
        runner.submit(counting_job(1))


def test_shutdown_cancels_running_job_and_delivers_its_end(qtbot):
    r = JobRunner("shutdown")
    gate = threading.Event()
    ended = []
    r.cancelled.connect(lambda j, ev: ended.append(j))
    with qtbot.waitSignal(r.started, timeout=5000):
        job_id = r.submit(counting_job(10_000, gate))
    gate.set()
    assert r.shutdown(5000)
    assert not r.is_running()
    assert ended == [job_id]  # delivered before shutdown returned
    with pytest.raises(RuntimeError):
        r.submit(counting_job(1))


def test_every_queued_job_ends_once_at_shutdown(qtbot):
    """Issue 6.7: jobs still queued at shutdown get their Cancelled too; the runner is idle."""
    r = JobRunner("queued")
    gate = threading.Event()
    ends: list[tuple[str, int]] = []
    for name in ("result", "failed", "cancelled"):
        getattr(r, name).connect(lambda j, ev, n=name: ends.append((n, j)))
    busy = []
    r.busy_changed.connect(busy.append)
    with qtbot.waitSignal(r.started, timeout=5000):
        running = r.submit(counting_job(10_000, gate))
    queued = [r.submit(counting_job(1)) for _ in range(3)]
    gate.set()
    assert r.shutdown(5000)
    assert sorted(ends) == sorted([("cancelled", running)] + [("cancelled", q) for q in queued])
    assert not r.busy and busy[-1] is False


def test_pending_background_calls_are_counted_until_they_end(qtbot):
    """A screenshot waits for this count to reach 0 (the window has settled)."""
    from studio.ui.worker import BackgroundCalls, pending_calls

    calls = BackgroundCalls("count")
    gate = threading.Event()
    before = pending_calls()
    calls.call("slow", gate.wait, 10)
    calls.call("fails", int, "not a number")
    assert pending_calls() == before + 2
    with qtbot.waitSignal(calls.failed, timeout=5000):
        gate.set()
    assert pending_calls() == before  # a failed call is counted out too
    calls.shutdown()
