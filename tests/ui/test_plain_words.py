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
    # each hint is as tall as its lines, right under its field: no empty band around it
    for hint, field, below in ((edition, "edition", "version"), (version, "version", "authors")):
        assert hint.height() == hint.heightForWidth(hint.width())
        top, bottom = form.editor(field).widget.geometry().bottom(), form.editor(below).widget.geometry().top()
        assert bottom - top < hint.height() + 4 * form.layout_.verticalSpacing() + 4


def test_the_risk_register_has_one_column_called_konsekvens(window) -> None:
    model = window.editor.show_page("risk").model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers.count("Konsekvens") == 1 and "Följd" in headers
    assert not any("poäng" in h for h in headers)
    tip = model.headerData(model.column_of("impact"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "sannolikhet × konsekvens" in tip


def _risk_headers_in_word_and_excel(window, tmp_path, monkeypatch) -> tuple[list[str], list[str]]:
    import openpyxl

    from tests.export.fixtures import open_docx

    targets = iter([tmp_path / "plan.docx", tmp_path / "plan.xlsx"])
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: next(targets))
    window.actions_["export.docx"].trigger()
    window.actions_["export.xlsx"].trigger()
    doc = open_docx(tmp_path / "plan.docx")
    word = next([c.text.replace("\u00ad", "") for c in t.rows[0].cells] for t in doc.tables
                if t.rows[0].cells[0].text == "Risk")
    excel = [c.value for c in openpyxl.load_workbook(tmp_path / "plan.xlsx")["Risker"][1]]
    return word, excel


def test_the_risk_columns_have_the_same_two_names_in_the_window_word_and_excel(window, tmp_path,
                                                                              monkeypatch) -> None:
    plan_id = window.current_plan_id()
    ws = window.ofile.ws
    ws.add("risk", plan_id, title="Personalbrist", consequence="Vården försenas", probability=2, impact=3)
    model = window.editor.show_page("risk").model
    header = lambda field: model.headerData(model.column_of(field), Qt.Orientation.Horizontal)  # noqa: E731
    assert (header("consequence"), header("impact")) == ("Följd", "Konsekvens")
    word, excel = _risk_headers_in_word_and_excel(window, tmp_path, monkeypatch)
    for headers in (word, excel):
        assert "Följd" in headers and headers.count("Konsekvens") == 1, headers
        assert not any("poäng" in h for h in headers)
        assert headers.index("Följd") < headers.index("Sannolikhet") < headers.index("Konsekvens")


def test_an_older_risk_workbook_with_konsekvens_poang_still_imports(window, tmp_path, monkeypatch) -> None:
    import openpyxl

    book = tmp_path / "gamla.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Risker"  # as the export wrote it before: Konsekvens the words, Konsekvens (poäng) the score
    wb.active.append(["Risk", "Orsak", "Konsekvens", "Sannolikhet", "Sannolikhet (text)", "Konsekvens (poäng)",
                      "Konsekvens (text)", "Riskvärde"])
    wb.active.append(["Leverantören går i konkurs", "Svag ekonomi", "Systemet stannar", 2, "Ibland", 4, "Allvarlig",
                      8])
    wb.save(book)
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: book)
    seen: list[dict[str, str]] = []

    def run(dialog) -> bool:
        assert dialog.table_key() == "risks"
        seen.append(dialog.mapping())
        return True

    monkeypatch.setattr("ui.dialogs.files.run_dialog", run)
    plan_id = window.current_plan_id()
    window.actions_["import_table"].trigger()
    assert (seen[0]["consequence"], seen[0]["impact"]) == ("Konsekvens", "Konsekvens (poäng)")
    risk = next(r for r in window.ofile.ws.list("risk", plan_id) if r["title"] == "Leverantören går i konkurs")
    assert (risk["consequence"], risk["probability"], risk["impact"]) == ("Systemet stannar", 2, 4)
    # the next list, written today, maps by its own names, whatever the older one was mapped to
    wb = openpyxl.Workbook()
    wb.active.title = "Risker"
    wb.active.append(["Risk", "Följd", "Sannolikhet", "Konsekvens"])
    wb.active.append(["Leverantören går i konkurs", "Systemet stannar en vecka", 3, 4])
    wb.save(book)
    window.actions_["import_table"].trigger()
    assert (seen[1]["consequence"], seen[1]["impact"]) == ("Följd", "Konsekvens")
    risk = window.ofile.ws.get("risk", risk["id"])
    assert (risk["consequence"], risk["probability"], risk["impact"]) == ("Systemet stannar en vecka", 3, 4)
