"""`aigc-studio bench`: engine speed against the plain library calls (see studio/bench/).

Without ``--task`` every benchmark runs: writing (engine vs library), start-up
(window shown vs importing the ML stack), UI responsiveness (the Writing tab's
event loop while it works) and the history store (list and search on 10,000
rows).  ``--task writing`` runs the two about writing, ``--task history`` the last.
The report is a readable table, or one JSON object with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

from studio.commands import print_json
from studio.core.jobs import UserError

TASKS = ("writing", "painting", "voice", "transcription", "history", "remote")  # with benchmarks


def _ui_responsiveness(quick: bool) -> dict:
    # Its own process: the CLI never imports Qt.
    cmd = [sys.executable, "-m", "studio.bench.ui_responsiveness"] + (["--quick"] if quick else [])
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the readable report ------------------------------------------------------------------

def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list | tuple):
        numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        if numbers and len(value) > 3:  # every run's figure: the range reads better (JSON has all)
            return f"{len(value)} runs, {_cell(min(value))}–{_cell(max(value))}"
        if all(not isinstance(v, dict | list | tuple) for v in value):
            return ", ".join(_cell(v) for v in value) or "-"
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _flatten(data: dict, prefix: str = "") -> list[tuple[str, object]]:
    """``{"a": {"b": 1}}`` -> ``[("a.b", 1)]``; lists and scalars stay leaves."""
    rows: list[tuple[str, object]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            rows.extend(_flatten(value, name + "."))
        else:
            rows.append((name, value))
    return rows


def _columns(value: object) -> dict[str, dict] | None:
    """Sibling records to show side by side: a list of dicts, or a dict of 2+ dicts."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        out: dict[str, dict] = {}
        for i, record in enumerate(value, 1):
            key = next((k for k in ("backend", "name", "id") if k in record), None)
            label = str(record[key]) if key is not None else ""
            if not label or label in out:
                label, key = f"#{i}", None
            out[label] = {k: v for k, v in record.items() if k != key}
        return out
    return None


def _pairs(rows: list[tuple[str, object]], indent: str = "  ") -> list[str]:
    width = max(len(k) for k, _ in rows)
    return [f"{indent}{k.ljust(width)}  {_cell(v)}" for k, v in rows]


def _table(title: str, records: dict[str, dict], indent: str = "  ") -> list[str]:
    flat = {label: dict(_flatten(record)) for label, record in records.items()}
    keys: list[str] = []
    for values in flat.values():
        keys.extend(k for k in values if k not in keys)
    cells = [[_cell(flat[label][k]) if k in flat[label] else "" for label in flat] for k in keys]
    key_w = max([len(title), *map(len, keys)])
    widths = [max([len(label), *(len(row[i]) for row in cells)]) for i, label in enumerate(flat)]
    head = indent + title.ljust(key_w) + "".join(
        f"  {label.rjust(w)}" for label, w in zip(flat, widths, strict=True))
    lines = [head.rstrip(), indent + "-" * (len(head) - len(indent))]
    for key, row in zip(keys, cells, strict=True):
        lines.append(indent + key.ljust(key_w) + "".join(
            f"  {cell.rjust(w)}" for cell, w in zip(row, widths, strict=True)))
    return lines


def format_section(name: str, data: object) -> str:
    """One benchmark's results: its plain values, then side-by-side tables of its records.

    Nested dicts of records (``{"llama.cpp": {...}, "transformers": {...}}``) and
    lists of records (``[{"backend": "llama.cpp", ...}, ...]``) become columns; the
    rest is flattened to ``key.sub  value`` rows.
    """
    lines = [name, "=" * len(name)]
    if not isinstance(data, dict):
        data = {"result": data}
    plain: list[tuple[str, object]] = []
    groups: list[tuple[str, dict[str, dict]]] = []
    records = {k: v for k, v in data.items() if isinstance(v, dict) and v}
    if len(records) >= 2:  # siblings such as one dict per backend
        groups.append(("", records))
    for key, value in data.items():
        if key in records and len(records) >= 2:
            continue
        columns = _columns(value)
        if columns is not None:
            groups.append((key, columns))
        elif isinstance(value, dict) and value:
            plain.extend(_flatten(value, f"{key}."))
        else:
            plain.append((key, value))
    if plain:
        lines.extend(_pairs(plain))
    for title, columns in groups:
        lines.append("")
        lines.extend(_table(title, columns))
    return "\n".join(lines)


def format_report(report: dict) -> str:
    return "\n\n".join(format_section(name, data) for name, data in report.items()) + "\n"


# --- the command --------------------------------------------------------------------------

def run(args: argparse.Namespace) -> int:
    task = getattr(args, "task", None)
    if task is not None and task not in TASKS:
        raise UserError(f"There is no benchmark for the {task} task yet "
                        f"(available: {', '.join(TASKS)}).")
    from studio.bench import history, painting, remote, startup, transcription, voice, writing

    report: dict = {}
    if task in (None, "writing"):
        print("Benchmarking writing (engine vs plain library, interleaved)…", file=sys.stderr)
        report["writing"] = writing.run(quick=args.quick)
        if task is None:
            print("Benchmarking start-up (window shown vs importing the ML stack)…",
                  file=sys.stderr)
            report["startup"] = startup.run(quick=args.quick)
        print("Benchmarking UI responsiveness while the Writing tab works…", file=sys.stderr)
        report["ui"] = _ui_responsiveness(args.quick)
    if task in (None, "painting"):
        print("Benchmarking painting (engine vs plain diffusers call, interleaved, with and "
              "without previews)…", file=sys.stderr)
        report["painting"] = painting.run(quick=args.quick)
    if task in (None, "voice"):
        print("Benchmarking voice (engine vs plain Piper/transformers, interleaved)…",
              file=sys.stderr)
        report["voice"] = voice.run(quick=args.quick)
    if task in (None, "transcription"):
        print("Benchmarking transcription (engine vs plain faster-whisper, batched vs "
              "sequential, WER, live chunks)…", file=sys.stderr)
        report["transcription"] = transcription.run(quick=args.quick)
    if task in (None, "history"):
        print("Benchmarking the history store (list and search)…", file=sys.stderr)
        report["history"] = history.run(quick=args.quick)
    if task in (None, "remote"):
        print("Benchmarking writing through an endpoint (engine vs the plain openai client, "
              "same llama.cpp server, interleaved)…", file=sys.stderr)
        report["remote"] = remote.run(quick=args.quick)
    if args.json:
        print_json(report)
    else:
        sys.stdout.write(format_report(report))
    return 0
