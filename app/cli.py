"""The `uppdrag` command line, on the same services as the GUI.

It speaks the window's language: the one the window was last set to (app.language_setting), or
the one `--lang sv|en` names before the command. Exit codes: 0 success, 1 a user error (said on
stderr, never a traceback), 2 wrong usage. Commands import neither Qt nor python-docx unless
they need them: `uppdrag list` must start fast and run headless.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.argparse_sv import SwedishParser
from app.command_files import add_break_lock_option, close_file, open_file, tell
from app.export.result import ExportError
from app.i18n import LANGUAGES, speaking, tr
from app.language_setting import LANG_OPTION, language_of, split_language
from app.network_paths import is_network_path
from app.team import location
from db.errors import StoreError, database_error_text

USER_ERRORS: tuple[type[BaseException], ...] = (StoreError, ExportError, LookupError, ValueError, OSError)



def _version() -> str:
    from app.version import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    parser = SwedishParser(
        prog="uppdrag",
        description=tr("Uppdrag: uppdragsdirektiv, uppdragsplaner, projektdirektiv och projektplaner."),
    )
    parser.add_argument("--version", action="version", version=f"uppdrag {_version()}")
    parser.add_argument(LANG_OPTION, choices=LANGUAGES, metavar=tr("SPRÅK"),
                        help=tr("språket att skriva på: sv eller en (annars programmets inställda språk)"))
    sub = parser.add_subparsers(dest="command", metavar=tr("KOMMANDO"), parser_class=SwedishParser)

    for add in (_add_file_commands, _add_exchange_commands, _add_report_commands, _add_anonymise):
        add(sub)
    from app import sharing_commands, team_commands  # copy, merge, …; the team server (PostgreSQL)

    sharing_commands.add_commands(sub)
    team_commands.add_commands(sub)
    return parser


def _add_file_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """A new file, and the list of its plans."""
    p = sub.add_parser("init", help=tr("skapa en ny databasfil"))
    p.add_argument("file", type=Path, metavar=tr("FIL"))
    p.add_argument("--examples", action="store_true", help=tr("lägg till exempelplanerna"))

    p = sub.add_parser("list", help=tr("lista planerna i en fil"))
    p.add_argument("file", type=location, metavar=tr("FIL"))
    p.add_argument("--json", action="store_true", help=tr("skriv listan som JSON"))


def _add_exchange_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Plans and lists in from other files, and out to Word, PDF, calendars, spreadsheets and MS Project."""
    p = sub.add_parser("import", help=tr("importera en plan (.json, MS Project-XML .xml) eller en aktivitets- eller risklista (.csv, .xlsx)"))
    p.add_argument("file", type=location, metavar=tr("FIL"))
    p.add_argument("plan_file", type=Path, metavar=tr("INFIL"))
    p.add_argument("--plan", dest="plan", metavar=tr("PLAN"), help=tr(".csv/.xlsx: planen som listan läses in i"))
    p.add_argument("--lista", dest="table", choices=("aktiviteter", "risker"),
                   help=tr(".csv/.xlsx: vilken lista filen har (annars av kolumnnamnen)"))
    p.add_argument("--blad", dest="sheet", metavar=tr("NAMN"), help=tr(".xlsx: bladet att läsa (annars det första)"))
    add_break_lock_option(p)

    p = sub.add_parser("export", help=tr("exportera en plan (.json, .docx, .pdf, .xlsx, .ics, .csv, .xml)"))
    p.add_argument("file", type=location, metavar=tr("FIL"))
    p.add_argument("plan", metavar=tr("PLAN"), nargs="?", help=tr("planens id, uuid eller diarienummer"))
    p.add_argument("--portfolj", dest="portfolio", action="store_true",
                   help=tr("alla planer i filen i stället för en (.ics, .xlsx)"))
    p.add_argument("--med-aktiviteter", dest="activities", action="store_true",
                   help=tr("kalender (.ics): aktiviteterna också, inte bara beslutspunkter och milstolpar"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar=tr("UT"))
    p.add_argument("--utan-kontaktuppgifter", dest="no_contacts", action="store_true",
                   help=tr("utan personernas e-post, telefon och anteckningar (alla format)"))
    p.add_argument("--med-checklistor", dest="checklists", action="store_true",
                   help=tr("Word: beslutspunkternas besvarade checklistor som bilaga"))
    p.add_argument("--andringar-sedan", dest="changes_since", metavar=tr("UTGÅVA"),
                   help=tr("Word/PDF: bilagan ”Ändringar sedan utgåva UTGÅVA”"))
    p.add_argument("--kontroll", dest="registrar", action="store_true",
                   help=tr("lista det en registrator skulle skicka tillbaka (slutkod 1 om något listas)"))
    p.add_argument("--lista", dest="table", choices=("aktiviteter", "risker"), default="aktiviteter",
                   help=tr(".csv: aktivitetslistan (standard) eller riskregistret"))


def _add_report_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """What a file says: the resource load, its check, a plan's changes and history, the overview."""
    p = sub.add_parser("resources", help=tr("visa resursbelastningen per person och månad"))
    p.add_argument("file", type=location, metavar=tr("FIL"))
    p.add_argument("--json", action="store_true", help=tr("skriv tabellen som JSON"))
    p.add_argument("--from", dest="from_month", metavar=tr("ÅÅÅÅ-MM"), help=tr("första månaden"))
    p.add_argument("--to", dest="to_month", metavar=tr("ÅÅÅÅ-MM"), help=tr("sista månaden"))

    p = sub.add_parser("check", help=tr("kontrollera en fil"))
    p.add_argument("file", type=location, metavar=tr("FIL"))

    p = sub.add_parser("diff", help=tr("visa vad som ändrats i en plan sedan en utgåva"))
    p.add_argument("file", type=location, metavar=tr("FIL"))
    p.add_argument("plan", metavar=tr("PLAN"), help=tr("planens id, uuid eller diarienummer"))
    p.add_argument("--from", dest="from_label", metavar=tr("UTGÅVA"), help=tr("utgåvan att jämföra från (standard: den senaste)"))
    p.add_argument("--to", dest="to_label", metavar=tr("UTGÅVA"), help=tr("utgåvan att jämföra till (standard: planen som den är nu)"))
    p.add_argument("--json", action="store_true", help=tr("skriv ändringarna som JSON"))

    p = sub.add_parser("history", help=tr("visa vem som ändrat vad och när i en plan"))
    p.add_argument("file", type=location, metavar=tr("FIL"))
    p.add_argument("plan", metavar=tr("PLAN"), help=tr("planens id, uuid eller diarienummer"))
    p.add_argument("--json", action="store_true", help=tr("skriv historiken som JSON"))

    p = sub.add_parser("overview", help=tr("översikten över alla planer (Portföljrapport)"))
    p.add_argument("file", type=location, metavar=tr("FIL"))
    p.add_argument("--period", metavar=tr("PERIOD"), help=tr("ett år (2026) eller ett tertial (2026 T2)"))
    p.add_argument("-o", "--output", type=Path, metavar=tr("UT"), help=tr("skriv Portföljrapporten (.xlsx, .docx eller .pdf)"))
    p.add_argument("--json", action="store_true", help=tr("skriv översikten som JSON"))


def _add_anonymise(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """A person's details taken out of the whole file."""
    p = sub.add_parser("anonymise", help=tr("ta bort en persons namn, e-post och telefon ur hela filen"))
    p.add_argument("file", type=Path, metavar=tr("FIL"))
    p.add_argument("person", metavar=tr("PERSON"), help=tr("personens id, uuid eller namn (eller ett namn som bara står i text)"))
    p.add_argument("--forhandsgranska", dest="dry_run", action="store_true",
                   help=tr("visa bara var namnet står, ändra inget"))
    p.add_argument("--med-sakerhetskopior", dest="copies", action="store_true",
                   help=tr("ta bort uppgifterna också ur filens automatiska säkerhetskopior och ångra-kopior"))
    add_break_lock_option(p)


def cmd_init(args: argparse.Namespace) -> int:
    from app.plans import add_examples
    from app.workspace import Workspace

    if is_network_path(args.file):
        from app.network_open import create_network

        ws = create_network(args.file)
    else:
        ws = Workspace.create(args.file)
    try:
        ids = add_examples(ws) if args.examples else []
    finally:
        close_file(ws)
    print(tr("Skapade {file} med {count} exempelplaner.", file=args.file, count=len(ids)) if ids else
          tr("Skapade {file}.", file=args.file))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.plans import list_plans

    ws = open_file(args.file, read_only=True)
    try:
        plans = list_plans(ws)
        damage = ws.store.damage_message()  # list_plans read only what it showed: check the whole file
    finally:
        close_file(ws)
    if damage:
        print(f"uppdrag: {damage}", file=sys.stderr)
    if args.json:
        print(json.dumps([p.as_json() for p in plans], ensure_ascii=False, indent=2))
        return 0
    if not plans:
        print(tr("Filen innehåller inga planer."))
    edition = tr("utg.")
    for p in plans:
        print(f"{p.id:>4}  {p.doc_type:<17} {p.diarienummer or '-':<14} {edition} {p.edition:<5} {p.title}")
    return 0


TABLE_WORDS = {"aktiviteter": "activities", "risker": "risks"}


def cmd_import(args: argparse.Namespace) -> int:
    from app.importers import TABLE_FORMATS, TableChoice, import_file
    from app.plans import find_plan
    from app.sharing import open_for_writing

    table_file = args.plan_file.suffix.lower() in TABLE_FORMATS
    if table_file and not args.plan:
        print(tr("uppdrag import: ange planen som {name} ska läsas in i med --plan PLAN.", name=args.plan_file.name),
              file=sys.stderr)
        return 2
    ws = tell(open_for_writing(args.file, break_stale=args.break_lock))
    try:
        choice = TableChoice(find_plan(ws, args.plan) if table_file else None,
                             TABLE_WORDS.get(args.table or ""), args.sheet)
        outcome = import_file(ws, args.plan_file, choice)
    finally:
        close_file(ws)
    if table_file:
        print(tr("Läste {name} in i plan {plan}:", name=args.plan_file.name, plan=outcome.plan_id))
        for line in outcome.lines:
            print(line)
    else:
        print(tr("Uppdaterade plan {plan} från {name}.", plan=outcome.plan_id, name=args.plan_file.name) if outcome.existed
              else tr("Importerade plan {plan} från {name}.", plan=outcome.plan_id, name=args.plan_file.name))
        for line in outcome.lines:  # an MS Project file's summary of what it held
            print(line)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.exporters import export_plan, export_portfolio, registrar_findings
    from app.plans import find_plan

    portfolio = getattr(args, "portfolio", False)
    if (args.plan is None) != portfolio:
        print(tr("uppdrag export: ange antingen PLAN eller --portfolj."), file=sys.stderr)
        return 2
    ws = open_file(args.file, read_only=True)
    try:
        if portfolio:
            outcome = export_portfolio(ws, args.output, without_contacts=getattr(args, "no_contacts", False),
                                       activities=getattr(args, "activities", False))
        else:
            outcome = export_plan(ws, find_plan(ws, args.plan), args.output,
                                  checklists=getattr(args, "checklists", False),
                                  without_contacts=getattr(args, "no_contacts", False),
                                  changes_since=getattr(args, "changes_since", None),
                                  activities=getattr(args, "activities", False),
                                  table=TABLE_WORDS[getattr(args, "table", None) or "aktiviteter"])
        findings = (registrar_findings(ws, find_plan(ws, args.plan))
                    if getattr(args, "registrar", False) and not portfolio else [])
    finally:
        close_file(ws)
    for warning in outcome.warnings:
        print(tr("Varning: {warning}", warning=warning), file=sys.stderr)
    print(tr("Skrev {path}.", path=outcome.path))
    if findings:
        print(tr("Kontroll före diarieföring: en registrator skulle skicka tillbaka dokumentet för"))
        for finding in findings:
            print(f"- {finding}")
        return 1
    if getattr(args, "registrar", False):
        print(tr("Kontroll före diarieföring: inget att anmärka."))
    return 0


def cmd_resources(args: argparse.Namespace) -> int:
    from datetime import date

    from app import load

    ws = open_file(args.file, read_only=True)
    try:
        first = load.parse_month(args.from_month) if args.from_month else None
        last = load.parse_month(args.to_month) if args.to_month else None
        if first is None or last is None:
            span = load.booking_span(ws)
            today = date.today().replace(day=1)
            first = first or (span[0] if span else today)
            year_on = date(first.year + (first.month + 10) // 12, (first.month + 10) % 12 + 1, 1)
            last = last or (span[1] if span and span[1] >= first else year_on)
        table = load.monthly_load(ws, first, last)
    finally:
        close_file(ws)
    if args.json:
        print(json.dumps(table.as_json(), ensure_ascii=False, indent=2))
    else:
        print(load.format_text(table))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app.checks import check_report

    ok, lines = check_report(args.file)
    for line in lines:
        print(line)
    return 0 if ok else 1


def cmd_diff(args: argparse.Namespace) -> int:
    from app.editions import plan_changes
    from app.plan_diff import text_lines
    from app.plans import find_plan

    ws = open_file(args.file, read_only=True)
    try:
        plan_id = find_plan(ws, args.plan)
        uuid = ws.get("plan", plan_id)["uuid"]
        diffs, old, new = plan_changes(ws, plan_id, args.from_label, args.to_label)
    finally:
        close_file(ws)
    if args.json:
        print(json.dumps({"plan": uuid, "from": old, "to": new, "changes": [d.as_json() for d in diffs]},
                         ensure_ascii=False, indent=2))
    else:
        print("\n".join(text_lines(diffs, old_label=old, new_label=new)))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from app.change_history import as_json, plan_history
    from app.plans import find_plan

    ws = open_file(args.file, read_only=True)
    try:
        entries = plan_history(ws, find_plan(ws, args.plan))
    finally:
        close_file(ws)
    print(as_json(entries) if args.json else "\n".join(e.line() for e in entries))
    return 0


def cmd_anonymise(args: argparse.Namespace) -> int:
    from app import anonymise as anon
    from app.sharing import open_for_writing

    ws = tell(open_for_writing(args.file, break_stale=args.break_lock))
    try:
        target = anon.find_target(ws, args.person)
        seen = anon.preview(ws, target)
        count = len(seen.occurrences)
        print(tr("{name} finns på 1 ställe i filen (borttagna rader medräknade):", name=target.name) if count == 1 else
              tr("{name} finns på {count} ställen i filen (borttagna rader medräknade):", name=target.name,
                 count=count))
        for line in seen.lines():
            print(f"- {line}")
        if args.dry_run:
            print(tr("Förhandsgranskning: inget har ändrats."))
            return 0
        outcome = anon.anonymise(ws, target) if not target.already_done else anon.Outcome(target.name, 0)
        copies = anon.anonymise_copies(ws, target) if args.copies else []
        left = [p for p in anon.copies_of(ws) if p.exists()] if not args.copies else []
    finally:
        close_file(ws)
    who = (tr("Personen heter nu ”{label}”.", label=outcome.label) if outcome.label else
           tr("Personen fanns inte i personregistret."))
    if target.already_done:
        print(tr("{name} var redan borttagen ur {file}.", name=target.name, file=args.file.name))
    else:
        print(tr("Personuppgifterna är borttagna ur {file} ({cells} textfält skrivna om, filen omskriven så att inga "
                 "gamla sidor finns kvar). {who} Det går inte att ångra.", file=args.file.name, cells=outcome.cells,
                 who=who))
    if copies:
        print(tr("Också borttagna ur {count} säkerhetskopior och ångra-kopior.", count=len(copies)))
    elif left:
        print(tr("{count} säkerhetskopior och ångra-kopior innehåller fortfarande uppgifterna; kör igen med "
                 "--med-sakerhetskopior för att ta bort dem även där.", count=len(left)))
    return 0


def cmd_overview(args: argparse.Namespace) -> int:
    from app import overview

    period = overview.Period.parse(args.period) if args.period else None
    suffix = args.output.suffix.lower() if args.output else ""
    if args.output is not None and suffix not in overview.REPORT_WRITERS:
        raise ValueError(tr("Portföljrapporten skrivs som .xlsx, .docx eller .pdf, inte ”{suffix}”.",
                            suffix=suffix or tr("(inget)")))
    ws = open_file(args.file, read_only=True)
    try:
        rows = overview.overview(ws, period=period)
    finally:
        close_file(ws)
    if args.output is not None:
        overview.REPORT_WRITERS[suffix](rows, args.output, period=period)
        print(tr("Skrev {path}.", path=args.output))
    elif args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False,
                         indent=2, default=str))
    else:
        for r in rows:
            print(" · ".join(str(c) for c in r.text_cells() if c))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "list": cmd_list,
    "import": cmd_import,
    "export": cmd_export,
    "check": cmd_check,
    "resources": cmd_resources,
    "anonymise": cmd_anonymise,
    "diff": cmd_diff,
    "history": cmd_history,
    "overview": cmd_overview,
}


def _sharing_handler(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app import sharing_commands

        return sharing_commands.HANDLERS[name](args)

    return run


HANDLERS.update({name: _sharing_handler(name) for name in ("copy", "merge", "send", "backups", "restore")})


def _team_handler(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app import team_commands

        return team_commands.HANDLERS[name](args)

    return run


HANDLERS.update({name: _team_handler(name) for name in ("server", "checkout", "sync")})


def gui_parser() -> argparse.ArgumentParser:
    """The arguments that start the app (ui.entry): a file or team server to open, and the language."""
    parser = SwedishParser(prog="uppdrag", description=tr("Starta Uppdrag."))
    parser.add_argument("path", nargs="?", type=location, metavar=tr("FIL"),
                        help=tr("databasfil (eller postgresql://-adress) att öppna"))
    parser.add_argument("--db", type=location, metavar=tr("FIL"), help=tr("databasfil eller teamserver att öppna"))
    parser.add_argument(LANG_OPTION, choices=LANGUAGES, metavar=tr("SPRÅK"),
                        help=tr("fönstrets språk den här gången: sv eller en (annars det inställda)"))
    return parser


def is_command(argv: Sequence[str]) -> bool:
    """Whether argv names a command (or asks for help/version) rather than starting the app."""
    language, rest = split_language(argv)
    if language is None and argv and argv[0].startswith(LANG_OPTION):
        return True  # `--lang` without a language: the parser says which there are
    return bool(rest) and (rest[0] in HANDLERS or rest[0] in ("-h", "--help", "--version"))


FILE_SUFFIXES = (".uppdrag", ".db", ".sqlite")  # what the app opens (and creates) as its files


def unknown_command(argv: Sequence[str]) -> str | None:
    """The answer to a first argument that is neither a command nor a file to open, else None.

    `uppdrag lsit FIL` must not start the app on a file named "lsit" (in a script it would hang):
    a word that names no existing file, no team server and no Uppdrag file is taken as a mistyped
    command, with the nearest command suggested and every command listed."""
    words = split_language(argv)[1]
    if not words or words[0].startswith("-") or words[0] in HANDLERS:
        return None
    word = words[0]
    if isinstance(location(word), str) or Path(word).exists() or Path(word).suffix.lower() in FILE_SUFFIXES:
        return None
    import difflib

    close = difflib.get_close_matches(word, list(HANDLERS), n=1, cutoff=0.7)
    with speaking(language_of(argv)):
        guess = tr(" – menade du ’{command}’?", command=close[0]) if close else ""
        return (tr("uppdrag: okänt kommando ’{word}’{guess}", word=word, guess=guess) + "\n"
                + tr("Kommandon: {commands}.", commands=", ".join(HANDLERS)) + "\n"
                + tr("Ett filnamn öppnas bara om filen finns eller slutar på .uppdrag. Mer: uppdrag --help") + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command in the command line's language; `ui.entry` sends everything else (starting the app) to the GUI."""
    argv = list(sys.argv[1:] if argv is None else argv)
    with speaking(language_of(argv)):
        return _run(argv)


def _run(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return 2
        return HANDLERS[args.command](args)
    except USER_ERRORS as exc:
        print(f"uppdrag: {database_error_text(exc) or exc}", file=sys.stderr)
        return 1
    except RecursionError:
        print(tr("uppdrag: indata är för djupt nästlade för att läsas."), file=sys.stderr)
        return 1
    except Exception as exc:
        text = database_error_text(exc)  # SQLite's errors (a damaged file, invalid UTF-8), in words
        if text is None:
            raise
        print(f"uppdrag: {text}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(tr("uppdrag: avbrutet."), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
