"""The writing engine's remote backend against a real llama.cpp server (llama-cpp-python's
OpenAI-compatible server) on 127.0.0.1, serving the bundled SmolLM2."""

from __future__ import annotations

import threading
import time

import pytest

from studio.core.engines import writing
from studio.core.engines.writing import WriteRequest
from studio.core.jobs import Cancelled, CancelToken, Failed, Result, Token
from tests.fixtures.llama_server import ALIAS, LlamaServer

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = LlamaServer(tmp_path_factory.mktemp("llama-server") / "server.log")
    yield srv
    srv.stop()


def ask(server, **kw) -> WriteRequest:
    base = {"prompt": "Tell me about the sea.", "model": ALIAS, "endpoint": server.url,
            "seed": 7, "max_new_tokens": 24}
    return WriteRequest(**{**base, **kw})


def run(req: WriteRequest, cancel: CancelToken | None = None) -> list:
    return list(writing.run(req, cancel or CancelToken()))


def tokens(evs) -> str:
    return "".join(e.text for e in evs if isinstance(e, Token))


def test_streams_tokens_and_resolves_the_request(server):
    evs = run(ask(server))
    assert isinstance(evs[-1], Result), evs[-1]
    res, resolved = evs[-1].value, evs[-1].request
    assert sum(isinstance(e, Token) for e in evs) > 3  # streamed, not one block
    assert res.texts[0] == tokens(evs) and res.texts[0].strip()
    assert res.backend == resolved.backend == "remote"
    assert res.model == f"{ALIAS} @ {server.url}"
    assert resolved.endpoint == server.url and resolved.seed == 7
    assert resolved.revision == f"remote:{ALIAS}"  # the model id the server reported
    assert 0 < res.new_tokens <= 24 and res.first_token_s is not None


def test_same_seed_same_text(server):
    a = run(ask(server, seed=11, temperature=1.0))[-1].value.texts
    b = run(ask(server, seed=11, temperature=1.0))[-1].value.texts
    c = run(ask(server, seed=12, temperature=1.0))[-1].value.texts
    assert a == b
    assert c != a


def test_stop_mid_stream_keeps_the_text_and_ends_at_once(server):
    cancel = CancelToken()
    seen: list[str] = []
    stopped_at = None
    evs = []
    for ev in writing.run(ask(server, max_new_tokens=200, prompt="Write a long story."), cancel):
        evs.append(ev)
        if isinstance(ev, Token):
            seen.append(ev.text)
            if len(seen) == 5:
                stopped_at = time.perf_counter()
                cancel.cancel()
    assert time.perf_counter() - stopped_at < 1.0
    assert isinstance(evs[-1], Cancelled) and not evs[-1].message
    assert evs[-1].partial.texts[0] == "".join(seen)
    assert evs[-1].partial.backend == "remote"


def test_two_requests_at_once(server):
    """Two tabs at once: both streams complete, each with its own seed's text."""
    alone = [run(ask(server, seed=s, temperature=1.0))[-1].value.texts[0] for s in (1, 2)]
    out: dict[int, list] = {}

    def go(seed: int) -> None:
        out[seed] = run(ask(server, seed=seed, temperature=1.0))

    threads = [threading.Thread(target=go, args=(s,)) for s in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert [out[s][-1].value.texts[0] for s in (1, 2)] == alone


def test_completion_mode_and_several_texts(server):
    evs = run(ask(server, mode="completion", prompt="The sea is", num_return_sequences=2))
    res = evs[-1].value
    assert isinstance(evs[-1], Result) and len(res.texts) == 2 and not res.chat
    assert {e.sequence for e in evs if isinstance(e, Token)} == {0, 1}
    assert all(t.strip() for t in res.texts)


def test_server_killed_mid_stream(tmp_path):
    """The text that arrived is kept (a stopped result with the reason); the next job says the
    server cannot be reached."""
    srv = LlamaServer(tmp_path / "server.log")
    try:
        seen: list[str] = []
        evs = []
        for ev in writing.run(ask(srv, max_new_tokens=300, prompt="Write a long story."),
                              CancelToken()):
            evs.append(ev)
            if isinstance(ev, Token):
                seen.append(ev.text)
                if len(seen) == 5:
                    srv.kill()
        end = evs[-1]
        assert isinstance(end, Cancelled), end
        assert end.message.key == "remote.dropped"
        assert end.partial.texts[0] == "".join(seen)
        again = run(ask(srv))[-1]
        assert isinstance(again, Failed) and again.message.key == "remote.unreachable"
        assert not again.user_error
    finally:
        srv.stop()


def test_cli_write_endpoint_and_history(server, capsys):
    from studio.cli import main

    code = main(["write", "--prompt", "Say hello.", "--endpoint", server.url, "--model", ALIAS,
                 "--max-new-tokens", "8", "--seed", "3", "--json"])
    import json

    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["backend"] == "remote" and out["model"] == f"{ALIAS} @ {server.url}"
    assert main(["history", "show", str(out["history_id"]), "--json"]) == 0
    entry = json.loads(capsys.readouterr().out)
    assert entry["model"] == f"{ALIAS} @ {server.url}"
    assert entry["request"]["endpoint"] == server.url
    assert entry["request"]["revision"] == f"remote:{ALIAS}"
    assert main(["history", "rerun", str(out["history_id"]), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["texts"] == out["texts"]


def test_cli_endpoints_add_test_list_remove(server, capsys):
    from studio.cli import main

    assert main(["endpoints", "add", "box", server.url]) == 0
    assert main(["endpoints", "test", "box", "--json"]) == 0
    import json

    probe = json.loads(capsys.readouterr().out)["endpoints"][0]
    assert [m["id"] for m in probe["models"]] == [ALIAS] and probe["latency_s"] > 0
    assert probe["models"][0]["task"] == "writing"
    # --model left out: the server's first writing model is used
    assert main(["write", "--prompt", "Hi", "--endpoint", "box", "--max-new-tokens", "4",
                 "--json", "--no-history"]) == 0
    assert json.loads(capsys.readouterr().out)["model"] == f"{ALIAS} @ box"
    assert main(["endpoints", "remove", "box"]) == 0
    assert main(["endpoints", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"endpoints": []}
