"""The risk register: the file's risk scale and levels, assessments with history, the matrix.

A risk is scored for probability (sannolikhet) and consequence (konsekvens) on
the file's scale, 1–4 by default (Socialstyrelsen's handbook) or 1–5. Its risk
value is the product of the two, coloured green, yellow or red by thresholds
the file keeps. Every assessment made here updates the risk and appends a
`RiskAssessment` row, so the history shows how a risk has moved; the returned
`Change` carries what an undo needs.

No Qt here: the GUI's risk panel and the exports read the same plain tuples.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from app.dates import VagueDate
from app.i18n import tr
from app.kinds import RISK_STATUSES, RISK_TRENDS
from app.setting_keys import RISK_LEVELS_KEY as LEVELS_KEY
from app.setting_keys import RISK_SCALE_KEY
from app.validation import ValidationError
from app.workspace import Change, Workspace
from db import models

__all__ = [
    "DEFAULT_LEVELS",
    "SCALES",
    "AssessmentRow",
    "RiskRow",
    "RiskSettings",
    "assess",
    "assessment_rows",
    "change_scale",
    "counts_of",
    "default_settings",
    "in_cell",
    "load_settings",
    "matrix_counts",
    "reapply_assessment",
    "rescale",
    "revert_assessment",
    "revert_scale",
    "risk_rows",
    "risk_value",
    "save_settings",
]

SCALES = (4, 5)

# Swedish level names (index 0 is score 1) and colour thresholds on the risk value.
DEFAULT_LEVELS: dict[int, dict[str, Any]] = {
    4: {
        "probability": ["Mycket liten", "Liten", "Stor", "Mycket stor"],
        "impact": ["Mindre", "Måttlig", "Betydande", "Katastrofal"],
        "yellow": 4,  # value 4–7 yellow
        "red": 8,  # value 8–16 red
    },
    5: {
        "probability": ["Mycket liten", "Liten", "Måttlig", "Stor", "Mycket stor"],
        "impact": ["Försumbar", "Mindre", "Måttlig", "Betydande", "Katastrofal"],
        "yellow": 5,
        "red": 12,
    },
}

GREEN, YELLOW, RED = "green", "yellow", "red"
LEVEL_NAMES = {GREEN: "Låg", YELLOW: "Medel", RED: "Hög"}


# --- settings ---------------------------------------------------------------


@dataclass(frozen=True)
class RiskSettings:
    """The file's risk scale, the Swedish name of every level, and the colour thresholds."""

    scale: int
    probability_labels: tuple[str, ...]
    impact_labels: tuple[str, ...]
    yellow_from: int  # lowest risk value shown yellow
    red_from: int  # lowest risk value shown red

    def level(self, value: int | None) -> str | None:
        """"green", "yellow" or "red" for a risk value; None for an unscored risk."""
        if value is None:
            return None
        if value >= self.red_from:
            return RED
        if value >= self.yellow_from:
            return YELLOW
        return GREEN

    def probability_label(self, score: int | None) -> str:
        return _label(self.probability_labels, score)

    def impact_label(self, score: int | None) -> str:
        return _label(self.impact_labels, score)

    def problems(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if self.scale not in SCALES:
            out.append(("scale", tr("Skalan måste vara 4 eller 5 (fick {scale}).", scale=self.scale)))
            return out
        for name, labels, said in (
                ("probability_labels", self.probability_labels,
                 tr("Ange en benämning för varje nivå av sannolikhet (1–{scale}).", scale=self.scale)),
                ("impact_labels", self.impact_labels,
                 tr("Ange en benämning för varje nivå av konsekvens (1–{scale}).", scale=self.scale))):
            if len(labels) != self.scale or any(not str(x).strip() for x in labels):
                out.append((name, said))
        top = self.scale * self.scale
        if not 1 < self.yellow_from <= self.red_from <= top:
            out.append(("yellow_from", tr("Gränserna måste uppfylla 1 < gul ≤ röd ≤ {top} (fick gul {yellow}, röd {red}).",
                                          top=top, yellow=self.yellow_from, red=self.red_from)))
        return out


def _label(labels: tuple[str, ...], score: int | None) -> str:
    if score is None or not 1 <= score <= len(labels):
        return ""
    return labels[score - 1]


def default_settings(scale: int = 4) -> RiskSettings:
    d = DEFAULT_LEVELS[scale]
    return RiskSettings(scale, tuple(d["probability"]), tuple(d["impact"]), d["yellow"], d["red"])


def load_settings(ws: Workspace, scale: int | None = None) -> RiskSettings:
    """The file's settings (for its own scale, or for `scale`); defaults for anything missing or unreadable."""
    if scale is None:
        scale = ws.risk_scale
    scale = scale if scale in SCALES else 4
    stored = ws.setting(LEVELS_KEY, {}) or {}
    base = default_settings(scale)
    mine = stored.get(str(scale)) if isinstance(stored, dict) else None
    if not isinstance(mine, dict):
        return base
    try:
        candidate = RiskSettings(
            scale,
            tuple(str(x) for x in mine.get("probability", base.probability_labels)),
            tuple(str(x) for x in mine.get("impact", base.impact_labels)),
            int(mine.get("yellow", base.yellow_from)),
            int(mine.get("red", base.red_from)),
        )
    except (TypeError, ValueError):
        return base
    return base if candidate.problems() else candidate


def save_settings(ws: Workspace, settings: RiskSettings) -> None:
    """Store labels and thresholds for `settings.scale`. The scale itself changes through `change_scale`."""
    problems = settings.problems()
    if problems:
        raise ValidationError(problems)
    stored = ws.setting(LEVELS_KEY, {}) or {}
    if not isinstance(stored, dict):
        stored = {}
    stored[str(settings.scale)] = {
        "probability": list(settings.probability_labels),
        "impact": list(settings.impact_labels),
        "yellow": settings.yellow_from,
        "red": settings.red_from,
    }
    ws.set_setting(LEVELS_KEY, stored)


# --- values and assessments -----------------------------------------------------


def risk_value(probability: int | None, impact: int | None) -> int | None:
    """Risk value (riskvärde) = sannolikhet × konsekvens; None when either is unscored."""
    if probability is None or impact is None:
        return None
    return probability * impact


def assess(ws: Workspace, risk_id: int, probability: int, impact: int, note: str = "",
           *, today: date | None = None) -> Change:
    """Score a risk and record the assessment in its history, in one transaction.

    Scores are checked against the file's scale (a Swedish ValidationError).
    The Change has ids (risk id, assessment id) and the old scores in `old`;
    `revert_assessment` undoes it and `reapply_assessment` redoes it.
    """
    scale = ws.risk_scale
    with ws.store.write():
        change = ws.update("risk", risk_id, probability=probability, impact=impact)
        added = ws.add("risk_assessment", None, risk=risk_id, assessed_on=today or date.today(),
                       probability=probability, impact=impact, scale=scale, note=note)
    return Change("risk", "updated", (risk_id, added.ids[0]), change.plan_id, old=change.old)


def revert_assessment(ws: Workspace, change: Change) -> Change:
    """Undo `assess`: restore the old scores and tombstone the history row."""
    risk_id, assessment_id = change.ids
    with ws.store.write():
        back = ws.update("risk", risk_id, **change.old)
        ws.delete("risk_assessment", assessment_id)
    return Change("risk", "updated", change.ids, back.plan_id, old=back.old)


def reapply_assessment(ws: Workspace, change: Change, probability: int, impact: int) -> Change:
    """Redo `assess` after an undo: the same history row comes back (same uuid)."""
    risk_id, assessment_id = change.ids
    with ws.store.write():
        again = ws.update("risk", risk_id, probability=probability, impact=impact)
        ws.restore("risk_assessment", assessment_id)
    return Change("risk", "updated", change.ids, again.plan_id, old=again.old)


# --- changing the scale ------------------------------------------------------------


def rescale(score: int | None, old_scale: int, new_scale: int) -> int | None:
    """A score's place on another scale, keeping its relative position: 4→5 maps 1,2,3,4 → 1,2,4,5."""
    if score is None or old_scale == new_scale:
        return score
    mapped = round((score - 1) * (new_scale - 1) / (old_scale - 1)) + 1
    return max(1, min(new_scale, mapped))


def change_scale(ws: Workspace, new_scale: int, *, today: date | None = None) -> Change:
    """Move the file to another scale and rescale every risk's scores, in one transaction.

    Each scored risk gets a history row on the new scale with a note saying so.
    The Change has the ids of the rescaled risks and, in `old`, the previous
    scale, scores and the new history rows, for `revert_scale`.
    """
    if new_scale not in SCALES:
        raise ValidationError([("scale", tr("Skalan måste vara 4 eller 5 (fick {scale}).", scale=new_scale))])
    old_scale = ws.risk_scale
    if new_scale == old_scale:
        return Change("risk", "updated", (), None, old={"scale": old_scale, "scores": {}, "assessments": []})
    note = f"Omräknad från skala 1–{old_scale} till 1–{new_scale}."
    when = today or date.today()
    scores: dict[int, tuple[int | None, int | None]] = {}
    assessments: list[int] = []
    R = models.Risk
    with ws.store.write():
        ws.set_setting(RISK_SCALE_KEY, new_scale)
        living = R.select(R.id, R.probability, R.impact).where(R.deleted_at.is_null()).order_by(R.id)
        for risk_id, p, i in list(living.tuples()):
            if p is None and i is None:
                continue
            np_, ni = rescale(p, old_scale, new_scale), rescale(i, old_scale, new_scale)
            scores[risk_id] = (p, i)
            if (np_, ni) != (p, i):
                ws.update("risk", risk_id, probability=np_, impact=ni)
            if np_ is not None and ni is not None:
                added = ws.add("risk_assessment", None, risk=risk_id, assessed_on=when,
                               probability=np_, impact=ni, scale=new_scale, note=note)
                assessments.append(added.ids[0])
    return Change("risk", "updated", tuple(scores), None,
                  old={"scale": old_scale, "scores": scores, "assessments": assessments})


def revert_scale(ws: Workspace, change: Change) -> Change:
    """Undo `change_scale`: the old scale, the exact old scores, the history rows tombstoned."""
    old = change.old
    with ws.store.write():
        ws.set_setting(RISK_SCALE_KEY, old["scale"])
        for risk_id, (p, i) in old["scores"].items():
            ws.update("risk", risk_id, probability=p, impact=i)
        for assessment_id in old["assessments"]:
            ws.delete("risk_assessment", assessment_id)
    return Change("risk", "updated", change.ids, None, old={})


# --- reading: register, matrix, history ---------------------------------------------


class RiskRow(NamedTuple):
    """One line of the register, plain values only."""

    id: int
    plan_id: int
    plan_title: str
    title: str
    cause: str
    consequence: str
    probability: int | None
    impact: int | None
    value: int | None
    owner: str
    mitigation: str
    due: VagueDate | None
    status: str  # code, see app.kinds.RISK_STATUSES
    trend: str  # code, see app.kinds.RISK_TRENDS
    version: str = ""  # the row's version as read (Workspace.shown)

    @property
    def status_label(self) -> str:
        return RISK_STATUSES.get(self.status, self.status)

    @property
    def trend_label(self) -> str:
        return RISK_TRENDS.get(self.trend, self.trend)


class AssessmentRow(NamedTuple):
    id: int
    assessed_on: date
    probability: int
    impact: int
    value: int
    scale: int
    note: str


def _risk_query(plan_id: int | None) -> Any:
    R, P = models.Risk, models.Plan
    q = (R.select(R, P.title.alias("plan_title")).join(P, on=(R.plan == P.id))
         .where(R.deleted_at.is_null(), P.deleted_at.is_null()))
    if plan_id is not None:
        q = q.where(R.plan == plan_id)
    return q.order_by(P.id, R.position, R.id)


def risk_rows(plan_id: int | None = None, *, cell: tuple[int, int] | None = None) -> list[RiskRow]:
    """The register of one plan, or of every plan (portfolio) for None; `cell` = (probability, impact) filters."""
    out = []
    for d in _risk_query(plan_id).dicts():
        due = None
        if d["due"] is not None and d["due_precision"]:
            start = d["due"] if isinstance(d["due"], date) else date.fromisoformat(d["due"])
            due = VagueDate(start, d["due_precision"])
        out.append(RiskRow(
            d["id"], d["plan"], d["plan_title"], d["title"], d["cause"], d["consequence"],
            d["probability"], d["impact"], risk_value(d["probability"], d["impact"]),
            d["owner"], d["mitigation"], due, d["status"], d["trend"], d["version_id"] or "",
        ))
    return out if cell is None else in_cell(out, cell)


def matrix_counts(plan_id: int | None = None) -> dict[tuple[int, int], int]:
    """Number of scored risks per (probability, impact) cell; None = across all plans."""
    return counts_of(risk_rows(plan_id))


def counts_of(rows: list[RiskRow]) -> dict[tuple[int, int], int]:
    """`matrix_counts` of rows read already."""
    counts: Counter[tuple[int, int]] = Counter()
    for r in rows:
        if r.probability is not None and r.impact is not None:
            counts[(r.probability, r.impact)] += 1
    return dict(counts)


def in_cell(rows: list[RiskRow], cell: tuple[int, int]) -> list[RiskRow]:
    """The rows scored (probability, impact) = `cell`."""
    return [r for r in rows if (r.probability, r.impact) == cell]


def assessment_rows(ws: Workspace, risk_id: int) -> list[AssessmentRow]:
    """A risk's assessment history, oldest first."""
    ws.store.activate()
    A = models.RiskAssessment
    q = A.select().where(A.risk == risk_id, A.deleted_at.is_null()).order_by(A.assessed_on, A.id)
    out = []
    for a in q:
        on = a.assessed_on if isinstance(a.assessed_on, date) else date.fromisoformat(a.assessed_on)
        out.append(AssessmentRow(a.id, on, a.probability, a.impact, a.probability * a.impact, a.scale, a.note))
    return out
