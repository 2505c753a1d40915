"""Reading a plan file: its text, the schema, then what the schema cannot say; each problem in Swedish."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from app.dates import DateParseError
from app.i18n import tr
from app.date_text import parse_range
from app.planfile import FORMAT, FORMAT_VERSION
from app.planfile.schema import schema_problems
from app.planfile.semantics import semantic_problems, vague

MAX_IMPORT_BYTES = 200 * 1024 * 1024


class PlanFileError(ValueError):
    """The file cannot be imported; str() lists each problem with the path of the bad value."""


def read_plan_file(path: Path) -> dict[str, Any]:
    """Load and check a plan file; raise PlanFileError with Swedish messages."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise PlanFileError(tr("Filen ”{name}” är för stor för att vara en plan.", name=path.name))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanFileError(tr("Filen ”{path}” finns inte.", path=path)) from None
    except UnicodeDecodeError:
        raise PlanFileError(tr("Filen ”{name}” är inte en textfil i UTF-8.", name=path.name)) from None
    except OSError as exc:
        raise PlanFileError(tr("Filen ”{name}” kan inte läsas: {why}.", name=path.name, why=exc.strerror)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            tr("Filen ”{name}” är inte giltig JSON (rad {line}, kolumn {column}).", name=path.name, line=exc.lineno,
               column=exc.colno)
        ) from None
    except RecursionError:
        raise PlanFileError(tr("Filen ”{name}” är för djupt nästlad för att vara en plan.", name=path.name)) from None
    if _SURROGATE_ESCAPE.search(text):  # only a \uD800–\uDFFF escape can give a lone surrogate
        where = _lone_surrogate(data)
        if where is not None:
            raise PlanFileError(
                tr("Filen ”{name}” innehåller ett ensamt surrogattecken ({char}) i {where}, vilket inte är giltig "
                   "text. Rätta värdet och importera filen igen.", name=path.name, char=f"\\u{ord(where[1]):04x}",
                   where=where[0])
            )
    try:
        if isinstance(data, dict):
            _split_ranges(data)
        check_plan_dict(data)
    except RecursionError:
        raise PlanFileError(tr("Filen ”{name}” är för djupt nästlad för att vara en plan.", name=path.name)) from None
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _lone_surrogate(data: Any) -> tuple[str, str] | None:
    """(where in the plan, the character) of the first string holding a lone surrogate; None if none."""
    root = tr("planen")
    stack: list[tuple[str, Any]] = [(root, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            bad = next((c for c in value if "\ud800" <= c <= "\udfff"), None)
            if bad is not None:
                return where, bad
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):  # reversed: the first in the file is found first
                if isinstance(key, str) and any("\ud800" <= c <= "\udfff" for c in key):
                    return tr("{where} (ett fältnamn)", where=where), next(c for c in key if "\ud800" <= c <= "\udfff")
                stack.append((f"{where}.{key}" if where != root else str(key), item))
        elif isinstance(value, list):
            stack.extend(reversed([(f"{where}[{i}]", item) for i, item in enumerate(value)]))
    return None


def _split_ranges(data: dict[str, Any]) -> None:
    """A whole period written in a row's `start` ("okt 2024 – jan 2025") with no `end`
    becomes its start and end, in canonical form; anything else is left for the checks."""
    lists = {"timeline": data.get("timeline"), "resources": data.get("resources"),
             "organisation.roles": (data.get("organisation") or {}).get("roles")
             if isinstance(data.get("organisation"), dict) else None}
    for rows in lists.values():
        for row in rows if isinstance(rows, list) else ():
            text = row.get("start") if isinstance(row, dict) else None
            if not isinstance(text, str) or row.get("end") is not None:
                continue
            try:
                vague(text)
                continue
            except DateParseError:
                pass
            try:
                period = parse_range(text)
            except DateParseError:
                continue
            if period.start is not None and period.end is not None:
                row["start"], row["end"] = period.start.canonical(), period.end.canonical()


def check_plan_dict(data: Any) -> None:
    """Raise PlanFileError unless `data` is a plan this version can import."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFileError(tr("Filen är ingen Uppdrag-plan (fältet ”format” ska vara ”uppdrag-plan”)."))
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise PlanFileError(
            tr("Planen är sparad i en nyare formatversion ({version}) än den här versionen av "
               "Uppdrag kan läsa ({readable}). Uppdatera Uppdrag.", version=version, readable=FORMAT_VERSION)
        )
    problems = schema_problems(data) or semantic_problems(data)
    if problems:
        raise PlanFileError(tr("Planen kan inte importeras:") + "\n" + "\n".join(problems))
