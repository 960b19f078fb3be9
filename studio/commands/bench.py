"""`aigc-studio bench`: engine speed against the plain library calls (see bench/)."""

from __future__ import annotations

import argparse
import json
import sys


def run(args: argparse.Namespace) -> int:
    from bench import writing

    print("Benchmarking writing (engine vs plain library, interleaved)…", file=sys.stderr)
    report = {"writing": writing.run(quick=args.quick)}
    if args.json:
        from studio.cli import print_json

        print_json(report)
    else:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0
