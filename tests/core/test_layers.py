"""Architecture rules: core never imports Qt; no import cycles; the window never runs model code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("torch", "transformers", "diffusers", "llama_cpp", "faster_whisper", "piper")


def _run(code: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)


def test_core_and_cli_import_no_qt():
    code = (
        "import pkgutil, importlib, sys, studio.core, studio.cli\n"
        "for m in pkgutil.walk_packages(studio.core.__path__, 'studio.core.'):\n"
        "    importlib.import_module(m.name)\n"
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
    assert "3 kept, 0 broken" in proc.stdout


def cycles(graph, package: str) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), sorted."""
    modules = sorted(m for m in graph.modules if m == package or m.startswith(package + "."))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.find_modules_directly_imported_by(v)):
            if not w.startswith(package):
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for module in modules:
        if module not in index:
            visit(module)
    return sorted(found)


def test_no_import_cycles_inside_studio():
    import grimp

    graph = grimp.build_graph("studio")
    assert cycles(graph, "studio") == []


def test_the_cycle_finder_finds_cycles():
    class Graph:
        def __init__(self):
            self.modules = {"p", "p.a", "p.b", "p.c"}
            self.edges = {"p.a": {"p.b"}, "p.b": {"p.a", "p.c"}, "p.c": set(), "p": set()}

        def find_modules_directly_imported_by(self, m):
            return self.edges[m]

    assert cycles(Graph(), "p") == [["p.a", "p.b"]]


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
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "w.close()\n"
        "assert not heavy, heavy\n"
        "print('ok')\n"
    )
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert "ok" in proc.stdout


@pytest.mark.real
def test_the_window_process_runs_no_model_code_even_after_real_jobs(tiny_gpt2):
    """Jobs on both writing backends run in the engine host; the window imports none of it."""
    code = f"""
import os, sys, tempfile, pathlib
os.environ['QT_QPA_PLATFORM'] = 'offscreen'
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
app = QApplication([])
from studio.core.settings import SettingsStore
from studio.core.drafts import DraftStore
from studio.ui.main_window import MainWindow
d = pathlib.Path(tempfile.mkdtemp())
w = MainWindow(SettingsStore(d / 's.json'), DraftStore(d / 'd.json'), False)
w.show()
tab = w.pages['writing']
ends = []
loop = QEventLoop()
tab.runner.finished.connect(lambda _j: loop.quit())
tab.runner.result.connect(lambda _j, ev: ends.append(ev.value.backend))
tab.runner.failed.connect(lambda _j, ev: ends.append(str(ev.message)))
for model, backend in (({str(tiny_gpt2)!r}, 'transformers'),
                       ('smollm2-135m-instruct', 'llama.cpp')):
    w.panel.set_model('writing', model)
    w.panel.backend.setCurrentIndex(w.panel.backend.findData(backend))
    tab.mode.setCurrentIndex(tab.mode.findData('completion'))
    tab.prompt.setPlainText('Hello')
    tab.params.max_new_tokens.setValue(4)
    tab.generate()
    loop.exec()
heavy = [m for m in {HEAVY!r} if m in sys.modules]
w.close()
print(ends, heavy)
"""
    proc = _run(code, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "['transformers', 'llama.cpp'] []", (
        proc.stdout + proc.stderr)
