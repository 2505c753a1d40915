"""The sharing services reached from the main window: a file someone else has open, merging another
copy, sending a plan, freezing an edition, and the session backup made when a file opens."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.plans import find_plan, list_plans
from app.workspace import Workspace
from db.backup import list_backups
from db.lock import read_lock
from tests.conftest import foreign_lock
from tests.ui.ui_steps import beside_the_window, plan_id_by_title


def test_file_held_by_someone_else_opens_read_only_when_chosen(make_window, example_file: Path,
                                                               empty_file: Path, monkeypatch) -> None:
    foreign_lock(example_file)
    chosen = []

    def exec_(dialog):
        chosen.append(dialog.message.text())
        dialog._done("read_only")
        return 1

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.LockedFileDialog.exec", exec_)
    window = make_window(empty_file)
    assert window.open_path(example_file)
    assert "karin" in chosen[0]
    assert window.ofile.read_only
    assert "skrivskyddad" in window.file_label.text()
    assert not window.actions_["new_plan"].isEnabled()
    window.close_file()
    assert read_lock(example_file).user == "karin"  # someone else's lock is left alone


def test_cancel_keeps_the_current_file(make_window, example_file: Path, empty_file: Path, monkeypatch) -> None:
    foreign_lock(example_file)
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.LockedFileDialog.exec", lambda d: d._done("cancel") or 0)
    window = make_window(empty_file)
    assert not window.open_path(example_file)
    assert window.ofile is None or window.ofile.path != example_file


def test_own_lock_is_held_while_open_and_released_on_close(make_window, example_file: Path) -> None:
    window = make_window(example_file)
    assert read_lock(example_file) is not None and read_lock(example_file).is_mine()
    window.close_file()
    assert read_lock(example_file) is None


def _colleague_copy(example_file: Path, tmp_path: Path, **values: str) -> Path:
    """A copy made in the file manager, edited by a colleague (the plan's metadata)."""
    other = tmp_path / "kollegans.uppdrag"
    shutil.copy(example_file, other)
    ws = Workspace.open(other)
    plan_id = find_plan(ws, next(p.uuid for p in list_plans(ws) if p.doc_type == "plan"))
    ws.update("plan", plan_id, **values)
    ws.close()
    return other


def test_merge_from_a_plain_copy_takes_its_edit_and_is_one_undo_step(make_window, example_file: Path,
                                                                     tmp_path: Path, monkeypatch) -> None:
    other = _colleague_copy(example_file, tmp_path, diarienummer="RÖL 2024/999")
    window = make_window(example_file)
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: other)
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec",
                        lambda d: (_ for _ in ()).throw(AssertionError("a one-sided edit is no conflict")))
    window.actions_["merge"].trigger()
    mine = window.ofile.ws
    plan = plan_id_by_title(window, "Gemensam plan")
    assert mine.get("plan", plan)["diarienummer"] == "RÖL 2024/999"
    assert window.ofile.stack.canUndo()
    window.actions_["undo"].trigger()
    assert mine.get("plan", plan)["diarienummer"] != "RÖL 2024/999"
    window.actions_["redo"].trigger()
    assert mine.get("plan", plan)["diarienummer"] == "RÖL 2024/999"


def test_merge_conflict_is_settled_in_the_dialog_before_anything_is_written(make_window, example_file: Path,
                                                                            tmp_path: Path, monkeypatch) -> None:
    other = _colleague_copy(example_file, tmp_path, diarienummer="RÖL 2024/999")
    window = make_window(example_file)
    mine = window.ofile.ws
    plan = plan_id_by_title(window, "Gemensam plan")
    mine.update("plan", plan, diarienummer="RÖL 2024/111")
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: other)
    shown = []

    def cancel(dialog):
        shown.append([(c.field, c.mine, c.theirs) for c in dialog.conflicts])
        return 0

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", cancel)
    window.actions_["merge"].trigger()
    assert shown == [[("diarienummer", "RÖL 2024/111", "RÖL 2024/999")]]
    assert mine.get("plan", plan)["diarienummer"] == "RÖL 2024/111"  # Avbryt: nothing written

    def take_theirs(dialog):
        dialog._all(1)
        return 1

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", take_theirs)
    window.actions_["merge"].trigger()
    assert mine.get("plan", plan)["diarienummer"] == "RÖL 2024/999"


def test_send_plan_writes_a_file_with_that_plan_alone(make_window, example_file: Path, tmp_path: Path,
                                                       monkeypatch) -> None:
    window = make_window(example_file)
    window.select_plan(plan_id_by_title(window, "Gemensam plan"))
    target = tmp_path / "skickad.uppdrag"
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: target)
    window.actions_["send_plan"].trigger()
    with beside_the_window(window, target) as ws:
        assert [p.title for p in list_plans(ws)] == ["Gemensam plan för primärvården som nav"]


def test_save_copy_writes_a_copy_and_says_where(make_window, example_file: Path, tmp_path: Path,
                                                monkeypatch) -> None:
    window = make_window(example_file)
    target = tmp_path / "kopia.uppdrag"
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: target)
    window.actions_["save_copy"].trigger()
    assert str(target) in window.statusBar().currentMessage()
    with beside_the_window(window, target) as ws:
        assert len(list_plans(ws)) == 2


def test_a_copy_that_cannot_be_written_says_why_and_leaves_nothing(make_window, example_file: Path,
                                                                    tmp_path: Path, monkeypatch) -> None:
    window = make_window(example_file)
    shown: list[str] = []
    monkeypatch.setattr("ui.file_actions.show_expected", lambda _w, exc: shown.append(str(exc)))
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: tmp_path / "saknas" / "kopia.uppdrag")
    window.actions_["save_copy"].trigger()
    assert shown and not (tmp_path / "saknas").exists()
    assert "kopia.uppdrag" not in window.statusBar().currentMessage()


def test_opening_a_file_makes_a_session_backup(make_window, example_file: Path, qtbot) -> None:
    make_window(example_file)
    qtbot.waitUntil(lambda: len(list_backups(example_file)) == 1, timeout=10000)
    assert list_backups(example_file)[0].plan_count == 2


def test_a_commit_by_another_program_shows_up(make_window, example_file: Path, qtbot) -> None:
    window = make_window(example_file)
    plan_id = plan_id_by_title(window, "Gemensam plan")
    window.select_plan(plan_id)
    window.ofile.update("plan", plan_id, {"diarienummer": "RÖL 1"}, "Ändra")
    window.session.watcher.poll()
    assert window.ofile.stack.canUndo()  # our own commit is not "another program"

    import sqlite3

    other = sqlite3.connect(example_file)  # a second program on the same file
    other.execute("UPDATE plan SET title = 'Ändrad i annat program' WHERE id = ?", (plan_id,))
    other.commit()
    other.close()
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.title.text() == "Ändrad i annat program",
                    timeout=5000)
    assert not window.ofile.stack.canUndo()
    assert "annat program" in window.statusBar().currentMessage()


def test_recovery_says_where_the_copies_are(make_window, tmp_path: Path, private_data_dir: Path) -> None:
    from tests.db.test_swapped_sidecars import _crash, _file

    path = _file(tmp_path / "egen.uppdrag", ["Plan 1"])
    _crash(path, "rows")
    window = make_window(path)
    (kept,) = (private_data_dir / "aterstallning").iterdir()
    assert str(kept) in window.statusBar().currentMessage()


def test_damaged_file_becomes_read_only_with_the_backup_offered(make_window, messages, qtbot,
                                                               tmp_path: Path) -> None:
    from db.backup import make_session_backup
    from tests.db.test_integrity_on_open import damage_index

    path = tmp_path / "skadad.uppdrag"
    ws = Workspace.create(path)
    ws.add("plan", doc_type="plan", template="plan", title="Plan")
    ws.close()
    backup = make_session_backup(path)
    damage_index(path)
    window = make_window(path)
    qtbot.waitUntil(lambda: window.problem_dialog is not None)
    assert window.ofile.read_only and "skrivskyddad" in window.file_label.text()
    dialog = window.problem_dialog
    assert dialog.windowTitle() == "Filen är skadad" and "skrivskyddad" in dialog.message.text()
    assert [b.path for b in dialog.backups] == [backup] and dialog.backup_button.isEnabled()
    assert not window.actions_["new_plan"].isEnabled()
