"""What app/ and db/ say to a person comes in the chosen language: English in English mode, the
Swedish unchanged in Swedish mode. One representative of each group: imports (MS Project XML, plan
JSON and its schema and semantic checks), steering models, network files, editions and change history,
start-up and the team server.

The language is installed as the command line installs it (app.i18n.install_language, from the
compiled Linguist file, without Qt); the window installs the same sentences through Qt's translator
(tests/ui/test_app_sentences.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.i18n import install, install_language
from app.planfile.read import PlanFileError

SWEDISH = re.compile(r"[åäöÅÄÖ]|\b(och|eller|inte|att|för|med|till|som|kan|finns|filen|planen|ingen|är)\b")


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    from ui.i18n_build import build

    assert build()


@pytest.fixture
def say() -> Iterator[Callable[[str], None]]:
    """say("en") or say("sv"): the language sentences are said in from now on (Swedish again after)."""
    yield lambda language: (install_language(language) or pytest.fail(f"no translation for {language}"))
    install(None)


def _refusal(call: Callable[[], object], error: type[BaseException] = PlanFileError) -> str:
    with pytest.raises(error) as caught:
        call()
    return str(caught.value)


def _unquoted(text: str) -> str:
    """A message without what the user wrote (file names and values between quotes)."""
    return re.sub(r"[”“\"][^”“\"]*[”“\"]", "", text)


MSPDI_CYCLE = ('<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project">'
               "<Title>P</Title><Tasks><Task><UID>1</UID><ID>1</ID><Name>A</Name><OutlineLevel>1</OutlineLevel>"
               "<Start>2025-09-01T08:00:00</Start><Finish>2025-09-05T17:00:00</Finish><FixedCost>5</FixedCost>"
               "</Task></Tasks></Project>")


def test_ms_project_xml_refusals_and_summary_in_both_languages(say, tmp_path: Path) -> None:
    from app.mspdi.read import read_mspdi

    bad = tmp_path / "fil.xml"
    bad.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Project/>')
    good = tmp_path / "projekt.xml"
    good.write_text(MSPDI_CYCLE, encoding="utf-8")
    say("en")
    assert _refusal(lambda: read_mspdi(bad)).startswith("The file “fil.xml” cannot be read as MS Project XML: it "
                                                        "contains a DOCTYPE or ENTITY declaration")
    summary = read_mspdi(good).summary
    assert summary[0].startswith("Read 1 tasks from “projekt.xml”: 0 phases, 0 decision points")
    assert "Uppdrag has no place for costs; they were not imported (1 tasks)." in summary
    assert [s for s in summary if SWEDISH.search(_unquoted(s))] == []
    say("sv")
    assert _refusal(lambda: read_mspdi(bad)).startswith("Filen ”fil.xml” kan inte läsas som MS Project-XML: den "
                                                        "innehåller en DOCTYPE- eller ENTITY-deklaration")
    assert "Uppdrag har ingen plats för kostnader; de lästes inte in (1 uppgifter)." in read_mspdi(good).summary


def test_plan_json_refusals_with_their_paths_in_both_languages(say, tmp_path: Path) -> None:
    from app.planfile.read import check_plan_dict, read_plan_file
    from app.planfile.write import plan_to_dict
    from app.plans import example_files, import_plan_file
    from app.workspace import Workspace

    ws = Workspace.create(tmp_path / "a.uppdrag")
    try:
        plan = plan_to_dict(ws, import_plan_file(ws, example_files()[0])[0])
    finally:
        ws.close()
    plan["timeline"][0]["parent"] = "00000000-0000-4000-8000-000000000000"
    plan["timeline"][1]["title"] = 5
    broken = tmp_path / "trasig.json"
    broken.write_text('{"format": ', encoding="utf-8")
    say("en")
    assert _refusal(lambda: read_plan_file(broken)) == "The file “trasig.json” is not valid JSON (line 1, column 12)."
    said = _refusal(lambda: check_plan_dict(plan))
    assert said.startswith("The plan cannot be imported:\ntimeline[1].title: wrong type, expected string, got 5")
    plan["timeline"][1]["title"] = "Fas"
    said = _refusal(lambda: check_plan_dict(plan))
    assert said == "The plan cannot be imported:\ntimeline[0].parent: the item is not in timeline"
    say("sv")
    assert _refusal(lambda: read_plan_file(broken)) == "Filen ”trasig.json” är inte giltig JSON (rad 1, kolumn 12)."
    assert _refusal(lambda: check_plan_dict(plan)) == "Planen kan inte importeras:\ntimeline[0].parent: posten finns inte i timeline"


def test_a_steering_model_file_that_does_not_do_in_both_languages(say) -> None:
    from app.steering import SteeringModelError, parse_model

    text = 'name = "Egen"\n[[decision_points]]\ncode = "B1"\nname = "Start"\ndecides = "x"\nkind = "grind"\n'
    say("en")
    assert _refusal(lambda: parse_model(text, "egen.toml"), SteeringModelError) == (
        "The steering model in “egen.toml”, decision point B1: “kind” must be decision_point or milestone, "
        "not “grind”.")
    say("sv")
    assert _refusal(lambda: parse_model(text, "egen.toml"), SteeringModelError) == (
        "Styrmodellen i ”egen.toml”, beslutspunkt B1: ”kind” ska vara decision_point eller milestone, inte ”grind”.")


def test_network_file_statuses_and_refusals_in_both_languages(say, tmp_path: Path) -> None:
    from app.network_file import LockLost, NetworkFile
    from db.lock import LockInfo
    from db.workcopy import CopyDamaged, check_copy

    holder = LockInfo("karin", "dator-7", 1, "2026-03-01T09:00:00+00:00", "2026-03-01T09:00:00+00:00")
    share = tmp_path / "delad.uppdrag"
    garbage = tmp_path / "skräp.uppdrag"
    garbage.write_bytes(b"x" * 200)
    say("en")
    said = str(LockLost(share, holder))
    assert said.startswith(f"Not saved to {share}: the file is now being edited by karin on dator-7 since ")
    assert said.endswith("Your changes remain in the working copy and are written back when the lock is free.")
    assert NetworkFile(share)._saved_text() == f"Everything is saved to {share}."
    assert _refusal(lambda: check_copy(garbage), CopyDamaged) == "“skräp.uppdrag” is not a whole SQLite file."
    say("sv")
    assert str(LockLost(share, holder)).startswith(f"Ej sparad till {share}: filen redigeras nu av karin på dator-7")
    assert _refusal(lambda: check_copy(garbage), CopyDamaged) == "”skräp.uppdrag” är inte en hel SQLite-fil."


def test_edition_comparison_and_change_history_in_both_languages(say, tmp_path: Path) -> None:
    from app.change_history import plan_history
    from app.editions import find_edition, freeze_edition, plan_changes
    from app.plan_diff import text_lines
    from app.plans import example_files, import_plan_file
    from app.workspace import Workspace

    ws = Workspace.create(tmp_path / "a.uppdrag")
    try:
        plan_id = import_plan_file(ws, example_files()[0])[0]
        freeze_edition(ws, plan_id, "9.0")
        from db.models import TimelineItem

        item = TimelineItem.select(TimelineItem.id).where(TimelineItem.plan == plan_id).first().id
        ws.update("timeline", item, title="Nytt namn")
        say("en")
        lines = text_lines(*plan_changes(ws, plan_id)[:1], old_label="9.0", new_label="nu")
        assert lines[0] == "Changes from edition 9.0 to today"
        assert "Schedule" in lines and any(line.startswith("- Changed: ") for line in lines), lines
        assert _refusal(lambda: find_edition(ws, plan_id, "7.0"), LookupError) == (
            "The plan has no edition 7.0 (frozen editions: 9.0).")
        latest = plan_history(ws, plan_id)[0].line()
        assert "  Changed  " in latest and "”Nytt namn”: title: " in latest, latest
        say("sv")
        lines = text_lines(*plan_changes(ws, plan_id)[:1], old_label="9.0", new_label="nu")
        assert lines[0] == "Ändringar från utgåva 9.0 till i dag" and "Tidplan" in lines
        latest = plan_history(ws, plan_id)[0].line()
        assert "  Ändrad  " in latest and "”Nytt namn”: titel: " in latest, latest
    finally:
        ws.close()


def test_start_up_refusals_in_both_languages(say, tmp_path: Path) -> None:
    import errno
    import sqlite3

    from app.startup import _cannot_create
    from db.errors import database_error_text

    full = OSError(errno.ENOSPC, "No space left on device")
    say("en")
    assert str(_cannot_create(tmp_path, full)).startswith(f"The default file could not be created in {tmp_path}: "
                                                          "the disk is full.\n\nYou can open an existing file")
    assert database_error_text(sqlite3.DatabaseError("file is not a database")) == (
        "The file is damaged and cannot be read. Use a backup.")
    say("sv")
    assert str(_cannot_create(tmp_path, full)).startswith(f"Det gick inte att skapa standardfilen i {tmp_path}: "
                                                          "disken är full.")
    assert database_error_text(sqlite3.DatabaseError("file is not a database")) == (
        "Filen är skadad och kan inte läsas. Använd en säkerhetskopia.")


def test_team_server_messages_in_both_languages(say) -> None:
    from db.server_connection import ServerAddress, ServerError, connect_error

    address = ServerAddress.parse("postgresql://karin@db.example.org:5432/uppdrag")
    say("en")
    assert _refusal(lambda: ServerAddress.parse("postgresql://karin:hemligt@db.example.org/uppdrag"),
                    ServerError).startswith("The address contains a password, and Uppdrag never stores passwords")
    assert str(connect_error(address, Exception("Connection refused"))) == (
        "The server uppdrag on db.example.org does not answer; check the network and the address, or ask IT to see "
        "that the database server is running.")
    say("sv")
    assert str(connect_error(address, Exception("Connection refused"))).startswith(
        "Servern uppdrag på db.example.org svarar inte;")


def test_the_timeline_s_figures_in_both_languages(say) -> None:
    from app.baseline import document_slip_text, slip_text
    from app.schedule import float_cell, float_text

    say("en")
    assert (slip_text(14), slip_text(-1), float_cell(0), float_cell(-3), float_text(1)) == (
        "+2 weeks", "−1 day", "Critical", "3 days late", "Slack: 1 day")
    assert document_slip_text(14) == "+2 veckor"  # a document is Swedish in every language
    say("sv")
    assert (slip_text(14), float_cell(-3), float_text(5)) == ("+2 veckor", "3 dagar sen", "Slack: 5 dagar")


def test_a_merge_report_counts_rows_in_the_plural_of_each_language(say) -> None:
    from app.merge import MergeReport

    report = MergeReport("din.uppdrag", added={"timeline_item": 3, "section": 2}, updated={"goal": 1})
    assert report.lines()[1:4] == ["  Nya tidplansposter: 3", "  Nya avsnitt: 2", "  Ändrade mål: 1"]
    say("en")
    assert report.lines()[1:4] == ["  New schedule items: 3", "  New sections: 2", "  Changed goals: 1"]
