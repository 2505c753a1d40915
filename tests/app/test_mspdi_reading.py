"""Reading MS Project XML (app.mspdi.read): the quick look for declarations before parsing finds what six
full searches found, and what the reader builds holds to the whole plan schema for files of every kind, so
that checking only the parts it does not build says what the whole check says."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

from app.exporters import export_plan
from app.mspdi import NS
from app.mspdi.parsing import _declares
from app.mspdi.read import check_built_plan, read_mspdi
from app.planfile.read import PlanFileError, check_plan_dict
from app.planfile.schema import schema_problems
from app.plans import example_files, import_plan_file
from app.workspace import Workspace


def _six_searches(data: bytes) -> bool:
    return any("<!DOCTYPE".encode(e) in data or "<!ENTITY".encode(e) in data for e in ("utf-8", "utf-16-le", "utf-16-be"))


@pytest.mark.parametrize("text", [
    '<!DOCTYPE p><Project/>', '<Project><!-- <!ENTITY --></Project>', '<Project><!-- kommentar --></Project>',
    '<Project><![CDATA[x]]></Project>', '<Project>!DOCTYPE utan mindre-än</Project>', '<Project/>', ''])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_the_quick_look_for_declarations_finds_what_six_searches_found(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert _declares(data) == _six_searches(data)
    assert _declares(data + b"\x00") == _six_searches(data + b"\x00")


def _foreign(tasks: str, resources: str = "", assignments: str = "", *, prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    body = (f"<Title>Från Project</Title><Tasks>{tasks}</Tasks><Resources>{resources}</Resources>"
            f"<Assignments>{assignments}</Assignments>")
    if p:
        body = re.sub(r"<(/?)([A-Za-z])", rf"<\1{p}\2", body)
    xmlns = f'xmlns:{prefix}="{NS}"' if prefix else f'xmlns="{NS}"'
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<{p}Project {xmlns}>{body}</{p}Project>'


def _odd_tasks(seed: int) -> str:
    """Tasks as other tools write them, with their children in any order and values at the edges."""
    rnd = random.Random(seed)
    out = []
    for uid in range(1, 30):
        kids = [f"<UID>{uid}</UID>", f"<Name>{'Å' * rnd.choice([1, 5, 5000])} {uid} BP{uid % 4}</Name>",
                f"<OutlineLevel>{rnd.choice([1, 2, 3])}</OutlineLevel>",
                f"<Start>20{rnd.randint(0, 99):02d}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}T08:00:00</Start>",
                f"<Finish>{rnd.choice(['2031-02-03T17:00:00', '1850-01-01T00:00:00', 'inte ett datum'])}</Finish>",
                f"<PercentComplete>{rnd.choice(['-5', '250', '1e300', 'nan', '42.6'])}</PercentComplete>",
                f"<Milestone>{uid % 2}</Milestone>", "<Duration>PT0H0M0S</Duration>",
                f"<GUID>{rnd.choice(['{18DDA255-551E-409A-B871-712355B148A7}', 'inte-en-guid', ''])}</GUID>",
                f"<Notes>rad\r\n{'x' * rnd.choice([0, 100_000])}</Notes>", f"<ActualStart>{rnd.choice(['', '9999-12-31'])}</ActualStart>",
                f"<PredecessorLink><PredecessorUID>{rnd.randint(1, uid)}</PredecessorUID><Type>{rnd.randint(0, 3)}</Type>"
                f"<LinkLag>{rnd.choice(['48000000', '-96000000', '12', '0'])}</LinkLag><LagFormat>{rnd.choice([7, 9, 8, 19])}"
                "</LagFormat></PredecessorLink>",
                "<ExtendedAttribute><Value>x</Value><FieldID> 188743731 </FieldID></ExtendedAttribute>"]
        rnd.shuffle(kids)
        out.append("<Task>" + "".join(kids) + "</Task>")
    return "".join(out)


RESOURCES = ("<Resource><UID>1</UID><Name>Karin</Name><MaxUnits>7.5</MaxUnits><GUID>inte-en-guid</GUID></Resource>"
             "<Resource><UID>2</UID><Name>Analys</Name><IsGeneric>1</IsGeneric><Group>Analys</Group>"
             "<AvailabilityPeriods><AvailabilityPeriod><AvailableFrom>1984-01-01T00:00:00</AvailableFrom>"
             "<AvailableTo>2149-12-31T00:00:00</AvailableTo><AvailableUnits>-2</AvailableUnits></AvailabilityPeriod>"
             "</AvailabilityPeriods></Resource>")
ASSIGNMENTS = "".join(f"<Assignment><TaskUID>{t}</TaskUID><ResourceUID>{1 + t % 2}</ResourceUID><Units>{t}</Units>"
                      "</Assignment>" for t in range(1, 30))


def _built_plans(tmp_path: Path) -> list[dict[str, Any]]:
    plans = []
    ws = Workspace.create(tmp_path / "plans.uppdrag")
    try:
        for i, example in enumerate(example_files()):
            plan_id, _ = import_plan_file(ws, example)
            path = export_plan(ws, plan_id, tmp_path / f"plan-{i}.xml").path
            plans.append(read_mspdi(path).data)
    finally:
        ws.close()
    for seed, prefix in ((1, ""), (2, "p"), (3, "msp")):
        path = tmp_path / f"annan-{seed}.xml"
        path.write_text(_foreign(_odd_tasks(seed), RESOURCES, ASSIGNMENTS, prefix=prefix), encoding="utf-8")
        try:
            plans.append(read_mspdi(path).data)
        except PlanFileError as exc:  # a cycle among the random links: said by the checks that are kept
            assert "Beroendet skulle göra en cirkel" in str(exc)
    return plans


def test_what_the_reader_builds_holds_to_the_whole_schema(tmp_path: Path) -> None:
    plans = _built_plans(tmp_path)
    assert len(plans) >= len(example_files()) + 1
    for data in plans:
        assert schema_problems(data) == []
        check_plan_dict(data)


def _message(check: Any, data: dict[str, Any]) -> str | None:
    try:
        check(data)
    except PlanFileError as exc:
        return str(exc)
    return None


def test_a_built_plan_that_fails_is_told_as_the_whole_check_tells_it(tmp_path: Path) -> None:
    data = _built_plans(tmp_path)[0]
    title = {**data, "title": ""}
    cycle = {**data, "timeline": [dict(t) for t in data["timeline"]]}
    first, second = cycle["timeline"][0], cycle["timeline"][1]
    first["depends_on"], second["depends_on"] = [second["uuid"]], [first["uuid"]]
    person = {**data, "resources": [{**data["resources"][0], "person": "18dda255-551e-409a-b871-712355b148a7"}]} \
        if data["resources"] else title
    items = {**data, "timeline": [dict(t) for t in data["timeline"]]}  # what a file's content can break
    items["timeline"][0].update(start="2026-05-04", end="2025-01-02")
    items["timeline"][-1]["title"] = " "
    items["timeline"][1]["parent"] = "18dda255-551e-409a-b871-712355b148a7"
    for bad in (title, cycle, person, items):
        said = _message(check_plan_dict, bad)
        assert said is not None and _message(check_built_plan, bad) == said
    assert _message(check_built_plan, data) is None


def test_a_file_named_only_by_its_suffix_is_refused_as_before(tmp_path: Path) -> None:
    path = tmp_path / "namn.xml"
    path.write_text(_foreign("").replace("Från Project", " .xml "), encoding="utf-8")
    with pytest.raises(PlanFileError, match="title"):
        read_mspdi(path)
