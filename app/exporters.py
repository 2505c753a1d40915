"""Export a plan to a file whose suffix picks the format; shared by the command line and the GUI.

Each format's module is imported only when it is used, so that the command
line starts without loading python-docx or openpyxl.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from functools import partial
from typing import Any, cast
from app.i18n import in_swedish, tr

from app.workspace import Workspace


@dataclass
class ExportOutcome:
    path: Path
    warnings: list[str] = field(default_factory=list)


def _json(ws: Workspace, plan: dict[str, Any], out: Path) -> ExportOutcome:
    from app.planfile.write import write_plan_json

    return ExportOutcome(write_plan_json(plan, out))


def _docx(ws: Workspace, plan: dict[str, Any], out: Path, checklists: bool = False) -> ExportOutcome:
    from app.export.docx_export import export_docx
    from app.word_reference import reference_for_export

    with reference_for_export(ws) as reference:
        result = export_docx(plan, out, reference=reference, risk_scale=ws.risk_scale, draft_mark=_draft_mark(ws),
                             checklists=checklists)
    return ExportOutcome(result.path, list(result.warnings))


def _pdf(ws: Workspace, plan: dict[str, Any], out: Path) -> ExportOutcome:
    from app.export.pdf_export import export_pdf
    from app.word_reference import reference_for_export

    with reference_for_export(ws) as reference:
        result = export_pdf(plan, out, reference=reference, risk_scale=ws.risk_scale, draft_mark=_draft_mark(ws))
    return ExportOutcome(result.path, list(result.warnings))


def _xlsx(ws: Workspace, plan: dict[str, Any], out: Path) -> ExportOutcome:
    from app.export.xlsx_export import export_xlsx
    from app.risks import load_settings

    settings = load_settings(ws)
    from app.load import plan_load

    result = export_xlsx(plan, out, risk_scale=settings.scale, risk_settings=settings,
                         load=plan_load(ws, plan["uuid"]))
    return ExportOutcome(result.path, list(result.warnings))


def _mspdi(ws: Workspace, plan: dict[str, Any], out: Path) -> ExportOutcome:
    from app.mspdi.write import write_mspdi

    return ExportOutcome(out, write_mspdi(plan, out))


def _ics(ws: Workspace, plan: dict[str, Any], out: Path, activities: bool = False) -> ExportOutcome:
    from app.export.ics_export import export_ics, items_from_plan

    items = items_from_plan(plan, item_revisions(ws, [plan["uuid"]]), activities=activities)
    result = export_ics(items, out, plan["title"])
    return ExportOutcome(result.path, list(result.warnings))


def _csv(ws: Workspace, plan: dict[str, Any], out: Path, table: str = "activities") -> ExportOutcome:
    from app.csv_tables import csv_bytes
    from app.export.result import save_beside, write_bytes
    from app.risks import LEVEL_NAMES, load_settings, risk_value
    from app.tables import export_rows

    settings = load_settings(ws)

    def value(r: dict[str, Any]) -> int | None:
        return risk_value(r.get("probability"), r.get("impact"))

    data = csv_bytes(export_rows(plan, table, risk_value=value,
                                 risk_level=lambda r: LEVEL_NAMES.get(settings.level(value(r)) or "", "")))
    save_beside(out, partial(write_bytes, data), program="Excel")
    return ExportOutcome(out)


def item_revisions(ws: Workspace, plan_uuids: list[str]) -> dict[str, int]:
    """Timeline item uuid → its revision (the calendar's SEQUENCE), for the plans named."""
    from db import models

    ws.store.activate()
    T, P = models.TimelineItem, models.Plan
    query = (T.select(T.uuid, T.rev).join(P, on=(T.plan == P.id))
             .where(P.uuid.in_(plan_uuids), T.deleted_at.is_null()).tuples())
    return dict(cast(Iterable[tuple[str, int]], query))


DRAFT_MARK_KEY = "draft_mark"  # the file's choice: "UTKAST" in the header of a draft (default yes)


def _draft_mark(ws: Workspace) -> bool:
    return bool(ws.setting(DRAFT_MARK_KEY, True))


EXPORTERS: dict[str, tuple[str, Callable[[Workspace, dict[str, Any], Path], ExportOutcome]]] = {
    ".json": ("Plan som JSON", _json),
    ".docx": ("Word-dokument", _docx),
    ".pdf": ("PDF", _pdf),
    ".xlsx": ("Excel-arbetsbok", _xlsx),
    ".ics": ("iCalendar-kalender", _ics),
    ".csv": ("CSV (aktiviteter)", _csv),
    ".xml": ("MS Project-XML", _mspdi),
}
# The formats' names as labels a window translates (its menu).
FORMAT_LABELS = {suffix: name for suffix, (name, _fn) in EXPORTERS.items()}
# What the whole file (every plan) can be exported as.
PORTFOLIO_FORMATS = (".ics", ".xlsx")


class UnknownFormat(ValueError):
    pass


def _checked_suffix(out: Path, known: Any) -> str:
    suffix = out.suffix.lower()
    if suffix not in known:
        raise UnknownFormat(tr("Okänt filformat ”{suffix}”; använd någon av {known}.", suffix=suffix or "(inget)",
                               known=", ".join(known)))
    if not out.parent.exists():
        raise UnknownFormat(tr("Mappen ”{parent}” finns inte.", parent=out.parent))
    return suffix


def export_plan(ws: Workspace, plan_id: int, out: Path, *, checklists: bool = False,
                without_contacts: bool = False, changes_since: str | None = None, activities: bool = False,
                table: str = "activities") -> ExportOutcome:
    """Export in the format the suffix names; `checklists` adds the answered checklists to a Word file;
    `without_contacts` leaves out the people's e-mail, phone and notes (editions' too), in every format;
    `changes_since` (an edition's label) adds the appendix "Ändringar sedan utgåva X" to Word and PDF;
    `activities` puts the activities in a calendar beside the decision points and milestones; `table` is
    the list a CSV file holds ("activities" or "risks")."""
    suffix = _checked_suffix(out, EXPORTERS)
    from app.export.plan_data import dates_capitalised
    from app.planfile.write import list_to_dict, plan_to_dict

    if changes_since is not None and suffix not in (".docx", ".pdf"):
        raise UnknownFormat(tr("Bilagan ”Ändringar sedan utgåva” finns bara i Word och PDF."))
    if suffix == ".csv":  # one list of the plan: the rest of it is not read
        from app.tables import LIST_KEY

        plan = list_to_dict(ws, plan_id, LIST_KEY[table])
    else:
        plan = plan_to_dict(ws, plan_id)
    if changes_since is not None:
        plan["changes_appendix"] = changes_appendix(ws, plan_id, changes_since)
    if without_contacts:
        from app.people import strip_contact_details

        plan = strip_contact_details(plan)
    if suffix not in (".json", ".csv"):  # "Tidplan mot beslutad plan" compares against the edition the file chose
        from app.baseline import with_chosen_baseline

        plan = with_chosen_baseline(ws, plan)
    with dates_capitalised(ws.dates_capitalised):
        if checklists and suffix == ".docx":
            return _docx(ws, plan, out, checklists=True)
        if activities and suffix == ".ics":
            return _ics(ws, plan, out, activities=True)
        if suffix == ".csv":
            return _csv(ws, plan, out, table)
        return EXPORTERS[suffix][1](ws, plan, out)


def changes_appendix(ws: Workspace, plan_id: int, since: str) -> dict[str, Any]:
    """The plain data of the appendix "Ändringar sedan utgåva `since`" (app.export.docx_changes)."""
    from app.editions import plan_changes
    from app.export.docx_changes import appendix
    from app.plan_diff import grouped

    with in_swedish():  # part of the document: Swedish in every language
        diffs, old, _new = plan_changes(ws, plan_id, since)
        return appendix(old, [(label, [d.line() for d in items]) for label, items in grouped(diffs)])


def export_portfolio(ws: Workspace, out: Path, *, without_contacts: bool = False,
                     activities: bool = False) -> ExportOutcome:
    """Every plan in the file in one export (PORTFOLIO_FORMATS): the calendar of all decision points
    and milestones (`activities`: and activities)."""
    suffix = _checked_suffix(out, PORTFOLIO_FORMATS)
    from app.export.ics_export import export_ics, items_from_plan
    from app.planfile.write import plan_to_dict
    from app.plans import list_plans

    summaries = list_plans(ws)
    revs = item_revisions(ws, [p.uuid for p in summaries]) if suffix == ".ics" else {}
    items = []
    risks = []
    for summary in summaries:
        plan = plan_to_dict(ws, summary.id, with_editions=False)
        if without_contacts:
            from app.people import strip_contact_details

            plan = strip_contact_details(plan)
        items += items_from_plan(plan, revs, activities=activities)
        risks += [{**r, "plan_title": plan["title"]} for r in plan["risks"]]
    if suffix == ".xlsx":
        return _portfolio_xlsx(ws, risks, out)
    result = export_ics(items, out, "Uppdrag – alla planer")
    return ExportOutcome(result.path, list(result.warnings))


def _portfolio_xlsx(ws: Workspace, risks: list[dict[str, Any]], out: Path) -> ExportOutcome:
    """The risk workbook of the whole file: every plan's risks, and everyone's load across the plans."""
    from app.export.xlsx_export import export_xlsx
    from app.load import file_load
    from app.risks import load_settings

    settings = load_settings(ws)
    whole = {"title": ws.path.name if ws.path else "", "metadata": {}, "risks": risks}
    result = export_xlsx(whole, out, risk_scale=settings.scale, risk_settings=settings, load=file_load(ws),
                         portfolio=True)
    return ExportOutcome(result.path, list(result.warnings))


def registrar_findings(ws: Workspace, plan_id: int) -> list[str]:
    """The registrar's check (app.registrar) of a plan in the open file, on the file's risk scale."""
    from app.planfile.write import plan_to_dict
    from app.registrar import registrar_check

    return registrar_check(plan_to_dict(ws, plan_id, with_editions=False), ws.risk_scale)
