"""The iCalendar export, read back by the icalendar parser and by vobject (an independent reader)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
import pytest
import vobject

from app.cli import main
from app.dates import VagueDate
from app.plans import create_plan
from app.workspace import Workspace


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, int, dict[str, str]]:
    path = tmp_path / "k.uppdrag"
    ws = Workspace.create(path)
    plan_id = create_plan(ws, "plan", "Nära vård", diarienummer="RS 2025/117").ids[0]
    for item in ws.list("timeline", plan_id):  # the template's decision points: start from none
        ws.delete("timeline", item["id"])
    uuids = {}
    for key, fields in {
        "bp": dict(kind="decision_point", code="BP2", title="Beslut om genomförande", end=VagueDate.day(2025, 11, 18)),
        "ms": dict(kind="milestone", code="MS1", title="Statusrapport; del 1, med å ä ö " + "€" * 40,
                   start=VagueDate.month(2025, 9), description="Rapport till =styrgruppen\\n;,\nrad två"),
        "act": dict(kind="activity", title="Kartläggning", start=VagueDate.quarter(2025, 3),
                    end=VagueDate.month(2025, 11)),
        "undated": dict(kind="milestone", title="Någon gång"),
        "cancelled": dict(kind="milestone", title="Struken punkt", start=VagueDate.week(2026, 5), status="cancelled"),
        "phase": dict(kind="phase", title="Fas 1", start=VagueDate.year(2025)),
    }.items():
        change = ws.add("timeline", plan_id, **fields)
        uuids[key] = ws.get("timeline", change.ids[0])["uuid"]
    other = create_plan(ws, "directive", "Annat uppdrag").ids[0]
    for item in ws.list("timeline", other):
        ws.delete("timeline", item["id"])
    ws.add("timeline", other, kind="decision_point", code="BP1", title="Start", start=VagueDate.day(2026, 1, 12))
    ws.close()
    return path, plan_id, uuids


def _events(path: Path) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def test_decision_points_and_milestones_as_all_day_events(filled, tmp_path: Path, capsys) -> None:
    path, plan_id, uuids = filled
    out = tmp_path / "plan.ics"
    assert main(["export", str(path), str(plan_id), "-o", str(out)]) == 0
    assert "1 punkter utan datum kom inte med" in capsys.readouterr().err
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(cal["version"]) == "2.0" and str(cal["x-wr-timezone"]) == "Europe/Stockholm"
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    events = _events(out)
    assert set(events) == {uuids["bp"], uuids["ms"], uuids["cancelled"]}  # no activity, phase or undated

    bp = events[uuids["bp"]]
    assert bp.decoded("dtstart") == date(2025, 11, 18) and bp.decoded("dtend") == date(2025, 11, 19)
    assert str(bp["summary"]) == "BP2 Beslut om genomförande – Nära vård"
    description = str(bp["description"])
    assert "Nära vård" in description and "Diarienummer: RS 2025/117" in description
    assert "Datum i planen" not in description  # a day needs no words

    ms = events[uuids["ms"]]  # a month: the whole month, the plan's words in the description
    assert ms.decoded("dtstart") == date(2025, 9, 1) and ms.decoded("dtend") == date(2025, 10, 1)
    assert "Datum i planen: september 2025" in str(ms["description"])
    assert str(ms["description"]).endswith("Rapport till =styrgruppen\\n;,\nrad två")  # escaped and folded
    assert str(ms["summary"]) == "MS1 Statusrapport; del 1, med å ä ö " + "€" * 40 + " – Nära vård"
    assert all(len(line) <= 75 for line in out.read_bytes().split(b"\r\n"))

    week = events[uuids["cancelled"]]
    assert week.decoded("dtstart") == date(2026, 1, 26) and week.decoded("dtend") == date(2026, 2, 2)
    assert str(week["status"]) == "CANCELLED"
    assert "v. 5 2026" in str(week["description"])


def test_activities_on_request_span_their_start_to_their_end(filled, tmp_path: Path) -> None:
    path, plan_id, uuids = filled
    out = tmp_path / "plan.ics"
    assert main(["export", str(path), str(plan_id), "-o", str(out), "--med-aktiviteter"]) == 0
    act = _events(out)[uuids["act"]]
    assert act.decoded("dtstart") == date(2025, 7, 1) and act.decoded("dtend") == date(2025, 12, 1)
    assert "Datum i planen: Q3 2025 – november 2025" in str(act["description"])
    assert uuids["phase"] not in _events(out)


def test_uids_are_stable_and_sequence_follows_edits(filled, tmp_path: Path) -> None:
    path, plan_id, uuids = filled
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert main(["export", str(path), str(plan_id), "-o", str(first)]) == 0
    ws = Workspace.open(path)
    item = next(i for i in ws.list("timeline", plan_id) if i["uuid"] == uuids["bp"])
    ws.update("timeline", item["id"], end=VagueDate.day(2025, 11, 25))
    ws.close()
    assert main(["export", str(path), str(plan_id), "-o", str(second)]) == 0
    a, b = _events(first), _events(second)
    assert set(a) == set(b)  # the same UIDs: a calendar updates instead of duplicating
    assert int(b[uuids["bp"]]["sequence"]) > int(a[uuids["bp"]]["sequence"])
    assert b[uuids["bp"]].decoded("dtstart") == date(2025, 11, 25)
    assert int(b[uuids["ms"]]["sequence"]) == int(a[uuids["ms"]]["sequence"])


def test_portfolio_calendar_and_a_second_reader(filled, tmp_path: Path) -> None:
    path, _plan_id, uuids = filled
    out = tmp_path / "alla.ics"
    assert main(["export", str(path), "--portfolj", "-o", str(out)]) == 0
    events = _events(out)
    assert len(events) == 4 and uuids["bp"] in events
    start = next(e for e in events.values() if str(e["summary"]).startswith("BP1"))
    assert str(start["summary"]) == "BP1 Start – Annat uppdrag"

    parsed = vobject.readOne(out.read_text(encoding="utf-8"))  # vobject: its own parser and line unfolding
    vevents = parsed.contents["vevent"]
    assert len(vevents) == 4
    by_uid = {v.uid.value.split("@")[0]: v for v in vevents}
    ms = by_uid[uuids["ms"]]
    assert ms.dtstart.value == date(2025, 9, 1) and ms.dtend.value == date(2025, 10, 1)
    assert "Diarienummer: RS 2025/117" in ms.description.value
    assert parsed.contents["vtimezone"][0].tzid.value == "Europe/Stockholm"


def test_usage_and_unknown_portfolio_format(filled, tmp_path: Path, capsys) -> None:
    path, plan_id, _ = filled
    assert main(["export", str(path), "-o", str(tmp_path / "x.ics")]) == 2
    assert "ange antingen PLAN eller --portfolj" in capsys.readouterr().err
    assert main(["export", str(path), "--portfolj", "-o", str(tmp_path / "x.docx")]) == 1
    assert "Okänt filformat" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
