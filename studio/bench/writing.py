"""Writing engine vs the plain library calls, on the bundled SmolLM2, in one process.

For each backend the same greedy request runs three ways, interleaved A B C A B C
over 5 rounds (best of rounds reported, medians too) so machine noise hits all alike:
through the engine in this process (``studio.core.engines.writing.run``, as the CLI
runs it), through the engine host process (``EngineHost.run``, as the Writing tab
runs it: request pickled over a socket, every token sent back as an event), and
through the library directly (``model.generate()`` / ``Llama.__call__(stream=True)``).
Times include prompt evaluation; the engine's include everything it does per job
(validation, model resolution, cache lookup, chat templating, streaming); the host's
also include the round trips, measured where the window would see the events.
"""

from __future__ import annotations

import json
import statistics
import time

MODEL = "smollm2-135m-instruct"
PROMPT = "Write a long story about a lighthouse keeper who finds a message in a bottle."


def _timed(start_job) -> dict:
    """Time one job from the call to its Result, as its consumer sees the events."""
    from studio.core.jobs import CancelToken, Result, Token

    start = time.perf_counter()
    first = last = None
    for ev in start_job(CancelToken()):
        if isinstance(ev, Token) and first is None:
            first = time.perf_counter() - start
        last = ev
    seconds = time.perf_counter() - start
    if not isinstance(last, Result):
        raise RuntimeError(f"writing job failed: {last}")
    return {"seconds": seconds, "first_token_s": first, "tokens": last.value.new_tokens,
            "ids": last.value.token_ids[0]}


def _engine(req, cache) -> dict:
    from studio.core.engines.writing import run

    return _timed(lambda cancel: run(req, cancel, cache))


def _host(req, host) -> dict:
    return _timed(lambda cancel: host.run("writing", req, cancel))


def _session(cache, backend: str):
    # the engine's own loaded object for this backend (the cache holds one entry each)
    keys = cache.keys()
    key = next(k for k in keys if k[0] == backend)
    return cache.get(key, lambda: None)


def _plain_llama(llm, ids: list[int], new: int) -> dict:
    llm.reset()  # the engine re-evaluates the prompt too
    start = time.perf_counter()
    first = None
    chunks = 0
    for _chunk in llm(ids, max_tokens=new, temperature=0.0, top_k=50, top_p=0.95, min_p=0.0,
                      repeat_penalty=1.0, stream=True):
        if first is None:
            first = time.perf_counter() - start
        chunks += 1
    out = list(llm._input_ids[len(ids):].tolist())
    return {"seconds": time.perf_counter() - start, "first_token_s": first, "chunks": chunks,
            "evaluated": out}


def _plain_hf(session, ids: list[int], new: int) -> dict:
    import torch
    from transformers.generation.streamers import BaseStreamer

    class FirstToken(BaseStreamer):  # only notes when the first new token arrives
        def __init__(self) -> None:
            self.calls = 0
            self.first: float | None = None

        def put(self, value) -> None:
            self.calls += 1
            if self.calls == 2:  # the first put() is the prompt
                self.first = time.perf_counter() - start

        def end(self) -> None:
            pass

    model = session.model
    input_ids = torch.tensor([ids], dtype=torch.long, device=session.device)
    streamer = FirstToken()
    start = time.perf_counter()
    with torch.inference_mode():
        out = model.generate(input_ids, attention_mask=torch.ones_like(input_ids),
                             max_new_tokens=new, do_sample=False, pad_token_id=session.pad_id,
                             streamer=streamer)
    seconds = time.perf_counter() - start
    gen = [t for t in out[0, len(ids):].tolist() if t not in session.eos_ids]
    return {"seconds": seconds, "first_token_s": streamer.first, "ids": tuple(gen)}


def _summary(runs: list[dict], tokens: int) -> dict:
    # best-of-rounds is the figure least disturbed by other load on a shared machine
    secs = min(r["seconds"] for r in runs)
    firsts = [r["first_token_s"] for r in runs if r["first_token_s"] is not None]
    median = statistics.median(r["seconds"] for r in runs)
    return {
        "tokens_per_s": round(tokens / secs, 2),
        "tokens_per_s_median": round(tokens / median, 2),
        "seconds": round(secs, 4),
        "median_s": round(median, 4),
        "first_token_s": round(min(firsts), 4) if firsts else None,
        "first_token_median_s": round(statistics.median(firsts), 4) if firsts else None,
        "runs_s": [round(r["seconds"], 4) for r in runs],
    }


def run(quick: bool = False) -> dict:
    from studio.core.cache import ModelCache
    from studio.core.devices import physical_cores
    from studio.core.engines.writing import WriteRequest
    from studio.core.host.client import EngineHost

    rounds = 1 if quick else 9
    new = 16 if quick else 64
    out: dict = {"model": MODEL, "new_tokens": new, "rounds": rounds, "greedy": True,
                 "threads": physical_cores(), "prompt": PROMPT}
    host = EngineHost()
    try:
        for backend in ("llama.cpp", "transformers"):
            out[backend] = _backend(backend, new, rounds, host, ModelCache(), WriteRequest)
    finally:
        host.shutdown()
    out["llama_over_transformers_speed"] = round(
        out["llama.cpp"]["engine"]["tokens_per_s"] / out["transformers"]["engine"]["tokens_per_s"],
        2)
    return out


def _backend(backend: str, new: int, rounds: int, host, cache, request_type) -> dict:
    req = request_type(PROMPT, model=MODEL, backend=backend, max_new_tokens=new, do_sample=False)
    warm = _engine(req, cache)  # loads (and converts, the first time ever) the model
    _host(req, host)  # the host loads its own copy
    session = _session(cache, backend)
    ids = session.encode(req, chat=True)
    engine_runs, host_runs, plain_runs = [], [], []
    for _ in range(rounds):
        engine_runs.append(_engine(req, cache))
        host_runs.append(_host(req, host))
        if backend == "llama.cpp":
            plain_runs.append(_plain_llama(session.llm, ids, new))
        else:
            plain_runs.append(_plain_hf(session, ids, new))
    tokens = warm["tokens"]
    if backend == "llama.cpp":
        # Llama.__call__ streams text chunks, not ids; it evaluates every token but
        # the last, so compare those with the engine's ids
        same = all(p["evaluated"] == list(warm["ids"][:-1]) for p in plain_runs)
    else:
        same = all(p["ids"] == warm["ids"] for p in plain_runs)
    same = same and all(h["ids"] == warm["ids"] for h in host_runs)
    engine, plain = _summary(engine_runs, tokens), _summary(plain_runs, tokens)
    through_host = _summary(host_runs, tokens)
    cache.clear()
    return {
        "engine": engine,
        "engine_host": through_host,
        "plain": plain,
        "generated_tokens": tokens,
        "same_tokens": same,
        "time_ratio_engine_over_plain": round(engine["seconds"] / plain["seconds"], 4),
        "median_time_ratio": round(engine["median_s"] / plain["median_s"], 4),
        # each round's engine and plain runs ran back to back: the figure least moved by noise
        "paired_median_time_ratio": round(statistics.median(
            e["seconds"] / p["seconds"] for e, p in zip(engine_runs, plain_runs, strict=True)), 4),
        # tokens/s seen through the host (as the Writing tab sees them) over in-process:
        # the best runs compared, and the median of the rounds' paired ratios (the figure
        # least moved by noise, as each pair ran back to back)
        "host_speed_over_in_process": round(engine["seconds"] / through_host["seconds"], 4),
        "host_speed_over_in_process_paired_median": round(statistics.median(
            e["seconds"] / h["seconds"] for e, h in zip(engine_runs, host_runs, strict=True)), 4),
        "prompt_tokens": len(ids),
    }


if __name__ == "__main__":
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv[1:]), indent=2))
