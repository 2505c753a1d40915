"""CSV files of an activity list or risk register, written the way Swedish Excel writes them.

Written: semicolon separated, decimal comma, UTF-8 with a byte order mark (so Excel reads å, ä, ö),
CRLF line ends, text that a spreadsheet would take for a formula behind an apostrophe. Read: that,
and plain comma-separated UTF-8, tab-separated UTF-16 (Excel's "Unicode text") and Windows-1252
(older Excel's CSV), detected from the bytes and the header row; a file that is none of them,
too large, or longer than a plan can be is refused with a Swedish message before anything is
written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from app.i18n import tr

from app.tables import MAX_CELL, MAX_ROWS, TableError, safe_text

MAX_BYTES = 64 * 1024 * 1024
DELIMITERS = (";", ",", "\t")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else repr(value)).replace(".", ",")
    return safe_text(str(value))


def csv_bytes(rows: Iterable[list[Any]]) -> bytes:
    """The rows (header first) as a Swedish Excel CSV file's bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


@dataclass
class CsvTable:
    """A CSV file read: its header, its rows as (line number, cells), and notes about how it was read."""

    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]
    notes: list[str] = field(default_factory=list)


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    if b"\x00" in data[:4096]:
        raise TableError(tr("Filen ”{name}” är ingen textfil (den innehåller nolltecken); spara den som CSV och försök "
                            "igen.", name=name))
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    note = (tr("Filen ”{name}” var inte UTF-8 och lästes som Windows-1252 (äldre Excel); kontrollera å, ä och ö. Spara "
               "som ”CSV UTF-8” nästa gång.", name=name))
    if "\ufffd" in text:
        raise TableError(tr("Filen ”{name}” är varken UTF-8 eller Windows-1252; spara den som ”CSV UTF-8” och försök "
                            "igen.", name=name))
    return text, [note]


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_csv(path: Path) -> CsvTable:
    """Read a CSV file's header and prepare its rows; TableError for a file that cannot be a table."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TableError(tr("Filen ”{name}” är för stor ({v1} MB) för en aktivitets- eller risklista; högst {v2} "
                                "MB.", name=name, v1=size // (1024 * 1024), v2=MAX_BYTES // (1024 * 1024)))
        data = path.read_bytes()
    except FileNotFoundError:
        raise TableError(tr("Filen ”{path}” finns inte.", path=path)) from None
    except OSError as exc:
        raise TableError(tr("Filen ”{name}” kan inte läsas: {v1}.", name=name, v1=exc.strerror or exc)) from None
    if not data.strip():
        raise TableError(tr("Filen ”{name}” är tom.", name=name))
    text, notes = _decode(data, name)
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = _delimiter(first_line)
    csv.field_size_limit(MAX_CELL + 2)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        header = next(reader)
    except StopIteration:
        raise TableError(tr("Filen ”{name}” är tom.", name=name)) from None
    except csv.Error as exc:
        raise TableError(tr("Filen ”{name}” kan inte läsas som CSV: {exc}.", name=name, exc=exc)) from None

    rows: list[tuple[int, list[Any]]] = []  # all of them before any is used: a file too long is refused whole
    while True:
        line = reader.line_num + 1  # where the row starts (a quoted cell may span lines)
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise TableError(tr("Filen ”{name}” kan inte läsas som CSV efter rad {line_num}: {exc}. Ingenting har "
                                "importerats.", name=name, line_num=reader.line_num, exc=exc)) from None
        if len(rows) == MAX_ROWS:
            most = f"{MAX_ROWS:,}".replace(",", " ")
            raise TableError(tr("Filen ”{name}” har fler än {most} rader, fler än en plan kan ha. Ingenting har "
                                "importerats.", name=name, most=most))
        rows.append((line, cells))

    return CsvTable([h.strip() for h in header], iter(rows), notes)
