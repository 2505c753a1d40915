"""The plan JSON format: both examples round-trip byte-identically and re-import never duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.planfile.read import PlanFileError, read_plan_file
from app.planfile.write import dumps, plan_to_dict
from app.plans import example_files, import_plan_data, import_plan_file, list_plans
from app.workspace import Workspace
from db import models

EXAMPLES = example_files()


def test_both_examples_are_there() -> None:
    assert len(EXAMPLES) == 2


@pytest.fixture
def ws(any_ws: Workspace) -> Workspace:
    """A new file, and a new database on the team server: the same tests on both."""
    return any_ws


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_export_import_export_is_identical(example: Path, ws: Workspace, tmp_path: Path) -> None:
    plan_id, existed = import_plan_file(ws, example)
    assert not existed
    first = dumps(plan_to_dict(ws, plan_id))
    assert first == example.read_text(encoding="utf-8")  # the shipped file is itself canonical

    other = Workspace.create(tmp_path / "annan.uppdrag")
    try:
        again_id, _ = import_plan_data(other, json.loads(first))
        assert dumps(plan_to_dict(other, again_id)) == first
    finally:
        other.close()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_reimport_updates_instead_of_duplicating(example: Path, ws: Workspace) -> None:
    plan_id, _ = import_plan_file(ws, example)
    counts = {m.__name__: m.select().count() for m in models.MODELS if issubclass(m, models.UserRow)}
    data = json.loads(example.read_text(encoding="utf-8"))
    data["title"] = "Ändrad titel"
    data["terms"] = data["terms"][1:]
    again_id, existed = import_plan_data(ws, data)
    assert (again_id, existed) == (plan_id, True)
    assert len(list_plans(ws)) == 1
    assert ws.get("plan", plan_id)["title"] == "Ändrad titel"
    assert [t["term"] for t in ws.list("term", plan_id)] == [t["term"] for t in data["terms"]]
    after = {m.__name__: m.select().count() for m in models.MODELS if issubclass(m, models.UserRow)}
    assert after == counts  # the dropped term is a tombstone, not a new row


def _broken(tmp_path: Path, mutate) -> Path:
    data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "trasig.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["timeline"][0].__setitem__("start", "32/13 2025"), "timeline[0].start"),
        (lambda d: d["timeline"][0].__setitem__("start", "2025-02-30"), "timeline[0].start"),
        (lambda d: d["timeline"][1].__setitem__("progress", 150), "timeline[1].progress"),
        (lambda d: d["organisation"]["roles"][0].__setitem__("kind", "kung"), "organisation.roles[0].kind"),
        (lambda d: d.__setitem__("extra", 1), "okänt fält: extra"),
        (lambda d: d.pop("sections"), "fält saknas"),
        (lambda d: d.__setitem__("format_version", 7), "nyare formatversion"),
        (lambda d: d.__setitem__("format", "något annat"), "ingen Uppdrag-plan"),
        (lambda d: d["timeline"][0].__setitem__("parent", "00000000-0000-4000-8000-000000000000"), "timeline[0].parent"),
    ],
)
def test_bad_values_are_reported_with_their_path(tmp_path: Path, mutate, expected: str) -> None:
    with pytest.raises(PlanFileError) as info:
        read_plan_file(_broken(tmp_path, mutate))
    assert expected in str(info.value)


@pytest.mark.parametrize("content", [b"", b"\xff\xfe garbage", b"{not json", b"[]"])
def test_garbage_plan_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "skräp.json"
    path.write_bytes(content)
    with pytest.raises(PlanFileError):
        read_plan_file(path)


def test_end_before_start_is_refused(tmp_path: Path) -> None:
    def mutate(d):
        d["timeline"][0]["start"], d["timeline"][0]["end"] = "2025-10", "2025-01"

    with pytest.raises(PlanFileError, match="före"):
        read_plan_file(_broken(tmp_path, mutate))


def test_every_date_phrase_imports_and_is_written_back_canonical(tmp_path: Path, ws: Workspace) -> None:
    """Hand-written Swedish periods in a plan file: a date, or a whole period in `start`."""
    from app.dates import VagueDate
    from app.date_text import from_canonical
    from tests.app.date_phrases import PHRASES

    data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    template = data["timeline"][0]
    data["timeline"] = []
    for i, (text, _meaning) in enumerate(PHRASES):
        data["timeline"].append({**template, "uuid": f"00000000-0000-4000-8000-{i:012d}", "start": text,
                                 "end": None, "parent": None, "title": text})

    path = tmp_path / "fraser.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    plan_id, _ = import_plan_file(ws, path)
    stored = {row["title"]: (row["start"], row["end"]) for row in ws.list("timeline", plan_id)}
    for text, meaning in PHRASES:
        expected = meaning if isinstance(meaning, tuple) else (meaning, None)
        assert stored[text] == expected, text
    written = plan_to_dict(ws, plan_id)["timeline"]
    assert {t["title"]: t["start"] for t in written}["hösten 2025"] == "2025-hösten"
    assert from_canonical({t["title"]: t["end"] for t in written}["v. 12–14 2026"]) == VagueDate.week(2026, 14)
