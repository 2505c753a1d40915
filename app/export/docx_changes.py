"""The appendix "Ändringar sedan utgåva X": what changed in the plan since an edition, part by part,
for the next decision (app.plan_diff made the lines; the plan dict carries them as plain data)."""

from __future__ import annotations

from typing import Any

from app.export.docx_context import Context
from app.export.docx_styles import S
from app.export.plan_data import as_dict, as_list, as_text

KEY = "changes_appendix"  # {"since": "1.0", "parts": [[heading, [line, …]], …]} in the plan dict


def appendix(since: str, parts: list[tuple[str, list[str]]]) -> dict[str, Any]:
    """The plain data the export renders: the edition compared with, and the lines of each part."""
    return {"since": since, "parts": [[heading, list(lines)] for heading, lines in parts]}


def has_changes(ctx: Context) -> bool:
    return bool(as_dict(ctx.plan.raw.get(KEY)))


def render_changes(ctx: Context) -> None:
    data = as_dict(ctx.plan.raw.get(KEY))
    heading = ctx.paragraph(f"Bilaga: Ändringar sedan utgåva {as_text(data.get('since'))}", S.H1)
    heading.paragraph_format.page_break_before = True
    parts = [p for p in as_list(data.get("parts")) if isinstance(p, list) and len(p) == 2]
    if not parts:
        ctx.paragraph("Inga ändringar.", S.NORMAL)
        return
    for title, lines in parts:
        ctx.paragraph(as_text(title), S.H2)
        for line in as_list(lines):
            ctx.paragraph(as_text(line), S.LIST_BULLET)
