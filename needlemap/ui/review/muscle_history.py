"""One muscle's history for a patient: every session it was needled in, and what was found.

Twitch responses and reproduction of the familiar pain are what tell a practitioner whether
a trigger point is still active; the session's pain change shows what followed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.history import MuscleVisit
from needlemap.ui.formatting import format_datetime
from needlemap.ui.patients.sessions_model import RELIEF, WORSE, change_text, nprs_text
from needlemap.ui.table_model import AnyIndex, RecordTableModel


def _yes_no(value: bool | None) -> str:
    return "—" if value is None else ("yes" if value else "no")


class MuscleHistoryModel(RecordTableModel[MuscleVisit]):
    DATE, SIDE, POINTS, LTR, FAMILIAR, PAIN, CHANGE = range(7)
    HEADERS: ClassVar[tuple[str, ...]] = (
        "Session",
        "Side",
        "Points",
        "Twitches",
        "Familiar pain",
        "NPRS",
        "Change",
    )
    SessionIdRole = Qt.ItemDataRole.UserRole + 1

    def set_visits(self, visits: Sequence[MuscleVisit]) -> None:
        self.set_records(visits)

    def visit(self, row: int) -> MuscleVisit:
        return self.record(row)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        visit = self.record_at(index)
        if visit is None:
            return None
        column = index.column()
        if role == self.SessionIdRole:
            return visit.session_id
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHANGE:
            change = visit.pain_change
            if change:
                return RELIEF if change < 0 else WORSE
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.DATE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.DATE:
            return format_datetime(visit.started_at)
        if column == self.SIDE:
            return visit.side.label
        if column == self.POINTS:
            return str(visit.points)
        if column == self.LTR:
            return "—" if visit.ltr_total is None else str(visit.ltr_total)
        if column == self.FAMILIAR:
            return _yes_no(visit.familiar_pain)
        if column == self.PAIN:
            return f"{nprs_text(visit.nprs_before)} → {nprs_text(visit.nprs_after)}"
        if column == self.CHANGE:
            return change_text(visit.pain_change)
        return None


class MuscleHistoryPanel(QWidget):
    """The picked muscle's sessions; activating one opens that session for review."""

    session_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Click a muscle on the map to see its history.", self)
        self.title.setAccessibleName("Muscle history")
        self.title.setWordWrap(True)
        self.model = MuscleHistoryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Sessions that needled the muscle")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MuscleHistoryModel.DATE, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        self.table.activated.connect(
            lambda index: self.session_activated.emit(
                int(index.data(MuscleHistoryModel.SessionIdRole))
            )
        )

    def show_history(self, heading: str, visits: Sequence[MuscleVisit]) -> None:
        self.title.setText(heading)
        self.model.set_visits(visits)

    def clear(self) -> None:
        self.title.setText("Click a muscle on the map to see its history.")
        self.model.set_visits([])
