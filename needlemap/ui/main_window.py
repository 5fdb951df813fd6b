"""The main window: patients → patient file → charting workspace, with menus and shortcuts.

Review pages sit beside them: two sessions compared, and sessions found across the clinic.

Everything a practitioner does is saved the moment it is done, so closing the window (or losing
power) loses nothing shown as done; the window remembers its geometry, splitters and last view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from needlemap import __version__
from needlemap.domain.errors import NeedleMapError
from needlemap.ui.clinic_settings_dialog import ClinicSettingsDialog
from needlemap.ui.clinic_signals import ClinicSignals
from needlemap.ui.export import Exporter
from needlemap.ui.icons import icon
from needlemap.ui.patients.list_panel import PatientListPanel
from needlemap.ui.patients.patient_dialog import PatientDialog
from needlemap.ui.patients.patient_file import PatientFile
from needlemap.ui.review.compare_page import ComparePage
from needlemap.ui.review.find_sessions import FindSessionsPage
from needlemap.ui.review.period import Period
from needlemap.ui.session.start_dialog import StartSessionDialog
from needlemap.ui.session.workspace import SessionWorkspace

if TYPE_CHECKING:
    from needlemap.services import Clinic

WINDOW_TITLE = "NeedleMap"
PRACTITIONER_KEY = "practitioner/id"


class MainWindow(QMainWindow):
    """Built in two steps: the frame (title, geometry, "opening…") shows at once, before the
    database layer is even imported; :meth:`attach` then fills it with the clinic's pages."""

    def __init__(
        self, clinic: Clinic | None, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(WINDOW_TITLE)
        self.setObjectName("MainWindow")
        self.attached = False
        opening = QLabel("Opening the clinic database…", self)
        opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        opening.setAccessibleName("Opening")
        self.setCentralWidget(opening)
        geometry = self.settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if clinic is not None:
            self.attach(clinic)

    def attach(self, clinic: Clinic) -> None:
        """Build the pages, menus and toolbar over an open clinic."""
        self.clinic = clinic
        self.signals = ClinicSignals(clinic, self)
        self.exporter = Exporter(clinic, self)

        self.pages = QStackedWidget(self)
        self.patient_list = PatientListPanel(clinic.patients, self)
        self.patient_file = PatientFile(clinic, self)
        self.workspace = SessionWorkspace(clinic, self.settings, self)
        self.compare_page = ComparePage(clinic, self)
        self.find_page = FindSessionsPage(clinic, self)
        for page in (
            self.patient_list,
            self.patient_file,
            self.workspace,
            self.compare_page,
            self.find_page,
        ):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        self.location_label = QLabel(clinic.location, self)
        self.location_label.setAccessibleName("Database location")
        self.statusBar().addPermanentWidget(self.location_label)

        self._build_actions()
        self._build_menus()
        self._wire()
        self.patient_list.reload()
        self._restore_state()
        self._update_actions()
        self.attached = True
        self.patient_list.search.setFocus()

    # structure --------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_patient_action = self._action(
            "&New patient…", self.new_patient, QKeySequence.StandardKey.New, "patient-add"
        )
        self.patients_action = self._action("&Patients", self.show_patients, "Ctrl+L", "patients")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.export_action = self._action("&Export PDF…", self.export_pdf, "Ctrl+E", "export-pdf")
        self.print_action = self._action(
            "&Print…", self.print_pdf, QKeySequence.StandardKey.Print, "print"
        )
        self.settings_action = self._action("Clinic &settings…", self.edit_clinic_settings)
        self.undo_action = self.workspace.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self.workspace.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(icon("redo"))
        self.start_action = self._action(
            "&Start session…", self.start_session_for_current, "Ctrl+Shift+N", "session-start"
        )
        self.search_action = self._action(
            "Chart muscle by &name…", self.workspace.open_search, None, "search"
        )
        self.search_action.setShortcutVisibleInContextMenu(True)
        self.search_action.setToolTip("Ctrl+F in the charting workspace")
        self.sign_action = self._action("&Sign session…", self.workspace.sign, None, "sign")
        self.amend_action = self._action(
            "&Amend signed session…",
            lambda: self.workspace.start_amendment(),  # noqa: PLW0108 - drop triggered's bool
            None,
            "edit",
        )
        self.find_sessions_action = self._action(
            "&Find sessions…", self.show_find_sessions, "Ctrl+Shift+F", "search"
        )
        self.find_sessions_action.setToolTip(
            "Sessions across the clinic by muscle, dates, practitioner or adverse event"
        )
        self.compare_action = self._action(
            "&Compare two sessions", self.patient_file.compare_selected, "Ctrl+Shift+C", "compare"
        )
        self.about_action = self._action("&About NeedleMap", self._about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_patient_action)
        file_menu.addAction(self.patients_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        session_menu = bar.addMenu("&Session")
        session_menu.addAction(self.start_action)
        session_menu.addAction(self.search_action)
        session_menu.addSeparator()
        session_menu.addAction(self.compare_action)
        session_menu.addAction(self.find_sessions_action)
        session_menu.addSeparator()
        session_menu.addAction(self.sign_action)
        session_menu.addAction(self.amend_action)
        view_menu = bar.addMenu("&View")
        for view in self.clinic.atlas.views:
            action = QAction(f"{view.title}\t{view.key}", self)
            action.triggered.connect(lambda _c=False, v=view.id: self.workspace.map.show_view(v))
            view_menu.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for action in (
            self.patients_action,
            self.new_patient_action,
            self.start_action,
            self.find_sessions_action,
            self.export_action,
            self.print_action,
            self.undo_action,
            self.redo_action,
        ):
            toolbar.addAction(action)

    def _wire(self) -> None:
        self.patient_list.patient_activated.connect(self.open_patient)
        self.patient_file.back_requested.connect(self.show_patients)
        self.patient_file.edit_requested.connect(self.edit_patient)
        self.patient_file.start_requested.connect(self.start_session)
        self.patient_file.session_opened.connect(self.open_session)
        self.patient_file.session_reviewed.connect(self.review_session)
        self.patient_file.compare_requested.connect(self.compare_sessions)
        self.patient_file.progress_report_requested.connect(self.export_progress_report)
        self.compare_page.back_requested.connect(self.open_patient)
        self.find_page.back_requested.connect(self.show_patients)
        self.find_page.session_activated.connect(self.review_session)
        self.workspace.back_requested.connect(self.open_patient)
        self.workspace.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.pages.currentChanged.connect(lambda _i: self._update_actions())
        self.exporter.finished.connect(self._saved)
        self.signals.patient_changed.connect(lambda _pid: self._refresh_lists())

    def _update_actions(self) -> None:
        in_workspace = self.pages.currentWidget() is self.workspace
        in_patient = self.pages.currentWidget() in (self.patient_file, self.workspace)
        self.start_action.setEnabled(in_patient)
        self.export_action.setEnabled(in_patient)
        self.print_action.setEnabled(in_patient)
        for action in (self.search_action, self.sign_action, self.amend_action):
            action.setEnabled(in_workspace)
        self.compare_action.setEnabled(self.pages.currentWidget() is self.patient_file)
        self.undo_action.setVisible(True)

    def _refresh_lists(self) -> None:
        self.patient_list.model.refresh()

    # navigation --------------------------------------------------------------------------

    @property
    def practitioner_id(self) -> int | None:
        value = self.settings.value(PRACTITIONER_KEY)
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def show_patients(self) -> None:
        self.workspace.inspector.flush()
        self.pages.setCurrentWidget(self.patient_list)
        self.patient_list.model.refresh()
        self.patient_list.search.setFocus()

    def open_patient(self, patient_id: int) -> None:
        self.workspace.inspector.flush()
        self.patient_file.practitioner_id = self.practitioner_id
        try:
            self.patient_file.show_patient(patient_id)
        except NeedleMapError as exc:
            QMessageBox.warning(self, WINDOW_TITLE, exc.message)
            return
        self.pages.setCurrentWidget(self.patient_file)
        self.setWindowTitle(f"{self.patient_file.name.text()} — {WINDOW_TITLE}")

    def new_patient(self) -> None:
        dialog = PatientDialog(self.clinic.patients, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.patient_list.model.refresh()
            self.open_patient(dialog.saved.id)

    def edit_patient(self, patient_id: int) -> None:
        dialog = PatientDialog(self.clinic.patients, self.clinic.patients.get(patient_id), self)
        if dialog.exec() and dialog.saved is not None:
            self.open_patient(patient_id)

    def start_session_for_current(self) -> None:
        patient = self.patient_file.patient
        if patient is not None:
            self.start_session(patient.id)

    def start_session(self, patient_id: int) -> None:
        dialog = StartSessionDialog(self.clinic, patient_id, self.practitioner_id, self)
        if dialog.exec() and dialog.session is not None:
            self.settings.setValue(PRACTITIONER_KEY, dialog.practitioner_id)
            self.open_session(dialog.session.id)

    def open_session(self, session_id: int, *, review: bool = False) -> None:
        try:
            self.workspace.open_session(session_id, self.practitioner_id, review=review)
        except NeedleMapError as exc:
            QMessageBox.warning(self, WINDOW_TITLE, exc.message)
            return
        self.pages.setCurrentWidget(self.workspace)
        patient = self.workspace.patient
        if patient is not None:
            self.setWindowTitle(f"{patient.display_name} — session — {WINDOW_TITLE}")

    def review_session(self, session_id: int) -> None:
        """Open a past session to read: nothing can change until charting is chosen."""
        self.open_session(session_id, review=True)

    def compare_sessions(self, session_a: int, session_b: int) -> None:
        try:
            self.compare_page.compare(session_a, session_b)
        except NeedleMapError as exc:
            QMessageBox.warning(self, WINDOW_TITLE, exc.message)
            return
        self.pages.setCurrentWidget(self.compare_page)

    def show_find_sessions(self) -> None:
        self.workspace.inspector.flush()
        self.pages.setCurrentWidget(self.find_page)
        self.find_page.open()

    # documents ---------------------------------------------------------------------------

    def _chosen_sessions(self) -> list[int]:
        if self.pages.currentWidget() is self.workspace and self.workspace.session is not None:
            self.workspace.inspector.flush()
            return [self.workspace.session.id]
        if self.pages.currentWidget() is self.patient_file:
            return self.patient_file.selected_sessions()
        return []

    def export_pdf(self) -> None:
        chosen = self._chosen_sessions()
        if not chosen:
            self.statusBar().showMessage("Select one or more sessions to export.", 5000)
        elif len(chosen) == 1:
            self.exporter.export_session(chosen[0])
        else:
            self.exporter.export_sessions(chosen)

    def print_pdf(self) -> None:
        chosen = self._chosen_sessions()
        if len(chosen) != 1:
            self.statusBar().showMessage("Open or select one session to print.", 5000)
            return
        self.exporter.print_session(chosen[0])

    def export_progress_report(self, patient_id: int, period: Period) -> None:
        self.exporter.export_progress(patient_id, period.start, period.last)

    def edit_clinic_settings(self) -> None:
        ClinicSettingsDialog(self.clinic.settings, self).exec()

    def _saved(self, paths: list[object]) -> None:
        where = f": {paths[0]}" if len(paths) == 1 else ""
        plural = "" if len(paths) == 1 else "s"
        self.statusBar().showMessage(f"Saved {len(paths)} PDF{plural}{where}", 8000)

    # state -------------------------------------------------------------------------------

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About NeedleMap",
            f"<b>NeedleMap {__version__}</b><p>Dry-needling charts on a muscle-level body atlas "
            f"(atlas {self.clinic.atlas.version}).</p><p>Data: {self.clinic.location}</p>",
        )

    def _restore_state(self) -> None:
        state = self.settings.value("main_window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.workspace.restore_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        if self.attached:
            self.workspace.save_state()
            self.settings.setValue("main_window/state", self.saveState())
            self.signals.detach()
        self.settings.sync()
        super().closeEvent(event)
