"""The example plans (app/resources/examples/*.json): the two seed documents of shared/seeds as
complete plans in the format of docs/plan-format.md, with every person's name replaced by an
invented one.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import date
from pathlib import Path

import pytest

from app.templates import CONTENT_KINDS, TEMPLATES
from tests.app.test_templates import DIRECTIVE_HEADINGS, PLAN_HEADINGS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "app" / "resources" / "examples"
DIRECTIVE_FILE = EXAMPLES / "uppdragsdirektiv-nara-vard.json"
PLAN_FILE = EXAMPLES / "uppdragsplan-primarvard-nav.json"
EXAMPLE_FILES = [DIRECTIVE_FILE, PLAN_FILE]

# The example directive keeps the seed's own headings where they are document-specific.
DIRECTIVE_EXAMPLE_HEADINGS = [
    ("Sammanfattning 2024 och rekommendationer 2025", 1, False),
    ("Sammanfattning", 2, False),
    *[
        {"Uppdragsmål": ("Uppdragsmål 2025", 2, True), "Delaktiviteter": ("Delaktiviteter 2024", 2, True)}.get(h, (h, lv, n))
        for h, lv, n in DIRECTIVE_HEADINGS[1:]
    ],
]

# Top-level keys and the keys of each row, in the order of docs/plan-format.md.
TOP_LEVEL_KEYS = [
    "format", "format_version", "uuid", "doc_type", "title", "metadata", "sections", "goals",
    "timeline", "organisation", "resources", "budget", "risks", "log", "status_reports", "terms",
    "references", "decision", "editions",
]
ROW_KEYS = {
    "metadata": ["template", "subtitle", "programme", "organisation", "diarienummer", "assignment",
                 "document_date", "edition", "version", "authors", "status", "steering_model", "auto_schedule",
                 "created_at", "modified_at"],
    "sections": ["uuid", "key", "heading", "level", "numbered", "content", "body", "body_after",
                 "guidance", "optional", "empty_text"],
    "goals": ["uuid", "kind", "text", "measure"],
    "timeline": ["uuid", "kind", "code", "title", "description", "start", "end", "responsible",
                 "responsible_person", "status", "progress", "comment", "parent", "depends_on", "checklist",
                 "actual_start", "actual_finish"],
    "people": ["uuid", "name", "title", "unit", "organisation", "email", "phone", "notes"],
    "roles": ["uuid", "kind", "person", "name", "unit", "allocation", "start", "end", "note"],
    "resources": ["uuid", "competence", "person", "name", "allocation", "start", "end", "note"],
    "budget": ["uuid", "kind", "description", "amount", "year", "note", "sum_rule"],
    "risks": ["uuid", "title", "cause", "consequence", "probability", "impact", "owner", "mitigation",
              "due", "status", "trend", "history"],
    "log": ["uuid", "date", "kind", "text", "decided_by", "status", "item", "outcome", "diarienummer"],
    "status_reports": ["uuid", "date", "status", "text", "author"],
    "terms": ["uuid", "term", "explanation"],
    "references": ["uuid", "number", "title", "description", "url"],
    "decision": ["date", "text", "choice", "comment", "signature_title", "signature_name", "signature_date"],
    "editions": ["uuid", "label", "date", "comment", "snapshot"],
}

VAGUE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?$")
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

# Every person named in the two seeds. None of them may appear in the examples.
REAL_NAMES = [
    # uppdragsdirektiv, Region Västerbotten
    "Isabell Zemrén", "Erika Frohm", "Marcus Kärnebro", "Gunilla Larsson", "Monica Wahlström",
    "Per Sehlin",
    # uppdragsplan, Region Örebro län
    "Asha Limbasiya", "Limbasiya Lundqvist", "Johanna Tybell", "Sofia Malm", "Thomas Carnell",
    "Ingmar Ångman", "Panagiota Lazarido", "Ewa Öhrling", "Martin Gunnarsson", "Lise Bergman",
    "Bergman Nordgren", "Ewa Slätmo", "Karolin Stridh", "Annika Roman", "Malin Bäcklund",
    "Eva Person", "Jan Sundelius", "Fredric Welander", "Ann-Mari Gustafsson", "Kristina Luhr",
    "Martin Magnusson", "Elisabeth Adamsson", "Carola Fahlström", "Sofia Tynelius", "Maria Nyström",
    "Dag Salaj", "Per-Ola Sundin", "Fredrik Svensson", "Jeanette Tsuranov", "Carina Persson",
]
# Surnames rare enough that they should not appear on their own either.
REAL_SURNAMES = [
    "Zemrén", "Frohm", "Kärnebro", "Sehlin", "Limbasiya", "Tybell", "Carnell", "Ångman", "Lazarido",
    "Öhrling", "Slätmo", "Stridh", "Sundelius", "Welander", "Luhr", "Fahlström", "Tynelius", "Salaj",
    "Tsuranov",
]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def rows_of(doc: dict) -> dict[str, list[dict]]:
    return {
        "sections": doc["sections"],
        "goals": doc["goals"],
        "timeline": doc["timeline"],
        "people": doc["organisation"]["people"],
        "roles": doc["organisation"]["roles"],
        "resources": doc["resources"],
        "budget": doc["budget"],
        "risks": doc["risks"],
        "log": doc["log"],
        "status_reports": doc["status_reports"],
        "terms": doc["terms"],
        "references": doc["references"],
        "editions": doc["editions"],
    }


def all_uuids(node) -> list[str]:
    """Every row identity (a "uuid" key) anywhere in the document."""
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "uuid":
                found.append(v)
            else:
                found.extend(all_uuids(v))
    elif isinstance(node, list):
        for v in node:
            found.extend(all_uuids(v))
    return found


def vague_dates(doc: dict) -> list[tuple[str, object]]:
    """(where, value) for every vague-date field of the format."""
    out = [("metadata.document_date", doc["metadata"]["document_date"])]
    for i, t in enumerate(doc["timeline"]):
        out += [(f"timeline[{i}].start", t["start"]), (f"timeline[{i}].end", t["end"])]
    for name, rows in (("roles", doc["organisation"]["roles"]), ("resources", doc["resources"])):
        for i, r in enumerate(rows):
            out += [(f"{name}[{i}].start", r["start"]), (f"{name}[{i}].end", r["end"])]
    for i, r in enumerate(doc["risks"]):
        out.append((f"risks[{i}].due", r["due"]))
        out += [(f"risks[{i}].history[{j}].date", h["date"]) for j, h in enumerate(r["history"])]
    out += [(f"log[{i}].date", e["date"]) for i, e in enumerate(doc["log"])]
    out += [(f"status_reports[{i}].date", e["date"]) for i, e in enumerate(doc["status_reports"])]
    out += [(f"editions[{i}].date", e["date"]) for i, e in enumerate(doc["editions"])]
    out += [("decision.date", doc["decision"]["date"]), ("decision.signature_date", doc["decision"]["signature_date"])]
    return out


def is_real_period(text: str) -> bool:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        try:
            date(*map(int, m.groups()))
        except ValueError:
            return False
        return True
    if m := re.fullmatch(r"\d{4}-(\d{2})", text):
        return 1 <= int(m.group(1)) <= 12
    return True


# --- Example plans --------------------------------------------------------------------


@pytest.fixture(scope="module", params=EXAMPLE_FILES, ids=lambda p: p.name)
def example(request) -> tuple[Path, dict]:
    return request.param, load(request.param)


def test_example_has_the_format_keys_in_order(example):
    path, doc = example
    assert list(doc) == TOP_LEVEL_KEYS
    assert doc["format"] == "uppdrag-plan" and doc["format_version"] == 3
    assert doc["doc_type"] in TEMPLATES and doc["metadata"]["template"] == doc["doc_type"]
    assert doc["title"].strip()
    assert list(doc["metadata"]) == ROW_KEYS["metadata"]
    assert list(doc["organisation"]) == ["people", "roles", "closed_days"]
    assert list(doc["decision"]) == ROW_KEYS["decision"]
    for table, rows in rows_of(doc).items():
        for i, row in enumerate(rows):
            assert list(row) == ROW_KEYS[table], f"{table}[{i}]"
    for i, risk in enumerate(doc["risks"]):
        for h in risk["history"]:
            assert list(h) == ["uuid", "date", "probability", "impact", "scale", "note"], f"risks[{i}]"


def test_example_is_written_as_export_writes(example):
    path, doc = example
    assert path.read_text(encoding="utf-8") == json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def test_example_uses_only_known_values(example):
    _, doc = example
    assert doc["metadata"]["status"] in {"draft", "submitted", "approved", "active", "completed", "cancelled"}
    for s in doc["sections"]:
        assert s["content"] == "" or s["content"] in CONTENT_KINDS, s["content"]
        assert s["level"] in (1, 2)
    assert {g["kind"] for g in doc["goals"]} <= {"effect", "deliverable"}
    for t in doc["timeline"]:
        assert t["kind"] in {"phase", "decision_point", "milestone", "activity"}
        assert t["status"] in {"planned", "ongoing", "done", "delayed", "cancelled"}
        assert 0 <= t["progress"] <= 100
    kinds = {"orderer", "owner", "leader", "steering_group", "member", "recipient", "stakeholder", "resource_owner"}
    for r in doc["organisation"]["roles"]:
        assert r["kind"] in kinds
        assert r["person"] or r["name"], "a role names a person or has a free-text name"
        assert r["allocation"] is None or 0 <= r["allocation"] <= 100
    assert {b["kind"] for b in doc["budget"]} <= {"cost", "financing"}
    assert all(b["amount"] is None or isinstance(b["amount"], int) for b in doc["budget"])
    assert doc["decision"]["choice"] in {"", "yes", "no"}


def test_example_sections_follow_the_template(example):
    _, doc = example
    template = TEMPLATES[doc["metadata"]["template"]]
    template_keys = [s.key for s in template.sections]
    in_doc = [s["key"] for s in doc["sections"] if s["key"] in template_keys]
    assert in_doc == template_keys
    by_key = {s.key: s for s in template.sections}
    for s in doc["sections"]:
        if s["key"] in by_key:
            t = by_key[s["key"]]
            assert (s["level"], s["numbered"], s["content"], s["guidance"]) == (t.level, t.numbered, t.content, t.guidance)


def test_example_uuids_are_valid_and_unique(example):
    _, doc = example
    uuids = all_uuids(doc)
    assert len(uuids) == len(set(uuids))
    for u in uuids:
        assert UUID4.fullmatch(u), u
        assert uuid.UUID(u).version == 4


def test_example_references_resolve(example):
    _, doc = example
    people = {p["uuid"] for p in doc["organisation"]["people"]}
    items = {t["uuid"] for t in doc["timeline"]}
    for r in doc["organisation"]["roles"] + doc["resources"]:
        assert r["person"] is None or r["person"] in people, r
    for t in doc["timeline"]:
        assert t["responsible_person"] is None or t["responsible_person"] in people
        assert t["parent"] is None or (t["parent"] in items and t["parent"] != t["uuid"])
        assert all(d in items and d != t["uuid"] for d in t["depends_on"])
    # Every person is referred to by uuid (a role, a resource or a responsibility): a plan's
    # export holds only the people it refers to, so an unreferenced one would not round-trip.
    referenced = {r["person"] for r in doc["organisation"]["roles"] + doc["resources"]}
    referenced |= {t["responsible_person"] for t in doc["timeline"]}
    for p in doc["organisation"]["people"]:
        assert p["uuid"] in referenced, p["name"]
    names = {p["name"] for p in doc["organisation"]["people"]}
    assert set(doc["metadata"]["authors"]) <= names


def test_example_dates_are_canonical(example):
    _, doc = example
    for where, value in vague_dates(doc):
        if value is None:
            continue
        assert isinstance(value, str) and VAGUE_DATE.fullmatch(value), f"{where}: {value!r}"
        assert is_real_period(value), f"{where}: {value!r}"
    for t in doc["timeline"]:
        if t["start"] and t["end"]:
            assert t["start"][:7] <= t["end"][:7], t["title"]
    for key in ("created_at", "modified_at"):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z", doc["metadata"][key])


def test_example_markup_is_well_formed(example):
    _, doc = example
    texts = [s["body"] for s in doc["sections"]] + [s["body_after"] for s in doc["sections"]]
    texts += [t["description"] for t in doc["timeline"]]
    for text in texts:
        assert text.count("[") == text.count("]"), text
        assert text.count("**") % 2 == 0, text
        assert "<" not in text and "&amp;" not in text, "no HTML left from the seed"
        for url in re.findall(r"\]\(([^)]*)\)", text):
            assert url.startswith("https://"), url
    for r in doc["references"]:
        assert r["url"] == "" or r["url"].startswith("https://")


def test_example_has_no_real_names(example):
    path, _ = example
    text = path.read_text(encoding="utf-8")
    for name in REAL_NAMES:
        assert name.casefold() not in text.casefold(), name
    for surname in REAL_SURNAMES:
        assert surname not in text, surname


# --- Spot checks against the seeds ------------------------------------------------------


def test_directive_example_spot_checks():
    doc = load(DIRECTIVE_FILE)
    assert doc["doc_type"] == "directive"
    assert [(s["heading"], s["level"], s["numbered"]) for s in doc["sections"]] == DIRECTIVE_EXAMPLE_HEADINGS
    meta = doc["metadata"]
    assert (meta["organisation"], meta["document_date"], meta["edition"]) == ("Region Västerbotten", "2024-11-18", "0.3")
    assert (meta["programme"], meta["subtitle"]) == ("UPPDRAGiL 3.0", "(till HSN och RS)")

    timeline = doc["timeline"]
    phases = [t for t in timeline if t["kind"] == "phase"]
    assert [(t["code"], t["start"], t["end"]) for t in phases] == [
        ("BP0", "2024-11-18", None),
        ("BP1", "2024-11-21", "2024-12-17"),
        ("BP2", "2025-09", "2025-10"),
        ("BP3", "2025-10-01", "2025-10-20"),
    ]
    points = [t for t in timeline if t["kind"] in ("decision_point", "milestone")]
    assert [(t["code"], t["start"]) for t in points] == [
        ("BP0", "2024-12"), ("BP1", "2025-01"), ("MS1", "2025-06"), ("BP2", "2025-10"), ("BP3", "2025-10-31"),
    ]
    assert [t["kind"] for t in points].count("milestone") == 1
    activities = [t for t in timeline if t["kind"] == "activity"]
    assert len(activities) == 3
    assert [a["end"] for a in activities] == ["2025-03", "2025-09", "2025-09"]
    assert "*+ integrering av kunskapsstyrning i länssamverkansstrukturen*" in activities[1]["description"]
    assert activities[2]["responsible_person"] is not None

    assert [t["term"] for t in doc["terms"]] == ["N/A", "CLG", "HSF", "RV"]
    assert len([g for g in doc["goals"] if g["kind"] == "deliverable"]) == 4
    roles = doc["organisation"]["roles"]
    assert sum(r["kind"] == "leader" for r in roles) == 1
    assert {r["kind"] for r in roles} == {"owner", "leader", "member", "recipient", "stakeholder"}
    assert doc["decision"]["signature_title"] == "Uppdragsägare"
    summary = next(s for s in doc["sections"] if s["heading"] == "Sammanfattning")
    assert "- Tydligt och närvarande invånarperspektiv" in summary["body"]


def test_plan_example_spot_checks():
    doc = load(PLAN_FILE)
    assert doc["doc_type"] == "plan"
    assert [(s["heading"], s["level"], s["numbered"]) for s in doc["sections"]] == PLAN_HEADINGS
    meta = doc["metadata"]
    assert (meta["organisation"], meta["document_date"], meta["version"]) == ("Region Örebro län", "2024-10-11", "1")
    assert len(meta["authors"]) == 3

    roles = doc["organisation"]["roles"]
    people = {p["uuid"]: p for p in doc["organisation"]["people"]}
    steering = [r for r in roles if r["kind"] == "steering_group"]
    leaders = [r for r in roles if r["kind"] == "leader"]
    assert len(steering) == 10 and all(r["person"] for r in steering)
    assert len(leaders) == 4 and all(r["person"] for r in leaders)
    assert [r["unit"] for r in leaders] == [
        "Samverkansledare länsdel Örebro",
        "Samverkansledare Norra länsdelen",
        "Samverkansledare Västra länsdelen",
        "Samverkansledare Södra länsdelen",
    ]
    assert [people[r["person"]]["name"] for r in leaders[:3]] == meta["authors"]
    owner = next(r for r in roles if r["kind"] == "owner")
    assert owner["person"] == steering[0]["person"], "the owner also chairs the styrgrupp"
    assert steering[-1]["unit"] == "Socialchef, Karlskoga kommun"

    activities = [t for t in doc["timeline"] if t["kind"] == "activity"]
    assert len(activities) == 5 == len(doc["timeline"])
    assert [(a["code"], a["start"], a["end"]) for a in activities] == [
        ("1.", "2024-10", "2024-10"),
        ("2.", "2024-10", "2025-01"),
        ("3.", "2024-12", "2025-02"),
        ("4.", "2025-01", "2025-04"),
        ("5.", "2024-05", "2025-10"),
    ]
    assert all(a["description"] for a in activities)

    resources = doc["resources"]
    assert len(resources) == 18
    assert resources[3] == {**resources[3], "competence": "MAS/MAR-nätverket", "person": None, "name": ""}
    assert (resources[16]["competence"], resources[16]["name"], resources[16]["person"]) == ("", "", None)
    assert (resources[17]["competence"], resources[17]["name"]) == ("Övriga resurser", "Lokaler, trycksaker etc.")
    # The medical adviser of the styrgrupp is the same person as in the resursplan.
    assert steering[1]["person"] == resources[8]["person"]

    refs = doc["references"]
    assert [r["number"] for r in refs] == ["1", "2", "3", "4", "5", "6"]
    assert all(r["url"] for r in refs[:5]) and refs[5]["url"] == ""

    budget_section = next(s for s in doc["sections"] if s["key"] == "budget")
    assert "1 050 000 kronor" in budget_section["body"]
    assert [(b["kind"], b["amount"]) for b in doc["budget"]] == [("financing", 1050000)]

    decision = doc["decision"]
    assert (decision["date"], decision["choice"]) == ("2024-10-11", "yes")
    assert decision["text"] == TEMPLATES["plan"].decision_text
    background = next(s for s in doc["sections"] if s["key"] == "background")
    assert "^[[Overenskommelse - God och nära vard-2023.pdf (skr.se)](https://" in background["body"]
    assert "- **Kommuner**– stödverksamhet LSS, särskilt boende, hemsjukvård" in background["body"]
    prerequisites = next(s for s in doc["sections"] if s["key"] == "prerequisites")
    assert "1. Gemensamma mål\n2. Kartlägga förutsättningar" in prerequisites["body"]


def test_recurring_people_have_one_invented_name():
    """A person who recurs in a document is one `people` entry with one invented name."""
    doc = load(PLAN_FILE)
    names = [p["name"] for p in doc["organisation"]["people"]]
    assert len(names) == len(set(names))
    # The samordnare is responsible for activity 5, named in activity 3 and first in the resursplan.
    samordnare = doc["resources"][0]["person"]
    name = next(p["name"] for p in doc["organisation"]["people"] if p["uuid"] == samordnare)
    activities = doc["timeline"]
    assert activities[4]["responsible_person"] == samordnare
    assert name in activities[2]["description"]
    directive = load(DIRECTIVE_FILE)
    orderer_unit = next(p for p in directive["organisation"]["people"] if p["unit"] == "Beställarenheten")
    assert directive["timeline"][-1]["responsible_person"] == orderer_unit["uuid"]
    assert any(r["person"] == orderer_unit["uuid"] and r["kind"] == "member" for r in directive["organisation"]["roles"])
    assert not set(names) & {p["name"] for p in directive["organisation"]["people"]}
