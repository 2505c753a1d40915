"""The kinds of rows a plan is made of, and the vocabulary of their coded values.

Services, the JSON format and the editor all refer to rows by these kind
names ("timeline", "role", …), so the mapping from a kind to its model and to
its vague-date fields lives in this one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from db import models


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[models.UserRow]
    label: str  # Swedish, for messages
    vague_fields: tuple[str, ...] = ()  # fields stored as <name> + <name>_precision
    day_fields: tuple[str, ...] = ()  # plain dates (always day precision)
    in_plan: bool = True  # has `plan` and `position`


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("plan", models.Plan, "planen", ("document_date", "decision_date", "signature_date"), in_plan=False),
        Kind("person", models.Person, "personen", in_plan=False),
        Kind("section", models.Section, "avsnittet"),
        Kind("goal", models.Goal, "målet"),
        Kind("timeline", models.TimelineItem, "tidplanens post", ("start", "end")),
        Kind("dependency", models.Dependency, "beroendet", in_plan=False),
        Kind("role", models.Role, "rollen", ("start", "end")),
        Kind("resource", models.ResourceLine, "resursen", ("start", "end")),
        Kind("budget", models.BudgetLine, "budgetraden"),
        Kind("risk", models.Risk, "risken", ("due",)),
        Kind("risk_assessment", models.RiskAssessment, "riskbedömningen", day_fields=("assessed_on",), in_plan=False),
        Kind("log", models.LogEntry, "loggposten", day_fields=("entry_date",)),
        Kind("status_report", models.StatusReport, "statusrapporten", day_fields=("report_date",)),
        Kind("term", models.Term, "begreppet"),
        Kind("reference", models.Reference, "referensen"),
        Kind("edition", models.Edition, "utgåvan", day_fields=("edition_date",)),
    )
}


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
}
GOAL_KINDS = {"effect": "Effektmål", "deliverable": "Uppdragsmål"}
BUDGET_KINDS = {"cost": "Kostnad", "financing": "Finansiering"}
RISK_STATUSES = {"open": "Öppen", "handled": "Hanteras", "closed": "Stängd"}
RISK_TRENDS = {"": "", "up": "Ökande", "flat": "Oförändrad", "down": "Minskande"}
LOG_KINDS = {
    "issue": "Ärende",
    "decision": "Beslut",
    "change": "Ändring",
    "deviation": "Avvikelse",
    "merge": "Sammanslagning",
}
REPORT_STATUSES = {"green": "Grön", "yellow": "Gul", "red": "Röd"}
DECISION_CHOICES = {"": "", "yes": "Ja", "no": "Nej"}
# The outcome of a decision recorded at a decision point (app.decisions).
DECISION_OUTCOMES = {"": "", "continue": "Fortsätt", "stop": "Avbryt", "redo": "Gör om", "redirect": "Ändra inriktning"}
