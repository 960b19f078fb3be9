"""Remote backends against our own small OpenAI-schema server (tests/fixtures/openai_stub.py).

Speech synthesis is tested here because no server that installs on this machine serves
``/v1/audio/speech`` (the real-server tiers, test_remote_llama and test_remote_xinference,
cover writing, transcription and painting).  The stub also plays the failures real
servers answer with (401, 404, 413, 429, 5xx, a dropped stream, a rejected extension),
which no real server can be asked to produce on cue.
"""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from studio.core.endpoints import Endpoint, EndpointStore, keys, resolve
from studio.core.engines import transcription, voice, writing
from studio.core.engines.transcription import TranscribeRequest
from studio.core.engines.voice import SpeakRequest
from studio.core.engines.writing import WriteRequest
from studio.core.jobs import (
    AudioChunk,
    Cancelled,
    CancelToken,
    Failed,
    Notice,
    Result,
    Segment,
    UserError,
)
from tests.fixtures.openai_stub import RATE, Stub
from tests.fixtures.xinference_cluster import free_port


@pytest.fixture
def stub():
    with Stub() as server:
        yield server


def chat(url: str, **kw) -> WriteRequest:
    return WriteRequest(**{"prompt": "hi", "model": "chat-stub", "endpoint": url, "seed": 1,
                           **kw})


def events(engine, req) -> list:
    return list(engine.run(req, CancelToken()))


# ---- voice: sentence by sentence (our own server: nothing installable serves TTS) ------------

def test_voice_speaks_sentence_by_sentence(stub):
    text = "First sentence here. A second one! And the third?"
    evs = events(voice, SpeakRequest(text, model="tts-stub", endpoint=stub.url, volume=0.5,
                                     sentence_pause_s=0.1))
    assert isinstance(evs[-1], Result), evs[-1]
    speech = [r for r in stub.requests if r[1] == "/v1/audio/speech"]
    assert [json.loads(r[3])["input"] for r in speech] == [
        "First sentence here.", "A second one!", "And the third?"]
    assert json.loads(speech[0][3])["voice"] == "alloy"
    chunks = [e for e in evs if isinstance(e, AudioChunk)]
    assert len(chunks) == 3 and all(c.sample_rate == RATE for c in chunks)
    res, resolved = evs[-1].value, evs[-1].request
    assert [s.text for s in res.sentences] == ["First sentence here.", "A second one!",
                                               "And the third?"]
    assert res.sentences[1].start - res.sentences[0].end == pytest.approx(0.1, abs=1e-3)
    assert float(np.max(np.abs(res.samples))) == pytest.approx(0.15, abs=0.01)  # volume 0.5
    assert res.backend == resolved.backend == "remote" and resolved.endpoint == stub.url


def test_voice_failure_part_way_keeps_the_sentences_made(stub):
    evs = []
    gen = voice.run(SpeakRequest("One. Two. Three.", model="tts-stub", endpoint=stub.url),
                    CancelToken())
    for ev in gen:
        evs.append(ev)
        if isinstance(ev, AudioChunk) and len([e for e in evs if isinstance(e, AudioChunk)]) == 1:
            stub.fail = [(401, {}, b'{"error": {"message": "bad key"}}')]
    end = evs[-1]
    assert isinstance(end, Cancelled) and end.message.key == "remote.dropped_speech"
    assert [s.text for s in end.partial.sentences] == ["One."]


# ---- failures say what to do ---------------------------------------------------------------

@pytest.mark.parametrize(("status", "key", "user_error"), [
    (401, "remote.key", True), (403, "remote.key", True), (404, "remote.no_model", True),
    (400, "remote.refused", True)])
def test_status_messages(stub, status, key, user_error):
    stub.fail = [(status, {}, b'{"error": {"message": "nope"}}')]
    end = events(writing, chat(stub.url))[-1]
    assert isinstance(end, Failed) and end.message.key == key
    assert end.user_error is user_error and "nope" in end.message


def test_429_waits_for_retry_after_and_says_so(stub):
    stub.fail = [(429, {"Retry-After": "0.3"}, b"{}")]
    evs = events(writing, chat(stub.url))
    notes = [e.message for e in evs if isinstance(e, Notice)]
    assert notes and notes[0].key == "remote.busy_wait" and notes[0].args["seconds"] == 0.3
    assert isinstance(evs[-1], Result)


def test_5xx_retried_with_backoff_then_a_message(stub):
    stub.fail = [(502, {}, b"bad gateway")] * 2
    evs = events(writing, chat(stub.url))
    assert isinstance(evs[-1], Result)
    assert [e.message.key for e in evs if isinstance(e, Notice)] == ["remote.retry_5xx"] * 2
    stub.fail = [(500, {}, b'{"detail": "worker died"}')] * 4
    end = events(writing, chat(stub.url))[-1]
    assert isinstance(end, Failed) and end.message.key == "remote.server_failed"
    assert "worker died" in end.message and not end.user_error


def test_unreachable_and_tls():
    closed = f"http://127.0.0.1:{free_port()}"
    end = events(writing, chat(closed))[-1]
    assert isinstance(end, Failed) and end.message.key == "remote.unreachable"
    assert "endpoints test" in end.message


def test_tls_error_names_the_setting(stub):
    end = events(writing, chat(stub.url.replace("http://", "https://")))[-1]
    assert isinstance(end, Failed) and end.message.key == "remote.tls"
    assert "Verify TLS" in end.message


def test_dropped_stream_keeps_what_arrived(stub):
    stub.drop_after = 3
    end = events(writing, chat(stub.url))[-1]
    assert isinstance(end, Cancelled) and end.message.key == "remote.dropped"
    assert end.partial.texts == ("w0 w1 w2 ",)


def test_extensions_retried_without_when_the_server_names_them(stub):
    stub.fail = [(400, {}, b'{"error": {"message": "Unrecognized request argument supplied: '
                               b'top_k"}}')]
    evs = events(writing, chat(stub.url, top_k=40, repetition_penalty=1.2))
    assert isinstance(evs[-1], Result)
    assert [e.message.key for e in evs if isinstance(e, Notice)] == ["remote.no_extensions"]
    bodies = [json.loads(r[3]) for r in stub.requests if r[1] == "/v1/chat/completions"]
    assert bodies[0]["top_k"] == 40 and "top_k" not in bodies[1]
    events(writing, chat(stub.url, top_k=40))  # remembered for this server
    assert "top_k" not in json.loads(stub.requests[-1][3])


def test_upload_too_large_goes_in_pieces_cut_at_quiet_moments(stub, tmp_path):
    import soundfile

    audio = tmp_path / "long.wav"
    t = np.arange(60 * 16000) / 16000
    samples = (0.3 * np.sin(2 * np.pi * 200 * t) * (np.sin(2 * np.pi * t / 7) > -0.8))
    soundfile.write(audio, samples.astype(np.float32), 16000)
    stub.upload_limit = 1_000_000  # 60 s of 16 kHz WAV is 1.9 MB
    evs = events(transcription, TranscribeRequest(str(audio), model="whisper-stub",
                                                  endpoint=stub.url))
    assert isinstance(evs[-1], Result), evs[-1]
    assert "remote.split" in [e.message.key for e in evs if isinstance(e, Notice)]
    segs = evs[-1].value.segments
    assert segs == tuple(e for e in evs if isinstance(e, Segment))
    assert all(a.end <= b.start + 1e-6 for a, b in itertools.pairwise(segs))
    assert segs[-1].end == pytest.approx(60.0, abs=1.5)
    assert evs[-1].value.language == "en"
    uploads = [r for r in stub.requests if r[1] == "/v1/audio/transcriptions"]
    assert all(len(r[3]) <= 1_000_000 for r in uploads[-3:])


# ---- endpoints: store, keys, safety ----------------------------------------------------------

def test_store_validates_by_value(tmp_path):
    path = tmp_path / "endpoints.json"
    store = EndpointStore(path)
    store.save([Endpoint("gpu-box", "https://gpu.example/v1/", timeout_s=30)])
    assert store.load() == [Endpoint("gpu-box", "https://gpu.example/v1", 30.0)]
    assert store.load()[0].api_root == "https://gpu.example/v1"
    assert Endpoint("x", "http://h:8000").api_root == "http://h:8000/v1"
    data = json.loads(path.read_text())
    data["endpoints"] += [{"name": "bad name", "base_url": "http://x"},
                          {"name": "ok2", "base_url": "ftp://x"},
                          {"name": "ok3", "base_url": "http://x", "timeout_s": float("1e9")}]
    path.write_text(json.dumps(data))
    assert [e.name for e in store.load()] == ["gpu-box"]
    assert store.warning is not None and (tmp_path / "endpoints.json.bad").exists()
    with pytest.raises(UserError):
        store.save([Endpoint("a", "http://x"), Endpoint("a", "http://y")])


def test_keys_in_keyring_or_private_file(tmp_path, monkeypatch):
    import studio.core.credentials as credentials

    class Memory:
        """Stands in for the keyring module. Not a KeyringBackend subclass: those register
        themselves, and keyring would then pick it for every later test of the session."""

        def __init__(self) -> None:
            self.store: dict = {}

        def get_password(self, service, user):
            return self.store.get((service, user))

        def set_password(self, service, user, password):
            self.store[(service, user)] = password

        def delete_password(self, service, user):
            self.store.pop((service, user), None)

    ring = Memory()
    monkeypatch.setattr(credentials, "_keyring", lambda: ring)
    status = keys.save_key("box", "sk-secret", tmp_path)
    assert status.where == "keyring" and status.warning is None
    assert keys.load_key("box", tmp_path) == "sk-secret"
    assert not keys.key_file(tmp_path).exists()
    keys.delete_key("box", tmp_path)
    assert keys.load_key("box", tmp_path) is None
    monkeypatch.setattr(credentials, "_keyring", lambda: None)
    status = keys.save_key("box", "sk-secret", tmp_path)
    assert status.where == "file" and status.warning.key == "endpoint.key_in_file"
    assert keys.key_file(tmp_path).stat().st_mode & 0o777 == 0o600
    assert keys.load_key("box", tmp_path) == "sk-secret"
    with pytest.raises(UserError):
        keys.save_key("box", "two words", tmp_path)


def test_key_never_in_logs_or_settings_and_sent_as_bearer(stub, caplog, capsys, monkeypatch):
    import logging

    from studio.cli import main
    from studio.core.paths import config_dir

    secret = "sk-test-0123456789abcdef"
    monkeypatch.setenv("STUDIO_TEST_KEY", secret)
    caplog.set_level(logging.DEBUG)
    assert main(["endpoints", "add", "stub", stub.url, "--api-key-env", "STUDIO_TEST_KEY"]) == 0
    assert main(["endpoints", "list"]) == 0
    assert main(["endpoints", "test", "stub"]) == 0
    events(writing, chat("stub"))
    assert stub.requests[-1][2]["Authorization"] == f"Bearer {secret}"
    out = capsys.readouterr()
    assert secret not in out.out + out.err + caplog.text
    for path in config_dir().rglob("*"):
        if path.is_file() and path.name != keys.key_file().name:
            assert secret not in path.read_text(errors="replace"), path
    assert secret not in repr(resolve("stub"))
    assert main(["endpoints", "remove", "stub"]) == 0
    assert keys.load_key("stub") is None


def test_plain_http_key_to_another_machine_needs_confirmation(tmp_path, capsys, monkeypatch):
    from studio.cli import main

    store = EndpointStore(tmp_path / "e.json")
    store.save([Endpoint("lan", "http://10.1.2.3:8000"),
                Endpoint("lan-ok", "http://10.1.2.3:8000", allow_plain_http=True),
                Endpoint("local", "http://127.0.0.1:8000")])
    keys.use_key("lan", "sk-x")
    keys.use_key("lan-ok", "sk-x")
    keys.use_key("local", "sk-x")
    try:
        with pytest.raises(UserError) as err:
            resolve("lan", store)
        assert err.value.message.key == "endpoint.plain_http"
        assert "allow_plain_http" in err.value.message
        assert resolve("lan-ok", store).key == "sk-x"
        assert resolve("local", store).key == "sk-x"  # loopback never leaves the machine
    finally:
        for name in ("lan", "lan-ok", "local"):
            keys.use_key(name, None)
    monkeypatch.setenv("K", "sk-x")
    assert main(["endpoints", "add", "lan", "http://10.1.2.3:8000", "--api-key-env", "K"]) == 2
    assert "--allow-plain-http" in capsys.readouterr().err
    assert main(["endpoints", "add", "lan", "http://10.1.2.3:8000", "--api-key-env", "K",
                 "--allow-plain-http"]) == 0
    assert main(["endpoints", "remove", "lan"]) == 0


def test_offline_switch_blocks_other_machines(stub):
    from studio.core import hub
    from studio.core.hub import HubConfig

    before = hub.current()
    hub.configure(HubConfig(offline=True))
    try:
        end = events(writing, chat("http://192.0.2.1:8000"))[-1]
        assert isinstance(end, Failed) and end.message.key == "endpoint.offline"
        assert isinstance(events(writing, chat(stub.url))[-1], Result)  # loopback still works
    finally:
        hub.configure(before)


def test_probe_filters_models_by_task(stub):
    from studio.core.endpoints import models_for, probe

    found = probe(stub.url)
    assert found.error is None and found.latency_s > 0
    assert {m.id: m.task for m in found.models} == {
        "tts-stub": "voice", "whisper-stub": "transcription", "chat-stub": "writing"}
    assert models_for("voice", [found]) == [(stub.url, "tts-stub")]
    assert probe(f"http://127.0.0.1:{free_port()}").error.key == "remote.unreachable"
