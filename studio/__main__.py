"""Entry point: ``aigc-studio`` / ``python -m studio``.

No subcommand opens the desktop app (optionally with files to open, as a file
manager passes them); a subcommand runs the headless CLI, which never imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _gui_args(argv: list[str]) -> argparse.Namespace | None:
    """Parse ``[--screenshot OUT] [--tab NAME] [FILE ...]``; None if this is a CLI call."""
    from studio.cli import COMMANDS, TABS

    gui = argparse.ArgumentParser(add_help=False)
    gui.add_argument("--screenshot")
    gui.add_argument("--tab", choices=TABS)
    gui.add_argument("files", nargs="*")
    try:
        known, rest = gui.parse_known_args(argv)
    except SystemExit:
        return None  # let the full parser print the proper error
    if rest or (known.files and known.files[0] in COMMANDS):
        return None
    return known


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_args(argv)
    if gui is None:
        from studio.cli import build_parser, run_command

        args = build_parser().parse_args(argv)
        if args.command is not None:
            return run_command(args)
        gui = argparse.Namespace(screenshot=args.screenshot, tab=args.tab, files=[])
    from studio.ui.app import run_gui

    return run_gui(screenshot=gui.screenshot, tab=gui.tab, files=gui.files)


if __name__ == "__main__":
    sys.exit(main())
