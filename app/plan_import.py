"""Reading a plan JSON file into the open file: validate everything first, then write once.

A plan whose uuid exists is updated to match the file (parts missing from the
file get tombstones), so importing twice never duplicates anything. The whole
import is one transaction: a program stopped halfway leaves the plan as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache, lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField

from app.dates import DateParseError, VagueDate, parse_date, parse_range
from app.plan_json import FORMAT, FORMAT_VERSION
from app.plan_schema_check import plan_schema, quick_check
from app.validation import ValidationError, timeline_rows_pass, validate
from db import models
from db.bulk import reserve_ids

if TYPE_CHECKING:
    from app.workspace import Workspace

MAX_IMPORT_BYTES = 200 * 1024 * 1024


class PlanFileError(ValueError):
    """The file cannot be imported; str() lists each problem with the path of the bad value."""


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(plan_schema())


def _path(parts: Iterable[Any]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(hela filen)"


def read_plan_file(path: Path) -> dict[str, Any]:
    """Load and check a plan file; raise PlanFileError with Swedish messages."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise PlanFileError(f"Filen ”{path.name}” är för stor för att vara en plan.")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanFileError(f"Filen ”{path}” finns inte.") from None
    except UnicodeDecodeError:
        raise PlanFileError(f"Filen ”{path.name}” är inte en textfil i UTF-8.") from None
    except OSError as exc:
        raise PlanFileError(f"Filen ”{path.name}” kan inte läsas: {exc.strerror}.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            f"Filen ”{path.name}” är inte giltig JSON (rad {exc.lineno}, kolumn {exc.colno})."
        ) from None
    if isinstance(data, dict):
        _split_ranges(data)
    check_plan_dict(data)
    return data


def _schema_errors(data: Any) -> list[Any]:
    """jsonschema's errors, sorted by path; skipped when the quick check says the file is valid."""
    quick = quick_check()
    if quick is not None and quick(data):
        return []
    return sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))


def check_plan_dict(data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFileError("Filen är ingen Uppdrag-plan (fältet ”format” ska vara ”uppdrag-plan”).")
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise PlanFileError(
            f"Planen är sparad i en nyare formatversion ({version}) än den här versionen av "
            f"Uppdrag kan läsa ({FORMAT_VERSION}). Uppdatera Uppdrag."
        )
    errors = _schema_errors(data)
    problems = [f"{_path(e.absolute_path)}: {_swedish(e)}" for e in errors[:20]]
    if not problems:
        problems = _semantic_problems(data)
    if problems:
        more = f" (och {len(errors) - 20} till)" if len(errors) > 20 else ""
        raise PlanFileError("Planen kan inte importeras:\n" + "\n".join(problems) + more)


def _swedish(error: Any) -> str:
    v = error.validator
    if v == "required":
        return f"fält saknas: {error.message.split(' ')[0]}"
    if v == "additionalProperties":
        return "okänt fält: " + ", ".join(sorted(set(error.instance) - set(error.schema.get("properties", {}))))
    if v == "type":
        return f"fel typ, väntade {error.validator_value}, fick {json.dumps(error.instance, ensure_ascii=False)[:60]}"
    if v == "pattern":
        return f"{json.dumps(error.instance, ensure_ascii=False)[:60]} har fel form"
    if v in ("enum", "const"):
        return f"{json.dumps(error.instance, ensure_ascii=False)[:60]} är inte ett tillåtet värde"
    if v in ("minimum", "maximum"):
        return f"{error.instance} ligger utanför det tillåtna intervallet"
    if v == "minLength":
        return "får inte vara tomt"
    return error.message


@lru_cache(maxsize=4096)  # VagueDate is immutable; plans repeat their dates
def _vague(text: str | None) -> VagueDate | None:
    """A stored form ("2025-Q3"), or one a person wrote ("hösten 2025", "v. 12 2026")."""
    if text is None:
        return None
    try:
        return VagueDate.from_canonical(text)
    except DateParseError:
        return parse_date(text)


def _split_ranges(data: Any) -> None:
    """A whole period written in a row's `start` ("okt 2024 – jan 2025") with no `end`
    becomes its start and end, in canonical form; anything else is left for the checks."""
    lists = {"timeline": data.get("timeline"), "resources": data.get("resources"),
             "organisation.roles": (data.get("organisation") or {}).get("roles")
             if isinstance(data.get("organisation"), dict) else None}
    for rows in lists.values():
        for row in rows if isinstance(rows, list) else ():
            text = row.get("start") if isinstance(row, dict) else None
            if not isinstance(text, str) or row.get("end") is not None:
                continue
            try:
                _vague(text)
                continue
            except DateParseError:
                pass
            try:
                period = parse_range(text)
            except DateParseError:
                continue
            if period.start is not None and period.end is not None:
                row["start"], row["end"] = period.start.canonical(), period.end.canonical()


VAGUE_PATHS = {
    "timeline": ("start", "end"),
    "resources": ("start", "end"),
    "organisation.roles": ("start", "end"),
    "risks": ("due",),
}


def _lists(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The plan's lists of rows with uuids, by their path in the file."""
    return {**{k: data[k] for k in ("sections", "goals", "timeline", "resources", "budget", "risks",
                                    "log", "status_reports", "terms", "references", "editions")},
            "organisation.people": data["organisation"]["people"],
            "organisation.roles": data["organisation"]["roles"]}


def _semantic_problems(data: dict[str, Any]) -> list[str]:
    """What the schema cannot say: real dates, end after start, references that resolve, unique uuids."""
    return [] if _semantics_hold(data) else _semantic_problems_one_by_one(data)


def _semantics_hold(data: dict[str, Any]) -> bool:
    """A quick yes: True only if _semantic_problems_one_by_one finds nothing. The same checks,
    made once per distinct value and with set operations, as a 20,000-item plan needs."""
    lists = _lists(data)
    uuids = [data["uuid"]]
    for rows in lists.values():
        uuids += [row["uuid"] for row in rows]
    if len(set(uuids)) < len(uuids):
        return False
    decision = data["decision"]
    texts = {data["metadata"].get("document_date"), decision.get("date"), decision.get("signature_date")}
    for key, names in VAGUE_PATHS.items():
        for name in names:
            texts.update([row.get(name) for row in lists[key]])
    try:
        for text in texts:
            _vague(text)
    except DateParseError:
        return False
    for key in ("log", "status_reports", "editions"):
        for row in lists[key]:
            if row.get("date"):
                try:
                    date.fromisoformat(row["date"])
                except ValueError:
                    return False
    timeline = data["timeline"]
    people = {p["uuid"] for p in data["organisation"]["people"]}
    items = {t["uuid"] for t in timeline}
    return (
        {t["responsible_person"] for t in timeline if t["responsible_person"]} <= people
        and {t["parent"] for t in timeline if t["parent"]} <= items
        and {dep for t in timeline for dep in t["depends_on"]} <= items
        and all({r["person"] for r in lists[key] if r["person"]} <= people
                for key in ("organisation.roles", "resources"))
        and timeline_rows_pass(timeline, _vague)
    )


def _semantic_problems_one_by_one(data: dict[str, Any]) -> list[str]:
    """Every problem _semantic_problems looks for, with the path of the value, in file order."""
    problems: list[str] = []
    seen: set[str] = set()

    def uuid_of(where: str, row: dict[str, Any]) -> None:
        if row["uuid"] in seen:
            problems.append(f"{where}.uuid: {row['uuid']} förekommer flera gånger")
        seen.add(row["uuid"])

    def dates(where: str, row: dict[str, Any], names: Iterable[str]) -> None:
        for name in names:
            try:
                _vague(row.get(name))
            except DateParseError as exc:
                problems.append(f"{where}.{name}: {exc}")

    uuid_of("", data)
    dates("metadata", data["metadata"], ("document_date",))
    dates("decision", data["decision"], ("date", "signature_date"))
    lists = _lists(data)
    for key, items in lists.items():
        for i, row in enumerate(items):
            uuid_of(f"{key}[{i}]", row)
            dates(f"{key}[{i}]", row, VAGUE_PATHS.get(key, ()))
            if key in ("log", "status_reports", "editions") and row.get("date"):
                try:
                    date.fromisoformat(row["date"])
                except ValueError:
                    problems.append(f"{key}[{i}].date: {row['date']} är inget giltigt datum")
    people = {p["uuid"] for p in data["organisation"]["people"]}
    items = {t["uuid"] for t in data["timeline"]}
    for i, t in enumerate(data["timeline"]):
        if t["responsible_person"] and t["responsible_person"] not in people:
            problems.append(f"timeline[{i}].responsible_person: personen finns inte i organisation.people")
        if t["parent"] and t["parent"] not in items:
            problems.append(f"timeline[{i}].parent: posten finns inte i timeline")
        for dep in t["depends_on"]:
            if dep not in items:
                problems.append(f"timeline[{i}].depends_on: posten {dep} finns inte i timeline")
        try:
            validate("timeline", {**t, "start": _vague(t["start"]), "end": _vague(t["end"])})
        except (ValidationError, DateParseError) as exc:
            problems.append(f"timeline[{i}]: {exc}")
    for key, rows in (("organisation.roles", data["organisation"]["roles"]), ("resources", data["resources"])):
        for i, r in enumerate(rows):
            if r["person"] and r["person"] not in people:
                problems.append(f"{key}[{i}].person: personen finns inte i organisation.people")
    return problems


# --- writing -----------------------------------------------------------------


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _vague_columns(name: str, text: str | None) -> dict[str, Any]:
    start, precision = _vague_parts(text)
    return {name: start, f"{name}_precision": precision}


@lru_cache(maxsize=4096)
def _vague_parts(text: str | None) -> tuple[str | None, str | None]:
    """A vague date's two columns as stored: its first day as ISO text, and its precision."""
    v = _vague(text)
    return (v.start.isoformat(), str(v.precision)) if v else (None, None)


def _vague_column_lists(name: str, texts: list[str | None]) -> dict[str, list[str | None]]:
    distinct = {t: _vague_parts(t) for t in set(texts)}
    parts = [distinct[t] for t in texts]
    return {name: [start for start, _ in parts], f"{name}_precision": [precision for _, precision in parts]}


_CHUNK = 500  # uuids per IN (…) list, well below SQLite's variable limit


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _executemany(sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """`sql` for each of `rows`: a list (nothing happens if it is empty) or an iterator of rows
    made one at a time while SQLite writes (20,000 rows are never all in memory at once)."""
    if not isinstance(rows, list) or rows:
        models.database.cursor().executemany(sql, rows)


def _MARK() -> str:  # noqa: N802 - the open store's placeholder: ? in a file, %s on a server
    return models.database.param


def _select_in(sql: str, values: list[Any], before: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Rows of `sql` (whose last condition is `IN ({})`) for every chunk of `values`."""
    for chunk in _chunks(values):
        yield from models.database.execute_sql(sql.format(", ".join([_MARK()] * len(chunk))), (*before, *chunk))


def _as_column(field: Any) -> Any:
    """The function that turns a value into what peewee would store, and the types it leaves alone."""
    if isinstance(field, DateField):
        def to_text(value: Any) -> Any:  # what sqlite3's date adapter would store
            value = field.db_value(value)
            return value.isoformat() if isinstance(value, date) else value
        return to_text, {type(None), str}
    if isinstance(field, ForeignKeyField):
        field = field.rel_field
    if isinstance(field, IntegerField):
        return field.db_value, {type(None), int}
    if isinstance(field, CharField | TextField):
        return field.db_value, {type(None), str}
    return field.db_value, {type(None)}


def _top_run(ids: Iterable[int]) -> tuple[int, int] | None:
    """The longest run lo, lo + 1, …, hi of `ids` that ends at the highest one (None if there are none)."""
    ordered = sorted(ids)
    if not ordered:
        return None
    k = len(ordered) - 1
    while k > 0 and ordered[k - 1] == ordered[k] - 1:
        k -= 1
    return ordered[k], ordered[-1]


class _Upserter:
    """Writes rows matched by uuid: update if present (alive or not), insert otherwise.

    Set-based: per model, one look-up of the existing rows (uuid IN chunks), one
    executemany for the new rows and one for the changed ones. A new row gets
    created_at = modified_at = now and rev 1; an existing row is written only when a
    value differs (or it was a tombstone), and then gets modified_at = now, rev + 1.
    Rows are handled column by column: a 20,000-item timeline is a few lists, not
    20,000 dicts.
    """

    def __init__(self, now: str):
        self.now = now

    def put(self, model: type[models.UserRow], uuid: str, columns: dict[str, Any]) -> int:
        return self.put_many(model, [(uuid, columns)])[uuid]

    def put_many(self, model: type[models.UserRow], rows: list[tuple[str, dict[str, Any]]],
                 self_refs: tuple[str, ...] = ()) -> dict[str, int]:
        """Write rows given as (uuid, {field name: value}); returns uuid → id.

        A field in `self_refs` holds the uuid (or None) of a row of the same model in
        `rows`; it is stored as that row's id.
        """
        if len({u for u, _ in rows}) < len(rows):  # a uuid twice: each row in turn, the last one wins
            if self_refs:
                raise ValueError("rows with references to each other must have different uuids")
            ids: dict[str, int] = {}
            for uuid, columns in rows:
                ids.update(self._put_group(model, [uuid], {k: [v] for k, v in columns.items()}, ()))
            return ids
        groups: dict[frozenset[str], list[tuple[str, dict[str, Any]]]] = {}
        for row in rows:
            groups.setdefault(frozenset(row[1]), []).append(row)
        if len(groups) > 1 and self_refs:
            raise ValueError("rows with references to each other must have the same fields")
        ids = {}
        for group in groups.values():
            names = list(group[0][1])
            ids.update(self._put_group(model, [u for u, _ in group],
                                       {n: [c[n] for _, c in group] for n in names}, self_refs))
        return ids

    def put_columns(self, model: type[models.UserRow], uuids: list[str], columns: dict[str, list[Any]],
                    self_refs: tuple[str, ...] = ()) -> dict[str, int]:
        """put_many for rows given column by column: {field name: one value a row, in the order of `uuids`}."""
        if len(set(uuids)) < len(uuids):
            return self.put_many(model, [(u, {k: col[i] for k, col in columns.items()}) for i, u in enumerate(uuids)],
                                 self_refs)
        return self._put_group(model, uuids, columns, self_refs)

    def _put_group(self, model: type[models.UserRow], uuids: list[str], columns: dict[str, list[Any]],
                   self_refs: tuple[str, ...]) -> dict[str, int]:
        meta = model._meta
        table, fields = meta.table_name, meta.fields
        names = [k for k in columns if k in fields and k != "uuid"]
        # The file's values as stored, one list a column (converted only where needed).
        cols: list[list[Any]] = []
        for name in names:
            col = columns[name]
            if name not in self_refs:
                convert, kept = _as_column(fields[name])
                if not set(map(type, col)) <= kept:
                    col = [None if v is None else convert(v) for v in col]
            cols.append(col)
        refs = [names.index(r) for r in self_refs]

        # 1. The existing rows, alive or not, with the values the file may change.
        quoted = "".join(f', "{fields[n].column_name}"' for n in names)
        existing = {r[0]: r[1:] for r in _select_in(
            f'SELECT "uuid", "id", "deleted_at"{quoted} FROM "{table}" WHERE "uuid" IN ({{}})', uuids)}
        ids = {u: found[0] for u, found in existing.items()}

        # 2. Ids for the new rows, as SQLite would give them (max + 1, in order), so that
        #    references between rows resolve before anything is written.
        fresh = [i for i, u in enumerate(uuids) if u not in existing] if existing else range(len(uuids))
        if fresh:
            first = reserve_ids(models.database, table, len(fresh))
            if len(fresh) == len(uuids):  # all new: in the order given
                ids.update(zip(uuids, range(first, first + len(uuids))))
            else:
                ids.update((uuids[i], n) for n, i in enumerate(fresh, start=first))
        for r in refs:
            get = ids.get
            cols[r] = [get(v) if v else None for v in cols[r]]

        # 3. New rows in one executemany.
        if fresh:
            rest = [f for f in meta.sorted_fields if f is not meta.primary_key and f.name not in names
                    and f.name not in ("uuid", "created_at", "modified_at", "rev", "deleted_at")]
            if any(callable(f.default) for f in rest):
                raise ValueError(f"{table}: every row needs its own default")
            tail = tuple(None if f.default is None else _as_column(f)[0](f.default) for f in rest)
            if len(fresh) == len(uuids):
                new_uuids, new_cols = uuids, list(cols)
            else:
                new_uuids, new_cols = [uuids[i] for i in fresh], [[col[i] for i in fresh] for col in cols]
            own = [ids[u] for u in new_uuids]
            later: list[list[tuple[int, int]]] = []  # new rows pointing at rows written after them
            for r in refs:
                targets, pending = [], []
                for target, row_id in zip(new_cols[r], own):
                    if target is not None and target >= row_id:  # ids above top are new rows
                        pending.append((target, row_id))
                        target = None
                    targets.append(target)
                new_cols[r] = targets
                later.append(pending)
            head = (self.now, self.now, 1, None)
            new_rows = zip(own, new_uuids, *map(repeat, head), *new_cols, *map(repeat, tail))
            all_columns = ["id", "uuid", "created_at", "modified_at", "rev", "deleted_at",
                           *(fields[n].column_name for n in names), *(f.column_name for f in rest)]
            _executemany(f'INSERT INTO "{table}" ({", ".join(f'"{c}"' for c in all_columns)}) '
                         f'VALUES ({", ".join([_MARK()] * len(all_columns))})', new_rows)
            for r, pending in zip(refs, later):
                _executemany(f'UPDATE "{table}" SET "{fields[names[r]].column_name}" = {_MARK()} '
                             f'WHERE "id" = {_MARK()}', pending)

        # 4. Rows whose values differ (or that were tombstones), in one executemany.
        if existing:
            values = zip(*cols) if cols else [()] * len(uuids)
            changed = []
            for u, v in zip(uuids, values):
                found = existing.get(u)
                if found is not None and (found[1] is not None or found[2:] != v):
                    changed.append((*v, self.now, found[0]))
            mark = _MARK()
            sets = "".join(f'"{fields[n].column_name}" = {mark}, ' for n in names)
            _executemany(f'UPDATE "{table}" SET {sets}"deleted_at" = NULL, "modified_at" = {mark}, '
                         f'"rev" = "rev" + 1 WHERE "id" = {mark}', changed)
        return ids

    def bury_others(self, model: type[models.UserRow], column: str, owners: list[int], keep: Iterable[int]) -> None:
        """Tombstones for the live rows whose `column` is one of `owners` and whose id is not in `keep`."""
        keep = set(keep)
        # The rows just written are kept: a run of kept ids is left out in SQL rather than read back.
        lo, hi = _top_run(keep) or (0, -1)
        mark = _MARK()
        alive = _select_in(f'SELECT "id" FROM "{model._meta.table_name}" WHERE NOT ("id" BETWEEN {mark} AND {mark}) '
                           f'AND "deleted_at" IS NULL AND "{column}" IN ({{}})', owners, (lo, hi))
        self.bury(model, [i for (i,) in alive if i not in keep])

    def bury(self, model: type[models.UserRow], ids: Iterable[int]) -> None:
        mark = _MARK()
        _executemany(f'UPDATE "{model._meta.table_name}" SET "deleted_at" = {mark}, "modified_at" = {mark}, '
                     f'"rev" = "rev" + 1 WHERE "id" = {mark}', [(self.now, self.now, i) for i in ids])


def import_plan(ws: Workspace, data: dict[str, Any]) -> int:
    """Write a checked plan dict into `ws` (inside the caller's transaction)."""
    ws.store.activate()
    now = models.utc_now()
    up = _Upserter(now)
    meta, decision = data["metadata"], data["decision"]
    plan_columns = {
        "doc_type": data["doc_type"],
        "template": meta["template"],
        "title": data["title"],
        "subtitle": meta["subtitle"],
        "programme": meta["programme"],
        "organisation": meta["organisation"],
        "diarienummer": meta["diarienummer"],
        "assignment": meta["assignment"],
        **_vague_columns("document_date", meta["document_date"]),
        "edition": meta["edition"],
        "version": meta["version"],
        "authors": "\n".join(meta["authors"]),
        "status": meta["status"],
        **_vague_columns("decision_date", decision["date"]),
        "decision_text": decision["text"],
        "decision_choice": decision["choice"],
        "decision_comment": decision["comment"],
        "signature_title": decision["signature_title"],
        "signature_name": decision["signature_name"],
        **_vague_columns("signature_date", decision["signature_date"]),
    }
    plan_id = up.put(models.Plan, data["uuid"], plan_columns)
    models.Plan.update(created_at=meta["created_at"] or now, modified_at=meta["modified_at"] or now).where(
        models.Plan.id == plan_id
    ).execute()

    person_ids = up.put_many(models.Person, [(p["uuid"], {k: v for k, v in p.items() if k != "uuid"})
                                             for p in data["organisation"]["people"]])

    def part_list(model: type[models.PlanPart], rows: list[dict[str, Any]], columns_of: Any,
                  self_refs: tuple[str, ...] = ()) -> dict[str, int]:
        ids = up.put_many(model, [(row["uuid"], {"plan": plan_id, "position": position, **columns_of(row)})
                                  for position, row in enumerate(rows)], self_refs)
        up.bury_others(model, "plan_id", [plan_id], ids.values())
        return ids

    part_list(models.Section, data["sections"], lambda s: {
        **{k: v for k, v in s.items() if k != "uuid"},
        "numbered": int(s["numbered"]), "optional": int(s["optional"])})
    part_list(models.Goal, data["goals"], lambda g: {k: v for k, v in g.items() if k != "uuid"})
    timeline = data["timeline"]

    def column(key: str) -> list[Any]:
        return [t[key] for t in timeline]

    item_ids = up.put_columns(models.TimelineItem, column("uuid"), {
        "plan": [plan_id] * len(timeline), "position": list(range(len(timeline))),
        "kind": column("kind"), "code": column("code"), "title": column("title"), "description": column("description"),
        **_vague_column_lists("start", column("start")), **_vague_column_lists("end", column("end")),
        "responsible": column("responsible"),
        "responsible_person": [person_ids.get(p) for p in column("responsible_person")],
        "status": column("status"), "progress": column("progress"), "comment": column("comment"),
        "parent": column("parent")}, self_refs=("parent",))
    up.bury_others(models.TimelineItem, "plan_id", [plan_id], item_ids.values())
    _import_dependencies(up, timeline, item_ids)

    def with_period(r: dict[str, Any]) -> dict[str, Any]:
        return {**{k: v for k, v in r.items() if k not in ("uuid", "start", "end", "person")},
                "person": person_ids.get(r["person"]),
                **_vague_columns("start", r["start"]), **_vague_columns("end", r["end"])}

    part_list(models.Role, data["organisation"]["roles"], with_period)
    part_list(models.ResourceLine, data["resources"], with_period)
    part_list(models.BudgetLine, data["budget"], lambda b: {k: v for k, v in b.items() if k != "uuid"})
    risk_ids = part_list(models.Risk, data["risks"], lambda r: {
        **{k: v for k, v in r.items() if k not in ("uuid", "due", "history")}, **_vague_columns("due", r["due"])})
    kept = up.put_many(models.RiskAssessment, [(a["uuid"], {
        "risk": risk_ids[r["uuid"]], "assessed_on": _day(a["date"]), "probability": a["probability"],
        "impact": a["impact"], "scale": a["scale"], "note": a["note"]}) for r in data["risks"] for a in r["history"]])
    up.bury_others(models.RiskAssessment, "risk_id", list(risk_ids.values()), kept.values())
    part_list(models.LogEntry, data["log"], lambda e: {
        "entry_date": _day(e["date"]), "kind": e["kind"], "text": e["text"],
        "decided_by": e["decided_by"], "status": e["status"]})
    part_list(models.StatusReport, data["status_reports"], lambda s: {
        "report_date": _day(s["date"]), "status": s["status"], "text": s["text"], "author": s["author"]})
    part_list(models.Term, data["terms"], lambda t: {k: v for k, v in t.items() if k != "uuid"})
    part_list(models.Reference, data["references"], lambda r: {k: v for k, v in r.items() if k != "uuid"})
    part_list(models.Edition, data["editions"], lambda e: {
        "label": e["label"], "edition_date": _day(e["date"]), "comment": e["comment"],
        "snapshot": json.dumps(e["snapshot"], ensure_ascii=False)})
    return plan_id


def _import_dependencies(up: _Upserter, timeline: list[dict[str, Any]], item_ids: dict[str, int]) -> None:
    D = models.Dependency
    wanted = list(dict.fromkeys((item_ids[dep], item_ids[t["uuid"]]) for t in timeline for dep in t["depends_on"]))
    existing = {(p, s): (i, d) for i, p, s, d in _select_in(
        'SELECT "id", "predecessor_id", "successor_id", "deleted_at" FROM "dependency" WHERE "successor_id" IN ({})',
        list(item_ids.values()))}
    pairs = [pair for pair in wanted if pair not in existing] if existing else wanted
    new = ((uuid, up.now, up.now, p, s) for uuid, (p, s) in zip(models.new_uuids(len(pairs)), pairs))
    mark = _MARK()
    _executemany('INSERT INTO "dependency" ("uuid", "created_at", "modified_at", "rev", "deleted_at", '
                 f'"predecessor_id", "successor_id", "kind") VALUES ({mark}, {mark}, {mark}, 1, NULL, {mark}, '
                 f"{mark}, 'FS')", new)
    wanted_set = set(wanted)
    _executemany(f'UPDATE "dependency" SET "deleted_at" = NULL, "modified_at" = {mark}, "rev" = "rev" + 1 '
                 f'WHERE "id" = {mark}',
                 [(up.now, existing[pair][0]) for pair in wanted if pair in existing and existing[pair][1] is not None])
    up.bury(D, [row_id for pair, (row_id, deleted) in existing.items() if pair not in wanted_set and deleted is None])
