"""What the generic table editor shows for each list kind of a plan: columns, new rows, totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app import kinds
from ui.editor.fields import Field, format_money
from ui.i18n import kind_label, tr


@dataclass(frozen=True)
class TableConfig:
    kind: str
    title: str  # tab title, Swedish (context "Pages")
    fields: tuple[Field, ...]
    new_row: Callable[[], dict[str, Any]]
    add_label: str  # Swedish (context "Pages")
    summary: Callable[[list[dict[str, Any]]], str] | None = None
    tab: str = ""  # a shorter tab title, Swedish (context "Pages"); the full title is its tooltip


def _budget_totals(rows: list[dict[str, Any]]) -> str:
    totals = {k: sum(r["amount"] or 0 for r in rows if r["kind"] == k and r.get("sum_rule") != "shared")
              for k in kinds.BUDGET_KINDS}
    cost, financing = totals["cost"], totals["financing"]
    return tr("Pages", "Summa kostnader: %1 · Summa finansiering: %2 · Skillnad: %3").replace(
        "%1", format_money(cost)).replace("%2", format_money(financing)).replace("%3", format_money(financing - cost))


def _timeline_summary(rows: list[dict[str, Any]]) -> str:
    counts = {k: sum(1 for r in rows if r["kind"] == k) for k in kinds.TIMELINE_KINDS}
    return " · ".join(f"{kind_label(kinds.TIMELINE_KINDS[k])}: {n}" for k, n in counts.items() if n)


TABLES: tuple[TableConfig, ...] = (
    TableConfig(
        "goal", "Mål",
        (Field("kind", "Typ", "choice", kinds.GOAL_KINDS, 120), Field("text", "Mål", "long"),
         Field("measure", "Mätetal", "long")),
        lambda: {"kind": "effect", "text": tr("Pages", "Nytt mål")}, "Lägg till mål",
    ),
    TableConfig(
        "timeline", "Tidplan",
        (Field("kind", "Typ", "choice", kinds.TIMELINE_KINDS, 110), Field("code", "Kod", width=60),
         Field("title", "Benämning"), Field("start", "Start", "date", width=120),
         Field("end", "Slut", "date", width=120), Field("responsible", "Ansvarig", width=140),
         Field("status", "Status", "choice", kinds.TIMELINE_STATUSES, 90),
         Field("progress", "Klart", "percent", width=60), Field("description", "Beskrivning", "markup", in_table=False),
         Field("comment", "Kommentar", in_table=False)),
        lambda: {"kind": "activity", "title": tr("Pages", "Ny aktivitet")}, "Lägg till post",
        _timeline_summary,
    ),
    TableConfig(
        "role", "Organisation",
        (Field("kind", "Roll", "choice", kinds.ROLE_KINDS, 140), Field("person", "Person", "person"),
         Field("unit", "Verksamhet"), Field("allocation", "Andel av tjänst", "percent", width=120),
         Field("start", "Från", "date", in_table=False), Field("end", "Till", "date", in_table=False),
         Field("note", "Anteckning", in_table=False)),
        lambda: {"kind": "member", "name": tr("Pages", "Ny person")}, "Lägg till person i roll",
    ),
    TableConfig(
        "resource", "Resursplan",
        (Field("competence", "Resurs/kompetens"), Field("person", "Namn", "person"),
         Field("allocation", "Andel av tjänst", "percent", width=120), Field("start", "Från", "date", width=110),
         Field("end", "Till", "date", width=110), Field("note", "Anteckning", in_table=False)),
        lambda: {"competence": tr("Pages", "Ny resurs")}, "Lägg till resurs",
    ),
    TableConfig(
        "budget", "Budget",
        (Field("kind", "Typ", "choice", kinds.BUDGET_KINDS, 110), Field("description", "Beskrivning"),
         Field("amount", "Belopp", "money", width=120), Field("year", "År", "int", width=60),
         Field("note", "Anteckning"), Field("sum_rule", "Summering", "choice", kinds.BUDGET_SUM_RULES, 150)),
        lambda: {"kind": "cost", "description": tr("Pages", "Ny budgetrad")}, "Lägg till budgetrad",
        _budget_totals,
    ),
    TableConfig(
        "log", "Ärende- och beslutslogg",
        (Field("entry_date", "Datum", "day", width=100), Field("kind", "Typ", "choice", kinds.LOG_KINDS, 100),
         Field("text", "Ärende/beslut", "long"), Field("decided_by", "Beslutad av", width=120),
         Field("outcome", "Utfall", "choice", kinds.DECISION_OUTCOMES, 110),
         Field("diarienummer", "Diarienummer", width=110), Field("status", "Status", width=100)),
        lambda: {"entry_date": date.today(), "kind": "issue", "text": tr("Pages", "Nytt ärende")}, "Lägg till post",
        tab="Logg",
    ),
    TableConfig(
        "status_report", "Statusrapporter",
        (Field("report_date", "Datum", "day", width=100),
         Field("status", "Status", "choice", kinds.REPORT_STATUSES, 80),
         Field("text", "Rapport", "markup"), Field("author", "Författare", width=140)),
        lambda: {"report_date": date.today(), "status": "green"}, "Lägg till statusrapport",
    ),
    TableConfig(
        "term", "Definitioner",
        (Field("term", "Begrepp/förkortning", width=200), Field("explanation", "Förklaring", "long")),
        lambda: {"term": tr("Pages", "Nytt begrepp")}, "Lägg till begrepp",
    ),
    TableConfig(
        "reference", "Referenser",
        (Field("number", "Nr", width=50), Field("title", "Referens"), Field("description", "Beskrivning"),
         Field("url", "Länk")),
        lambda: {"title": tr("Pages", "Ny referens")}, "Lägg till referens",
    ),
)

TABLES_BY_KIND = {t.kind: t for t in TABLES}
