"""Languages: Swedish is the source language, English comes from app/resources/translations/uppdrag_en.qm.

Strings are written in Swedish through translate(context, text) (Qt's lupdate finds them by
that name; `python -m ui.i18n_build --update` collects them into the .ts). Labels of coded
values come from app.kinds in Swedish and are translated where they are shown, in the context
"Kinds". Qt's own texts (the buttons of a message box, the file dialog) are English in Qt:
in Swedish, Qt's Swedish translation that PySide6 ships (qtbase_sv.qm) is loaded beside ours.
Month names come from QLocale, which follows the language.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import resource_path

LANGUAGES = {"sv": "Svenska", "en": "English"}
DEFAULT_LANGUAGE = "sv"

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def kind_label(label: str) -> str:
    """A Swedish label of a coded value (app.kinds, app.templates) in the current language."""
    return QCoreApplication.translate("Kinds", label) if label else ""


def qm_path(language: str):
    return resource_path("translations", f"uppdrag_{language}.qm")


def qt_qm_path(language: str) -> Path:
    """Qt's own translation of its dialogs and buttons (qtbase_<language>.qm, shipped with PySide6)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm"


def locale() -> QLocale:
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom) if _current == "en" else \
        QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)


def month_name(month: int, *, short: bool = False) -> str:
    """The month's name in the current language ("mars", "March"; short "mars", "Mar")."""
    return _month_name(_current, month, short)


@lru_cache(maxsize=64)  # the timeline's header asks for a name per tick
def _month_name(language: str, month: int, short: bool) -> str:
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return locale().standaloneMonthName(month, fmt).rstrip(".")


def date_text(value: Any, style: str = "long") -> str:
    """A vague date (app.dates.VagueDate) to read, in the current language: Swedish as the documents
    write it, or English ("March 2026", "mid-March 2026"); app.date_text reads either back."""
    return "" if value is None else value.shown(style)


def current_language() -> str:
    return _current


def install_language(language: str) -> bool:
    """Make `language` current for the application; False if its translation is missing."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    if language == DEFAULT_LANGUAGE:
        qt = QTranslator(app)
        if qt.load(str(qt_qm_path(language))):  # a bundle without it stays usable, with Qt's English buttons
            app.installTranslator(qt)
            _installed.append(qt)
    else:
        path = qm_path(language)
        if not path.exists():
            from ui.i18n_build import build

            try:
                build()
            except Exception:  # noqa: BLE001 - no lrelease: stay in Swedish
                pass
        translator = QTranslator(app)
        ok = path.exists() and translator.load(str(path))
        if ok:
            app.installTranslator(translator)
            _installed.append(translator)
    if not ok:
        return install_language(DEFAULT_LANGUAGE) and False
    _current = language
    QLocale.setDefault(locale())
    from app import i18n as app_i18n  # app/'s and db/'s sentences, from the same Linguist file

    if language == DEFAULT_LANGUAGE:
        app_i18n.install(None)
    else:
        app_i18n.install(lambda text: QCoreApplication.translate("App", text), kind_label)
    return ok
