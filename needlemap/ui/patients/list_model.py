"""The patient list as a Qt table model that loads a page at a time as the view scrolls.

A clinic may hold thousands of patients; the model asks the service for a page at a time
(``canFetchMore``/``fetchMore``), so search and scrolling stay instant at any size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import Qt

from needlemap.domain.clock import local_today
from needlemap.services.patients import PatientListing, PatientService
from needlemap.ui.formatting import format_date
from needlemap.ui.table_model import AnyIndex, PagedTableModel

PAGE_SIZE = 60  # a tall window shows about 40 rows; more load as the list scrolls


class PatientListModel(PagedTableModel[PatientListing]):
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
    _ROLES: ClassVar[frozenset[int]] = frozenset(
        {PatientIdRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole}
    )

    page_size = PAGE_SIZE

    def __init__(self, patients: PatientService, parent: Any = None) -> None:
        super().__init__(parent)
        self._patients = patients
        self._query = ""
        self._texts: list[tuple[str, ...]] = []
        self._today = local_today()

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        query = text.strip()
        page, total = self._patients.listing_page(query, limit=PAGE_SIZE)
        self._query, self._today, self._texts = query, local_today(), []
        self.set_first_page(page, total)

    def _fetch(self, offset: int, limit: int) -> list[PatientListing]:
        return self._patients.listing(self._query, offset=offset, limit=limit)

    def _added(self, records: Sequence[PatientListing]) -> None:
        self._texts.extend(self._row_texts(listing) for listing in records)

    def refresh(self) -> None:
        self.set_query(self._query)

    def listing(self, row: int) -> PatientListing:
        return self._rows[row]

    def row_of(self, patient_id: int) -> int | None:
        for row, listing in enumerate(self._rows):
            if listing.patient.id == patient_id:
                return row
        return None

    def _row_texts(self, listing: PatientListing) -> tuple[str, ...]:
        """A row's cells, formatted once: the view asks for them on every repaint."""
        return tuple(self._display(listing, column) for column in range(len(self.HEADERS)))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][index.column()] if 0 <= row < len(self._texts) else None
        if role not in self._ROLES or not 0 <= row < len(self._rows):
            return None
        listing = self._rows[row]
        patient = listing.patient
        column = index.column()
        if role == self.PatientIdRole:
            return patient.id
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
