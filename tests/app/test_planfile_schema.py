"""The plan schema's quick yes (fastjsonschema, generated ahead of time) never says yes where jsonschema says no."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from app.planfile import schema
from app.plans import example_files

# Values of every JSON type, and texts near the schema's patterns and enums.
ODD = [None, True, 0, -1, 101, 3.0, "", "x", "2025-Q5", "2025-02-30", "00000000-0000-4000-8000-00000000000g",
       "phase", [], ["x"], {}, {"x": 1}]


def test_the_generated_validator_is_made_from_the_schema_as_it_is() -> None:
    generated = schema.GENERATED.read_text(encoding="utf-8")
    assert f"sha256 {schema.schema_digest(schema.schema_text())}" in generated.split('"""')[1], (
        "resources/plan.schema.json has changed: run `python -m app.planfile.schema`")


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
        for odd in [*ODD, "delete"]:
            copy = json.loads(text)
            parent = copy
            for p in where:
                parent = parent[p]
            if odd == "delete":
                if not isinstance(parent, dict):
                    continue
                del parent[last]
                yield copy
                parent[last] = None
                parent["okänt"] = 1
            else:
                parent[last] = odd
            yield copy


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_the_quick_yes_is_never_given_where_jsonschema_says_no(example) -> None:
    data = json.loads(example.read_text(encoding="utf-8"))
    assert schema.is_valid(data)  # the quick yes really is taken for a valid plan
    validator = Draft202012Validator(schema.plan_schema())
    tried = refused = agreed = 0
    for mutant in _mutants(_trimmed(data)):
        valid = validator.is_valid(mutant)
        says = schema.is_valid(mutant)
        assert not says or valid, json.dumps(mutant, ensure_ascii=False)[:300]
        tried += 1
        refused += not valid
        agreed += says == valid
    assert refused > 1000
    assert agreed == tried  # and says no only where jsonschema does


def test_schema_problems_are_in_swedish_with_their_paths() -> None:
    data = json.loads(example_files()[0].read_text(encoding="utf-8"))
    data["timeline"][2]["parent"] = "inte-en-uuid"
    data["timeline"][3]["progress"] = "halva"
    data["extra"] = 1
    assert schema.schema_problems(data) == [
        "(hela filen): okänt fält: extra",
        'timeline[2].parent: "inte-en-uuid" har fel form',
        "timeline[3].progress: fel typ, väntade integer, fick \"halva\"",
    ]


def test_many_problems_are_cut_short() -> None:
    data = json.loads(example_files()[1].read_text(encoding="utf-8"))
    data["terms"] = [{"uuid": str(uuid.uuid4()), "term": 1, "explanation": ""} for _ in range(30)]
    problems = schema.schema_problems(data)
    assert len(problems) == schema.MAX_PROBLEMS
    assert problems[-1].endswith(" (och 10 till)")


def test_every_file_is_judged_column_by_column_as_the_generated_validator_judges_it() -> None:
    """Each mutant goes through the column check, which can judge every one of them: same verdicts."""
    from app.planfile.columns import column_valid

    for example in example_files():
        data = json.loads(example.read_text(encoding="utf-8"))
        for mutant in _mutants(_trimmed(data)):
            verdict = column_valid(schema.plan_schema(), [mutant], schema.schema_patterns())
            assert verdict is not None and verdict == schema._generated_says_yes(mutant), (
                json.dumps(mutant, ensure_ascii=False)[:300])


@pytest.mark.parametrize("odd", [True, 3.0, 4, "3", None])
def test_an_enum_without_a_type_tells_true_from_one_as_the_generated_validator_does(odd: Any) -> None:
    data = json.loads(example_files()[0].read_text(encoding="utf-8"))
    for value in (odd, [odd, 1]):
        data["format_version"] = value
        assert schema.is_valid(data) == schema._generated_says_yes(data)
    data["format_version"] = 1
    data["log"] = [{**entry, "item": odd} for entry in data["log"]] * 40  # a long list: anyOf value by value
    assert schema.is_valid(data) == schema._generated_says_yes(data)


def test_the_patterns_are_compiled_as_the_generated_validator_compiles_them() -> None:
    from app.planfile import _schema_validator

    assert {k: v.pattern for k, v in schema.schema_patterns().items()} == {
        k: v.pattern for k, v in _schema_validator.REGEX_PATTERNS.items()}


def test_a_valid_plan_is_checked_without_the_generated_validator() -> None:
    """Importing it (compiling it, without bytecode) and fastjsonschema was a tenth of a second of an import."""
    import subprocess
    import sys

    code = ("import json, sys; from app.planfile.read import check_plan_dict; from app.plans import example_files; "
            "check_plan_dict(json.loads(example_files()[0].read_text(encoding='utf-8'))); "
            "print(sorted(m for m in sys.modules if 'fastjsonschema' in m or '_schema_validator' in m))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@given(row=st.integers(0, 99), field=st.sampled_from(sorted(schema.plan_schema()["properties"]["timeline"]["items"]
                                                             ["properties"])),
       odd=st.sampled_from([*ODD, 1.5, "PHASE", "2025-01-01 ", [None], [{"item": "", "answer": "", "comment": ""}],
                            [{"item": "x", "answer": "ja", "comment": "", "x": 1}], "delete", "rename"]))
def test_one_odd_row_among_a_hundred_is_found(row: int, field: str, odd: Any) -> None:
    data = json.loads(example_files()[0].read_text(encoding="utf-8"))
    first = data["timeline"][0]
    data["timeline"] = [{**first, "uuid": str(uuid.UUID(int=i)), "depends_on": [], "parent": None}
                        for i in range(100)]
    if odd in ("delete", "rename"):  # renamed: as many keys as every other row, one of them unknown
        data["timeline"][row].pop(field, None)
        if odd == "rename":
            data["timeline"][row]["okänt"] = None
    else:
        data["timeline"][row][field] = odd
    assert schema.is_valid(data) == schema._generated_says_yes(data)


@st.composite
def _uuid_like(draw: st.DrawFn) -> str:
    """A uuid's text with one or two edits: a character replaced, inserted, deleted, or two swapped."""
    text = list(draw(st.uuids().map(str)))
    odd = st.sampled_from(["-", "\n", "g", "0", "F", "٣", "é", " "])
    for _ in range(draw(st.integers(1, 2))):
        i, j = draw(st.integers(0, len(text))), draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["replace", "insert", "delete", "swap"]))
        if edit == "insert":
            text.insert(i, draw(odd))
        elif i < len(text) and edit == "replace":
            text[i] = draw(odd)
        elif i < len(text) and edit == "delete":
            del text[i]
        elif max(i, j) < len(text):
            text[i], text[j] = text[j], text[i]
    return "".join(text)


@given(strings=st.lists(_uuid_like(), min_size=1, max_size=4))
def test_the_uuid_pattern_asked_of_many_strings_at_once_says_what_it_says_of_each(strings: list[str]) -> None:
    from app.planfile.columns import UUID_PATTERN, _all_match

    regex = next(r for r in schema.schema_patterns().values() if r.pattern == UUID_PATTERN)  # the schema's own
    valid = [str(uuid.uuid4()) for _ in range(3)]
    for text in strings:  # each among valid ones, where it alone decides
        assert _all_match(regex, [valid[0], text, valid[1]]) == bool(regex.search(text)), repr(text)
    assert _all_match(regex, [*valid, *strings]) == all(regex.search(s) for s in strings)
    assert _all_match(regex, valid)


def test_the_uuid_pattern_at_once_is_not_fooled_by_strings_that_make_up_for_each_other() -> None:
    from app.planfile.columns import UUID_PATTERN, _all_match

    regex = next(r for r in schema.schema_patterns().values() if r.pattern == UUID_PATTERN)
    u = "0123abcd-0123-4567-89ab-0123456789ab"
    short, long = u[:-1], u[:8] + "0" + u[8:]  # 35 and 37 characters: the line feed between them where it belongs
    hyphen_moved = u[:7] + "-0" + u[9:]  # still four hyphens
    for strings in ([short, long], [u, hyphen_moved], [u, u[:10] + "\n" + u[11:]], [u, u.upper()], [u, u + "\n"]):
        assert _all_match(regex, strings) == all(regex.search(s) for s in strings), strings
    assert _all_match(regex, [u, u.upper()])
