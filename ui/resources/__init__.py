"""The "Resurser" view: every person's load across the plans of a file, and the booking warning.

The names load from their modules on first use: the main window makes a BookingWarner
for every file it opens and must not load the view (and app.load) at start to do so.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.resources.commands import MergePeopleCommand as MergePeopleCommand
    from ui.resources.model import LoadTableModel as LoadTableModel
    from ui.resources.view import ResourceView as ResourceView
    from ui.resources.warner import BookingWarner as BookingWarner
    from ui.resources.warner import booking_warning_text as booking_warning_text

_MODULES = {
    "BookingWarner": "warner",
    "LoadTableModel": "model",
    "MergePeopleCommand": "commands",
    "ResourceView": "view",
    "booking_warning_text": "warner",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
