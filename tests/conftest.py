"""Test-wide set-up: offscreen Qt, no hub access, user dirs isolated, tiny models."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Must happen before any QApplication exists (NOTES pitfall 7) and before
# huggingface_hub reads its configuration.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
# Keep the user's real settings and drafts out of reach of the tests; the cache
# (converted models) stays shared so the 17 s GGUF conversion happens once.
_home = Path(tempfile.mkdtemp(prefix="aigc-test-home-"))
os.environ["XDG_CONFIG_HOME"] = str(_home / "config")
os.environ["XDG_DATA_HOME"] = str(_home / "data")

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def tiny_gpt2(tmp_path_factory) -> Path:
    from tests.fixtures.tiny_gpt2 import build_tiny_gpt2

    return build_tiny_gpt2(tmp_path_factory.mktemp("tiny-gpt2"))


@pytest.fixture(scope="session")
def tiny_chat_gpt2(tmp_path_factory) -> Path:
    from tests.fixtures.tiny_gpt2 import build_tiny_gpt2

    return build_tiny_gpt2(tmp_path_factory.mktemp("tiny-chat-gpt2"), chat_template=True)


@pytest.fixture(scope="session")
def tiny_sd(tmp_path_factory) -> Path:
    from tests.fixtures.tiny_sd import build_tiny_sd

    return build_tiny_sd(tmp_path_factory.mktemp("tiny-sd"))


@pytest.fixture(scope="session")
def tiny_whisper(tmp_path_factory) -> Path:
    from tests.fixtures.tiny_whisper import build_tiny_whisper

    return build_tiny_whisper(tmp_path_factory.mktemp("tiny-whisper"))


@pytest.fixture(scope="session")
def tiny_vits(tmp_path_factory) -> Path:
    from tests.fixtures.tiny_vits import build_tiny_vits

    return build_tiny_vits(tmp_path_factory.mktemp("tiny-vits"))
