"""The export dialog opens in the user's Documents, then where that kind of export went last time."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths


def test_export_opens_in_documents_and_remembers_the_folder_per_kind(window, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    documents.mkdir(parents=True, exist_ok=True)
    chosen = tmp_path / "diariet"
    chosen.mkdir()
    suggested: list[Path] = []

    def save_path(parent, title, filter_, suggestion):
        suggested.append(Path(suggestion))
        return chosen / Path(suggestion).name if len(suggested) == 1 else None

    monkeypatch.setattr("ui.dialogs.files.save_path", save_path)
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
