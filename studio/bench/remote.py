"""Writing through an endpoint vs the plain ``openai`` client, against the same server.

A llama.cpp server (``python -m llama_cpp.server``, llama-cpp-python's OpenAI-compatible
server) is started on 127.0.0.1 with the bundled SmolLM2, and the same greedy chat
request is streamed round after round, interleaved (the order flips each round so
machine noise hits both alike): once by the writing engine's remote backend (events
as the CLI sees them), once by the ``openai`` package's streaming client (the plain
call; without the package, a plain ``http.client`` stream stands in and the report
says so).  Reported: tokens per second from sending the request to the last token,
time to first token, and the paired ratio engine / plain (median and best rounds).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import statistics
import subprocess
import sys
import time
import urllib.request

PROMPT = "Write a short story about a lighthouse keeper."
ALIAS = "smol"


def _start_server(port: int, threads: int) -> subprocess.Popen:
    from studio.core.models import resolve

    gguf = resolve("smollm2-135m-instruct", "writing").main_path
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", ALIAS,
         "--host", "127.0.0.1", "--port", str(port), "--n_threads", str(threads)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # a pipe would fill up
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the llama.cpp server did not start (it needs pip install "
                               "'llama-cpp-python[server]')")
        with contextlib.suppress(OSError), urllib.request.urlopen(
                f"http://127.0.0.1:{port}/v1/models", timeout=2):
            return proc
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the llama.cpp server did not answer within 60 s")


def _engine(url: str, tokens: int) -> dict:
    from studio.core.engines import writing
    from studio.core.engines.writing import WriteRequest
    from studio.core.jobs import CancelToken, Result, Token

    req = WriteRequest(PROMPT, model=ALIAS, endpoint=url, seed=1, temperature=0.0,
                       do_sample=False, max_new_tokens=tokens)
    start = time.perf_counter()
    first = None
    text = []
    for ev in writing.run(req, CancelToken()):
        if isinstance(ev, Token):
            if first is None:
                first = time.perf_counter() - start
            text.append(ev.text)
        elif isinstance(ev, Result):
            seconds = time.perf_counter() - start
            return {"tokens": ev.value.new_tokens, "seconds": seconds, "first_s": first,
                    "text": "".join(text)}
    raise RuntimeError(f"the engine failed: {ev}")


def _openai(client, tokens: int) -> dict:
    start = time.perf_counter()
    first = None
    text = []
    count = 0
    stream = client.chat.completions.create(
        model=ALIAS, messages=[{"role": "user", "content": PROMPT}], stream=True,
        temperature=0.0, seed=1, max_tokens=tokens, stream_options={"include_usage": True})
    for chunk in stream:
        if chunk.usage is not None:
            count = chunk.usage.completion_tokens or count
        for choice in chunk.choices:
            if choice.delta.content:
                if first is None:
                    first = time.perf_counter() - start
                text.append(choice.delta.content)
    return {"tokens": count or len(text), "seconds": time.perf_counter() - start,
            "first_s": first, "text": "".join(text)}


def _plain_http(port: int, tokens: int) -> dict:
    body = json.dumps({"model": ALIAS, "messages": [{"role": "user", "content": PROMPT}],
                       "stream": True, "temperature": 0.0, "seed": 1, "max_tokens": tokens})
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("POST", "/v1/chat/completions", body, {"Content-Type": "application/json"})
    response = conn.getresponse()
    first, text = None, []
    for line in response:
        if line.startswith(b"data: {"):
            piece = json.loads(line[6:])["choices"][0]["delta"].get("content")
            if piece:
                first = first if first is not None else time.perf_counter() - start
                text.append(piece)
    conn.close()
    return {"tokens": len(text), "seconds": time.perf_counter() - start, "first_s": first,
            "text": "".join(text)}


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(quick: bool = False, threads: int = 2) -> dict:
    rounds, tokens = (3, 32) if quick else (9, 128)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    try:
        proc = _start_server(port, threads)
    except RuntimeError as exc:
        return {"error": str(exc)}
    try:
        try:
            import openai

            client = openai.OpenAI(base_url=f"{url}/v1", api_key="none")
            plain, reference = (lambda: _openai(client, tokens)), f"openai {openai.__version__}"
        except ImportError:
            plain, reference = (lambda: _plain_http(port, tokens)), "http.client (no openai)"
        _engine(url, 8)  # warm-up: the server's first request loads caches
        plain()
        runs: dict[str, list[dict]] = {"engine": [], "plain": []}
        for r in range(rounds):
            order = (("engine", lambda: _engine(url, tokens)), ("plain", plain))
            for name, call in order if r % 2 == 0 else order[::-1]:
                runs[name].append(call())
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(10)
        if proc.poll() is None:
            proc.kill()

    def rate(x: dict) -> float:
        return x["tokens"] / x["seconds"]

    ratios = [rate(e) / rate(p) for e, p in zip(runs["engine"], runs["plain"], strict=True)]
    best = {k: max(rate(x) for x in v) for k, v in runs.items()}
    first = {k: statistics.median(x["first_s"] for x in v) for k, v in runs.items()}
    return {
        "server": "llama.cpp server (llama-cpp-python), SmolLM2-135M Q4_1, "
                  f"{threads} threads, greedy, {tokens} tokens, {rounds} rounds",
        "reference": reference,
        "engine": {"tokens_per_s_best": round(best["engine"], 2),
                   "first_token_ms_median": round(1000 * first["engine"], 1)},
        "plain": {"tokens_per_s_best": round(best["plain"], 2),
                  "first_token_ms_median": round(1000 * first["plain"], 1)},
        "ratio_median_of_pairs": round(statistics.median(ratios), 3),
        "ratio_best": round(best["engine"] / best["plain"], 3),
        "ratios": [round(x, 3) for x in ratios],
        "same_text": all(e["text"] == p["text"] for e, p in zip(
            runs["engine"], runs["plain"], strict=True)),
    }
