"""The plan list: a tree grouped by document type, then status, over plain tuples.

Filtering happens before the model (in the FTS5 index); the model is simply
reset with the rows that matched, so it never holds more than plain data.

The list is painted in the first frame, so it names none of PySide's `Qt` namespace: the first
use of that namespace builds all of its 94 enums (about a tenth of the start), and a model that
overrides `flags` hands Qt one at every paint. Its roles are Qt's numbers, and the headings are
kept out of the selection by the panel (ui.plan_panel) instead of by their flags.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

from app import kinds
from ui.i18n import kind_label

DISPLAY_ROLE, TOOLTIP_ROLE, USER_ROLE = 0, 3, 0x100  # Qt.ItemDataRole's DisplayRole, ToolTipRole, UserRole
PLAN_ID_ROLE = USER_ROLE + 1
_Index = QModelIndex | QPersistentModelIndex


class PlanRow(NamedTuple):
    id: int
    doc_type: str
    title: str
    diarienummer: str
    status: str
    rank: int = 0  # the search's order (0 for every plan when nothing is searched)


def _doc_type_order() -> list[str]:
    return list(kinds.DOC_TYPE_LABELS)


def _doc_type_label(doc_type: str) -> str:
    return kind_label(kinds.DOC_TYPE_LABELS.get(doc_type, doc_type))


class PlanListModel(QAbstractItemModel):
    """Three levels: document type → status → plan (internal ids encode the parent)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # [(doc_type, [(status, [PlanRow, ...]), ...]), ...]
        self._groups: list[tuple[str, list[tuple[str, list[PlanRow]]]]] = []

    def set_rows(self, rows: list[PlanRow]) -> None:
        self.beginResetModel()
        doc_order = _doc_type_order()
        status_order = list(kinds.DOC_STATUSES)
        by_doc: dict[str, dict[str, list[PlanRow]]] = {}
        for row in rows:
            by_doc.setdefault(row.doc_type, {}).setdefault(row.status, []).append(row)
        self._groups = [
            (doc, [(st, sorted(plans, key=lambda r: (r.rank, r.title.lower())))
                   for st, plans in sorted(by_doc[doc].items(),
                                           key=lambda kv: status_order.index(kv[0]) if kv[0] in status_order else 99)])
            for doc in sorted(by_doc, key=lambda d: doc_order.index(d) if d in doc_order else 99)
        ]
        self.endResetModel()

    def plan_count(self) -> int:
        return sum(len(plans) for _d, statuses in self._groups for _s, plans in statuses)

    def index_of_plan(self, plan_id: int) -> QModelIndex:
        for d, (_doc, statuses) in enumerate(self._groups):
            for s, (_st, plans) in enumerate(statuses):
                for p, row in enumerate(plans):
                    if row.id == plan_id:
                        return self.createIndex(p, 0, ((d + 1) << 16) | (s + 1))
        return QModelIndex()

    # --- Qt ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        pid = parent.internalId()
        if pid == 0:
            return self.createIndex(row, column, parent.row() + 1)
        if pid < (1 << 16):
            return self.createIndex(row, column, (pid << 16) | (parent.row() + 1))
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        iid = index.internalId()
        if iid == 0:
            return QModelIndex()
        if iid < (1 << 16):
            return self.createIndex(iid - 1, 0, 0)
        return self.createIndex((iid & 0xFFFF) - 1, 0, (iid >> 16))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._groups)
        pid = parent.internalId()
        if pid == 0:
            return len(self._groups[parent.row()][1])
        if pid < (1 << 16):
            return len(self._groups[pid - 1][1][parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 1

    def _node(self, index: _Index) -> tuple[str, Any]:
        iid = index.internalId()
        if iid == 0:
            doc, statuses = self._groups[index.row()]
            return "doc", (doc, sum(len(p) for _s, p in statuses))
        if iid < (1 << 16):
            status, plans = self._groups[iid - 1][1][index.row()]
            return "status", (status, len(plans))
        d, s = (iid >> 16) - 1, (iid & 0xFFFF) - 1
        return "plan", self._groups[d][1][s][1][index.row()]

    def data(self, index: _Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        what, value = self._node(index)
        if role == DISPLAY_ROLE:
            if what == "doc":
                return f"{_doc_type_label(value[0])} ({value[1]})"
            if what == "status":
                return f"{kind_label(kinds.DOC_STATUSES.get(value[0], value[0]))} ({value[1]})"
            return value.title
        if role == TOOLTIP_ROLE and what == "plan":
            return f"{value.title}\n{value.diarienummer}" if value.diarienummer else value.title
        if role == PLAN_ID_ROLE and what == "plan":
            return value.id
        return None
