"""Reading a plan file: its text, the schema, then what the schema cannot say; each problem in Swedish."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from app.dates import DateParseError
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
            raise PlanFileError(f"Filen ”{path.name}” är för stor för att vara en plan.")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanFileError(f"Filen ”{path}” finns inte.") from None
    except UnicodeDecodeError:
        raise PlanFileError(f"Filen ”{path.name}” är inte en textfil i UTF-8.") from None
    except OSError as exc:
        raise PlanFileError(f"Filen ”{path.name}” kan inte läsas: {exc.strerror}.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            f"Filen ”{path.name}” är inte giltig JSON (rad {exc.lineno}, kolumn {exc.colno})."
        ) from None
    except RecursionError:
        raise PlanFileError(f"Filen ”{path.name}” är för djupt nästlad för att vara en plan.") from None
    if _SURROGATE_ESCAPE.search(text):  # only a \uD800–\uDFFF escape can give a lone surrogate
        where = _lone_surrogate(data)
        if where is not None:
            raise PlanFileError(
                f"Filen ”{path.name}” innehåller ett ensamt surrogattecken (\\u{ord(where[1]):04x}) i {where[0]}, "
                "vilket inte är giltig text. Rätta värdet och importera filen igen."
            )
    try:
        if isinstance(data, dict):
            _split_ranges(data)
        check_plan_dict(data)
    except RecursionError:
        raise PlanFileError(f"Filen ”{path.name}” är för djupt nästlad för att vara en plan.") from None
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _lone_surrogate(data: Any) -> tuple[str, str] | None:
    """(where in the plan, the character) of the first string holding a lone surrogate; None if none."""
    stack: list[tuple[str, Any]] = [("planen", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            bad = next((c for c in value if "\ud800" <= c <= "\udfff"), None)
            if bad is not None:
                return where, bad
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):  # reversed: the first in the file is found first
                if isinstance(key, str) and any("\ud800" <= c <= "\udfff" for c in key):
                    return f"{where} (ett fältnamn)", next(c for c in key if "\ud800" <= c <= "\udfff")
                stack.append((f"{where}.{key}" if where != "planen" else str(key), item))
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
        raise PlanFileError("Filen är ingen Uppdrag-plan (fältet ”format” ska vara ”uppdrag-plan”).")
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise PlanFileError(
            f"Planen är sparad i en nyare formatversion ({version}) än den här versionen av "
            f"Uppdrag kan läsa ({FORMAT_VERSION}). Uppdatera Uppdrag."
        )
    problems = schema_problems(data) or semantic_problems(data)
    if problems:
        raise PlanFileError("Planen kan inte importeras:\n" + "\n".join(problems))
