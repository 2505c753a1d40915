"""Rules every row must keep, said in Swedish.

Validation looks at a row's complete proposed values (after an edit is
applied), so a rule that spans fields — end before start — is checked the
same way whether one field or several changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app import kinds
from app.dates import DateParseError, VagueDate, validate_order


class ValidationError(ValueError):
    """One or more problems with values a user gave; str() is a Swedish sentence per problem."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems  # (field, message)
        super().__init__(" ".join(message for _field, message in problems))

    @property
    def fields(self) -> list[str]:
        return [f for f, _m in self.problems]


Row = Mapping[str, Any]
Problems = list[tuple[str, str]]


def _required(row: Row, field: str, label: str, problems: Problems) -> None:
    value = row.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.append((field, f"{label} saknas."))


def _one_of(row: Row, field: str, allowed: Mapping[str, str], label: str, problems: Problems) -> None:
    value = row.get(field)
    if value not in allowed:
        choices = ", ".join(v or "(tomt)" for v in allowed.values())
        problems.append((field, f"{label} ”{value}” är inte giltig; välj en av: {choices}."))


def _percent(row: Row, field: str, label: str, problems: Problems) -> None:
    value = row.get(field)
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
        problems.append((field, f"{label} måste vara ett heltal mellan 0 och 100 procent (fick {value})."))


def _period(row: Row, problems: Problems, start: str = "start", end: str = "end") -> None:
    a, b = row.get(start), row.get(end)
    if isinstance(a, VagueDate) and isinstance(b, VagueDate):
        try:
            validate_order(a, b)
        except DateParseError as exc:
            problems.append((end, str(exc)))


def _plan(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "title", "Titeln", problems)
    _one_of(row, "doc_type", kinds.DOC_TYPE_LABELS, "Dokumenttypen", problems)
    _one_of(row, "status", kinds.DOC_STATUSES, "Statusen", problems)
    _one_of(row, "decision_choice", kinds.DECISION_CHOICES, "Beslutet", problems)


def _person(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "name", "Namnet", problems)


def _section(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "heading", "Rubriken", problems)
    if row.get("level") not in (1, 2):
        problems.append(("level", "Rubriknivån måste vara 1 eller 2."))
    content = row.get("content", "")
    if content and content not in kinds.CONTENT_KINDS:
        problems.append(("content", f"Okänt innehåll i avsnittet: ”{content}”."))


def _goal(row: Row, problems: Problems, _scale: int) -> None:
    _one_of(row, "kind", kinds.GOAL_KINDS, "Måltypen", problems)
    _required(row, "text", "Måltexten", problems)


def _timeline(row: Row, problems: Problems, _scale: int) -> None:
    # timeline_rows_pass checks these same rules for many rows at once: change both together.
    _one_of(row, "kind", kinds.TIMELINE_KINDS, "Typen", problems)
    _required(row, "title", "Benämningen", problems)
    _one_of(row, "status", kinds.TIMELINE_STATUSES, "Statusen", problems)
    _percent(row, "progress", "Färdigställandet", problems)
    _period(row, problems)


def timeline_rows_pass(rows: list[Row], vague: Callable[[Any], Any] = lambda value: value) -> bool:
    """True only if validate("timeline", row) passes for every row, once `vague` has turned the
    row's start and end into VagueDates (it may raise DateParseError: then False).

    The rules of _timeline, each checked once per distinct value: an import checks 20,000
    items at a time. False: ask validate() row by row what the problems are.
    """
    if not ({r.get("kind") for r in rows} <= kinds.TIMELINE_KINDS.keys()
            and {r.get("status") for r in rows} <= kinds.TIMELINE_STATUSES.keys()):
        return False
    for r in rows:
        title = r.get("title")
        if title is None or (isinstance(title, str) and not title.strip()):
            return False
    for kind, value in {(type(v), v) for r in rows if (v := r.get("progress")) is not None}:
        if kind is not int or not 0 <= value <= 100:
            return False
    try:
        periods = {(r.get("start"), r.get("end")) for r in rows}
        as_dates = {value: vague(value) for value in {v for pair in periods for v in pair}}
        for start, end in periods:
            a, b = as_dates[start], as_dates[end]
            if isinstance(a, VagueDate) and isinstance(b, VagueDate):
                validate_order(a, b)
    except DateParseError:
        return False
    return True


def _role(row: Row, problems: Problems, _scale: int) -> None:
    _one_of(row, "kind", kinds.ROLE_KINDS, "Rollen", problems)
    if row.get("person") is None and not str(row.get("name") or "").strip():
        problems.append(("name", "Ange en person eller ett namn för rollen."))
    _percent(row, "allocation", "Andelen av tjänst", problems)
    _period(row, problems)


def _resource(row: Row, problems: Problems, _scale: int) -> None:
    _percent(row, "allocation", "Andelen av tjänst", problems)
    _period(row, problems)


def _budget(row: Row, problems: Problems, _scale: int) -> None:
    _one_of(row, "kind", kinds.BUDGET_KINDS, "Budgettypen", problems)
    _required(row, "description", "Beskrivningen", problems)
    amount = row.get("amount")
    if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool) or amount < 0):
        problems.append(("amount", f"Beloppet måste vara ett helt antal kronor, 0 eller mer (fick {amount})."))
    year = row.get("year")
    if year is not None and (not isinstance(year, int) or not 1900 <= year <= 2199):
        problems.append(("year", f"Året måste vara mellan 1900 och 2199 (fick {year})."))


def _score(row: Row, field: str, label: str, scale: int, problems: Problems) -> None:
    value = row.get(field)
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= scale:
        problems.append((field, f"{label} måste vara mellan 1 och {scale} (fick {value})."))


def _risk(row: Row, problems: Problems, scale: int) -> None:
    _required(row, "title", "Risken", problems)
    _score(row, "probability", "Sannolikheten", scale, problems)
    _score(row, "impact", "Konsekvensen", scale, problems)
    _one_of(row, "status", kinds.RISK_STATUSES, "Statusen", problems)
    _one_of(row, "trend", kinds.RISK_TRENDS, "Trenden", problems)


def _risk_assessment(row: Row, problems: Problems, _scale: int) -> None:
    scale = row.get("scale") or 4
    _score(row, "probability", "Sannolikheten", scale, problems)
    _score(row, "impact", "Konsekvensen", scale, problems)


def _log(row: Row, problems: Problems, _scale: int) -> None:
    _one_of(row, "kind", kinds.LOG_KINDS, "Loggtypen", problems)
    _required(row, "text", "Texten", problems)


def _status_report(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "report_date", "Datumet", problems)
    _one_of(row, "status", kinds.REPORT_STATUSES, "Statusen", problems)


def _term(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "term", "Begreppet", problems)


def _reference(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "title", "Referensen", problems)


def _edition(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "label", "Utgåvans beteckning", problems)


def _nothing(row: Row, problems: Problems, _scale: int) -> None:
    pass


RULES: dict[str, Callable[[Row, Problems, int], None]] = {
    "plan": _plan,
    "person": _person,
    "section": _section,
    "goal": _goal,
    "timeline": _timeline,
    "dependency": _nothing,
    "role": _role,
    "resource": _resource,
    "budget": _budget,
    "risk": _risk,
    "risk_assessment": _risk_assessment,
    "log": _log,
    "status_report": _status_report,
    "term": _term,
    "reference": _reference,
    "edition": _edition,
}


def validate(kind_name: str, row: Row, *, risk_scale: int = 4) -> None:
    """Raise ValidationError with every problem in `row`, a row of kind `kind_name`."""
    problems: Problems = []
    RULES[kind_name](row, problems, risk_scale)
    if problems:
        raise ValidationError(problems)
