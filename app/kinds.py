"""The kinds of rows a plan is made of, and the vocabulary of their coded values.

Services, the JSON format and the editor all refer to rows by these kind
names ("timeline", "role", …), so the mapping from a kind to its model and to
its vague-date fields lives in this one place. So do the Swedish labels of every
coded value: the editor, the exports and the messages take them from here, and
tests/app/test_kinds.py checks that the plan schema's enums are these codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from db import models


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[models.UserRow]
    label: str  # Swedish, definite ("avsnittet"), for messages about one row
    noun: str  # Swedish, indefinite ("tidplanspost"), naming the kind of one row (plurals() counts rows)
    vague_fields: tuple[str, ...] = ()  # fields stored as <name> + <name>_precision
    day_fields: tuple[str, ...] = ()  # plain dates (always day precision)
    in_plan: bool = True  # has `plan` and `position`


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("plan", models.Plan, "planen", "plan", ("document_date", "decision_date", "signature_date"),
             in_plan=False),
        Kind("person", models.Person, "personen", "person", in_plan=False),
        Kind("section", models.Section, "avsnittet", "avsnitt"),
        Kind("goal", models.Goal, "målet", "mål"),
        Kind("timeline", models.TimelineItem, "tidplanens post", "tidplanspost", ("start", "end"),
             day_fields=("actual_start", "actual_finish")),
        Kind("dependency", models.Dependency, "beroendet", "beroende", in_plan=False),
        Kind("role", models.Role, "rollen", "roll", ("start", "end")),
        Kind("resource", models.ResourceLine, "resursen", "resursrad", ("start", "end")),
        Kind("budget", models.BudgetLine, "budgetraden", "budgetrad"),
        Kind("risk", models.Risk, "risken", "risk", ("due",)),
        Kind("risk_assessment", models.RiskAssessment, "riskbedömningen", "riskbedömning",
             day_fields=("assessed_on",), in_plan=False),
        Kind("log", models.LogEntry, "loggposten", "loggpost", day_fields=("entry_date",)),
        Kind("status_report", models.StatusReport, "statusrapporten", "statusrapport", day_fields=("report_date",)),
        Kind("term", models.Term, "begreppet", "begrepp"),
        Kind("reference", models.Reference, "referensen", "referens"),
        Kind("edition", models.Edition, "utgåvan", "utgåva", day_fields=("edition_date",)),
    )
}


# A database table's row in Swedish ("timeline_item" → "tidplanspost"), naming the kind of one row.
TABLE_LABELS: dict[str, str] = {k.model._meta.table_name: k.noun for k in KINDS.values()}
_KIND_OF_TABLE = {k.model._meta.table_name: k.name for k in KINDS.values()}


def plurals() -> dict[str, str]:
    """Each kind's rows counted, in the current language ("tidplansposter"). Written out with tr() so the
    translation source finds them; among the sentences, not the labels (label()), because "avsnitt" is one
    word in Swedish and two in English."""
    from app.i18n import tr

    return {"plan": tr("planer"), "person": tr("personer"), "section": tr("avsnitt"), "goal": tr("mål"),
            "timeline": tr("tidplansposter"), "dependency": tr("beroenden"), "role": tr("roller"),
            "resource": tr("resursrader"), "budget": tr("budgetrader"), "risk": tr("risker"),
            "risk_assessment": tr("riskbedömningar"), "log": tr("loggposter"), "status_report": tr("statusrapporter"),
            "term": tr("begrepp"), "reference": tr("referenser"), "edition": tr("utgåvor")}


def counted(table: str) -> str:
    """A table's rows as a report counts them ("Nya tidplansposter: 3"); an unknown table by its own name."""
    return plurals().get(_KIND_OF_TABLE.get(table, ""), table)
# One row of a table, definite ("tidplanens post"), for messages about that row.
ROW_LABELS: dict[str, str] = {k.model._meta.table_name: k.label for k in KINDS.values()}
# Fields as messages name them ("olika ändringar i titel").
FIELD_LABELS = {
    "title": "titel", "subtitle": "undertitel", "heading": "rubrik", "body": "text", "body_after": "text efter tabellen",
    "text": "text", "measure": "mätetal", "name": "namn", "description": "beskrivning", "start": "start",
    "start_precision": "startens precision", "end": "slut", "end_precision": "slutets precision",
    "status": "status", "progress": "andel klar", "comment": "kommentar", "responsible": "ansvarig",
    "responsible_person_id": "ansvarig person", "position": "ordning", "plan_id": "plan", "parent_id": "överordnad",
    "probability": "sannolikhet", "impact": "konsekvens", "consequence": "följd", "cause": "orsak",
    "mitigation": "åtgärd", "owner": "ägare", "due": "klart senast", "amount": "belopp", "year": "år",
    "note": "anteckning", "notes": "anteckningar", "allocation": "andel av tjänst", "person_id": "person", "unit": "verksamhet",
    "competence": "resurs/kompetens", "diarienummer": "diarienummer", "edition": "utgåva", "authors": "författare",
    "deleted_at": "borttagning", "kind": "typ", "code": "kod", "email": "e-post", "phone": "telefon",
    "organisation": "organisation", "term": "begrepp", "explanation": "förklaring", "label": "utgåva",
    "decision_text": "beslutstext", "decision_choice": "beslut", "decision_comment": "beslutskommentar",
    "decided_by": "beslutat av", "entry_date": "datum", "report_date": "datum", "author": "författare",
    "lag": "förskjutning", "lag_unit": "förskjutningens enhet", "actual_start": "faktisk start",
    "actual_finish": "faktiskt slut", "auto_schedule": "automatisk flytt av efterföljare",
    "predecessor_id": "föregångare", "successor_id": "efterföljare",
    "programme": "program", "version": "version", "doc_type": "dokumenttyp", "assignment": "uppdrag",
    "document_date": "datum", "decision_date": "beslutsdatum", "signature_title": "underskrift av (roll)",
    "signature_name": "namnförtydligande", "signature_date": "datum för underskrift", "level": "nivå",
    "checklist": "checklista", "url": "länk", "number": "nummer", "sum_rule": "summering", "outcome": "utfall",
    "actual": "utfall", "forecast": "prognos", "tertial": "tertial",
    "trend": "trend", "person": "person", "key": "nyckel", "guidance": "vägledning", "content": "tabell",
}
# Neuter nouns among the labels take "ändrat" ("ändrat belopp"), the others "ändrad" ("ändrad titel").
NEUTER_FIELDS = frozenset({"amount", "year", "entry_date", "report_date", "document_date", "decision_date",
                           "signature_date", "measure", "name", "term", "decision_choice", "end", "diarienummer",
                           "number", "programme", "assignment", "outcome", "actual", "tertial"})
# The fields whose text names a row in a message, first found first ("risken ’Personalbrist’").
NAME_FIELDS = ("title", "heading", "term", "name", "competence", "description", "text", "code", "label")


def row_name(row: dict[str, object], limit: int = 40) -> str:
    """The row's own name as a person knows it (its title, heading, term …), shortened to `limit`."""
    text = next((str(row[f]) for f in NAME_FIELDS if row.get(f)), "").split("\n", 1)[0].strip()
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"Okänd typ av uppgift: {name!r}") from None


# Coded values with their Swedish labels (the editor shows the labels).
DOC_TYPE_LABELS = {  # a plan's doc_type; each has a template in app.templates
    "directive": "Uppdragsdirektiv",
    "plan": "Uppdragsplan",
    "project_directive": "Projektdirektiv",
    "project_plan": "Projektplan",
}
DOC_STATUSES = {
    "draft": "Utkast",
    "submitted": "För beslut",
    "approved": "Beslutad",
    "active": "Pågående",
    "completed": "Avslutad",
    "cancelled": "Avbruten",
}
TIMELINE_KINDS = {
    "phase": "Fas",
    "decision_point": "Beslutspunkt",
    "milestone": "Milstolpe",
    "activity": "Aktivitet",
}
TIMELINE_STATUSES = {
    "planned": "Planerad",
    "ongoing": "Pågår",
    "done": "Klar",
    "delayed": "Försenad",
    "cancelled": "Struken",
}
ROLE_KINDS = {
    "orderer": "Beställare",
    "owner": "Uppdragsägare",
    "leader": "Uppdragsledare",
    "steering_group": "Styrgrupp",
    "member": "Uppdragsmedlem",
    "recipient": "Mottagare",
    "stakeholder": "Intressent",
    "resource_owner": "Resursägare",
    "project_group": "Projektgrupp",
    "working_group": "Arbetsgrupp",
    "reference_group": "Referensgrupp",
}
# The Word export names some roles as the seeds do: in the table "Roller ansvar och befogenheter"
# a group of people ("Uppdragsmedlemmar"), in the lines "Uppdragsägare: …" also "Mottagare av resultatet".
ROLE_TABLE_LABELS = {**ROLE_KINDS, "member": "Uppdragsmedlemmar", "stakeholder": "Övriga intressenter"}
ROLE_LIST_LABELS = {**ROLE_TABLE_LABELS, "recipient": "Mottagare av resultatet"}
GOAL_KINDS = {"effect": "Effektmål", "deliverable": "Uppdragsmål"}
BUDGET_KINDS = {"cost": "Kostnad", "financing": "Finansiering"}
BUDGET_SUM_RULES = {"": "Summeras", "shared": "Delad, summeras inte"}
RISK_STATUSES = {"open": "Öppen", "handled": "Hanteras", "closed": "Stängd"}
RISK_TRENDS = {"": "", "up": "Ökande", "flat": "Oförändrad", "down": "Minskande"}
LOG_KINDS = {
    "issue": "Ärende",
    "decision": "Beslut",
    "change": "Ändring",
    "deviation": "Avvikelse",
    "merge": "Sammanslagning",
}
# A dependency's kind (the predecessor's edge, then the successor's) and the unit of its lag.
DEPENDENCY_KINDS = {"FS": "Slut till start", "SS": "Start till start", "FF": "Slut till slut"}
LAG_UNITS = {"day": "arbetsdagar", "week": "veckor"}
REPORT_STATUSES = {"green": "Grön", "yellow": "Gul", "red": "Röd"}
DECISION_CHOICES = {"": "", "yes": "Ja", "no": "Nej"}
# Every `content` kind of docs/plan-format.md (the table a section shows) and its label in the editor.
CONTENT_KINDS = {
    "goals_effect": "Effektmål",
    "goals_deliverable": "Uppdragsmål/projektmål",
    "timeline_phases": "Tidplan (faser och beslutspunkter)",
    "milestones": "Milstolpar och beslutspunkter",
    "activities": "Delaktiviteter",
    "activity_plan": "Aktivitetsplan",
    "gantt": "Tidplan som Gantt-schema",
    "roles_table": "Roller, ansvar och befogenheter (tabell)",
    "roles_list": "Organisation (en rad per roll)",
    "resources": "Resursplan",
    "budget": "Budget (kostnader och finansiering)",
    "budget_cost": "Budget: kostnader",
    "budget_financing": "Budget: finansiering",
    "risks": "Risker",
    "log": "Ärende- och beslutslogg",
    "status_reports": "Statusrapporter",
    "terms": "Definitioner och förkortningar",
    "references": "Referenser/bilagor",
    "decision": "Beslut",
    "decision_points": "Beslutspunkter och beslut",
    "baseline": "Tidplan mot beslutad plan",
}
# The answer to an item of a decision point's checklist ("" not yet answered), and the outcome
# of a decision recorded at a decision point (app.decisions).
CHECKLIST_ANSWERS = {"": "", "ja": "Ja", "nej": "Nej", "ej_aktuellt": "Ej aktuellt"}
DECISION_OUTCOMES = {"": "", "continue": "Fortsätt", "stop": "Avbryt", "redo": "Gör om", "redirect": "Ändra inriktning"}

# What a document calls its roles and its undertaking: a project's documents speak of
# projektägare and projektledare where an assignment's speak of uppdragsägare and uppdragsledare.
PROJECT_DOC_TYPES = frozenset({"project_directive", "project_plan"})
_PROJECT_ROLE_HEADINGS = {
    "owner": "Projektägare",
    "leader": "Projektledare",
    "member": "Projektmedlemmar",
}


def role_heading(kind: str, doc_type: str, *, listed: bool = False) -> str:
    """The role's label in a document of type ``doc_type``: in its table or, ``listed``, as
    the head of a line "Mottagare av resultatet: …" (an unknown kind as written)."""
    if doc_type in PROJECT_DOC_TYPES and kind in _PROJECT_ROLE_HEADINGS:
        return _PROJECT_ROLE_HEADINGS[kind]
    labels = ROLE_LIST_LABELS if listed else ROLE_TABLE_LABELS
    return labels.get(kind) or (kind[:1].upper() + kind[1:])


def undertaking_label(doc_type: str) -> str:
    """ "Projekt" or "Uppdrag": the cover's line naming what the document is about."""
    return "Projekt" if doc_type in PROJECT_DOC_TYPES else "Uppdrag"
