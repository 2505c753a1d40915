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
