"""Words a new user tripped over: where Ny plan lives, Utgåva beside Version, the risk columns."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_new_plan_is_under_arkiv(window) -> None:
    arkiv = window.menuBar().actions()[0].menu()
    assert arkiv.title() == "&Arkiv" and arkiv.actions()[0] is window.actions_["new_plan"]
    redigera = window.menuBar().actions()[1].menu()
    assert window.actions_["new_plan"] not in redigera.actions()


def test_edition_and_version_say_what_each_is_for(window) -> None:
    form = window.editor.show_page("metadata").form
    edition, version = form.hints["edition"], form.hints["version"]
    assert edition.isVisible() and "Frys utgåva" in edition.text()
    assert version.isVisible() and "bredvid utgåvan" in version.text()
    assert form.editor("edition").widget.toolTip() == edition.text()


def test_the_risk_register_has_one_column_called_konsekvens(window) -> None:
    model = window.editor.show_page("risk").model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers.count("Konsekvens") == 1 and "Följd" in headers
    assert not any("poäng" in h for h in headers)
    tip = model.headerData(model.column_of("impact"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "sannolikhet × konsekvens" in tip
