"""`aigc-studio bench`: engine speed against the plain library calls (see bench/)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys


def _ui_responsiveness(quick: bool) -> dict:
    # Its own process: the CLI never imports Qt.
    cmd = [sys.executable, "-m", "bench.ui_responsiveness"] + (["--quick"] if quick else [])
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(args: argparse.Namespace) -> int:
    from bench import startup, writing

    report = {}
    print("Benchmarking writing (engine vs plain library, interleaved)…", file=sys.stderr)
    report["writing"] = writing.run(quick=args.quick)
    print("Benchmarking start-up (window shown vs importing the ML stack)…", file=sys.stderr)
    report["startup"] = startup.run(quick=args.quick)
    print("Benchmarking UI responsiveness while the Writing tab works…", file=sys.stderr)
    report["ui"] = _ui_responsiveness(args.quick)
    if args.json:
        from studio.cli import print_json

        print_json(report)
    else:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0
