"""Architecture rules: core never imports Qt; UI/CLI start-up never imports torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_core_and_cli_import_no_qt():
    code = (
        "import pkgutil, importlib, sys, studio.core, studio.core.engines, studio.cli\n"
        "for pkg in (studio.core, studio.core.engines):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(pkg.__name__ + '.' + m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'studio.ui'))]\n"
        "assert not bad, bad\n"
        "print('ok')\n"
    )
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 kept, 0 broken" in proc.stdout


def test_window_construction_imports_no_heavy_library():
    code = (
        "import os, sys, tempfile, pathlib\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from studio.core.settings import SettingsStore\n"
        "from studio.core.drafts import DraftStore\n"
        "from studio.ui.main_window import MainWindow\n"
        "d = pathlib.Path(tempfile.mkdtemp())\n"
        "w = MainWindow(SettingsStore(d / 's.json'), DraftStore(d / 'd.json'), False)\n"
        "w.show(); app.processEvents()\n"
        "heavy = [m for m in ('torch', 'transformers', 'diffusers', 'llama_cpp',\n"
        "         'faster_whisper', 'piper') if m in sys.modules]\n"
        "w.close()\n"
        "assert not heavy, heavy\n"
        "print('ok')\n"
    )
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert "ok" in proc.stdout
