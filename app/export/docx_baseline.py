"""The table "Tidplan mot beslutad plan": each item as decided (the last frozen edition), as it is now,
and the deviation (app.baseline)."""

from __future__ import annotations

from app.baseline import SLIP_STATES, compare, period_text
from app.baseline import document_slip_text as slip_text
from app.export.docx_context import Context

__all__ = ["CONTENT"]


def _has(ctx: Context) -> bool:
    return bool(compare(ctx.plan.raw))


def _render(ctx: Context) -> None:
    table = ctx.table([6.4, 3.6, 3.6, 2.6])
    table.header(["Post", "Beslutad", "Nu", "Avvikelse"])
    for row in compare(ctx.plan.raw):
        name = f"{row.code} {row.title}".strip()
        deviation = slip_text(row.slip_days) if row.slip_days is not None else SLIP_STATES[row.state]
        table.row([name, period_text(row.decided), period_text(row.now), deviation])


CONTENT = {"baseline": (_has, _render)}
