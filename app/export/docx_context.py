"""What the parts of the Word export share while one document is written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.export.docx_tables import TableBuilder
from app.export.plan_data import PlanData

if TYPE_CHECKING:
    from docx.document import Document

    from app.export.docx_text import Writer

__all__ = ["Context", "CM"]

CM = 567  # twips per centimetre (rounded)


@dataclass
class Context:
    doc: Document
    writer: Writer
    plan: PlanData
    text_width: int  # twips between the margins
    risk_scale: int = 4
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> Any:
        return self.doc

    def table(self, widths: Sequence[float], *, total: int | None = None, **kwargs: Any) -> TableBuilder:
        """A table at the end of the body; ``widths`` are weights over the text width."""
        return TableBuilder(self.writer, self.doc, widths, total or self.text_width, **kwargs)

    def paragraph(self, text: Any = "", style: str | None = None, **kwargs: Any):
        return self.writer.paragraph(self.doc, text, style, **kwargs)
