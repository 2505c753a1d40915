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

from collections.abc import Collection
from itertools import chain
from operator import itemgetter
from typing import Any

from app.validation import NUMBER_TYPES

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


def column_valid(schema: dict[str, Any], values: Collection[Any], patterns: dict[str, Any]) -> Verdict:
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


def _scalar_checks(schema: dict[str, Any], values: Collection[Any], present: set[type],
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
    distinct = values if type(values) is frozenset else set(values)  # frozenset: _column's distinct values
    strings = distinct if present == {str} else [v for v in distinct if type(v) is str]
    numbers = [v for v in distinct if type(v) in (int, float)] if present & {int, float} else ()
    if allowed is not None:
        mixed = bool in present and bool(present & {int, float})  # the set of distinct values keeps True or 1
        if not {_as_json(v) for v in (values if mixed else distinct)} <= {_as_json(v) for v in allowed}:
            return False
    if "pattern" in schema:
        regex = patterns.get(schema["pattern"])
        if regex is None:
            return None
        if not _all_match(regex, strings):
            return False
    if "minLength" in schema and any(len(v) < schema["minLength"] for v in strings):
        return False
    if "minimum" in schema and any(v < schema["minimum"] for v in numbers):
        return False
    return not ("maximum" in schema and any(v > schema["maximum"] for v in numbers))


# The uuid pattern as the generated validator compiles it: a plan asks it of every row's uuid and every
# reference to a row (33,000 strings in a plan of 20,000 items), a tenth of the check one string at a time.
UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\Z"
_UUID_HYPHENS = (8, 13, 18, 23)
_UUID_CHARACTERS = str.maketrans("", "", "0123456789abcdefABCDEF-\n")  # what _all_uuids deletes


def _all_match(regex: Any, strings: Collection[str]) -> bool:
    """Whether `regex` (one of the generated validator's) finds a match in each of `strings`."""
    if regex.pattern == UUID_PATTERN and len(strings) > 1:
        return _all_uuids(strings)
    return all(map(regex.search, strings))


def _all_uuids(strings: Collection[str]) -> bool:
    """Whether each of `strings` matches UUID_PATTERN, asked of all of them at once: in the text of
    every string followed by a line feed, the line feeds must be every 37th character and nowhere else
    (so each string is 36 long), the hyphens at their four places in each and nowhere else, and every
    other character a hex digit."""
    count = len(strings)
    text = "\n".join(strings) + "\n"
    return (text.count("\n") == count and text[36::37] == "\n" * count
            and text.count("-") == 4 * count and all(text[i::37] == "-" * count for i in _UUID_HYPHENS)
            and not text.translate(_UUID_CHARACTERS))


def _as_json(value: Any) -> tuple[str, Any]:
    """A scalar as an enum compares it: true is not 1, but 3.0 is 3."""
    return ("boolean" if type(value) is bool else "number" if type(value) in (int, float) else type(value).__name__,
            value)


def _any_of_checks(schema: dict[str, Any], values: Collection[Any], patterns: dict[str, Any]) -> Verdict:
    """Each value passes one of `anyOf`'s schemas (value by value: a schema's rare alternatives)."""
    for value in values if "anyOf" in schema else ():
        verdicts = [column_valid(sub, [value], patterns) for sub in schema["anyOf"]]
        if True not in verdicts:
            return None if None in verdicts else False
    return True


def _array_checks(schema: dict[str, Any], values: Collection[Any], patterns: dict[str, Any]) -> Verdict:
    if "items" not in schema:
        return True
    lists = [v for v in values if type(v) in (list, tuple)]
    return column_valid(schema["items"], list(chain.from_iterable(lists)), patterns)


def _object_checks(schema: dict[str, Any], values: Collection[Any], patterns: dict[str, Any]) -> Verdict:
    if not {"required", "properties", "additionalProperties"} & schema.keys():
        return True
    rows = [v for v in values if type(v) is dict]
    properties: dict[str, Any] = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    if extra not in (True, False):
        return None
    required = set(schema.get("required", ()))
    columns = _uniform_columns(rows, properties, required)
    if columns is None:
        key_sets = {frozenset(keys) for keys in set(map(tuple, rows))}
        if any(not required <= keys or (extra is False and not keys <= properties.keys()) for keys in key_sets):
            return False
        everywhere = [name for name in properties if all(name in keys for keys in key_sets)]
        columns = {name: _column(rows, name, properties[name]) for name in everywhere}
    for name, sub in properties.items():
        column = columns.get(name)
        verdict = column_valid(sub, column if column is not None else [row[name] for row in rows if name in row],
                               patterns)
        if verdict is not True:
            return verdict
    return True


def _uniform_columns(rows: list[dict[str, Any]], properties: dict[str, Any],
                     required: set[str]) -> dict[str, Collection[Any]] | None:
    """When every row has the keys of the first and no others, all of them properties and with every
    required one (as the rows of a file mostly have), each key's column (_column); otherwise None. Each
    column looked up in every row shows the key is in every row: no tuple of each row's keys is made."""
    if not rows:
        return None
    keys = rows[0].keys()
    if not required <= keys <= properties.keys() or set(map(len, rows)) != {len(keys)}:
        return None
    try:
        return {name: _column(rows, name, properties[name]) for name in keys}
    except KeyError:  # a row without one of them, so with another key instead
        return None


def _column(rows: list[dict[str, Any]], name: str, schema: dict[str, Any]) -> Collection[Any]:
    """The values of `name` (present in every row) as column_valid needs them: for a schema of scalars,
    a frozenset of the distinct values (a value passes or fails however often it comes), unless one is
    a number, which may stand for an equal one of another type; otherwise a list of every row's."""
    _same, known, _names, _allowed, _scalar, array, obj, any_of = _shape(schema)
    value_of = itemgetter(name)
    if known and not (array or obj or any_of):
        try:
            distinct = set(map(value_of, rows))
        except TypeError:  # a list or an object among them: it fails the schema, every value is judged
            pass
        else:
            if NUMBER_TYPES.isdisjoint(map(type, distinct)):
                return frozenset(distinct)
    return list(map(value_of, rows))
