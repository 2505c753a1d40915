"""The export dialog opens in the user's Documents, then where that kind of export went last time."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths


@pytest.fixture
def documents() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class SaveDialog:
    """The save dialog as a person answers it: each question's suggestion kept, each answer given in turn
    (a path, or None for Avbryt; once the answers run out, Avbryt)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: Path | None) -> None:
        self.suggested: list[Path] = []
        self.answers = list(answers)
        monkeypatch.setattr("ui.dialogs.files.save_path", self)

    def __call__(self, parent, title, filter_, suggestion) -> Path | None:
        self.suggested.append(Path(suggestion))
        return self.answers.pop(0) if self.answers else None


def test_export_opens_in_documents_and_remembers_the_folder_per_kind(window, tmp_path: Path, documents: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "diariet"
    chosen.mkdir()
    suggested = SaveDialog(monkeypatch, chosen / "plan.json").suggested
    window.actions_["export.json"].trigger()  # to the chosen folder
    assert suggested[0].parent == documents
    assert suggested[0].parent != window.ofile.path.parent  # not the folder of the open file
    assert list(chosen.glob("*.json"))
    window.actions_["export.json"].trigger()  # the same kind again: where it went last time
    assert suggested[1].parent == chosen
    window.actions_["export.docx"].trigger()  # another kind starts in Documents
    assert suggested[2].parent == documents


@pytest.mark.parametrize("activities", [False, True])
def test_calendar_of_the_plan_and_of_every_plan(window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                activities: bool) -> None:
    import icalendar

    chosen: list[Path] = []
    monkeypatch.setattr("ui.dialogs.files.save_path",
                        lambda parent, title, filter_, suggestion: chosen.append(tmp_path / Path(suggestion).name)
                        or chosen[-1])
    monkeypatch.setattr("ui.dialogs.files.ask_calendar_activities", lambda parent: activities)
    monkeypatch.setattr("ui.dialogs.files.ask_open_after", lambda parent, path: False)
    assert window.actions_["export.ics"].isEnabled() and window.actions_["export_portfolio.ics"].isEnabled()
    window.actions_["export.ics"].trigger()
    window.actions_["export_portfolio.ics"].trigger()
    assert [p.suffix for p in chosen] == [".ics", ".ics"]
    one, every = (icalendar.Calendar.from_ical(p.read_bytes()).walk("VEVENT") for p in chosen)
    assert one and {str(e["uid"]) for e in one} <= {str(e["uid"]) for e in every}
    kinds = {str(c) for e in every for c in e["categories"].cats}
    assert ("Aktivitet" in kinds) is activities and "Beslutspunkt" in kinds


def test_timeline_pictures_open_in_documents_then_where_that_kind_went_last(window, tmp_path: Path, documents: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    pictures = tmp_path / "bilder"
    pictures.mkdir()
    suggested = SaveDialog(monkeypatch, pictures / "tidplan", pictures / "tidplan.svg").suggested
    panel = window.editor.show_page("gantt")
    panel.actions_by_name["png"].trigger()  # the first picture: Documents; the name typed without ".png"
    assert suggested[0] == documents / "tidslinje.png"
    assert (pictures / "tidplan.png").read_bytes().startswith(b"\x89PNG")
    panel.actions_by_name["svg"].trigger()  # another kind of picture starts in Documents too
    assert suggested[1] == documents / "tidslinje.svg"
    assert b"<svg" in (pictures / "tidplan.svg").read_bytes()
    # the portfolio's timeline, in a window of its own, opens where the last PNG went
    window.show_portfolio("timeline")
    portfolio = window._portfolio_windows[-1].view
    portfolio.actions_by_name["png"].trigger()
    assert suggested[2] == pictures / "tidslinje.png"
    window.actions_["export.docx"].trigger()  # the Word export keeps its own folder
    assert suggested[3].parent == documents
    window._portfolio_windows[-1].close()


def test_the_portfolio_report_opens_in_documents_then_where_it_went_last(qtbot, window, tmp_path: Path,
                                                                          documents: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt

    reports = tmp_path / "rapporter"
    reports.mkdir()
    suggested = SaveDialog(monkeypatch, reports / "rapport").suggested
    window.show_portfolio("overview")
    view = window._portfolio_windows[-1].view
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert suggested[0].parent == documents and suggested[0].name.startswith("Portföljrapport ")
    assert (reports / "rapport.xlsx").exists()  # the suffix added to a name typed without it
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert suggested[1].parent == reports
    window._portfolio_windows[-1].close()
