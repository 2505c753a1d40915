"""The row history's edges: a row without history, and pruning on either side of its horizons."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.dates import VagueDate
from app.workspace import Workspace
from db import history, history_prune, models
from db.statements import database_of, in_style


def _stamped(ws: Workspace) -> tuple[Workspace, int, datetime]:
    """A store whose plan was edited once; the superseded version's time."""
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    ws.update("plan", plan, title="P2")
    (at,) = ws.store.db.execute_sql('SELECT max("at") FROM "row_version"').fetchone()
    return ws, plan, datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def test_every_foreign_key_points_at_an_earlier_table_or_its_own() -> None:
    """The tables in the order a merge writes them, parents' before children's: a row written can point
    only at rows written before it, or at a row of its own table (a task at its activity), which a merge
    written in one statement fixes afterwards (db/merge_write.py)."""
    seen: set[str] = set()
    for shape in history.shapes():
        assert {target for _, target in shape.fks} <= seen | {shape.name}, shape.name
        seen.add(shape.name)
    assert [(s.name, c) for s in history.shapes() for c, t in s.fks if t == s.name] == [("timeline_item", "parent_id")]


def test_a_row_without_history_has_none(any_ws: Workspace) -> None:
    assert history.row_history(any_ws.store.db, "ingen-sådan-rad") == []


def test_pruning_is_due_only_once_a_version_is_older_than_the_horizon(any_ws: Workspace) -> None:
    ws, _plan, at = _stamped(any_ws)
    edge = at + timedelta(days=history.HISTORY_DAYS)
    assert history_prune.prune_due(ws.store.db, now=edge - timedelta(seconds=1)) is False
    assert history_prune.prune_due(ws.store.db, now=edge + timedelta(seconds=1)) is True


def test_once_pruned_nothing_is_due_until_more_grows_old(any_ws: Workspace) -> None:
    """The row's own version stays, however old: it must not keep pruning (and a file waiting for its
    integrity check to prune) due at every opening."""
    ws, _plan, at = _stamped(any_ws)
    later = at + timedelta(days=history.HISTORY_DAYS, seconds=1)
    assert history_prune.prune_due(ws.store.db, now=later) is True
    history_prune.prune(ws.store.db, now=later)
    assert history_prune.prune_due(ws.store.db, now=later) is False
    far = at + timedelta(days=history.IDENTITY_DAYS, seconds=1)
    assert history_prune.prune_due(ws.store.db, now=far) is True
    history_prune.prune(ws.store.db, now=far)
    assert history_prune.prune_due(ws.store.db, now=far) is False


def test_superseded_content_is_kept_for_the_whole_period_and_no_longer(any_ws: Workspace) -> None:
    ws, plan, at = _stamped(any_ws)
    edge = at + timedelta(days=history.HISTORY_DAYS)
    assert history_prune.prune(ws.store.db, now=edge - timedelta(seconds=1)) == (0, 0)
    assert history_prune.prune(ws.store.db, now=edge + timedelta(seconds=1)) == (1, 0)
    far = at + timedelta(days=history.IDENTITY_DAYS)
    assert history_prune.prune(ws.store.db, now=far - timedelta(seconds=1)) == (0, 0)
    assert history_prune.prune(ws.store.db, now=far + timedelta(seconds=1)) == (0, 1)
    uuid = models.Plan.get_by_id(plan).uuid
    assert [r.version for r in history.row_history(ws.store.db, uuid)] == [models.Plan.get_by_id(plan).version_id]


def _record(version: str, parent: str | None = None, parent2: str | None = None, rev: int = 1,
            data: str | None = None) -> history.Record:
    return history.Record("goal", "rad", version, parent, parent2, rev, f"2026-01-0{rev}T00:00:00.000000Z",
                          "Anna på datorn", "edit", data)


# One row's line: a1 <- a2 <- a3, and b2 from a1 on another copy; m merges a3 and b2; x has no record.
LINE = [_record("a1"), _record("a2", "a1", rev=2), _record("a3", "a2", rev=3), _record("b2", "a1", rev=2),
        _record("m", "a3", "b2", rev=4)]


def test_a_version_descends_from_its_parents_and_theirs_and_from_itself() -> None:
    by_version = {r.version: r for r in LINE}
    assert history.ancestry("m", by_version) == {"m", "a3", "a2", "a1", "b2"}
    assert history.ancestry("b2", by_version) == {"b2", "a1"}
    assert history.ancestry("x", by_version) == {"x"}
    assert LINE[4].parents == ("a3", "b2") and LINE[1].parents == ("a1",) and LINE[0].parents == ()
    yes = [("x", "x"), ("a2", "a1"), ("m", "a3"), ("m", "b2"), ("m", "a2"), ("m", "a1"), ("a3", "a1")]
    no = [("a1", "a2"), ("a3", "b2"), ("b2", "a2"), ("x", "a1"), ("a2", "x"), ("m", "x")]
    assert [history.descends(v, a, LINE) for v, a in yes] == [True] * len(yes)
    assert [history.descends(v, a, LINE) for v, a in no] == [False] * len(no)
    assert history.descends("a3", "a1", list(reversed(LINE))) is True
    assert history.descends("x", "a1", LINE[1:]) is False  # a record of another version says nothing of x
    # a parent the records do not know ends that part of the walk, not the walk
    merged_unknown = {**by_version, "n": _record("n", "a3", "z", rev=4)}
    assert history.ancestry("n", merged_unknown) == {"n", "z", "a3", "a2", "a1"}


def test_a_record_as_a_tuple_is_in_the_order_of_the_columns() -> None:
    record = _record("m", "a3", "b2", rev=4, data='{"text":"ett"}')
    assert dict(zip(history.RECORD_COLUMNS, record.as_tuple())) == {
        "tbl": "goal", "row_uuid": "rad", "version": "m", "parent": "a3", "parent2": "b2", "rev": 4,
        "at": "2026-01-04T00:00:00.000000Z", "who": "Anna på datorn", "action": "edit", "data": '{"text":"ett"}'}


def test_a_row_and_the_records_of_its_versions_read_together(any_ws: Workspace) -> None:
    ws = any_ws
    db = ws.store.db
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    goal = ws.add("goal", plan, kind="effect", text="ett").ids[0]
    first = models.Goal.get_by_id(goal).version_id
    ws.update("goal", goal, text="två")
    row = models.Goal.get_by_id(goal)
    shape = history.shape_of("goal")
    state, records = history.state_and_records(db, shape, goal, [first, row.version_id, "okänd"])
    assert state == history.read_states(db, shape, ids=[goal])[0]
    assert (state.version, state.rev, state.values["text"], state.values["plan_id"]) == (
        row.version_id, 2, "två", models.Plan.get_by_id(plan).uuid)
    assert records == history.records_by_version(db, [first, row.version_id])
    assert sorted(records) == sorted([first, row.version_id])
    old, new = records[first], records[row.version_id]
    assert (old.row_uuid, old.parent, old.rev, old.action, json.loads(old.data or "")["text"]) == (
        row.uuid, None, 1, "create", "ett")
    assert (new.parent, new.rev, new.action, new.data) == (first, 2, "edit", None)
    assert history.state_and_records(db, shape, goal + 1000, [first]) == (None, {first: old})
    assert history.state_and_records(db, shape, goal, ["okänd"]) == (state, {})
    assert history.records_by_version(db, []) == {}


def test_records_copied_from_an_attached_file_add_what_this_file_lacks(tmp_path: Path) -> None:
    """copy_records: every record of the rows named, in the order the other file wrote them; a
    record this file has keeps its content, and gains the other file's where it had none."""
    other = Workspace.create(tmp_path / "andra.uppdrag")
    history.write_records(other.store.db, [("goal", "rad", "a1", None, None, 1, "t1", "", "create", '{"text":"ett"}'),
                                           ("goal", "rad", "a2", "a1", None, 2, "t2", "Bo", "edit", '{"text":"två"}'),
                                           ("goal", "rad", "a3", "a2", None, 3, "t3", "Bo", "edit", '{"text":"tre"}'),
                                           ("goal", "annan", "c1", None, None, 1, "t1", "", "create", "{}")])
    other.close()
    ws = Workspace.create(tmp_path / "här.uppdrag")
    db = ws.store.db
    history.write_records(db, [("goal", "rad", "a1", None, None, 1, "t1", "", "create", '{"text":"här"}'),
                               ("goal", "rad", "a2", "a1", None, 2, "t2", "Bo", "edit", None)])
    db.execute_sql('ATTACH DATABASE ? AS "theirs"', (str(tmp_path / "andra.uppdrag"),))
    try:
        history.copy_records(db, "theirs", ["rad"])
    finally:
        db.execute_sql('DETACH DATABASE "theirs"')
    got = db.execute_sql('SELECT "version", "parent", "who", "data" FROM "row_version" ORDER BY "id"').fetchall()
    assert [tuple(r) for r in got] == [("a1", None, "", '{"text":"här"}'), ("a2", "a1", "Bo", '{"text":"två"}'),
                                       ("a3", "a2", "Bo", '{"text":"tre"}')]
    ws.close()


def test_a_version_is_written_as_compact_sorted_json_without_the_empty_fields_that_default_to_empty() -> None:
    assert history.dump({"text": "två", "kind": "effect", "position": 0}) == '{"kind":"effect","position":0,"text":"två"}'
    shape = history.shape_of("goal")
    # `measure` defaults to "": an empty one is kept as such; `deleted_at` defaults to nothing: left out
    assert history.pack(shape, {"text": "ett", "measure": None, "deleted_at": None}) == '{"measure":null,"text":"ett"}'


def test_the_author_of_changes_is_the_databases_or_this_computers_user(any_ws: Workspace, monkeypatch) -> None:
    import getpass
    import socket
    import sqlite3

    db = ws_db = any_ws.store.db
    target = database_of(ws_db)
    monkeypatch.setattr(target, "author", "Anna på kontoret", raising=False)
    assert history.author_of(db) == history.author_of(target) == "Anna på kontoret"
    monkeypatch.setattr(target, "author", "", raising=False)
    assert history.author_of(db) == history.default_author()

    def no_user() -> str:
        raise OSError("ingen användare")

    from db.merge import RawDatabase  # a database that names no author: the other side of a merge
    raw = RawDatabase(sqlite3.connect(":memory:"))
    assert history.author_of(raw) == history.default_author()
    raw.conn.close()
    monkeypatch.setattr(getpass, "getuser", no_user)
    assert history.default_author() == f"okänd på {socket.gethostname()}"


def test_writing_rows_directly_records_who_when_and_what(any_ws: Workspace, monkeypatch) -> None:
    ws = any_ws
    db = ws.store.db
    monkeypatch.setattr(database_of(db), "author", "Anna på kontoret", raising=False)
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    goals = [ws.add("goal", plan, kind="effect", text=t).ids[0] for t in ("ett", "två")]
    before = {g: (models.Goal.get_by_id(g).version_id, models.Goal.get_by_id(g).created_at) for g in goals}
    when = "2030-01-02T03:04:05.000006Z"
    with ws.store.write():
        versions = history.update_rows(db, models.Goal, goals[:1], {"text": "tre", "measure": "antal"}, now=when)
    goal = models.Goal.get_by_id(goals[0])
    assert versions == {goals[0]: goal.version_id} and goal.version_id != before[goals[0]][0]
    assert (goal.text, goal.measure, goal.rev, goal.modified_at, goal.created_at) == (
        "tre", "antal", 2, when, before[goals[0]][1])
    old, new = history.row_history(db, goal.uuid)
    assert (old.version, old.who, old.action, old.rev) == (before[goals[0]][0], "", "create", 1)
    assert (new.version, new.parent, new.who, new.at, new.action, new.rev) == (
        goal.version_id, old.version, "Anna på kontoret", when, "edit", 2)
    other = models.Goal.get_by_id(goals[1])  # the row not named is left as it was
    assert (other.version_id, other.rev, other.text) == (before[goals[1]][0], 1, "två")
    assert history.row_history(db, other.uuid) == []
    # supersede alone: a new version now, by the database's author, as an edit
    with ws.store.write():
        [(row_id, version)] = history.supersede(db, history.shape_of("goal"), goals[1:]).items()
    [first, made] = history.row_history(db, other.uuid)
    assert (row_id, made.version, made.parent, made.rev, made.action, made.who) == (
        goals[1], version, other.version_id, 2, "edit", "Anna på kontoret")
    assert made.at[:4] == first.at[:4] and made.at.endswith("Z") and len(made.at) == len(when)
    with ws.store.write():  # a write of each row's own columns is an edit too
        history.update_each(db, history.shape_of("goal"), {goals[1]: {"text": "fyra"}})
    assert history.row_history(db, other.uuid)[-1].action == "edit" and models.Goal.get_by_id(goals[1]).text == "fyra"
    assert history.supersede(db, history.shape_of("goal"), []) == {} and history.update_rows(db, models.Goal, [], {}) == {}


def test_states_read_by_id_by_uuid_or_all_of_them(any_ws: Workspace) -> None:
    ws = any_ws
    db = ws.store.db
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    a, b = (ws.add("goal", plan, kind="effect", text=t).ids[0] for t in ("ett", "två"))
    ws.update("goal", a, text="tre")
    shape = history.shape_of("goal")
    row = models.Goal.get_by_id(a)
    [state] = history.read_states(db, shape, ids=[a])
    assert (state.id, state.uuid, state.version, state.rev, state.created_at, state.modified_at) == (
        a, row.uuid, row.version_id, 2, row.created_at, row.modified_at)
    assert state.created_at != state.modified_at
    assert [s.id for s in history.read_states(db, shape, uuids=[models.Goal.get_by_id(b).uuid])] == [b]
    # A uuid named twice gives its row once, one not there none (on SQLite the uuids drive the statement).
    plan_uuid, b_uuid = models.Plan.get_by_id(plan).uuid, models.Goal.get_by_id(b).uuid
    twice = history.read_states(db, shape, uuids=[b_uuid, "okänd", row.uuid, b_uuid])
    assert sorted((s.id, s.values["text"], s.values["plan_id"]) for s in twice) == [(a, "tre", plan_uuid),
                                                                                 (b, "två", plan_uuid)]
    assert history.read_states(db, shape, uuids=[]) == []
    assert sorted(s.id for s in history.read_states(db, shape)) == [a, b]
    assert history.read_states(db, shape, ids=[]) == []
    records = history.read_records(db, [row.uuid], content=False)[row.uuid]
    assert [(r.action, r.data) for r in records] == [("create", None), ("edit", None)]
    assert [r.data is not None for r in history.read_records(db, [row.uuid])[row.uuid]] == [True, False]


def test_rows_and_records_read_from_an_attached_file(tmp_path: Path) -> None:
    """A merge reads the other file attached as a schema: its rows (foreign keys as the uuids of the
    rows they point to there) and its records, not this file's."""
    other = Workspace.create(tmp_path / "andra.uppdrag")
    plan = other.add("plan", doc_type="plan", template="plan", title="Deras").ids[0]
    goal = other.add("goal", plan, kind="effect", text="ett").ids[0]
    other.update("goal", goal, text="två")
    plan_uuid, goal_uuid = models.Plan.get_by_id(plan).uuid, models.Goal.get_by_id(goal).uuid
    other.close()
    ws = Workspace.create(tmp_path / "här.uppdrag")
    mine = ws.add("plan", doc_type="plan", template="plan", title="Vår").ids[0]  # the same id, another row
    ws.add("goal", mine, kind="effect", text="vårt").ids[0]
    db = ws.store.db
    db.execute_sql('ATTACH DATABASE ? AS "theirs"', (str(tmp_path / "andra.uppdrag"),))
    try:
        [state] = history.read_states(db, history.shape_of("goal"), uuids=[goal_uuid], schema="theirs")
        records = history.read_records(db, [goal_uuid], schema="theirs")
    finally:
        db.execute_sql('DETACH DATABASE "theirs"')
    assert (state.id, state.values["text"], state.values["plan_id"]) == (goal, "två", plan_uuid)
    assert [r.action for r in records[goal_uuid]] == ["create", "edit"]
    ws.close()


def test_the_horizon_is_counted_in_utc_whatever_the_computers_time_zone(any_ws: Workspace, monkeypatch) -> None:
    import time

    ws, plan, _at = _stamped(any_ws)
    almost = (datetime.now(UTC) - timedelta(days=history.HISTORY_DAYS) + timedelta(minutes=30))
    ws.store.db.execute_sql(in_style(ws.store.db, 'UPDATE "row_version" SET "at" = ?'),
                            (almost.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),))
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # nine hours ahead of UTC
    time.tzset()
    try:
        assert history_prune.prune_due(ws.store.db) is False
        assert history_prune.prune(ws.store.db) == (0, 0)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_many_records_at_once_add_what_the_store_lacks_as_a_few_do(any_ws: Workspace) -> None:
    """write_records of more records than a server takes in one statement (from STAGED_RECORDS on they
    go by COPY there), inside a transaction and outside one: a record the store
    has keeps its content or gains one where it had none, and of a version given twice the one with
    content is kept."""
    db = any_ws.store.db
    history.write_records(db, [("goal", "rad", "a1", None, None, 1, "t1", "", "create", '{"text":"här"}'),
                               ("goal", "rad", "a2", "a1", None, 2, "t2", "Bo", "edit", None)])
    many = [("goal", f"rad{n}", f"v{n}", None, None, 1, "t", "Bo", "create", f'{{"text":"{n}"}}')
            for n in range(2 * history.STAGED_RECORDS)]
    half = history.STAGED_RECORDS
    history.write_records(db, [("goal", "rad", "a1", None, None, 1, "t1", "", "create", '{"text":"där"}'),
                               ("goal", "rad", "a2", "a1", None, 2, "t2", "Bo", "edit", '{"text":"två"}'),
                               ("goal", "rad", "a3", "a2", None, 3, "t3", "Bo", "edit", None),
                               ("goal", "rad", "a3", "a2", None, 3, "t3", "Bo", "edit", '{"text":"tre"}'),
                               *many[:half]])
    with any_ws.store.write():
        history.write_records(db, many[half - 10:])  # (ten of them known already)
    got = dict(db.execute_sql('SELECT "version", "data" FROM "row_version"').fetchall())
    assert {v: got[v] for v in ("a1", "a2", "a3")} == {"a1": '{"text":"här"}', "a2": '{"text":"två"}',
                                                       "a3": '{"text":"tre"}'}
    assert {v: d for v, d in got.items() if v.startswith("v")} == {r[2]: r[9] for r in many}


def test_dates_are_read_as_iso_text_from_either_backend(any_ws: Workspace) -> None:
    """A row's dates as the file keeps them, ISO text, from a server too: the two sides of a merge or a
    sync compare them, and a version's content is JSON."""
    ws = any_ws
    db = ws.store.db
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    item = ws.add("timeline", plan, kind="activity", title="A", start=VagueDate.day(2026, 3, 2),
                  end=VagueDate.day(2026, 4, 30)).ids[0]
    shape = history.shape_of("timeline_item")
    [state] = history.read_states(db, shape, ids=[item])
    assert (state.values["start"], state.values["end"], state.values["actual_start"]) == (
        "2026-03-02", "2026-04-30", None)
    assert history.state_and_records(db, shape, item, [state.version]) == (state, {})
    assert json.loads(history.pack(shape, state.values))["start"] == "2026-03-02"


def test_every_content_column_that_holds_a_moment_holds_a_date() -> None:
    """A server's connection loads dates as ISO text (db/server_connection.load_dates_as_text), which is all
    the history reads the same from either backend: no content column is a time or a timestamp."""
    from peewee import DateField, DateTimeField, TimeField

    moments = {(s.name, f.column_name): type(f).__name__ for s in history.shapes() for f in s.model._meta.sorted_fields
               if f.column_name in s.columns and isinstance(f, DateField | DateTimeField | TimeField)}
    assert moments and set(moments.values()) == {"DateField"}


def test_one_version_twice_in_one_write_keeps_its_content(any_ws: Workspace) -> None:
    """The same version may come twice in one write (from both sides of a sync), once without its
    content: it is recorded once, with the content, whichever comes first."""
    ws = any_ws
    db = ws.store.db
    first = [("goal", "rad", "a1", None, None, 1, "t1", "", "create", '{"text":"ett"}'),
             ("goal", "rad", "a1", None, None, 1, "t1", "", "create", None)]
    second = [("goal", "annan", "b2", "b1", None, 2, "t2", "Bo", "edit", None),
              ("goal", "annan", "b2", "b1", None, 2, "t2", "Bo", "edit", '{"text":"två"}')]
    with ws.store.write():
        history.write_records(db, first)
        history.write_records(db, second)
    assert [(r.version, r.parent, r.who, r.data) for r in history.row_history(db, "rad")] == [
        ("a1", None, "", '{"text":"ett"}')]
    assert [(r.version, r.parent, r.who, r.data) for r in history.row_history(db, "annan")] == [
        ("b2", "b1", "Bo", '{"text":"två"}')]


def test_an_edit_in_one_statement_on_the_server_only_over_the_version_expected(server_db, monkeypatch) -> None:
    """update_if_current: the new version by the database's author, the content it replaced kept, and
    those listening told; over a version that has moved on, nothing is written, no one is told and the
    answer is None."""
    import psycopg

    ws = Workspace.open(server_db.url("alice"))
    listener = psycopg.connect(server_db.cluster.superuser_conninfo(server_db.name), autocommit=True)
    try:
        listener.execute("LISTEN uppdrag_prov")
        db = ws.store.db
        monkeypatch.setattr(database_of(db), "author", "Anna på kontoret", raising=False)
        plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
        goal = ws.add("goal", plan, kind="effect", text="ett").ids[0]
        first = models.Goal.get_by_id(goal).version_id
        told = ("uppdrag_prov", "ändrat")
        with ws.store.write():
            version = history.update_if_current(db, models.Goal, goal, first, {"text": "två"}, notify=told)
        with ws.store.write():
            stale = history.update_if_current(db, models.Goal, goal, first, {"text": "tre"}, notify=told)
        db.execute_sql("SELECT pg_notify('uppdrag_prov', 'sist')")  # (delivered in order: after any the edits sent)
        assert [(n.channel, n.payload) for n in listener.notifies(timeout=10, stop_after=2)] == [
            told, ("uppdrag_prov", "sist")]
        row = models.Goal.get_by_id(goal)
        assert (version, stale, row.text, row.rev) == (row.version_id, None, "två", 2)
        old, new = history.row_history(db, row.uuid)
        assert (old.version, old.action, json.loads(old.data or "")["text"]) == (first, "create", "ett")
        assert (new.version, new.parent, new.who, new.action, new.data) == (
            version, first, "Anna på kontoret", "edit", None)
    finally:
        listener.close()
        ws.close()


def test_rows_read_as_one_json_text_are_the_rows_as_stored(tmp_path: Path, monkeypatch) -> None:
    """A file's rows come back from one JSON text (history.content_of): every text, number and empty
    field as a plain read gives it; a REAL (JSON keeps 15 of its digits) or a BLOB, which a file from
    elsewhere may hold, sends the read the plain way."""
    import sqlite3
    from contextlib import closing

    from db.merge import RawDatabase

    path = tmp_path / "j.uppdrag"
    ws = Workspace.create(path)
    plan = ws.add("plan", doc_type="plan", template="plan", title='Plan ”å” \\ "citat"\n\ttab 😀 \u0000 slut').ids[0]
    goals = [ws.add("goal", plan, kind="effect", text=t).ids[0] for t in ("ett", "två", "tre")]
    ws.close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE plan SET auto_schedule = 9007199254740993 WHERE id = ?", (plan,))  # beyond a double
        conn.execute("UPDATE goal SET position = 0.30000000000000004 WHERE id = ?", (goals[0],))
        conn.execute("UPDATE goal SET text = x'00ff' WHERE id = ?", (goals[1],))
    as_json: list[bool] = []
    real_as_json = history._as_json
    monkeypatch.setattr(history, "_as_json", lambda *a: as_json.append(real_as_json(*a)) or as_json[-1])
    db = RawDatabase(sqlite3.connect(path))
    try:
        for name, row_id, by_json in (("plan", plan, True), ("goal", goals[2], True), ("goal", goals[0], False),
                                      ("goal", goals[1], False)):
            shape = history.shape_of(name)
            stored = db.execute_sql(history.content_select(shape) + ' WHERE t."id" = ?', (row_id,)).fetchall()
            assert history.content_of(db, shape, [stored[0][1]]) == stored
            assert (as_json.pop() is not None) == by_json, (name, row_id)
    finally:
        db.close()


@given(cells=st.lists(st.one_of(st.none(), st.integers(min_value=-(2**63), max_value=2**63 - 1),
                                st.text(st.characters(exclude_categories=("Cs",)))),
                      min_size=1, max_size=40))
def test_any_text_or_integer_read_whole_is_what_a_plain_read_gives(cells: list[object]) -> None:
    """history.read_whole's JSON keeps every text (any character, NUL too) and every 64-bit integer."""
    import sqlite3

    from db.merge import RawDatabase

    db = RawDatabase(sqlite3.connect(":memory:"))
    try:
        db.execute_sql('CREATE TABLE "c" ("n" INTEGER PRIMARY KEY, "v")')
        db.conn.executemany('INSERT INTO "c" ("v") VALUES (?)', [(c,) for c in cells])
        plain = db.execute_sql('SELECT "n", "v" FROM "c" ORDER BY "n"').fetchall()
        assert history.read_whole(db, ['"n"', '"v"'], 'FROM "c" ORDER BY "n"', ()) == plain
        assert history._as_json(db, ['"n"', '"v"'], 'FROM "c" ORDER BY "n"', ()) is not None  # (by JSON, not the plain way)
    finally:
        db.close()
