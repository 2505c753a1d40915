"""The command line's sharing commands: uppdrag copy, merge, send, backups and restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.command_files import add_break_lock_option, tell, written_back_or_raise
from app.i18n import tr
from app.network_paths import is_network_path
from app.sharing import close_shared, merge_from, open_for_editing, open_for_writing, restore_under_lock, save_copy_as, send_plan


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("copy", help=tr("spara en hel och konsekvent kopia av en fil"))
    p.add_argument("file", type=Path, metavar=tr("FIL"))
    p.add_argument("out", type=Path, metavar=tr("UT"))
    p.add_argument("--skriv-over", dest="overwrite", action="store_true", help=tr("ersätt UT om den finns"))

    p = sub.add_parser("merge", help=tr("hämta planer och ändringar från en annan kopia av filen"))
    p.add_argument("file", type=Path, metavar=tr("FIL"))
    p.add_argument("other", type=Path, metavar=tr("ANNAN"))
    p.add_argument("--prefer", choices=("mine", "theirs", "newest"), default="newest",
                   help=tr("vid konflikt: den här filens (mine), den andras (theirs) eller senast ändrade (newest)"))
    p.add_argument("--forhandsgranska", dest="dry_run", action="store_true", help=tr("visa bara vad som skulle hända"))
    add_break_lock_option(p)

    p = sub.add_parser("send", help=tr("skriv en plan ensam till en ny fil"))
    p.add_argument("file", type=Path, metavar=tr("FIL"))
    p.add_argument("plan", metavar=tr("PLAN"), help=tr("planens id, uuid eller diarienummer"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar=tr("UT"))

    p = sub.add_parser("backups", help=tr("lista (eller ta) säkerhetskopior av en fil"))
    p.add_argument("file", type=Path, metavar=tr("FIL"))
    p.add_argument("--ny", dest="new", action="store_true", help=tr("ta en säkerhetskopia nu"))

    p = sub.add_parser("restore", help=tr("återställ en fil från en säkerhetskopia"))
    p.add_argument("backup", type=Path, metavar=tr("KOPIA"))
    p.add_argument("file", type=Path, metavar=tr("FIL"))
    add_break_lock_option(p)


def cmd_copy(args: argparse.Namespace) -> int:
    out = save_copy_as(args.file, args.out, overwrite=args.overwrite)
    print(tr("Skrev en kopia av {name} till {out}.", name=args.file.name, out=out))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from db.backup import make_session_backup
    from app.merge import merge_files

    if args.dry_run:
        report = merge_files(args.file, args.other, args.prefer, dry_run=True)
    else:
        ws = tell(open_for_writing(args.file, break_stale=args.break_lock))
        try:
            make_session_backup(ws.store.path)  # the working copy of a network file
            report = merge_from(ws, args.other, prefer=args.prefer)
        finally:
            status = close_shared(ws)
        written_back_or_raise(status)
    for line in report.lines():
        print(line)
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    from app.plans import find_plan

    ws, _ = open_for_editing(args.file, read_only=True)
    try:
        out = send_plan(ws, find_plan(ws, args.plan), args.output)
    finally:
        close_shared(ws)
    print(tr("Skrev planen till {out}.", out=out))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from db.backup import list_backups, make_session_backup
    from db.check import check_file

    if args.new:
        if is_network_path(args.file):
            from app.network_open import readable_copy

            with readable_copy(args.file) as copy:
                print(tr("Tog säkerhetskopian {backup}.", backup=make_session_backup(copy)))
        else:
            check_file(args.file, allow_recovery=False)
            print(tr("Tog säkerhetskopian {backup}.", backup=make_session_backup(args.file)))
    backups = list_backups(args.file)
    if not backups:
        print(tr("Det finns inga säkerhetskopior av {name}.", name=args.file.name))
    for b in backups:
        plans = tr("oläsbar") if b.plan_count is None else tr("{count} planer", count=b.plan_count)
        print(f"{b.local_time_text}  {plans:<10} {b.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    target, aside = restore_under_lock(args.backup, args.file, break_stale=args.break_lock)
    print(tr("Återställde {name} från {backup}.", name=target.name, backup=args.backup.name))
    if aside:
        print(tr("Den tidigare filen finns kvar som {aside}.", aside=aside))
    return 0


HANDLERS = {"copy": cmd_copy, "merge": cmd_merge, "send": cmd_send, "backups": cmd_backups,
            "restore": cmd_restore}
