"""Register tables: Budget, Risker, Ärende- och beslutslogg, Statusrapporter,
Definitioner och förkortningar, Referenser/bilagor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from app.i18n import tr

from app.export.docx_context import Context
from app.export.docx_styles import S
from app.export.docx_tables import Cell, Markup, fit_widths
from app.export.plan_data import amount_value, as_text, format_amount, format_date, lower_month, score
from app.kinds import LOG_KINDS, REPORT_STATUSES

__all__ = ["CONTENT", "budget_period", "followed_up", "out_of_scale", "risk_shade", "sorted_risks", "summed"]

LIGHT = "EEF1F6"
GREEN, YELLOW, RED = "C6E7C1", "FCE4A6", "F4B6B6"

# --- Budget ------------------------------------------------------------------------

_BUDGET_GROUPS = {"cost": ("Kostnader", "Summa kostnader"), "financing": ("Finansiering", "Summa finansiering")}


def _budget_lines(ctx: Context, kinds: tuple[str, ...] | None) -> list[dict]:
    return [b for b in ctx.plan.items("budget") if kinds is None or b.get("kind") in kinds]


def summed(line: dict) -> bool:
    """Whether the line counts in its group's total; a shared amount (``sum_rule`` "shared") does not."""
    return line.get("sum_rule") != "shared"


def budget_period(line: dict) -> str:
    """ "2025", or "2025 T2" for a line of one tertial."""
    year, tertial = as_text(line.get("year")).strip(), line.get("tertial")
    return f"{year} T{tertial}".strip() if tertial else year


def followed_up(lines: list[dict]) -> bool:
    """Whether any line has an utfall or a prognos: then the table shows budget vs utfall vs prognos."""
    return any(b.get("actual") is not None or b.get("forecast") is not None for b in lines)


def _deviation(line: dict) -> int | None:
    """Budget minus prognos (positive: below budget); None without a prognos."""
    amount, forecast = amount_value(line.get("amount")), amount_value(line.get("forecast"))
    return None if forecast is None else (amount or 0) - forecast


def _render_budget(ctx: Context, kinds: tuple[str, ...] | None) -> None:
    lines = _budget_lines(ctx, kinds)
    with_year = any(budget_period(b) for b in lines)
    with_note = any(as_text(b.get("note")).strip() for b in lines)
    follow = followed_up(lines)
    figures = ["Budget", "Utfall", "Prognos", "Avvikelse"] if follow else ["Belopp"]
    labels = ["Post"] + (["År"] if with_year else []) + figures + (["Kommentar"] if with_note else [])
    values: list[Callable[[dict], Any]] = [lambda b: b.get("amount")]
    if follow:
        values += [lambda b: b.get("actual"), lambda b: b.get("forecast"), _deviation]
    texts = [[as_text(b.get("description"))] + ([budget_period(b)] if with_year else [])
             + [format_amount(v(b)) for v in values]
             + ([as_text(b.get("note"))] if with_note else []) for b in lines]
    widths = fit_widths(labels, texts, ctx.text_width)
    table = ctx.table(widths)
    table.header([Cell(x, shade="DCE3EE", style=S.TABLE_HEAD, align="right" if x in figures else None)
                  for x in labels])
    order = list(_BUDGET_GROUPS) + [k for k in dict.fromkeys(as_text(b.get("kind")) for b in lines)
                                    if k not in _BUDGET_GROUPS]
    for kind in order:
        group = [b for b in lines if as_text(b.get("kind")) == kind]
        if not group:
            continue
        title, total_label = _BUDGET_GROUPS.get(kind, (kind or "Övrigt", f"Summa {kind or 'övrigt'}".strip()))
        table.row([Cell(title, span=len(widths), shade=LIGHT, style=S.TABLE_HEAD)], keep_together=True)
        for b in group:
            cells: list[Any] = [as_text(b.get("description"))]
            if with_year:
                cells.append(budget_period(b))
            for k, value in enumerate(values):
                amount = format_amount(value(b))
                if k == 0 and not summed(b) and amount:
                    amount += "\n(delad, summeras inte)"
                cells.append(Cell(amount, align="right"))
            if with_note:
                cells.append(Markup(b.get("note")))
            table.row(cells)
        totals = [[a for a in (amount_value(v(b)) for b in group if summed(b)) if a is not None] for v in values]
        if totals[0] or any(totals[1:]):
            cells = [Cell(total_label, style=S.TABLE_HEAD)] + ([""] if with_year else [])
            cells += [Cell(format_amount(sum(t)) if t else "", style=S.TABLE_HEAD, align="right") for t in totals]
            if with_note:
                cells.append("")
            table.row(cells, keep_together=True)


# --- Risker ------------------------------------------------------------------------


def _in_scale(value: int | None, scale: int) -> bool:
    return value is not None and 1 <= value <= scale


def _value(risk: dict, scale: int = 10) -> int | None:
    """Probability × consequence, or None when either is missing or outside the scale."""
    p, i = score(risk.get("probability")), score(risk.get("impact"))
    return p * i if _in_scale(p, scale) and _in_scale(i, scale) else None


def out_of_scale(risks: list[dict], scale: int) -> list[dict]:
    """Risks with a probability or consequence that is given but outside 1–``scale``."""
    out = []
    for risk in risks:
        values = [risk.get("probability"), risk.get("impact")]
        if any(v not in (None, "") and not _in_scale(score(v), scale) for v in values):
            out.append(risk)
    return out


def sorted_risks(risks: list[dict], scale: int = 10) -> list[dict]:
    """Highest risk value first; risks without a value last, in their own order."""
    return sorted(risks, key=lambda r: -(v if (v := _value(r, scale)) is not None else -1))


def risk_shade(value: int | None, scale: int) -> str | None:
    """Green, yellow or red by the value's share of the largest possible value."""
    if value is None or scale < 1:
        return None
    share = value / (scale * scale)
    return RED if share >= 0.5 else YELLOW if share >= 0.25 else GREEN


def _mitigation(risk: dict) -> str:
    mitigation = as_text(risk.get("mitigation"))
    due = lower_month(format_date(risk.get("due")))
    if due.strip():
        mitigation = f"{mitigation}\nSenast: {due}" if mitigation.strip() else f"Senast: {due}"
    return mitigation


# (header, the text of a risk in this column, always shown?)
_RISK_COLUMNS = (
    ("Risk", lambda r: as_text(r.get("title")), True),
    ("Orsak", lambda r: as_text(r.get("cause")), False),
    ("Följd", lambda r: as_text(r.get("consequence")), False),
    ("Sanno\u00adlikhet", lambda r: as_text(r.get("probability")), True),
    ("Konse\u00adkvens", lambda r: as_text(r.get("impact")), True),
    ("Risk\u00advärde", lambda r: "00", True),
    ("Åtgärd", _mitigation, False),
    ("Ansvarig", lambda r: as_text(r.get("owner")), False),
)
_MARKUP_COLUMNS = {"Orsak", "Följd", "Åtgärd"}


def _render_risks(ctx: Context) -> None:
    scale = ctx.risk_scale
    risks = sorted_risks(ctx.plan.items("risks"), scale)
    texts = [[get(r) for _, get, _ in _RISK_COLUMNS] for r in risks]
    shown = [k for k, (_, _, always) in enumerate(_RISK_COLUMNS)
             if always or any(row[k].strip() for row in texts)]
    labels = [_RISK_COLUMNS[k][0] for k in shown]
    table = ctx.table(fit_widths(labels, [[row[k] for k in shown] for row in texts], ctx.text_width))
    # Soft hyphens let the narrow number columns break "Sanno-likhet" inside the word.
    table.header(labels)
    for risk, row in zip(risks, texts):
        value = _value(risk, scale)
        cells: list = []
        for k in shown:
            label = _RISK_COLUMNS[k][0]
            if label == "Risk\u00advärde":
                cells.append(Cell("" if value is None else str(value), align="center", bold=True,
                                  shade=risk_shade(value, scale)))
            elif label.startswith(("Sanno", "Konse\u00ad")):
                cells.append(Cell(row[k], align="center"))
            elif label in _MARKUP_COLUMNS:
                cells.append(Markup(row[k]))
            else:
                cells.append(row[k])
        table.row(cells)
    ctx.paragraph(f"Sannolikhet och konsekvens bedöms på skalan 1–{scale}; "
                  "riskvärde = sannolikhet × konsekvens. Högsta riskvärde först.", S.NOTE)
    outside = out_of_scale(risks, scale)
    if outside:
        names = ", ".join(f"”{ctx.writer.clean.line(r.get('title'))[:60]}”" for r in outside)
        ctx.paragraph(f"Utanför skalan 1–{scale} och därför utan riskvärde och utanför matrisen: {names}.", S.NOTE)
        ctx.warnings.append(tr("{n} risk(er) har sannolikhet eller konsekvens utanför skalan 1–{scale}: "
                               "{names}. Rätta värdena i riskregistret.", n=len(outside), scale=scale, names=names))
    _render_risk_matrix(ctx)


def _render_risk_matrix(ctx: Context) -> None:
    """The heat map as a shaded table: number of risks per probability × consequence cell."""
    scale = ctx.risk_scale
    if not 2 <= scale <= 10:
        return
    counts: dict[tuple[int, int], int] = {}
    for risk in ctx.plan.items("risks"):
        p, i = score(risk.get("probability")), score(risk.get("impact"))
        if p is not None and i is not None and 1 <= p <= scale and 1 <= i <= scale:
            counts[(p, i)] = counts.get((p, i), 0) + 1
    ctx.paragraph("Riskmatris: antal risker per sannolikhet (rader) och konsekvens (kolumner).", S.NOTE)
    table = ctx.table([3.0] + [1.2] * scale)
    table.header(["Sannolikhet \\ Konsekvens", *(str(i) for i in range(1, scale + 1))])
    for p in range(scale, 0, -1):
        table.row([Cell(str(p), align="center", bold=True),
                   *(Cell(str(counts.get((p, i), "")), align="center", shade=risk_shade(p * i, scale))
                     for i in range(1, scale + 1))])


# --- logg och statusrapporter ------------------------------------------------------------

_REPORT_SHADES = {"green": GREEN, "yellow": YELLOW, "red": RED}
STATUS_COLOURS = {code: (label, _REPORT_SHADES[code]) for code, label in REPORT_STATUSES.items()}


def _render_log(ctx: Context) -> None:
    entries = ctx.plan.items("log")
    labels = ["Datum", "Typ", "Ärende/beslut", "Beslutat av", "Status"]
    texts = [[format_date(e.get("date")), LOG_KINDS.get(as_text(e.get("kind")), as_text(e.get("kind"))),
              as_text(e.get("text")), as_text(e.get("decided_by")), as_text(e.get("status"))] for e in entries]
    table = ctx.table(fit_widths(labels, texts, ctx.text_width))
    table.header(labels)
    for entry in entries:
        kind = as_text(entry.get("kind"))
        table.row([format_date(entry.get("date")), LOG_KINDS.get(kind, kind), Markup(entry.get("text")),
                   as_text(entry.get("decided_by")), as_text(entry.get("status"))])


def _render_status_reports(ctx: Context) -> None:
    table = ctx.table([2.4, 1.8, 9.0, 2.8])
    table.header(["Datum", "Status", "Rapport", "Författare"])
    for report in ctx.plan.items("status_reports"):
        status = as_text(report.get("status"))
        label, shade = STATUS_COLOURS.get(status, (status, None))
        table.row([format_date(report.get("date")), Cell(label, shade=shade), Markup(report.get("text")),
                   as_text(report.get("author"))])


# --- Definitioner, Referenser ------------------------------------------------------------


def _render_terms(ctx: Context) -> None:
    labels = ["Begrepp/förkortning", "Förklaring"]
    texts = [[as_text(t.get("term")), as_text(t.get("explanation"))] for t in ctx.plan.items("terms")]
    table = ctx.table(fit_widths(labels, texts, ctx.text_width))
    table.header(labels)
    for term in ctx.plan.items("terms"):
        table.row([as_text(term.get("term")), Markup(term.get("explanation"))])


def _reference_cell(ctx: Context, ref: dict):
    description, url = as_text(ref.get("description")), as_text(ref.get("url")).strip()

    def fill(cell, first):
        if url:
            ctx.writer.link(first, description.strip() or url, url)
        else:
            ctx.writer.markup(cell, description, style=S.TABLE_TEXT, bullet_style=S.TABLE_TEXT,
                              number_style=S.TABLE_TEXT, first=first)
    return fill


def _render_references(ctx: Context) -> None:
    table = ctx.table([1.2, 7.3, 7.5])
    table.header(["Nr", "Referens", "Beskrivning"])
    for k, ref in enumerate(ctx.plan.items("references"), 1):
        number = as_text(ref.get("number")).strip() or str(k)
        table.row([number, as_text(ref.get("title")), _reference_cell(ctx, ref)])


CONTENT = {
    "budget": (lambda ctx: bool(_budget_lines(ctx, None)), lambda ctx: _render_budget(ctx, None)),
    "budget_cost": (lambda ctx: bool(_budget_lines(ctx, ("cost",))), lambda ctx: _render_budget(ctx, ("cost",))),
    "budget_financing": (lambda ctx: bool(_budget_lines(ctx, ("financing",))),
                         lambda ctx: _render_budget(ctx, ("financing",))),
    "risks": (lambda ctx: bool(ctx.plan.items("risks")), _render_risks),
    "log": (lambda ctx: bool(ctx.plan.items("log")), _render_log),
    "status_reports": (lambda ctx: bool(ctx.plan.items("status_reports")), _render_status_reports),
    "terms": (lambda ctx: bool(ctx.plan.items("terms")), _render_terms),
    "references": (lambda ctx: bool(ctx.plan.items("references")), _render_references),
}
