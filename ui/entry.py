"""The `uppdrag` program: a command runs headless through app.cli; anything else starts the app.

Qt is imported only on the way to the GUI, so `uppdrag list` and friends run
on machines without a display and start fast. The usual start, with no argument,
does not load the command line (app.cli and its parser) either.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path


def gui_arguments(argv: list[str]) -> tuple[Path | str | None, list[str]]:
    """The file (or team server address) to open, if any, and the arguments left for Qt."""
    return gui_start(argv)[:2]


def gui_start(argv: list[str]) -> tuple[Path | str | None, list[str], str | None]:
    """gui_arguments, and the language `--lang` names for this start (None: the window's own)."""
    if not argv:  # the usual start, from a menu or an icon: nothing to parse (argparse takes a few ms)
        return None, [], None
    from app import cli
    from app.i18n import speaking

    with speaking(cli.language_of(argv)):  # --help and a wrong argument are said in that language
        args, qt_args = cli.gui_parser().parse_known_args(argv)
    return args.db or args.path, qt_args, args.lang


def before_qt() -> None:
    """What start-up does before PySide6 is loaded.

    The cyclic garbage collector goes off: start-up makes a great many objects and
    frees few, so it would only walk them over and over (ui.main.run switches it on
    once the window is up). And what start-up needs from app/ and db/ (the store,
    its models, sharing) is loaded now: once PySide6 is loaded, its import hook
    reads the source of every module imported after it, looking for
    `from __feature__ import`, which peewee and the models do not need. So are the
    other Qt-free parts the first window uses: the plan list's (app.plans and the
    search index), the editor's date words, the menus' export formats and the
    team server's address test.
    """
    gc.disable()
    import app.date_text
    import app.exporters
    import app.plans
    import app.search_index
    import app.sharing
    import app.startup
    import app.team
    import app.workspace  # noqa: F401


def start_gui(argv: list[str]) -> int:
    path, qt_args, language = gui_start(argv)
    before_qt()
    from ui.main import run

    return run(path, qt_args, language=language)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv:  # no argument is neither a command nor a mistyped one
        from app import cli

        if cli.is_command(argv):
            return cli.main(argv)
        mistyped = cli.unknown_command(argv)
        if mistyped is not None:
            sys.stderr.write(mistyped)
            return 2
    try:
        return start_gui(argv)
    except Exception as exc:
        from app.cli import USER_ERRORS

        if not isinstance(exc, USER_ERRORS):
            raise
        print(f"uppdrag: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
