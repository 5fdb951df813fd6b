"""The patient file: details, the screening summary, the timeline, and progress over time.

Safety records start here too: the contraindication screening (with a reminder when it is due
again) and adverse events reported against a session, even one signed days ago. The timeline
is one aggregate query however long the history; the progress tab (heatmap, pain trend,
per-muscle history) loads when it is first shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.clock import local_today
from needlemap.domain.errors import NeedleMapError
from needlemap.domain.history import SessionSummary
from needlemap.domain.people import Patient
from needlemap.domain.screening import Screening, ScreeningFinding
from needlemap.domain.vocabulary import FindingKind
from needlemap.ui.formatting import format_date
from needlemap.ui.icons import icon
from needlemap.ui.patients.screening_dialog import ScreeningDialog
from needlemap.ui.patients.sessions_model import SessionListModel
from needlemap.ui.review.progress_panel import ProgressPanel
from needlemap.ui.session.adverse_event_dialog import AdverseEventDialog
from needlemap.ui.workers import run_in_background

if TYPE_CHECKING:
    from needlemap.services import Clinic

FINDINGS_STYLE = "color: #b71c1c; font-weight: bold;"
DUE_STYLE = "color: #8a4b00; font-weight: bold;"


def _finding_text(finding: ScreeningFinding) -> str:
    limbs = ", ".join(limb.label.lower() for limb in finding.limbs)
    return f"{finding.item.label} ({limbs})" if limbs else finding.item.label


def _findings(screening: Screening) -> str:
    """ "absolute: Lymphoedema (left arm); relative: Diabetes"."""
    groups = []
    for kind in FindingKind:
        found = [_finding_text(f) for f in screening.active_findings if f.kind is kind]
        if found:
            groups.append(f"{kind.value}: {', '.join(found)}")
    return "; ".join(groups)


class PatientFile(QWidget):
    back_requested = Signal()
    edit_requested = Signal(int)
    start_requested = Signal(int)
    session_opened = Signal(int)  # to chart (resume a draft)
    session_reviewed = Signal(int)  # to read
    compare_requested = Signal(int, int)
    progress_report_requested = Signal(int, object)  # patient id, Period
    loaded = Signal()

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.patient: Patient | None = None
        self.practitioner_id: int | None = None  # who is at the keyboard; the main window sets it
        self.screening_dialog: ScreeningDialog | None = None
        self.adverse_event_dialog: AdverseEventDialog | None = None
        self._loading_for: int | None = None

        self.back = QPushButton(icon("back"), "Patients", self)
        self.back.setAccessibleName("Back to the patient list")
        self.name = QLabel(self)
        self.name.setAccessibleName("Patient name")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.details = QLabel(self)
        self.details.setAccessibleName("Patient details")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel(self)
        self.banner.setAccessibleName("Screening")
        self.banner.setWordWrap(True)
        self.screening_button = QPushButton(icon("screening"), "Scree&ning…", self)
        self.screening_button.setAccessibleName("Record a screening")
        self.screening_button.setToolTip("Screen the patient for contraindications and precautions")
        self.adverse_event_button = QPushButton(icon("warning"), "A&dverse event…", self)
        self.adverse_event_button.setAccessibleName("Record an adverse event")
        self.adverse_event_button.setToolTip(
            "Record an adverse event against the selected session (signed sessions are amended)"
        )
        self.edit_button = QPushButton(icon("edit"), "&Edit details…", self)
        self.start_button = QPushButton(icon("session-start"), "&Start session…", self)
        self.resume_button = QPushButton(icon("needle"), "&Resume draft", self)
        self.start_button.setDefault(True)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Loading sessions")
        self.busy.hide()

        self.sessions_model = SessionListModel(self)
        self.sessions = QTableView(self)
        self.sessions.setModel(self.sessions_model)
        self.sessions.setAccessibleName("Sessions")
        self.sessions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sessions.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.sessions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sessions.setAlternatingRowColors(True)
        self.sessions.verticalHeader().hide()
        header = self.sessions.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in (
            (SessionListModel.DATE, 150),
            (SessionListModel.STATUS, 150),
            (SessionListModel.MUSCLES, 80),
            (SessionListModel.PAIN, 150),
            (SessionListModel.CHANGE, 80),
            (SessionListModel.EVENTS, 120),
        ):
            self.sessions.setColumnWidth(column, width)
        self.open_button = QPushButton(icon("history"), "&Open", self)
        self.open_button.setToolTip("Open the selected session to read it (Enter)")
        self.compare_button = QPushButton(icon("compare"), "Co&mpare", self)
        self.compare_button.setToolTip("Select two sessions (Ctrl+click) to compare them")
        self.progress = ProgressPanel(clinic, self)

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addSpacing(12)
        top.addWidget(self.name)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.resume_button)
        top.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.screening_button)
        layout.addLayout(banner_row)

        timeline = QWidget(self)
        timeline_layout = QVBoxLayout(timeline)
        timeline_layout.setContentsMargins(0, 4, 0, 0)
        hint = QLabel(
            "<span style='color:gray'>Select two sessions to compare them, or several to "
            "export them together (Ctrl+E)</span>",
            self,
        )
        actions = QHBoxLayout()
        actions.addWidget(hint, 1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.compare_button)
        actions.addWidget(self.adverse_event_button)
        timeline_layout.addLayout(actions)
        timeline_layout.addWidget(self.busy)
        timeline_layout.addWidget(self.sessions, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.timeline_tab = self.tabs.addTab(timeline, icon("history"), "&Timeline")
        self.progress_tab = self.tabs.addTab(self.progress, icon("trend"), "Pro&gress")
        layout.addWidget(self.tabs, 1)

        self.back.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(lambda: self._emit_for(self.edit_requested))
        self.start_button.clicked.connect(lambda: self._emit_for(self.start_requested))
        self.resume_button.clicked.connect(self._resume)
        self.screening_button.clicked.connect(self.open_screening)
        self.adverse_event_button.clicked.connect(self.open_adverse_event)
        self.sessions.activated.connect(
            lambda index: self.session_reviewed.emit(
                int(index.data(SessionListModel.SessionIdRole))
            )
        )
        self.sessions.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self.open_button.clicked.connect(self._open_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.progress.session_activated.connect(self.session_reviewed)
        self.progress.report_requested.connect(self.progress_report_requested)
        self._progress_for: int | None = None
        self._selection()

    def selected_sessions(self) -> list[int]:
        rows = sorted({index.row() for index in self.sessions.selectionModel().selectedRows()})
        return [self.sessions_model.summary(row).session_id for row in rows]

    def _selection(self) -> None:
        chosen = self.selected_sessions()
        self.open_button.setEnabled(len(chosen) == 1)
        self.compare_button.setEnabled(len(chosen) == 2)

    def _open_selected(self) -> None:
        chosen = self.selected_sessions()
        if len(chosen) == 1:
            self.session_reviewed.emit(chosen[0])

    def compare_selected(self) -> None:
        chosen = self.selected_sessions()
        if len(chosen) != 2:
            self._status("Select two sessions to compare (Ctrl+click the second).")
            return
        self.compare_requested.emit(chosen[0], chosen[1])

    def _tab_changed(self, index: int) -> None:
        if index == self.progress_tab:
            self._load_progress()

    def _load_progress(self) -> None:
        """The heatmap and trend, once per patient shown (and again after a change)."""
        if self.patient is None or self._progress_for == self.patient.id:
            return
        self._progress_for = self.patient.id
        try:
            self.progress.show_patient(self.patient.id)
        except NeedleMapError as exc:
            self._status(exc.message)

    def _emit_for(self, signal: Signal) -> None:
        if self.patient is not None:
            signal.emit(self.patient.id)  # type: ignore[attr-defined]

    def show_patient(self, patient_id: int) -> None:
        patient = self.clinic.patients.get(patient_id)
        self.patient = patient
        self.name.setText(patient.display_name)
        age = patient.age_on(local_today())
        ids = "  ·  ".join(f"{i.system} {i.value}" for i in patient.identifiers)
        parts = [f"Born {format_date(patient.birth_date)} ({age})", patient.sex.label]
        if ids:
            parts.append(ids)
        if patient.phone:
            parts.append(patient.phone)
        self.details.setText("  ·  ".join(parts))
        self.refresh_banner()
        self.load_sessions()

    def refresh_banner(self) -> None:
        """The latest screening's active findings, and a reminder when re-screening is due."""
        if self.patient is None:
            return
        screening = self.clinic.patients.latest_screening(self.patient.id)
        if screening is None:
            self.banner.setText("Not screened yet for contraindications.")
            self.banner.setStyleSheet(DUE_STYLE)
            return
        days = (local_today() - screening.screened_on).days
        due = days > self.clinic.settings.get().rescreen_after_days
        reminder = (
            f"re-screening due (last screened {days} day{'' if days == 1 else 's'} ago)"
            if due
            else ""
        )
        if screening.active_findings:
            text = f"⚠ Screening {format_date(screening.screened_on)} — {_findings(screening)}"
            style = FINDINGS_STYLE
        else:
            text = f"Screened {format_date(screening.screened_on)}: no findings."
            style = DUE_STYLE if due else ""
        self.banner.setText(f"{text}  ·  {reminder}" if due else text)
        self.banner.setStyleSheet(style)

    def open_screening(self) -> None:
        if self.patient is None:
            return
        dialog = ScreeningDialog(self.clinic, self.patient.id, self.practitioner_id, self)
        dialog.accepted.connect(self._screening_saved)
        if self.screening_dialog is not None:
            self.screening_dialog.deleteLater()  # the previous one, finished with
        self.screening_dialog = dialog
        dialog.open()

    def _screening_saved(self) -> None:
        self.refresh_banner()
        self._status("Screening saved.")

    def open_adverse_event(self) -> None:
        chosen = self.selected_sessions()
        if len(chosen) != 1:
            self._status("Select one session to record an adverse event against.")
            return
        try:
            dialog = AdverseEventDialog(self.clinic, chosen[0], self.practitioner_id, self)
        except NeedleMapError as exc:
            self._status(exc.message)
            return
        dialog.accepted.connect(self._adverse_event_saved)
        if self.adverse_event_dialog is not None:
            self.adverse_event_dialog.deleteLater()
        self.adverse_event_dialog = dialog
        dialog.open()

    def _adverse_event_saved(self) -> None:
        self._status("Adverse event recorded.")
        self.load_sessions()

    def _status(self, message: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 5000)

    def load_sessions(self) -> None:
        """A long history loads in the background; the file is usable meanwhile."""
        if self.patient is None:
            return
        patient_id = self.patient.id
        self._loading_for = patient_id
        self.busy.show()
        self._progress_for = None
        history = self.clinic.history
        practitioners = self.clinic.practitioners

        def work() -> tuple[list[SessionSummary], dict[int, str]]:
            names = {p.id: p.name for p in practitioners.list(active_only=False)}
            return history.timeline(patient_id), names

        run_in_background(
            work,
            lambda loaded, pid=patient_id: self._sessions_loaded(pid, *loaded),
            self._failed,
            parent=self,
        )

    def _sessions_loaded(
        self, patient_id: int, summaries: list[SessionSummary], practitioners: dict[int, str]
    ) -> None:
        if patient_id != self._loading_for:
            return
        self.busy.hide()
        self.sessions_model.set_summaries(summaries, practitioners)
        draft = next((s for s in summaries if not s.is_signed), None)
        self.resume_button.setVisible(draft is not None)
        self.resume_button.setProperty("session_id", draft.session_id if draft else None)
        self._selection()
        if self.tabs.currentIndex() == self.progress_tab:
            self._load_progress()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        if isinstance(exc, NeedleMapError):
            self.banner.setText(exc.message)
            return
        raise exc

    def _resume(self) -> None:
        session_id = self.resume_button.property("session_id")
        if session_id is not None:
            self.session_opened.emit(int(session_id))
