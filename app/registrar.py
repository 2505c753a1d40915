"""The registrar's check: what a registrar would send back before filing a document.

Run on the plan dict an export gets (docs/plan-format.md), before exporting for
registration. Each finding is one Swedish sentence; an empty list means nothing
to send back. The GUI shows the list and lets the user export anyway; the command
line prints it with ``uppdrag export … --kontroll`` and exits 1 when it is not empty.
"""

from __future__ import annotations

from typing import Any

from app.i18n import tr

__all__ = ["DECIDED_STATUSES", "registrar_check"]

DECIDED_STATUSES = frozenset({"approved", "active", "completed"})


def _context(plan: dict[str, Any], risk_scale: int) -> Any:
    """The export's view of the plan, without a Word document (only what the outline reads)."""
    from types import SimpleNamespace

    from app.export.docx_context import Context
    from app.export.plan_data import PlanData
    from app.export.sanitize import Sanitizer

    return Context(None, SimpleNamespace(clean=Sanitizer()), PlanData(plan), 0, risk_scale)  # type: ignore[arg-type]


def _timeline_dates(ctx: Any) -> list[str]:
    from app.export.plan_data import as_text, vague

    findings = []
    for item in ctx.plan.timeline:
        name = ctx.writer.clean.line(" ".join(x for x in (as_text(item.get("code")), as_text(item.get("title"))) if x))
        name = name.strip()[:60] or tr("(utan namn)")
        for key, said in (("start", tr("Tidplanens post ”{name}” har startdatumet ”{date}”, som inte kan placeras "
                                       "på tidslinjen.")),
                          ("end", tr("Tidplanens post ”{name}” har slutdatumet ”{date}”, som inte kan placeras "
                                     "på tidslinjen."))):
            text = as_text(item.get(key)).strip()
            if text and vague(text) is None:
                findings.append(said.format(name=name, date=text[:40]))
        if item.get("kind") in ("decision_point", "milestone") and not (
                as_text(item.get("start")).strip() or as_text(item.get("end")).strip()):
            findings.append(tr("Beslutspunkten eller milstolpen ”{name}” saknar datum och kan inte placeras på "
                               "tidslinjen.", name=name))
    return findings


def registrar_check(plan: dict[str, Any], risk_scale: int = 4) -> list[str]:
    """What a registrar would send back, as Swedish sentences (empty: ready to file)."""
    from app.export import docx_decision
    from app.export.docx_document import empty_required
    from app.export.docx_registers import out_of_scale
    from app.export.plan_data import as_text

    ctx = _context(plan, risk_scale)
    data = ctx.plan
    findings: list[str] = []
    if not data.meta("diarienummer").strip():
        findings.append(tr("Diarienummer saknas."))
    decided = data.meta("status") in DECIDED_STATUSES or as_text(data.decision.get("choice")) in ("yes", "no")
    if decided and not as_text(data.decision.get("date")).strip():
        findings.append(tr("Dokumentet är beslutat men beslutsdatum saknas."))
    for heading in empty_required(ctx):
        findings.append(tr("Det obligatoriska avsnittet ”{heading}” är tomt.", heading=heading[:60]))
    has_place = any(as_text(s.get("content")) == "decision" for s in data.sections())
    if docx_decision.has_decision(ctx) and not has_place:
        findings.append(tr("Ett beslut är registrerat men planen har inget avsnitt Beslut där det skrivs ut."))
    for risk in out_of_scale(data.items("risks"), risk_scale):
        title = ctx.writer.clean.line(risk.get("title")).strip()[:60] or tr("(utan namn)")
        findings.append(tr("Risken ”{title}” har sannolikhet eller konsekvens utanför skalan 1–{scale}.", title=title,
                           scale=risk_scale))
    findings += _timeline_dates(ctx)
    return findings
