"""A row's value typed straight into its table cell: the text the cell's editor starts from, and what
the typed text stores (the same rules as the form's field editors)."""

from __future__ import annotations

from typing import Any

from app.dates import DateParseError, VagueRange
from ui.editor.date_edit import format_date, parse_vague
from ui.editor.fields import Field, format_value, number_text, parse_number, person_values


def editable_in_cell(f: Field, row: dict[str, Any]) -> bool:
    """Formatted text and texts of several lines are edited in the form below the table only."""
    if f.type == "markup":
        return False
    return not (f.type == "long" and "\n" in str(row.get(f.name) or ""))


def edit_text(f: Field, row: dict[str, Any], people: dict[int, str]) -> Any:
    """What the cell's editor starts from: the code of a choice, otherwise the value as it is typed."""
    value = row.get(f.name)
    if f.type == "choice":
        return value or ""
    if f.type == "date":
        return format_date(value)
    if f.type in ("int", "percent", "money"):
        return number_text(f, value)
    return format_value(f, value, row, people)


def parse_cell(f: Field, typed: Any, people: dict[int, str]) -> dict[str, Any]:
    """The fields a typed cell stores; ValueError with a Swedish message when the text means nothing."""
    if f.type == "choice":
        return {f.name: typed}
    text = str(typed or "").strip()
    if f.type in ("date", "day"):
        value = parse_vague(text, day_only=f.type == "day", ranges=f.name in ("start", "end"))
        if isinstance(value, DateParseError):
            raise ValueError(str(value))
        if isinstance(value, VagueRange):
            return {"start": value.start, "end": value.end}
        if f.type == "day" and value is not None:
            return {f.name: value.start}
        return {f.name: value}
    if f.type in ("int", "percent", "money"):
        return {f.name: parse_number(text)}
    if f.type == "person":
        return person_values(text, people)
    return {f.name: text}
