"""The sharing and edition dialogs as standalone widgets, driven by clicks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from app.workspace import Workspace
from db import models
from db.backup import make_session_backup
from db.lock import LockInfo
from app.merge import merge_files
from ui.dialogs.edition_dialogs import CompareEditionsDialog, FreezeEditionDialog
from ui.dialogs.sharing_dialogs import BackupsDialog, ConflictDialog, LockedFileDialog


def _holder(minutes_ago: int) -> LockInfo:
    beat = (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat()
    return LockInfo("karin", "annan-dator", 4242, beat, beat)


def test_locked_file_offers_read_only(qtbot, tmp_path: Path) -> None:
    dialog = LockedFileDialog(tmp_path / "delad.uppdrag", _holder(1))
    qtbot.addWidget(dialog)
    assert "karin" in dialog.message.text() and "annan-dator" in dialog.message.text()
    assert dialog.break_button.isHidden()
    qtbot.mouseClick(dialog.read_only_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "read_only" and dialog.result() == dialog.DialogCode.Accepted


def test_stale_lock_can_be_broken(qtbot, tmp_path: Path) -> None:
    dialog = LockedFileDialog(tmp_path / "delad.uppdrag", _holder(30))
    qtbot.addWidget(dialog)
    assert not dialog.break_button.isHidden() and "övergivet" in dialog.message.text()
    assert ".lock" in dialog.message.text()  # the lock file is named
    qtbot.mouseClick(dialog.break_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "break"


def _conflicting_pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "min.uppdrag", tmp_path / "din.uppdrag"
    ws = Workspace.create(a)
    plan = ws.add("plan", doc_type="plan", template="plan", title="Plan").ids[0]
    for t in ("ett", "två"):
        ws.add("goal", plan, kind="effect", text=t)
    ws.close()
    Workspace.create(b).close()
    merge_files(b, a)
    merge_files(a, b)
    for path, prefix in ((a, "min"), (b, "din")):
        ws = Workspace.open(path)
        for g in ws.list("goal", models.Plan.get().id):
            ws.update("goal", g["id"], text=f"{prefix} {g['text']}")
        ws.close()
    return a, b


def test_conflict_dialog_choosing_a_side(qtbot, tmp_path: Path) -> None:
    a, b = _conflicting_pair(tmp_path)
    preview = merge_files(a, b, prefer="mine", dry_run=True)
    dialog = ConflictDialog(preview.conflicts)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "text"
    assert dialog.table.item(0, 2).text().startswith("min ett") and dialog.table.item(0, 3).text().startswith("din")
    assert "på" in dialog.table.item(0, 3).text()  # who changed it, from the history
    qtbot.mouseClick(dialog.table.cellWidget(1, 5), Qt.MouseButton.LeftButton)  # take theirs on row 2
    choices = dialog.choices()
    assert list(choices.values()) == ["mine", "theirs"]
    merge_files(a, b, resolve=choices)
    ws = Workspace.open(a, read_only=True)
    texts = [g["text"] for g in ws.list("goal", models.Plan.get().id)]
    ws.close()
    assert texts == ["min ett", "din två"]
    qtbot.mouseClick(dialog.all_theirs, Qt.MouseButton.LeftButton)
    assert set(dialog.choices().values()) == {"theirs"}


def test_conflict_dialog_picks_per_field_of_one_row(qtbot, tmp_path: Path) -> None:
    a, b = _conflicting_pair(tmp_path)
    for path, prefix in ((a, "min"), (b, "din")):
        ws = Workspace.open(path)
        first = ws.list("goal", models.Plan.get().id)[0]
        ws.update("goal", first["id"], measure=f"{prefix} mått")
        ws.close()
    dialog = ConflictDialog(merge_files(a, b, prefer="mine", dry_run=True).conflicts)
    qtbot.addWidget(dialog)
    fields = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert fields == ["mätetal", "text", "text"]  # one line per field that differs on both sides
    qtbot.mouseClick(dialog.table.cellWidget(0, 5), Qt.MouseButton.LeftButton)  # their measure, my text
    merge_files(a, b, resolve=dialog.choices())
    ws = Workspace.open(a, read_only=True)
    first = ws.list("goal", models.Plan.get().id)[0]
    ws.close()
    assert (first["text"], first["measure"]) == ("min ett", "din mått")


def test_backups_list_and_restore(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "planer.uppdrag"
    ws = Workspace.create(path)
    ws.add("plan", doc_type="plan", template="plan", title="Före")
    ws.close()
    make_session_backup(path, now=datetime.now(UTC) - timedelta(hours=1))
    ws = Workspace.open(path)
    ws.update("plan", models.Plan.get().id, title="Efter")
    ws.add("plan", doc_type="plan", template="plan", title="Extra")
    ws.close()
    make_session_backup(path)
    asked: list[str] = []
    dialog = BackupsDialog(path, confirm=lambda q: asked.append(q) or True)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["2", "1"]  # newest first
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked and "fore-aterstallning" in asked[0]
    assert dialog.restored is not None and dialog.restored[1].exists()
    ws = Workspace.open(path, read_only=True)
    assert [p.title for p in models.Plan.select()] == ["Före"]
    ws.close()


def test_backups_dialog_restore_cancelled(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "planer.uppdrag"
    Workspace.create(path).close()
    dialog = BackupsDialog(path, confirm=lambda q: False)
    qtbot.addWidget(dialog)
    assert not dialog.empty.isHidden() and not dialog.restore_button.isEnabled()


def test_freeze_and_compare_editions(qtbot, tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "utg.uppdrag")
    plan = ws.add("plan", doc_type="plan", template="plan", title="Plan").ids[0]
    sec = ws.add("section", plan, key="background", heading="Bakgrund", body="gammal text").ids[0]
    freeze = FreezeEditionDialog(ws, plan)
    qtbot.addWidget(freeze)
    assert freeze.label.text() == "0.1"
    qtbot.keyClicks(freeze.comment, "Forsta")
    qtbot.mouseClick(freeze.buttons.button(freeze.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert freeze.frozen is not None and freeze.frozen.label == "0.1"
    ws.update("section", sec, body="ny text")
    again = FreezeEditionDialog(ws, plan)
    qtbot.addWidget(again)
    assert again.label.text() == "0.2"
    again.label.setText("0.1")
    qtbot.mouseClick(again.buttons.button(again.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "finns redan" in again.error.text() and again.frozen is None
    again.label.setText("1.0")
    qtbot.mouseClick(again.buttons.button(again.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert models.Plan.get_by_id(plan).edition == "1.0"
    compare = CompareEditionsDialog(ws, plan)
    qtbot.addWidget(compare)
    assert compare.tree.topLevelItem(0).text(1) == "Ändrat"
    assert "-gammal text" in compare.diff.toPlainText() and "+ny text" in compare.diff.toPlainText()
    compare.new.setCurrentIndex(compare.new.count() - 1)  # the plan as it is now
    assert compare.tree.topLevelItem(0).text(1) == "Ändrat"
    ws.close()
