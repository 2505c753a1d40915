"""Pages that edit fields of the plan itself: Metadata, and Beslut och underskrift."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from app import kinds
from app.workspace import Change
from ui.document import OpenFile
from ui.editor.fields import Field
from ui.editor.row_form import RowForm


def metadata_fields() -> list[Field]:
    return [
        Field("title", "Titel"),
        Field("subtitle", "Undertitel"),
        Field("programme", "Program"),
        Field("doc_type", "Dokumenttyp", "choice", kinds.DOC_TYPE_LABELS),
        Field("diarienummer", "Diarienummer"),
        Field("document_date", "Datum", "date"),
        Field("edition", "Utgåva", hint="Utgåvan i dokumenthuvudet, till exempel 0.3 eller 1.0. Den sätts när "
                                         "du fryser en utgåva (Redigera → Frys utgåva…), och varje fryst utgåva "
                                         "sparas så att den kan jämföras med en senare."),
        Field("version", "Version", hint="Bara om er organisation skriver en egen versionsbeteckning bredvid "
                                         "utgåvan (”Version: 1”). Lämna tom om ni bara använder utgåva."),
        Field("authors", "Författare (en per rad)", "long"),
        Field("organisation", "Organisation"),
        Field("assignment", "Uppdrag"),
        Field("status", "Status", "choice", kinds.DOC_STATUSES),
    ]


def decision_fields() -> list[Field]:
    return [
        Field("decision_text", "Beslut", "long"),
        Field("decision_date", "Beslutsdatum", "date"),
        Field("decision_choice", "Beslutat", "choice", kinds.DECISION_CHOICES),
        Field("decision_comment", "Kommentar", "long"),
        Field("signature_title", "Underskrift av (roll)"),
        Field("signature_name", "Namnförtydligande"),
        Field("signature_date", "Datum för underskrift", "date"),
    ]


class PlanFormPage(QScrollArea):
    kinds = {"plan"}

    def __init__(self, ofile: OpenFile, plan_id: int, fields: list[Field], name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ofile, self.plan_id = ofile, plan_id
        self.setObjectName(name)
        self.setWidgetResizable(True)
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
