"""Ta bort personuppgifter: the name, e-mail and phone leave every byte of the file and its copies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.anonymise import anonymise, anonymise_copies, copies_of, find_target, preview
from app.editions import freeze_edition
from app.plans import add_examples
from app.steps import run_step
from app.workspace import Workspace
from db.backup import make_session_backup

NAME, EMAIL, PHONE = "Åsa Öberg", "asa.oberg@region.se", "070-123 45 67"


def _needles() -> list[bytes]:
    return [NAME.encode(), EMAIL.encode(), PHONE.encode(), b"0701234567"]


def _hits(path: Path) -> int:
    data = path.read_bytes()
    return sum(data.count(n) for n in _needles())


def build(ws: Workspace) -> dict[str, Any]:
    """Åsa in every place the issue lists: register, role, resource, authors, section text, log
    ("beslutat av"), a status report's author, a risk owner, a frozen edition, a deleted row, the
    history (an edited text), and a note of another person."""
    plan = add_examples(ws)[0]
    asa = ws.add("person", name=NAME, email=EMAIL, phone=PHONE, title="Enhetschef", unit="Ekonomi").ids[0]
    other = ws.add("person", name="Bertil Berg", notes=f"Ersätter {NAME} under sommaren").ids[0]
    ws.add("role", plan, kind="leader", person=asa)
    ws.add("resource", plan, competence="Ekonomi", person=asa, allocation=20)
    ws.update("plan", plan, authors=f"{NAME}\nBertil Berg")
    section = ws.list("section", plan)[0]["id"]
    ws.update("section", section, body=f"Kontakt: {NAME.upper()}, {EMAIL}, tel. 0701234567.")
    ws.add("log", plan, kind="decision", text="Beslut om budget", decided_by=NAME)
    ws.add("status_report", plan, report_date="2025-03-01", status="green", text="Allt enligt plan",
           author=f"{NAME}, Ekonomi")
    ws.add("risk", plan, title="Sjukfrånvaro", owner=NAME)
    edition = freeze_edition(ws, plan, "1.0").id
    gone = ws.add("log", plan, kind="issue", text=f"Fråga från {NAME}").ids[0]
    ws.delete("log", gone)
    ws.update("section", section, body="Kontakt: registrator.")  # the name now only in the history
    return {"plan": plan, "asa": asa, "other": other, "section": section, "edition": edition, "gone": gone}


# Every test here is about the bytes of a file and its copies (backups, undo snapshots) and stays on files;
# on a team server the administrator removes personal data, and the app refuses (the test below).
def test_preview_lists_every_place_before_anything_changes(ws: Workspace) -> None:
    build(ws)
    before = ws.path.read_bytes()
    target = find_target(ws, "åsa  öberg")
    assert (target.name, target.email) == (NAME, EMAIL)
    seen = preview(ws, target)
    text = "\n".join(seen.lines())
    for where in ("författare", "beslutat av", "Statusrapport, författare", "Risk, ägare", "(borttagen)",
                  "Person, anteckningar"):
        assert where in text
    assert seen.editions == 1 and seen.history >= 1
    assert ws.path.read_bytes() == before


def test_anonymise_leaves_no_byte_of_the_name(ws: Workspace) -> None:
    ids = build(ws)
    backup = make_session_backup(ws.path)
    subtitle = ws.get("plan", ids["plan"])["subtitle"]
    step = run_step(ws, lambda: ws.update("plan", ids["plan"], subtitle=f"Med {NAME}"))
    assert _hits(ws.path) > 0 and _hits(backup) > 0 and _hits(step.before) > 0
    target = find_target(ws, str(ids["asa"]))

    outcome = anonymise(ws, target)
    assert outcome.label == "Anonymiserad person 1"
    assert _hits(ws.path) == 0
    person = ws.get("person", ids["asa"])
    assert (person["name"], person["email"], person["phone"], person["title"]) == (outcome.label, "", "", "")
    assert person["unit"] == "Ekonomi"
    plan = ws.get("plan", ids["plan"])
    assert plan["authors"] == "(anonymiserad)\nBertil Berg"
    assert ws.get("person", ids["other"])["notes"] == "Ersätter (anonymiserad) under sommaren"
    assert ws.list("log", ids["plan"])[-1]["decided_by"] == "(anonymiserad)"
    assert ws.list("status_report", ids["plan"])[-1]["author"] == "(anonymiserad), Ekonomi"
    gone = ws.list("log", ids["plan"], include_deleted=True)
    assert [r["text"] for r in gone if r["id"] == ids["gone"]] == ["Fråga från (anonymiserad)"]
    edition = ws.get("edition", ids["edition"])
    assert "Personuppgifter borttagna" in edition["comment"]
    assert json.loads(edition["snapshot"])["title"]  # still a whole plan
    assert ws.store.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"

    # The copies still hold it until the user says so.
    assert _hits(backup) > 0 and _hits(step.before) > 0
    assert set(copies_of(ws)) >= {backup, step.before, step.after}
    done = anonymise_copies(ws, target)
    assert set(done) >= {backup, step.before, step.after}
    assert [p for p in done if _hits(p)] == []
    # An undo snapshot stays a whole file: undoing the step still works.
    step.undo(ws)
    assert ws.get("plan", ids["plan"])["subtitle"] == subtitle
    assert ws.get("person", ids["asa"])["name"] == outcome.label
    assert _hits(ws.path) == 0


def test_a_name_only_written_as_text(ws: Workspace) -> None:
    plan = add_examples(ws)[0]
    ws.add("log", plan, kind="decision", text="Budget", decided_by="Kalle Ek")
    with pytest.raises(LookupError, match="Hittar ingen"):
        find_target(ws, "Nils Nilsson")
    target = find_target(ws, "kalle ek")
    assert target.person_id is None
    anonymise(ws, target)
    assert b"Kalle Ek" not in ws.path.read_bytes()
    assert ws.list("log", plan)[-1]["decided_by"] == "(anonymiserad)"


def test_whole_words_only(ws: Workspace) -> None:
    plan = add_examples(ws)[0]
    ws.add("person", name="Ek")
    ws.add("log", plan, kind="issue", text="Ekonomi och Ek")
    anonymise(ws, find_target(ws, "Ek"))
    assert ws.list("log", plan)[-1]["text"] == "Ekonomi och (anonymiserad)"


def test_on_a_team_server_it_is_refused_and_nothing_changes(server_db) -> None:
    ws = Workspace.open(server_db.url("alice"))
    try:
        ids = build(ws)
        target = find_target(ws, NAME)
        for attempt in (lambda: anonymise(ws, target), lambda: find_target(ws, "Ingen Alls")):
            with pytest.raises(ValueError, match="på en teamserver gör serverns administratör det"):
                attempt()
        assert ws.get("person", ids["asa"])["email"] == EMAIL and NAME in ws.get("plan", ids["plan"])["authors"]
    finally:
        ws.close()
