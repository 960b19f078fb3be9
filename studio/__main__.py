"""Entry point: ``aigc-studio`` / ``python -m studio``.

No subcommand opens the desktop app; a subcommand runs the headless CLI,
which never imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from studio.cli import build_parser, run_command

    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run_command(args)
    from studio.ui.app import run_gui

    return run_gui(screenshot=args.screenshot, tab=args.tab)


if __name__ == "__main__":
    sys.exit(main())
