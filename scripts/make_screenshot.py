"""Make docs/screenshot.png: the real window after a real chat with the built-in model.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_screenshot.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from studio.core.drafts import DraftStore
    from studio.core.settings import SettingsStore
    from studio.ui.main_window import MainWindow

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
    _app = QApplication([])  # kept alive for the whole run
    tmp = Path(tempfile.mkdtemp())
    w = MainWindow(SettingsStore(tmp / "s.json"), DraftStore(tmp / "d.json"))
    w.resize(1280, 800)
    w.show()
    tab = w.pages["writing"]
    tab.system.setText("You are a concise, friendly writing assistant.")
    tab.params.seed.setValue(7)
    tab.params.max_new_tokens.setValue(120)
    loop = QEventLoop()
    tab.runner.finished.connect(lambda _j: loop.quit())
    for prompt in ("Give me three title ideas for a short story about a lighthouse keeper.",):
        tab.prompt.setPlainText(prompt)
        tab.generate()
        loop.exec()
    tab.prompt.setPlainText("Now write the first paragraph of the second one.")
    w.host.request_stats()  # the status bar shows the engine's memory with the model loaded
    settle = QEventLoop()
    QTimer.singleShot(1000, settle.quit)
    settle.exec()
    ok = w.grab().save(str(out), "PNG")
    w.close()
    print(out if ok else "failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
