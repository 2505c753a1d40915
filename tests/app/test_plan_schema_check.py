"""The quick check of a plan file never says yes where jsonschema says no (it may be stricter)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.plan_schema_check import compile_check, plan_schema, quick_check
from app.plans import example_files

UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
# Values of every JSON type, and texts near the schema's patterns and enums.
ODD = [None, True, 0, -1, 101, 3.0, "", "x", "2025-Q5", "2025-02-30", "00000000-0000-4000-8000-00000000000g",
       "phase", [], ["x"], {}, {"x": 1}]


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Paths to every value in `value`, looking into the first item of each list only."""
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _places(v, (*path, k))
    elif isinstance(value, list) and value:
        yield from _places(value[0], (*path, 0))


def _trimmed(value: Any) -> Any:
    """`value` with only the first item of each list: as good for the schema, and quicker to check."""
    if isinstance(value, dict):
        return {k: _trimmed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_trimmed(v) for v in value[:1]]
    return value


def _mutants(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    text = json.dumps(data)
    for path in _places(data):
        if not path:
            continue
        *where, last = path
        for odd in ODD:
            copy = json.loads(text)
            parent = copy
            for p in where:
                parent = parent[p]
            parent[last] = odd
            yield copy
        copy = json.loads(text)
        parent = copy
        for p in where:
            parent = parent[p]
        if isinstance(parent, dict):
            del parent[last]
            yield copy
            parent[last] = None
            parent["okänt"] = 1
            yield copy


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_quick_check_is_never_less_strict_than_jsonschema(example) -> None:
    quick = quick_check()
    assert quick is not None, "the plan schema uses a keyword the translator does not know"
    data = json.loads(example.read_text(encoding="utf-8"))
    assert quick(data)  # the quick yes really is taken for a valid plan
    validator = Draft202012Validator(plan_schema())
    tried = refused = agreed = 0
    for mutant in _mutants(_trimmed(data)):
        valid = validator.is_valid(mutant)
        says = quick(mutant)
        assert not says or valid, json.dumps(mutant, ensure_ascii=False)[:300]
        tried += 1
        refused += not valid
        agreed += says == valid
    assert refused > 1000
    assert agreed > 0.95 * tried  # stricter only in corner cases (3.0 for an integer)


@pytest.mark.parametrize(
    "schema",
    [
        {"anyOf": [{"type": "string", "pattern": UUID}, {"type": "null"}]},
        {"anyOf": [{"type": "array", "items": {"type": "integer"}}, {"type": "string", "minLength": 2}]},
        {"anyOf": [{"enum": ["a", 1]}, {"const": 2}]},
        {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
        {"type": "number", "minimum": 1},
        {"pattern": "^x"},
        {"minLength": 1},
        {"items": {"pattern": UUID}},
        {"type": "array", "items": {}},
        {"required": ["a"], "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}},
        {"type": "object", "additionalProperties": False, "required": ["a", "b"],
         "properties": {"a": {"type": "string", "pattern": UUID}, "b": {"type": ["string", "null"], "pattern": "^2"}}},
        {"type": "object", "additionalProperties": False, "required": ["a", "b"], "properties": {"a": {}, "b": {}}},
        {"anyOf": [{"type": "object", "additionalProperties": False, "required": ["a", "b"],
                    "properties": {"a": {}, "b": {"type": "integer"}}}, {"type": "array"}]},
        {"type": "object", "additionalProperties": {"type": "integer"}, "properties": {"a": {"type": "string"}}},
        {"type": "object", "additionalProperties": False, "properties": {"a": {"enum": ["x", "y"]}}},
        {"type": "string", "enum": ["x", "y"]},
        {"type": "integer", "enum": [1, 2, "1"]},
    ],
)
def test_translated_keywords_are_at_least_as_strict_as_jsonschema(schema: dict[str, Any]) -> None:
    quick = compile_check(schema)
    assert quick is not None
    validator = Draft202012Validator(schema)
    uuid = "0f2b7cd6-f916-4a3a-be47-b9d5ae8a4468"
    values = [*ODD, False, 1, 2, 100, 1.5, " ", "2025", "2025-13", "2025-Q2", "2025-06-01\n", "activity", [None],
              uuid, uuid.upper(), [uuid, uuid], [uuid, "x"], [1, 2], [1, "2"], "xy", "2x", ["2", None],
              {"a": "x"}, {"a": uuid}, {"a": uuid, "b": None}, {"a": uuid, "b": "2025"}, {"a": uuid, "b": "1"},
              {"a": uuid, "b": 2}, {"a": 1}, {"b": 1}, {"a": "x", "c": 1}, {"a": "x", "c": "y"}, {"a": "z"},
              {"b": 1, "c": 1}, {"a": 1, "b": 1}]
    for value in values * 2:  # twice: what a check remembers between values must not change its answer
        assert not quick(value) or validator.is_valid(value), value
        if validator.is_valid(value) and not isinstance(value, float):
            assert quick(value), value


def test_a_keyword_it_does_not_know_leaves_the_decision_to_jsonschema() -> None:
    assert compile_check({"type": "object", "patternProperties": {"^a": {"type": "string"}}}) is None
    assert compile_check({"type": "string", "format": "date"}) is None
