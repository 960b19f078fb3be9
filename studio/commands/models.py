"""`aigc-studio models list|download|verify`."""

from __future__ import annotations

import argparse
import sys

from studio.commands import CliError, print_json
from studio.core import catalog, models
from studio.core.catalog import CatalogEntry


def _hub_installed(entry: CatalogEntry) -> bool:
    try:
        models.resolve(entry.id)
    except Exception:  # not downloaded, or an unreadable cache: both mean "not here"
        return False
    return True


def status(entry: CatalogEntry, rehash: bool = False) -> dict:
    """One catalogue row; ``rehash`` reads every byte of a built-in model's files.

    Without it the size/mtime stamps of earlier checks are trusted (the fast check
    that start-up and ``models list`` use).
    """
    row = {
        "id": entry.id, "name": entry.name, "task": entry.task, "engine": entry.engine,
        "source": entry.source, "size_mb": entry.size_mb, "license": entry.license,
        "default": entry.default, "repo": entry.repo or None,
    }
    if entry.bundled:
        checks = models.check_bundled(entry, rehash=rehash)
        row["installed"] = all(c.problem != "not installed" for c in checks)
        row["verified"] = all(c.ok for c in checks)
        row["problems"] = [f"{c.key}: {c.problem}" for c in checks if not c.ok]
    else:
        row["installed"] = _hub_installed(entry)
        row["verified"] = None  # hub files are checked by huggingface_hub on download
    return row


def _list(args: argparse.Namespace) -> int:
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


def _verify() -> int:
    bad = 0
    for entry in catalog.load_catalog():
        if not entry.bundled:
            continue
        row = status(entry, rehash=True)  # every byte, whatever the stamps say
        ok = row["verified"]
        bad += not ok
        print(f"{entry.id}: {'ok' if ok else '; '.join(row['problems'])}", flush=True)
    if bad:
        print(f"{bad} built-in model(s) missing or damaged; rerun the set-up command.",
              file=sys.stderr)
        return 1
    return 0


def _download(ref: str) -> int:
    from studio.core.downloads import DownloadError, download, plan
    from studio.core.paths import settings_path
    from studio.core.settings import SettingsStore

    settings = SettingsStore(settings_path()).load()
    what = plan(ref)  # bad references fail before anything is printed
    print(f"Downloading {what.repo} (safe formats only)…", file=sys.stderr, flush=True)
    try:
        local = download(ref, endpoint=settings.hf_endpoint, offline=settings.offline)
    except DownloadError as exc:  # network or hub trouble: a runtime failure (exit 1)
        raise CliError(str(exc)) from exc
    except KeyboardInterrupt:
        print(f"Download of {what.repo} interrupted: run the same command again to resume it "
              "(files already downloaded are kept).", file=sys.stderr)
        return 130
    print(local.main_path)
    return 0


def run(args: argparse.Namespace) -> int:
    if args.models_command == "list":
        return _list(args)
    if args.models_command == "verify":
        return _verify()
    if args.models_command == "download":
        return _download(args.ref)
    raise CliError(f"unknown models action {args.models_command!r}")
