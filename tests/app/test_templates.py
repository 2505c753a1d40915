"""Templates (app/templates.py): the directive and plan templates have the sections of the two
seed documents in shared/seeds; the project templates those of the PPS model.
The example plans made from the seeds are tested in test_template_examples.py.
"""

from __future__ import annotations

import re

import pytest

from app.templates import (
    CONTENT_KINDS,
    DOC_TYPE_LABELS,
    TEMPLATES,
    DecisionPointTemplate,
    SectionTemplate,
    Template,
    get_template,
)

# (heading, level, numbered) in the order of the seed uppdragsdirektiv (Region Västerbotten),
# with generic headings where the seed's are specific to the document.
DIRECTIVE_HEADINGS = [
    ("Sammanfattning", 1, False),
    ("Bakgrund", 1, True),
    ("Idé", 2, True),
    ("Mål och verksamhetsnytta", 1, True),
    ("Effektmål", 2, True),
    ("Uppdragsmål", 2, True),
    ("Krav på uppdraget", 1, True),
    ("Förutsättningar", 2, True),
    ("Avgränsningar", 2, True),
    ("Kopplingar och beroenden", 1, True),
    ("Tidplan", 1, True),
    ("Budget", 1, True),
    ("Kostnader", 2, True),
    ("Finansiering", 2, True),
    ("Risker", 1, True),
    ("Organisation", 1, True),
    ("Planering", 1, True),
    ("Milstolpar", 2, True),
    ("Delaktiviteter", 2, True),
    ("Kommunikation", 1, True),
    ("Återrapportering", 2, True),
    ("Överlämning", 1, True),
    ("Definitioner och förkortningar", 1, False),
    ("Beslut", 1, False),
]
DIRECTIVE_CONTENT = {
    "Effektmål": "goals_effect",
    "Uppdragsmål": "goals_deliverable",
    "Tidplan": "timeline_phases",
    "Kostnader": "budget_cost",
    "Finansiering": "budget_financing",
    "Risker": "risks",
    "Organisation": "roles_list",
    "Milstolpar": "milestones",
    "Delaktiviteter": "activities",
    "Definitioner och förkortningar": "terms",
    "Beslut": "decision",
}

# The seed uppdragsplan (Region Örebro län).
PLAN_HEADINGS = [
    ("Syfte med uppdragsplanen", 1, False),
    ("Bakgrund/inledning", 1, True),
    ("Syfte", 1, True),
    ("Mål", 1, True),
    ("Krav på uppdraget", 1, True),
    ("Förutsättningar", 2, True),
    ("Avgränsningar", 2, True),
    ("Uppdragsorganisation", 1, True),
    ("Roller ansvar och befogenheter", 2, True),
    ("Aktivitetsplan", 1, True),
    ("Resursplan", 1, True),
    ("Budget", 1, True),
    ("Kommunikation", 1, True),
    ("Rapportering inom uppdragsorganisationen", 2, True),
    ("Ändringar och avvikelser från plan", 2, True),
    ("Kommunikation med intressenter/resurser", 2, True),
    ("Budskap/Budskapsplattform", 2, True),
    ("Risker", 1, True),
    ("Uppdragsavslut", 1, True),
    ("Referenser/bilagor", 1, True),
    ("Beslut uppdragsplan", 1, True),
]
PLAN_CONTENT = {
    "Roller ansvar och befogenheter": "roles_table",
    "Aktivitetsplan": "activity_plan",
    "Resursplan": "resources",
    "Budget": "budget",
    "Risker": "risks",
    "Referenser/bilagor": "references",
    "Beslut uppdragsplan": "decision",
}

# The content kinds of docs/plan-format.md.
DOCUMENTED_CONTENT_KINDS = {
    "goals_effect", "goals_deliverable", "timeline_phases", "milestones", "activities",
    "activity_plan", "gantt", "roles_table", "roles_list", "resources", "budget", "budget_cost",
    "budget_financing", "risks", "log", "status_reports", "terms", "references", "decision", "decision_points",
    "baseline",
}


# --- Templates ------------------------------------------------------------------------


def test_template_keys_and_labels():
    assert list(TEMPLATES) == ["directive", "plan", "project_directive", "project_plan"]
    assert DOC_TYPE_LABELS == {
        "directive": "Uppdragsdirektiv",
        "plan": "Uppdragsplan",
        "project_directive": "Projektdirektiv",
        "project_plan": "Projektplan",
    }
    for key, template in TEMPLATES.items():
        assert isinstance(template, Template)
        assert template.key == key == template.doc_type
        assert template.name == DOC_TYPE_LABELS[key]
        assert get_template(key) is template


def test_get_template_unknown_key_is_a_swedish_value_error():
    with pytest.raises(ValueError, match="Det finns ingen mall som heter ”okänd”"):
        get_template("okänd")
    with pytest.raises(ValueError):
        get_template(None)  # type: ignore[arg-type]


def test_templates_are_frozen():
    section = TEMPLATES["directive"].sections[0]
    with pytest.raises(AttributeError):
        section.heading = "Annat"  # type: ignore[misc]
    assert isinstance(TEMPLATES["directive"].sections, tuple)


def test_directive_template_has_the_seed_sections_in_order():
    sections = TEMPLATES["directive"].sections
    assert [(s.heading, s.level, s.numbered) for s in sections] == DIRECTIVE_HEADINGS
    assert {s.heading: s.content for s in sections if s.content} == DIRECTIVE_CONTENT
    assert sections[0].optional  # Sammanfattning


def test_plan_template_has_the_seed_sections_in_order():
    sections = TEMPLATES["plan"].sections
    assert [(s.heading, s.level, s.numbered) for s in sections] == PLAN_HEADINGS
    assert {s.heading: s.content for s in sections if s.content} == PLAN_CONTENT


def test_directive_and_plan_signature_and_decision():
    directive, plan = TEMPLATES["directive"], TEMPLATES["plan"]
    assert directive.signature_title == "Uppdragsägare"
    assert plan.decision_text == "Beslut att godkänna uppdragsplanen och starta genomförandefasen"
    assert [(p.code, p.name) for p in directive.decision_points] == [
        ("BP0", "Beredande av uppdragsdirektiv"),
        ("BP1", "Start av uppdraget"),
        ("MS1", "Avstämning status delaktiviteter"),
        ("BP2", "Delaktiviteter slutförda"),
        ("BP3", "Leverans till uppdragsägare"),
    ]


def test_project_templates_use_pps_decision_points():
    for key in ("project_directive", "project_plan"):
        template = TEMPLATES[key]
        assert [p.code for p in template.decision_points] == [f"BP{i}" for i in range(1, 9)]
        assert template.decision_text and template.signature_title
        assert template.sections[-1].content == "decision"


def test_project_templates_have_the_pps_sections():
    directive = {s.key for s in TEMPLATES["project_directive"].sections}
    plan = {s.key for s in TEMPLATES["project_plan"].sections}
    assert {"background", "purpose", "project_goals", "scope", "prerequisites", "timeline", "budget",
            "organisation", "risks", "dependencies", "reporting", "terms", "references",
            "decision"} == directive
    assert directive - {"reporting"} <= plan
    contents = {s.content for s in TEMPLATES["project_plan"].sections}
    assert {"activity_plan", "gantt", "resources", "log", "status_reports", "goals_effect",
            "goals_deliverable", "milestones", "roles_table"} <= contents


def test_content_kinds_are_those_of_the_format():
    assert set(CONTENT_KINDS) == DOCUMENTED_CONTENT_KINDS
    assert all(label.strip() for label in CONTENT_KINDS.values())


@pytest.mark.parametrize("key", list(TEMPLATES))
def test_template_sections_are_well_formed(key):
    template = TEMPLATES[key]
    keys = [s.key for s in template.sections]
    assert len(keys) == len(set(keys)), "section keys must be unique"
    assert all(isinstance(s, SectionTemplate) for s in template.sections)
    assert template.sections[0].level == 1
    for s in template.sections:
        assert re.fullmatch(r"[a-z][a-z_]*", s.key)
        assert s.heading.strip() == s.heading and s.heading
        assert s.level in (1, 2)
        assert s.content == "" or s.content in CONTENT_KINDS, s.content
        assert len(s.guidance.strip()) >= 30, f"{key}.{s.key} needs guidance"
        assert s.guidance.count(".") <= 4, f"{key}.{s.key}: guidance should be 1–3 sentences"
        if s.empty_text:
            assert s.optional, f"{key}.{s.key}: empty_text only makes sense on an optional section"
    tables = [s.content for s in template.sections if s.content]
    assert len(tables) == len(set(tables)), "one section per table"
    codes = [p.code for p in template.decision_points]
    assert len(codes) == len(set(codes))
    assert all(isinstance(p, DecisionPointTemplate) and p.name and p.decides for p in template.decision_points)


def test_optional_sections_say_ej_tillampligt_where_custom():
    directive = {s.key: s for s in TEMPLATES["directive"].sections}
    assert directive["financing"].empty_text == "Ej tillämpligt"
    assert directive["dependencies"].empty_text == "Ej tillämpligt"
    assert directive["summary"].empty_text == ""
    plan = {s.key: s for s in TEMPLATES["plan"].sections}
    assert plan["references"].empty_text == "Ej tillämpligt"
