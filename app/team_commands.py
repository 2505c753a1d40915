"""The command line's team-server commands: uppdrag server init|push|grant, checkout and sync."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.command_files import add_break_lock_option
from app.team import is_server_url

ROLE_LABELS = {"editor": "redigerare", "reader": "läsare", "owner": "ägare", "leader": "ledare"}


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    server = sub.add_parser("server", help="sätt upp och dela ut behörigheter på en teamserver (PostgreSQL)")
    actions = server.add_subparsers(dest="server_command", metavar="ÅTGÄRD", parser_class=type(server))
    actions.required = True

    p = actions.add_parser("init", help="skapa eller uppgradera Uppdrags tabeller, roller och regler")
    p.add_argument("url", metavar="URL", help="postgresql://ägare@värd:port/databas")

    p = actions.add_parser("push", help="flytta en fils planer (med historik) till servern")
    p.add_argument("file", type=Path, metavar="FIL")
    p.add_argument("url", metavar="URL")

    p = actions.add_parser("grant", help="ge en användare rätt att läsa eller ändra en plan")
    p.add_argument("url", metavar="URL")
    p.add_argument("user", metavar="ANVÄNDARE", help="databasanvändaren")
    p.add_argument("--plan", metavar="PLAN", help="planens id, uuid eller diarienummer")
    p.add_argument("--role", choices=tuple(ROLE_LABELS), required=True, help="editor (ändra) eller reader (läsa)")


    p = sub.add_parser("checkout", help="ta med planer från en server offline i en egen fil")
    p.add_argument("url", metavar="URL")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="UT", help="den nya filen (.uppdrag)")
    p.add_argument("--plan", action="append", metavar="PLAN", help="en plan (id, uuid eller diarienummer); "
                   "kan upprepas; utan: hela portföljen")

    p = sub.add_parser("sync", help="synkronisera en utcheckad fil med sin server, åt båda hållen")
    p.add_argument("file", type=Path, metavar="FIL")
    p.add_argument("--prefer", choices=("mine", "theirs", "newest"), default="newest",
                   help="vid konflikt: filens värde (mine), serverns (theirs) eller det senast ändrade (newest)")
    add_break_lock_option(p)


def cmd_checkout(args: argparse.Namespace) -> int:
    from app.sync import checkout

    out, count = checkout(_server_url(args.url), args.output, args.plan)
    print(f"Skrev {count} planer till {out}; synkronisera med ”uppdrag sync {out}”.")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from app.sync import sync

    report = sync(args.file, prefer=args.prefer, break_stale=args.break_lock)
    for line in report.lines():
        print(line)
    return 0


def cmd_server(args: argparse.Namespace) -> int:
    if args.server_command == "init":
        from db.server_schema import init_server

        outcome, old = init_server(_server_url(args.url))
        from db.identity import SCHEMA_VERSION

        said = {"created": f"Skapade Uppdrags tabeller (schemaversion {SCHEMA_VERSION}), roller och regler",
                "upgraded": f"Uppgraderade databasen från schemaversion {old} till {SCHEMA_VERSION}",
                "current": f"Databasen har redan schemaversion {SCHEMA_VERSION}; roller och regler är förnyade"}
        print(f"{said[outcome]}. Ge användare rätt med ”uppdrag server grant”.")
        return 0
    if args.server_command == "push":
        from app.kinds import TABLE_LABELS
        from app.sync import push

        written = push(args.file, _server_url(args.url))
        counts = ", ".join(f"{TABLE_LABELS.get(t, t)}: {n}" for t, n in written.items()) or "inget nytt"
        print(f"Skickade {args.file.name} till servern ({counts}).")
        return 0
    from db.server_schema import grant

    title = grant(_server_url(args.url), args.user, args.role, args.plan)
    role = ROLE_LABELS[args.role]
    where = f" för planen ”{title}”" if title is not None else ""
    print(f"{args.user} är nu {role}{where}.")
    return 0


def _server_url(text: str) -> str:
    if not is_server_url(text):
        raise ValueError(f"”{text}” är ingen serveradress; skriv den som postgresql://användare@värd:port/databas.")
    return text


HANDLERS = {"server": cmd_server, "checkout": cmd_checkout, "sync": cmd_sync}
