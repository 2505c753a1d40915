"""Undo for merging people, and anonymising (which on purpose cannot be undone)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from app.people import anonymise_person, merge_people, unmerge
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


def anonymise_person_now(ws: Workspace, events: WorkspaceEvents, stack: QUndoStack, person_id: int) -> Change:
    """"Ta bort personuppgifter" after the user has confirmed it.

    The undo stack is cleared: an older step (say, an edit of the person's e-mail)
    would otherwise be able to write the removed details back.
    """
    change = anonymise_person(ws, person_id)
    stack.clear()
    events.changed.emit(change)
    return change
