"""Files and plans: a new plan, a new file, open, the recent files, save a copy, import, export (File menu);
copy and delete a plan, remove a person's personal data from the file (Edit menu)."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.controllers import Controller, DocumentState, make_action
from ui.i18n import kind_label, translate


def _file_actions() -> ModuleType:
    from ui import file_actions

    return file_actions


def _anonymise_dialog() -> ModuleType:
    from ui.dialogs import anonymise_dialog

    return anonymise_dialog


class FileController(Controller):
    def _make(self) -> dict[str, QAction]:
        from app.exporters import EXPORTERS

        w = self.window
        a = {
            "new_plan": make_action(self, translate("MainWindow", "&Ny plan…"), lambda: _file_actions().new_plan(w),
                                    QKeySequence.StandardKey.New, "actionNewPlan"),
            "new_file": make_action(self, translate("MainWindow", "&Ny databasfil…"), lambda: _file_actions().new_file(w),
                                    "Ctrl+Shift+N", "actionNewFile"),
            "open": make_action(self, translate("MainWindow", "&Öppna…"), lambda: _file_actions().open_file_dialog(w),
                                QKeySequence.StandardKey.Open, "actionOpen"),
            "recent_files": self.submenu(translate("MainWindow", "&Senast öppnade"), "recentFilesMenu", self.fill_recent),
            "save_copy": make_action(self, translate("MainWindow", "Spara &kopia som…"), lambda: _file_actions().save_copy(w),
                                     "Ctrl+Shift+S", "actionSaveCopy"),
            "import": make_action(self, translate("MainWindow", "&Importera plan (JSON, MS Project)…"),
                                  lambda: _file_actions().import_json(w), "Ctrl+I", "actionImport"),
            "import_table": make_action(self, translate("MainWindow", "Importera a&ktiviteter eller risker (CSV, Excel)…"),
                                        lambda: _file_actions().import_table(w), None, "actionImportTable"),
        }
        texts = {".docx": translate("MainWindow", "Exportera till &Word…"), ".pdf": translate("MainWindow", "Exportera till &PDF…"),
                 ".json": translate("MainWindow", "Exportera som &JSON…")}
        for suffix in (".docx", ".pdf", ".json"):
            if suffix in EXPORTERS:
                a["export" + suffix] = make_action(self, texts[suffix],
                                                   lambda _=False, s=suffix: _file_actions().export(w, s),
                                                   "Ctrl+E" if suffix == ".docx" else None, "actionExport" + suffix[1:])
        a["export_checklists"] = make_action(
            self, translate("MainWindow", "Exportera till Word med &checklistor…"),
            lambda _=False: _file_actions().export(w, ".docx", checklists=True), None, "actionExportChecklists")
        for suffix, (label, _fn) in EXPORTERS.items():
            if suffix not in texts:
                text = translate("MainWindow", "Exportera som %1…").replace("%1", kind_label(label))
                a["export" + suffix] = make_action(self, text,
                                                   lambda _=False, s=suffix: _file_actions().export(w, s))
        a["export_risks.csv"] = make_action(
            self, translate("MainWindow", "Exportera &riskregistret som CSV…"),
            lambda _=False: _file_actions().export(w, ".csv", table="risks"), None, "actionExportRisksCsv")
        a["export_portfolio.ics"] = make_action(
            self, translate("MainWindow", "Exportera alla planer som &kalender…"),
            lambda _=False: _file_actions().export(w, ".ics", portfolio=True), None, "actionExportPortfolioIcs")
        a["export_portfolio.xlsx"] = make_action(
            self, translate("MainWindow", "Exportera alla planer som &riskarbetsbok…"),
            lambda _=False: _file_actions().export(w, ".xlsx", portfolio=True), None, "actionExportPortfolioXlsx")
        a["copy_plan"] = make_action(self, translate("MainWindow", "&Kopiera plan"),
                                     lambda: _file_actions().copy_current_plan(w), None, "actionCopyPlan")
        a["delete_plan"] = make_action(self, translate("MainWindow", "&Ta bort plan…"), lambda: _file_actions().delete_plan(w),
                                       None, "actionDeletePlan")
        a["anonymise"] = make_action(self, translate("MainWindow", "Ta bort &personuppgifter…"),
                                     lambda: _anonymise_dialog().remove_personal_data(w), None,
                                     "actionRemovePersonalData")
        return a

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.window.settings.recent_files:
            action = menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.window.open_path(p))

    def enable(self, state: DocumentState) -> None:
        a = self.actions
        a["recent_files"].setEnabled(bool(self.window.settings.recent_files))
        for key in ("new_plan", "import"):
            a[key].setEnabled(state.writable)
        for key in ("copy_plan", "delete_plan", "import_table"):
            a[key].setEnabled(state.writable and state.plan)
        a["save_copy"].setEnabled(state.on_file)
        a["anonymise"].setEnabled(state.writable and state.on_file)
        for key, action in a.items():
            if key.startswith("export"):
                action.setEnabled(state.has_file if key.startswith("export_portfolio") else state.plan)
