"""The rows the chart and the table both show, and the thin table model over them.

`TimelineLayout` turns `TimelineData` into display rows: in the portfolio a band
header per plan followed by its items (unless the band is collapsed); for one
plan just its items. The chart and the table read the same layout, so row i is
the same thing at the same y in both (KDGantt's shared model).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.baseline import slip_text
from app.dates import Precision, VagueDate
from app.kinds import DOC_TYPE_LABELS, TIMELINE_KINDS
from app.schedule import float_cell, float_text
from app.timeline import DECISION_STATES, TimelineData, TimelineRow, next_decision_point
from ui.i18n import current_language, date_text, kind_label, translate


GROUP_BASE = -(1 << 40)  # an entry at or below this is a group header: GROUP_BASE - g


class TimelineLayout:
    """Display rows: an entry >= 0 is a data row index, -1 - b is the header of band b, and
    GROUP_BASE - g the header of group g of a grouped portfolio."""

    def __init__(self, data: TimelineData | None = None, *, portfolio: bool = False,
                 collapsed: set[int] | None = None):
        self.data = data or TimelineData(None)
        self.portfolio = portfolio
        self.collapsed = set(collapsed or ())  # plan ids
        self.hidden: set[int] = set()  # plan ids the portfolio's filter leaves out
        self.band_order: list[int] | None = None  # band indexes in display order (grouped), None: as read
        self.groups: list[tuple[str, list[int]]] = []  # a grouped portfolio: (header text, its band indexes)
        self.entries: list[int] = []
        self.display_of: dict[int, int] = {}  # data row index -> display row (visible rows only)
        self.rebuild()

    def rebuild(self) -> None:
        entries: list[int] = []
        if self.portfolio:
            bands = self.data.bands
            order = self.band_order if self.band_order is not None else range(len(bands))
            groups = self.groups or [("", list(order))]
            for g, (_text, members) in enumerate(groups):
                shown = [b for b in members if bands[b].plan_id not in self.hidden]
                if self.groups and shown:
                    entries.append(GROUP_BASE - g)
                for b in shown:
                    band = bands[b]
                    entries.append(-1 - b)
                    if band.plan_id not in self.collapsed:
                        entries.extend(self.data.band_range(band))
        else:
            entries = list(range(len(self.data.rows)))
        self.entries = entries
        self.display_of = {e: i for i, e in enumerate(entries) if e >= 0}

    def __len__(self) -> int:
        return len(self.entries)

    def row(self, display: int) -> TimelineRow | None:
        e = self.entries[display]
        return self.data.rows[e] if e >= 0 else None

    def band_at(self, display: int) -> int | None:
        e = self.entries[display]
        return -1 - e if GROUP_BASE < e < 0 else None

    def group_at(self, display: int) -> int | None:
        """The group whose header is display row `display` (a grouped portfolio), else None."""
        e = self.entries[display]
        return GROUP_BASE - e if e <= GROUP_BASE else None

    def group_plans(self, g: int) -> list[int]:
        """The plan ids of group g that the filter shows."""
        bands = self.data.bands
        return [bands[b].plan_id for b in self.groups[g][1] if bands[b].plan_id not in self.hidden]

    def group_folded(self, g: int) -> bool:
        return all(p in self.collapsed for p in self.group_plans(g))

    def toggle(self, plan_id: int) -> None:
        self.collapsed ^= {plan_id}
        self.rebuild()


def format_vague(text: str | None, precision: str | None) -> str:
    return _format_vague(text, precision, current_language())


@lru_cache(maxsize=8192)  # a few thousand distinct dates; each row scrolled into view asks for two
def _format_vague(text: str | None, precision: str | None, language: str) -> str:
    if text is None or precision is None:
        return ""
    return date_text(VagueDate(date.fromisoformat(text), Precision(precision)), "short")


class TimelineTableModel(QAbstractTableModel):
    """Item, code, responsible, start, end of each display row; plain values only."""

    HEADERS = (QT_TRANSLATE_NOOP("Timeline", "Post"), QT_TRANSLATE_NOOP("Timeline", "Kod"),
               QT_TRANSLATE_NOOP("Timeline", "Ansvarig"), QT_TRANSLATE_NOOP("Timeline", "Start"),
               QT_TRANSLATE_NOOP("Timeline", "Slut"), QT_TRANSLATE_NOOP("Timeline", "Slack"),
               QT_TRANSLATE_NOOP("Timeline", "Mot beslutad"))
    FLOAT_COLUMN, SLIP_COLUMN = 5, 6  # shown with the critical path and the decided plan

    def __init__(self, layout: TimelineLayout, parent: Any = None):
        super().__init__(parent)
        self._layout = layout
        self._bold = QFont()
        self._bold.setBold(True)
        self._texts: dict[int, tuple[tuple[str | None, ...], bool]] = {}  # display row -> (its texts, bold)

    def set_layout(self, layout: TimelineLayout) -> None:
        self.beginResetModel()
        self._layout = layout
        self._texts.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """The layout changed in place (a band collapsed, the data re-read)."""
        self.beginResetModel()
        self._texts.clear()
        self.endResetModel()

    def row_changed(self, display: int) -> None:
        self._texts.pop(display, None)
        self.dataChanged.emit(self.index(display, 0), self.index(display, len(self.HEADERS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._layout)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("Timeline", str(self.HEADERS[section]))
        return None

    def cell(self, r: int, c: int) -> tuple[str | None, bool]:
        """The text of one cell and whether it is bold (band headers, phases), made once per row."""
        entry = self._texts.get(r)
        if entry is None:
            if not 0 <= r < len(self._layout):
                return None, False
            entry = self._texts[r] = self._row_texts(r)
        return entry[0][c], entry[1]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The table draws ordinary rows from `cell` itself; Qt's own cell painting (the selected row),
        # tooltips and accessibility ask for several roles per cell, and the unused ones return at once.
        if role == _DISPLAY:
            return self.cell(index.row(), index.column())[0] if index.isValid() else None
        if role != _FONT and role != _TOOLTIP:
            return None
        if not index.isValid():
            return None
        layout = self._layout
        r, c = index.row(), index.column()
        if not 0 <= r < len(layout):
            return None
        if role == _FONT:
            return self._bold if self.cell(r, c)[1] else None
        group = layout.group_at(r)
        if group is not None:
            return translate("Timeline", "%1 (%2 planer) – klicka för att fälla ihop eller ut alla").replace(
                "%1", layout.groups[group][0]).replace("%2", str(len(layout.group_plans(group))))
        band = layout.band_at(r)
        if band is not None:
            b = layout.data.bands[band]
            kind = kind_label(DOC_TYPE_LABELS.get(b.doc_type, b.doc_type))
            tip = translate("Timeline", "%1: %2 (%3 poster) – klicka för att fälla ihop eller ut").replace(
                "%1", kind).replace("%2", b.title).replace("%3", str(b.count))
            removed = layout.data.baseline.removed.get(b.plan_id) if layout.data.baseline is not None else None
            if removed:
                tip += "\n" + translate("Timeline", "Borttagna sedan beslutad plan: %1").replace("%1", ", ".join(removed))
            largest = layout.data.baseline.largest.get(b.plan_id) if layout.data.baseline is not None else None
            if largest is not None:
                tip += "\n" + translate("Timeline", "Största avvikelse mot beslutad plan: %1 (%2)").replace(
                    "%1", slip_text(largest[0])).replace("%2", self._item_title(largest[1]))
            upcoming = self._next_point(b)
            if upcoming is not None:
                point, state = upcoming
                when = format_vague(point.start, point.start_precision)
                tip += "\n" + translate("Timeline", "Nästa beslutspunkt: %1").replace(
                    "%1", f"{point.code} {point.title}{f' ({when})' if when else ''}, "
                          f"{kind_label(DECISION_STATES[state]).lower()}")
            return tip
        row = layout.row(r)
        assert row is not None
        tip = f"{kind_label(TIMELINE_KINDS.get(row.kind, row.kind))}: {row.title}"
        floats, baseline = layout.data.floats, layout.data.baseline
        if row.id in floats:
            tip += f"\n{float_text(floats[row.id])}"
        if baseline is not None:
            if row.id in baseline.added:
                tip += "\n" + translate("Timeline", "Tillkommen sedan beslutad plan")
            elif row.id in baseline.slips:
                tip += "\n" + translate("Timeline", "Mot beslutad plan: %1").replace(
                    "%1", slip_text(baseline.slips[row.id]))
        return tip if c == 0 or row.id in floats or baseline is not None else None

    def _item_title(self, item: int) -> str:
        data = self._layout.data
        i = data.index.get(item)
        return "" if i is None else data.rows[i].title

    def _next_point(self, band: Any) -> tuple[Any, str] | None:
        data = self._layout.data
        return next_decision_point(data.band_rows(band), data.ready, date.today().toordinal())

    def _row_texts(self, r: int) -> tuple[tuple[str | None, ...], bool]:
        layout = self._layout
        group = layout.group_at(r)
        if group is not None:
            sign = "▸" if layout.group_folded(group) else "▾"
            text = f"{sign} {layout.groups[group][0]} ({len(layout.group_plans(group))})"
            return (text, None, None, None, None, None, None), True
        band = layout.band_at(r)
        if band is not None:
            b = layout.data.bands[band]
            sign = "▸" if b.plan_id in layout.collapsed else "▾"
            # the plan's largest slip against its decided plan, once that is shown
            largest = layout.data.baseline.largest.get(b.plan_id) if layout.data.baseline is not None else None
            slip = slip_text(largest[0]) if largest is not None else None
            upcoming = self._next_point(b)  # every plan shows its next decision point on its band row
            if upcoming is None:
                return (f"{sign} {b.title}", None, None, None, None, None, slip), True
            point, state = upcoming
            return (f"{sign} {b.title}", point.code, translate("Timeline", "Nästa: %1").replace("%1", kind_label(DECISION_STATES[state]).lower()),
                    format_vague(point.start, point.start_precision), None, None, slip), True
        row = layout.row(r)
        assert row is not None
        floats, baseline = layout.data.floats, layout.data.baseline
        slack = float_cell(floats[row.id]) if row.id in floats else None
        slip = None
        if baseline is not None:
            if row.id in baseline.added:
                slip = translate("Timeline", "Tillkommen")
            elif row.id in baseline.slips:
                slip = slip_text(baseline.slips[row.id])
        texts = (row.title, row.code, row.responsible, format_vague(row.start, row.start_precision),
                 format_vague(row.end, row.end_precision), slack, slip)
        return texts, row.kind == "phase"


_DISPLAY = Qt.ItemDataRole.DisplayRole
_FONT = Qt.ItemDataRole.FontRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
