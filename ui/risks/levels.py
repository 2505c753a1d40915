"""The names of a risk scale's levels as the ui shows them: the file keeps its own names (Swedish, as
app.risks.DEFAULT_LEVELS has them, or what the organisation wrote); the default ones are shown in the
current language, any other name as written."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.risks import RiskSettings
from ui.i18n import kind_label

# The default names of app.risks.DEFAULT_LEVELS, for the translation ("Kinds", as app.kinds' labels).
DEFAULT_NAMES = (
    QT_TRANSLATE_NOOP("Kinds", "Mycket liten"), QT_TRANSLATE_NOOP("Kinds", "Liten"),
    QT_TRANSLATE_NOOP("Kinds", "Måttlig"), QT_TRANSLATE_NOOP("Kinds", "Stor"),
    QT_TRANSLATE_NOOP("Kinds", "Mycket stor"), QT_TRANSLATE_NOOP("Kinds", "Försumbar"),
    QT_TRANSLATE_NOOP("Kinds", "Mindre"), QT_TRANSLATE_NOOP("Kinds", "Betydande"),
    QT_TRANSLATE_NOOP("Kinds", "Katastrofal"),
)


def probability_text(settings: RiskSettings, score: int | None) -> str:
    return kind_label(settings.probability_label(score))


def impact_text(settings: RiskSettings, score: int | None) -> str:
    return kind_label(settings.impact_label(score))
