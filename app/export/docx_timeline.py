"""Goals and the timeline tables: Tidplan, Milstolpar, Delaktiviteter, Aktivitetsplan."""

from __future__ import annotations

from app import markup
from app.export.docx_context import Context
from app.export.docx_styles import S
from app.export.docx_tables import Markup
from app.export.plan_data import as_text, format_date, format_date_range

__all__ = ["CONTENT"]


def _label(item: dict) -> str:
    """ "BP1 Beslut av nytt uppdragsdirektiv", "1. Gemensamma mål"."""
    code, title = as_text(item.get("code")).strip(), as_text(item.get("title"))
    return f"{code} {title}" if code and title.strip() else code or title


# --- goals ------------------------------------------------------------------------


def _goals(ctx: Context, kind: str) -> list[dict]:
    return [g for g in ctx.plan.items("goals") if g.get("kind") == kind
            and (as_text(g.get("text")).strip() or as_text(g.get("measure")).strip())]


def _render_goals(ctx: Context, kind: str) -> None:
    w = ctx.writer
    for goal in _goals(ctx, kind):
        p = w.paragraph(ctx.body, style=S.LIST_BULLET)
        w.lists.apply(p, w.lists.bullets())
        w.inlines(p, markup.parse_inline(w.clean.text(goal.get("text"))))
        measure = as_text(goal.get("measure"))
        if measure.strip():
            w.text(p, "\nMått: ", italic=True)
            w.text(p, measure, italic=True)


# --- Tidplan ------------------------------------------------------------------------


def _render_phases(ctx: Context) -> None:
    table = ctx.table([9.2, 3.4, 3.4])
    table.header(["Fas/beslutspunkt", "Start", "Slut"])
    for item in ctx.plan.timeline_of("phase"):
        table.row([_label(item), format_date(item.get("start")), format_date(item.get("end"))])


# --- Milstolpar ------------------------------------------------------------------------


def _render_milestones(ctx: Context) -> None:
    table = ctx.table([3.0, 6.0, 2.6, 4.4])
    table.header(["Datum", "Beslut", "Beslutspunkt", "Kommentar"])
    for item in ctx.plan.timeline_of("decision_point", "milestone"):
        date = item.get("start") or item.get("end")
        table.row([format_date(date), as_text(item.get("title")), as_text(item.get("code")),
                   Markup(item.get("comment"))])


# --- Delaktiviteter ------------------------------------------------------------------------


def _title_and_description(ctx: Context, item: dict, title: str):
    def fill(cell, first):
        ctx.writer.text(first, title)
        description = as_text(item.get("description"))
        if description.strip():
            ctx.writer.markup(cell, description, style=S.TABLE_TEXT, bullet_style=S.TABLE_TEXT,
                              number_style=S.TABLE_TEXT)
    return fill


def _render_activities(ctx: Context) -> None:
    table = ctx.table([7.6, 2.7, 2.7, 3.0])
    table.header(["Aktivitet", "Startdatum", "Slutdatum", "Ansvarig"])
    for item in ctx.plan.timeline_of("activity"):
        table.row([_title_and_description(ctx, item, _label(item)), format_date(item.get("start")),
                   format_date(item.get("end")), ctx.plan.responsible(item)])


# --- Aktivitetsplan ------------------------------------------------------------------------


def _render_activity_plan(ctx: Context) -> None:
    table = ctx.table([3.5, 7.1, 2.6, 2.8])
    table.header(["Delområde", "Beskrivning", "Tidsplan", "Ansvarig"])
    for item in ctx.plan.timeline_of("activity"):
        table.row([_label(item), Markup(item.get("description")),
                   format_date_range(item.get("start"), item.get("end")), ctx.plan.responsible(item)])


CONTENT = {
    "goals_effect": (lambda ctx: bool(_goals(ctx, "effect")), lambda ctx: _render_goals(ctx, "effect")),
    "goals_deliverable": (lambda ctx: bool(_goals(ctx, "deliverable")), lambda ctx: _render_goals(ctx, "deliverable")),
    "timeline_phases": (lambda ctx: bool(ctx.plan.timeline_of("phase")), _render_phases),
    "milestones": (lambda ctx: bool(ctx.plan.timeline_of("decision_point", "milestone")), _render_milestones),
    "activities": (lambda ctx: bool(ctx.plan.timeline_of("activity")), _render_activities),
    "activity_plan": (lambda ctx: bool(ctx.plan.timeline_of("activity")), _render_activity_plan),
}
