"""`aigc-studio history list|show|rerun|delete|favourite`: the results the app and CLI made."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from studio.commands import CliError, open_store, paint, print_json, speak, transcribe, write
from studio.core.history import Entry, HistoryError, request_from_entry
from studio.core.jobs import UserError


def _when(entry: Entry) -> str:
    return dt.datetime.fromtimestamp(entry.created).strftime("%Y-%m-%d %H:%M")


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _found(store, rid: int) -> Entry:
    entry = store.get(rid)
    if entry is None:
        raise UserError(f"There is no result {rid} in the history "
                        "(aigc-studio history list shows them).")
    return entry


def _list(store, args: argparse.Namespace) -> int:
    filters = {"task": args.task, "search": args.search,
               "favourite": True if args.favourites else None}
    entries = store.list(**filters, limit=args.limit)
    total = store.count(**filters)
    if args.json:
        print_json({"entries": [e.to_dict() for e in entries], "total": total})
        return 0
    for e in entries:
        marks = ("*" if e.favourite else " ") + ("!" if e.missing_files() else " ")
        status = "" if e.status == "done" else f" ({e.status})"
        print(f"{e.id:>6} {marks} {_when(e)}  {e.task:<13}  "
              f"{_cut(e.title, 48)}{status}  [{_cut(e.model, 32)}]")
    print(f"{len(entries)} of {total} result(s); * favourite, ! files missing", file=sys.stderr)
    return 0


def _show(store, args: argparse.Namespace) -> int:
    e = _found(store, args.id)
    children = [c.id for c in store.children(e.id)]
    if args.json:
        print_json({**e.to_dict(), "children": children})
        return 0
    missing = set(e.missing_files())
    rows = [
        ("result", f"{e.id} ({e.task}, {e.status}{', favourite' if e.favourite else ''})"),
        ("date", dt.datetime.fromtimestamp(e.created).strftime("%Y-%m-%d %H:%M:%S")),
        ("model", e.model),
        ("made from", ", ".join(map(str, e.parents))),
        ("used by", ", ".join(map(str, children))),
        ("tags", ", ".join(e.tags)),
        ("timings", ", ".join(f"{k} {v}" for k, v in e.timings.items())),
        *(("file", f + (" (missing)" if f in missing else "")) for f in e.files),
    ]
    for name, value in rows:
        if value:
            print(f"{name + ':':<11}{value}")
    print(f"request:   {json.dumps(e.request, ensure_ascii=False, indent=2)}")
    for name, text in (("prompt", e.prompt), ("text", e.text)):
        if text:
            print(f"\n--- {name} ---\n{text}")
    return 0


def _rerun(store, args: argparse.Namespace) -> int:
    """Run the stored (resolved) request again; the new result is recorded as made from it."""
    e = _found(store, args.id)
    rerun = RERUNS.get(e.task)
    if rerun is None:
        raise UserError(f"Re-running {e.task} results is not supported yet in this version.")
    request = request_from_entry(e)
    return rerun(store, e, request, args)


def _rerun_writing(store, e: Entry, request, args: argparse.Namespace) -> int:
    store.close()  # the engine may run for minutes; the result opens the history again
    return write.generate(request, json_out=args.json, debug=getattr(args, "debug", False),
                          parents=(e.id,))


def _rerun_voice(store, e: Entry, request, args: argparse.Namespace) -> int:
    out = store.new_output_path("voice", e.title or request.text, ".wav")
    srt = out.with_suffix(".srt")
    store.close()
    return speak.speak(request, out, srt, None, json_out=args.json,
                       debug=getattr(args, "debug", False), parents=(e.id,))


def _rerun_transcription(store, e: Entry, request, args: argparse.Namespace) -> int:
    store.close()
    options = argparse.Namespace(json=args.json, no_history=False, parents=(e.id,),
                                 debug=getattr(args, "debug", False))
    return transcribe.transcribe_one(options, request.audio, "json" if args.json else "txt",
                                     None, request=request)


def _rerun_painting(store, e: Entry, request, args: argparse.Namespace) -> int:
    out = store.new_output_path("painting", e.title or request.prompt, ".png")
    out.unlink(missing_ok=True)  # a batch numbers its files from this name
    store.close()
    return paint.paint(request, out, json_out=args.json, debug=getattr(args, "debug", False),
                       parents=(e.id,))


RERUNS = {"writing": _rerun_writing, "voice": _rerun_voice,
          "transcription": _rerun_transcription, "painting": _rerun_painting}


def _delete(store, args: argparse.Namespace) -> int:
    _found(store, args.id)
    gone = store.delete(args.id, delete_files=args.files)
    print(f"Deleted result {args.id}" + (f" and {len(gone)} file(s)." if args.files else "."))
    return 0


def _favourite(store, args: argparse.Namespace) -> int:
    if not store.set_favourite(args.id, not args.off):
        _found(store, args.id)
    print(f"Result {args.id} {'is no longer' if args.off else 'is now'} a favourite.")
    return 0


ACTIONS = {"list": _list, "show": _show, "rerun": _rerun, "delete": _delete,
           "favourite": _favourite}


def run(args: argparse.Namespace) -> int:
    try:
        store = open_store()
        try:
            return ACTIONS[args.history_command](store, args)
        finally:
            store.close()
    except HistoryError as exc:
        raise CliError(str(exc)) from exc
