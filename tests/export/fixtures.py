"""Plans and readers shared by the export tests (imported, not a conftest)."""

from __future__ import annotations

import copy
import json
import zipfile
import zlib
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "app" / "resources" / "examples"
DIRECTIVE = EXAMPLES / "uppdragsdirektiv-nara-vard.json"
PLAN = EXAMPLES / "uppdragsplan-primarvard-nav.json"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- a small plan with every kind of content ------------------------------------------


def _uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def section(key: str, heading: str, *, level: int = 1, numbered: bool = True, content: str = "",
            body: str = "", body_after: str = "", optional: bool = False, empty_text: str = "") -> dict:
    return {"uuid": _uuid(zlib.crc32(key.encode())), "key": key, "heading": heading, "level": level,
            "numbered": numbered, "content": content, "body": body, "body_after": body_after,
            "guidance": "Hjälptext som aldrig exporteras", "optional": optional, "empty_text": empty_text}


def timeline_item(n: int, kind: str, code: str, title: str, start: Any, end: Any = None, **extra: Any) -> dict:
    item = {"uuid": _uuid(100 + n), "kind": kind, "code": code, "title": title, "description": "",
            "start": start, "end": end, "responsible": "", "responsible_person": None, "status": "planned",
            "progress": 0, "comment": "", "parent": None, "depends_on": []}
    item.update(extra)
    return item


def small_plan() -> dict:
    """A project plan touching every section content kind of docs/plan-format.md."""
    return {
        "format": "uppdrag-plan", "format_version": 1, "uuid": _uuid(999), "doc_type": "project_plan",
        "title": "Nytt journalsystem", "metadata": {
            "template": "project_plan", "subtitle": "Införande 2025", "programme": "PROGRAM X",
            "organisation": "Region Test", "diarienummer": "RT 2025/17", "assignment": "Införande",
            "document_date": "2025-09", "edition": "1.2", "version": "3", "authors": ["Maja Ek", "Olof Ström"],
            "status": "approved", "created_at": "2025-01-02T08:30:00Z", "modified_at": "2025-03-04T10:00:00+01:00"},
        "sections": _sections(),
        "goals": [
            {"uuid": _uuid(10), "kind": "effect", "text": "Säkrare vård", "measure": "Färre avvikelser"},
            {"uuid": _uuid(11), "kind": "deliverable", "text": "Systemet är infört", "measure": ""},
        ],
        "timeline": [
            timeline_item(1, "phase", "F1", "Förstudie", "2025-01", "2025-03"),
            timeline_item(2, "decision_point", "BP1", "Starta genomförande", "2025-04-01"),
            timeline_item(3, "phase", "F2", "Genomförande", "2025-04", "2025-Q4"),
            timeline_item(4, "milestone", "MS1", "Halvtid", "2025-08", comment="Avstämning"),
            timeline_item(5, "activity", "1.", "Upphandling", "2025-02", "2025-05", responsible="Maja Ek",
                          description="Beskrivning med *kursiv*.\n\n- krav\n- avtal"),
            timeline_item(6, "activity", "2.", "Utbildning", "2025-09", None, responsible_person=_uuid(2)),
            timeline_item(7, "decision_point", "BP2", "Avsluta", "2025-12-15"),
        ],
        "organisation": _organisation(_people()),
        "resources": [
            {"uuid": _uuid(30), "competence": "Projektledare", "person": _uuid(1), "name": "", "allocation": 50,
             "start": None, "end": None, "note": ""},
            {"uuid": _uuid(31), "competence": "Utbildare", "person": None, "name": "Extern", "allocation": None,
             "start": None, "end": None, "note": ""},
        ],
        "budget": [
            {"uuid": _uuid(40), "kind": "cost", "description": "Licenser", "amount": 1050000, "year": 2025, "note": ""},
            {"uuid": _uuid(41), "kind": "cost", "description": "Utbildning", "amount": 200000, "year": 2025,
             "note": "Inkl. lokaler"},
            {"uuid": _uuid(42), "kind": "financing", "description": "Statsbidrag", "amount": 1250000, "year": None,
             "note": ""},
        ],
        "risks": _risks(),
        "log": [{"uuid": _uuid(60), "date": "2025-02-03", "kind": "decision", "text": "Beslut om start",
                 "decided_by": "Styrgruppen", "status": "Klar"}],
        "status_reports": [{"uuid": _uuid(70), "date": "2025-03-01", "status": "yellow", "text": "Viss försening",
                            "author": "Maja Ek"}],
        "terms": [{"uuid": _uuid(80), "term": "BP", "explanation": "Beslutspunkt"}],
        "references": [
            {"uuid": _uuid(90), "number": "1", "title": "Förstudie", "description": "Rapporten",
             "url": "https://example.se/förstudie rapport.pdf"},
            {"uuid": _uuid(91), "number": "", "title": "Bilaga utan länk", "description": "Papper", "url": ""},
        ],
        "decision": {"date": "2025-04-01", "text": "Beslut att starta genomförandet", "choice": "no",
                     "comment": "Ny prövning i maj", "signature_title": "Projektägare", "signature_name": "Maja Ek",
                     "signature_date": "2025-04-02"},
        "editions": [],
    }


def _people() -> list[dict]:
    return [
        {"uuid": _uuid(1), "name": "Maja Ek", "title": "Chef", "unit": "Ekonomi", "organisation": "Region Test",
         "email": "", "phone": "", "notes": ""},
        {"uuid": _uuid(2), "name": "Olof Ström", "title": "", "unit": "IT", "organisation": "", "email": "",
         "phone": "", "notes": ""},
    ]


def _organisation(people: list[dict]) -> dict:
    """Two people; an owner, a steering group of two (one with a note) and a recipient without a person."""
    return {
        "people": people,
        "roles": [
            {"uuid": _uuid(20), "kind": "owner", "person": _uuid(1), "name": "", "unit": "", "allocation": None,
             "start": None, "end": None, "note": ""},
            {"uuid": _uuid(21), "kind": "steering_group", "person": _uuid(1), "name": "", "unit": "Ekonomi",
             "allocation": None, "start": None, "end": None, "note": ""},
            {"uuid": _uuid(22), "kind": "steering_group", "person": _uuid(2), "name": "", "unit": "",
             "allocation": None, "start": None, "end": None, "note": "Ersätter Kim från maj"},
            {"uuid": _uuid(23), "kind": "recipient", "person": None, "name": "Vårdcentralerna", "unit": "Primärvård",
             "allocation": None, "start": None, "end": None, "note": ""},
        ],
    }


def _sections() -> list[dict]:
    """One section of every content kind, and the optional and unnumbered ones."""
    return [
        section("summary", "Sammanfattning", numbered=False,
                body="Text med **fet**, *kursiv* och [en länk](https://example.se/a?b=1&c=2)."
                     "^[En fotnot med [länk](https://example.se/fot).]"),
        section("background", "Bakgrund", body="Första stycket.\n\n- punkt ett\n- punkt två\n  - under\n\n"
                                                 "1. steg ett\n2. steg två\n\nSlut."),
        section("idea", "Idé", level=2, body="Idén."),
        section("effect", "Effektmål", level=2, content="goals_effect"),
        section("deliverable", "Projektmål", level=2, content="goals_deliverable"),
        section("phases", "Tidplan", content="timeline_phases"),
        section("gantt", "Tidslinje", content="gantt"),
        section("milestones", "Milstolpar", content="milestones"),
        section("activities", "Delaktiviteter", content="activities"),
        section("activity_plan", "Aktivitetsplan", content="activity_plan"),
        section("roles", "Roller", content="roles_table"),
        section("roles_list", "Organisation", content="roles_list"),
        section("resources", "Resursplan", content="resources"),
        section("budget", "Budget", content="budget", body_after="Efter budgeten."),
        section("risks", "Risker", content="risks"),
        section("log", "Ärende- och beslutslogg", content="log"),
        section("status", "Statusrapporter", content="status_reports"),
        section("empty_optional", "Tomt valfritt", optional=True),
        section("empty_with_text", "Kopplingar", optional=True, empty_text="Ej tillämpligt"),
        section("terms", "Definitioner och förkortningar", numbered=False, content="terms"),
        section("references", "Referenser", content="references"),
        section("decision", "Beslut", content="decision"),
    ]


def _risks() -> list[dict]:
    """A low, a high (due in a quarter, trending up) and a middling risk."""
    return [
        {"uuid": _uuid(50), "title": "Låg risk", "cause": "Orsak A", "consequence": "Följd A", "probability": 1,
         "impact": 2, "owner": "Maja Ek", "mitigation": "Bevaka", "due": None, "status": "open", "trend": "",
         "history": []},
        {"uuid": _uuid(51), "title": "Hög risk", "cause": "Orsak B", "consequence": "Följd B", "probability": 4,
         "impact": 3, "owner": "Olof Ström", "mitigation": "Åtgärda", "due": "2025-Q2", "status": "open",
         "trend": "up", "history": []},
        {"uuid": _uuid(52), "title": "Medel", "cause": "", "consequence": "", "probability": 2, "impact": 3,
         "owner": "", "mitigation": "", "due": None, "status": "open", "trend": "", "history": []},
    ]


def clone(plan: dict) -> dict:
    return copy.deepcopy(plan)


# --- reading a .docx back ---------------------------------------------------------------


def open_docx(path: Path):
    import docx

    return docx.Document(str(path))


def headings(doc) -> list[tuple[str, str]]:
    """(style name, text) of every heading paragraph, in order."""
    out = []
    for p in doc.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.lower().startswith("heading"):
            out.append((name, p.text))
    return out


def rows(table) -> list[list[str]]:
    """Cell texts row by row; each row's cells are taken once (never table.cell(i, j))."""
    return [[c.text for c in row.cells] for row in table.rows]


def table_with_header(doc, *labels: str):
    """The first table whose first row starts with ``labels``."""
    for table in doc.tables:
        first = table.rows[0].cells if len(table.rows) else ()
        texts = [c.text for c in first]
        if texts[: len(labels)] == list(labels):
            return table
    raise AssertionError(f"no table with header {labels}; headers: "
                         f"{[[c.text for c in t.rows[0].cells] for t in doc.tables if len(t.rows)]}")


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def body_texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _num_pr(el) -> tuple[int | None, int]:
    """(numId, ilvl) of a paragraph's or style's numPr; (None, 0) when it has none."""
    ppr = el.find(f"{W}pPr")
    num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
    if num_pr is None:
        return None, 0
    num_id, ilvl = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
    return (int(num_id.get(f"{W}val")) if num_id is not None else None,
            int(ilvl.get(f"{W}val")) if ilvl is not None else 0)


def numbered_headings(doc) -> list[tuple[str, str]]:
    """(style name, text as Word prints it) of every heading: the number its list gives it
    (from the numbering part, through the paragraph or its style), then the text."""
    numbering = doc.part.numbering_part.element
    abstract_of = {int(n.get(f"{W}numId")): n.find(f"{W}abstractNumId").get(f"{W}val")
                   for n in numbering.findall(f"{W}num")}
    levels = {a.get(f"{W}abstractNumId"): {int(lvl.get(f"{W}ilvl")): lvl for lvl in a.findall(f"{W}lvl")}
              for a in numbering.findall(f"{W}abstractNum")}
    counters: dict[int, list[int]] = {}
    out = []
    for p in doc.paragraphs:
        name = p.style.name if p.style is not None else ""
        if not name.lower().startswith("heading"):
            continue
        num_id, ilvl = _num_pr(p._p)
        if num_id is None:
            num_id, ilvl = _num_pr(p.style.element)
        if not num_id:
            out.append((name, p.text))
            continue
        count = counters.setdefault(num_id, [0] * 9)
        count[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            count[deeper] = 0
        lvl = levels[abstract_of[num_id]][ilvl]
        text = lvl.find(f"{W}lvlText").get(f"{W}val")
        for k in range(9):
            text = text.replace(f"%{k + 1}", str(count[k]))
        suff = lvl.find(f"{W}suff")
        sep = " " if suff is not None and suff.get(f"{W}val") == "space" else "\t"
        out.append((name, f"{text}{sep}{p.text}"))
    return out


def stored_rows(path: Path, plan_id: int, kind: str = "timeline") -> list[dict[str, Any]]:
    """The rows of `kind` in a plan, read from the file as it is on disk now."""
    from app.workspace import Workspace

    ws = Workspace.open(path, read_only=True)
    try:
        return ws.list(kind, plan_id)
    finally:
        ws.close()
