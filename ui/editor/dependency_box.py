"""The dependencies of the chosen timeline item, under its form: list, add, change and remove.

Each change is one undo step through the OpenFile (an AddCommand, UpdateCommand or DeleteCommand
on the dependency); a cycle or a repeated link is refused by the Workspace and its Swedish message
goes out on events.error. The list has a context menu with the same actions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QMenu,
    QSpinBox, QVBoxLayout, QWidget,
)

from app import kinds
from app.dependencies import item_name, links_shown
from app.validation import MAX_LAG
from ui.document import OpenFile
from ui.editor.fields import push_button
from ui.i18n import kind_label, translate


class DependencyDialog(QDialog):
    """Pick the other item, the kind and the lag of one dependency."""

    def __init__(self, items: list[tuple[int, str]], values: dict[str, Any], title: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.item = QComboBox(self)
        self.item.setAccessibleName(translate("Dependencies", "Post"))
        for item_id, name in items:
            self.item.addItem(name, item_id)
        if values.get("other") is not None:
            self.item.setCurrentIndex(max(0, self.item.findData(values["other"])))
        self.kind = QComboBox(self)
        for code, label in kinds.DEPENDENCY_KINDS.items():
            self.kind.addItem(kind_label(label), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(values.get("kind", "FS"))))
        self.lag = QSpinBox(self)
        self.lag.setRange(-MAX_LAG, MAX_LAG)
        self.lag.setValue(int(values.get("lag", 0)))
        self.unit = QComboBox(self)
        for code, label in kinds.LAG_UNITS.items():
            self.unit.addItem(kind_label(label), code)
        self.unit.setCurrentIndex(max(0, self.unit.findData(values.get("lag_unit", "day"))))
        lag_row = QHBoxLayout()
        lag_row.addWidget(self.lag)
        lag_row.addWidget(self.unit)
        form = QFormLayout()
        form.addRow(translate("Dependencies", "Post:"), self.item)
        form.addRow(translate("Dependencies", "Typ:"), self.kind)
        form.addRow(translate("Dependencies", "Förskjutning:"), lag_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        return {"other": self.item.currentData(), "kind": self.kind.currentData(), "lag": self.lag.value(),
                "lag_unit": self.unit.currentData()}


def link_text(link: dict[str, Any]) -> str:
    """One dependency of an item as its lists show it: "Väntar på: BP2 Förstudie (Slut till start + 2 veckor)"."""
    side = translate("Dependencies", "Väntar på") if link["side"] == "before" else translate("Dependencies", "Följs av")
    return f"{side}: {link['other_name']} ({kind_and_lag(link['kind'], link['lag'], link['lag_unit'])})"


def kind_and_lag(kind: str, lag: int, lag_unit: str) -> str:
    """A dependency's kind and lag in the current language: "Slut till start + 2 veckor" (app.dependencies'
    describe, which says it in Swedish)."""
    text = kind_label(kinds.DEPENDENCY_KINDS.get(kind, kind))
    if lag:
        if abs(lag) == 1:
            unit = translate("Dependencies", "vecka") if lag_unit == "week" else translate("Dependencies", "arbetsdag")
        else:
            unit = kind_label(kinds.LAG_UNITS.get(lag_unit, lag_unit))
        text += f" {'+' if lag > 0 else '−'} {abs(lag)} {unit}"
    return text


def ask_link(ws: Any, item: dict[str, Any], side: str, link: dict[str, Any], title: str,
             parent: QWidget | None = None) -> dict[str, Any] | None:
    """The dialog for a dependency of `item` on `side` ("before": a predecessor), filled from `link`
    ({} for a new one); the chosen columns (predecessor, successor, kind, lag), or None.

    The items offered are the plan's; an item of another plan that the link already names is
    offered too, so that changing its kind or lag never moves it to another item."""
    items = [(t["id"], item_name(t["code"], t["title"])) for t in ws.list("timeline", item["plan"])
             if t["id"] != item["id"]]
    if link.get("other") is not None and all(i != link["other"] for i, _ in items):
        items.insert(0, (link["other"], link["other_name"]))
    dialog = DependencyDialog(items, link, title, parent)
    if not dialog.exec():
        return None
    chosen = dialog.values()
    other = chosen.pop("other")
    if other is None:
        return None
    ends = {"predecessor": other, "successor": item["id"]} if side == "before" else {
        "predecessor": item["id"], "successor": other}
    return {**ends, **chosen}


class DependencyBox(QGroupBox):
    """The chosen item's predecessors ("väntar på") and successors ("följs av")."""

    def __init__(self, ofile: OpenFile, parent: QWidget | None = None):
        super().__init__(translate("Dependencies", "Beroenden"), parent)
        self.ofile = ofile
        self.item: dict[str, Any] | None = None
        self.links: list[dict[str, Any]] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("Dependencies", "Beroenden"))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemDoubleClicked.connect(lambda *_: self.edit_link())
        self.list.currentRowChanged.connect(lambda *_: self._enable())
        self.add_before = push_button(self, translate("Dependencies", "Lägg till föregångare…"), lambda: self.add_link("before"))
        self.add_after = push_button(self, translate("Dependencies", "Lägg till efterföljare…"), lambda: self.add_link("after"))
        self.edit_button = push_button(self, translate("Dependencies", "Ändra…"), self.edit_link)
        self.remove_button = push_button(self, translate("Dependencies", "Ta bort beroende"), self.remove_link)
        buttons = QHBoxLayout()
        for b in (self.add_before, self.add_after, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.set_item(None)

    def set_item(self, item: dict[str, Any] | None) -> None:
        self.item = item
        self.reload()

    def reload(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        self.links = links_shown(self.ofile.ws, self.item["id"]) if self.item is not None else []
        for link in self.links:
            QListWidgetItem(link_text(link), self.list)
        if self.links:
            self.list.setCurrentRow(min(max(row, 0), len(self.links) - 1))
        self._enable()

    def _enable(self) -> None:
        editable = self.item is not None and not self.ofile.read_only
        self.add_before.setEnabled(editable)
        self.add_after.setEnabled(editable)
        chosen = editable and self.current() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def current(self) -> dict[str, Any] | None:
        row = self.list.currentRow()
        return self.links[row] if 0 <= row < len(self.links) else None

    def add_link(self, side: str) -> int | None:
        """A new dependency of the chosen item (`side` "before": a predecessor), one undo step."""
        if self.item is None:
            return None
        title = translate("Dependencies", "Ny föregångare") if side == "before" else translate("Dependencies", "Ny efterföljare")
        values = ask_link(self.ofile.ws, self.item, side, {}, title, self)
        if values is None:
            return None
        return self.ofile.add("dependency", None, values, translate("Undo", "Lägg till beroende"))

    def edit_link(self) -> bool:
        link = self.current()
        if link is None or self.item is None or self.ofile.read_only:
            return False
        values = ask_link(self.ofile.ws, self.item, link["side"], link, translate("Dependencies", "Ändra beroende"), self)
        if values is None:
            return False
        return self.ofile.update("dependency", link["id"], values, translate("Undo", "Ändra beroende"))

    def remove_link(self) -> bool:
        link = self.current()
        if link is None or self.ofile.read_only:
            return False
        return self.ofile.delete("dependency", link["id"], translate("Undo", "Ta bort beroende"))

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action_text, slot, enabled in (
                (translate("Dependencies", "Ändra…"), self.edit_link, self.edit_button.isEnabled()),
                (translate("Dependencies", "Ta bort beroende"), self.remove_link, self.remove_button.isEnabled()),
                (translate("Dependencies", "Lägg till föregångare…"), lambda: self.add_link("before"),
                 self.add_before.isEnabled()),
                (translate("Dependencies", "Lägg till efterföljare…"), lambda: self.add_link("after"),
                 self.add_after.isEnabled())):
            action = menu.addAction(action_text)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
        menu.popup(self.list.viewport().mapToGlobal(pos))
