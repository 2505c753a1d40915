"""Redigera → Ta bort personuppgifter…: the places are shown first, then the name leaves the file and its
backups; the window shows the file as it now is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.workspace import Workspace
from db.backup import backups_of
from tests.app.test_anonymise import EMAIL, NAME, PHONE, build
from tests.ui.ui_steps import keys


def _grep(path: Path) -> int:
    data = path.read_bytes()
    return sum(data.count(n.encode()) for n in (NAME, EMAIL, PHONE))


def test_remove_personal_data_from_the_menu(make_window, tmp_path: Path, qtbot, monkeypatch) -> None:
    path = tmp_path / "fil.uppdrag"
    ws = Workspace.create(path)
    ids = build(ws)
    ws.close()
    window = make_window(path)  # opening makes a session backup, which holds the name
    qtbot.waitUntil(lambda: len(backups_of(path)) == 1, timeout=10000)
    assert backups_of(path) and all(_grep(p) for p in backups_of(path))
    seen: dict[str, object] = {}

    def exec_(dialog) -> int:
        dialog.show()
        assert not dialog.ok.isEnabled()  # nothing can be removed before the places are shown
        dialog.person.setFocus()
        keys(qtbot, dialog.person.lineEdit(), "åsa öberg")
        qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
        seen["places"] = [dialog.places.item(i).text() for i in range(dialog.places.count())]
        seen["copies"] = dialog.copies.isVisible() and dialog.copies.isChecked()
        assert dialog.ok.isEnabled()
        assert path.read_bytes().count(NAME.encode())  # nothing changed yet
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr("ui.dialogs.anonymise_dialog.AnonymiseDialog.exec", exec_)
    action = window.actions_["anonymise"]
    assert action.isEnabled()
    action.trigger()

    places = "\n".join(seen["places"])  # type: ignore[arg-type]
    assert "beslutat av" in places and "Statusrapport, författare" in places and "(borttagen)" in places
    assert seen["copies"] is True
    assert _grep(path) == 0
    assert [p for p in backups_of(path) if _grep(p)] == []
    ws = window.ofile.ws
    assert ws.get("person", ids["asa"])["name"] == "Anonymiserad person 1"
    assert ws.get("plan", ids["plan"])["authors"] == "(anonymiserad)\nBertil Berg"
    assert "Personuppgifterna är borttagna" in window.statusBar().currentMessage()


def test_an_unknown_name_is_said_in_the_dialog(make_window, example_file: Path, qtbot, monkeypatch) -> None:
    window = make_window(example_file)
    before = example_file.read_bytes()
    said = []

    def exec_(dialog) -> int:
        keys(qtbot, dialog.person.lineEdit(), "Ingen Alls")
        qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
        said.append(dialog.error.text())
        assert not dialog.ok.isEnabled()
        return 0

    monkeypatch.setattr("ui.dialogs.anonymise_dialog.AnonymiseDialog.exec", exec_)
    window.actions_["anonymise"].trigger()
    assert "Hittar ingen person" in said[0]
    assert example_file.read_bytes() == before
