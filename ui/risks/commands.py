"""Undo commands for risk assessments and scale changes; they only call app.risks."""

from __future__ import annotations

from app import risks
from app.workspace import Change, Workspace
from ui.undo import ServiceCommand, WorkspaceEvents


class AssessRiskCommand(ServiceCommand):
    """Re-assess a risk (new scores and a history row); undo restores the scores and tombstones the row."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, risk_id: int, probability: int, impact: int,
                 note: str = "", text: str = "Bedöm risk"):
        super().__init__(ws, events, text)
        self.risk_id, self.probability, self.impact, self.note = risk_id, probability, impact, note
        self.change: Change | None = None

    def redo(self) -> None:
        if self.change is None:
            self.change = risks.assess(self.ws, self.risk_id, self.probability, self.impact, self.note)
            self.announce(self.change)
        else:
            self.announce(risks.reapply_assessment(self.ws, self.change, self.probability, self.impact))

    def undo(self) -> None:
        assert self.change is not None
        self.announce(risks.revert_assessment(self.ws, self.change))


class ChangeScaleCommand(ServiceCommand):
    """Move the file to another risk scale; undo restores the exact old scores."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, new_scale: int,
                 text: str = "Byt riskskala"):
        super().__init__(ws, events, text)
        self.new_scale = new_scale
        self.change: Change | None = None

    def redo(self) -> None:
        self.change = risks.change_scale(self.ws, self.new_scale)
        self.announce(self.change)

    def undo(self) -> None:
        assert self.change is not None
        self.announce(risks.revert_scale(self.ws, self.change))
