"""Entry point: ``aigc-studio`` / ``python -m studio``.

No subcommand opens the desktop app (optionally with files to open, as a file
manager passes them); a subcommand runs the headless CLI, which never imports Qt.
A first word that is neither a command nor an existing file is a typo, not a
file for the window: it is refused (exit 2) with the nearest command as a hint.
Before a window is made, the screenshot format and the display are checked, so
a bad ``--screenshot`` name or a missing display is one error line, not an abort.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# Suffixes offered in the error for an unsupported --screenshot name (those the app can write).
SCREENSHOT_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tiff", ".ppm")


class _NotGui(Exception):
    """The command line does not fit the GUI's own small grammar."""


class _GuiParser(argparse.ArgumentParser):
    def error(self, message: str):  # no usage dump: the full parser reports real errors
        raise _NotGui(message)


def _parse_gui(argv: list[str]) -> tuple[argparse.Namespace, list[str]] | None:
    from studio.cli import TABS

    gui = _GuiParser(add_help=False)
    gui.add_argument("--screenshot")
    gui.add_argument("--tab", choices=TABS)
    gui.add_argument("files", nargs="*")
    try:
        return gui.parse_known_args(argv)
    except _NotGui:
        return None


def _gui_args(argv: list[str]) -> argparse.Namespace | None:
    """Parse ``[--screenshot OUT] [--tab NAME] [FILE ...]``; None if this is a CLI call."""
    from studio.cli import COMMANDS

    parsed = _parse_gui(argv)
    if parsed is None:
        return None  # let the full parser print the proper error
    known, rest = parsed
    if rest or (known.files and known.files[0] in COMMANDS):
        return None
    return known


def _stray_word(argv: list[str]) -> str | None:
    """The first positional word when it is neither a command nor an existing path."""
    from studio.cli import COMMANDS

    parsed = _parse_gui(argv)
    if parsed is None or not parsed[0].files:
        return None
    word = parsed[0].files[0]
    if word in COMMANDS or os.path.exists(word):
        return None
    return word


def _screenshot_problem(app, path: str) -> str | None:
    """Why ``path`` cannot take a screenshot (an unsupported or missing suffix), or None."""
    if app.screenshot_format(path) is not None:
        return None
    usable = ", ".join(s for s in SCREENSHOT_SUFFIXES if app.screenshot_format("shot" + s))
    suffix = Path(path).suffix
    if suffix:
        return f"cannot write a screenshot as {suffix!r}: use {usable}"
    return f"cannot write a screenshot as {Path(path).name!r} (no suffix): use {usable}"


def _launch(gui: argparse.Namespace) -> int:
    """Open the window: 2 for a bad screenshot name, 1 without a usable display."""
    from studio.cli import print_error
    from studio.ui import app

    if gui.screenshot is not None:
        problem = _screenshot_problem(app, gui.screenshot)
        if problem:
            print_error(problem)
            return 2
    problem = app.check_display()
    if problem:
        print_error(str(problem))
        return 1
    return app.run_gui(screenshot=gui.screenshot, tab=gui.tab, files=gui.files)


def main(argv: Sequence[str] | None = None) -> int:
    from studio.cli import parse_args, print_error, run_command, strip_debug, unknown_command

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--engine-host"]:  # a packaged app starts its engine process this way
        from studio.core.host.server import main as engine_host

        return engine_host(argv[1:])
    plain, _debug = strip_debug(argv)
    word = _stray_word(plain)
    if word is not None:
        print_error(unknown_command(word))
        return 2
    gui = _gui_args(plain)
    if gui is None:
        args = parse_args(argv)
        if args.command is not None:
            return run_command(args)
        gui = argparse.Namespace(screenshot=args.screenshot, tab=args.tab, files=[])
    return _launch(gui)


if __name__ == "__main__":
    sys.exit(main())
