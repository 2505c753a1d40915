"""Rules every row must keep, said in Swedish.

Validation looks at a row's complete proposed values (after an edit is
applied), so a rule that spans fields — end before start — is checked the
same way whether one field or several changed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from itertools import repeat
from operator import lt
from typing import Any

from app import kinds
from app.i18n import tr
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
        problems.append((field, tr("{label} saknas.", label=label)))


def _one_of(row: Row, field: str, allowed: Mapping[str, str], label: str, problems: Problems) -> None:
    value = row.get(field)
    if value not in allowed:
        choices = ", ".join(v or tr("(tomt)") for v in allowed.values())
        problems.append((field, tr("{label} ”{value}” är inte giltig; välj en av: {choices}.", label=label, value=value,
                                   choices=choices)))


def _percent(row: Row, field: str, label: str, problems: Problems) -> None:
    value = row.get(field)
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
        problems.append((field, tr("{label} måste vara ett heltal mellan 0 och 100 procent (fick {value}).",
                                   label=label, value=value)))


def _period(row: Row, problems: Problems, start: str = "start", end: str = "end") -> None:
    a, b = row.get(start), row.get(end)
    if isinstance(a, VagueDate) and isinstance(b, VagueDate):
        try:
            validate_order(a, b)
        except DateParseError as exc:
            problems.append((end, str(exc)))


def _plan(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "title", tr("Titeln"), problems)
    _one_of(row, "doc_type", kinds.DOC_TYPE_LABELS, tr("Dokumenttypen"), problems)
    _one_of(row, "status", kinds.DOC_STATUSES, tr("Statusen"), problems)
    _one_of(row, "decision_choice", kinds.DECISION_CHOICES, tr("Beslutet"), problems)


def _person(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "name", tr("Namnet"), problems)


def _section(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "heading", tr("Rubriken"), problems)
    if row.get("level") not in (1, 2):
        problems.append(("level", tr("Rubriknivån måste vara 1 eller 2.")))
    content = row.get("content")
    if content and content not in kinds.CONTENT_KINDS:
        problems.append(("content", tr("Okänt innehåll i avsnittet: ”{content}”.", content=content)))


def _goal(row: Row, problems: Problems, _scale: int) -> None:
    _one_of(row, "kind", kinds.GOAL_KINDS, tr("Måltypen"), problems)
    _required(row, "text", tr("Måltexten"), problems)


def _titled(row: Row, problems: Problems) -> None:
    _required(row, "title", tr("Benämningen"), problems)


# The timeline's rules, each with the fields it reads and the keys (each row's, as _failing makes them)
# it may refuse: validate() runs them on one row, and timeline_problems() on many rows at once, each rule
# once per distinct key it may refuse.
Suspects = Callable[[list[list[Any]], dict[Any, Any]], set[tuple[Any, ...]]]


def _every_key(columns: list[list[Any]], _read: dict[Any, Any]) -> set[tuple[Any, ...]]:
    """Each distinct key of the rows: the type and value of each field, so that True is not 1."""
    if len(columns) > 1:
        return set(zip(*_typed(columns)))
    (column,) = columns
    distinct = set(column)
    if NUMBER_TYPES.isdisjoint(map(type, distinct)):  # no value stands for an equal one of another type
        return {(type(v), v) for v in distinct}
    return set(zip(*_typed(columns)))


def _blank_titles(columns: list[list[Any]], read: dict[Any, Any]) -> set[tuple[Any, ...]]:
    """The titles _titled may refuse: missing or blank (or not text); a plan's thousands of others are not asked."""
    try:
        if all(map(str.strip, columns[0])):
            return set()
    except TypeError:  # not text: asked with the rest below
        pass
    return {key for key in _every_key(columns, read) if key[0] is not str or not key[1].strip()}


def _periods_out_of_order(columns: list[list[Any]], read: dict[Any, Any]) -> set[tuple[Any, ...]]:
    """The periods _period may refuse: only those whose end lies wholly before their start, when every
    date reads (else every key, each unreadable date being a problem of its own)."""
    if any(isinstance(v, DateParseError) for v in read.values()):
        return _every_key(columns, read)
    return _out_of_order(columns, read)


_TIMELINE_RULES: tuple[tuple[tuple[str, ...], Callable[[Row, Problems], None], Suspects], ...] = (
    (("kind",), lambda row, problems: _one_of(row, "kind", kinds.TIMELINE_KINDS, tr("Typen"), problems), _every_key),
    (("title",), _titled, _blank_titles),
    (("status",), lambda row, problems: _one_of(row, "status", kinds.TIMELINE_STATUSES, tr("Statusen"), problems),
     _every_key),
    (("progress",), lambda row, problems: _percent(row, "progress", tr("Färdigställandet"), problems), _every_key),
    (("start", "end"), _period, _periods_out_of_order),
)
_DATE_FIELDS = frozenset({"start", "end"})
NUMBER_TYPES = frozenset({bool, int, float})  # True == 1 == 1.0: a set of values keeps only one of them


def _timeline(row: Row, problems: Problems, _scale: int) -> None:
    for _fields, rule, _suspects in _TIMELINE_RULES:
        rule(row, problems)
    began, finished = row.get("actual_start"), row.get("actual_finish")
    if began is not None and finished is not None and finished < began:
        problems.append(("actual_finish", tr("Det faktiska slutet ({end}) ligger före den faktiska starten ({start}).",
                                             end=finished.isoformat(), start=began.isoformat())))


def _failing(rows: Sequence[Row], fields: tuple[str, ...], rule: Callable[[Row, Problems], None],
             suspects: Suspects, vague: Callable[[Any], Any]) -> dict[tuple[Any, ...], Any]:
    """What `rule` says of each key `suspects` names that fails (a key: the type and value of each of
    `fields`, so that True is not 1): its messages, or the DateParseError of a date `vague` cannot read."""
    columns = [[r.get(f) for r in rows] for f in fields]
    read: dict[Any, Any] = {}  # a date's text: its VagueDate, or the DateParseError it gives
    dates = [i for i, f in enumerate(fields) if f in _DATE_FIELDS]
    for text in set().union(*(columns[i] for i in dates)):
        try:
            read[text] = vague(text)
        except DateParseError as exc:
            read[text] = exc
    unreadable = any(isinstance(v, DateParseError) for v in read.values())
    failing: dict[tuple[Any, ...], Any] = {}
    problems: Problems = []
    for key in suspects(columns, read):
        values = list(key[1::2])
        for i in dates:
            values[i] = read[values[i]]
        if unreadable and (error := next((v for v in values if isinstance(v, DateParseError)), None)):
            failing[key] = error
            continue
        rule(dict(zip(fields, values)), problems)
        if problems:
            failing[key] = [message for _field, message in problems]
            problems = []
    return failing


def _out_of_order(columns: list[list[Any]], read: dict[Any, Any]) -> set[tuple[Any, ...]]:
    """The keys (as _failing makes them) of the rows whose start and end, as `read` has them, are two
    dates with the end wholly before the start (what _period refuses), with each distinct date's first
    and last day worked out once instead of once a row."""
    dates = {text: d for text, d in read.items() if isinstance(d, VagueDate)}
    first = {text: d.first_day for text, d in dates.items()}
    last = {text: d.last_day for text, d in dates.items()}
    starts, ends = columns
    # Without a date the other is not compared: a missing start as the earliest day, a missing end the latest.
    if not any(map(lt, map(last.get, ends, repeat(date.max)), map(first.get, starts, repeat(date.min)))):
        return set()
    return {(type(a), a, type(b), b) for a, b in zip(starts, ends)
            if a in first and b in last and last[b] < first[a]}


def _typed(columns: list[list[Any]]) -> list[Any]:
    """The columns as zip() takes them to make each row's key: each value's type, then the value."""
    return [part for column in columns for part in (map(type, column), column)]


def timeline_problems(rows: Sequence[Row], vague: Callable[[Any], Any] = lambda value: value,
                      held: Collection[str] = ()) -> dict[int, str]:
    """What validate("timeline", row) says of each row that fails, by the row's index, once `vague`
    has turned the row's start and end into VagueDates (a DateParseError from `vague` is the row's
    whole problem, as validate() is then never reached).

    Each rule runs once per distinct value of the fields it reads, and the rows are visited only
    when a value fails: an import checks 20,000 items at a time. A rule that reads only fields named
    in `held` is not asked: the caller made those values so that they hold (app.mspdi's reader takes
    kinds and statuses from fixed tables and clamps progress).
    """
    found: dict[int, list[Any]] = {}
    for position, (fields, rule, suspects) in enumerate(_TIMELINE_RULES):
        if held and all(f in held for f in fields):
            continue
        failing = _failing(rows, fields, rule, suspects, vague)
        if failing:
            keys = zip(*_typed([[r.get(f) for r in rows] for f in fields]))
            for i, key in enumerate(keys):
                if key in failing:
                    found.setdefault(i, [None] * len(_TIMELINE_RULES))[position] = failing[key]
    out = {}
    for i, verdicts in sorted(found.items()):
        error = next((v for v in verdicts if isinstance(v, DateParseError)), None)
        out[i] = str(error) if error else " ".join(m for v in verdicts if v for m in v)
    return out


def _role(row: Row, problems: Problems, _scale: int) -> None:
    _one_of(row, "kind", kinds.ROLE_KINDS, tr("Rollen"), problems)
    if row.get("person") is None and not str(row.get("name") or "").strip():
        problems.append(("name", tr("Ange en person eller ett namn för rollen.")))
    _percent(row, "allocation", tr("Andelen av tjänst"), problems)
    _period(row, problems)


def _resource(row: Row, problems: Problems, _scale: int) -> None:
    _percent(row, "allocation", tr("Andelen av tjänst"), problems)
    _period(row, problems)


def _budget(row: Row, problems: Problems, _scale: int) -> None:
    _one_of(row, "kind", kinds.BUDGET_KINDS, tr("Budgettypen"), problems)
    _required(row, "description", tr("Beskrivningen"), problems)
    amount = row.get("amount")
    if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool) or amount < 0):
        problems.append(("amount", tr("{label} måste vara ett helt antal kronor, 0 eller mer (fick {value}).",
                                      label=tr("Beloppet"), value=amount)))
    if "sum_rule" in row:
        _one_of(row, "sum_rule", kinds.BUDGET_SUM_RULES, tr("Summeringen"), problems)
    year = row.get("year")
    if year is not None and (not isinstance(year, int) or not 1900 <= year <= 2199):
        problems.append(("year", tr("Året måste vara mellan 1900 och 2199 (fick {value}).", value=year)))
    for field, label in (("actual", tr("Utfallet")), ("forecast", tr("Prognosen"))):
        value = row.get(field)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            problems.append((field, tr("{label} måste vara ett helt antal kronor, 0 eller mer (fick {value}).",
                                       label=label, value=value)))
    tertial = row.get("tertial")
    if tertial is not None:
        if not isinstance(tertial, int) or isinstance(tertial, bool) or not 1 <= tertial <= 3:
            problems.append(("tertial", tr("Tertialen måste vara 1, 2 eller 3 (fick {value}).", value=tertial)))
        elif year is None and "year" in row:
            problems.append(("tertial", tr("Ange året som tertialen hör till.")))


def _score(row: Row, field: str, label: str, scale: int, problems: Problems) -> None:
    value = row.get(field)
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= scale:
        problems.append((field, tr("{label} måste vara mellan 1 och {scale} (fick {value}).", label=label, scale=scale,
                                   value=value)))


def score_problems(row: Row, scale: int) -> list[str]:
    """The risk's probability and consequence against the file's scale, as Swedish sentences."""
    problems: Problems = []
    _score(row, "probability", tr("Sannolikheten"), scale, problems)
    _score(row, "impact", tr("Konsekvensen"), scale, problems)
    return [message for _field, message in problems]


def _risk(row: Row, problems: Problems, scale: int) -> None:
    _required(row, "title", tr("Risken"), problems)
    _score(row, "probability", tr("Sannolikheten"), scale, problems)
    _score(row, "impact", tr("Konsekvensen"), scale, problems)
    _one_of(row, "status", kinds.RISK_STATUSES, tr("Statusen"), problems)
    _one_of(row, "trend", kinds.RISK_TRENDS, tr("Trenden"), problems)


def _risk_assessment(row: Row, problems: Problems, _scale: int) -> None:
    scale = row.get("scale") or 4
    _score(row, "probability", tr("Sannolikheten"), scale, problems)
    _score(row, "impact", tr("Konsekvensen"), scale, problems)


def _log(row: Row, problems: Problems, _scale: int) -> None:
    _one_of(row, "kind", kinds.LOG_KINDS, tr("Loggtypen"), problems)
    _required(row, "text", tr("Texten"), problems)
    if "outcome" in row:
        _one_of(row, "outcome", kinds.DECISION_OUTCOMES, tr("Beslutet"), problems)


def _status_report(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "report_date", tr("Datumet"), problems)
    _one_of(row, "status", kinds.REPORT_STATUSES, tr("Statusen"), problems)


def _term(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "term", tr("Begreppet"), problems)


def _reference(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "title", tr("Referensen"), problems)


def _edition(row: Row, problems: Problems, _scale: int) -> None:
    _required(row, "label", tr("Utgåvans beteckning"), problems)


def _nothing(row: Row, problems: Problems, _scale: int) -> None:
    pass


MAX_LAG = 999  # days or weeks either way


def _dependency(row: Row, problems: Problems, _scale: int) -> None:
    _one_of(row, "kind", kinds.DEPENDENCY_KINDS, tr("Beroendets typ"), problems)
    _one_of(row, "lag_unit", kinds.LAG_UNITS, tr("Förskjutningens enhet"), problems)
    lag = row.get("lag")
    if not isinstance(lag, int) or isinstance(lag, bool) or not -MAX_LAG <= lag <= MAX_LAG:
        problems.append(("lag", tr("Förskjutningen måste vara ett heltal mellan −{most} och {most} (fick {value}).",
                                   most=MAX_LAG, value=lag)))
    if row.get("predecessor") is not None and row.get("predecessor") == row.get("successor"):
        problems.append(("successor", tr("En post kan inte bero av sig själv.")))


RULES: dict[str, Callable[[Row, Problems, int], None]] = {
    "plan": _plan,
    "person": _person,
    "section": _section,
    "goal": _goal,
    "timeline": _timeline,
    "dependency": _dependency,
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
