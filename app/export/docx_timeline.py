"""Goals and the timeline tables: Tidplan, Milstolpar, Delaktiviteter, Aktivitetsplan."""

from __future__ import annotations

from app import markup
from app.export.docx_context import Context
from app.export.docx_styles import S
from app.export.docx_tables import Markup, fit_widths
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
            w.text(p, "\nMätetal: ", italic=True)
            w.text(p, measure, italic=True)


# --- Tidplan ------------------------------------------------------------------------

def _schedule(ctx: Context) -> list[dict]:
    """The seed's Tidplan "Fas/beslutspunkt | Start | Slut": the phases, or, in a plan that
    has none yet, its decision points and milestones (never an empty Tidplan beside them)."""
    return ctx.plan.timeline_of("phase") or ctx.plan.timeline_of("decision_point", "milestone")


def _render_phases(ctx: Context) -> None:
    items = _schedule(ctx)
    labels = ["Fas/beslutspunkt", "Start", "Slut"]
    texts = [[_label(i), format_date(i.get("start")), format_date(i.get("end"))] for i in items]
    if not any(row[2] for row in texts):
        labels, texts = labels[:2], [row[:2] for row in texts]
    table = ctx.table(fit_widths(labels, texts, ctx.text_width))
    table.header(labels)
    for row in texts:
        table.row(row)


# --- Milstolpar ------------------------------------------------------------------------


def _milestone_labels(items: list[dict]) -> tuple[str, str]:
    """The two columns' headers: "Beslut" only over decision points (a milestone MS1 is no decision)."""
    kinds_ = {i.get("kind") for i in items}
    if kinds_ == {"decision_point"}:
        return "Beslut", "Beslutspunkt"
    if kinds_ == {"milestone"}:
        return "Milstolpe", "Kod"
    return "Beslut/milstolpe", "Beslutspunkt/milstolpe"


def _render_milestones(ctx: Context) -> None:
    items = ctx.plan.timeline_of("decision_point", "milestone")
    what, code = _milestone_labels(items)
    labels = ["Datum", what, code, "Kommentar"]
    texts = [[format_date(i.get("start") or i.get("end")), as_text(i.get("title")), as_text(i.get("code")),
              as_text(i.get("comment"))] for i in items]
    shown = [k for k in range(4) if k < 2 or any(row[k].strip() for row in texts)]
    table = ctx.table(fit_widths([labels[k] for k in shown], [[row[k] for k in shown] for row in texts],
                                 ctx.text_width))
    table.header([labels[k] for k in shown])
    for row in texts:
        table.row([Markup(row[k]) if k == 3 else row[k] for k in shown])


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
    items = ctx.plan.timeline_of("activity")
    labels = ["Aktivitet", "Startdatum", "Slutdatum", "Ansvarig"]
    texts = [[_label(i) + "\n" + as_text(i.get("description")), format_date(i.get("start")),
              format_date(i.get("end")), ctx.plan.responsible(i)] for i in items]
    shown = [k for k in range(4) if k == 0 or any(row[k].strip() for row in texts)]
    table = ctx.table(fit_widths([labels[k] for k in shown], [[row[k] for k in shown] for row in texts],
                                 ctx.text_width))
    table.header([labels[k] for k in shown])
    for item, row in zip(items, texts):
        cells = [_title_and_description(ctx, item, _label(item))] + [row[k] for k in shown[1:]]
        table.row(cells)


# --- Aktivitetsplan ------------------------------------------------------------------------


def _render_activity_plan(ctx: Context) -> None:
    items = ctx.plan.timeline_of("activity")
    labels = ["Delområde", "Beskrivning", "Tidsplan", "Ansvarig"]
    texts = [[_label(i), as_text(i.get("description")), format_date_range(i.get("start"), i.get("end")),
              ctx.plan.responsible(i)] for i in items]
    table = ctx.table(fit_widths(labels, texts, ctx.text_width))
    table.header(labels)
    for item in items:
        table.row([_label(item), Markup(item.get("description")),
                   format_date_range(item.get("start"), item.get("end")), ctx.plan.responsible(item)])


CONTENT = {
    "goals_effect": (lambda ctx: bool(_goals(ctx, "effect")), lambda ctx: _render_goals(ctx, "effect")),
    "goals_deliverable": (lambda ctx: bool(_goals(ctx, "deliverable")), lambda ctx: _render_goals(ctx, "deliverable")),
    "timeline_phases": (lambda ctx: bool(_schedule(ctx)), _render_phases),
    "milestones": (lambda ctx: bool(ctx.plan.timeline_of("decision_point", "milestone")), _render_milestones),
    "activities": (lambda ctx: bool(ctx.plan.timeline_of("activity")), _render_activities),
    "activity_plan": (lambda ctx: bool(ctx.plan.timeline_of("activity")), _render_activity_plan),
}
