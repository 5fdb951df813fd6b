"""The patient list as a Qt table model that loads a page at a time as the view scrolls.

A clinic may hold thousands of patients; the model asks the service for 200 rows at a time
(``canFetchMore``/``fetchMore``), so search and scrolling stay instant at any size.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from needlemap.domain.clock import local_today
from needlemap.services.patients import PatientListing, PatientService
from needlemap.ui.formatting import format_date

PAGE_SIZE = 200
AnyIndex = QModelIndex | QPersistentModelIndex


class PatientListModel(QAbstractTableModel):
    NAME, BORN, AGE, IDENTIFIER, SESSIONS, SCREENING = range(6)
    HEADERS: ClassVar[tuple[str, ...]] = (
        "Name",
        "Date of birth",
        "Age",
        "Identifier",
        "Sessions",
        "Screening",
    )
    PatientIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, patients: PatientService, parent: Any = None) -> None:
        super().__init__(parent)
        self._patients = patients
        self._query = ""
        self._rows: list[PatientListing] = []
        self._total = 0
        self._today = local_today()

    @property
    def query(self) -> str:
        return self._query

    @property
    def total(self) -> int:
        """How many patients match, loaded or not."""
        return self._total

    def set_query(self, text: str) -> None:
        self.beginResetModel()
        self._query = text.strip()
        self._total = self._patients.count(self._query)
        self._rows = self._patients.listing(self._query, offset=0, limit=PAGE_SIZE)
        self._today = local_today()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid():
            return
        more = self._patients.listing(self._query, offset=len(self._rows), limit=PAGE_SIZE)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def listing(self, row: int) -> PatientListing:
        return self._rows[row]

    def row_of(self, patient_id: int) -> int | None:
        for row, listing in enumerate(self._rows):
            if listing.patient.id == patient_id:
                return row
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        listing = self._rows[index.row()]
        patient = listing.patient
        column = index.column()
        if role == self.PatientIdRole:
            return patient.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(listing, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SCREENING and listing.screening:
            lines = [f.item.label for f in listing.screening.active_findings]
            when = format_date(listing.screening.screened_on)
            return f"Screened {when}" + ("".join(f"\n• {line}" for line in lines))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.AGE, self.SESSIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, listing: PatientListing, column: int) -> str:
        patient = listing.patient
        if column == self.NAME:
            return patient.sort_name
        if column == self.BORN:
            return format_date(patient.birth_date)
        if column == self.AGE:
            return str(patient.age_on(self._today))
        if column == self.IDENTIFIER:
            return patient.identifiers[0].value if patient.identifiers else ""
        if column == self.SESSIONS:
            return str(listing.session_count)
        if column == self.SCREENING:
            if listing.screening is None:
                return "Not screened"
            active = listing.screening.active_findings
            if not active:
                return "No findings"
            return ", ".join(f.item.label for f in active)
        return ""
