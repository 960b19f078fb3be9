"""Start-up: time until the main window is shown, against importing the ML stack.

Each figure comes from a fresh interpreter (imports are cached per process).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile

_WINDOW = r"""
import time
t0 = time.perf_counter()
import os, pathlib, sys, tempfile
from PySide6.QtWidgets import QApplication
app = QApplication([])
from studio.core.drafts import DraftStore
from studio.core.settings import SettingsStore
from studio.ui.main_window import MainWindow
d = pathlib.Path(tempfile.mkdtemp())
w = MainWindow(SettingsStore(d / "s.json"), DraftStore(d / "d.json"), probe_hardware=False)
w.show()
app.processEvents()
shown = time.perf_counter() - t0
heavy = [m for m in ("torch", "transformers", "diffusers") if m in sys.modules]
w.close()
print(shown, ",".join(heavy))
"""

_IMPORTS = r"""
import time
t0 = time.perf_counter()
import torch, transformers, diffusers  # noqa: F401
print(time.perf_counter() - t0)
"""


def _time(code: str, env: dict) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=300).stdout.split()
    return out


def run(quick: bool = False) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "XDG_CONFIG_HOME": tempfile.mkdtemp(), "TRANSFORMERS_VERBOSITY": "error"}
    rounds = 1 if quick else 3
    shown, imports, heavy = [], [], set()
    for _ in range(rounds):  # interleaved, so machine noise hits both alike
        values = _time(_WINDOW, env)
        shown.append(float(values[0]))
        heavy.update(v for v in values[1:] if v)
        imports.append(float(_time(_IMPORTS, env)[0]))
    w, i = statistics.median(shown), statistics.median(imports)
    return {"window_shown_s": round(w, 3), "import_torch_transformers_diffusers_s": round(i, 3),
            "ratio": round(w / i, 3), "heavy_modules_at_startup": sorted(heavy),
            "rounds": rounds}


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
