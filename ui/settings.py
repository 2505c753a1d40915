"""The window's remembered state in one typed place (QSettings underneath)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.language_setting import SETTINGS_ENV  # the command line reads the language from the same file

MAX_RECENT = 8


def documents_folder() -> Path:
    """The user's Documents folder (the home folder where there is none)."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


class AppSettings:
    """Geometry, splitter state, last and recent files, language.

    Tests pass a QSettings on an ini file in a temporary folder; otherwise UPPDRAG_SETTINGS names
    the settings file (the tests and the benchmark set it), or they are the user's own.
    """

    def __init__(self, qsettings: QSettings | None = None):
        if qsettings is None:
            path = os.environ.get(SETTINGS_ENV)
            qsettings = QSettings(path, QSettings.Format.IniFormat) if path else QSettings("Uppdrag", "Uppdrag")
        self.q = qsettings

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.q.setValue("window/geometry", value)

    @property
    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self.q.setValue("window/splitter", value)

    @property
    def language(self) -> str:
        return str(self.q.value("language", "sv"))

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("language", value)

    @property
    def last_file(self) -> Path | None:
        value = self.q.value("files/last", "")
        return Path(value) if value else None

    @property
    def recent_files(self) -> list[Path]:
        value = self.q.value("files/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [Path(v) for v in value or []]

    def remember_file(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [p for p in self.recent_files if p != path]
        self.q.setValue("files/recent", [str(p) for p in [path, *recent][:MAX_RECENT]])
        self.q.setValue("files/last", str(path))

    @property
    def recent_servers(self) -> list[str]:
        """Team servers opened lately (their addresses; a password is never part of one)."""
        value = self.q.value("servers/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in value or []]

    def remember_server(self, url: str) -> None:
        recent = [u for u in self.recent_servers if u != url]
        self.q.setValue("servers/recent", [url, *recent][:MAX_RECENT])

    def forget_server(self, url: str) -> None:
        self.q.setValue("servers/recent", [u for u in self.recent_servers if u != url])

    def export_folder(self, kind: str) -> Path:
        """Where the save dialog of an export of `kind` (".docx", ".pdf", …) opens: the folder the last
        such export went to, else the user's Documents (never the app's hidden data folder)."""
        value = self.q.value(f"export/{kind.lstrip('.')}", "")
        if value and Path(str(value)).is_dir():
            return Path(str(value))
        return documents_folder()

    def remember_export_folder(self, kind: str, folder: Path) -> None:
        self.q.setValue(f"export/{kind.lstrip('.')}", str(folder))

    def import_mapping(self, table: str) -> dict[str, str]:
        """The columns a person mapped the last time a list of `table` was imported (row field -> header)."""
        import json

        try:
            value = json.loads(str(self.q.value(f"import/mapping_{table}", "") or "{}"))
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    def remember_import_mapping(self, table: str, mapping: dict[str, str]) -> None:
        import json

        self.q.setValue(f"import/mapping_{table}", json.dumps(mapping, ensure_ascii=False))

    def forget_file(self, path: Path) -> None:
        self.q.setValue("files/recent", [str(p) for p in self.recent_files if p != Path(path).resolve()])

    def sync(self) -> None:
        self.q.sync()
