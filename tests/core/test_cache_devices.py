from __future__ import annotations

import os
import threading

import pytest

from studio.core import devices
from studio.core.cache import ModelCache
from studio.core.jobs import UserError


def test_cache_loads_once_per_key_and_evicts_lru_under_budget():
    cache = ModelCache(budget_bytes=100)
    calls = []

    def loader(name):
        def load():
            calls.append(name)
            return name
        return load

    assert cache.get("a", loader("a"), size=lambda v: 60) == "a"
    assert cache.get("a", loader("a"), size=lambda v: 60) == "a"
    assert calls == ["a"] and cache.loads == 1
    cache.get("b", loader("b"), size=lambda v: 60)  # a + b > budget: a goes
    assert cache.keys() == ["b"]
    cache.get("a", loader("a"), size=lambda v: 30)
    assert set(cache.keys()) == {"a", "b"} and calls == ["a", "b", "a"]


def test_concurrent_gets_of_one_key_load_once():
    cache = ModelCache()
    started = threading.Barrier(4)
    count = []

    def load():
        count.append(1)
        return object()

    def worker():
        started.wait()
        cache.get("k", load)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(count) == 1


def test_device_and_dtype_choice():
    import torch

    assert devices.resolve_device("cpu") == "cpu"
    assert devices.resolve_device("auto") == devices.best_device(devices.probe())
    assert devices.resolve_dtype("auto", "cpu") == torch.float32
    assert devices.resolve_dtype("bfloat16", "cpu") == torch.bfloat16
    with pytest.raises(UserError, match="Unknown device"):
        devices.resolve_device("tpu")
    with pytest.raises(UserError, match="Unknown dtype"):
        devices.resolve_dtype("int3", "cpu")
    if not torch.cuda.is_available():
        with pytest.raises(UserError, match="no NVIDIA GPU"):
            devices.resolve_device("cuda")


def test_probe_names_the_hardware_without_torch():
    hw = devices.probe()
    assert hw.cpu_cores >= 1 and hw.cpu_name
    assert hw.devices[:2] == ("auto", "cpu")
    assert devices.resident_memory() > 10 * 1024 * 1024
    assert devices.device_memory_in_use() == 0  # no GPU was touched here
    assert devices.format_bytes(1536 * 1024 * 1024) == "1.5 GB"


def test_estimate_frees_the_budget_before_loading():
    cache = ModelCache(budget_bytes=100)
    cache.get("a", lambda: "a", size=lambda v: 60)

    def load_b():
        assert "a" not in cache  # evicted before b's loader ran, not after
        return "b"

    assert cache.get("b", load_b, size=lambda v: 60, estimate=60) == "b"
    assert cache.keys() == ["b"]
    cache.get("c", lambda: "c", size=lambda v: 30, estimate=30)  # b + c fit: b stays
    assert cache.keys() == ["b", "c"]
    cache.get("b", lambda: "never")  # b is now the most recently used
    cache.get("d", lambda: "d", size=lambda v: 20, estimate=20)  # only c (least recent) goes
    assert cache.keys() == ["b", "d"]


def test_estimate_without_budget_evicts_nothing():
    cache = ModelCache()
    cache.get("a", lambda: "a", size=lambda v: 10**12)
    cache.get("b", lambda: "b", size=lambda v: 10**12, estimate=10**12)
    assert cache.keys() == ["a", "b"]


def test_stale_conversion_folders_of_ended_processes_are_removed(tmp_path):
    import subprocess
    import sys

    from studio.core.engines.writing.convert import converted_dir, remove_stale_partials

    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    sha = "ab" * 32
    parent = converted_dir(sha, tmp_path).parent
    dead = parent / f"{sha}.partial-{ended.pid}-123"
    alive = parent / f"{sha}.partial-{os.getpid()}-456"
    other = parent / f"{'cd' * 32}.partial-{ended.pid}-123"  # another model's: not ours to judge
    for folder in (dead, alive, other):
        folder.mkdir(parents=True)
        (folder / "model.safetensors").write_bytes(b"x" * 100)
    assert remove_stale_partials(sha, root=tmp_path) == [dead]
    assert not dead.exists() and alive.is_dir() and other.is_dir()
    assert remove_stale_partials("ef" * 32, root=tmp_path / "none") == []  # no folder yet


def test_a_model_in_use_is_never_evicted():
    cache = ModelCache(budget_bytes=100)
    with cache.use("a", lambda: "A", size=lambda v: 60) as a:
        assert a == "A" and cache.in_use() == ["a"]
        cache.get("b", lambda: "B", size=lambda v: 60, estimate=60)  # over budget: a is held
        assert set(cache.keys()) == {"a", "b"}
        assert cache.clear() == 1 and cache.keys() == ["a"]  # Unload keeps what a job holds
    assert cache.in_use() == []
    cache.get("c", lambda: "C", size=lambda v: 60, estimate=60)  # now a can go
    assert cache.keys() == ["c"]


def test_two_jobs_asking_for_one_model_load_it_once_and_share_it():
    cache = ModelCache()
    loads = []
    started = threading.Barrier(2)
    seen = []

    def job():
        started.wait()
        with cache.use("m", lambda: loads.append(1) or object()) as model:
            seen.append(model)

    threads = [threading.Thread(target=job) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(loads) == 1 and seen[0] is seen[1]


def test_eviction_really_frees_the_model():
    import gc
    import weakref

    class Model:
        def __init__(self):
            self.me = self  # a reference cycle, as real models have
            self.weights = bytearray(10_000_000)

    cache = ModelCache(budget_bytes=15_000_000)
    with cache.use("a", Model, size=lambda m: len(m.weights)) as a:
        ref = weakref.ref(a)
    del a
    cache.get("b", Model, size=lambda m: len(m.weights), estimate=10_000_000)
    assert cache.keys() == ["b"]
    assert ref() is None  # collected at eviction, cycle and all (no gc.collect() here)
    gc.collect()


def test_device_kind_does_not_import_torch_on_a_machine_without_gpu():
    import subprocess
    import sys

    code = ("import sys; from studio.core.devices import device_kind, _gpu_possible\n"
            "kind = device_kind('auto')\n"
            "print(kind, _gpu_possible(), 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60).stdout.split()
    if out[1] == "False":  # no NVIDIA/ROCm driver and not an Apple GPU machine
        assert out == ["cpu", "False", "False"]
    else:
        assert out[2] == "True"


def test_a_model_larger_than_the_whole_budget_is_refused_before_loading():
    cache = ModelCache(budget_bytes=2 * 1024**3)
    loads = []
    with pytest.raises(UserError, match=r"llama\.cpp: big\.gguf needs about 3\.0 GB of memory, "
                       r"more than the whole memory budget \(2\.0 GB\)\. Raise the memory budget"):
        cache.get(("llama.cpp", "/m/big.gguf"), lambda: loads.append(1), estimate=3 * 1024**3)
    assert loads == [] and cache.keys() == []


def test_loaded_models_are_listed_with_their_memory_and_holds():
    cache = ModelCache(budget_bytes=1000)
    cache.get(("transformers", "/m/a/"), lambda: "A", size=lambda v: 300)
    with cache.use(("piper", "/v/b.onnx"), lambda: "B", size=lambda v: 200):
        loaded = cache.loaded()
    assert [(m.name, m.bytes, m.in_use) for m in loaded] == [
        ("transformers: a", 300, False), ("piper: b.onnx", 200, True)]


def _write(model: str):
    from studio.core.engines.writing import WriteRequest

    return WriteRequest("Hello", model=model, backend="transformers", max_new_tokens=2,
                        do_sample=False, device="cpu")


def test_real_models_share_one_budget_least_recently_used_first(tiny_gpt2, tmp_path):
    """Tiny real GPT-2 copies through the writing engine: the budget holds one at a time."""
    import shutil

    from studio.core.engines import run
    from studio.core.jobs import CancelToken, Result

    second = tmp_path / "second-gpt2"
    shutil.copytree(tiny_gpt2, second)
    one = sum(f.stat().st_size for f in tiny_gpt2.glob("*.safetensors"))
    cache = ModelCache(budget_bytes=int(one * 1.5))
    for folder in (tiny_gpt2, second, tiny_gpt2):
        events = list(run("writing", _write(str(folder)), CancelToken(), cache))
        assert isinstance(events[-1], Result), events[-1]
        assert len(cache.keys()) == 1 and str(folder) in str(cache.keys()[0])
    assert cache.loads == 3  # each switch evicted the idle one before loading


def test_concurrent_jobs_on_one_real_model_load_it_once(tiny_gpt2):
    from studio.core.engines import run
    from studio.core.jobs import CancelToken, Result

    cache = ModelCache()
    start = threading.Barrier(3)
    ends = []

    def job():
        start.wait()
        ends.append(list(run("writing", _write(str(tiny_gpt2)), CancelToken(), cache))[-1])

    threads = [threading.Thread(target=job) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(ends) == 3 and all(isinstance(e, Result) for e in ends)
    assert cache.loads == 1
