"""Steering models as data: the decision points a plan runs through, with their checklists.

Each model is one TOML file named by its key, shipped under resources/steering_models/ (PPS,
XLPM/PROPS, PROJEKTiL, the local uppdrag model of the directive example, Egen; the templates
name the one a new plan of their document type starts with) or carried by a database file as
its organisation's own (the Setting ``steering_models``: model key → TOML text), so that
everyone who opens the file sees the same models; a file's model replaces a shipped one
with the same key. Every model is validated when it is read and a bad one is refused with
a Swedish message that says which file, point and field. docs/steering-models.md describes
the fields.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from app.i18n import tr
from app.resources import resource_path
from app.setting_keys import FILE_MODELS_KEY

__all__ = [
    "FILE_MODELS_KEY",
    "DecisionPointModel",
    "SteeringModel",
    "SteeringModelError",
    "add_file_model",
    "file_models",
    "model_for",
    "models",
    "parse_model",
    "read_model_file",
    "shipped_models",
]

_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_POINT_KINDS = ("decision_point", "milestone")
_MODEL_FIELDS = {"key", "name", "description", "decision_points"}
_POINT_FIELDS = {"code", "name", "kind", "decides", "documents", "checklist"}
_ORDER = ("pps", "xlpm", "projektil", "local", "egen")  # as the new-plan dialog offers them


class SteeringModelError(ValueError):
    """A model file that cannot be used; ``str(err)`` is a Swedish message for the user."""


@dataclass(frozen=True)
class DecisionPointModel:
    code: str  # BP1, TG2, MS1
    name: str
    kind: str  # decision_point | milestone
    decides: str  # what is decided there
    documents: tuple[str, ...]  # documents normally decided there (the projektplan at PPS BP3)
    checklist: tuple[str, ...]  # "Checklista inför beslut": each answered Ja/Nej/Ej aktuellt with a comment


@dataclass(frozen=True)
class SteeringModel:
    key: str
    name: str
    description: str
    points: tuple[DecisionPointModel, ...]
    source: str = "shipped"  # shipped | file

    def point(self, code: str) -> DecisionPointModel | None:
        return next((p for p in self.points if p.code == code), None)


def _text(where: str, table: dict[str, Any], name: str, *, required: bool = True) -> str:
    value = table.get(name, "")
    if not isinstance(value, str):
        raise SteeringModelError(tr("{where}: fältet ”{name}” ska vara en text.", where=where, name=name))
    value = value.strip()
    if required and not value:
        raise SteeringModelError(tr("{where}: fältet ”{name}” saknas eller är tomt.", where=where, name=name))
    return value


def _texts(where: str, table: dict[str, Any], name: str) -> tuple[str, ...]:
    value = table.get(name, [])
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise SteeringModelError(tr("{where}: fältet ”{name}” ska vara en lista med texter, till exempel "
                                    "{name} = [\"Projektplan\"].", where=where, name=name))
    return tuple(x.strip() for x in value)


def _unknown(where: str, table: dict[str, Any], known: set[str]) -> None:
    extra = sorted(set(table) - known)
    if extra:
        raise SteeringModelError(tr("{where}: okänt fält ”{name}”. Kända fält: {known}.", where=where, name=extra[0],
                                    known=", ".join(sorted(known))))


def parse_model(text: str, origin: str, *, source: str = "shipped") -> SteeringModel:
    """One model from its TOML text; `origin` names it in messages (a file name, whose stem is the
    model's key unless the file says `key = "..."`)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        at = re.search(r"line (\d+), column (\d+)", str(err))
        where = tr(" på rad {line}, kolumn {column}", line=at[1], column=at[2]) if at else ""
        raise SteeringModelError(tr("Styrmodellen i ”{origin}” går inte att läsa: fel i TOML-formatet{where}.",
                                    origin=origin, where=where)) from None
    where = tr("Styrmodellen i ”{origin}”", origin=origin)
    _unknown(where, data, _MODEL_FIELDS)
    key = _text(where, data, "key", required=False) or Path(origin).stem
    if not _KEY.fullmatch(key):
        raise SteeringModelError(tr("{where}: nyckeln ”{key}” får bara innehålla små bokstäver a–z, siffror, - och _; "
                                    "döp om filen eller skriv till exempel key = \"region\".", where=where, key=key))
    name = _text(where, data, "name")
    description = _text(where, data, "description", required=False)
    raw_points = data.get("decision_points", [])
    if not isinstance(raw_points, list):
        raise SteeringModelError(tr("{where}: beslutspunkterna skrivs som [[decision_points]]-tabeller.", where=where))
    points: list[DecisionPointModel] = []
    for i, raw in enumerate(raw_points, 1):
        pwhere = tr("{where}, beslutspunkt {point}", where=where, point=i)
        if not isinstance(raw, dict):
            raise SteeringModelError(tr("{where}: ska vara en [[decision_points]]-tabell.", where=pwhere))
        _unknown(pwhere, raw, _POINT_FIELDS)
        code = _text(pwhere, raw, "code")
        pwhere = tr("{where}, beslutspunkt {point}", where=where, point=code)
        if any(p.code == code for p in points):
            raise SteeringModelError(tr("{where}: koden finns redan i modellen; varje punkt behöver en egen kod.",
                                        where=pwhere))
        kind = _text(pwhere, raw, "kind", required=False) or (
            "milestone" if code.upper().startswith("MS") else "decision_point")
        if kind not in _POINT_KINDS:
            raise SteeringModelError(tr("{where}: ”kind” ska vara decision_point eller milestone, inte ”{kind}”.",
                                        where=pwhere, kind=kind))
        points.append(DecisionPointModel(
            code=code, name=_text(pwhere, raw, "name"), kind=kind, decides=_text(pwhere, raw, "decides"),
            documents=_texts(pwhere, raw, "documents"), checklist=_texts(pwhere, raw, "checklist"),
        ))
    return SteeringModel(key=key, name=name, description=description, points=tuple(points), source=source)


def read_model_file(path: Path) -> SteeringModel:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SteeringModelError(tr("Filen ”{name}” går inte att läsa: {why}.", name=Path(path).name,
                                    why=err.strerror or err)) from None
    return parse_model(text, Path(path).name)


@cache
def shipped_models() -> dict[str, SteeringModel]:
    """The models under resources/steering_models/, in the order the new-plan dialog offers them."""
    out: dict[str, SteeringModel] = {}
    for path in sorted(resource_path("steering_models").glob("*.toml")):
        model = read_model_file(path)
        if model.key in out:
            raise SteeringModelError(tr("Två styrmodeller har nyckeln ”{key}” ({name}).", key=model.key, name=path.name))
        out[model.key] = model
    return {k: out[k] for k in sorted(out, key=lambda k: (_ORDER.index(k) if k in _ORDER else len(_ORDER), k))}


def file_models(ws: Any) -> dict[str, SteeringModel]:
    """The organisation's own models stored in the open file; a damaged one is skipped, not fatal."""
    stored = ws.setting(FILE_MODELS_KEY, {})
    out: dict[str, SteeringModel] = {}
    if not isinstance(stored, dict):
        return out
    for key, text in stored.items():
        try:
            model = parse_model(text if isinstance(text, str) else "", f"filens modell {key}", source="file")
        except SteeringModelError:
            continue
        out[model.key] = model
    return out


def models(ws: Any | None = None) -> dict[str, SteeringModel]:
    """Every model the file offers: the shipped ones, replaced or joined by the file's own."""
    out = dict(shipped_models())
    if ws is not None:
        out.update(file_models(ws))
    return out


def model_for(ws: Any | None, key: str) -> SteeringModel:
    found = models(ws).get(key)
    if found is None:
        known = ", ".join(f"{m.key} ({m.name})" for m in models(ws).values())
        raise SteeringModelError(tr("Det finns ingen styrmodell som heter ”{key}”. Välj en av: {known}.", key=key,
                                    known=known))
    return found


def add_file_model(ws: Any, path: Path) -> SteeringModel:
    """Read an organisation's model file into the open file (replacing its model with the same key)."""
    model = read_model_file(path)
    text = Path(path).read_text(encoding="utf-8")
    if not re.search(r"(?m)^key\s*=", text):  # stored apart from its file name: keep the key in the text
        text = f'key = "{model.key}"\n' + text
    stored = ws.setting(FILE_MODELS_KEY, {})
    stored = dict(stored) if isinstance(stored, dict) else {}
    stored[model.key] = text
    ws.set_setting(FILE_MODELS_KEY, stored)
    return model
