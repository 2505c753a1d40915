"""The organisation: Roller ansvar och befogenheter (table or list) and Resursplan."""

from __future__ import annotations

from app import kinds
from app.export.docx_context import Context
from app.markup import Run
from app.export.docx_styles import S
from app.export.plan_data import as_text, score

__all__ = ["CONTENT", "ROLE_LABELS", "ROLE_LIST_LABELS"]

# In the table (as in the plan seed: "Mottagare") and as lines "Uppdragsägare: …" (as in the
# directive seed: "Mottagare av resultatet").
ROLE_LABELS = kinds.ROLE_TABLE_LABELS
ROLE_LIST_LABELS = kinds.ROLE_LIST_LABELS


def _label(kind: str, labels: dict[str, str]) -> str:
    return labels.get(kind) or (kind[:1].upper() + kind[1:])


def _groups(ctx: Context) -> list[tuple[str, list[dict]]]:
    """Roles by kind, kinds in the order they first appear."""
    groups: dict[str, list[dict]] = {}
    for role in ctx.plan.roles:
        groups.setdefault(as_text(role.get("kind")), []).append(role)
    return list(groups.items())


# --- table ------------------------------------------------------------------------


def _list_cell(ctx: Context, values: list[str], notes: list[str] | None = None):
    """One value as plain text; several as a numbered list (one list per cell)."""
    w = ctx.writer

    def fill(cell, first):
        num_id = w.lists.new_numbered(1) if len(values) > 1 else None
        for k, value in enumerate(values):
            p = first if k == 0 else w.paragraph(cell, style=S.TABLE_TEXT)
            if num_id is not None:
                w.lists.apply(p, num_id)
            w.text(p, value)
            if notes and notes[k].strip():
                w.footnote(p, [Run(notes[k])])
    return fill


def _render_roles_table(ctx: Context) -> None:
    table = ctx.table([3.3, 5.7, 7.0])
    table.header(["Roll", "Namn", "Verksamhet"])
    for kind, roles in _groups(ctx):
        names = [ctx.plan.name_of(r) for r in roles]
        units = [ctx.plan.unit_of(r) for r in roles]
        notes = [as_text(r.get("note")) for r in roles]
        table.row([_label(kind, ROLE_LABELS), _list_cell(ctx, names), _list_cell(ctx, units, notes)])


# --- lines ------------------------------------------------------------------------


def _entry(ctx: Context, role: dict) -> str:
    """ "Johan Nordlund (Beställarenheten)"; unit and note in the parenthesis."""
    name = ctx.plan.name_of(role).strip()
    extra = [x.strip() for x in (ctx.plan.unit_of(role), as_text(role.get("note"))) if x.strip()]
    if extra:
        return f"{name} ({', '.join(extra)})" if name else ", ".join(extra)
    return name


def _render_roles_list(ctx: Context) -> None:
    w = ctx.writer
    for kind, roles in _groups(ctx):
        p = w.paragraph(ctx.body, style=S.NORMAL)
        w.text(p, _label(kind, ROLE_LIST_LABELS) + ":", bold=True)
        w.text(p, " " + ", ".join(e for e in (_entry(ctx, r) for r in roles) if e))


# --- Resursplan ------------------------------------------------------------------------


def _allocation(value: object) -> str:
    number = score(value)
    if number is None:
        return as_text(value)
    return f"{number}\u00a0%"


def _render_resources(ctx: Context) -> None:
    rows = ctx.plan.items("resources")
    with_share = any(r.get("allocation") not in (None, "") for r in rows)
    table = ctx.table([8.6, 5.4, 2.0] if with_share else [9.0, 7.0])
    table.header(["Resurs/kompetens", "Namn"] + (["Andel"] if with_share else []))
    for r in rows:
        cells = [as_text(r.get("competence")), ctx.plan.name_of(r)]
        if with_share:
            cells.append(_allocation(r.get("allocation")))
        table.row(cells)


CONTENT = {
    "roles_table": (lambda ctx: bool(ctx.plan.roles), _render_roles_table),
    "roles_list": (lambda ctx: bool(ctx.plan.roles), _render_roles_list),
    "resources": (lambda ctx: bool(ctx.plan.items("resources")), _render_resources),
}
