"""Every control has a name a screen reader reads and a keyboard route; the timeline's items are
reached, read out and moved by keyboard; colours never carry meaning alone; the app follows the
system's font size and dark or high-contrast palettes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QScrollBar, QWidget


def _name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def _unnamed(root: QWidget) -> list[str]:
    """Controls that take the keyboard focus and have no accessible name (their own, their text, or a buddy label)."""
    out = []
    for w in root.findChildren(QWidget):
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.isVisibleTo(root) or isinstance(w, QScrollBar):
            continue
        if isinstance(w.parent(), QAbstractScrollArea) and w is w.parent().viewport():
            continue
        if isinstance(w.parent(), (QAbstractSpinBox, QComboBox)) and _name(w.parent()).strip():
            continue  # the text field inside a named spin box or combo box
        if not _name(w).strip():
            out.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}")
    return sorted(set(out))


def test_every_control_on_every_page_has_a_name(qtbot, window) -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    editor = window.editor
    missing = _unnamed(window)
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        missing += _unnamed(editor.tabs.widget(i))
    assert sorted(set(missing)) == [], "\n".join(sorted(set(missing)))


def test_every_control_in_the_dialogs_has_a_name(qtbot, window) -> None:
    from ui.dialogs.about_dialog import AboutDialog
    from ui.dialogs.decision_dialog import DecisionDialog
    from ui.dialogs.edition_dialogs import CompareEditionsDialog, FreezeEditionDialog
    from ui.dialogs.help_dialog import HelpDialog
    from ui.dialogs.new_plan import NewPlanDialog
    from ui.dialogs.sharing_dialogs import BackupsDialog
    from ui.dialogs.steering_dialog import ChangeModelDialog
    from ui.portfolio import PortfolioDialog
    from ui.risks.settings_dialog import RiskSettingsDialog

    ws, plan = window.ofile.ws, window.editor.plan_id
    point = next(r for r in ws.list("timeline", plan) if r["kind"] == "decision_point")
    dialogs = [AboutDialog(window), NewPlanDialog([], window), RiskSettingsDialog(ws, window),
               FreezeEditionDialog(ws, plan, window), CompareEditionsDialog(ws, plan, window),
               ChangeModelDialog(ws, plan, window), BackupsDialog(ws.path, window), HelpDialog(window),
               DecisionDialog(point, window),
               *(PortfolioDialog(window.ofile, key, window) for key in ("overview", "timeline", "risks", "resources"))]
    missing = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        missing += [f"{type(dialog).__name__}: {m}" for m in _unnamed(dialog)]
    assert missing == [], "\n".join(missing)


def test_timeline_items_are_reached_read_out_and_moved_by_keyboard(qtbot, window) -> None:
    panel = window.editor.show_page("gantt")
    view = panel.view
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)  # from the list of items on to the chart
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    row = view.layout_rows.row(view.current)
    said = view.accessibleDescription()
    assert row.title in said and "status" in said and view.describe(view.current) == said
    assert said.startswith(("Fas", "Beslutspunkt", "Milstolpe", "Aktivitet"))
    before = window.ofile.ws.get("timeline", row.id)["start"]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    after = window.ofile.ws.get("timeline", row.id)["start"]
    assert after != before and after.precision is before.precision
    assert view.accessibleDescription() != said and after.format("short") in view.accessibleDescription()
    window.findChild(QAction, "actionUndo").trigger()
    assert window.ofile.ws.get("timeline", row.id)["start"] == before


def test_the_risk_matrix_is_walked_and_filtered_by_keyboard(qtbot, window) -> None:
    panel = window.editor.show_page("risk")
    matrix = panel.matrix
    matrix.setFocus()
    n = matrix.settings.scale
    assert matrix.focus_cell == (n, 1)
    qtbot.keyClick(matrix, Qt.Key.Key_Down)
    qtbot.keyClick(matrix, Qt.Key.Key_Right)
    assert matrix.focus_cell == (n - 1, 2)
    said = matrix.accessibleDescription()
    assert said.startswith(f"Sannolikhet {n - 1} (") and "konsekvens 2 (" in said and "risk" in said
    qtbot.keyClick(matrix, Qt.Key.Key_Return)
    assert panel.cell == (n - 1, 2)
    assert all((r.probability, r.impact) == (n - 1, 2) for r in (panel.model.row_at(i)
                                                                   for i in range(panel.model.rowCount())))
    qtbot.keyClick(matrix, Qt.Key.Key_Space)
    assert panel.cell is None


def test_the_window_is_walked_by_keyboard(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Tab)
    assert window.tree.hasFocus()
    first = window.current_plan_id()
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.current_plan_id() != first
    tabs = window.editor.tabs
    tabs.tabBar().setFocus()  # Tab reaches the row of pages; the arrows choose one
    qtbot.keyClick(tabs.tabBar(), Qt.Key.Key_Right)
    assert tabs.currentIndex() == 1


def test_from_and_to_are_named_and_reached_with_their_letters(qtbot, window) -> None:
    """Each combo box is the buddy of its label: Alt+F / Alt+T go to it, and a screen reader relates them."""
    from PySide6.QtWidgets import QLabel

    from ui.dialogs.edition_dialogs import CompareEditionsDialog

    dialog = CompareEditionsDialog(window.ofile.ws, window.editor.plan_id, window)
    qtbot.addWidget(dialog)
    buddies = {label.text(): label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert buddies == {"&Från:": dialog.old, "&Till:": dialog.new}


def test_risk_levels_are_said_in_words_beside_their_colour(qtbot, window) -> None:
    from PySide6.QtGui import QBrush

    panel = window.editor.show_page("risk")
    model = panel.model
    column = model.column_of("value")
    for row in range(model.rowCount()):
        index = model.index(row, column)
        if isinstance(model.data(index, Qt.ItemDataRole.BackgroundRole), QBrush):
            assert model.data(index).split(" ", 1)[1] in ("låg", "medel", "hög")
    # the matrix writes the level in each cell
    image = panel.matrix.grab().toImage()
    assert not image.isNull()
    assert panel.matrix.describe((1, 1)).endswith(("låg risk", "medelhög risk", "hög risk"))


def _contrast(a, b) -> float:
    def lum(c):
        def ch(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_messages_and_fills_stay_readable_in_a_dark_palette(qtbot, window, monkeypatch) -> None:
    from PySide6.QtGui import QColor, QPalette

    from ui.editor.date_edit import VagueDateEdit
    from ui.palette import error_colour, ok_colour

    app = QApplication.instance()
    light = app.palette()
    dark = QPalette(QColor("#202124"))  # a dark theme: window and base dark, text light
    dark.setColor(QPalette.ColorRole.Text, QColor("#f1f1f1"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f1f1f1"))
    app.setPalette(dark)
    try:
        window_colour = dark.color(QPalette.ColorRole.Window)
        assert _contrast(QColor(error_colour()), window_colour) >= 4.5
        assert _contrast(QColor(ok_colour()), window_colour) >= 4.5
        edit = VagueDateEdit()
        qtbot.addWidget(edit)
        edit.line.setText("31/2 2025")
        edit.line.editingFinished.emit()
        assert error_colour() in edit.feedback.styleSheet()
        panel = window.editor.show_page("risk")
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        model = panel.model
        row = model.row_of(panel.selected_risk_id())
        assert model.setData(model.index(row, model.column_of("probability")), 4)
        assert model.setData(model.index(model.row_of(panel.selected_risk_id()), model.column_of("impact")), 4)
        index = next(model.index(r, model.column_of("value")) for r in range(model.rowCount())
                     if model.data(model.index(r, model.column_of("value")), Qt.ItemDataRole.BackgroundRole) is not None)
        fill = model.data(index, Qt.ItemDataRole.BackgroundRole).color()
        ink = model.data(index, Qt.ItemDataRole.ForegroundRole).color()
        assert _contrast(fill, ink) >= 4.5
    finally:
        app.setPalette(light)


def test_the_window_follows_the_system_font_size(qtbot, make_window, example_file) -> None:
    from PySide6.QtGui import QFont

    app = QApplication.instance()
    normal = app.font()
    big = QFont(normal)
    big.setPointSizeF(normal.pointSizeF() * 1.5)
    app.setFont(big)
    try:
        window = make_window(example_file)
        assert window.search.font().pointSizeF() == big.pointSizeF()
        assert window.editor.title.font().pointSizeF() > big.pointSizeF()  # the plan's title, larger still
        form = window.editor.show_page("metadata")
        assert all(w.font().pointSizeF() == big.pointSizeF() for w in form.findChildren(QWidget)
                   if w.isVisibleTo(form) and w.objectName().startswith("field_"))
    finally:
        app.setFont(normal)
