"""A built wheel is the whole app: resources inside the package, no stray top-level modules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """The wheel built from this checkout, installed into a clean folder (no editable link)."""
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(tmp / "dist")], check=True,
                   capture_output=True, timeout=600)
    wheel = next((tmp / "dist").glob("aigc_studio-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(tmp / "site"), str(wheel)], check=True, capture_output=True, timeout=600)
    return wheel, tmp / "site"


def run_installed(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300)


def test_the_wheel_carries_its_resources_and_nothing_at_top_level(installed):
    wheel, _site = installed
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("studio/resources/models.toml", "studio/resources/aigc-studio.svg",
                   "studio/resources/translations/studio_zh_CN.qm",
                   "studio/bench/writing.py", "studio/core/host/server.py"):
        assert needed in names, needed
    top = {n.split("/", 1)[0] for n in names if not n.startswith("aigc_studio-")}
    assert top == {"studio"}


def test_the_installed_app_lists_models_and_takes_a_screenshot(installed, tmp_path):
    _wheel, site = installed
    where = run_installed(site, "-c", "import studio; print(studio.__file__)", cwd=tmp_path)
    assert where.stdout.strip().startswith(str(site)), where.stdout + where.stderr
    listed = run_installed(site, "-m", "studio", "models", "list", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = {r["id"]: r for r in json.loads(listed.stdout)["models"]}
    assert rows["smollm2-135m-instruct"]["verified"] is True
    shot = tmp_path / "shot.png"
    taken = run_installed(site, "-m", "studio", "--screenshot", str(shot), "--tab", "writing",
                          cwd=tmp_path)
    assert taken.returncode == 0, taken.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
