"""The schema's quick yes for a long list of rows, one column at a time.

The generated validator visits every row and every field in Python: for a plan of 20,000
timeline items that was a tenth of a second of an import. Rows of one list share one schema, so
this check reads the list column by column instead: the types present in a column, its distinct
values against a pattern or an enum, the distinct sets of keys against `required` and
`additionalProperties`. It decides exactly as the generated validator does (same regular
expressions, same idea of an integer) and answers None for any keyword it does not know, so the
caller falls back to the generated validator rather than guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

Verdict = bool | None  # None: this check cannot tell

# Each JSON type by the exact Python types json.loads gives for it; a float counts as an
# integer when it has no fraction, a bool never does (as fastjsonschema decides).
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "null": (type(None),), "boolean": (bool,), "integer": (int, float),
    "array": (list, tuple), "object": (dict,),
}
_SCALARS = frozenset({str, type(None), bool, int, float})
_KNOWN = frozenset({"type", "pattern", "enum", "const", "minimum", "maximum", "minLength", "items", "required",
                    "properties", "additionalProperties", "anyOf"})
_NOTES = frozenset({"$schema", "$id", "title", "description"})  # say nothing of a value
_EVERY_TYPE = list(_JSON_TYPES)


def column_valid(schema: dict[str, Any], values: Sequence[Any], patterns: dict[str, Any]) -> Verdict:
    """Whether every one of `values` passes `schema`; `patterns` maps the schema's pattern texts to
    the compiled expressions the generated validator uses."""
    if not values:
        return True
    _same, known, names, allowed, scalar, array, obj, any_of = _shape(schema)
    if not known:
        return None
    present = set(map(type, values))
    if not present <= allowed:
        return False if present <= _SCALARS | {list, dict} else None  # a subclass: let the validator judge
    if float in present and "integer" in names and not all(v.is_integer() for v in values if type(v) is float):
        return False
    checks = (_scalar_checks(schema, values, present, patterns) if scalar else True,
              _array_checks(schema, values, patterns) if array else True,
              _object_checks(schema, values, patterns) if obj else True,
              _any_of_checks(schema, values, patterns) if any_of else True)
    return None if None in checks else all(checks)


_SCALAR_KEYWORDS = frozenset({"pattern", "enum", "const", "minimum", "maximum", "minLength"})
_OBJECT_KEYWORDS = frozenset({"required", "properties", "additionalProperties"})
_SHAPES: dict[int, tuple[Any, ...]] = {}


def _shape(schema: dict[str, Any]) -> tuple[Any, ...]:
    """What column_valid asks of a schema before its values, worked out once for each schema (a plan file of
    200 small lists asks it of the same hundred schemas each time): the schema itself, whether this check
    knows all its keywords, its type names and their Python types, and which kinds of check it needs."""
    found = _SHAPES.get(id(schema))
    if found is not None and found[0] is schema:
        return found
    kind = schema.get("type", _EVERY_TYPE)
    names = ([kind] if isinstance(kind, str) else kind) if isinstance(kind, (str, list)) else []
    known = (_KNOWN.issuperset(schema.keys() - _NOTES) and isinstance(kind, (str, list))
             and all(name in _JSON_TYPES for name in names))
    allowed = frozenset(chain.from_iterable(_JSON_TYPES[name] for name in names)) if known else frozenset()
    found = (schema, known, names, allowed, bool(_SCALAR_KEYWORDS & schema.keys()), "items" in schema,
             bool(_OBJECT_KEYWORDS & schema.keys()), "anyOf" in schema)
    _SHAPES[id(schema)] = found
    return found


def _scalar_checks(schema: dict[str, Any], values: Sequence[Any], present: set[type],
                   patterns: dict[str, Any]) -> Verdict:
    keywords = {"pattern", "enum", "const", "minimum", "maximum", "minLength"} & schema.keys()
    if not keywords:
        return True
    allowed = schema["enum"] if "enum" in schema else [schema["const"]] if "const" in schema else None
    if allowed is not None and not set(map(type, allowed)) <= _SCALARS:
        return None  # an enum of lists or objects: not worth a twin of the validator
    if not present <= _SCALARS:
        return False if allowed is not None else None  # a list or object is none of the enum's scalars
    if bool in present and present & {int, float} and {"minimum", "maximum"} & keywords:
        return None  # a set of distinct values keeps True or 1, not both: the bounds would miss one
    distinct = set(values)
    strings = [v for v in distinct if type(v) is str]
    numbers = [v for v in distinct if type(v) in (int, float)]
    if allowed is not None:
        mixed = bool in present and bool(present & {int, float})  # the set of distinct values keeps True or 1
        if not {_as_json(v) for v in (values if mixed else distinct)} <= {_as_json(v) for v in allowed}:
            return False
    if "pattern" in schema:
        regex = patterns.get(schema["pattern"])
        if regex is None:
            return None
        if not all(map(regex.search, strings)):
            return False
    if "minLength" in schema and any(len(v) < schema["minLength"] for v in strings):
        return False
    if "minimum" in schema and any(v < schema["minimum"] for v in numbers):
        return False
    return not ("maximum" in schema and any(v > schema["maximum"] for v in numbers))


def _as_json(value: Any) -> tuple[str, Any]:
    """A scalar as an enum compares it: true is not 1, but 3.0 is 3."""
    return ("boolean" if type(value) is bool else "number" if type(value) in (int, float) else type(value).__name__,
            value)


def _any_of_checks(schema: dict[str, Any], values: Sequence[Any], patterns: dict[str, Any]) -> Verdict:
    """Each value passes one of `anyOf`'s schemas (value by value: a schema's rare alternatives)."""
    for value in values if "anyOf" in schema else ():
        verdicts = [column_valid(sub, [value], patterns) for sub in schema["anyOf"]]
        if True not in verdicts:
            return None if None in verdicts else False
    return True


def _array_checks(schema: dict[str, Any], values: Sequence[Any], patterns: dict[str, Any]) -> Verdict:
    if "items" not in schema:
        return True
    lists = [v for v in values if type(v) in (list, tuple)]
    return column_valid(schema["items"], list(chain.from_iterable(lists)), patterns)


def _object_checks(schema: dict[str, Any], values: Sequence[Any], patterns: dict[str, Any]) -> Verdict:
    if not {"required", "properties", "additionalProperties"} & schema.keys():
        return True
    rows = [v for v in values if type(v) is dict]
    properties: dict[str, Any] = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    if extra not in (True, False):
        return None
    key_sets = {frozenset(keys) for keys in set(map(tuple, rows))}
    required = set(schema.get("required", ()))
    if any(not required <= keys or (extra is False and not keys <= properties.keys()) for keys in key_sets):
        return False
    everywhere = [name for name in properties if all(name in keys for keys in key_sets)]
    columns = _columns(rows, everywhere)
    for name, sub in properties.items():
        column = columns.get(name)
        verdict = column_valid(sub, column if column is not None else [row[name] for row in rows if name in row],
                               patterns)
        if verdict is not True:
            return verdict
    return True


def _columns(rows: list[dict[str, Any]], names: list[str]) -> dict[str, Sequence[Any]]:
    """Each of `names` (present in every row) as a column of `rows`, read in one pass over the rows."""
    if len(names) == 1:
        return {names[0]: [row[names[0]] for row in rows]}
    return dict(zip(names, zip(*map(itemgetter(*names), rows)))) if names else {}
