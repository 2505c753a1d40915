"""Om Uppdrag shows the one version number and the data folder the app really uses."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_about_dialog_shows_version_and_data_folder(qtbot, private_data_dir: Path) -> None:
    from ui.dialogs.about_dialog import AboutDialog, app_icon

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert version in dialog.version.text()
    assert str(private_data_dir) in dialog.folder.text()
    assert "Uppdrag" in dialog.title.text()
    assert not app_icon().isNull()
