"""A patient's timeline as a table: date, status, muscles, pain before → after, adverse events.

Rows are :class:`SessionSummary` aggregates, not full records, so a file with hundreds of
sessions fills the table from one query.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from needlemap.domain.history import SessionSummary
from needlemap.ui.formatting import format_datetime
from needlemap.ui.table_model import AnyIndex, RecordTableModel

RELIEF = QColor("#2e7d32")
WORSE = QColor("#c62828")


def nprs_text(value: int | None) -> str:
    return "—" if value is None else str(value)


def change_text(change: int | None) -> str:
    if change is None:
        return "—"
    return f"{change:+d}".replace("-", "−") if change else "0"


class SessionListModel(RecordTableModel[SessionSummary]):
    DATE, STATUS, MUSCLES, PAIN, CHANGE, EVENTS, PRACTITIONER = range(7)
    HEADERS: ClassVar[tuple[str, ...]] = (
        "Date",
        "Status",
        "Muscles",
        "NPRS before → after",
        "Change",
        "Adverse events",
        "By",
    )
    SessionIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._practitioners: Mapping[int, str] = {}

    def set_summaries(
        self, summaries: Sequence[SessionSummary], practitioners: Mapping[int, str]
    ) -> None:
        self._practitioners = dict(practitioners)
        self.set_records(summaries)

    def summary(self, row: int) -> SessionSummary:
        return self.record(row)

    def row_of(self, session_id: int) -> int | None:
        return next((i for i, s in enumerate(self._rows) if s.session_id == session_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        summary = self.record_at(index)
        if summary is None:
            return None
        column = index.column()
        if role == self.SessionIdRole:
            return summary.session_id
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHANGE:
            change = summary.pain_change
            if change is None or change == 0:
                return None
            return RELIEF if change < 0 else WORSE
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.MUSCLES,
            self.PAIN,
            self.CHANGE,
            self.EVENTS,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.MUSCLES:
            return f"{summary.muscle_count} muscles (per side), {summary.point_count} points"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.DATE:
            return format_datetime(summary.started_at)
        if column == self.STATUS:
            return summary.status.label + (" (amended)" if summary.amended else "")
        if column == self.MUSCLES:
            return str(summary.muscle_count)
        if column == self.PAIN:
            return f"{nprs_text(summary.nprs_before)} → {nprs_text(summary.nprs_after)}"
        if column == self.CHANGE:
            return change_text(summary.pain_change)
        if column == self.EVENTS:
            return str(summary.adverse_event_count) if summary.adverse_event_count else ""
        if column == self.PRACTITIONER:
            if summary.practitioner_id is None:
                return ""
            return self._practitioners.get(summary.practitioner_id, "")
        return None
