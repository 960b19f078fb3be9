"""Test-wide set-up: offscreen Qt, no hub access, user dirs isolated, tiny models, a test host."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Must happen before any QApplication exists (NOTES pitfall 7) and before
# huggingface_hub reads its configuration.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
# The user's real settings, drafts, caches and logs stay out of reach of the tests.
_home = Path(tempfile.mkdtemp(prefix="aigc-test-home-"))
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(_home / var.lower())
# Opt-in sharing of one slow artefact: the GGUF -> safetensors conversion of the
# bundled model (~20 s) is kept across runs in this folder when it is set.
SHARED_CONVERSIONS = os.environ.get("AIGC_TEST_SHARED_CONVERSIONS", "")
if SHARED_CONVERSIONS:
    Path(SHARED_CONVERSIONS).mkdir(parents=True, exist_ok=True)
    (_home / "xdg_cache_home" / "aigc-studio").mkdir(parents=True, exist_ok=True)
    (_home / "xdg_cache_home" / "aigc-studio" / "converted").symlink_to(SHARED_CONVERSIONS)

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def tiny_gpt2(tmp_path_factory) -> Path:
    from tests.fixtures.tiny_gpt2 import build_tiny_gpt2

    return build_tiny_gpt2(tmp_path_factory.mktemp("tiny-gpt2"))


@pytest.fixture(scope="session")
def tiny_chat_gpt2(tmp_path_factory) -> Path:
    from tests.fixtures.tiny_gpt2 import build_tiny_gpt2

    return build_tiny_gpt2(tmp_path_factory.mktemp("tiny-chat-gpt2"), chat_template=True)


def test_host(log_dir: Path, imports=("tests.fixtures.host_behaviours",)):
    """An engine host that loads ``imports`` first (by default the fault markers of
    tests/fixtures/host_behaviours: [[park]], [[wait]], [[hang]], [[crash]])."""
    from studio.core.host.client import EngineHost

    return EngineHost(log_path=log_dir / "engine-host.log", imports=imports, paths=[str(ROOT)])


test_host.__test__ = False  # a helper, not a test


@pytest.fixture(scope="session")
def engine_host(tmp_path_factory):
    """One engine host process for the session's ordinary jobs."""
    host = test_host(tmp_path_factory.mktemp("host-log"))
    host.start()
    yield host
    assert host.shutdown(5.0)


@pytest.fixture
def own_host(tmp_path):
    """A host only this test uses (it may get killed or force-stopped)."""
    host = test_host(tmp_path)
    yield host
    host.shutdown(5.0)
