"""The organisation: Roller ansvar och befogenheter (table or list) and Resursplan."""

from __future__ import annotations

from app import kinds
from app.export.docx_context import Context
from app.markup import Run
from app.export.docx_styles import S
from app.export.docx_tables import fit_widths
from app.export.plan_data import as_text, score

__all__ = ["CONTENT"]


def _label(ctx: Context, kind: str, *, listed: bool = False) -> str:
    """The role as the document type calls it; as a line the recipient is "Mottagare av
    resultatet" (the directive seed), in a table "Mottagare" (the plan seed)."""
    return kinds.role_heading(kind, ctx.plan.doc_type, listed=listed)


def _groups(ctx: Context) -> list[tuple[str, list[dict]]]:
    """Roles by kind, kinds in the order they first appear."""
    groups: dict[str, list[dict]] = {}
    for role in ctx.plan.roles:
        groups.setdefault(as_text(role.get("kind")), []).append(role)
    return list(groups.items())


# --- table ------------------------------------------------------------------------


def _list_cell(ctx: Context, values: list[str], notes: list[str] | None = None):
    """One value as plain text; several as a numbered list (one list per cell). A cell
    whose values are all empty stays empty: no bare numbers "1. 2. 3."."""
    w = ctx.writer
    if not any(v.strip() for v in values) and not any(n.strip() for n in notes or ()):
        return ""

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
    groups = [(kind, [ctx.plan.name_of(r) for r in roles], [ctx.plan.unit_of(r) for r in roles],
               [as_text(r.get("note")) for r in roles]) for kind, roles in _groups(ctx)]
    with_unit = any(u.strip() or n.strip() for _, _, units, notes in groups for u, n in zip(units, notes))
    labels = ["Roll", "Namn"] + (["Verksamhet"] if with_unit else [])
    texts = [[_label(ctx, kind), "\n".join(names)] + (["\n".join(units)] if with_unit else [])
             for kind, names, units, _ in groups]
    table = ctx.table(fit_widths(labels, texts, ctx.text_width))
    table.header(labels)
    for kind, names, units, notes in groups:
        cells = [_label(ctx, kind), _list_cell(ctx, names)]
        if with_unit:
            cells.append(_list_cell(ctx, units, notes))
        table.row(cells)


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
        w.text(p, _label(ctx, kind, listed=True) + ":", bold=True)
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
    labels = ["Resurs/kompetens", "Namn"] + (["Andel"] if with_share else [])
    texts = [[as_text(r.get("competence")), ctx.plan.name_of(r)] + ([_allocation(r.get("allocation"))]
             if with_share else []) for r in rows]
    table = ctx.table(fit_widths(labels, texts, ctx.text_width))
    table.header(labels)
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
