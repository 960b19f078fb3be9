"""`aigc-studio models list|download|verify`."""

from __future__ import annotations

import argparse
import sys

from studio.core import catalog, models
from studio.core.catalog import CatalogEntry


def _hub_installed(entry: CatalogEntry) -> bool:
    try:
        models.resolve(entry.id)
    except Exception:  # not downloaded, or an unreadable cache: both mean "not here"
        return False
    return True


def status(entry: CatalogEntry) -> dict:
    row = {
        "id": entry.id, "name": entry.name, "task": entry.task, "engine": entry.engine,
        "source": entry.source, "size_mb": entry.size_mb, "license": entry.license,
        "default": entry.default, "repo": entry.repo or None,
    }
    if entry.bundled:
        checks = models.check_bundled(entry)
        row["installed"] = all(c.problem != "not installed" for c in checks)
        row["verified"] = all(c.ok for c in checks)
        row["problems"] = [f"{c.key}: {c.problem}" for c in checks if not c.ok]
    else:
        row["installed"] = _hub_installed(entry)
        row["verified"] = None  # hub files are checked by huggingface_hub on download
    return row


def run(args: argparse.Namespace) -> int:
    from studio.cli import CliError, print_json

    if args.models_command == "list":
        rows = [status(e) for e in catalog.load_catalog()]
        if args.json:
            print_json({"models": rows})
            return 0
        print(f"{'ID':28} {'TASK':14} {'ENGINE':15} {'SOURCE':8} {'SIZE':>8}  STATUS")
        for r in rows:
            state = ("verified" if r["verified"] else "damaged") if r["installed"] else (
                "not installed" if r["source"] == "bundled" else "not downloaded")
            mark = "*" if r["default"] else " "
            print(f"{r['id'] + mark:28} {r['task']:14} {r['engine']:15} {r['source']:8} "
                  f"{r['size_mb']:>6.0f}MB  {state}")
        print("* default for its task")
        return 0
    if args.models_command == "verify":
        bad = 0
        for entry in catalog.load_catalog():
            if not entry.bundled:
                continue
            row = status(entry)
            ok = row["verified"]
            bad += not ok
            print(f"{entry.id}: {'ok' if ok else '; '.join(row['problems'])}")
        if bad:
            print(f"{bad} built-in model(s) missing or damaged; rerun the set-up command.",
                  file=sys.stderr)
            return 1
        return 0
    if args.models_command == "download":
        from studio.core.downloads import download, plan
        from studio.core.paths import config_dir
        from studio.core.settings import SettingsStore

        settings = SettingsStore(config_dir() / "settings.json").load()
        what = plan(args.ref)  # bad references fail before anything is printed
        print(f"Downloading {what.repo} (safe formats only)…", file=sys.stderr)
        local = download(args.ref, endpoint=settings.hf_endpoint, offline=settings.offline)
        print(local.main_path)
        return 0
    raise CliError(f"unknown models action {args.models_command!r}")
