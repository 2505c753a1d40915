"""Document templates: the sections, decision points and signature block of each document type.

A template is data: resources/templates/<doc_type>.toml says which sections a new plan
gets (in order, with heading, level, numbering and the table each section shows), the
help text shown in the editor, the steering model whose decision points it gets
(resources/steering_models/<name>.toml) and the decision/signature block. Sections that
several templates share live once in resources/templates/shared_sections.toml and are
taken by reference (`use = "NAME"`). A plan copies all of this when it is created and may
then add, rename, move or drop anything.

- ``directive`` follows the uppdragsdirektiv in ``shared/seeds`` (Region Västerbotten,
  a local model BP0–BP3 with a status milestone MS1);
- ``plan`` follows the uppdragsplan in ``shared/seeds`` (Region Örebro län);
- ``project_directive`` and ``project_plan`` follow the usual PPS/Projektil layout with
  the PPS decision points BP1–BP8.

The ``content`` kinds are those of docs/plan-format.md; ``""`` means a section of text only.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from app import kinds
from app.resources import resources_dir

__all__ = [
    "CONTENT_KINDS",
    "DOC_TYPE_LABELS",
    "TEMPLATES",
    "DecisionPointTemplate",
    "SectionTemplate",
    "Template",
    "TemplateDataError",
    "get_template",
]


@dataclass(frozen=True)
class SectionTemplate:
    key: str
    heading: str
    level: int = 1
    numbered: bool = True
    content: str = ""
    guidance: str = ""
    optional: bool = False
    empty_text: str = ""


@dataclass(frozen=True)
class DecisionPointTemplate:
    """A decision point (BP…) or milestone (MS…) of a steering model: what is decided there."""

    code: str
    name: str
    decides: str


@dataclass(frozen=True)
class Template:
    key: str
    doc_type: str
    name: str
    sections: tuple[SectionTemplate, ...]
    decision_points: tuple[DecisionPointTemplate, ...]
    signature_title: str
    decision_text: str
    steering_model: str = ""  # key of the steering model a new plan of this type starts with


# The labels live with the other coded values, where the plan list finds them without loading this.
DOC_TYPE_LABELS: dict[str, str] = kinds.DOC_TYPE_LABELS
CONTENT_KINDS: dict[str, str] = kinds.CONTENT_KINDS


class TemplateDataError(ValueError):
    """A template or steering model file that does not say what the app needs (a fault in the shipped data)."""


def _read(resources: Path, *parts: str) -> dict[str, Any]:
    try:
        with resources.joinpath(*parts).open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TemplateDataError(f"Mallfilen {'/'.join(parts)} kan inte läsas: {exc}") from None


def _fields(cls: type, row: Any, where: str, required: tuple[str, ...]) -> dict[str, Any]:
    """`row` checked against the fields of `cls`: known names, the type of each default, the required ones there."""
    if not isinstance(row, dict):
        raise TemplateDataError(f"{where}: ska vara en tabell")
    types = {f.name: type(f.default) if f.name not in required else str for f in fields(cls)}
    for name, value in row.items():
        if name not in types:
            raise TemplateDataError(f"{where}: okänt fält ”{name}”")
        if type(value) is not types[name]:
            raise TemplateDataError(f"{where}.{name}: fel typ ({type(value).__name__})")
    missing = [name for name in required if name not in row]
    if missing:
        raise TemplateDataError(f"{where}: fält saknas: {', '.join(missing)}")
    return row


def _section(row: Any, shared: dict[str, Any], where: str) -> SectionTemplate:
    if isinstance(row, dict) and "use" in row:
        row = dict(row)
        name = row.pop("use")
        if not isinstance(shared.get(name), dict):
            raise TemplateDataError(f"{where}.use: det finns inget gemensamt avsnitt ”{name}”")
        row = {**shared[name], **row}
    section = SectionTemplate(**_fields(SectionTemplate, row, where, ("key", "heading")))
    if section.level not in (1, 2):
        raise TemplateDataError(f"{where}.level: ska vara 1 eller 2")
    if section.content and section.content not in CONTENT_KINDS:
        raise TemplateDataError(f"{where}.content: okänt innehåll ”{section.content}”")
    return section


def _steering_model(resources: Path, name: str) -> tuple[DecisionPointTemplate, ...]:
    """The decision points of a steering model (steering_models/<name>.toml, read by app.steering), in order."""
    from app.steering import SteeringModelError, read_model_file

    path = resources.joinpath("steering_models", f"{name}.toml")
    if not path.is_file():
        raise TemplateDataError(f"Mallfilen steering_models/{name}.toml kan inte läsas: filen finns inte")
    try:
        model = read_model_file(path)
    except SteeringModelError as exc:
        raise TemplateDataError(str(exc)) from None
    return tuple(DecisionPointTemplate(p.code, p.name, p.decides) for p in model.points)


def _template(resources: Path, doc_type: str, shared: dict[str, Any],
              models: dict[str, tuple[DecisionPointTemplate, ...]]) -> Template:
    """The template whose key is the document type ``doc_type``."""
    data = _read(resources, "templates", f"{doc_type}.toml")
    where = f"templates/{doc_type}.toml"
    head = {k: v for k, v in data.items() if k != "sections"}
    unknown = set(head) - {"steering_model", "signature_title", "decision_text"}
    if unknown or not all(isinstance(v, str) for v in head.values()) or "steering_model" not in head:
        raise TemplateDataError(f"{where}: steering_model, signature_title och decision_text ska vara text")
    model = head["steering_model"]
    if model not in models:  # templates that name the same model share its decision points
        models[model] = _steering_model(resources, model)
    sections = tuple(_section(row, shared, f"{where}: sections[{i}]") for i, row in enumerate(data.get("sections", [])))
    return Template(key=doc_type, doc_type=doc_type, name=DOC_TYPE_LABELS[doc_type], sections=sections,
                    decision_points=models[model], signature_title=head.get("signature_title", ""),
                    decision_text=head.get("decision_text", ""), steering_model=model)


def read_templates(resources: Path) -> dict[str, Template]:
    """Every template, one a document type, in the order of DOC_TYPE_LABELS, from the files under
    `resources` (templates/ and steering_models/)."""
    shared = _read(resources, "templates", "shared_sections.toml")
    models: dict[str, tuple[DecisionPointTemplate, ...]] = {}
    return {doc_type: _template(resources, doc_type, shared, models) for doc_type in DOC_TYPE_LABELS}


# Read when the module is first imported: the start of the app does not import it (the labels are in app.kinds).
TEMPLATES: dict[str, Template] = read_templates(resources_dir())


def get_template(key: str) -> Template:
    """The template called ``key``; an unknown key gives a ValueError with a Swedish message."""
    try:
        return TEMPLATES[key]
    except (KeyError, TypeError):
        known = ", ".join(f"{k} ({DOC_TYPE_LABELS[k]})" for k in TEMPLATES)
        from app.i18n import tr

        raise ValueError(tr("Det finns ingen mall som heter ”{key}”. Välj en av: {known}.", key=key, known=known)) from None
