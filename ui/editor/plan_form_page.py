"""Pages that edit fields of the plan itself: Metadata, and Beslut och underskrift."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from app import kinds
from app.workspace import Change
from ui.document import OpenFile
from ui.editor.fields import Field
from ui.editor.row_form import RowForm


def metadata_fields() -> list[Field]:
    return [
        Field("title", QT_TRANSLATE_NOOP("Fields", "Titel")),
        Field("subtitle", QT_TRANSLATE_NOOP("Fields", "Undertitel")),
        Field("programme", QT_TRANSLATE_NOOP("Fields", "Program")),
        Field("doc_type", QT_TRANSLATE_NOOP("Fields", "Dokumenttyp"), "choice", kinds.DOC_TYPE_LABELS),
        Field("diarienummer", QT_TRANSLATE_NOOP("Fields", "Diarienummer")),
        Field("document_date", QT_TRANSLATE_NOOP("Fields", "Datum"), "date"),
        Field("edition", QT_TRANSLATE_NOOP("Fields", "Utgåva"), hint=QT_TRANSLATE_NOOP(
            "Fields", "Utgåvan i dokumenthuvudet, till exempel 0.3 eller 1.0. Den sätts när du fryser en utgåva "
                      "(Redigera → Frys utgåva…), och varje fryst utgåva sparas så att den kan jämföras med en senare.")),
        Field("version", QT_TRANSLATE_NOOP("Fields", "Version"), hint=QT_TRANSLATE_NOOP(
            "Fields", "Bara om er organisation skriver en egen versionsbeteckning bredvid utgåvan (”Version: 1”). "
                      "Lämna tom om ni bara använder utgåva.")),
        Field("authors", QT_TRANSLATE_NOOP("Fields", "Författare (en per rad)"), "long"),
        Field("organisation", QT_TRANSLATE_NOOP("Fields", "Organisation")),
        Field("assignment", QT_TRANSLATE_NOOP("Fields", "Uppdrag")),
        Field("status", QT_TRANSLATE_NOOP("Fields", "Status"), "choice", kinds.DOC_STATUSES),
    ]


def decision_fields() -> list[Field]:
    return [
        Field("decision_text", QT_TRANSLATE_NOOP("Fields", "Beslut"), "long"),
        Field("decision_date", QT_TRANSLATE_NOOP("Fields", "Beslutsdatum"), "date"),
        Field("decision_choice", QT_TRANSLATE_NOOP("Fields", "Beslutat"), "choice", kinds.DECISION_CHOICES),
        Field("decision_comment", QT_TRANSLATE_NOOP("Fields", "Kommentar"), "long"),
        Field("signature_title", QT_TRANSLATE_NOOP("Fields", "Underskrift av (roll)")),
        Field("signature_name", QT_TRANSLATE_NOOP("Fields", "Namnförtydligande")),
        Field("signature_date", QT_TRANSLATE_NOOP("Fields", "Datum för underskrift"), "date"),
    ]


class PlanFormPage(QScrollArea):
    kinds = {"plan"}

    def __init__(self, ofile: OpenFile, plan_id: int, fields: list[Field], name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ofile, self.plan_id = ofile, plan_id
        self.setObjectName(name)
        self.setWidgetResizable(True)
        self.setProperty("focusPolicy", "NoFocus")  # no stop of its own: Tab goes to the fields, which it scrolls to
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        self.form = RowForm(ofile, "plan", fields, inner)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.setWidget(inner)
        self.reload()

    def reload(self) -> None:
        self.form.set_row(self.ofile.ws.get("plan", self.plan_id))

    def on_change(self, change: Change) -> None:
        if change.kind == "plan" and self.plan_id in change.ids and change.action == "updated":
            self.reload()
