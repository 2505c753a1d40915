"""What an export gives back, and how it fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ExportError", "ExportResult"]


@dataclass
class ExportResult:
    """The written file and Swedish warnings about what had to be changed on the way."""

    path: Path
    warnings: list[str] = field(default_factory=list)


class ExportError(Exception):
    """An export that could not be written; ``str(err)`` is a plain Swedish message."""
