"""The writing engine on a tiny random GPT-2 (transformers backend) plus its pure helpers."""

from __future__ import annotations

import dataclasses
import itertools
import threading
from pathlib import Path

import numpy as np
import pytest

from studio.core.cache import ModelCache
from studio.core.engines import writing
from studio.core.engines.writing import (
    WriteRequest,
    WriteResult,
    model_info,
    pick_backend,
    run,
    validate,
)
from studio.core.jobs import (
    Cancelled,
    CancelToken,
    Failed,
    Notice,
    Progress,
    Result,
    Token,
    UserError,
)
from studio.core.models import LocalModel
from tests.fixtures.tiny_gguf import build_tiny_gguf
from tests.fixtures.tiny_gpt2 import build_tiny_gpt2


@pytest.fixture(scope="module")
def plain(tiny_gpt2) -> str:
    return str(tiny_gpt2)


@pytest.fixture(scope="module")
def chatty(tiny_chat_gpt2) -> str:
    return str(tiny_chat_gpt2)


@pytest.fixture(scope="module")
def cache() -> ModelCache:
    return ModelCache()


def events(req: WriteRequest, cache: ModelCache, cancel: CancelToken | None = None) -> list:
    return list(run(req, cancel or CancelToken(), cache))


def result(req: WriteRequest, cache: ModelCache) -> WriteResult:
    evs = events(req, cache)
    assert isinstance(evs[-1], Result), evs[-1]
    res, resolved = evs[-1].value, evs[-1].request
    # The request that reproduces it: what was asked, plus the seed and backend actually used
    # and which model files made it.
    assert resolved.seed == res.seed and resolved.backend == res.backend
    assert resolved.revision.startswith("sha256:")
    assert dataclasses.replace(resolved, seed=req.seed, backend=req.backend,
                               revision=req.revision) == req
    return res


def streamed(evs: list, sequence: int = 0) -> str:
    return "".join(e.text for e in evs if isinstance(e, Token) and e.sequence == sequence)


def bigrams(ids) -> list[tuple[int, int]]:
    return list(itertools.pairwise(ids))


# ---- transformers parameters ---------------------------------------------------------------


def test_no_repeat_ngram_forbids_repeated_bigrams(plain, cache):
    # the random model repeats itself a lot: without the ban some bigram repeats
    free = result(WriteRequest("ab", model=plain, max_new_tokens=80, do_sample=False), cache)
    assert len(set(bigrams(free.token_ids[0]))) < len(bigrams(free.token_ids[0]))
    for sample in (False, True):
        req = WriteRequest("ab", model=plain, max_new_tokens=80, do_sample=sample, seed=3,
                           no_repeat_ngram_size=2)
        ids = result(req, cache).token_ids[0]
        assert len(ids) > 20
        assert len(set(bigrams(ids))) == len(bigrams(ids))


def test_three_sampled_sequences_stream_one_after_another(plain, cache):
    req = WriteRequest("Once", model=plain, max_new_tokens=12, num_return_sequences=3, seed=5)
    evs = events(req, cache)
    res = evs[-1].value
    assert len(res.texts) == 3 and len(set(res.texts)) == 3
    order = [e.sequence for e in evs if isinstance(e, Token)]
    assert order == sorted(order) and set(order) == {0, 1, 2}
    for i in range(3):
        assert streamed(evs, i) == res.texts[i]
    assert res.new_tokens == sum(len(ids) for ids in res.token_ids)
    # the first sequence uses the request seed itself
    single = result(dataclasses.replace(req, num_return_sequences=1), cache)
    assert single.texts[0] == res.texts[0]


def test_reference_recipe_greedy_beams(plain, cache):
    # model.generate(ids, max_length=50, num_return_sequences=3, no_repeat_ngram_size=2,
    #                early_stopping=True) -- greedy, so beam search with 3 beams
    req = WriteRequest("The", model=plain, max_new_tokens=None, max_length=50,
                       num_return_sequences=3, no_repeat_ngram_size=2, early_stopping=True,
                       do_sample=False)
    evs = events(req, cache)
    res = evs[-1].value
    assert any(isinstance(e, Progress) and "Beam search" in e.message for e in evs)
    assert len(res.texts) == 3 and len(set(res.token_ids)) == 3
    for i, ids in enumerate(res.token_ids):
        assert res.prompt_tokens + len(ids) <= 50
        assert len(set(bigrams(ids))) == len(bigrams(ids))
        assert streamed(evs, i) == res.texts[i]
    assert result(req, cache).texts == res.texts  # beam search is deterministic


def test_seed_determinism(plain, cache):
    base = WriteRequest("Hello", model=plain, max_new_tokens=20, temperature=1.0, seed=11)
    a, b = result(base, cache), result(base, cache)
    c = result(dataclasses.replace(base, seed=12), cache)
    assert a.texts == b.texts and a.token_ids == b.token_ids and a.seed == 11
    assert c.token_ids != a.token_ids
    chosen = result(dataclasses.replace(base, seed=None), cache)
    again = result(dataclasses.replace(base, seed=chosen.seed), cache)
    assert again.token_ids == chosen.token_ids


def test_sampling_controls_change_the_output(plain, cache):
    base = WriteRequest("Hello", model=plain, max_new_tokens=20, temperature=1.0, seed=2)
    out = {result(dataclasses.replace(base, **kw), cache).token_ids for kw in (
        {}, {"top_k": 1}, {"top_p": 0.05}, {"temperature": 0.0}, {"repetition_penalty": 5.0})}
    assert len(out) >= 4
    # top_k=1 and temperature 0 are both greedy
    greedy = result(dataclasses.replace(base, do_sample=False), cache).token_ids
    assert result(dataclasses.replace(base, top_k=1), cache).token_ids == greedy
    assert result(dataclasses.replace(base, temperature=0.0), cache).token_ids == greedy


def test_max_length_and_max_new_tokens(plain, cache):
    res = result(WriteRequest("Hello!", model=plain, max_new_tokens=None, max_length=16,
                              do_sample=False), cache)
    assert res.prompt_tokens == 6 and len(res.token_ids[0]) <= 10
    both = result(WriteRequest("Hello!", model=plain, max_new_tokens=30, max_length=10,
                               do_sample=False), cache)
    assert len(both.token_ids[0]) <= 4  # the tighter limit wins
    few = result(WriteRequest("Hello!", model=plain, max_new_tokens=3, do_sample=False), cache)
    assert len(few.token_ids[0]) <= 3
    evs = events(WriteRequest("Hello!", model=plain, max_new_tokens=None, max_length=4), cache)
    assert isinstance(evs[-1], Failed) and "max_length" in evs[-1].message


def test_stop_strings_cut_the_text(plain, cache):
    req = WriteRequest("Hi", model=plain, max_new_tokens=60, seed=4, temperature=1.0)
    full = result(req, cache).texts[0]
    at = next(i for i in range(3, len(full) - 2) if "\ufffd" not in full[i:i + 2])
    stop = full[at:at + 2]
    cut = full[:full.index(stop)]
    evs = events(dataclasses.replace(req, stop=("never-there", stop)), cache)
    res = evs[-1].value
    assert res.texts[0] == cut and streamed(evs) == cut and stop not in res.texts[0]
    assert len(res.token_ids[0]) < len(result(req, cache).token_ids[0])  # generation ended early


def test_cancel_inside_the_stream_keeps_the_partial_text(plain, cache):
    cancel = CancelToken()
    req = WriteRequest("Hi", model=plain, max_new_tokens=120, seed=1)
    gen = run(req, cancel, cache)
    seen, after = [], 0
    for ev in gen:
        if isinstance(ev, Token):
            if cancel.cancelled:
                after += 1
            seen.append(ev.text)
            if len(seen) == 3:
                cancel.cancel()
        last = ev
    assert after <= 1
    assert isinstance(last, Cancelled) and isinstance(last.partial, WriteResult)
    assert last.partial.texts == ("".join(seen),)
    assert 0 < last.partial.new_tokens < 120
    assert not [t for t in threading.enumerate() if t.name == "writing-generate"]


def test_closing_the_generator_early_ends_generation(plain, cache):
    gen = run(WriteRequest("Hi", model=plain, max_new_tokens=120, seed=1), CancelToken(), cache)
    next(e for e in gen if isinstance(e, Token))
    gen.close()
    assert not [t for t in threading.enumerate() if t.name == "writing-generate"]


def test_long_prompt_truncated_from_the_left(plain, cache):
    prompt = "0123456789" * 30  # 300 byte tokens; the tiny model has 128 positions
    evs = events(WriteRequest(prompt, model=plain, max_new_tokens=20, do_sample=False), cache)
    notes = [e.message for e in evs if isinstance(e, Notice)]
    assert any("Prompt truncated to the last 108 tokens" in n for n in notes)
    res = evs[-1].value
    assert res.truncated and res.prompt_tokens == 108 and len(res.token_ids[0]) <= 20


def test_huge_max_new_tokens_keeps_the_prompt(plain, cache):
    evs = events(WriteRequest("Hello there", model=plain, max_new_tokens=1000, seed=1), cache)
    res = evs[-1].value
    assert res.prompt_tokens == 11 and not res.truncated and len(res.token_ids[0]) <= 117
    assert [e.message for e in evs if isinstance(e, Notice)] == [
        "Generating at most 117 new tokens: the prompt uses 11 of the model's 128-token context."]


def test_chat_template_used_when_present(chatty, plain, cache):
    res = result(WriteRequest("Hi", model=chatty, max_new_tokens=5, system="Be brief",
                              history=(("user", "Yo"), ("assistant", "Hey"))), cache)
    rendered = "<|system|>Be brief\n<|user|>Yo\n<|assistant|>Hey\n<|user|>Hi\n<|assistant|>"
    assert res.chat and res.prompt_tokens == len(rendered.encode())  # byte-level tokenizer
    done = result(WriteRequest("Hi", model=chatty, max_new_tokens=5, mode="completion"), cache)
    assert not done.chat and done.prompt_tokens == 2
    evs = events(WriteRequest("Hi", model=plain, max_new_tokens=5, system="Be brief"), cache)
    assert not evs[-1].value.chat and evs[-1].value.prompt_tokens == 2
    assert any(isinstance(e, Notice) and "only in chat mode" in e.message for e in evs)
    evs = events(WriteRequest("Hi", model=plain, mode="chat"), cache)
    assert isinstance(evs[-1], Failed) and "no chat template" in evs[-1].message


def test_model_is_cached_between_runs(tmp_path):
    folder = str(build_tiny_gpt2(tmp_path / "m"))
    own = ModelCache()
    first = events(WriteRequest("Hi", model=folder, max_new_tokens=4), own)
    assert own.loads == 1 and any(isinstance(e, Progress) and e.message == "Loading model…"
                                  for e in first)
    second = events(WriteRequest("Yo", model=folder, max_new_tokens=4, seed=3), own)
    assert own.loads == 1 and "Loading model…" not in [e.message for e in second
                                                        if isinstance(e, Progress)]
    assert isinstance(second[-1], Result) and second[-1].timings["load_s"] < 0.5


BAD = [
    ({"prompt": "   "}, "prompt is empty"),
    ({"max_new_tokens": -1}, "max_new_tokens"),
    ({"max_new_tokens": 0}, "max_new_tokens"),
    ({"max_new_tokens": None}, "Set max_new_tokens or max_length"),
    ({"max_length": 0}, "max_length"),
    ({"num_return_sequences": 0}, "num_return_sequences"),
    ({"no_repeat_ngram_size": -2}, "no_repeat_ngram_size"),
    ({"temperature": -0.5}, "temperature"),
    ({"temperature": float("nan")}, "temperature"),
    ({"top_k": -1}, "top_k"),
    ({"top_p": 0.0}, "top_p"),
    ({"top_p": 1.5}, "top_p"),
    ({"repetition_penalty": 0.0}, "repetition_penalty"),
    ({"num_beams": 0}, "num_beams"),
    ({"seed": -1}, "seed"),
    ({"seed": 2**32}, "seed"),
    ({"stop": ("",)}, "Stop strings"),
    ({"n_threads": 0}, "n_threads"),
    ({"backend": "onnx"}, "Unknown backend"),
    ({"mode": "poem"}, "Unknown mode"),
    ({"device": "tpu"}, "Unknown device"),
    ({"dtype": "int3"}, "Unknown dtype"),
    ({"history": (("robot", "hi"),)}, "history turn"),
]


@pytest.mark.parametrize(("change", "needle"), BAD, ids=[c[1] for c in BAD])
def test_bad_values_fail_with_a_readable_message(plain, cache, change, needle):
    req = dataclasses.replace(WriteRequest("Hi", model=plain), **change)
    with pytest.raises(UserError, match=needle):
        validate(req)
    evs = events(req, cache)
    assert len(evs) == 1 and isinstance(evs[0], Failed) and needle in evs[0].message
    assert "Traceback" not in evs[0].message


def test_missing_or_wrong_model(tmp_path, plain, cache):
    evs = events(WriteRequest("Hi", model=str(tmp_path / "nope")), cache)
    assert isinstance(evs[-1], Failed) and "Model not found" in evs[-1].message
    (tmp_path / "empty").mkdir()
    evs = events(WriteRequest("Hi", model=str(tmp_path / "empty")), cache)
    assert isinstance(evs[-1], Failed) and "config.json" in evs[-1].message
    evs = events(WriteRequest("Hi", model=plain, backend="llama.cpp"), cache)
    assert isinstance(evs[-1], Failed) and ".gguf" in evs[-1].message


def test_pick_backend_and_model_info(tmp_path, plain, chatty, monkeypatch):
    gguf = LocalModel("m", tmp_path, None, "m.gguf")
    folder = LocalModel("f", tmp_path, None)
    monkeypatch.setattr(writing, "llama_available", lambda: True)
    assert pick_backend(gguf, "cpu", "auto") == "llama.cpp"
    assert pick_backend(gguf, "cpu", "auto", needs_beams=True) == "transformers"
    assert pick_backend(gguf, "cpu", "transformers") == "transformers"
    assert pick_backend(folder, "cpu", "auto") == "transformers"
    with pytest.raises(UserError, match="beam search"):
        pick_backend(gguf, "cpu", "llama.cpp", needs_beams=True)
    monkeypatch.setattr(writing, "llama_available", lambda: False)
    assert pick_backend(gguf, "cpu", "auto") == "transformers"
    info = model_info(chatty)
    assert (info.backend, info.chat, info.context, info.gguf) == ("transformers", True, 128, False)
    assert model_info(plain).chat is False


def test_pickled_weights_are_refused(tmp_path, plain):
    import shutil

    folder = tmp_path / "pickled"
    shutil.copytree(plain, folder)
    for f in folder.glob("*.safetensors"):
        f.rename(f.with_name("pytorch_model.bin"))
    last = events(WriteRequest(prompt="hi", model=str(folder), max_new_tokens=2), ModelCache())[-1]
    assert isinstance(last, Failed) and last.user_error
    assert "safetensors" in last.message


# ---- a character cut off at the end ----------------------------------------------------------


# ---- bad files and devices -----------------------------------------------------------------


def test_corrupt_gguf_on_transformers_is_a_user_error(tmp_path):
    path = tmp_path / "x.gguf"
    path.write_bytes(b"\0" + np.random.default_rng(0).bytes(4095))
    last = events(WriteRequest("Hi", model=str(path), backend="transformers"), ModelCache())[-1]
    assert isinstance(last, Failed) and last.user_error, last
    assert "not a GGUF file" in last.message


def test_llama_on_a_missing_gpu_is_a_user_error(tmp_path, monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    req = WriteRequest("Hi", model=str(build_tiny_gguf(tmp_path / "t.gguf")), backend="llama.cpp",
                       device="cuda")
    evs = events(req, ModelCache())
    assert isinstance(evs[-1], Failed) and evs[-1].user_error and "CUDA" in evs[-1].message
    assert not [e for e in evs if isinstance(e, Notice)]  # no silent fallback to the CPU


def test_gguf_conversion_shows_its_own_message(tmp_path, plain, monkeypatch):
    from studio.core.engines.writing import hf as writing_hf

    converted = []

    def fake_convert(gguf, sha, root=None):
        converted.append(sha)
        return Path(plain), True

    monkeypatch.setattr(writing_hf, "ensure_converted", fake_convert)
    gguf = build_tiny_gguf(tmp_path / "t.gguf")
    req = WriteRequest("Hi", model=str(gguf), backend="transformers", max_new_tokens=3)
    evs = events(req, ModelCache())
    assert isinstance(evs[-1], Result) and len(converted) == 1
    progress = [e for e in evs if isinstance(e, Progress)]
    assert [e.message for e in progress][-1].startswith("Converting the GGUF model")
    assert "Loading model…" not in [e.message for e in progress]
    assert progress[-1].fraction is None


def test_engines_tell_the_cache_what_a_load_will_take(tmp_path, plain, monkeypatch):
    from studio.core.engines.writing import hf as writing_hf

    class Recording(ModelCache):
        def use(self, key, loader, size=None, estimate=None):
            estimates.append(estimate)
            return super().use(key, loader, size, estimate)

    estimates: list = []
    folder_bytes = sum(f.stat().st_size for f in Path(plain).glob("*.safetensors"))
    assert isinstance(events(WriteRequest("Hi", model=plain, max_new_tokens=2), Recording())[-1],
                      Result)
    monkeypatch.setattr(writing_hf, "ensure_converted", lambda g, s, r=None: (Path(plain), True))
    gguf = str(build_tiny_gguf(tmp_path / "t.gguf"))
    assert isinstance(events(WriteRequest("Hi", model=gguf, backend="transformers",
                                          max_new_tokens=2), Recording())[-1], Result)
    assert estimates == [folder_bytes, 6 * 4]  # GGUF: its weights as fp32


# ---- parameters that do not apply ----------------------------------------------------------


def test_early_stopping_without_beams_says_it_does_nothing(plain, cache):
    note = "Early stopping applies to beam search only; it has no effect while sampling."
    evs = events(WriteRequest("Hi", model=plain, max_new_tokens=3, early_stopping=True), cache)
    assert isinstance(evs[-1], Result) and note in [e.message for e in evs if isinstance(e, Notice)]
    beams = events(WriteRequest("Hi", model=plain, max_new_tokens=3, early_stopping=True,
                                num_beams=2, do_sample=False), cache)
    assert isinstance(beams[-1], Result) and not any(isinstance(e, Notice) for e in beams)


def test_chat_mode_returns_every_sequence(chatty, cache):
    res = result(WriteRequest("Hi", model=chatty, mode="chat", max_new_tokens=4,
                              num_return_sequences=3, seed=2), cache)
    assert res.chat and len(res.texts) == 3 and len(res.token_ids) == 3


def test_the_result_request_reproduces_a_random_seed_run(plain, cache):
    first = events(WriteRequest("Again", model=plain, max_new_tokens=8), cache)[-1]
    assert first.request.seed is not None
    again = events(first.request, cache)[-1]
    assert again.value.token_ids == first.value.token_ids
    assert not [e for e in events(first.request, cache) if isinstance(e, Notice)]


def test_a_rerun_on_changed_model_files_says_so(plain, cache):
    req = WriteRequest("Hi", model=plain, max_new_tokens=2, seed=1, revision="sha256:" + "0" * 64)
    evs = events(req, cache)
    assert isinstance(evs[-1], Result)
    assert any("model's files changed" in e.message for e in evs if isinstance(e, Notice))


def test_a_run_that_writes_no_text_says_so(plain, cache):
    greedy = WriteRequest("Hello", model=plain, max_new_tokens=6, do_sample=False)
    text = result(greedy, cache).texts[0]
    assert text
    evs = events(dataclasses.replace(greedy, stop=(text[0],)), cache)  # cut before any text
    assert isinstance(evs[-1], Result) and evs[-1].value.texts == ("",)
    assert any("produced no text" in e.message for e in evs if isinstance(e, Notice))


def test_stop_inside_a_forward_pass_ends_generation_at_once(plain, cache):
    """Issue 6.11: Stop during a long prompt evaluation does not wait for the whole pass."""
    events(WriteRequest("warm up", model=plain, max_new_tokens=1), cache)
    key = next(k for k in cache.keys() if k[1].endswith(Path(plain).name))  # noqa: SIM118
    session = cache.get(key, lambda: None)
    blocks = session.model.transformer.h
    cancel = CancelToken()
    later_blocks = []
    first = blocks[0].register_forward_hook(lambda *_: cancel.cancel())  # Stop mid-pass
    rest = [b.register_forward_hook(lambda *_: later_blocks.append(1)) for b in blocks[1:]]
    try:
        evs = events(WriteRequest("a long prompt " * 5, model=plain, max_new_tokens=50,
                                  seed=1), cache, cancel)
    finally:
        for handle in [first, *rest]:
            handle.remove()
    assert isinstance(evs[-1], Cancelled)
    assert later_blocks == []  # no block after the one that saw the Stop ran
    assert not [e for e in evs if isinstance(e, Token)]
