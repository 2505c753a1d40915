"""The registrar's check in the export flow: shown before a Word or PDF export, export anyway or not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog


def test_the_dialog_lists_the_findings_and_exports_anyway(qtbot) -> None:
    from ui.dialogs.registrar_dialog import RegistrarDialog

    dialog = RegistrarDialog(["Diarienummer saknas.", "Det obligatoriska avsnittet ”Risker” är tomt."])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = [dialog.findings.item(k).text() for k in range(dialog.findings.count())]
    assert shown == ["Diarienummer saknas.", "Det obligatoriska avsnittet ”Risker” är tomt."]
    assert dialog.cancel_button.isDefault()  # Enter does not export by mistake
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_cancel_keeps_the_dialog_from_exporting(qtbot) -> None:
    from ui.dialogs.registrar_dialog import RegistrarDialog

    dialog = RegistrarDialog(["Diarienummer saknas."])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_word_export_asks_the_registrar_first(qtbot, monkeypatch, window, answers, tmp_path) -> None:
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: tmp_path / "plan.docx")
    window.actions_["export.docx"].trigger()
    assert "Diarienummer saknas." in answers  # the example has no diarienummer yet
    assert (tmp_path / "plan.docx").exists()


def test_declining_at_the_check_exports_nothing(qtbot, monkeypatch, window, tmp_path) -> None:
    asked_where: list[object] = []
    monkeypatch.setattr("ui.dialogs.registrar_dialog.confirm_export", lambda parent, findings: False)
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: asked_where.append(a) or tmp_path / "p.docx")
    window.actions_["export.docx"].trigger()
    assert asked_where == [] and not (tmp_path / "p.docx").exists()
    window.actions_["export.json"].trigger()  # a JSON copy is no document for the registry: no check
    assert asked_where
