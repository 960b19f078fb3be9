"""Shared set-up for download tests: huggingface_hub switched online against a loopback hub."""

from __future__ import annotations

import os
import socket
from contextlib import contextmanager
from pathlib import Path

import pytest

from studio.core import hub
from studio.core.downloads import job
from studio.core.hub import HubConfig
from tests.fixtures.fake_hub_server import FakeHub


@pytest.fixture
def online(monkeypatch):
    """huggingface_hub may open connections (the test run sets HF_HUB_OFFLINE=1 for everything
    else); retries wait 10 ms instead of seconds."""
    import huggingface_hub.constants as constants

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("HF_ENDPOINT", raising=False)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(job, "RETRY_DELAYS", (0.01, 0.01))
    before = hub.current()
    yield
    hub.configure(before)


def config_for(server: FakeHub, cache: Path, **kw) -> HubConfig:
    return HubConfig(endpoint=server.url, cache_dir=str(cache), **kw)


def tiny_repo(weights: int = 200_000) -> dict[str, bytes]:
    """A small transformers-shaped repo with decoys that must not be fetched."""
    return {
        "config.json": b'{"model_type": "gpt2", "architectures": ["GPT2LMHeadModel"]}',
        "tokenizer.json": b'{"version": "1.0"}',
        "model.safetensors": os.urandom(weights),
        "pytorch_model.bin": b"pickle" * 100,  # the same weights as a pickle: never fetched
        "tf_model.h5": b"h5" * 100,
        "flax_model.msgpack": b"m" * 100,
        "onnx/model.onnx": b"o" * 100,
        ".gitattributes": b"*.safetensors filter=lfs",
    }


@contextmanager
def no_connections():
    """Fail on any attempt to open a network connection or resolve a name."""
    attempts: list[object] = []
    real_connect, real_create = socket.socket.connect, socket.create_connection
    real_getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        attempts.append(address)
        raise AssertionError(f"network connection attempted: {address}")

    def create_connection(address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"network connection attempted: {address}")

    def getaddrinfo(host, *args, **kwargs):
        attempts.append(host)
        raise AssertionError(f"name lookup attempted: {host}")

    socket.socket.connect = connect
    socket.create_connection = create_connection
    socket.getaddrinfo = getaddrinfo
    try:
        yield attempts
    finally:
        socket.socket.connect = real_connect
        socket.create_connection = real_create
        socket.getaddrinfo = real_getaddrinfo
