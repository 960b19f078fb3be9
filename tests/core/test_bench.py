"""The benchmark's parts that need no window: the machine, memory figures, the report's tables.

Only the structure is checked: the numbers depend on the machine (speed targets live in
the benchmark itself, never in timed tests).
"""

from __future__ import annotations

from studio.core.engines.writing import WriteRequest
from studio.core.jobs import CancelToken, Result


def test_the_machine_versions_and_date_come_with_the_figures():
    from studio.bench.machine import describe

    info = describe()
    assert {"date", "os", "cpu", "cores", "ram", "gpu", "python", "versions"} <= set(info)
    assert info["date"].endswith("UTC") and "physical" in info["cores"]
    assert {"aigc-studio", "torch", "transformers", "diffusers", "PySide6"} <= set(
        info["versions"])


def test_peak_memory_of_this_process_and_of_the_engine_host(own_host, tiny_gpt2):
    from studio.bench.memory import host_memory, own_memory
    from studio.core.devices import device_memory_peak, peak_resident_memory, resident_memory

    assert peak_resident_memory() >= resident_memory() > 0
    assert device_memory_peak() == 0  # torch never touched a GPU in this process
    window = own_memory()
    assert window["peak_rss_mb"] >= window["rss_mb"] > 0

    own_host.start()
    fresh = host_memory(own_host)
    assert fresh["models"] == {} and fresh["peak_rss_mb"] >= fresh["rss_mb"] > 0
    request = WriteRequest("Hello", model=str(tiny_gpt2), backend="transformers",
                           max_new_tokens=4, seed=1)
    *_, last = own_host.run("writing", request, CancelToken())
    assert isinstance(last, Result)
    after = host_memory(own_host)
    assert after["peak_rss_mb"] >= after["rss_mb"] > fresh["rss_mb"]  # torch and the model
    (name, size), = after["models"].items()
    assert name.startswith("transformers") and size is not None
    assert "device_peak_mb" not in after  # no GPU: no device figures


def test_a_host_that_does_not_answer_is_reported_not_waited_for():
    from studio.bench.memory import host_memory

    class Silent:
        pid = 1
        last_stats = None

        def request_stats(self):
            pass

    assert host_memory(Silent(), timeout_s=0.1) == {"error": "the engine host did not answer"}


def test_the_window_sections_read_as_tables():
    from studio.commands.bench import format_report

    tab = {"model": "tiny", "cold": {"seconds": 3.2, "max_gap_ms": 21.5, "max_busy_ms": 4.0},
           "warm": {"seconds": 1.1, "max_gap_ms": 14.0, "max_busy_ms": 3.0}}
    report = {
        "machine": {"cpu": "Test CPU", "versions": {"torch": "2.13.0"}},
        "ui": {"target_max_gap_ms": 50, "sound": "none", "writing llama.cpp": tab,
               "voice": {**tab, "model": "piper"}},
        "memory": {"writing llama.cpp": {"engine_host_peak_rss_mb": 251.4,
                                         "window_rss_mb": 145.4},
                   "voice": {"engine_host_peak_rss_mb": 204.9, "window_rss_mb": 149.6}},
        "memory_all_tabs": {"total_rss_mb": 1500.0, "budget_mb": 16000.0,
                            "models_within_budget": True, "loaded": {"piper: joe.onnx": 60.3}},
    }
    lines = format_report(report).splitlines()
    assert lines[:2] == ["machine", "======="]
    assert any(line.split() == ["versions.torch", "2.13.0"] for line in lines)
    head = next(line for line in lines if line.split() == ["writing", "llama.cpp", "voice"])
    gap = next(line for line in lines if line.strip().startswith("cold.max_gap_ms"))
    assert gap.split() == ["cold.max_gap_ms", "21.5", "21.5"] and len(gap) == len(head)
    assert any(line.split() == ["engine_host_peak_rss_mb", "251.4", "204.9"] for line in lines)
    assert any(line.split() == ["models_within_budget", "yes"] for line in lines)
    assert any(line.split() == ["loaded.piper:", "joe.onnx", "60.3"] for line in lines)
