"""Sessions across the whole clinic: by muscle, date range, practitioner, adverse event.

An audit ("every session with a pneumothorax this year"), a recall ("who had their scalenes
needled last month?") or a colleague's question all start here. The table loads a page at a
time as it scrolls, so the first rows appear at once even among tens of thousands.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.clock import local_today
from needlemap.domain.errors import NeedleMapError
from needlemap.domain.history import SessionHit
from needlemap.domain.vocabulary import AdverseEventType
from needlemap.ui.formatting import format_datetime
from needlemap.ui.icons import icon
from needlemap.ui.patients.sessions_model import nprs_text
from needlemap.ui.table_model import AnyIndex, PagedTableModel

if TYPE_CHECKING:
    from needlemap.services import Clinic

PAGE_SIZE = 100
SEARCH_PAUSE_MS = 150
ANY_EVENT, WITH_EVENT, WITHOUT_EVENT = "any", "with", "without"


@dataclass(frozen=True, slots=True)
class SessionQuery:
    """The filters, as the history service takes them."""

    muscle_id: str | None = None
    start: object = None
    end: object = None
    practitioner_id: int | None = None
    adverse_event: bool | AdverseEventType | None = None

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "muscle_id": self.muscle_id,
            "start": self.start,
            "end": self.end,
            "practitioner_id": self.practitioner_id,
            "adverse_event": self.adverse_event,
        }


class SessionSearchModel(PagedTableModel[SessionHit]):
    DATE, PATIENT, MUSCLES, PAIN, STATUS, PRACTITIONER, EVENTS = range(7)
    HEADERS: ClassVar[tuple[str, ...]] = (
        "Date",
        "Patient",
        "Muscles",
        "NPRS",
        "Status",
        "By",
        "Adverse events",
    )
    SessionIdRole = Qt.ItemDataRole.UserRole + 1
    PatientIdRole = Qt.ItemDataRole.UserRole + 2

    page_size = PAGE_SIZE

    def __init__(self, clinic: Clinic, parent: Any = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.query = SessionQuery()
        self._practitioners: dict[int, str] = {}

    def set_query(self, query: SessionQuery) -> None:
        history = self.clinic.history
        total = history.count_sessions(**query.as_kwargs())  # may raise: nothing changes then
        rows = history.find_sessions(**query.as_kwargs(), offset=0, limit=PAGE_SIZE)
        self.query = query
        self._practitioners = {
            p.id: p.name for p in self.clinic.practitioners.list(active_only=False)
        }
        self.set_first_page(rows, total)

    def _fetch(self, offset: int, limit: int) -> list[SessionHit]:
        return self.clinic.history.find_sessions(
            **self.query.as_kwargs(), offset=offset, limit=limit
        )

    def hit(self, row: int) -> SessionHit:
        return self.record(row)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.record_at(index)
        if hit is None:
            return None
        summary = hit.summary
        column = index.column()
        if role == self.SessionIdRole:
            return hit.session_id
        if role == self.PatientIdRole:
            return summary.patient_id
        if role == Qt.ItemDataRole.ToolTipRole and column == self.MUSCLES:
            return self._muscles(hit)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.DATE:
            return format_datetime(summary.started_at)
        if column == self.PATIENT:
            return hit.patient_name
        if column == self.MUSCLES:
            return self._muscles(hit)
        if column == self.PAIN:
            return f"{nprs_text(summary.nprs_before)} → {nprs_text(summary.nprs_after)}"
        if column == self.STATUS:
            return summary.status.label
        if column == self.PRACTITIONER:
            pid = summary.practitioner_id
            return self._practitioners.get(pid, "") if pid is not None else ""
        if column == self.EVENTS:
            return str(summary.adverse_event_count) if summary.adverse_event_count else ""
        return None

    def _muscles(self, hit: SessionHit) -> str:
        names = []
        for muscle_id in hit.muscle_ids:
            muscle = self.clinic.atlas.catalogue.find(muscle_id)
            names.append(muscle.name if muscle else muscle_id)
        return ", ".join(names)


class FindSessionsPage(QWidget):
    back_requested = Signal()
    session_activated = Signal(int)

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.back = QPushButton(icon("back"), "Patients", self)
        self.back.setAccessibleName("Back to the patient list")
        title = QLabel("<b>Find sessions</b>", self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)

        self.muscle = QComboBox(self)
        self.muscle.setAccessibleName("Muscle")
        self.muscle.setEditable(True)
        self.muscle.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.muscle.addItem("Any muscle", None)
        for muscle in sorted(clinic.atlas.catalogue, key=lambda m: m.name):
            self.muscle.addItem(muscle.name, muscle.id)
        completer = self.muscle.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.muscle.lineEdit().setPlaceholderText("Any muscle")

        self.use_from = QCheckBox("From", self)
        self.use_to = QCheckBox("to", self)
        today = local_today()
        self.date_from = QDateEdit(QDate(today.year, 1, 1), self)
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit, name in ((self.date_from, "From date"), (self.date_to, "To date")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")
            edit.setAccessibleName(name)
            edit.setEnabled(False)

        self.practitioner = QComboBox(self)
        self.practitioner.setAccessibleName("Practitioner")
        self.adverse = QComboBox(self)
        self.adverse.setAccessibleName("Adverse events")
        self.adverse.addItem("Any", ANY_EVENT)
        self.adverse.addItem("With an adverse event", WITH_EVENT)
        self.adverse.addItem("Without adverse events", WITHOUT_EVENT)
        for kind in AdverseEventType:
            self.adverse.addItem(f"With: {kind.label}", kind.value)

        self.count = QLabel(self)
        self.count.setAccessibleName("Sessions found")
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.hide()
        self.model = SessionSearchModel(clinic, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Sessions found")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SessionSearchModel.MUSCLES, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (SessionSearchModel.DATE, 140),
            (SessionSearchModel.PATIENT, 220),
            (SessionSearchModel.PAIN, 70),
            (SessionSearchModel.STATUS, 80),
            (SessionSearchModel.PRACTITIONER, 150),
            (SessionSearchModel.EVENTS, 110),
        ):
            self.table.setColumnWidth(column, width)

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addSpacing(8)
        top.addWidget(title, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.use_from)
        dates.addWidget(self.date_from)
        dates.addWidget(self.use_to)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for combo in (self.muscle, self.practitioner, self.adverse):
            combo.setMinimumWidth(360)
        form.addRow("&Muscle", self.muscle)
        form.addRow("Dates", dates)
        form.addRow("&Practitioner", self.practitioner)
        form.addRow("&Adverse events", self.adverse)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.search)
        self.back.clicked.connect(self.back_requested)
        self.muscle.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.practitioner.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.adverse.currentIndexChanged.connect(lambda _i: self._timer.start())
        for box, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(lambda _on: self._timer.start())
            edit.dateChanged.connect(lambda _d: self._timer.start())
        self.table.activated.connect(
            lambda index: self.session_activated.emit(
                int(index.data(SessionSearchModel.SessionIdRole))
            )
        )

    def open(self) -> None:
        """Fresh practitioner list (one may have been added) and fresh results."""
        current = self.practitioner.currentData()
        self.practitioner.blockSignals(True)
        self.practitioner.clear()
        self.practitioner.addItem("Anyone", None)
        for practitioner in self.clinic.practitioners.list(active_only=False):
            self.practitioner.addItem(practitioner.name, practitioner.id)
        self.practitioner.setCurrentIndex(max(0, self.practitioner.findData(current)))
        self.practitioner.blockSignals(False)
        self.search()
        self.muscle.setFocus()

    def query(self) -> SessionQuery:
        muscle_id = self.muscle.currentData()
        if self.muscle.currentText().strip() in ("", "Any muscle"):
            muscle_id = None
        event = self.adverse.currentData()
        adverse: bool | AdverseEventType | None
        if event == ANY_EVENT:
            adverse = None
        elif event in (WITH_EVENT, WITHOUT_EVENT):
            adverse = event == WITH_EVENT
        else:
            adverse = AdverseEventType(event)
        start = self.date_from.date().toPython() if self.use_from.isChecked() else None
        end = None
        if self.use_to.isChecked():
            end = self.date_to.date().addDays(1).toPython()  # the "to" day is included
        return SessionQuery(
            muscle_id=muscle_id,
            start=start,
            end=end,
            practitioner_id=self.practitioner.currentData(),
            adverse_event=adverse,
        )

    def search(self) -> None:
        self._timer.stop()
        try:
            self.model.set_query(self.query())
        except NeedleMapError as exc:
            self.message.setText(exc.message)
            self.message.show()
            return
        self.message.hide()
        total = self.model.total
        self.count.setText(f"{total:,} session{'s' * (total != 1)}")
