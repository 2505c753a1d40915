"""Read a plan dict (the JSON format of docs/plan-format.md) defensively.

The exporter gets exactly what ``json.load`` gave. A hand-edited or half-written file
may miss keys or hold a wrong type, and an export should still come out, so every
accessor here falls back to an empty value instead of raising.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from app.dates import MONTHS_LONG, MONTHS_SHORT, VagueDate, capitalised, format_range
from app.date_text import from_canonical, parse_date
from app.kinds import DOC_TYPE_LABELS

__all__ = [
    "DOC_TYPE_LABELS",
    "PlanData",
    "as_dict",
    "as_list",
    "as_text",
    "dates_capitalised",
    "format_amount",
    "format_date",
    "format_date_range",
    "lower_month",
    "vague",
]

def as_dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def as_text(value: Any) -> str:
    """A text field; numbers are written as numbers, None and containers as ""."""
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    return value if isinstance(value, str) else str(value)


def vague(value: Any) -> VagueDate | None:
    """A stored vague date ("2025-09"), or a hand-written one ("sep 2025"); None if neither."""
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    try:
        return from_canonical(value.strip())
    except (ValueError, TypeError):
        pass
    try:
        return parse_date(value)
    except (ValueError, TypeError):
        return None


# The organisation's style: does a date that starts a table cell begin with a capital
# ("Mars 2026", as the seeds write it) or stay in lower case ("mars 2026")? Set for one
# export by app.exporters from the file's setting; mid-text month names stay lower case.
_CAPITALISE = ContextVar("capitalise_dates", default=True)


@contextmanager
def dates_capitalised(capitalise: bool) -> Iterator[None]:
    token = _CAPITALISE.set(capitalise)
    try:
        yield
    finally:
        _CAPITALISE.reset(token)


def _cell(text: str) -> str:
    return capitalised(text) if _CAPITALISE.get() else text


def format_date(value: Any, style: str = "long") -> str:
    """ "2024-11-18", "September 2025", "Q3 2025", "Hösten 2025", "2025" as a cell starts;
    unreadable text is kept as written."""
    date = vague(value)
    return _cell(date.format(style)) if date is not None else as_text(value)


_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(set(MONTHS_LONG + MONTHS_SHORT), key=len, reverse=True)) + r")\b")


def lower_month(text: str) -> str:
    """Month names in lower case, as Swedish writes them inside a sentence: "senast mars 2026"."""
    return _MONTH_WORD.sub(lambda m: m[0].lower(), text)


def format_date_range(start: Any, end: Any, style: str = "short") -> str:
    """ "Okt 2024 – jan 2025"; a side that is not a date is written as it stands."""
    a, b = vague(start), vague(end)
    if (a is None and as_text(start)) or (b is None and as_text(end)):
        left, right = format_date(start, style), as_text(end) if b is None else b.format(style)
        return " – ".join(x for x in (left, right) if x)
    return _cell(format_range(a, b, style))


MAX_AMOUNT = 10**15  # kronor; anything larger is a typo or damage, shown as written


def amount_value(value: Any) -> int | None:
    """The amount in whole kronor, or None when it is not a sane amount."""
    number: int | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and abs(value) < MAX_AMOUNT:
        number = round(value)
    elif isinstance(value, str):
        digits = value.replace(" ", "").replace("\u00a0", "")
        body = digits[1:] if digits[:1] in "-−" else digits
        if body.isdigit() and body.isascii() and len(body) <= 16:
            number = -int(body) if body != digits else int(body)
    return number if number is not None and abs(number) < MAX_AMOUNT else None


def format_amount(value: Any) -> str:
    """Whole kronor with Swedish digit grouping: "1 050 000 kr" (no-break spaces, so an
    amount never wraps across lines in a narrow column). Text that is no amount stays as written."""
    if isinstance(value, bool) or value is None or value == "":
        return ""
    number = amount_value(value)
    if number is None:
        return as_text(value) if not isinstance(value, int) else str(value)[:40]
    sign = "−" if number < 0 else ""
    return f"{sign}{abs(number):,}".replace(",", "\u00a0") + "\u00a0kr"


def score(value: Any) -> int | None:
    """A risk score (probability or impact) as an int, or None; numbers outside
    0–1000 are no scores (a typo or a damaged file), so they are shown as written."""
    number: int | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer() and abs(value) <= 1000:
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit() and value.strip().isascii() and len(value.strip()) <= 4:
        number = int(value.strip())
    return number if number is not None and 0 <= number <= 1000 else None


class PlanData:
    """Convenient, forgiving access to one plan dict."""

    def __init__(self, plan: Any) -> None:
        self.raw = as_dict(plan)
        self.metadata = as_dict(self.raw.get("metadata"))
        org = as_dict(self.raw.get("organisation"))
        self.people = {as_text(p.get("uuid")): p for p in self._dicts(org.get("people")) if p.get("uuid")}
        self.roles = self._dicts(org.get("roles"))
        self.timeline = self._dicts(self.raw.get("timeline"))
        self.decision = as_dict(self.raw.get("decision"))

    @staticmethod
    def _dicts(value: Any) -> list[dict]:
        return [x for x in as_list(value) if isinstance(x, dict)]

    def items(self, key: str) -> list[dict]:
        """The rows of a top-level array (goals, resources, budget, risks, …)."""
        return self._dicts(self.raw.get(key))

    def sections(self) -> Iterator[dict]:
        yield from self._dicts(self.raw.get("sections"))

    @property
    def title(self) -> str:
        return as_text(self.raw.get("title"))

    @property
    def doc_type(self) -> str:
        return as_text(self.raw.get("doc_type"))

    @property
    def doc_type_label(self) -> str:
        kind = self.doc_type
        return DOC_TYPE_LABELS.get(kind, kind[:1].upper() + kind[1:])

    def meta(self, key: str) -> str:
        return as_text(self.metadata.get(key))

    @property
    def authors(self) -> list[str]:
        return [as_text(a) for a in as_list(self.metadata.get("authors")) if as_text(a).strip()]

    def person(self, uuid: Any) -> dict:
        return as_dict(self.people.get(as_text(uuid))) if uuid else {}

    def name_of(self, row: dict, person_key: str = "person", name_key: str = "name") -> str:
        """The row's own name, or its linked person's name."""
        name = as_text(row.get(name_key))
        if not name.strip():
            name = as_text(self.person(row.get(person_key)).get("name"))
        return name

    def responsible(self, item: dict) -> str:
        text = as_text(item.get("responsible"))
        if not text.strip():
            text = as_text(self.person(item.get("responsible_person")).get("name"))
        return text

    def unit_of(self, role: dict) -> str:
        unit = as_text(role.get("unit"))
        if not unit.strip():
            unit = as_text(self.person(role.get("person")).get("unit"))
        return unit

    def timeline_of(self, *kinds: str) -> list[dict]:
        return [t for t in self.timeline if t.get("kind") in kinds]
