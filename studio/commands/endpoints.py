"""`aigc-studio endpoints list|add|remove|test`, and the ``--endpoint``/``--api-key-env``
options of write, transcribe, speak and paint.

``--endpoint NAME|URL`` runs the job on that server: ``--model`` is then the server's
model id (left out: the first model the server lists for the task).  ``--api-key-env
VAR`` reads the key from that environment variable for this run only (a key on the
command line would show in ``ps`` and the shell history, so there is no option for
that); ``endpoints add --api-key-env VAR`` stores it in the keyring instead.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys

from studio.commands import CliError, print_json
from studio.core.jobs import UserError

_chosen: dict[tuple[str, str], str] = {}  # (endpoint, task) -> model picked from its list


def remote_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--endpoint", metavar="NAME|URL",
                        help="run on this OpenAI-compatible server (see: endpoints list); "
                        "--model is then the server's model id")
    parser.add_argument("--api-key-env", metavar="VAR",
                        help="the endpoint's API key is in this environment variable")


def _key_from_env(var: str) -> str:
    value = os.environ.get(var, "").strip()
    if not value:
        raise UserError(f"the environment variable {var} (--api-key-env) is not set or empty")
    return value


def with_endpoint(request, args: argparse.Namespace, task: str, default_model: str):
    """``request`` run on ``--endpoint`` (unchanged without it)."""
    spec = getattr(args, "endpoint", None)
    if getattr(args, "api_key_env", None) and not spec:
        raise UserError("--api-key-env needs --endpoint")
    if not spec:
        return request
    from studio.core import endpoints

    if args.api_key_env:
        endpoints.use_key(spec, _key_from_env(args.api_key_env))
    model = request.model
    if model == default_model:  # not chosen: the server's first model for the task
        model = _chosen.get((spec, task)) or _first_model(spec, task)
        _chosen[(spec, task)] = model
    return dataclasses.replace(request, endpoint=spec, model=model)


def _first_model(spec: str, task: str) -> str:
    from studio.core import endpoints

    found = endpoints.probe(spec)
    if found.error is not None:
        raise CliError(str(found.error))
    models = [m.id for m in found.models if m.task == task]
    if not models:
        listed = ", ".join(m.id for m in found.models) or "none"
        raise UserError(f"{spec} lists no model for {task} ({listed}); choose one with --model")
    print(f"note: using {models[0]} on {spec} (choose another with --model)", file=sys.stderr)
    return models[0]


def add_parser(sub) -> None:
    e = sub.add_parser("endpoints", help="OpenAI-compatible inference servers to run on")
    esub = e.add_subparsers(dest="endpoints_command", metavar="ACTION", required=True)
    el = esub.add_parser("list", help="the endpoints, with where each key is kept")
    el.add_argument("--json", action="store_true", help="print one JSON object")
    ea = esub.add_parser("add", help="add or replace an endpoint")
    ea.add_argument("name", help="a short name: letters, digits, . _ -")
    ea.add_argument("url", help="base URL, e.g. http://gpu-box:8000/v1")
    ea.add_argument("--timeout", type=float, default=None, metavar="S",
                    help="seconds to wait for the server (default 120)")
    ea.add_argument("--no-verify-tls", action="store_true",
                    help="accept a self-signed certificate (only on a network you trust)")
    ea.add_argument("--allow-plain-http", action="store_true",
                    help="confirm sending the key over plain HTTP to another machine")
    ea.add_argument("--api-key-env", metavar="VAR",
                    help="store the key held in this environment variable (OS keyring)")
    ea.add_argument("--api-key-stdin", action="store_true", help="read the key from stdin")
    er = esub.add_parser("remove", help="forget an endpoint and its key")
    er.add_argument("name")
    et = esub.add_parser("test", help="list the server's models and time the answer")
    et.add_argument("name", nargs="?", help="an endpoint name or URL (default: all)")
    et.add_argument("--api-key-env", metavar="VAR", help="use the key in this variable")
    et.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from studio.core import endpoints

    store = endpoints.EndpointStore()
    items = store.load()
    if store.warning:
        print(f"note: {store.warning}", file=sys.stderr)
    action = args.endpoints_command
    if action == "list":
        return _list(items, args.json)
    if action == "add":
        return _add(store, items, args)
    if action == "remove":
        if not any(e.name == args.name for e in items):
            raise UserError(f"there is no endpoint named {args.name}")
        store.save([e for e in items if e.name != args.name])
        endpoints.delete_key(args.name)
        print(f"removed {args.name}", file=sys.stderr)
        return 0
    return _test(items, args)


def _list(items, json_out: bool) -> int:
    from studio.core import endpoints

    rows = [{**dataclasses.asdict(e), "key": endpoints.key_status(e.name).where or None}
            for e in items]
    if json_out:
        print_json({"endpoints": rows})
        return 0
    if not rows:
        print("no endpoints (add one: aigc-studio endpoints add NAME URL)", file=sys.stderr)
    for row in rows:
        flags = [f"timeout {row['timeout_s']:g} s", f"key: {row['key'] or 'none'}"]
        if not row["verify_tls"]:
            flags.append("TLS not verified")
        if row["allow_plain_http"]:
            flags.append("plain HTTP allowed")
        print(f"{row['name']}\t{row['base_url']}\t{', '.join(flags)}")
    return 0


def _add(store, items, args: argparse.Namespace) -> int:
    from studio.core import endpoints

    kwargs = {"timeout_s": args.timeout} if args.timeout is not None else {}
    endpoint = endpoints.check(endpoints.Endpoint(
        args.name, args.url, verify_tls=not args.no_verify_tls,
        allow_plain_http=args.allow_plain_http, **kwargs))
    key = None
    if args.api_key_env:
        key = _key_from_env(args.api_key_env)
    elif args.api_key_stdin:
        key = sys.stdin.readline().strip()
        if not key:
            raise UserError("no key on stdin")
    if endpoints.needs_confirmation(endpoint, bool(key)):
        raise UserError(f"{endpoint.base_url} is plain HTTP to another machine: the key would "
                        "travel unencrypted. Use https, or add --allow-plain-http to confirm.")
    store.save([e for e in items if e.name != endpoint.name] + [endpoint])
    if key:
        status = endpoints.save_key(endpoint.name, key)
        if status.warning:
            print(f"warning: {status.warning}", file=sys.stderr)
    print(f"saved {endpoint.name} ({endpoint.base_url})", file=sys.stderr)
    return 0


def _test(items, args: argparse.Namespace) -> int:
    from studio.core import endpoints

    names = [args.name] if args.name else [e.name for e in items]
    if not names:
        raise UserError("no endpoints to test (add one: aigc-studio endpoints add NAME URL)")
    key = _key_from_env(args.api_key_env) if args.api_key_env else None
    results = [endpoints.probe(name, key) for name in names]
    if args.json:
        print_json({"endpoints": [{
            "endpoint": p.endpoint, "latency_s": p.latency_s,
            "error": None if p.error is None else str(p.error),
            "models": [dataclasses.asdict(m) for m in p.models]} for p in results]})
    else:
        for p in results:
            if p.error is not None:
                print(f"{p.endpoint}: {p.error}")
                continue
            print(f"{p.endpoint}: {len(p.models)} model(s), {1000 * p.latency_s:.0f} ms")
            for m in p.models:
                print(f"  {m.id}\t{m.task or '-'}")
    return 1 if any(p.error is not None for p in results) else 0
