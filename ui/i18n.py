"""Languages: Swedish is the source language, English comes from app/resources/translations/uppdrag_en.qm.

Strings are written in Swedish through QCoreApplication.translate(context, text).
Labels of coded values come from app.kinds in Swedish and are translated where they
are shown, in the context "Kinds".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.resources import resource_path

LANGUAGES = {"sv": "Svenska", "en": "English"}
DEFAULT_LANGUAGE = "sv"

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def kind_label(label: str) -> str:
    """A Swedish label of a coded value (app.kinds, app.templates) in the current language."""
    return QCoreApplication.translate("Kinds", label) if label else ""


def qm_path(language: str):
    return resource_path("translations", f"uppdrag_{language}.qm")


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
    if language != DEFAULT_LANGUAGE:
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
    _current = language if ok else DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(QLocale.Language.English if _current == "en" else QLocale.Language.Swedish))
    return ok
