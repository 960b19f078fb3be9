"""`aigc-studio models list|download|verify|remove|token`."""

from __future__ import annotations

import argparse
import sys
import time

from studio.commands import CliError, print_json
from studio.core import catalog, models
from studio.core.catalog import CatalogEntry


def add_parser(sub) -> None:
    m = sub.add_parser("models", help="list, download, verify or remove models")
    msub = m.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    ml = msub.add_parser("list", help="the catalogue with its status on this machine")
    ml.add_argument("--task", choices=catalog.TASKS, help="only this task's models")
    ml.add_argument("--json", action="store_true", help="print one JSON object")
    md = msub.add_parser("download", help="download hub models (safe formats only; resumes)")
    md.add_argument("refs", nargs="+", metavar="REF",
                    help="catalogue id, hub repo id (owner/name) or a .gguf/.safetensors URL")
    md.add_argument("--endpoint", metavar="URL",
                    help="hub or mirror to use this time (default: the settings' hf_endpoint)")
    md.add_argument("--offline", action="store_true",
                    help="refuse any network use (as the settings' Offline switch)")
    mv = msub.add_parser("verify", help="re-check every byte of built-in and downloaded models")
    mv.add_argument("refs", nargs="*", metavar="REF", help="only these models")
    mr = msub.add_parser("remove", help="delete a downloaded model from the cache")
    mr.add_argument("refs", nargs="+", metavar="REF")
    mt = msub.add_parser("token", help="store the hub access token (read from stdin) for gated "
                         "models, in the system keyring when there is one")
    mt.add_argument("--clear", action="store_true", help="forget the stored token")


def _hub_state(entry: CatalogEntry) -> str:
    from studio.core import downloads, hub

    try:
        return downloads.state(entry.id, hub.current()).state
    except Exception:  # an unreadable cache: "not here"
        return downloads.MISSING


def status(entry: CatalogEntry, rehash: bool = False) -> dict:
    """One catalogue row; ``rehash`` reads every byte of a built-in model's files.

    Without it the size/mtime stamps of earlier checks are trusted (the fast check
    that start-up and ``models list`` use).
    """
    row = {
        "id": entry.id, "name": entry.name, "task": entry.task, "engine": entry.engine,
        "source": entry.source, "size_mb": entry.size_mb, "license": entry.license,
        "default": entry.default, "repo": entry.repo or None, "cpu": entry.cpu,
        "languages": list(entry.languages),
    }
    if entry.bundled:
        checks = models.check_bundled(entry, rehash=rehash)
        row["installed"] = all(c.problem != "not installed" for c in checks)
        row["verified"] = all(c.ok for c in checks)
        row["problems"] = [f"{c.key}: {c.problem}" for c in checks if not c.ok]
        row["state"] = "built_in" if row["verified"] else "damaged"
    else:
        row["state"] = _hub_state(entry)
        row["installed"] = row["state"] in ("downloaded", "cached")
        row["verified"] = None  # `models verify` checks downloaded files against the hub's hashes
    return row


_LABELS = {"built_in": "built in", "damaged": "damaged", "downloaded": "downloaded",
           "cached": "in cache", "partial": "partial (resume it)",
           "not_downloaded": "not downloaded"}


def _list(args: argparse.Namespace) -> int:
    rows = [status(e) for e in catalog.load_catalog() if not args.task or e.task == args.task]
    if args.json:
        print_json({"models": rows})
        return 0
    print(f"{'ID':32} {'TASK':14} {'ENGINE':15} {'SIZE':>8}  {'CPU':3}  STATUS")
    for r in rows:
        state = _LABELS.get(r["state"], r["state"])
        if r["state"] == "built_in":
            state = "built in, verified"
        mark = "*" if r["default"] else " "
        print(f"{r['id'] + mark:32} {r['task']:14} {r['engine']:15} "
              f"{_size(r['size_mb']):>8}  {'yes' if r['cpu'] else 'GPU':3}  {state}")
    print("* default for its task · CPU: runs well without a GPU")
    return 0


def _size(mb: float) -> str:
    return f"{mb / 1000:.1f} GB" if mb >= 1000 else f"{mb:.0f} MB"


def _verify(refs: list[str]) -> int:
    built_in = downloaded = 0
    entries = [e for e in catalog.load_catalog() if not refs or e.id in refs]
    extra = [r for r in refs if catalog.find(r) is None]
    for entry in entries:
        if entry.bundled:
            row = status(entry, rehash=True)  # every byte, whatever the stamps say
            ok, problems = row["verified"], row["problems"]
            built_in += not ok
        elif _hub_state(entry) in ("downloaded", "partial") or entry.id in refs:
            problems = _check_download(entry.id)
            ok = not problems
            downloaded += not ok
        else:
            continue
        print(f"{entry.id}: {'ok' if ok else '; '.join(problems)}", flush=True)
    for ref in extra:
        problems = _check_download(ref)
        downloaded += bool(problems)
        print(f"{ref}: {'ok' if not problems else '; '.join(problems)}", flush=True)
    if built_in:
        print(f"{built_in} built-in model(s) missing or damaged; rerun the set-up command.",
              file=sys.stderr)
    if downloaded:
        print(f"{downloaded} downloaded model(s) missing or damaged: download them again "
              "(aigc-studio models download ID); only the damaged files are fetched.",
              file=sys.stderr)
    return 1 if built_in or downloaded else 0


def _check_download(ref: str) -> list[str]:
    from studio.core import downloads, hub

    state = downloads.state(ref, hub.current()).state
    if state == downloads.MISSING:
        return ["not downloaded"]
    if state == downloads.CACHED:
        return []  # found in the cache, not downloaded by this app: nothing to compare with
    return [f"{name}: damaged or missing" for name in downloads.verify(ref, hub.current())]


class _Bar:
    """Progress on stderr: one redrawn line on a terminal, a line per file otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.shown = 0.0
        self.file = ""

    def __call__(self, p) -> None:
        from studio.core.devices import format_bytes

        now = time.monotonic()
        if p.file != self.file and p.file:
            self.file = p.file
            if not self.tty:
                print(f"  {p.file}", file=sys.stderr, flush=True)
        if not self.tty or now - self.shown < 0.1 or p.state != "downloading":
            return
        self.shown = now
        pct = f"{100 * p.done / p.total:3.0f}%" if p.total else "  ?%"
        speed = f"{format_bytes(int(p.speed))}/s" if p.speed else ""
        eta = f"ETA {p.eta_s:.0f} s" if p.eta_s is not None else ""
        line = f"{pct} {format_bytes(p.done)} / {format_bytes(p.total)} {speed} {eta} {p.file}"
        print(f"\r{line[:110]:110}", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.tty and self.shown:
            print(file=sys.stderr, flush=True)


def _download(args: argparse.Namespace) -> int:
    from studio.core import downloads, hub
    from studio.core.downloads import DownloadError, Progress, plan

    for ref in args.refs:
        what = plan(ref)  # bad references fail before anything is printed
        print(f"Downloading {what.name} (safe formats only)…", file=sys.stderr, flush=True)
        bar = _Bar()
        progress = Progress()
        progress.on_change = lambda p=progress, bar=bar: bar(p)
        try:
            local = downloads.download(ref, endpoint=args.endpoint or "", offline=args.offline,
                                       config=hub.current(), progress=progress)
        except DownloadError as exc:  # network or hub trouble: a runtime failure (exit 1)
            bar.end()
            raise CliError(str(exc)) from exc
        except KeyboardInterrupt:
            bar.end()
            print(f"Download of {what.name} interrupted: run the same command again to resume "
                  "it (files already downloaded are kept).", file=sys.stderr)
            return 130
        bar.end()
        print(local.main_path, flush=True)
    return 0


def _remove(refs: list[str]) -> int:
    from studio.core import downloads, hub
    from studio.core.devices import format_bytes

    for ref in refs:
        freed = downloads.remove(ref, hub.current())
        print(f"Removed {ref} ({format_bytes(freed)} freed).", file=sys.stderr)
    return 0


def _token(args: argparse.Namespace) -> int:
    from studio.core import credentials

    if args.clear:
        credentials.delete_token()
        print("The stored access token was removed.", file=sys.stderr)
        return 0
    if sys.stdin.isatty():
        import getpass

        token = getpass.getpass("Hugging Face access token (not shown): ")
    else:
        token = sys.stdin.readline()
    state = credentials.save_token(token)
    if state.warning:
        print(f"note: {state.warning}", file=sys.stderr)
    else:
        print("The access token is stored in the system keyring.", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    action = args.models_command
    if action == "list":
        return _list(args)
    if action == "verify":
        return _verify(args.refs)
    if action == "download":
        return _download(args)
    if action == "remove":
        return _remove(args.refs)
    if action == "token":
        return _token(args)
    raise CliError(f"unknown models action {action!r}")
