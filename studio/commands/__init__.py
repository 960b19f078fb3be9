"""The headless CLI's subcommands: one module per command, each with ``run(args) -> int``.

Shared helpers live here so the command modules and ``studio.cli`` can import
them at module level without a cycle.  Command modules must stay cheap to
import (``studio.cli`` imports all of them on every call): heavy libraries are
imported inside functions.
"""

from __future__ import annotations

import json
import sys
from typing import NoReturn


class CliError(Exception):
    """A runtime failure already phrased for the user (exit code 1)."""


def print_json(obj: object) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()


def open_store():
    """The user's history (``HistoryStore``); a warning it has (a damaged file set aside, a
    newer version's file) is printed on stderr.  Raises ``HistoryError``."""
    from studio.core.history import HistoryStore
    from studio.core.paths import history_path, outputs_dir

    store = HistoryStore(history_path(), outputs_dir())
    if store.warning:
        print(f"note: {store.warning}", file=sys.stderr)
    return store


def configure_hub() -> None:
    """Model resolution and downloads follow the settings (cache folder, mirror, offline,
    opt-ins), as in the window: read once per command from the settings file."""
    from studio.core import hub
    from studio.core.paths import settings_path
    from studio.core.settings import SettingsStore

    hub.configure(SettingsStore(settings_path()).load().hub_config())


def fail(event, debug: bool = False) -> NoReturn:
    """A job's ``Failed`` event as the CLI's error: bad input (exit 2) or a runtime failure
    (exit 1, with the engine's own traceback under ``--debug``)."""
    from studio.core.jobs import UserError

    if event.user_error:
        raise UserError(event.message)
    if debug and event.detail:
        print(event.detail, file=sys.stderr)
    raise CliError(event.message)
