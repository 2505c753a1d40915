"""Composition root of the GUI (a minimal window until the app issue lands)."""

from __future__ import annotations

from pathlib import Path


def run(path: Path | None, qt_args: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    from app.startup import ensure_default_database
    from app.workspace import Workspace
    from app.plans import list_plans

    app = QApplication(["uppdrag", *qt_args])
    target = path or ensure_default_database()
    ws = Workspace.open(target)
    label = QLabel("\n".join(p.title for p in list_plans(ws)) or "Inga planer")
    label.setWindowTitle(f"Uppdrag – {target.name}")
    label.show()
    return app.exec()
