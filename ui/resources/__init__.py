"""The "Resurser" view: every person's load across the plans of a file, and the booking warning."""

from __future__ import annotations

from ui.resources.commands import MergePeopleCommand, anonymise_person_now
from ui.resources.model import LoadTableModel
from ui.resources.view import ResourceView
from ui.resources.warner import BookingWarner, booking_warning_text

__all__ = [
    "BookingWarner",
    "LoadTableModel",
    "MergePeopleCommand",
    "ResourceView",
    "anonymise_person_now",
    "booking_warning_text",
]
