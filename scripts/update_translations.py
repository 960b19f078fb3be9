"""Refresh resources/translations: extract tr() strings, fill zh_CN from zh_CN.json, compile.

Run after changing visible strings:  .venv/bin/python scripts/update_translations.py
Strings without a translation stay "unfinished" in the .ts and show in English.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "studio" / "ui").rglob("*.py"))
    ts = FOLDER / "studio_zh_CN.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
                   check=True)
    table = json.loads((FOLDER / "zh_CN.json").read_text(encoding="utf-8"))
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm",
                    str(FOLDER / "studio_zh_CN.qm")], check=True)
    for source in missing:
        print(f"untranslated: {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
