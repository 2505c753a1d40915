"""Templates as data: resources/templates/*.toml and resources/steering_models/*.toml, read by app/templates.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from app import kinds, templates
from app.resources import resource_path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the template files that a test may change and read with read_templates."""
    for folder in ("templates", "steering_models"):
        shutil.copytree(resource_path(folder), tmp_path / folder)
    return tmp_path


def test_one_template_file_a_document_type() -> None:
    files = {p.stem for p in resource_path("templates").glob("*.toml")} - {"shared_sections"}
    assert files == set(kinds.DOC_TYPE_LABELS)
    assert list(templates.TEMPLATES) == list(kinds.DOC_TYPE_LABELS)


def test_shared_sections_are_taken_by_reference() -> None:
    shared = tomllib.loads(resource_path("templates", "shared_sections.toml").read_text(encoding="utf-8"))
    used = set()
    for doc_type in kinds.DOC_TYPE_LABELS:
        text = resource_path("templates", f"{doc_type}.toml").read_text(encoding="utf-8")
        used |= {row["use"] for row in tomllib.loads(text)["sections"] if "use" in row}
    assert used == set(shared), "every shared section is used, and only those"
    risks = [s for t in templates.TEMPLATES.values() for s in t.sections if s.key == "risks"]
    assert len(risks) == 4 and len(set(risks)) == 1  # one definition, four templates
    # Fields beside `use` change that template's copy only.
    scope = {k: next(s for s in t.sections if s.key == "scope") for k, t in templates.TEMPLATES.items()}
    assert (scope["directive"].heading, scope["directive"].level) == ("Avgränsningar", 2)
    assert (scope["project_plan"].heading, scope["project_plan"].level) == ("Omfattning och avgränsningar", 1)
    assert scope["directive"].guidance == scope["project_plan"].guidance


def test_templates_share_steering_models() -> None:
    t = templates.TEMPLATES
    assert t["directive"].decision_points is t["plan"].decision_points
    assert [p.code for p in t["directive"].decision_points] == ["BP0", "BP1", "MS1", "BP2", "BP3"]
    assert t["project_directive"].decision_points is t["project_plan"].decision_points
    assert [p.code for p in t["project_plan"].decision_points] == [f"BP{n}" for n in range(1, 9)]


def test_checking_rows_does_not_read_the_templates() -> None:
    """The start of the app validates plans and sections: that takes the labels from app.kinds alone."""
    code = ("import sys, app.validation as v; "
            "v.validate('plan', {'title': 'x', 'doc_type': 'plan', 'status': 'draft', 'decision_choice': ''}); "
            "v.validate('section', {'heading': 'x', 'level': 1, 'content': 'risks'}); "
            "print('app.templates' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("templates/plan.toml", 'use = "risks"', 'use = "riskerna"', "inget gemensamt avsnitt ”riskerna”"),
        ("templates/plan.toml", 'key = "purpose"', 'key = "purpose"\nrubrik = "x"', "okänt fält ”rubrik”"),
        ("templates/plan.toml", 'key = "purpose"', 'key = "purpose"\nlevel = 3', "level: ska vara 1 eller 2"),
        ("templates/plan.toml", 'key = "purpose"', 'key = "purpose"\nnumbered = 1', "numbered: fel typ"),
        ("templates/plan.toml", 'content = "resources"', 'content = "resurser"', "okänt innehåll ”resurser”"),
        ("templates/plan.toml", 'heading = "Syfte"', "", "fält saknas: heading"),
        ("templates/directive.toml", 'steering_model = "local"', 'steering_model = 1', "ska vara text"),
        ("templates/directive.toml", 'steering_model = "local"', 'steering_model = "saknas"', "saknas.toml kan inte läsas"),
        ("steering_models/pps.toml", 'code = "BP4"', 'kod = "BP4"', "okänt fält ”kod”"),
        ("templates/shared_sections.toml", "[risks]", "[risks", "shared_sections.toml kan inte läsas"),
    ],
)
def test_a_fault_in_the_data_is_named_with_its_place(data: Path, file: str, old: str, new: str, expected: str) -> None:
    _edit(data / file, old, new)
    with pytest.raises(templates.TemplateDataError, match=expected):
        templates.read_templates(data)


def test_a_section_added_to_the_data_reaches_the_template(data: Path) -> None:
    _edit(data / "templates" / "directive.toml", '[[sections]]\nkey = "communication"',
          '[[sections]]\nkey = "decision"\nheading = "Beslut"\ncontent = "decision"\n\n'
          '[[sections]]\nkey = "communication"')
    keys = [s.key for s in templates.read_templates(data)["directive"].sections]
    assert keys[keys.index("decision") + 1] == "communication"
