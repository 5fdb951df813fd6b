"""Two sessions of one patient side by side: both body maps, what changed, and the pain.

The maps follow each other (same view, same layer) so the eye compares like with like.
Muscles are tinted by what happened to them: new in the later session, repeated, or no longer
treated, with the same three lists spelled out beside the maps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from needlemap.anatomy import Atlas
from needlemap.domain.history import Comparison, MuscleSide, SessionSummary
from needlemap.domain.progress import MCID_NPRS as MCID
from needlemap.domain.vocabulary import Side
from needlemap.ui.body_map.panel import BodyMapPanel
from needlemap.ui.formatting import format_datetime
from needlemap.ui.icons import icon
from needlemap.ui.patients.sessions_model import change_text, nprs_text

if TYPE_CHECKING:
    from needlemap.services import Clinic

NEW = QColor(25, 118, 210, 200)
REPEATED = QColor(123, 31, 162, 170)
STOPPED = QColor(255, 160, 0, 200)


def muscle_side_name(atlas: Atlas, key: MuscleSide) -> str:
    muscle_id, side = key
    muscle = atlas.catalogue.find(muscle_id)
    name = muscle.name if muscle else muscle_id
    return name if side == Side.MIDLINE.value else f"{name}, {side}"


def pain_between(comparison: Comparison) -> str:
    """The change in pain on arrival from one visit to the next, in words."""
    change = comparison.pain_change
    if change is None:
        return "Pain on arrival was not scored in both sessions."
    before, later = comparison.earlier.nprs_before, comparison.later.nprs_before
    if change <= -MCID:
        verdict = f"an improvement of at least {MCID} points, clinically important"
    elif change >= MCID:
        verdict = f"a worsening of at least {MCID} points, clinically important"
    else:
        verdict = f"less than the {MCID} points that count as a meaningful change"
    return f"Pain on arrival: {before} then {later} ({change_text(change)}), {verdict}."


class _SessionColumn(QWidget):
    def __init__(self, atlas: Atlas, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setAccessibleName(f"{title} session")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.title = title
        self.map = BodyMapPanel(atlas, self)
        self.map.set_points([], editable=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.map, 1)

    def show_summary(self, summary: SessionSummary, practitioner: str) -> None:
        who = f" · {practitioner}" if practitioner else ""
        self.heading.setText(
            f"<b>{self.title}: {format_datetime(summary.started_at)}</b>{who}<br>"
            f"NPRS {nprs_text(summary.nprs_before)} → {nprs_text(summary.nprs_after)} "
            f"({change_text(summary.pain_change)}) · {summary.muscle_count} muscles · "
            f"{summary.status.label.lower()}"
        )


class ComparePage(QWidget):
    back_requested = Signal(int)  # patient id
    session_activated = Signal(int)

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.comparison: Comparison | None = None
        self.patient_id: int | None = None
        self._following = False

        self.back = QPushButton(icon("back"), "Patient file", self)
        self.back.setAccessibleName("Back to the patient file")
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.pain = QLabel(self)
        self.pain.setAccessibleName("Pain change between the sessions")
        self.pain.setWordWrap(True)
        self.earlier = _SessionColumn(clinic.atlas, "Earlier", self)
        self.later = _SessionColumn(clinic.atlas, "Later", self)
        self.new_list = self._list("New in the later session")
        self.repeated_list = self._list("Repeated")
        self.stopped_list = self._list("No longer treated")

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addSpacing(8)
        top.addWidget(self.title, 1)
        lists = QWidget(self)
        grid = QGridLayout(lists)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (label, colour, widget) in enumerate(
            (
                ("New in the later session", NEW, self.new_list),
                ("Repeated", REPEATED, self.repeated_list),
                ("No longer treated", STOPPED, self.stopped_list),
            )
        ):
            swatch = QLabel(self)
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {colour.name()}; border-radius: 3px;")
            heading = QLabel(f"<b>{label}</b>", self)
            row = QHBoxLayout()
            row.addWidget(swatch)
            row.addWidget(heading, 1)
            grid.addLayout(row, 0, column)
            grid.addWidget(widget, 1, column)
        maps = QSplitter(Qt.Orientation.Horizontal, self)
        maps.addWidget(self.earlier)
        maps.addWidget(self.later)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(maps)
        body.addWidget(lists)
        body.setStretchFactor(0, 4)
        body.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pain)
        layout.addWidget(body, 1)

        self.back.clicked.connect(self._back)
        for column in (self.earlier, self.later):
            column.map.view_changed.connect(lambda v, c=column: self._follow_view(c, v))
            column.map.superficial_button.toggled.connect(
                lambda on, c=column: self._follow_layer(c, on)
            )

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setAccessibleName(name)
        widget.setMaximumHeight(160)
        return widget

    def compare(self, session_a: int, session_b: int) -> Comparison:
        comparison = self.clinic.history.compare(session_a, session_b)
        self.comparison = comparison
        self.patient_id = comparison.earlier.patient_id
        patient = self.clinic.patients.get(self.patient_id)
        self.title.setText(f"{patient.display_name} — comparing two sessions")
        names = {p.id: p.name for p in self.clinic.practitioners.list(active_only=False)}
        for column, summary, tint in (
            (self.earlier, comparison.earlier, dict.fromkeys(comparison.stopped, STOPPED)),
            (self.later, comparison.later, dict.fromkeys(comparison.new, NEW)),
        ):
            tint.update(dict.fromkeys(comparison.repeated, REPEATED))
            who = names.get(summary.practitioner_id, "") if summary.practitioner_id else ""
            column.show_summary(summary, who)
            column.map.set_points(
                self.clinic.points.for_session(summary.session_id), editable=False
            )
            column.map.set_heat(tint)
        for widget, keys in (
            (self.new_list, comparison.new),
            (self.repeated_list, comparison.repeated),
            (self.stopped_list, comparison.stopped),
        ):
            self._fill(widget, keys)
        self.pain.setText(pain_between(comparison))
        first = comparison.later if comparison.new or comparison.repeated else comparison.earlier
        views = [p.location.view for p in self.clinic.points.for_session(first.session_id)]
        if views:
            self.later.map.show_view(views[0])
        self._frame_points()
        return comparison

    def _frame_points(self) -> None:
        """Both maps frame the same region: where either session's points are in this view."""
        region = QRectF()
        for column in (self.earlier, self.later):
            scene = column.map.scene_for(column.map.current_view)
            for marker in scene.markers.values():
                spot = QRectF(marker.pos(), QSizeF(1, 1))
                region = spot if region.isNull() else region.united(spot)
        for column in (self.earlier, self.later):
            column.map.view.fit_region(region if not region.isNull() else None)

    def _fill(self, widget: QListWidget, keys: Sequence[MuscleSide]) -> None:
        widget.clear()
        if not keys:
            widget.addItem("none")
            widget.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
            return
        for key in keys:
            widget.addItem(muscle_side_name(self.clinic.atlas, key))

    def _follow_view(self, source: _SessionColumn, view_id: str) -> None:
        if self._following:
            return
        self._following = True
        try:
            other = self.later if source is self.earlier else self.earlier
            if other.map.current_view != view_id:
                other.map.show_view(view_id)
            self._frame_points()
        finally:
            self._following = False

    def _follow_layer(self, source: _SessionColumn, superficial: bool) -> None:
        other = self.later if source is self.earlier else self.earlier
        other.map.set_layer("superficial" if superficial else "deep")

    def _back(self) -> None:
        if self.patient_id is not None:
            self.back_requested.emit(self.patient_id)
