"""Decision points and their decisions: the table "Beslutspunkter och beslut" and, when asked for,
the answered checklists ("Checklista inför beslut") as an appendix at the end of the document."""

from __future__ import annotations

from app import kinds
from app.export.docx_context import Context
from app.export.docx_styles import S
from app.export.plan_data import as_list, as_text, format_date

__all__ = ["CONTENT", "has_checklists", "render_checklists"]


def _points(ctx: Context) -> list[dict]:
    return ctx.plan.timeline_of("decision_point")


def _decisions(ctx: Context) -> dict[str, dict]:
    """The latest decision logged at each point, by the point's uuid."""
    out: dict[str, dict] = {}
    for entry in ctx.plan.items("log"):
        if entry.get("kind") == "decision" and as_text(entry.get("item")):
            out[as_text(entry.get("item"))] = entry
    return out


def _label(item: dict) -> str:
    code, title = as_text(item.get("code")).strip(), as_text(item.get("title")).strip()
    return f"{code} {title}".strip()


def _render_table(ctx: Context) -> None:
    decisions = _decisions(ctx)
    table = ctx.table([5.0, 2.4, 2.6, 2.4, 2.6, 2.6])
    table.header(["Beslutspunkt", "Planerad", "Beslut", "Beslutsdatum", "Beslutat av", "Diarienummer"])
    for item in _points(ctx):
        d = decisions.get(as_text(item.get("uuid")), {})
        outcome = kinds.DECISION_OUTCOMES.get(as_text(d.get("outcome")), as_text(d.get("outcome")))
        table.row([_label(item), format_date(item.get("start") or item.get("end")), outcome,
                   format_date(d.get("date")), as_text(d.get("decided_by")), as_text(d.get("diarienummer"))])


def _answered(item: dict) -> list[dict]:
    return [a for a in as_list(item.get("checklist")) if isinstance(a, dict) and as_text(a.get("item")).strip()]


def has_checklists(ctx: Context) -> bool:
    return any(_answered(item) for item in _points(ctx))


def render_checklists(ctx: Context) -> None:
    """Bilaga: one table per decision point with a checklist, each item with its answer and comment."""
    heading = ctx.paragraph("Bilaga: Checklistor inför beslut", S.H1)
    heading.paragraph_format.page_break_before = True
    for item in _points(ctx):
        answers = _answered(item)
        if not answers:
            continue
        ctx.paragraph(f"Checklista inför beslut, {_label(item)}", S.H2)
        table = ctx.table([9.0, 2.4, 4.6])
        table.header(["Punkt", "Svar", "Kommentar"])
        for a in answers:
            answer = kinds.CHECKLIST_ANSWERS.get(as_text(a.get("answer")), "")
            table.row([as_text(a.get("item")), answer, as_text(a.get("comment"))])
        ctx.paragraph("", S.NOTE)


CONTENT = {"decision_points": (lambda ctx: bool(_points(ctx)), _render_table)}
