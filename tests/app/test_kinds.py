"""One vocabulary (app/kinds.py): the plan schema's enums are its codes, and every table has a label."""

from __future__ import annotations

import json
from typing import Any

from app import kinds
from app.resources import resource_path
from db import models

# Where each coded value lives in the plan file, and the vocabulary that names its codes.
SCHEMA_VOCABULARY = {
    "doc_type": kinds.DOC_TYPE_LABELS,
    "metadata.status": kinds.DOC_STATUSES,
    "goals[].kind": kinds.GOAL_KINDS,
    "timeline[].kind": kinds.TIMELINE_KINDS,
    "timeline[].status": kinds.TIMELINE_STATUSES,
    "organisation.roles[].kind": kinds.ROLE_KINDS,
    "budget[].kind": kinds.BUDGET_KINDS,
    "budget[].sum_rule": kinds.BUDGET_SUM_RULES,
    "risks[].status": kinds.RISK_STATUSES,
    "risks[].trend": kinds.RISK_TRENDS,
    "log[].kind": kinds.LOG_KINDS,
    "status_reports[].status": kinds.REPORT_STATUSES,
    "decision.choice": kinds.DECISION_CHOICES,
    "log[].outcome": kinds.DECISION_OUTCOMES,
    "timeline[].checklist[].answer": kinds.CHECKLIST_ANSWERS,
    "timeline[].depends_on[].kind": kinds.DEPENDENCY_KINDS,
    "timeline[].depends_on[].lag_unit": kinds.LAG_UNITS,
}
NOT_VOCABULARY = {"sections[].level", "format_version"}  # numbers, not coded values


def _enums(schema: Any, path: str = "") -> dict[str, list[Any]]:
    """{path in the plan file: the enum's values} for every enum in the schema."""
    found: dict[str, list[Any]] = {}
    if isinstance(schema, dict):
        if "enum" in schema:
            found[path] = schema["enum"]
        for key, sub in schema.get("properties", {}).items():
            found |= _enums(sub, f"{path}.{key}" if path else key)
        if "items" in schema:
            found |= _enums(schema["items"], f"{path}[]")
        for sub in schema.get("anyOf", ()):
            found |= _enums(sub, path)
    return found


def test_the_plan_schemas_enums_are_the_vocabularys_codes() -> None:
    schema = json.loads(resource_path("plan.schema.json").read_text(encoding="utf-8"))
    enums = _enums(schema)
    assert set(enums) - NOT_VOCABULARY == set(SCHEMA_VOCABULARY)
    for path, vocabulary in SCHEMA_VOCABULARY.items():
        assert enums[path] == list(vocabulary), path  # the same codes, in the same order


def test_every_table_of_user_rows_has_a_kind_and_a_label() -> None:
    tables = {m._meta.table_name for m in models.MODELS if issubclass(m, models.UserRow)}
    assert set(kinds.TABLE_LABELS) == tables
    assert all(label and label == label.lower() for label in kinds.TABLE_LABELS.values())
    assert kinds.TABLE_LABELS["timeline_item"] == "tidplanspost"


def test_every_kind_is_counted_in_the_plural() -> None:
    plurals = kinds.plurals()
    assert set(plurals) == set(kinds.KINDS)
    assert kinds.counted("timeline_item") == "tidplansposter" and kinds.counted("risk") == "risker"
    assert kinds.counted("avsnitt_som_inte_finns") == "avsnitt_som_inte_finns"


def test_the_exports_role_labels_derive_from_the_editors() -> None:
    assert set(kinds.ROLE_TABLE_LABELS) == set(kinds.ROLE_LIST_LABELS) == set(kinds.ROLE_KINDS)
    assert kinds.ROLE_TABLE_LABELS["owner"] == kinds.ROLE_KINDS["owner"] == "Uppdragsägare"
    assert kinds.ROLE_TABLE_LABELS["member"] == "Uppdragsmedlemmar"
    assert kinds.ROLE_TABLE_LABELS["recipient"] == "Mottagare"
    assert kinds.ROLE_LIST_LABELS["recipient"] == "Mottagare av resultatet"


def test_the_exports_take_their_labels_from_the_vocabulary() -> None:
    from app.export import docx_people, docx_properties, docx_registers

    assert docx_properties.STATUS_LABELS is kinds.DOC_STATUSES
    assert docx_people.kinds.role_heading is kinds.role_heading
    for kind in kinds.ROLE_KINDS:  # an assignment's document: the seeds' labels; a project's: its own
        assert kinds.role_heading(kind, "plan") == kinds.ROLE_TABLE_LABELS[kind]
        assert kinds.role_heading(kind, "directive", listed=True) == kinds.ROLE_LIST_LABELS[kind]
    assert kinds.role_heading("owner", "project_plan") == "Projektägare"
    assert docx_registers.LOG_KINDS is kinds.LOG_KINDS
    assert {code: label for code, (label, _shade) in docx_registers.STATUS_COLOURS.items()} == kinds.REPORT_STATUSES
