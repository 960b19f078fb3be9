"""The bundled SmolLM2-135M-Instruct GGUF through both writing backends (real weights)."""

from __future__ import annotations

import itertools
import re
import time

import pytest

from studio.core.cache import ModelCache
from studio.core.engines.writing import WriteRequest, WriteResult, run
from studio.core.engines.writing import convert as writing_convert
from studio.core.jobs import Cancelled, CancelToken, Failed, Notice, Result, Token
from studio.core.models import resolve

pytestmark = pytest.mark.real

BACKENDS = ["llama.cpp", "transformers"]
PROMPT = "Write one sentence about the sea."
COMMON = {"the", "a", "an", "is", "of", "and", "to", "in", "it", "with", "its", "sea", "ocean"}


@pytest.fixture(scope="module")
def cache() -> ModelCache:
    resolve("smollm2-135m-instruct", "writing")  # fails loudly if set-up missed the package
    return ModelCache()


def write(cache: ModelCache, backend: str, **kw) -> tuple[WriteResult, list]:
    req = WriteRequest(kw.pop("prompt", PROMPT), backend=backend, **kw)
    evs = list(run(req, CancelToken(), cache))
    assert isinstance(evs[-1], Result), evs[-1]
    assert evs[-1].value.backend == backend
    return evs[-1].value, evs


def bigrams(ids) -> list[tuple[int, int]]:
    return list(itertools.pairwise(ids))


@pytest.mark.parametrize("backend", BACKENDS)
def test_coherent_english_in_chat_mode(cache, backend):
    res, evs = write(cache, backend, max_new_tokens=40, do_sample=False)
    text = res.texts[0]
    assert res.chat and text.strip()
    assert "".join(e.text for e in evs if isinstance(e, Token)) == text
    words = re.findall(r"[^\s.,;:!?\"'()]+", text)
    alpha = [w for w in words if w.isascii() and w.isalpha()]
    assert len(words) >= 8 and len(alpha) >= 0.7 * len(words), text
    assert len({w.lower() for w in words} & COMMON) >= 2, text
    assert "<|im" not in text  # special tokens of the template never leak into the text
    assert res.first_token_s is not None and res.tokens_per_s > 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_same_seed_same_text(cache, backend):
    a, _ = write(cache, backend, max_new_tokens=24, temperature=1.0, seed=7)
    b, _ = write(cache, backend, max_new_tokens=24, temperature=1.0, seed=7)
    c, _ = write(cache, backend, max_new_tokens=24, temperature=1.0, seed=8)
    assert a.texts == b.texts and a.token_ids == b.token_ids
    assert c.token_ids != a.token_ids


@pytest.mark.parametrize("backend", BACKENDS)
def test_no_repeated_bigrams(cache, backend):
    res, _ = write(cache, backend, max_new_tokens=48, do_sample=False, no_repeat_ngram_size=2,
                   prompt="List many animals, one after another, separated by commas.")
    ids = res.token_ids[0]
    assert len(ids) >= 20
    assert len(set(bigrams(ids))) == len(bigrams(ids))


@pytest.mark.parametrize("backend", BACKENDS)
def test_three_sequences(cache, backend):
    res, evs = write(cache, backend, max_new_tokens=16, num_return_sequences=3, seed=1,
                     temperature=1.0)
    assert len(res.texts) == 3 and all(t.strip() for t in res.texts)
    assert len(set(res.texts)) >= 2
    assert {e.sequence for e in evs if isinstance(e, Token)} == {0, 1, 2}


def test_reference_recipe_beams_on_transformers(cache):
    res, _ = write(cache, "transformers", max_new_tokens=None, max_length=50,
                   num_return_sequences=3, no_repeat_ngram_size=2, early_stopping=True,
                   do_sample=False)
    assert len(res.texts) == 3 and all(t.strip() for t in res.texts)
    assert all(res.prompt_tokens + len(ids) <= 50 for ids in res.token_ids)


def test_llama_cancel_keeps_partial(cache):
    cancel = CancelToken()
    req = WriteRequest(PROMPT, backend="llama.cpp", max_new_tokens=200, seed=3)
    seen = []
    for ev in run(req, cancel, cache):
        if isinstance(ev, Token):
            seen.append(ev.text)
            if len(seen) == 4:
                cancel.cancel()
        last = ev
    assert isinstance(last, Cancelled) and last.partial.texts == ("".join(seen),)
    assert len(seen) == 4


def test_llama_stop_inside_a_long_prompt_evaluation(cache):
    """Issue 6.11: Stop does not wait for the whole prompt to be evaluated."""
    import threading

    write(cache, "llama.cpp", max_new_tokens=1, do_sample=False)  # loaded and cached
    session = next(cache.get(k, lambda: None) for k in cache.keys()  # noqa: SIM118
                   if k[0] == "llama.cpp")
    prompt = "The quick brown fox jumps over the lazy dog. " * 300  # ~3000 tokens, 6 batches
    ids = session.encode(WriteRequest(prompt), chat=False)
    assert len(ids) > 4 * session.llm.n_batch
    cancel = CancelToken()
    events = []
    job = threading.Thread(target=lambda: events.extend(run(
        WriteRequest(prompt, backend="llama.cpp", mode="completion", max_new_tokens=8),
        cancel, cache)))
    job.start()
    deadline = time.monotonic() + 60
    while session.llm.n_tokens < session.llm.n_batch and time.monotonic() < deadline:
        time.sleep(0.001)  # wait for the first batch of the prompt to be evaluated
    cancel.cancel()
    job.join(60)
    assert isinstance(events[-1], Cancelled), events[-1]
    assert session.llm.n_tokens < len(ids) - session.llm.n_batch  # it stopped mid-prompt
    assert not [e for e in events if isinstance(e, Token)]
    after, _ = write(cache, "llama.cpp", max_new_tokens=12, do_sample=False)  # still works
    before, _ = write(ModelCache(), "llama.cpp", max_new_tokens=12, do_sample=False)
    assert after.token_ids == before.token_ids  # the aborted evaluation left nothing behind


def test_gguf_conversion_is_cached_and_reused(cache):
    write(cache, "transformers", max_new_tokens=2, do_sample=False)  # converts at most once
    local = resolve("smollm2-135m-instruct", "writing")
    sha = next(iter(local.entry.files.values()))
    folder = writing_convert.converted_dir(sha)
    assert (folder / writing_convert.MARKER).is_file() and (folder / "model.safetensors").is_file()
    assert (folder / "tokenizer.json").is_file() and (folder / "config.json").is_file()
    before = writing_convert.conversions
    assert writing_convert.ensure_converted(local.main_path, sha) == (folder, False)
    fresh = ModelCache()  # a new process-like cache: loads again, from the converted folder
    res, _ = write(fresh, "transformers", max_new_tokens=2, do_sample=False)
    assert fresh.loads == 1 and writing_convert.conversions == before
    again, _ = write(fresh, "transformers", max_new_tokens=2, do_sample=False)
    assert fresh.loads == 1 and again.texts == res.texts


def test_llama_on_a_missing_gpu_is_a_user_error(cache, monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)  # as on this machine
    req = WriteRequest(PROMPT, device="cuda", backend="llama.cpp", model="smollm2-135m-instruct")
    evs = list(run(req, CancelToken(), cache))
    assert isinstance(evs[-1], Failed) and evs[-1].user_error, evs[-1]
    assert "CUDA" in evs[-1].message and not [e for e in evs if isinstance(e, Notice)]


def test_llama_build_without_gpu_offload_falls_back_to_the_cpu(monkeypatch):
    import llama_cpp
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)  # the GPU exists...
    monkeypatch.setattr(llama_cpp, "llama_supports_gpu_offload", lambda: False)  # ...llama can't

    class Recording(ModelCache):
        def use(self, key, loader, size=None, estimate=None):
            estimates.append(estimate)
            return super().use(key, loader, size, estimate)

    estimates: list = []
    req = WriteRequest(PROMPT, device="cuda", backend="llama.cpp", max_new_tokens=4)
    evs = list(run(req, CancelToken(), Recording()))
    assert isinstance(evs[-1], Result) and evs[-1].value.texts[0]
    notes = [e.message for e in evs if isinstance(e, Notice)]
    assert notes == ["This llama.cpp build has no cuda support; running on the CPU."]
    local = resolve("smollm2-135m-instruct", "writing")
    assert estimates == [local.main_path.stat().st_size]  # the file llama.cpp maps
