"""UI event-loop responsiveness while each tab works, and memory (DESIGN 7: no gap over 50 ms).

A whole main window (offscreen) runs; a 10 ms QTimer ticks in its GUI thread while a
tab runs a real job in the engine host process, and the largest gap between ticks is
the worst stall a user would feel (the 99th percentile says how often it comes near).
Each tab (Writing with llama.cpp and with transformers, Painting, Voice, Transcription;
see ui_tabs.py for the models and inputs) runs its job twice:

- cold: the engine host is restarted first, so the job includes the engine's start, the
  library imports and the model load, as the first job after start-up does;
- warm: the same job again, the model loaded.

Each is timed from the button press until the job has ended and what follows it is done
(results written and recorded off the UI thread, Voice's speech played to its end).
After each tab: the engine host's memory (RSS, and its peak since the restart: that
engine alone; GPU memory when torch used one) and the window's own RSS.  Last, when all
four tabs ran: memory after visiting them all, one job each with its default model in
one fresh engine host, against the memory budget.

Its own process (the CLI never imports Qt): ``python -m studio.bench.ui_responsiveness
[--quick] [--tabs writing,painting,voice,transcription]``; prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from studio.bench import ui_tabs
from studio.bench.memory import host_memory, own_memory

TARGET_MS = 50
TABS = ("writing", "painting", "voice", "transcription")


def _until(predicate, timeout_s: float) -> bool:
    """Run the event loop until ``predicate()`` holds (polled every 20 ms) or time runs out."""
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return True
    loop, poll = QEventLoop(), QTimer()
    deadline = time.monotonic() + timeout_s

    def check() -> None:
        if predicate() or time.monotonic() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start(20)
    loop.exec()
    poll.stop()
    return predicate()


def _settle(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    _until(lambda: time.monotonic() >= end, ms / 1000 + 1)


class Ticks:
    """Gaps between the ticks of a 10 ms timer in the GUI thread, and the GUI thread's own CPU
    time in each: a gap where it worked is the app's stall; one where it did not is the
    machine's (the thread waited for a core, on a busy machine)."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        self.busy: list[float] = []
        self._last = self._cpu = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append(now - self._last)
        self.busy.append(cpu - self._cpu)
        self._last, self._cpu = now, cpu

    def start(self) -> None:
        self.gaps, self.busy = [], []
        self._last, self._cpu = time.perf_counter(), time.thread_time()
        self.timer.start()

    def stop(self) -> dict:
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        return {"max_gap_ms": round(gaps[-1] * 1000, 1),
                "p99_gap_ms": round(gaps[max(0, int(len(gaps) * 0.99) - 1)] * 1000, 1),
                "gaps_over_50ms": sum(g > TARGET_MS / 1000 for g in gaps),
                # the longest the GUI thread itself worked between two ticks
                "max_busy_ms": round(max(self.busy, default=0.0) * 1000, 1), "ticks": len(gaps)}


def phase(w, driver: ui_tabs.Driver, ticks: Ticks, timeout_s: float = 900) -> dict:
    """One job of ``driver``'s tab, from the press of its button until all is done."""
    runner = driver.tab(w).runner
    driver.ended = None
    outputs: list[float] = []

    def ended(_job, ev) -> None:
        driver.ended = ev

    def output(_job, _ev) -> None:
        outputs.append(time.perf_counter())

    signals = (runner.result, runner.failed, runner.cancelled)
    outs = (runner.token, runner.preview, runner.segment, runner.audio_chunk)
    for s in signals:
        s.connect(ended)
    for s in outs:
        s.connect(output)
    ticks.start()
    t0 = time.perf_counter()
    driver.start(w)
    done = _until(lambda: driver.finished(w), timeout_s)
    seconds = time.perf_counter() - t0
    report = {"seconds": round(seconds, 2), **ticks.stop()}
    for s in signals:
        s.disconnect(ended)
    for s in outs:
        s.disconnect(output)
    if not done:
        runner.cancel()
        _until(lambda: not runner.busy, 30)
        report["error"] = f"not finished after {timeout_s:.0f} s"
    report["first_output_s"] = round(outputs[0] - t0, 3) if outputs else None
    streamed = outputs[-1] - outputs[0] if len(outputs) > 1 else 0.0
    report["output_events_per_s"] = round((len(outputs) - 1) / streamed, 1) if streamed else None
    return {**report, **driver.info()}


def _ready(w, driver) -> None:
    w.show_tab(driver.task)
    ready = getattr(driver, "ready", None)
    if ready is not None:
        _until(lambda: ready(w), 60)
    _settle(300)  # the tab's first paint and its background look-ups, before a user clicks


def measure_tab(w, host, driver, ticks: Ticks) -> dict:
    """Cold (fresh engine host) and warm runs of one tab, then the memory figures."""
    try:
        driver.prepare(w)
    except Exception as exc:  # no model, no espeak-ng: say so and go on with the others
        return {"skipped": str(exc)}
    _ready(w, driver)
    host.force_restart()  # a fresh engine process: the cold run includes its start
    out = {"model": driver.what, "cold": phase(w, driver, ticks)}
    _settle(200)
    out["warm"] = phase(w, driver, ticks)
    engine = host_memory(host)
    window = own_memory()
    out["memory"] = {"engine_host_rss_mb": engine.get("rss_mb"),
                     "engine_host_peak_rss_mb": engine.get("peak_rss_mb"),
                     "models_mb": round(sum(v or 0 for v in engine.get("models", {}).values()), 1),
                     "window_rss_mb": window["rss_mb"]}
    if "device_peak_mb" in engine:
        out["memory"]["device_peak_mb"] = engine["device_peak_mb"]
    return out


def all_tabs(w, host, drivers: list, ticks: Ticks) -> dict:
    """One job in each tab with its default model, in one fresh engine host; then memory."""
    host.force_restart()
    worst = 0.0
    for driver in drivers:
        driver.prepare(w)
        _ready(w, driver)
        result = phase(w, driver, ticks)
        worst = max(worst, result["max_gap_ms"])
        if "error" in result:
            return {"error": f"{driver.label}: {result['error']}"}
    engine, window = host_memory(host), own_memory()
    models = engine.get("models", {})
    budget = engine.get("budget_mb")
    total = (engine.get("rss_mb") or 0) + (window["rss_mb"] or 0)
    out = {"engine_host_rss_mb": engine.get("rss_mb"),
           "engine_host_peak_rss_mb": engine.get("peak_rss_mb"),
           "window_rss_mb": window["rss_mb"], "window_peak_rss_mb": window["peak_rss_mb"],
           "total_rss_mb": round(total, 1), "models_mb": round(sum(v or 0 for v in
                                                                   models.values()), 1),
           "budget_mb": budget, "models_within_budget": None if budget is None else
           sum(v or 0 for v in models.values()) <= budget, "max_gap_ms": worst,
           "loaded": models}
    if "device_peak_mb" in engine:
        out["device_peak_mb"] = engine["device_peak_mb"]
    return out


def _drivers(tabs: tuple[str, ...], quick: bool) -> list:
    tokens = 32 if quick else 96
    made = {"writing": [ui_tabs.Writing("llama.cpp", tokens),
                        ui_tabs.Writing("transformers", tokens)],
            "painting": [ui_tabs.Painting(quick)], "voice": [ui_tabs.Voice()],
            "transcription": [ui_tabs.Transcription()] + ([] if quick else [
                ui_tabs.Transcription(minutes=3)])}
    return [d for tab in tabs for d in made[tab]]


def run(quick: bool = False, tabs: tuple[str, ...] = TABS) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from studio.core.drafts import DraftStore
    from studio.core.host.client import EngineHost
    from studio.core.settings import SettingsStore
    from studio.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="aigc-bench-ui-"))
    sound = ui_tabs.ClockedSound()
    host = EngineHost(log_path=folder / "engine-host.log")
    w = MainWindow(SettingsStore(folder / "settings.json"), DraftStore(folder / "drafts.json"),
                   host=host, sd=sound.sd, recordings=folder / "recordings",
                   history_dir=folder / "history")
    w.persist = False
    w.show()
    app.processEvents()
    ticks = Ticks()
    drivers = _drivers(tabs, quick)
    for driver in drivers:
        driver.folder = folder
    ui: dict = {"target_max_gap_ms": TARGET_MS, "sound": sound.what}
    memory: dict = {"what": "engine_host: a fresh engine process after the tab's cold and warm "
                            "jobs (peak: its high-water mark, that engine alone); window: the "
                            "window process then"}
    report = {"ui": ui, "memory": memory}
    try:
        for driver in drivers:
            print(f"UI: {driver.label}…", file=sys.stderr, flush=True)
            result = measure_tab(w, host, driver, ticks)
            if isinstance(driver, ui_tabs.Painting) and driver.ref:
                ui["painting_model"] = driver.what
                result["model"] = "configured" if "configured" in driver.what else "tiny SD"
            if "memory" in result:
                memory[driver.label] = result.pop("memory")
            ui[driver.label] = result
        if set(tabs) == set(TABS):
            print("UI: one job in each tab, then memory…", file=sys.stderr, flush=True)
            firsts = {d.task: d for d in reversed(drivers)}  # the first driver of each tab
            defaults = [ui_tabs.Writing("auto", 32 if quick else 96),
                        *(firsts[t] for t in TABS if t != "writing")]
            report["memory_all_tabs"] = all_tabs(w, host, defaults, ticks)
    finally:
        w.close()
        host.shutdown(5.0)
        sound.close()
        shutil.rmtree(folder, ignore_errors=True)  # history, outputs, recordings, clips
        for driver in drivers:  # the tiny SD built on the fly for this run
            if isinstance(driver, ui_tabs.Painting) and driver.built:
                shutil.rmtree(driver.ref, ignore_errors=True)
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--tabs", default=",".join(TABS))
    args = parser.parse_args()
    chosen = tuple(t for t in args.tabs.split(",") if t)
    if not chosen or set(chosen) - set(TABS):
        parser.error(f"--tabs: choose among {', '.join(TABS)}")
    print(json.dumps(run(args.quick, chosen)))
