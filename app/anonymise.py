""""Ta bort personuppgifter": a person's name, e-mail and phone out of every byte of a file.

The person in the register becomes "Anonymiserad person N" (app.people.anonymise_person:
roles keep their role's name, resource lines their competence). Then every text the file
holds is searched for the name (as a whole word, in any case and spacing), the e-mail and the
phone number: rows of every plan, deleted rows, frozen editions, settings and the row
history. Rows get a new version with the text replaced ("(anonymiserad)"), so that a copy
merged later takes the change; the history's old content is rewritten in place; and the
file is rewritten (VACUUM) so that no free page keeps the name. The same can be done to the
automatic backups and to the undo snapshots of the file.

`preview` lists what will change, for the user to confirm first. It cannot be undone: the
whole point is that the name is nowhere any more.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app import kinds
from app.i18n import label, tr
from app.people import ANONYMISED_FIELDS, ANONYMOUS, anonymise_person, contact_parts, references
from app.workspace import Workspace
from db import history, models, scrub
from db.scrub import Connection

REPLACEMENT = "(anonymiserad)"
NOTE = "Personuppgifter borttagna {date}."
SNIPPET = 40


@dataclass(frozen=True)
class Target:
    """Who is removed: a person of the register (id and uuid) or a name written only as text."""

    name: str
    email: str = ""
    phone: str = ""
    person_id: int | None = None
    person_uuid: str | None = None

    @property
    def already_done(self) -> bool:
        """The register's person has been anonymised before (its copies may still hold the name)."""
        return self.person_id is not None and re.fullmatch(rf"{ANONYMOUS} \d+", self.name) is not None

    def pattern(self) -> re.Pattern[str]:
        # A whole word: "Ek" is not found in "Ekonomi", nor "Nils" in "Nils-Olof".
        parts = [r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in self.name.split()) + r"(?![\w-])"]
        parts += contact_parts(self.email, self.phone)
        return re.compile("|".join(parts), re.IGNORECASE)


@dataclass(frozen=True)
class Occurrence:
    """Where the name stands, in Swedish, with the text around it."""

    where: str
    snippet: str
    deleted: bool = False


@dataclass
class Preview:
    target: Target
    occurrences: list[Occurrence] = field(default_factory=list)  # rows a person can see, deleted ones too
    history: int = 0  # old versions in the row history
    editions: int = 0  # frozen editions
    copies: list[Path] = field(default_factory=list)  # backups and undo snapshots of the file

    def lines(self) -> list[str]:
        out = [f"{o.where}{tr(' (borttagen)') if o.deleted else ''}: {o.snippet}" for o in self.occurrences]
        if self.editions:
            out.append(tr("Frysta utgåvor: {count} (får en anteckning om att personuppgifter tagits bort)",
                          count=self.editions))
        if self.history:
            out.append(tr("Äldre versioner i ändringshistoriken: {count}", count=self.history))
        return out


@dataclass
class Outcome:
    label: str  # the person's new name in the register ("" for a name that was only text)
    cells: int  # text cells rewritten
    copies: list[Path] = field(default_factory=list)  # backups and snapshots rewritten too


def find_target(ws: Workspace, text: str) -> Target:
    """The person `text` names: an id or uuid of the register, or a name (in any case and spacing).

    A name nobody in the register has is still a target when the file holds it as text.
    """
    text = " ".join(text.split())
    if not text:
        raise ValueError(tr("Ange vem vars personuppgifter ska tas bort."))
    people = ws.list("person", include_deleted=True)
    hits = [p for p in people if text in (str(p["id"]), p["uuid"])]
    if not hits:
        hits = [p for p in people if " ".join(p["name"].split()).casefold() == text.casefold()]
    if len(hits) > 1:
        ids = ", ".join(str(p["id"]) for p in hits)
        raise ValueError(tr("Flera personer heter ”{name}” (id {ids}); ange personens id.", name=text, ids=ids))
    if hits:
        p = hits[0]
        return Target(" ".join(p["name"].split()), p["email"], p["phone"], p["id"], p["uuid"])
    target = Target(text)
    if not scrub.find_text(_conn(ws), target.pattern()):
        raise LookupError(tr("Hittar ingen person eller text ”{text}” i filen.", text=text))
    return target


def _conn(ws: Workspace) -> Connection:
    if ws.on_server:
        raise ValueError(tr("Personuppgifter tas bort i en fil; på en teamserver gör serverns administratör det."))
    conn: Connection = ws.store.db.connection()
    return conn


def _plan_titles(ws: Workspace) -> dict[int, str]:
    ws.store.activate()
    return dict(models.Plan.select(models.Plan.id, models.Plan.title).tuples())


def _where(cell: scrub.Cell, titles: dict[int, str]) -> str:
    part = label(kinds.TABLE_LABELS.get(cell.table, cell.table))
    field_label = label(kinds.FIELD_LABELS.get(cell.column, cell.column))
    if cell.table == "plan":
        return tr("Planen ”{title}”, {field}", title=titles.get(int(cell.row_id), ""), field=field_label)
    model = history.shape_of(cell.table).model
    plan_id = None
    if "plan" in model._meta.fields:
        plan_id = model.select(model.plan).where(model.id == cell.row_id).scalar()
    where = f"{part.capitalize()}, {field_label}"
    return tr("{where} i ”{title}”", where=where, title=titles[plan_id]) if plan_id in titles else where


def _snippet(text: str, pattern: re.Pattern[str]) -> str:
    m = pattern.search(text)
    if m is None:
        return text[:SNIPPET]
    start = max(0, m.start() - SNIPPET // 2)
    end = m.end() + SNIPPET // 2
    return f"{'…' if start else ''}{' '.join(text[start:end].split())}{'…' if end < len(text) else ''}"


def preview(ws: Workspace, target: Target) -> Preview:
    """Everything anonymising `target` would change, for the user to see before it is done."""
    pattern = target.pattern()
    out = Preview(target, copies=[p for p in copies_of(ws) if p.exists()])
    titles = _plan_titles(ws)
    if target.person_id is not None:
        for kind_name, ids in references(ws, target.person_id, include_deleted=True).items():
            k = kinds.kind(kind_name)
            m = k.model
            for plan_id, deleted in m.select(m.plan, m.deleted_at).where(m.id.in_(ids)).tuples():
                out.occurrences.append(Occurrence(tr("{where} i ”{title}”", where=label(k.noun).capitalize(),
                                                     title=titles.get(plan_id, "")),
                                                  tr("kopplingen till personen tas bort"), deleted is not None))
    for cell in scrub.find_text(_conn(ws), pattern):
        if cell.table == "row_version":
            out.history += 1
        elif cell.table == "edition" and cell.column == "snapshot":
            out.editions += 1
        elif cell.table != "setting":
            out.occurrences.append(Occurrence(_where(cell, titles), _snippet(cell.text, pattern), cell.deleted))
    return out


def _replacer(pattern: re.Pattern[str]) -> Callable[[str], str]:
    return lambda text: pattern.sub(REPLACEMENT, text)


def anonymise(ws: Workspace, target: Target) -> Outcome:
    """Remove `target` from the file (see the module's text), then rewrite the file (VACUUM)."""
    conn = _conn(ws)
    pattern = target.pattern()
    replace = _replacer(pattern)
    note = NOTE.format(date=date.today().isoformat())
    label = ""
    with ws.store.write():
        if target.person_id is not None:
            anonymise_person(ws, target.person_id, include_deleted=True)
            label = ws.get("person", target.person_id)["name"]
        cells = scrub.find_text(conn, pattern)
        # Rows of plans (deleted ones too) get a new version, so that a merge carries the change.
        changes: dict[str, dict[int, dict[str, str]]] = {}
        for cell in cells:
            if cell.table in ("row_version", "setting"):
                continue
            row = changes.setdefault(cell.table, {}).setdefault(int(cell.row_id), {})
            row[cell.column] = scrub.rewritten(cell, replace)
        for row_id, row in changes.get("edition", {}).items():
            if "snapshot" in row:
                comment = row.get("comment", models.Edition.get_by_id(row_id).comment)
                row["comment"] = comment if note in comment else f"{comment}\n{note}".strip()
        for table, rows in changes.items():
            history.update_each(ws.store.db, history.shape_of(table), rows, action="anonymise")
        # What remains is the history's old content (the versions just superseded too) and settings.
        rest = scrub.find_text(conn, pattern)
        scrub.replace_cells(conn, ((c, scrub.rewritten(c, replace)) for c in rest))
    scrub.vacuum(conn)
    return Outcome(label, len(cells) + len(rest))


def copies_of(ws: Workspace) -> list[Path]:
    """The file's automatic backups and the snapshots its undo steps keep."""
    from app.steps import snapshots_of
    from db.backup import backups_of

    return [*backups_of(ws.path), *snapshots_of(ws)]


def anonymise_copies(ws: Workspace, target: Target) -> list[Path]:
    """Do the same to every backup and undo snapshot of the file: each is rewritten (and VACUUMed)
    beside itself and renamed into place, so it stays a sound file to restore from."""
    label = ws.get("person", target.person_id)["name"] if target.person_id is not None else ""

    def prepare(conn: Connection) -> None:
        # A copy taken before the file was anonymised knows the person by its old name and details.
        here = target
        if target.person_uuid is not None:
            details = scrub.person_details(conn, target.person_uuid, ("name", "email", "phone"))
            if details is not None:
                name, email, phone = details
                here = Target(name, email, phone, person_id=target.person_id, person_uuid=target.person_uuid)
        patterns = [t.pattern() for t in {target, here} if not t.already_done]
        for pattern in patterns:
            replace = _replacer(pattern)
            scrub.replace_cells(conn, ((c, scrub.rewritten(c, replace)) for c in scrub.find_text(conn, pattern)))
        if target.person_uuid is not None:
            scrub.blank_person(conn, target.person_uuid, label, ANONYMISED_FIELDS)

    done = []
    for path in copies_of(ws):
        if path.exists():
            scrub.rewrite_copy(path, prepare)
            done.append(path)
    return done


def remaining(path: Path, target: Target) -> int:
    """How many times the name, e-mail or phone still stand in the bytes of `path` (a check)."""
    data = path.read_bytes()
    return sum(data.count(n.strip().encode("utf-8")) for n in (target.name, target.email, target.phone) if n.strip())
