"""The causal merge: one-sided edits travel, conflicts are settled once and logged."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.workspace import Workspace
from db import history, history_prune, models
from db.backup import copy_database
from db.errors import FileRefused, StoreError
from db.merge import RawDatabase
from app.merge import Conflict, merge_files
from tests.conftest import sha256


def _goal_texts(path: Path) -> dict[str, tuple[str, str, bool]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {u: (t, m, d is not None) for u, t, m, d in
                conn.execute("SELECT uuid, text, measure, deleted_at FROM goal")}
    finally:
        conn.close()


def _log(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [t for (t,) in conn.execute("SELECT text FROM log_entry WHERE kind = 'merge' ORDER BY id")]
    finally:
        conn.close()


def _edit(path: Path, uuid: str, **values: object) -> None:
    ws = Workspace.open(path)
    row = models.Goal.get(models.Goal.uuid == uuid)
    ws.update("goal", row.id, **values)
    ws.close()


def _delete(path: Path, uuid: str) -> None:
    ws = Workspace.open(path)
    ws.delete("goal", models.Goal.get(models.Goal.uuid == uuid).id)
    ws.close()


def test_first_merge_brings_everything(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    assert _goal_texts(a) == _goal_texts(b)
    assert _log(a) == [] and _log(b) == []


def test_one_sided_edits_and_new_rows_travel(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    _edit(b, uuids[0], text="ändrad där")
    _edit(a, uuids[1], text="ändrad här")
    ws = Workspace.open(b)
    ws.add("goal", models.Plan.select().first().id, kind="effect", text="ny där")
    ws.close()
    report = merge_files(a, b)
    got = _goal_texts(a)
    assert got[uuids[0]][0] == "ändrad där"
    assert got[uuids[1]][0] == "ändrad här"
    assert "ny där" in {t for t, _, _ in got.values()}
    assert report.conflicts == []


def test_different_fields_of_one_row_both_survive(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    _edit(a, uuids[0], text="ny text här")
    _edit(b, uuids[0], measure="nytt mått där")
    report = merge_files(a, b, prefer="theirs")
    assert report.conflicts == []
    assert _goal_texts(a)[uuids[0]][:2] == ("ny text här", "nytt mått där")


@pytest.mark.parametrize("prefer, expected", [("mine", "här"), ("theirs", "där")])
def test_conflict_settled_logged_and_reported_once(pair: tuple[Path, Path, list[str]], prefer: str,
                                                   expected: str) -> None:
    a, b, uuids = pair
    _edit(a, uuids[2], text="här")
    _edit(b, uuids[2], text="där")
    report = merge_files(a, b, prefer=prefer)
    assert [c.uuid for c in report.conflicts] == [uuids[2]]
    assert report.conflicts[0].field == "text" and report.conflicts[0].outcome == prefer
    assert _goal_texts(a)[uuids[2]][0] == expected
    assert len(_log(a)) == 1 and "text" in _log(a)[0]
    before = sha256(a)
    again = merge_files(a, b, prefer=prefer)
    assert again.conflicts == [] and not again.changed
    assert sha256(a) == before  # merging twice changes nothing
    assert len(_log(a)) == 1


def test_newest_wins_only_by_clock(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    _edit(a, uuids[0], text="äldre")
    _edit(b, uuids[0], text="nyare")
    assert merge_files(a, b, prefer="newest").conflicts[0].outcome == "theirs"
    assert _goal_texts(a)[uuids[0]][0] == "nyare"


def test_tombstones_travel_and_delete_vs_edit_is_a_conflict(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    _delete(b, uuids[0])
    _delete(b, uuids[1])
    _edit(a, uuids[1], text="ändrad här medan den togs bort där")
    report = merge_files(a, b, prefer="mine")
    got = _goal_texts(a)
    assert got[uuids[0]][2] is True  # deleted there, untouched here: deleted
    assert [c.uuid for c in report.conflicts] == [uuids[1]]
    assert report.conflicts[0].delete_vs_edit
    assert got[uuids[1]] == ("ändrad här medan den togs bort där", "", False)


def test_a_plain_copy_shares_its_past_with_the_original(tmp_path: Path) -> None:
    a = tmp_path / "a.uppdrag"
    ws = Workspace.create(a)
    plan = ws.add("plan", doc_type="plan", template="plan", title="Kopia").ids[0]
    ws.add("goal", plan, kind="effect", text="gemensam")
    ws.close()
    b = tmp_path / "b.uppdrag"
    copy_database(a, b)  # a plain copy, no merge between them yet: the history is enough
    g = _goal_texts(a)
    uuid = next(iter(g))
    _edit(b, uuid, text="ändrad i kopian")
    report = merge_files(a, b, prefer="mine")
    assert report.conflicts == []
    assert _goal_texts(a)[uuid][0] == "ändrad i kopian"
    assert merge_files(b, a).changed is False  # b already has everything a has now


def test_resolve_callback_chooses_per_conflict(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    for u in uuids[:2]:
        _edit(a, u, text="här " + u[:4])
        _edit(b, u, text="där " + u[:4])
    preview = merge_files(a, b, dry_run=True)
    assert {c.uuid for c in preview.conflicts} == set(uuids[:2])
    assert _log(a) == []
    choices = {uuids[0]: "theirs", uuids[1]: "mine"}
    merge_files(a, b, resolve=choices)
    got = _goal_texts(a)
    assert got[uuids[0]][0].startswith("där") and got[uuids[1]][0].startswith("här")


def test_other_file_is_checked_and_left_unchanged(pair: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    a, b, _ = pair
    junk = tmp_path / "skräp.uppdrag"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    before = sha256(a)
    with pytest.raises(FileRefused):
        merge_files(a, junk)
    assert sha256(a) == before
    theirs_before = sha256(b)
    merge_files(a, b)
    assert sha256(b) == theirs_before


def _goal_history(path: Path, uuid: str) -> list[tuple[str, str | None, str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT version, parent, action FROM row_version WHERE row_uuid = ? ORDER BY rev",
                            (uuid,)).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("copy_in_sql", [True, False])
def test_the_report_names_what_came_and_a_new_row_brings_its_history(pair: tuple[Path, Path, list[str]],
                                                                     copy_in_sql: bool) -> None:
    a, b, uuids = pair
    _edit(b, uuids[0], text="ändrad där")
    ws = Workspace.open(b)
    new = ws.add("goal", models.Plan.select().first().id, kind="effect", text="ny där").ids[0]
    ws.update("goal", new, text="ny och ändrad där")
    new_uuid = models.Goal.get_by_id(new).uuid
    ws.close()
    report = merge_files(a, b, copy_in_sql=copy_in_sql)
    assert report.lines() == ["Sammanslagning med ”din.uppdrag”:", "  Nya mål: 1", "  Ändrade mål: 1",
                              "  Konflikter: 0"]
    assert _goal_history(a, new_uuid) == _goal_history(b, new_uuid)
    assert [action for _, _, action in _goal_history(a, new_uuid)] == ["create", "edit"]
    assert merge_files(a, b, copy_in_sql=copy_in_sql).lines() == [
        "Sammanslagning med ”din.uppdrag”:", "  Inget nytt att hämta: den här filen har redan allt som den andra har.",
        "  Konflikter: 0"]


def test_a_conflict_kept_as_it_is_here_is_news_all_the_same(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    _edit(a, uuids[1], text="här")
    _edit(b, uuids[1], text="där")
    report = merge_files(a, b, prefer="mine")
    [c] = report.conflicts
    assert not report.changed
    assert report.lines() == ["Sammanslagning med ”din.uppdrag”:", "  Konflikter: 1", f"    {c.describe('din.uppdrag')}"]


def test_a_field_is_named_by_its_label_or_else_by_its_column() -> None:
    from app.merge import field_label

    assert (field_label("measure"), field_label("deleted_at")) == ("mätetal", "borttagning")
    assert (field_label("risk_id"), field_label("document_date_precision")) == ("risk", "document date precision")


def _conflict(**kw: object) -> Conflict:
    values: dict = dict(table="goal", uuid="g1", field="text", plan_uuid="p1", label="Målet", mine="här", theirs="där",
                        mine_by="Anna på kontoret", mine_at="2026-03-02T10:11:12.000000Z", theirs_by="Bo",
                        theirs_at="2026-03-03T08:09:10.000000Z")
    return Conflict(**{**values, **kw})


def test_a_conflict_is_described_in_one_sentence() -> None:
    c = _conflict(outcome="theirs")
    assert (c.key, c.kind_label, c.field_label) == ("g1:text", "målet", "text")
    assert c.describe("din.uppdrag") == (
        "Konflikt i målet ”Målet”: text: här ”här” (Anna på kontoret, 2026-03-02 10:11), i ”din.uppdrag” ”där” "
        "(Bo, 2026-03-03 08:09). Behöll värdet från ”din.uppdrag”.")
    assert _conflict(outcome="mine", mine_by="", mine_at="", theirs_by="", theirs_at="2026-03-03").describe() == (
        "Konflikt i målet ”Målet”: text: här ”här”, i ”den andra filen” ”där” (2026-03-03). Behöll den här filens värde.")
    long = "ord  och\nord " * 10
    assert _conflict(mine=long, theirs=None, theirs_by="Bo", theirs_at="").describe("x") == (
        f"Konflikt i målet ”Målet”: text: här ”{' '.join(long.split())[:57]}…” (Anna på kontoret, 2026-03-02 10:11), "
        "i ”x” ”” (Bo). Behöll inget ännu.")
    exactly = "a" * 60
    assert f"här ”{exactly}”" in _conflict(mine=exactly).describe()


def test_a_delete_against_an_edit_is_described_from_the_side_that_deleted() -> None:
    here = _conflict(field="deleted_at", mine="2026-03-02T10:11:12.000000Z", theirs=None, delete_vs_edit=True,
                     outcome="mine")
    assert here.describe("din.uppdrag") == (
        "Konflikt i målet ”Målet”: borttagen här, ändrad på den andra sidan. Behöll den här filens värde.")
    there = _conflict(field="deleted_at", mine=None, theirs="2026-03-02T10:11:12.000000Z", delete_vs_edit=True,
                      outcome="theirs")
    assert there.describe("din.uppdrag") == ("Konflikt i målet ”Målet”: borttagen i ”din.uppdrag”, ändrad på den "
                                             "andra sidan. Behöll värdet från ”din.uppdrag”.")


def _by(monkeypatch: pytest.MonkeyPatch, who: str) -> None:
    """The author the next opened file records its changes under."""
    import db.store

    monkeypatch.setattr(db.store, "default_author", lambda: who)


def _records(path: Path, who: str) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [at for (at,) in conn.execute("SELECT at FROM row_version WHERE who = ? ORDER BY id", (who,))]
    finally:
        conn.close()


def test_a_conflict_names_who_changed_the_field_last_on_each_side(pair: tuple[Path, Path, list[str]],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, uuids = pair
    for path, who, n, values in ((a, "Anna", 0, {"text": "här"}), (a, "Cecilia", 0, {"measure": "antal"}),
                                 (b, "Bo", 0, {"text": "där"}), (b, "David", 0, {"text": "där igen"}),
                                 (b, "Erik", 0, {"measure": "antal"}), (a, "Gun", 1, {"text": "här 2"}),
                                 (b, "Hans", 1, {"text": "där 2"}), (a, "Ivar", 2, {"text": "här 3"}),
                                 (a, "Jon", 2, {"measure": "mått"}), (b, "Karl", 2, None)):
        _by(monkeypatch, who)
        if values is None:
            _delete(path, uuids[n])
        else:
            _edit(path, uuids[n], **values)
    _by(monkeypatch, "Fia")
    report = merge_files(a, b, prefer="mine")
    c, c1, c2 = sorted(report.conflicts, key=lambda x: uuids.index(x.uuid))
    assert (c.field, c.mine, c.theirs, c.outcome) == ("text", "här", "där igen", "mine")
    assert (c.mine_by, c.mine_at, c.theirs_by, c.theirs_at) == ("Anna", *_records(a, "Anna"), "David",
                                                                *_records(b, "David"))
    assert (c1.field, c1.mine_by, c1.mine_at, c1.theirs_by, c1.theirs_at) == (
        "text", "Gun", *_records(a, "Gun"), "Hans", *_records(b, "Hans"))
    assert (c2.field, c2.delete_vs_edit, c2.mine_by, c2.theirs_by) == ("deleted_at", True, "Ivar", "Karl")
    assert (c.label, c.plan_title, c.table) == ("här", "Gemensam", "goal")
    assert _goal_texts(a)[uuids[0]][:2] == ("här", "antal")  # the same measure on both sides: no conflict
    raw = RawDatabase(sqlite3.connect(f"file:{a}?mode=ro", uri=True))
    try:
        [merged] = [r for r in history.row_history(raw, uuids[0]) if r.action == "merge"]
    finally:
        raw.conn.close()
    assert (merged.who, merged.rev, merged.action, merged.data) == ("Fia", 5, "merge", None)
    ws = Workspace.open(b, read_only=True)
    theirs = models.Goal.get(models.Goal.uuid == uuids[0])
    ws.close()
    ws = Workspace.open(a, read_only=True)
    now = models.Goal.get(models.Goal.uuid == uuids[0])
    ws.close()
    assert (now.version_id, now.rev, now.modified_at) == (merged.version, 5, theirs.modified_at)  # the later edit's
    assert tuple(sorted(merged.parents)) == merged.parents and theirs.version_id in merged.parents
    assert report.applied


def test_a_choice_per_field_beats_one_per_row_and_no_choice_leaves_it_to_prefer(
        pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    for path, side in ((a, "här"), (b, "där")):
        _edit(path, uuids[0], text=f"{side} text", measure=f"{side} mått")
        _edit(path, uuids[1], text=side)
    preview = merge_files(a, b, prefer="mine", dry_run=True)
    assert [(c.uuid, c.field, c.outcome) for c in preview.conflicts] == [
        (uuids[0], "measure", "mine"), (uuids[0], "text", "mine"), (uuids[1], "text", "mine")]
    assert not preview.applied and _log(a) == []
    asked: list[str] = []

    def choose(c: Conflict) -> str | None:
        asked.append(c.key)
        return {f"{uuids[0]}:text": "theirs"}.get(c.key)

    merge_files(a, b, prefer="mine", resolve=choose)
    assert asked == [f"{uuids[0]}:measure", f"{uuids[0]}:text", f"{uuids[1]}:text"]
    got = _goal_texts(a)
    assert (got[uuids[0]][:2], got[uuids[1]][:2]) == (("där text", "här mått"), ("här", ""))
    c = tmp = a.with_name("c.uppdrag")
    copy_database(b, tmp)
    for path, side in ((c, "här"), (b, "där")):
        _edit(path, uuids[2], text=f"{side} text", measure=f"{side} mått")
    report = merge_files(c, b, prefer="theirs", resolve={uuids[2]: "mine", f"{uuids[2]}:text": "theirs"})
    assert [(x.field, x.outcome) for x in report.conflicts] == [("measure", "mine"), ("text", "theirs")]
    assert _goal_texts(c)[uuids[2]][:2] == ("där text", "här mått")


def test_a_conflict_on_the_plan_itself_is_logged_on_that_plan(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    for path, title in ((a, "Vår titel"), (b, "Deras titel")):
        ws = Workspace.open(path)
        plan_id = models.Plan.select().first().id
        ws.update("plan", plan_id, title=title)
        if path == a:  # the plan's log has a line already: the merge's lines come after it
            ws.add("log", plan_id, entry_date=date(2026, 1, 2), text="Tidigare beslut")
        ws.close()
        _edit(path, uuids[0], text=title)
    report = merge_files(a, b, prefer="theirs")
    c, goal = sorted(report.conflicts, key=lambda x: x.table != "plan")
    ws = Workspace.open(a, read_only=True)
    plan = models.Plan.select().first()
    ws.close()
    assert (c.table, c.uuid, c.plan_uuid, c.label, c.plan_title) == ("plan", plan.uuid, plan.uuid, "Vår titel",
                                                                     "Vår titel")
    assert (goal.table, goal.plan_uuid, goal.plan_title) == ("goal", plan.uuid, "Vår titel")
    assert plan.title == "Deras titel"
    conn = sqlite3.connect(f"file:{a}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT position, kind, status, decided_by, entry_date, text FROM log_entry "
                            "ORDER BY position").fetchall() == [
            (0, "issue", "", "", "2026-01-02", "Tidigare beslut"),
            *[(n, "merge", "theirs", "", date.today().isoformat(),
               f"Sammanslagning med ”din.uppdrag”. {x.describe('din.uppdrag')}")
              for n, x in enumerate(report.conflicts, 1)]]
    finally:
        conn.close()


def test_deleted_here_and_edited_there_is_a_conflict_that_theirs_restores(pair: tuple[Path, Path, list[str]],
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, uuids = pair
    _delete(a, uuids[0])
    _by(monkeypatch, "Bo")
    _edit(b, uuids[0], text="ändrad där")
    _delete(b, uuids[1])
    _delete(a, uuids[2])
    report = merge_files(a, b, prefer="theirs")
    [c] = report.conflicts
    assert (c.uuid, c.field, c.delete_vs_edit, c.theirs, c.outcome) == (uuids[0], "deleted_at", True, None, "theirs")
    assert c.theirs_by == "Bo"  # who edited there since the common version, not who wrote the row before
    assert c.mine is not None
    got = _goal_texts(a)
    assert got[uuids[0]] == ("ändrad där", "", False)
    assert got[uuids[1]][2] is True and got[uuids[2]][2] is True
    _edit(a, uuids[0], text="samma")  # an edit both sides made the same way is no reason to keep a row
    _edit(b, uuids[0], text="samma")
    _delete(b, uuids[0])
    assert merge_files(a, b, prefer="mine").conflicts == [] and _goal_texts(a)[uuids[0]][2] is True


def test_a_merge_refuses_a_wrong_preference_and_itself(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, _ = pair
    with pytest.raises(ValueError, match="^--prefer ska vara mine, theirs eller newest, inte ”båda”.$"):
        merge_files(a, b, prefer="båda")
    with pytest.raises(StoreError, match="^En fil kan inte slås samman med sig själv.$"):
        merge_files(a, a)


def test_with_no_common_version_left_every_field_that_differs_is_a_conflict(pair: tuple[Path, Path, list[str]],
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The other copy forgot its old history (pruned after a long time apart): nothing tells which side
    changed a field, so each one that differs is a conflict, named by who made the version there."""
    a, b, uuids = pair
    _by(monkeypatch, "Anna")
    _edit(a, uuids[0], measure="här")
    _by(monkeypatch, "Bo")
    _edit(b, uuids[0], text="där")
    _edit(b, uuids[0], text="där igen")
    ws = Workspace.open(b)
    with ws.store.write():
        history_prune.prune(ws.store.db, now=datetime.now(UTC) + timedelta(days=history.IDENTITY_DAYS + 1))
    ws.close()
    report = merge_files(a, b, prefer="mine")
    assert [(c.field, c.mine, c.theirs, c.mine_by, c.theirs_by) for c in report.conflicts] == [
        ("measure", "här", "", "Anna", "Bo"), ("text", "mål 0", "där igen", "", "Bo")]  # "": as first written
    assert _goal_texts(a)[uuids[0]] == ("mål 0", "här", False)


def _version(path: Path, uuid: str) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT version_id FROM goal WHERE uuid = ?", (uuid,)).fetchone()[0]
    finally:
        conn.close()


def test_two_copies_that_merge_each_other_agree_on_the_merged_version(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    _edit(a, uuids[0], text="här")
    _edit(b, uuids[0], measure="där")
    a_before = a.with_name("a-före.uppdrag")
    copy_database(a, a_before)
    merge_files(a, b)
    merge_files(b, a_before)  # each merges the other as it was: the same content from the same two versions
    versions = [_version(path, uuids[0]) for path in (a, b)]
    assert versions[0] == versions[1] and len(versions[0]) == 32
    assert not merge_files(a, b).changed and not merge_files(b, a).changed
    assert _goal_texts(a) == _goal_texts(b)
    _edit(a, uuids[1], text="här")  # each keeps its own value: two merges of the same versions, two contents
    _edit(b, uuids[1], text="där")
    copy_database(a, a_before)
    merge_files(a, b, prefer="mine")
    merge_files(b, a_before, prefer="mine")
    assert _version(a, uuids[1]) != _version(b, uuids[1])  # two contents, two versions: not taken as agreed


def test_a_row_is_named_by_its_first_label_that_holds_text() -> None:
    from app.merge import _label

    assert _label({"title": "  ", "heading": None, "text": 5, "name": "Namnet", "term": "Termen"}) == "Namnet"
    assert (_label({"description": "x" * 61}), _label({"text": "y" * 60})) == ("x" * 57 + "…", "y" * 60)
    assert _label({"title": "", "code": "K1"}) == "(utan rubrik)"


def test_a_merge_leaves_the_connection_as_it_found_it(pair: tuple[Path, Path, list[str]]) -> None:
    from app.merge import merge_into
    from db.store import open_store

    a, b, uuids = pair
    _edit(b, uuids[0], text="där")
    store = open_store(a)
    try:
        before = store.db.execute_sql("PRAGMA cache_size").fetchone()
        assert merge_into(store, b).updated == {"goal": 1}
        assert store.db.execute_sql("PRAGMA cache_size").fetchone() == before
        assert [name for _, name, _ in store.db.execute_sql("PRAGMA database_list").fetchall()] == ["main"]
    finally:
        store.close()
    assert _goal_texts(a)[uuids[0]][0] == "där"  # not a dry run unless asked for


def test_a_merge_into_a_file_opened_read_only_is_refused_and_a_dry_run_of_it_is_not(
        pair: tuple[Path, Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    import db.store

    a, b, uuids = pair
    _edit(b, uuids[0], text="där")
    opened = db.store.open_store
    monkeypatch.setattr(db.store, "open_store", lambda path, **_kw: opened(path, read_only=True))
    before = sha256(a)
    with pytest.raises(StoreError) as refused:
        merge_files(a, b)
    assert str(refused.value) == "Filen ”min.uppdrag” är skrivskyddad; sammanslagningen kan inte sparas."
    assert merge_files(a, b, dry_run=True).updated == {"goal": 1}
    assert sha256(a) == before


def test_newest_takes_the_later_change_a_tie_keeps_this_files_and_a_choice_beats_prefer() -> None:
    from app.merge import _Decider

    early, late = "2026-03-02T10:00:00.000000Z", "2026-03-02T10:00:00.000001Z"

    def outcome(prefer: str, resolve: object = None, **times: str) -> str:
        return _Decider(prefer, resolve, "").outcome(_conflict(**times))  # type: ignore[arg-type]

    assert [outcome("newest", mine_at=m, theirs_at=t) for m, t in ((late, early), (early, late), (early, early))] == [
        "mine", "theirs", "mine"]
    assert (outcome("theirs", mine_at=late, theirs_at=early), outcome("mine", mine_at=early, theirs_at=late)) == (
        "theirs", "mine")
    assert [outcome("theirs", r) for r in ({"g1:text": "mine", "g1": "theirs"}, {"g1": "mine"}, {"g1": "båda"},
                                           lambda c: None, lambda c: "mine")] == ["mine", "mine", "theirs", "theirs",
                                                                                  "mine"]
