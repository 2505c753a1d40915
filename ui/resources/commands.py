"""Undo for merging people (anonymising, which on purpose cannot be undone, is ui.dialogs.anonymise_dialog)."""

from __future__ import annotations

from app.people import merge_people, unmerge
from app.workspace import Change, Workspace
from ui.undo import ServiceCommand, WorkspaceEvents


class MergePeopleCommand(ServiceCommand):
    """Merge `drop_id` into `keep_id`; undo gives the dropped person back its references."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, keep_id: int, drop_id: int,
                 text: str = "Slå ihop personer"):
        super().__init__(ws, events, text)
        self.keep_id, self.drop_id = keep_id, drop_id
        self.change: Change | None = None

    def redo(self) -> None:
        self.change = merge_people(self.ws, self.keep_id, self.drop_id)
        self.announce(self.change)

    def undo(self) -> None:
        assert self.change is not None
        self.announce(unmerge(self.ws, self.change))
