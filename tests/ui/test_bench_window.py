"""The UI benchmark's measurement in a real window on a tiny model, and the progress bar's
coalescing that the benchmark called for (a burst of progress events repainted the bar once
each: 40 events in a row stalled the event loop for ~80 ms on a 2-core machine).

Structure only: the figures are the benchmark's to report, never asserted here.
"""

from __future__ import annotations

from studio.bench import ui_responsiveness, ui_tabs
from studio.ui.tabs.base import PROGRESS_MS


def test_a_tab_measured_cold_and_warm_with_its_memory(make_window, own_host, tiny_gpt2):
    w = make_window(host=own_host)
    w.panel.set_model("writing", str(tiny_gpt2))
    driver = ui_tabs.Writing("transformers", 6)
    out = ui_responsiveness.measure_tab(w, own_host, driver, ui_responsiveness.Ticks())
    assert out["model"].endswith("6 new tokens")
    for phase in ("cold", "warm"):
        figures = out[phase]
        assert "error" not in figures and figures["new_tokens"] == 6
        assert figures["ticks"] > 0 and figures["max_gap_ms"] >= figures["p99_gap_ms"] > 0
        assert figures["max_busy_ms"] >= 0 and figures["gaps_over_50ms"] >= 0
        assert figures["first_output_s"] is not None
    memory = out["memory"]
    assert memory["engine_host_peak_rss_mb"] >= memory["engine_host_rss_mb"] > 0
    assert memory["models_mb"] > 0 and memory["window_rss_mb"] > 0


def test_a_tab_without_what_it_needs_is_skipped_with_the_reason(make_window, own_host):
    class Broken(ui_tabs.Driver):
        task = "voice"

        def prepare(self, w):
            raise RuntimeError("espeak-ng is not installed")

    w = make_window(host=own_host)
    out = ui_responsiveness.measure_tab(w, own_host, Broken(), ui_responsiveness.Ticks())
    assert out == {"skipped": "espeak-ng is not installed"}


def test_a_burst_of_progress_is_shown_first_and_latest(qtbot, make_window):
    w = make_window()
    tab = w.pages["transcription"]
    paints = []
    tab.progress.valueChanged.connect(paints.append)
    for i in range(1, 41):  # forty events in one go, as a transcript's end brings them
        tab.set_progress(i / 40, "Transcribing")
    assert paints == [25]  # the first at once (25 of 1000)
    assert "Transcribing" in tab.progress.format()
    qtbot.waitUntil(lambda: paints == [25, 1000], timeout=10 * PROGRESS_MS)
    assert tab.progress.format().startswith("Transcribing  ·  100%")
    qtbot.waitUntil(lambda: not tab._progress_timer.isActive(), timeout=10 * PROGRESS_MS)
    tab.set_progress(0.5, "Again")  # nothing shown for a while: shown at once again
    assert tab.progress.value() == 500


def test_progress_still_due_is_dropped_when_the_job_ends(qtbot, make_window):
    w = make_window()
    tab = w.pages["painting"]
    tab._on_busy(True)
    tab.set_progress(0.1, "Step 1")
    tab.set_progress(0.9, "Step 9")  # due later
    tab._on_busy(False)  # the job ended first
    qtbot.wait(3 * PROGRESS_MS)
    assert tab.progress.value() != 900 and tab.progress.format() == ""
