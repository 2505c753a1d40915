"""What the generic table editor shows for each list kind of a plan: columns, new rows, totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app import kinds
from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.editor.fields import Field, format_money
from ui.i18n import kind_label, translate


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
    text = translate("Pages", "Summa kostnader: %1 · Summa finansiering: %2 · Skillnad: %3").replace(
        "%1", format_money(cost)).replace("%2", format_money(financing)).replace("%3", format_money(financing - cost))
    costs = [r for r in rows if r["kind"] == "cost" and r.get("sum_rule") != "shared"]
    if any(r.get("actual") is not None or r.get("forecast") is not None for r in costs):
        actual = sum(r.get("actual") or 0 for r in costs)
        forecast = sum(r["forecast"] if r.get("forecast") is not None else r["amount"] or 0 for r in costs)
        text += " · " + translate("Pages", "Kostnader: utfall %1, prognos %2, avvikelse %3").replace(
            "%1", format_money(actual)).replace("%2", format_money(forecast)).replace("%3", format_money(cost - forecast))
    return text


def _timeline_summary(rows: list[dict[str, Any]]) -> str:
    counts = {k: sum(1 for r in rows if r["kind"] == k) for k in kinds.TIMELINE_KINDS}
    return " · ".join(f"{kind_label(kinds.TIMELINE_KINDS[k])}: {n}" for k, n in counts.items() if n)


TABLES: tuple[TableConfig, ...] = (
    TableConfig(
        "goal", QT_TRANSLATE_NOOP("Pages", "Mål"),
        (Field("kind", QT_TRANSLATE_NOOP("Fields", "Typ"), "choice", kinds.GOAL_KINDS, 120), Field("text", QT_TRANSLATE_NOOP("Fields", "Mål"), "long"),
         Field("measure", QT_TRANSLATE_NOOP("Fields", "Mätetal"), "long")),
        lambda: {"kind": "effect", "text": translate("Pages", "Nytt mål")}, QT_TRANSLATE_NOOP("Pages", "Lägg till mål"),
    ),
    TableConfig(
        "timeline", QT_TRANSLATE_NOOP("Pages", "Tidplan"),
        (Field("kind", QT_TRANSLATE_NOOP("Fields", "Typ"), "choice", kinds.TIMELINE_KINDS, 110), Field("code", QT_TRANSLATE_NOOP("Fields", "Kod"), width=60),
         Field("title", QT_TRANSLATE_NOOP("Fields", "Benämning")), Field("start", QT_TRANSLATE_NOOP("Fields", "Start"), "date", width=120),
         Field("end", QT_TRANSLATE_NOOP("Fields", "Slut"), "date", width=120), Field("responsible", QT_TRANSLATE_NOOP("Fields", "Ansvarig"), width=140),
         Field("status", QT_TRANSLATE_NOOP("Fields", "Status"), "choice", kinds.TIMELINE_STATUSES, 90),
         Field("progress", QT_TRANSLATE_NOOP("Fields", "Klart"), "percent", width=60), Field("description", QT_TRANSLATE_NOOP("Fields", "Beskrivning"), "markup", in_table=False),
         Field("comment", QT_TRANSLATE_NOOP("Fields", "Kommentar"), in_table=False),
         Field("actual_start", QT_TRANSLATE_NOOP("Fields", "Faktisk start"), "day", in_table=False),
         Field("actual_finish", QT_TRANSLATE_NOOP("Fields", "Faktiskt slut"), "day", in_table=False)),
        lambda: {"kind": "activity", "title": translate("Pages", "Ny aktivitet")}, QT_TRANSLATE_NOOP("Pages", "Lägg till post"),
        _timeline_summary,
    ),
    TableConfig(
        "role", QT_TRANSLATE_NOOP("Pages", "Organisation"),
        (Field("kind", QT_TRANSLATE_NOOP("Fields", "Roll"), "choice", kinds.ROLE_KINDS, 140), Field("person", QT_TRANSLATE_NOOP("Fields", "Person"), "person"),
         Field("unit", QT_TRANSLATE_NOOP("Fields", "Verksamhet")), Field("allocation", QT_TRANSLATE_NOOP("Fields", "Andel av tjänst"), "percent", width=120),
         Field("start", QT_TRANSLATE_NOOP("Fields", "Från"), "date", in_table=False), Field("end", QT_TRANSLATE_NOOP("Fields", "Till"), "date", in_table=False),
         Field("note", QT_TRANSLATE_NOOP("Fields", "Anteckning"), in_table=False)),
        lambda: {"kind": "member", "name": translate("Pages", "Ny person")}, QT_TRANSLATE_NOOP("Pages", "Lägg till person i roll"),
    ),
    TableConfig(
        "resource", QT_TRANSLATE_NOOP("Pages", "Resursplan"),
        (Field("competence", QT_TRANSLATE_NOOP("Fields", "Resurs/kompetens")), Field("person", QT_TRANSLATE_NOOP("Fields", "Namn"), "person"),
         Field("allocation", QT_TRANSLATE_NOOP("Fields", "Andel av tjänst"), "percent", width=120), Field("start", QT_TRANSLATE_NOOP("Fields", "Från"), "date", width=110),
         Field("end", QT_TRANSLATE_NOOP("Fields", "Till"), "date", width=110), Field("note", QT_TRANSLATE_NOOP("Fields", "Anteckning"), in_table=False)),
        lambda: {"competence": translate("Pages", "Ny resurs")}, QT_TRANSLATE_NOOP("Pages", "Lägg till resurs"),
    ),
    TableConfig(
        "budget", QT_TRANSLATE_NOOP("Pages", "Budget"),
        (Field("kind", QT_TRANSLATE_NOOP("Fields", "Typ"), "choice", kinds.BUDGET_KINDS, 110), Field("description", QT_TRANSLATE_NOOP("Fields", "Beskrivning")),
         Field("amount", QT_TRANSLATE_NOOP("Fields", "Belopp"), "money", width=120), Field("year", QT_TRANSLATE_NOOP("Fields", "År"), "int", width=60),
         Field("tertial", QT_TRANSLATE_NOOP("Fields", "Tertial"), "int", width=60),
         Field("actual", QT_TRANSLATE_NOOP("Fields", "Utfall"), "money", width=120),
         Field("forecast", QT_TRANSLATE_NOOP("Fields", "Prognos"), "money", width=120),
         Field("note", QT_TRANSLATE_NOOP("Fields", "Anteckning")), Field("sum_rule", QT_TRANSLATE_NOOP("Fields", "Summering"), "choice", kinds.BUDGET_SUM_RULES, 150)),
        lambda: {"kind": "cost", "description": translate("Pages", "Ny budgetrad")}, QT_TRANSLATE_NOOP("Pages", "Lägg till budgetrad"),
        _budget_totals,
    ),
    TableConfig(
        "log", QT_TRANSLATE_NOOP("Pages", "Ärende- och beslutslogg"),
        (Field("entry_date", QT_TRANSLATE_NOOP("Fields", "Datum"), "day", width=100), Field("kind", QT_TRANSLATE_NOOP("Fields", "Typ"), "choice", kinds.LOG_KINDS, 100),
         Field("text", QT_TRANSLATE_NOOP("Fields", "Ärende/beslut"), "long"), Field("decided_by", QT_TRANSLATE_NOOP("Fields", "Beslutad av"), width=120),
         Field("outcome", QT_TRANSLATE_NOOP("Fields", "Utfall"), "choice", kinds.DECISION_OUTCOMES, 110),
         Field("diarienummer", QT_TRANSLATE_NOOP("Fields", "Diarienummer"), width=110), Field("status", QT_TRANSLATE_NOOP("Fields", "Status"), width=100)),
        lambda: {"entry_date": date.today(), "kind": "issue", "text": translate("Pages", "Nytt ärende")}, QT_TRANSLATE_NOOP("Pages", "Lägg till post"),
        tab=QT_TRANSLATE_NOOP("Pages", "Logg"),
    ),
    TableConfig(
        "status_report", QT_TRANSLATE_NOOP("Pages", "Statusrapporter"),
        (Field("report_date", QT_TRANSLATE_NOOP("Fields", "Datum"), "day", width=100),
         Field("status", QT_TRANSLATE_NOOP("Fields", "Status"), "choice", kinds.REPORT_STATUSES, 80),
         Field("text", QT_TRANSLATE_NOOP("Fields", "Rapport"), "markup"), Field("author", QT_TRANSLATE_NOOP("Fields", "Författare"), width=140)),
        lambda: {"report_date": date.today(), "status": "green"}, QT_TRANSLATE_NOOP("Pages", "Lägg till statusrapport"),
    ),
    TableConfig(
        "term", QT_TRANSLATE_NOOP("Pages", "Definitioner"),
        (Field("term", QT_TRANSLATE_NOOP("Fields", "Begrepp/förkortning"), width=200), Field("explanation", QT_TRANSLATE_NOOP("Fields", "Förklaring"), "long")),
        lambda: {"term": translate("Pages", "Nytt begrepp")}, QT_TRANSLATE_NOOP("Pages", "Lägg till begrepp"),
    ),
    TableConfig(
        "reference", QT_TRANSLATE_NOOP("Pages", "Referenser"),
        (Field("number", QT_TRANSLATE_NOOP("Fields", "Nr"), width=50), Field("title", QT_TRANSLATE_NOOP("Fields", "Referens")), Field("description", QT_TRANSLATE_NOOP("Fields", "Beskrivning")),
         Field("url", QT_TRANSLATE_NOOP("Fields", "Länk"))),
        lambda: {"title": translate("Pages", "Ny referens")}, QT_TRANSLATE_NOOP("Pages", "Lägg till referens"),
    ),
)

TABLES_BY_KIND = {t.kind: t for t in TABLES}
