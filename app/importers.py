"""Import a file whose suffix picks the format; shared by the command line and the GUI.

`.json` is a whole plan (app.plans). `.csv` and `.xlsx` are an activity list or a risk register
read into an existing plan (app.tables). Each format's module is imported only when it is used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from app.i18n import label, tr

from app.workspace import Workspace


@dataclass
class ImportOutcome:
    plan_id: int
    existed: bool  # an existing plan was updated
    lines: list[str] = field(default_factory=list)  # the Swedish summary of a table or MS Project import


@dataclass(frozen=True)
class TableChoice:
    """How to read a table: into which plan, which list (None: from the header), which sheet of a
    workbook (None: the first), and columns a person mapped (row field -> header)."""

    plan_id: int | None = None
    table: str | None = None
    sheet: str | None = None
    mapping: Mapping[str, str] | None = None


class UnknownImportFormat(ValueError):
    pass


def _json(ws: Workspace, path: Path, choice: TableChoice) -> ImportOutcome:
    from app.plans import import_plan_file

    plan_id, existed = import_plan_file(ws, path)
    return ImportOutcome(plan_id, existed)


def _mspdi(ws: Workspace, path: Path, choice: TableChoice) -> ImportOutcome:
    from app.plans import import_mspdi_file

    plan_id, existed, summary = import_mspdi_file(ws, path)
    return ImportOutcome(plan_id, existed, summary)


def _csv(ws: Workspace, path: Path, choice: TableChoice) -> ImportOutcome:
    from app.csv_tables import read_csv

    read = read_csv(path)
    return import_table(ws, choice, read.header, read.rows, read.notes, path.name)


def _xlsx(ws: Workspace, path: Path, choice: TableChoice) -> ImportOutcome:
    from app.xlsx_tables import read_xlsx

    read = read_xlsx(path, choice.sheet)
    return import_table(ws, choice, read.header, iter(read.rows), [], tr("{name}, bladet {sheet}", name=path.name,
                                                                         sheet=read.sheet))


IMPORTERS: dict[str, tuple[str, Callable[[Workspace, Path, TableChoice], ImportOutcome]]] = {
    ".json": ("Plan som JSON", _json),
    ".xml": ("MS Project-XML", _mspdi),
    ".csv": ("Aktiviteter eller risker (CSV)", _csv),
    ".xlsx": ("Aktiviteter eller risker (Excel)", _xlsx),
}
TABLE_FORMATS = (".csv", ".xlsx")  # read into an existing plan


def import_file(ws: Workspace, path: Path, choice: TableChoice | None = None) -> ImportOutcome:
    """Import `path` in the format its suffix names."""
    suffix = path.suffix.lower()
    if suffix not in IMPORTERS:
        raise UnknownImportFormat(tr("Okänt filformat ”{suffix}”; använd någon av {known}.", suffix=suffix or "(inget)",
                                     known=", ".join(IMPORTERS)))
    return IMPORTERS[suffix][1](ws, path, choice or TableChoice())


@dataclass(frozen=True)
class TablePreview:
    """What a person maps before a table import: the workbook's sheets, the chosen sheet's header,
    the list it looks like (None: unknown) and the columns found by name (row field -> header)."""

    sheets: list[str]
    sheet: str | None
    header: list[str]
    table: str | None
    found: dict[str, str]


def preview_table(path: Path, sheet: str | None = None, table: str | None = None) -> TablePreview:
    """The header of a .csv file or of a workbook's sheet, read without importing anything."""
    from app.tables import detect_table, map_columns

    if path.suffix.lower() == ".xlsx":
        from app.xlsx_tables import read_xlsx

        read = read_xlsx(path, sheet, header_only=True)
        sheets, chosen, header = read.sheets, read.sheet, read.header
    else:
        from app.csv_tables import read_csv

        sheets, chosen, header = [], None, read_csv(path).header
    table = table or detect_table(header)
    found = {f: header[i] for f, i in map_columns(header, table).items()} if table else {}
    return TablePreview(sheets, chosen, header, table, found)


def import_table(ws: Workspace, choice: TableChoice, header: list[Any], rows: Any, notes: list[str],
                 name: str) -> ImportOutcome:
    """Rows of an activity list or risk register into the chosen plan: the whole file is read and checked
    first, then written in one transaction (nothing is written if it cannot be read)."""
    from app.planfile.write import list_to_dict, plan_to_dict
    from app.plans import import_plan_data
    from app.tables import LIST_KEY, TABLE_NAMES, TableError, apply_rows, detect_table, map_columns

    if choice.plan_id is None:
        raise TableError(tr("Ange vilken plan listan i ”{name}” ska läsas in i (--plan).", name=name))
    table = choice.table or detect_table(header)
    if table is None:
        raise TableError(tr("Första raden i ”{name}” har inga kolumnnamn som Uppdrag känner igen (till exempel "
                            "”Benämning”, ”Start”, ”Slut” eller ”Risk”, ”Sannolikhet”).", name=name))
    found = map_columns(header, table, choice.mapping)
    key = LIST_KEY[table]
    plan = list_to_dict(ws, choice.plan_id, key)  # the whole plan is read only if the list changes
    summary = apply_rows(plan, table, rows, found, risk_scale=ws.risk_scale,
                         taken=lambda wanted: _taken_uuids(ws, table, wanted))
    summary.notes[:0] = notes
    if summary.added + summary.updated == 0 and not summary.unchanged:
        raise TableError(tr("Inga {v1} kunde läsas ur ”{name}”. Ingenting har importerats.\n",
                            v1=label(TABLE_NAMES[table]), name=name)
                         + "\n".join(summary.lines()[1:]))
    if summary.added or summary.updated:
        whole = plan_to_dict(ws, choice.plan_id, with_editions=True)
        whole[key] = plan[key]
        import_plan_data(ws, whole)
    return ImportOutcome(choice.plan_id, True, summary.lines())


def _taken_uuids(ws: Workspace, table: str, wanted: set[str]) -> set[str]:
    """Those of `wanted` that rows of that list (any plan) in the file have: a new row never takes one."""
    from db import models

    model = models.TimelineItem if table == "activities" else models.Risk
    ws.store.activate()
    ids = sorted(wanted)
    return {u for i in range(0, len(ids), 500)
            for u in cast(Iterable[str], model.select(model.uuid).where(model.uuid.in_(ids[i:i + 500])).scalars())}
