"""Progress over a period: the heatmap on the body map, the pain trend, one muscle's history.

Everything comes from the history service's aggregate queries, so a year of a busy patient's
sessions draws at once. Clicking a muscle on the (read-only) map lists every session it was
needled in; activating a session opens it for review.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from needlemap.anatomy.view_geometry import Hit
from needlemap.domain.history import MuscleSide
from needlemap.domain.progress import ProgressReport
from needlemap.domain.vocabulary import Side
from needlemap.ui.body_map.panel import BodyMapPanel
from needlemap.ui.icons import icon
from needlemap.ui.review.heat import HeatLegend, heat_colours
from needlemap.ui.review.muscle_history import MuscleHistoryPanel
from needlemap.ui.review.pain_chart import PainTrendChart, TrendPoint
from needlemap.ui.review.period import Period, PeriodSelector

if TYPE_CHECKING:
    from needlemap.services import Clinic


class ProgressPanel(QWidget):
    session_activated = Signal(int)
    report_requested = Signal(int, object)  # patient id, Period

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.patient_id: int | None = None
        self.counts: dict[MuscleSide, int] = {}
        self.report: ProgressReport | None = None

        self.period = PeriodSelector(self)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Period summary")
        self.summary.setWordWrap(True)
        self.report_button = QPushButton(icon("export-pdf"), "Progress &report…", self)
        self.report_button.setToolTip(
            "A PDF of this period for the patient's file or their doctor: trend, heatmap, summary"
        )
        self.map = BodyMapPanel(clinic.atlas, self)
        self.map.set_points([], editable=False)
        self.map.status.setText("Click a muscle to see its history")
        self.legend = HeatLegend(self)
        self.deep_hint = QLabel(self)
        self.deep_hint.setAccessibleName("Deep muscles hint")
        self.deep_hint.setWordWrap(True)
        self.chart = PainTrendChart(self)
        self.history = MuscleHistoryPanel(self)

        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addWidget(self.summary, 1)
        top.addWidget(self.report_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.map, 1)
        left_layout.addWidget(self.legend)
        left_layout.addWidget(self.deep_hint)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.chart)
        right.addWidget(self.history)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.period.changed.connect(lambda _p: self.refresh())
        self.map.muscle_picked.connect(self.pick)
        self.history.session_activated.connect(self.session_activated)
        self.report_button.clicked.connect(self._report)

    def show_patient(self, patient_id: int) -> None:
        self.patient_id = patient_id
        self.history.clear()
        self.refresh()
        self._show_busiest_view(keep_current=False)

    def refresh(self) -> None:
        """Heat, trend and summary for the chosen period: the progress report's own figures,
        so the screen and the printed report say the same."""
        if self.patient_id is None:
            return
        period = self.period.period()
        self.report = self.clinic.progress.report(
            self.patient_id, start=period.start, end=period.last
        )
        self.counts = self.report.counts
        self.map.set_heat(heat_colours(self.counts))
        self.legend.set_highest(self.report.highest)
        self.chart.set_points([TrendPoint(p.day, p.before, p.after) for p in self.report.pain])
        self.chart.setAccessibleDescription(self.report.pain_summary)
        self.summary.setText(self._summary(period))
        self.deep_hint.setText(self._deep_hint())
        self._show_busiest_view(keep_current=True)

    def _summary(self, period: Period) -> str:
        report = self.report
        if report is None or not report.session_count:
            return f"No sessions in {period.describe()}."
        sessions, muscles = report.session_count, len(self.counts)
        return (
            f"{period.describe().capitalize()}: {sessions} session{'s' * (sessions != 1)}, "
            f"{muscles} muscle{'s' * (muscles != 1)} needled. {report.pain_summary}"
        )

    def _deep_hint(self) -> str:
        """Needled muscles that only show with the Deep layer: say so, or they look untreated."""
        hidden = []
        for muscle_id, side in self.counts:
            layers = {
                shape.layer
                for view_id in self.clinic.atlas.views_for(muscle_id, side)
                if (shape := self.clinic.atlas.geometry(view_id).shape(muscle_id, side))
            }
            if layers and "superficial" not in layers:
                hidden.append(self.clinic.atlas.muscle(muscle_id).name)
        if not hidden:
            return ""
        names = ", ".join(sorted(set(hidden))[:4]) + ("…" if len(set(hidden)) > 4 else "")
        return f"Deeper muscles needled ({names}): choose Deep to see them."

    def _show_busiest_view(self, *, keep_current: bool) -> None:
        """Open on the view that carries most of the heat (or keep the current one if it has
        some, so a change of period does not move the practitioner's eye)."""
        totals: dict[str, int] = {}
        for (muscle_id, side), count in self.counts.items():
            for view_id in self.clinic.atlas.views_for(muscle_id, side):
                totals[view_id] = totals.get(view_id, 0) + count
        if not totals or (keep_current and totals.get(self.map.current_view, 0) > 0):
            return
        self.map.show_view(max(totals, key=lambda v: totals[v]))

    def pick(self, hit: Hit) -> None:
        """A muscle clicked: its sessions (all of them, newest first), with what was found."""
        if self.patient_id is None:
            return
        muscle = self.clinic.atlas.muscle(hit.muscle_id)
        side = Side(hit.side)
        visits = self.clinic.history.muscle_history(self.patient_id, hit.muscle_id, side)
        in_period = self.counts.get((hit.muscle_id, hit.side), 0)
        where = muscle.name if side is Side.MIDLINE else f"{muscle.name}, {side.label.lower()}"
        if visits:
            heading = (
                f"<b>{where}</b>: needled in {len(visits)} session{'s' * (len(visits) != 1)}, "
                f"{in_period} in this period"
            )
        else:
            heading = f"<b>{where}</b>: never needled"
        self.history.show_history(heading, visits)

    def _report(self) -> None:
        if self.patient_id is not None:
            self.report_requested.emit(self.patient_id, self.period.period())
