"""Every visible string is translated: window strings, engine messages and catalogue texts."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "studio" / "resources" / "translations"
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402


def ts_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {(c.findtext("name"), m.findtext("source")): m.find("translation")
            for c in root.iter("context") for m in c.iter("message")}


@pytest.fixture(scope="module")
def messages():
    return ts_messages(FOLDER / "studio_zh_CN.ts")


def test_each_message_key_has_one_template():
    seen: dict[str, str] = {}
    for key, template, path in update_translations.core_messages():
        assert seen.setdefault(key, template) == template, (key, path)
    assert len(seen) > 50


def test_every_string_is_translated_and_keeps_its_placeholders(messages):
    for (context, source), translation in messages.items():
        assert translation.get("type") is None and translation.text, (context, source)
        fields = set(re.findall(r"\{(\w+)\}", source)) | set(re.findall(r"%\d", source))
        assert fields == (set(re.findall(r"\{(\w+)\}", translation.text))
                          | set(re.findall(r"%\d", translation.text))), source


def test_engine_messages_and_catalogue_texts_are_in_the_translations(messages):
    core = {s for c, s in messages if c == "core"}
    assert set(update_translations.core_templates()) <= core
    catalog = {s for c, s in messages if c == "catalog"}
    assert set(update_translations.catalog_texts()) <= catalog


def test_translations_are_up_to_date_with_the_window_code(tmp_path, messages):
    """Run lupdate on today's sources: nothing it finds may be missing from the .ts."""
    bin_dir = Path(sys.executable).parent
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "studio" / "ui").rglob("*.py"))
    subprocess.run([str(bin_dir / "pyside6-lupdate"), *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    assert set(ts_messages(fresh)) <= set(messages)


def test_the_compiled_file_matches_the_ts(tmp_path):
    out = tmp_path / "check.qm"
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"),
                    str(FOLDER / "studio_zh_CN.ts"), "-qm", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (FOLDER / "studio_zh_CN.qm").read_bytes()
