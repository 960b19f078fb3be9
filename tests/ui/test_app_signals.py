"""The real app process: SIGTERM, SIGHUP and quitting save what the user typed (issue 6.6)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.fixtures.processes import gone, wait_until

# Starts the real app (run_gui), types a prompt once the window is up, says READY.
SCRIPT = r"""
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from studio.ui import app as studio_app
from studio.ui.main_window import MainWindow

init = MainWindow.__init__
def patched(self, *a, **k):
    init(self, *a, **k)
    def typed():
        self.pages["writing"].prompt.setPlainText("typed, never saved by hand 未保存")
        print("READY", self.host.pid, flush=True)
        if sys.argv[1] == "quit":
            QApplication.quit()
        if sys.argv[1] == "session-end":  # the desktop session asks, then ends the process
            QApplication.instance().commitDataRequest.emit(None)
            os._exit(0)
    QTimer.singleShot(200, typed)
MainWindow.__init__ = patched
sys.exit(studio_app.run_gui())
"""


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "SIGINT", "quit", "session-end",
                                 "SIGHUP-group"])
def test_stopping_the_app_saves_the_typed_prompt(tmp_path, how):
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d"), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, how], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        ready, host_pid = proc.stdout.readline().split()
        assert ready == "READY"
        if how == "SIGHUP-group":  # a closed terminal hangs up its whole process group
            os.killpg(proc.pid, signal.SIGHUP)
        elif how.startswith("SIG"):
            proc.send_signal(getattr(signal, how))
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    stderr = proc.stderr.read()
    assert proc.returncode == 0, stderr
    assert "stopped unexpectedly" not in stderr  # the engine was stopped, not hung up on
    drafts = json.loads((tmp_path / "d" / "aigc-studio" / "drafts.json").read_text("utf-8"))
    assert drafts["writing"]["prompt"] == "typed, never saved by hand 未保存"
    assert (tmp_path / "c" / "aigc-studio" / "settings.json").exists()
    assert wait_until(lambda: gone(int(host_pid)))  # the engine went with the app
