"""UI fixtures: fail any test that leaves a worker thread running (napari-style)."""

from __future__ import annotations

import pytest

from studio.core.drafts import DraftStore
from studio.core.settings import SettingsStore


@pytest.fixture(autouse=True)
def no_leftover_threads(qapp):
    yield
    from studio.ui.history_service import live_services
    from studio.ui.worker import live_runners

    leftovers = live_runners()
    names = [r.name for r in leftovers]
    for runner in leftovers:  # stop them so the next test starts clean
        assert runner.shutdown(5000), f"worker {runner.name} did not stop"
    histories = live_services()
    for service in histories:
        assert service.shutdown(5000), "a history thread did not stop"
    assert not names, f"test left worker threads running: {names}"
    assert not histories, "test left a history thread running"


@pytest.fixture
def stores(tmp_path):
    return SettingsStore(tmp_path / "settings.json"), DraftStore(tmp_path / "drafts.json")


@pytest.fixture
def make_window(qtbot, stores, engine_host, tmp_path):
    """Build a MainWindow on temp stores and the session's engine host; closes it afterwards.

    Audio is a fake sound card without devices and a temp recordings folder unless the
    test passes ``sd=`` / ``recordings=`` (``sd=None`` loads the real PortAudio); the
    history is the test's own (``history_dir=``, shared by the windows of one test).
    """
    from studio.ui.main_window import MainWindow
    from tests.fixtures.fake_sounddevice import FakeSoundDevice

    windows = []

    def make(probe_hardware: bool = False, show: bool = True, host=engine_host, **kw):
        store, drafts = stores
        kw.setdefault("sd", FakeSoundDevice.no_devices())
        kw.setdefault("recordings", tmp_path / "recordings")
        kw.setdefault("history_dir", tmp_path / "history")
        w = MainWindow(store, DraftStore(drafts.path), probe_hardware=probe_hardware, host=host,
                       **kw)
        qtbot.addWidget(w)
        if show:
            w.show()
            qtbot.waitExposed(w)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()
