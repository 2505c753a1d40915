"""An activity list or risk register read from a sheet of an Excel workbook (.xlsx) someone already has.

openpyxl in read-only mode with the cells' values (a formula gives the value Excel last computed,
never runs). The workbook is checked before openpyxl opens it: a zip archive whose parts unpack to
no more than MAX_UNPACKED bytes (a "zip bomb" is refused), and a sheet longer than a plan can be is
refused before any row is used. openpyxl reads the workbook's XML through defusedxml (a runtime
dependency), which refuses a DTD with entities: an "XML bomb" or an external entity is refused, not
expanded.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from app.i18n import tr

from app.tables import MAX_ROWS, TableError

MAX_BYTES = 64 * 1024 * 1024
MAX_UNPACKED = 512 * 1024 * 1024
MAX_COLUMNS = 200
HEADER_SEARCH = 20  # rows searched for the header


@dataclass
class XlsxTable:
    sheets: list[str]
    sheet: str
    header: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


def _check_archive(path: Path) -> None:
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise TableError(tr("Filen ”{path}” finns inte.", path=path)) from None
    except OSError as exc:
        raise TableError(tr("Filen ”{name}” kan inte läsas: {v1}.", name=name, v1=exc.strerror or exc)) from None
    if size > MAX_BYTES:
        raise TableError(tr("Filen ”{name}” är för stor ({v1} MB) för en aktivitets- eller risklista; högst {v2} MB.",
                            name=name, v1=size // (1024 * 1024), v2=MAX_BYTES // (1024 * 1024)))
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TableError(tr("Filen ”{name}” är ingen Excel-arbetsbok (.xlsx), eller så är den skadad.",
                            name=name)) from None
    if sum(p.file_size for p in parts) > MAX_UNPACKED:
        raise TableError(tr("Filen ”{name}” packas upp till mer än {v1} MB och läses inte.", name=name,
                            v1=MAX_UNPACKED // (1024 * 1024)))
    if not any(p.filename == "xl/workbook.xml" for p in parts):
        raise TableError(tr("Filen ”{name}” är ingen Excel-arbetsbok (.xlsx), eller så är den skadad.", name=name))


def _header_text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _header_row(raw: list[tuple[int, list[Any]]]) -> int | None:
    """The index of the header: the first of the top rows whose names Uppdrag knows (a title above the
    table is passed over), else the first row with anything in it."""
    from app.tables import detect_table

    filled = [i for i, (_n, cells) in enumerate(raw[:HEADER_SEARCH]) if any(str(v or "").strip() for v in cells)]
    known = [i for i in filled if detect_table([_header_text(v) for v in raw[i][1]])]
    return known[0] if known else (filled[0] if filled else None)


def _first_list(wb: Any, sheets: list[str]) -> str:
    """The first sheet whose top rows name a list Uppdrag knows, else the first sheet with anything in it."""
    from app.tables import detect_table

    first_filled = None
    for name in sheets:
        try:
            top = [list(v) for v in wb[name].iter_rows(values_only=True, max_row=HEADER_SEARCH, max_col=MAX_COLUMNS)]
        except Exception:  # noqa: BLE001 - a damaged sheet is said when it is read
            continue
        for cells in top:
            if any(str(v or "").strip() for v in cells):
                first_filled = first_filled or name
                if detect_table([_header_text(v) for v in cells]):
                    return name
    return first_filled or sheets[0]


def _refusal(exc: Exception, what: str) -> TableError:
    """A Swedish TableError for what openpyxl raised reading `what` (the workbook or one of its sheets)."""
    from defusedxml import DefusedXmlException

    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, DefusedXmlException):  # openpyxl wraps it in a ValueError
        cause = cause.__cause__ or cause.__context__
    if cause is not None:
        return TableError(tr("{what} innehåller XML-entiteter eller en DTD, som Excel aldrig skriver (så ser "
                             "XML-bomber och externa entiteter ut); den lästes inte och ingenting har importerats.",
                             what=what))
    return TableError(tr("{what} kan inte läsas ({error}); ingenting har importerats.", what=what,
                         error=type(exc).__name__))


def read_xlsx(path: Path, sheet: str | None = None, *, header_only: bool = False) -> XlsxTable:
    """The sheet's (by default the first that holds a list) header row (app.tables' names found in one of its top rows, else its first row with
    anything in it) and the non-empty rows below it, with their row numbers."""
    from openpyxl import load_workbook

    _check_archive(path)
    name = path.name
    # Opened here, closed here: openpyxl leaves its own handle open when a workbook fails while it is read.
    fh = path.open("rb")
    try:
        wb = load_workbook(fh, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged workbook
        fh.close()
        raise _refusal(exc, tr("Filen ”{name}” (Excel-arbetsbok)", name=name)) from None
    try:
        sheets = list(wb.sheetnames)
        if not sheets:
            raise TableError(tr("Arbetsboken ”{name}” har inga blad.", name=name))
        chosen = sheet or _first_list(wb, sheets)
        if chosen not in sheets:
            raise TableError(tr("Arbetsboken ”{name}” har inget blad ”{chosen}”; den har {v1}.", name=name,
                                chosen=chosen, v1=', '.join(sheets)))
        ws = wb[chosen]
        raw: list[tuple[int, list[Any]]] = []
        try:
            for number, values in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
                if header_only and number > HEADER_SEARCH:
                    break
                if all(v is None or v == "" for v in values):
                    continue  # formatted but empty rows do not count
                if len(raw) == MAX_ROWS + HEADER_SEARCH:
                    most = f"{MAX_ROWS:,}".replace(",", " ")
                    raise TableError(tr("Bladet ”{chosen}” i ”{name}” har fler än {most} rader, fler än en plan kan "
                                        "ha. Ingenting har importerats.", chosen=chosen, name=name, most=most))
                raw.append((number, list(values)))
        except TableError:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged sheet fails inside openpyxl's parser
            raise _refusal(exc, f"Bladet ”{chosen}” i ”{name}”") from None
        at = _header_row(raw)
        header = [_header_text(v) for v in raw[at][1]] if at is not None else []
        while header and not header[-1]:
            header.pop()
        rows = [(n, cells[:len(header)]) for n, cells in raw[at + 1:]] if at is not None else []
        if len(rows) > MAX_ROWS:
            most = f"{MAX_ROWS:,}".replace(",", " ")
            raise TableError(tr("Bladet ”{chosen}” i ”{name}” har fler än {most} rader, fler än en plan kan ha. "
                                "Ingenting har importerats.", chosen=chosen, name=name, most=most))
        if not header:
            raise TableError(tr("Bladet ”{chosen}” i ”{name}” är tomt.", chosen=chosen, name=name))
        while rows and all(c is None for c in rows[-1][1]):
            rows.pop()
        return XlsxTable(sheets, chosen, header, rows)
    finally:
        wb.close()
        fh.close()
