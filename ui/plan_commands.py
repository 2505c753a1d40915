"""Undo commands for whole plans: creating from a template or copying (ui/undo.py has the rest)."""

from __future__ import annotations

from collections.abc import Callable

from app.workspace import Change, Workspace
from ui.undo import ServiceCommand, WorkspaceEvents


class CreatePlanCommand(ServiceCommand):
    """First redo runs `make` (create_plan, copy_plan); undo leaves a tombstone, redo restores it."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, make: Callable[[], Change], text: str):
        super().__init__(ws, events, text)
        self.make = make
        self.plan_id: int | None = None

    def redo(self) -> None:
        if self.plan_id is None:
            change = self.make()
            self.plan_id = change.ids[0]
            self.announce(Change("plan", "added", (self.plan_id,), self.plan_id))
        else:
            self.announce(self.ws.restore("plan", self.plan_id))

    def undo(self) -> None:
        assert self.plan_id is not None
        self.announce(self.ws.delete("plan", self.plan_id))
