"""The non-blocking warning when a share is raised so that someone is booked past 100 %."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from ui.i18n import translate

if TYPE_CHECKING:
    from app.load import BookingWarning
    from app.workspace import Change, Workspace
    from ui.undo import WorkspaceEvents

WATCHED = frozenset({"allocation", "start", "end", "person"})


def _percent(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")


def booking_warning_text(warnings: Sequence[BookingWarning]) -> str | None:
    """One sentence for a status bar, or None when there is nothing to warn about."""
    if not warnings:
        return None
    months = ", ".join(f"{w.period.shown} ({_percent(w.total)} %)" for w in warnings)
    others = list(dict.fromkeys(title for w in warnings for _pid, title in w.other_plans))
    text = translate("Resources", "%1 blir bokad över 100 % i %2.").replace("%1", warnings[0].person_name).replace(
        "%2", months)
    if others:
        text += " " + translate("Resources", "Även bokad i: %1.").replace("%1", ", ".join(others))
    return text


class BookingWarner(QObject):
    """Listens for new or raised shares on roles and resource lines and says when 100 % is passed."""

    warning = Signal(str)

    def __init__(self, ws: Workspace, events: WorkspaceEvents, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        events.changed.connect(self._on_changed)

    def _on_changed(self, change: Change) -> None:
        if change.kind not in ("role", "resource") or change.action not in ("added", "updated", "restored"):
            return
        if change.action == "updated" and not WATCHED & set(change.old):
            return
        from app.load import check_booking  # every file opened makes a warner: load this when used

        for row_id in change.ids:
            row = self.ws.get(change.kind, row_id)
            if row["person"] is None or not row["allocation"] or change.plan_id is None:
                continue
            old = change.old.get("allocation")
            if set(change.old) == {"allocation"} and old is not None and row["allocation"] <= old:
                continue  # a lowered share never warns
            warnings = check_booking(self.ws, row["person"], change.plan_id, row["allocation"],
                                     row["start"], row["end"], replacing=(change.kind, row_id))
            text = booking_warning_text(warnings)
            if text:
                self.warning.emit(text)
