"""A reproducible benchmark database, made through the app's own import path.

    python -m bench.generate FILE --size small|full [--check]

Plans are built as dicts in the plan JSON format (docs/plan-format.md) from a
fixed seed (random.Random(2024)) and written with app.planfile.apply.import_plan in
a few big transactions. `full` holds 200 plans of all four document types with
20,000 timeline items (with dependencies), 5,000 risks with assessment history,
2,000 people in roles and resource lines, and one long plan (about 30 pages,
~300 activities). `small` is a tenth of that. `--check` also validates every plan
dict against the JSON Schema and the import's own checks (slower; the tests use it).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid as uuidlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench import text

SEED = 2024
PLANS_PER_TRANSACTION = 25
DOC_TYPES = ("directive", "plan", "project_directive", "project_plan")
CREATED = "2024-01-15T08:00:00.000000Z"


@dataclass(frozen=True)
class Size:
    plans: int
    items: int
    risks: int
    people: int
    big_activities: int
    big_paragraphs: int  # paragraphs per section body of the long plan


SIZES = {
    "full": Size(plans=200, items=20_000, risks=5_000, people=2_000, big_activities=300, big_paragraphs=7),
    "small": Size(plans=20, items=2_000, risks=500, people=200, big_activities=30, big_paragraphs=7),
}


class Maker:
    """Plan dicts from one random stream."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def uuid(self) -> str:
        return str(uuidlib.UUID(int=self.rng.getrandbits(128), version=4))

    # --- dates ---------------------------------------------------------------

    def period(self) -> tuple[str | None, str | None]:
        r = self.rng
        start = date(2024, 1, 1) + timedelta(days=r.randint(0, 4 * 365))
        end = start + timedelta(days=r.randint(0, 200))
        p = r.random()
        if p < 0.75:
            return start.isoformat(), end.isoformat()
        if p < 0.92:
            return f"{start.year}-{start.month:02d}", f"{end.year}-{end.month:02d}"
        if p < 0.97:
            return f"{start.year}-Q{(start.month - 1) // 3 + 1}", f"{end.year}-Q{(end.month - 1) // 3 + 1}"
        return start.isoformat(), None

    def day(self) -> str:
        return (date(2024, 1, 1) + timedelta(days=self.rng.randint(0, 3 * 365))).isoformat()

    # --- people --------------------------------------------------------------

    def person(self) -> dict[str, Any]:
        r = self.rng
        name = text.person_name(r)
        return {
            "uuid": self.uuid(), "name": name, "title": r.choice(text.TITLES), "unit": r.choice(text.UNITS),
            "organisation": r.choice(text.ORGANISATIONS),
            "email": name.lower().replace(" ", ".").replace("å", "a").replace("ä", "a").replace("ö", "o") + "@example.se",
            "phone": f"0{r.randint(10, 99)}-{r.randint(100000, 999999)}", "notes": "",
        }

    # --- a plan --------------------------------------------------------------

    def plan(self, doc_type: str, index: int, *, people: list[dict[str, Any]], items: int, risks: int,
             paragraphs: tuple[int, int] = (1, 3), lists: bool = False) -> dict[str, Any]:
        from app.templates import TEMPLATES

        r = self.rng
        template = TEMPLATES[doc_type]
        sections = self.sections(template, paragraphs, lists)
        timeline = self.timeline(template, people, items)
        roles, resources = self.roles(people), self.resources(people)
        start_year = 2024 + r.randint(0, 2)
        plan_uuid = self.uuid()
        title = f"{text.plan_title(r)} ({index + 1})"
        return {
            "format": "uppdrag-plan",
            "format_version": 1,
            "uuid": plan_uuid,
            "doc_type": doc_type,
            "title": title,
            "metadata": self.metadata(doc_type, start_year, people),
            "sections": sections,
            "goals": [
                {"uuid": self.uuid(), "kind": k, "text": text.sentence(r), "measure": r.choice(("", text.sentence(r)))}
                for k in ("effect", "deliverable") for _ in range(r.randint(1, 4))
            ],
            "timeline": timeline,
            "organisation": {"people": list(people), "roles": roles},
            "resources": resources,
            "budget": [
                {"uuid": self.uuid(), "kind": k, "description": text.sentence(r),
                 "amount": r.randint(1, 400) * 5_000, "year": r.choice((None, start_year, start_year + 1)), "note": ""}
                for k in ("cost", "financing") for _ in range(r.randint(1, 4))
            ],
            "risks": [self.risk() for _ in range(risks)],
            **self.follow_up(people),
            "decision": {
                "date": None, "text": template.decision_text, "choice": "", "comment": "",
                "signature_title": template.signature_title, "signature_name": "", "signature_date": None,
            },
            "editions": [],
        }

    def sections(self, template: Any, paragraphs: tuple[int, int], lists: bool) -> list[dict[str, Any]]:
        r = self.rng
        sections = []
        for s in template.sections:
            n = r.randint(*paragraphs)
            sections.append({
                "uuid": self.uuid(), "key": s.key, "heading": s.heading, "level": s.level,
                "numbered": bool(s.numbered), "content": s.content,
                "body": text.body(r, n, lists=lists) if not (s.optional and r.random() < 0.3) else "",
                "body_after": text.paragraph(r, 2) if s.content and r.random() < 0.2 else "",
                "guidance": s.guidance, "optional": bool(s.optional), "empty_text": s.empty_text,
            })
        return sections

    def roles(self, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The first eight people in each kind of role, most of the others in one chosen at random."""
        r = self.rng
        roles = []
        role_kinds = ("orderer", "owner", "leader", "steering_group", "member", "recipient",
                      "stakeholder", "resource_owner")
        for i, p in enumerate(people):
            if i < len(role_kinds) or r.random() < 0.6:
                roles.append({
                    "uuid": self.uuid(), "kind": role_kinds[i] if i < len(role_kinds) else r.choice(role_kinds),
                    "person": p["uuid"], "name": "", "unit": p["unit"],
                    "allocation": r.choice((None, 10, 20, 25, 50, 100)), "start": None, "end": None, "note": "",
                })
        return roles

    def resources(self, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
        r = self.rng
        return [
            {"uuid": self.uuid(), "competence": r.choice(text.TITLES), "person": p["uuid"], "name": "",
             "allocation": r.choice((None, 10, 20, 50)), "start": None, "end": None, "note": ""}
            for p in people if r.random() < 0.5
        ]

    def metadata(self, doc_type: str, start_year: int, people: list[dict[str, Any]]) -> dict[str, Any]:
        r = self.rng
        return {
            "template": doc_type, "subtitle": r.choice(("", "(till HSN och RS)", "Region och kommuner i samverkan")),
            "programme": r.choice(("", "UPPDRAGiL 3.0", "Färdplan nära vård")),
            "organisation": r.choice(text.ORGANISATIONS),
            "diarienummer": f"{r.choice(('RS', 'HSN', 'SN', 'KS'))} {start_year}-{r.randint(1, 2999):05d}",
            "assignment": text.plan_title(r), "document_date": self.day(),
            "edition": r.choice(("0.1", "0.3", "1.0")), "version": str(r.randint(1, 3)),
            "authors": [p["name"] for p in people[:3]],
            "status": r.choice(("draft", "submitted", "approved", "active", "completed")),
            "created_at": CREATED, "modified_at": CREATED,
        }

    def follow_up(self, people: list[dict[str, Any]]) -> dict[str, Any]:
        """The log, status reports, terms and references of a plan."""
        r = self.rng
        return {
            "log": [
                {"uuid": self.uuid(), "date": self.day(), "kind": r.choice(("issue", "decision", "change", "deviation")),
                 "text": text.sentence(r), "decided_by": r.choice(("", "Styrgruppen", "Uppdragsägaren")),
                 "status": r.choice(("", "Öppen", "Stängd"))}
                for _ in range(r.randint(0, 6))
            ],
            "status_reports": [
                {"uuid": self.uuid(), "date": self.day(), "status": r.choice(("green", "yellow", "red")),
                 "text": text.paragraph(r, 2), "author": people[0]["name"] if people else ""}
                for _ in range(r.randint(0, 4))
            ],
            "terms": [{"uuid": self.uuid(), "term": t, "explanation": e} for t, e in r.sample(text.TERMS, r.randint(2, 6))],
            "references": [
                {"uuid": self.uuid(), "number": str(k + 1), "title": text.plan_title(r), "description": text.sentence(r),
                 "url": f"https://example.se/dokument/{r.randint(1000, 9999)}"}
                for k in range(r.randint(0, 5))
            ],
        }

    def timeline(self, template: Any, people: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
        """The template's decision points, a few phases, then activities with parents and dependencies."""
        r = self.rng
        out: list[dict[str, Any]] = []

        def item(kind: str, code: str, title: str, **extra: Any) -> dict[str, Any]:
            start, end = self.period()
            if kind in ("decision_point", "milestone"):
                end = None
            row = {
                "uuid": self.uuid(), "kind": kind, "code": code, "title": title,
                "description": text.sentence(r) if r.random() < 0.4 else "",
                "start": start, "end": end,
                "responsible": r.choice(text.UNITS) if r.random() < 0.5 else "",
                "responsible_person": r.choice(people)["uuid"] if people and r.random() < 0.3 else None,
                "status": r.choice(("planned", "planned", "ongoing", "done", "delayed")),
                "progress": r.choice((0, 0, 10, 25, 50, 75, 100)), "comment": "",
                "parent": None, "depends_on": [],
            }
            row.update(extra)
            return row

        for p in template.decision_points:
            if len(out) >= count:
                break
            kind = "milestone" if p.code.upper().startswith("MS") else "decision_point"
            out.append(item(kind, p.code, p.name))
        phases = []
        for k in range(min(4, max(0, count - len(out)))):
            phases.append(item("phase", f"Fas {k + 1}", f"Fas {k + 1}: {text.activity_title(r).lower()}"))
        out += phases
        activities: list[dict[str, Any]] = []
        while len(out) < count:
            a = item("activity", f"{len(activities) + 1}.", text.activity_title(r))
            if phases and r.random() < 0.5:
                a["parent"] = r.choice(phases)["uuid"]
            if activities and r.random() < 0.6:
                a["depends_on"] = [activities[-1]["uuid"]]
                if len(activities) > 3 and r.random() < 0.3:
                    extra = r.choice(activities[:-1])["uuid"]
                    a["depends_on"].append(extra)
            activities.append(a)
            out.append(a)
        return out

    def risk(self) -> dict[str, Any]:
        r = self.rng
        history = [
            {"uuid": self.uuid(), "date": self.day(), "probability": r.randint(1, 4), "impact": r.randint(1, 4),
             "scale": 4, "note": r.choice(("", "Omprövad i styrgruppen", "Ny bedömning efter åtgärd"))}
            for _ in range(r.choice((0, 0, 1, 2, 3)))
        ]
        due, _ = self.period()
        return {
            "uuid": self.uuid(), "title": r.choice(text.RISK_TITLES), "cause": text.sentence(r),
            "consequence": text.sentence(r), "probability": r.randint(1, 4), "impact": r.randint(1, 4),
            "owner": text.person_name(r), "mitigation": text.sentence(r), "due": due,
            "status": r.choice(("open", "open", "handled", "closed")), "trend": r.choice(("", "up", "flat", "down")),
            "history": history,
        }


def _spread(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def build_plans(size: Size) -> list[dict[str, Any]]:
    """All plan dicts of a benchmark file, in import order. The first is the long (~30 pages) plan."""
    m = Maker(random.Random(SEED))
    people = [m.person() for _ in range(size.people)]
    # Every person appears in some plan; each plan also shares a few with others.
    per_plan = [people[i::size.plans] for i in range(size.plans)]
    big_items = size.big_activities + 12
    items = [big_items] + _spread(size.items - big_items, size.plans - 1)
    risks = _spread(size.risks, size.plans)
    plans = []
    for i in range(size.plans):
        doc_type = "project_plan" if i == 0 else DOC_TYPES[i % len(DOC_TYPES)]
        shared = m.rng.sample(people, 3)
        org = per_plan[i] + [p for p in shared if p not in per_plan[i]]
        if i == 0:
            plans.append(m.plan(doc_type, i, people=org, items=items[i], risks=risks[i],
                                paragraphs=(size.big_paragraphs - 2, size.big_paragraphs + 2), lists=True))
        else:
            plans.append(m.plan(doc_type, i, people=org, items=items[i], risks=risks[i], lists=m.rng.random() < 0.3))
    return plans


def one_plan(items: int, *, seed: int = SEED + 7, risks: int = 20, people: int = 12) -> dict[str, Any]:
    """One plan with `items` timeline items (the import benchmark B7 and the bar files of B3)."""
    m = Maker(random.Random(seed))
    org = [m.person() for _ in range(people)]
    return m.plan("project_plan", 0, people=org, items=items, risks=risks)


class _NewRowsFirst:
    """Speeds up `Upserter.put` (db/upsert.py) for a file this generator has just created.

    `put` writes one row as a batch of one (look the uuid up, then insert or
    update it); called row by row, as the people register is, that costs about a
    millisecond a row, which makes the full file take over a minute. In a new file a uuid this run has not written yet cannot
    exist, so such a row is inserted directly with the same columns, defaults and
    times `put` would give it; any other row (people shared between plans) goes
    through the original `put`. tests/bench checks that both give the same rows.
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.sql: dict[tuple[type, tuple[str, ...]], str] = {}

    def __enter__(self) -> _NewRowsFirst:
        from db import upsert

        self.original = original = upsert.Upserter.put
        fast = self

        def put(up: Any, model: Any, uuid: str, columns: dict[str, Any]) -> int:
            if uuid in fast.seen:
                return original(up, model, uuid, columns)
            fast.seen.add(uuid)
            return fast.insert(model, {"uuid": uuid, "created_at": up.now, "modified_at": up.now, **columns})

        upsert.Upserter.put = put
        return self

    def __exit__(self, *exc: Any) -> None:
        from db import upsert

        upsert.Upserter.put = self.original

    def insert(self, model: Any, columns: dict[str, Any]) -> int:
        meta = model._meta
        names, values = [], []
        for f in meta.sorted_fields:
            if f is meta.primary_key:
                continue
            if f.name in columns:
                value = columns[f.name]
            elif f.default is not None:
                value = f.default() if callable(f.default) else f.default
            else:
                value = None
            names.append(f.column_name)
            values.append(f.db_value(value))
        key = (model, tuple(names))
        sql = self.sql.get(key)
        if sql is None:
            sql = self.sql[key] = (
                f'INSERT INTO "{meta.table_name}" ({", ".join(f'"{n}"' for n in names)}) '
                f'VALUES ({", ".join("?" * len(names))})'
            )
        return meta.database.execute_sql(sql, values).lastrowid


def import_plans(ws: Any, plans: list[dict[str, Any]], *, check: bool = False, fast: bool = True) -> list[int]:
    """Import plan dicts with app.planfile.apply.import_plan, PLANS_PER_TRANSACTION to a transaction."""
    from contextlib import nullcontext

    from app.planfile.apply import import_plan
    from app.planfile.read import check_plan_dict

    ids = []
    with _NewRowsFirst() if fast else nullcontext():
        for start in range(0, len(plans), PLANS_PER_TRANSACTION):
            batch = plans[start:start + PLANS_PER_TRANSACTION]
            if check:
                for p in batch:
                    check_plan_dict(p)
            with ws.store.write():
                ids += [import_plan(ws, p) for p in batch]
    return ids


def generate(path: Path, size_name: str, *, check: bool = False) -> dict[str, Any]:
    from app.workspace import Workspace

    started = time.perf_counter()
    size = SIZES[size_name]
    plans = build_plans(size)
    built = time.perf_counter()
    ws = Workspace.create(path)
    try:
        import_plans(ws, plans, check=check)
    finally:
        ws.close()
    done = time.perf_counter()
    return {
        "plans": len(plans),
        "timeline_items": sum(len(p["timeline"]) for p in plans),
        "risks": sum(len(p["risks"]) for p in plans),
        "people": len({q["uuid"] for p in plans for q in p["organisation"]["people"]}),
        "build_s": round(built - started, 2),
        "import_s": round(done - built, 2),
        "bytes": path.stat().st_size,
    }


def bars_file(path: Path, bars: int, *, per_plan: int = 2_000) -> None:
    """A file with `bars` timeline items in plans of `per_plan` (the scroll/zoom benchmark B3)."""
    from app.workspace import Workspace

    m = Maker(random.Random(SEED + bars))
    people = [m.person() for _ in range(20)]
    plans = [m.plan(DOC_TYPES[i % 4], i, people=people[i % 20:i % 20 + 3], items=n, risks=0)
             for i, n in enumerate(_spread(bars, max(1, bars // per_plan)))]
    ws = Workspace.create(path)
    try:
        import_plans(ws, plans)
    finally:
        ws.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description="Skapa en testdatabas för benchmark.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--check", action="store_true", help="validera varje plan som en import gör")
    args = parser.parse_args(argv)
    if args.file.exists():
        print(f"{args.file} finns redan; välj ett annat namn.", file=sys.stderr)
        return 1
    stats = generate(args.file, args.size, check=args.check)
    print(" ".join(f"{k}={v}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
