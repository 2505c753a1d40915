"""argparse in the command line's language: the help's headings, its own options and its error messages.

argparse writes its texts through gettext in English ("usage:", "positional arguments",
"options", "show this help message and exit", "the following arguments are required").
Rather than install a gettext catalogue for the whole process, the parser here names its
headings and its help option itself (through app.i18n.tr, so in English they are argparse's
own words again) and says its errors in Swedish when the command line speaks Swedish.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from app.i18n import swedish, tr

# argparse's own error messages (Python 3.12–3.14) and what a Swedish user reads instead.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), s) for p, s in (
    (r"^the following arguments are required: (.*)$", "de här argumenten saknas: {0}"),
    (r"^unrecognized arguments: (.*)$", "okända argument: {0}"),
    (r"^argument (.*?): invalid choice: (.*?)(?: \(choose from (.*)\))?$", "argument {0}: ogiltigt val: {1}"),
    (r"^argument (.*?): expected one argument$", "argument {0}: ett värde behövs"),
    (r"^argument (.*?): expected at least one argument$", "argument {0}: minst ett värde behövs"),
    (r"^argument (.*?): expected (.*?) arguments?$", "argument {0}: fel antal värden"),
    (r"^argument (.*?): ignored explicit argument (.*)$", "argument {0}: tar inget värde ({1})"),
    (r"^argument (.*?): invalid (.*?) value: (.*)$", "argument {0}: ogiltigt värde: {2}"),
    (r"^argument (.*?): not allowed with argument (.*)$", "argument {0}: går inte tillsammans med {1}"),
    (r"^ambiguous option: (.*?) could match (.*)$", "flaggan {0} är tvetydig: den kan betyda {1}"),
    (r"^one of the arguments (.*) is required$", "ett av argumenten {0} behövs"),
))


def swedish_error(message: str) -> str:
    """argparse's English error message in Swedish (a message of our own passes unchanged)."""
    for pattern, said in _ERRORS:
        match = pattern.match(message)
        if match:
            return said.format(*match.groups())
    return message


class SwedishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, tr("användning: ") if prefix is None else prefix)


class SwedishParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in the command line's language; its subparsers are too."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", SwedishHelpFormatter)
        kwargs["add_help"] = False  # its own -h, with a Swedish help text, below
        super().__init__(*args, **kwargs)
        self._positionals.title = tr("argument")
        self._optionals.title = tr("flaggor")
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=tr("visa den här hjälpen och avsluta"))

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") == "version":
            kwargs.setdefault("help", tr("visa programmets version och avsluta"))
        return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", SwedishParser)
        kwargs.setdefault("title", tr("kommandon"))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:  # argparse exits 2: wrong usage
        self.print_usage(sys.stderr)
        said = swedish_error(message) if swedish() else message
        self.exit(2, tr("{prog}: fel användning: {message}", prog=self.prog, message=said) + "\n")
