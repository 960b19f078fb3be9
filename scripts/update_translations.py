"""Refresh studio/resources/translations: extract every visible string, fill zh_CN, compile.

Run after changing visible strings:  .venv/bin/python scripts/update_translations.py

Three kinds of strings end up in the .ts file:
- ``tr()`` / ``QCoreApplication.translate()`` calls in ``studio/ui`` (pyside6-lupdate finds them);
- context ``core``: the English templates of ``msg(key, template, ...)`` calls in ``studio/core``
  (engine errors, notices, progress), found by reading the source's syntax tree;
- context ``catalog``: the descriptions of the models in ``models.toml``.
Translations come from ``zh_CN.json`` (English source text -> Chinese).  Strings
without one stay "unfinished" in the .ts, show in English and are listed at the end;
``tests/core/test_translations.py`` fails while any is missing.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "studio" / "resources" / "translations"
BIN = Path(sys.executable).parent


def core_messages(folder: Path = ROOT / "studio" / "core") -> list[tuple[str, str, Path]]:
    """(key, template, file) of every ``msg(key, template, ...)`` call with literal strings."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "msg" and len(node.args) >= 2):
                continue
            key, template = node.args[0], node.args[1]
            if isinstance(key, ast.Constant) and isinstance(template, ast.Constant):
                found.append((key.value, template.value, path))
    return found


def core_templates() -> dict[str, str]:
    """template -> key."""
    return {template: key for key, template, _path in core_messages()}


def catalog_texts() -> list[str]:
    with open(ROOT / "studio" / "resources" / "models.toml", "rb") as fh:
        models = tomllib.load(fh)["model"]
    return sorted({m["description"] for m in models if m.get("description")})


def _add_context(tree: ET.ElementTree, name: str, sources: list[str]) -> None:
    root = tree.getroot()
    for old in [c for c in root.findall("context") if c.findtext("name") == name]:
        if old.find("message/location") is None:  # ours from a previous run; lupdate's stay
            root.remove(old)
    context = next((c for c in root.findall("context") if c.findtext("name") == name), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
    have = {m.findtext("source") for m in context.findall("message")}
    for source in sources:
        if source in have:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", type="unfinished")


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "studio" / "ui").rglob("*.py"))
    ts = FOLDER / "studio_zh_CN.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
                   check=True)
    tree = ET.parse(ts)
    _add_context(tree, "core", sorted(core_templates()))
    _add_context(tree, "catalog", catalog_texts())
    table = json.loads((FOLDER / "zh_CN.json").read_text(encoding="utf-8"))
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm",
                    str(FOLDER / "studio_zh_CN.qm")], check=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    seen = {m.findtext("source") for m in tree.iter("message")}
    for source in sorted(set(table) - seen):
        print(f"unused translation in zh_CN.json: {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
