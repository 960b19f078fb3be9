"""`aigc-studio bench`: engine speed against the plain library calls (see studio/bench/).

Without ``--task`` every benchmark runs: each engine against its plain library call
(writing, painting, voice, transcription), start-up (window shown vs importing the ML
stack), the history store (list and search on 10,000 rows), writing through an endpoint,
and last, in a process of its own, the window while each tab runs a real job (event-loop
gaps, cold and warm) with the memory of the engine host per engine and of the window,
and after visiting all four tabs.  ``--task T`` runs T's engine benchmark and its tab.
The machine, versions and date come first.  The report is a readable table, or one JSON
object with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading

from studio.commands import print_json
from studio.core.jobs import UserError

TASKS = ("writing", "painting", "voice", "transcription", "history", "remote")  # with benchmarks
UI_TABS = ("writing", "painting", "voice", "transcription")


def _ui_responsiveness(quick: bool, tabs: tuple[str, ...] = UI_TABS) -> dict:
    """The window while ``tabs`` work: {"ui": ..., "memory": ..., ["memory_all_tabs": ...]}."""
    # Its own process: the CLI never imports Qt.  Its progress lines ("UI: ...") are passed on.
    cmd = [sys.executable, "-m", "studio.bench.ui_responsiveness", "--tabs", ",".join(tabs)]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with subprocess.Popen(cmd + (["--quick"] if quick else []), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env) as proc:
        captured: list[str] = []  # stdout read beside stderr, so neither pipe fills up
        out = threading.Thread(target=lambda: captured.append(proc.stdout.read()))
        out.start()
        tail: list[str] = []
        for line in proc.stderr:
            if line.startswith("UI: "):
                print(f"Benchmarking the window: {line[4:].strip()}", file=sys.stderr)
            tail = (tail + [line.strip()])[-20:]
        out.join()
    if proc.returncode != 0:
        return {"ui": {"error": next((t for t in reversed(tail) if t), "failed")}}
    return json.loads(captured[0].strip().splitlines()[-1])


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
    from studio.bench.machine import describe

    report: dict = {"machine": describe()}
    if task in (None, "writing"):
        print("Benchmarking writing (engine vs plain library, interleaved)…", file=sys.stderr)
        report["writing"] = writing.run(quick=args.quick)
        if task is None:
            print("Benchmarking start-up (window shown vs importing the ML stack)…",
                  file=sys.stderr)
            report["startup"] = startup.run(quick=args.quick)
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
    tabs = UI_TABS if task is None else tuple(t for t in UI_TABS if t == task)
    if tabs:
        print(f"Benchmarking the window while {', '.join(tabs)} work (event-loop gaps, memory)…",
              file=sys.stderr)
        report.update(_ui_responsiveness(args.quick, tabs))
    if args.json:
        print_json(report)
    else:
        sys.stdout.write(format_report(report))
    return 0
