"""The command line's team-server commands: uppdrag server init|push|grant|prune, checkout and sync."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.command_files import add_break_lock_option
from app.i18n import tr
from app.team import is_server_url

ROLES = ("editor", "reader", "owner", "leader")  # what `uppdrag server grant --role` gives


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    server = sub.add_parser("server", help=tr("sätt upp och dela ut behörigheter på en teamserver (PostgreSQL)"))
    actions = server.add_subparsers(dest="server_command", metavar=tr("ÅTGÄRD"), parser_class=type(server))
    actions.required = True

    p = actions.add_parser("init", help=tr("skapa eller uppgradera Uppdrags tabeller, roller och regler"))
    p.add_argument("url", metavar=tr("URL"), help=tr("postgresql://ägare@värd:port/databas"))

    p = actions.add_parser("push", help=tr("flytta en fils planer (med historik) till servern"))
    p.add_argument("file", type=Path, metavar=tr("FIL"))
    p.add_argument("url", metavar=tr("URL"))

    p = actions.add_parser("grant", help=tr("ge en användare rätt att läsa eller ändra en plan"))
    p.add_argument("url", metavar=tr("URL"))
    p.add_argument("user", metavar=tr("ANVÄNDARE"), help=tr("databasanvändaren"))
    p.add_argument("--plan", metavar=tr("PLAN"), help=tr("planens id, uuid eller diarienummer"))
    p.add_argument("--role", choices=ROLES, required=True, help=tr("editor (ändra) eller reader (läsa)"))

    p = actions.add_parser("prune", help=tr("rensa historik äldre än ett år, som en fil gör när den öppnas"))
    p.add_argument("url", metavar=tr("URL"))


    p = sub.add_parser("checkout", help=tr("ta med planer från en server offline i en egen fil"))
    p.add_argument("url", metavar=tr("URL"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar=tr("UT"), help=tr("den nya filen (.uppdrag)"))
    p.add_argument("--plan", action="append", metavar=tr("PLAN"), help=tr("en plan (id, uuid eller diarienummer); kan upprepas; utan: hela portföljen"))

    p = sub.add_parser("sync", help=tr("synkronisera en utcheckad fil med sin server, åt båda hållen"))
    p.add_argument("file", type=Path, metavar=tr("FIL"))
    p.add_argument("--prefer", choices=("mine", "theirs", "newest"), default="newest",
                   help=tr("vid konflikt: filens värde (mine), serverns (theirs) eller det senast ändrade (newest)"))
    add_break_lock_option(p)


def cmd_checkout(args: argparse.Namespace) -> int:
    from app.sync import checkout

    out, count = checkout(_server_url(args.url), args.output, args.plan)
    print(tr("Skrev {count} planer till {out}; synkronisera med ”uppdrag sync {out}”.", count=count, out=out))
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

        said = {"created": tr("Skapade Uppdrags tabeller (schemaversion {version}), roller och regler",
                              version=SCHEMA_VERSION),
                "upgraded": tr("Uppgraderade databasen från schemaversion {old} till {version}", old=old,
                               version=SCHEMA_VERSION),
                "current": tr("Databasen har redan schemaversion {version}; roller och regler är förnyade",
                              version=SCHEMA_VERSION)}
        print(said[outcome] + tr(". Ge användare rätt med ”uppdrag server grant”."))
        return 0
    if args.server_command == "push":
        from app.kinds import counted
        from app.sync import push

        written = push(args.file, _server_url(args.url))
        counts = ", ".join(f"{counted(t)}: {n}" for t, n in written.items()) or tr("inget nytt")
        print(tr("Skickade {name} till servern ({counts}).", name=args.file.name, counts=counts))
        return 0
    if args.server_command == "prune":
        from app.team import prune_server

        cleared, dropped = prune_server(_server_url(args.url))
        print(tr("Rensade historiken: {cleared} gamla versioners innehåll och {dropped} versioner som ingen rad "
                 "längre har.", cleared=cleared, dropped=dropped))
        return 0
    from db.server_schema import grant

    title = grant(_server_url(args.url), args.user, args.role, args.plan)
    role = {"editor": tr("redigerare"), "reader": tr("läsare"), "owner": tr("ägare"), "leader": tr("ledare")}[args.role]
    print(tr("{user} är nu {role}.", user=args.user, role=role) if title is None else
          tr("{user} är nu {role} för planen ”{title}”.", user=args.user, role=role, title=title))
    return 0


def _server_url(text: str) -> str:
    if not is_server_url(text):
        raise ValueError(tr("”{text}” är ingen serveradress; skriv den som postgresql://användare@värd:port/databas.",
                            text=text))
    return text


HANDLERS = {"server": cmd_server, "checkout": cmd_checkout, "sync": cmd_sync}
