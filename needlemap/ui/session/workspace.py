"""The charting workspace: chart a session on the body map as it happens.

One click marks a point at that exact spot on that muscle and side; the service commits it
before the marker appears. Every edit — marks, moves, deletions, inspector and header changes —
is an undoable command, and every step of undo and redo is committed too. A signed session is
read-only until the practitioner starts an amendment, whose reason goes with every change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from needlemap.anatomy.view_geometry import Hit
from needlemap.domain.clock import local_day
from needlemap.domain.errors import NeedleMapError, ValidationError
from needlemap.domain.people import Patient
from needlemap.domain.point import NeedledPoint, PointSettings
from needlemap.domain.safety import Acknowledgement, SafetyCheckRequired
from needlemap.domain.session import Session
from needlemap.services.amendments import AmendmentNote
from needlemap.ui.body_map.panel import BodyMapPanel
from needlemap.ui.session.commands import (
    DeletePointCommand,
    EditPointCommand,
    MarkPointCommand,
    MovePointCommand,
    SessionFieldCommand,
)
from needlemap.ui.session.consent_dialog import ConsentDialog
from needlemap.ui.session.header import SessionHeader
from needlemap.ui.session.inspector import PointInspector
from needlemap.ui.session.muscle_search import MuscleSearch
from needlemap.ui.session.points_model import POINT_ID_ROLE, PointsModel
from needlemap.ui.session.safety_dialog import SafetyPromptDialog

if TYPE_CHECKING:
    from needlemap.services import Clinic


class SessionWorkspace(QWidget):
    back_requested = Signal(int)  # patient id
    message = Signal(str)

    def __init__(self, clinic: Clinic, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.patient: Patient | None = None
        self.session: Session | None = None
        self.points: list[NeedledPoint] = []
        self.amendment: AmendmentNote | None = None
        self._practitioner = ""
        self._screening = ""
        self.reviewing = False  # opened from the timeline to read: nothing can change
        self.practitioner_id: int | None = None
        self.last_message = ""
        self.safety_dialog: SafetyPromptDialog | None = None
        self.consent_dialog: ConsentDialog | None = None

        self.header = SessionHeader(self)
        self.map = BodyMapPanel(clinic.atlas, self)
        self.points_model = PointsModel(clinic.atlas, self)
        self.points_view = QTreeView(self)
        self.points_view.setModel(self.points_model)
        self.points_view.setAccessibleName("Needled points")
        self.points_view.setHeaderHidden(False)
        self.points_view.setUniformRowHeights(True)
        self.points_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.points_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.points_view.setAllColumnsShowFocus(True)
        self.points_view.header().setStretchLastSection(True)
        self.points_view.setColumnWidth(0, 210)
        self.inspector = PointInspector(clinic.atlas, self)
        self.search = MuscleSearch(clinic.atlas, self.map)

        inspector_scroll = QScrollArea(self)
        inspector_scroll.setWidget(self.inspector)
        inspector_scroll.setWidgetResizable(True)
        inspector_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.points_view)
        side.addWidget(inspector_scroll)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 2)
        side.setObjectName("points_splitter")
        # the inspector's fields stay readable however the map is sized
        side.setMinimumWidth(self.inspector.minimumSizeHint().width() + 24)
        self.side_splitter = side
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(self.map)
        main.addWidget(side)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 1)
        main.setObjectName("workspace_splitter")
        self.splitter = main
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(main, 1)

        self.map.spot_chosen.connect(self._spot_chosen)
        self.map.marker_selected.connect(self.select_point)
        self.map.marker_moved.connect(self._marker_moved)
        self.map.view.missed.connect(lambda *_: self._say("Not on a muscle: click inside one."))
        self.points_view.selectionModel().currentChanged.connect(self._tree_selected)
        self.inspector.edited.connect(self._inspector_edited)
        self.header.field_edited.connect(self._header_edited)
        self.header.sign_requested.connect(self.sign)
        self.header.amend_requested.connect(self.start_amendment)
        self.header.continue_requested.connect(self.continue_charting)
        self.header.consent_requested.connect(self.open_consent)
        self.header.back_requested.connect(self._back)
        self.search.chosen.connect(self.mark_by_name)
        # undo and redo change the database under the view: read it back. A push reloads
        # itself once (a merged edit emits no index change), so its own signal is skipped.
        self._pushing = False
        self.undo_stack.indexChanged.connect(lambda _i: None if self._pushing else self.reload())

        self._shortcut(QKeySequence.StandardKey.Find, self.open_search)
        self._shortcut(QKeySequence(Qt.Key.Key_Delete), self.delete_selected)
        self._shortcut(QKeySequence(Qt.Key.Key_Backspace), self.delete_selected)
        for view in clinic.atlas.views:
            self._shortcut(QKeySequence(view.key), lambda v=view.id: self.map.show_view(v))
        self._shortcut(QKeySequence("S"), lambda: self.map.set_layer("superficial"))
        self._shortcut(QKeySequence("D"), lambda: self.map.set_layer("deep"))
        self._shortcut(QKeySequence("R"), self.map.overlay_button.toggle)
        self._shortcut(QKeySequence.StandardKey.ZoomIn, self.map.view.zoom_in)
        self._shortcut(QKeySequence.StandardKey.ZoomOut, self.map.view.zoom_out)
        self._shortcut(QKeySequence("Ctrl+0"), self.map.view.fit)
        self.setTabOrder(self.header.position, self.header.nprs_before)
        self.setTabOrder(self.map.view, self.points_view)
        self.setTabOrder(self.points_view, self.inspector.technique)

    def _shortcut(self, keys: QKeySequence, slot: object) -> QShortcut:
        shortcut = QShortcut(keys, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)  # type: ignore[arg-type]
        return shortcut

    # loading -----------------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return (
            self.session is not None
            and not self.reviewing
            and (not self.session.is_signed or self.amendment is not None)
        )

    def open_session(
        self, session_id: int, practitioner_id: int | None, *, review: bool = False
    ) -> None:
        """Open a session for charting, or with ``review`` to read it without risk of a change."""
        self.inspector.flush()
        self.practitioner_id = practitioner_id
        self.amendment = None
        self.reviewing = review
        self.undo_stack.clear()
        record = self.clinic.sessions.record(session_id)
        self.patient = record.patient
        # who treats and what the screening found do not change while the session is open:
        # read once here, not on every click
        self._practitioner = record.practitioner_name(record.session.practitioner_id) or ""
        self._screening = self._screening_text(record.session)
        self._apply(record.session, list(record.points))
        if record.points:
            self.map.show_view(record.points[-1].location.view)
        self.map.view.setFocus()

    def reload(self) -> None:
        if self.session is None:
            return
        self._apply(
            self.clinic.sessions.get(self.session.id),
            self.clinic.points.for_session(self.session.id),
        )

    def _apply(self, session: Session, points: list[NeedledPoint]) -> None:
        self.session = session
        self.points = points
        assert self.patient is not None
        self.header.set_session(
            self.patient,
            session,
            self._practitioner,
            editable=self.editable,
            reviewing=self.reviewing,
        )
        self.header.set_screening(self._screening)
        selected = self.inspector.point.id if self.inspector.point else None
        self.map.set_points(points, editable=self.editable)
        self.points_model.set_points(points)
        self.points_view.expandAll()
        self.select_point(selected if any(p.id == selected for p in points) else None)

    def _screening_text(self, session: Session) -> str:
        """Active findings as of the session, and whether re-screening is due."""
        assert self.patient is not None
        screenings = [
            s
            for s in self.clinic.patients.screenings(self.patient.id)
            if s.screened_on <= local_day(session.started_at)
        ]
        if not screenings:
            return "Not screened for contraindications."
        latest = screenings[0]
        parts = []
        if latest.active_findings:
            parts.append("⚠ " + ", ".join(f.item.label for f in latest.active_findings))
        age = (local_day(session.started_at) - latest.screened_on).days
        if age > self.clinic.settings.get().rescreen_after_days:
            parts.append(f"re-screening due (last {age} days ago)")
        return "  ·  ".join(parts)

    def _say(self, text: str) -> None:
        self.last_message = text
        self.message.emit(text)

    def _run(self, action: object) -> object:
        """Call a service; show a refusal in words and leave everything as it was."""
        try:
            return action()  # type: ignore[operator]
        except ValidationError as exc:
            self._say(exc.message)
        except NeedleMapError as exc:
            QMessageBox.warning(self, "NeedleMap", exc.message)
        return None

    # marking -----------------------------------------------------------------------------

    def _spot_chosen(self, view_id: str, x: float, y: float, hit: Hit) -> None:
        self.mark(view_id, x, y, hit.muscle_id, hit.side, hit.layer)

    def mark(
        self,
        view_id: str,
        x: float,
        y: float,
        muscle_id: str,
        side: str,
        layer: str,
        trigger_point: str | None = None,
    ) -> NeedledPoint | None:
        """Mark a point now, or after the practitioner has answered the safety prompts."""
        if self.session is None or not self.editable:
            return None
        self.inspector.flush()
        session_id = self.session.id
        name = self.clinic.atlas.catalogue.get(muscle_id).name

        def attempt(answers: tuple[Acknowledgement, ...]) -> NeedledPoint:
            return self.clinic.points.mark(
                session_id,
                muscle_id=muscle_id,
                side=side,
                view=view_id,
                x=x,
                y=y,
                layer=layer,
                trigger_point=trigger_point,
                amendment=self.amendment,
                acknowledgements=answers,
                practitioner_id=self.practitioner_id,
            )

        result = self._safely(attempt, f"{name}, {side}", self._marked)
        return result if isinstance(result, NeedledPoint) else None

    def _push(self, command: QUndoCommand) -> None:
        """Record a change already committed, and show the database's state once."""
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False
        self.reload()

    def _marked(self, point: NeedledPoint) -> None:
        name = self.clinic.atlas.catalogue.get(point.muscle_id).name
        self._push(MarkPointCommand(self.clinic, point, name, self.amendment))
        self.select_point(point.id)
        self._say(f"Point {point.seq}: {name}, {point.side.value}.")

    def _safely(
        self,
        attempt: Callable[[tuple[Acknowledgement, ...]], object],
        subject: str,
        done: Callable[[Any], None],
    ) -> object:
        """Try the change; if safety prompts come back, ask them and try again when answered."""
        try:
            result = attempt(())
        except SafetyCheckRequired as pending:
            dialog = SafetyPromptDialog(pending.checks, subject, self)
            self.safety_dialog = dialog
            dialog.accepted.connect(lambda: self._answered(attempt, dialog, done))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            return None
        except ValidationError as exc:
            self._say(exc.message)
            if exc.field == "consent":
                self.open_consent()
            return None
        except NeedleMapError as exc:
            QMessageBox.warning(self, "NeedleMap", exc.message)
            return None
        done(result)
        return result

    def _answered(
        self,
        attempt: Callable[[tuple[Acknowledgement, ...]], object],
        dialog: SafetyPromptDialog,
        done: Callable[[Any], None],
    ) -> None:
        self.safety_dialog = None
        answers = dialog.answers()
        result = self._run(lambda: attempt(answers))
        if result is not None:
            done(result)

    def open_consent(self) -> None:
        if self.session is None:
            return
        dialog = ConsentDialog(self.clinic, self.session, self.practitioner_id, self)
        self.consent_dialog = dialog
        dialog.accepted.connect(self._consent_recorded)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _consent_recorded(self) -> None:
        self.consent_dialog = None
        self.reload()
        self._say("Consent recorded.")

    def open_search(self) -> None:
        if not self.editable:
            self._say("This session is signed: start an amendment to change it.")
            return
        self.search.move(12, 44)
        self.search.open()

    def mark_by_name(self, muscle_id: str, side: str, trigger_point: str) -> None:
        positions = self.clinic.atlas.reference_positions(muscle_id, side)
        chosen = next((p for p in positions if p.trigger_point == trigger_point), None)
        chosen = chosen or (positions[0] if positions else None)
        if chosen is None:
            chosen = self.clinic.atlas.default_position(muscle_id, side)
        if chosen is None:
            self._say("That muscle has no place on the body map.")
            return
        self.map.show_view(chosen.view)
        self.mark(
            chosen.view, chosen.x, chosen.y, muscle_id, side, chosen.layer, chosen.trigger_point
        )
        self.map.view.setFocus()

    # selection, deletion, moving --------------------------------------------------------

    def select_point(self, point_id: int | None) -> None:
        point = next((p for p in self.points if p.id == point_id), None)
        self.inspector.flush()
        self.inspector.set_point(point, editable=self.editable)
        self.map.select_point(point.id if point else None)
        index = self.points_model.index_of(point.id) if point else None
        if index is not None and index.isValid():
            self.points_view.blockSignals(True)
            self.points_view.setCurrentIndex(index)
            self.points_view.blockSignals(False)
        if point is not None and point.location.view != self.map.current_view:
            self.map.show_view(point.location.view)

    def _tree_selected(self, current: object, _previous: object) -> None:
        point_id = current.data(POINT_ID_ROLE) if current is not None else None  # type: ignore[attr-defined]
        if point_id is not None:
            self.select_point(int(point_id))

    @property
    def selected_point(self) -> NeedledPoint | None:
        return self.inspector.point

    def delete_selected(self) -> None:
        point = self.selected_point
        if point is None or not self.editable:
            return
        removed = self._run(lambda: self.clinic.points.delete(point.id, amendment=self.amendment))
        if not isinstance(removed, NeedledPoint):
            return
        name = self.clinic.atlas.catalogue.get(point.muscle_id).name
        self._push(DeletePointCommand(self.clinic, removed, name, self.amendment))
        self._say(f"Point {removed.seq} removed.")

    def _marker_moved(
        self, point_id: int, view_id: str, x0: float, y0: float, x1: float, y1: float
    ) -> None:
        point = next((p for p in self.points if p.id == point_id), None)
        if point is None:
            return
        moved = self._run(
            lambda: self.clinic.points.move(
                point_id, x=x1, y=y1, view=view_id, amendment=self.amendment
            )
        )
        if not isinstance(moved, NeedledPoint):
            marker = self.map.scene_for(view_id).markers.get(point_id)
            if marker is not None:
                marker.setPos(QPointF(x0, y0))  # a marker stays on its muscle
            return
        self._push(
            MovePointCommand(self.clinic, point_id, point.location, moved.location, self.amendment)
        )

    # edits -------------------------------------------------------------------------------

    def _inspector_edited(self, point_id: int, field: str, new: PointSettings) -> None:
        point = next((p for p in self.points if p.id == point_id), None)
        if point is None:
            return

        def attempt(answers: tuple[Acknowledgement, ...]) -> NeedledPoint:
            return self.clinic.points.update(
                point_id,
                new,
                amendment=self.amendment,
                acknowledgements=answers,
                practitioner_id=self.practitioner_id,
            )

        def done(saved: NeedledPoint) -> None:
            self._push(
                EditPointCommand(
                    self.clinic, point_id, field, point.settings, saved.settings, self.amendment
                )
            )

        if self._safely(attempt, f"Point {point.seq}", done) is None:
            self.inspector.set_point(point, editable=self.editable)

    def _header_edited(self, field: str, before: object, after: object) -> None:
        if self.session is None:
            return
        session_id = self.session.id
        saved = self._run(
            lambda: self.clinic.sessions.update(
                session_id, amendment=self.amendment, **{field: after}
            )
        )
        if saved is None:
            self.reload()
            return
        self._push(
            SessionFieldCommand(self.clinic, session_id, field, before, after, self.amendment)
        )

    # signing and amending ----------------------------------------------------------------

    def sign(self) -> None:
        if self.session is None or self.session.is_signed:
            return
        if self.practitioner_id is None:
            self._say("Choose who is treating (Session → Practitioner…) before signing.")
            return
        session = self.session
        if session.needle_count_matches is False and not session.needle_count_note:
            note, ok = QInputDialog.getMultiLineText(
                self,
                "Needle count does not match",
                f"{session.needles_inserted} needles were inserted and {session.needles_removed}"
                " removed. Explain the difference before signing:",
            )
            if not ok or not note.strip():
                return
            if (
                self._run(lambda: self.clinic.sessions.update(session.id, needle_count_note=note))
                is None
            ):
                return
        answer = QMessageBox.question(
            self,
            "Sign session",
            "Sign this session? It becomes read-only; later changes are amendments with a reason.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        practitioner_id = self.practitioner_id
        if (
            self._run(
                lambda: self.clinic.sessions.sign(session.id, practitioner_id=practitioner_id)
            )
            is None
        ):
            return
        self.undo_stack.clear()
        self.reload()
        self._say("Session signed.")

    def continue_charting(self) -> None:
        """Leave review for charting: a draft goes on being charted, a signed one is amended."""
        if self.session is None or not self.reviewing:
            return
        if self.session.is_signed:
            self.start_amendment()
            return
        self.reviewing = False
        self.reload()
        self._say("Charting: changes are saved as you go.")

    def start_amendment(self, reason: str | None = None) -> bool:
        if self.session is None or not self.session.is_signed:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, "Amend signed session", "Reason for the amendment (kept in the record):"
            )
            if not ok:
                return False
        if not reason.strip():
            self._say("An amendment needs a reason.")
            return False
        self.amendment = AmendmentNote(self.practitioner_id, reason.strip())
        self.reviewing = False
        self.undo_stack.clear()
        self.reload()
        self._say(f"Amending: {reason.strip()}. Every change is recorded with this reason.")
        return True

    def _back(self) -> None:
        self.inspector.flush()
        if self.patient is not None:
            self.back_requested.emit(self.patient.id)

    def save_state(self) -> None:
        self.inspector.flush()
        self.settings.setValue("workspace/splitter", self.splitter.saveState())
        self.settings.setValue("workspace/points_splitter", self.side_splitter.saveState())
        self.settings.setValue("workspace/view", self.map.current_view)
        self.settings.setValue("workspace/layer", self.map.layer_mode)

    def restore_state(self) -> None:
        for key, splitter in (
            ("workspace/splitter", self.splitter),
            ("workspace/points_splitter", self.side_splitter),
        ):
            state = self.settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        view = self.settings.value("workspace/view")
        if isinstance(view, str) and self.clinic.atlas.has_view(view):
            self.map.show_view(view)
        layer = self.settings.value("workspace/layer")
        if layer in ("superficial", "deep"):
            self.map.set_layer(str(layer))
