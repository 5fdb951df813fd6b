"""Marking needled points on the body map: one call per click, committed before it returns."""

from __future__ import annotations

import math
from collections.abc import Sequence

from needlemap.anatomy import Atlas
from needlemap.domain import rules
from needlemap.domain.clock import local_day, utc_now
from needlemap.domain.errors import ValidationError
from needlemap.domain.point import BodyLocation, NeedledPoint, PointSettings
from needlemap.domain.safety import (
    Acknowledgement,
    SafetyCheck,
    SafetyCheckRequired,
    SafetyEvent,
)
from needlemap.domain.session import Session
from needlemap.domain.vocabulary import Layer, Side
from needlemap.services.amendments import AmendmentNote, guard_editable
from needlemap.services.notifier import Change, Notifier
from needlemap.services.safety import MarkContext, SafetyRules, require_answers
from needlemap.store import Database, UnitOfWork

INTERNAL_VIEW = "internal"


class PointService:
    def __init__(self, database: Database, atlas: Atlas, notifier: Notifier) -> None:
        self._db = database
        self._atlas = atlas
        self._notifier = notifier
        self._rules = SafetyRules(atlas)

    def location(
        self,
        *,
        muscle_id: str,
        side: Side | str,
        view: str,
        x: float,
        y: float,
        layer: Layer | str | None = None,
        trigger_point: str | None = None,
    ) -> BodyLocation:
        """Check a location against the atlas: the muscle exists, has that side and view."""
        muscle = self._atlas.catalogue.find(muscle_id)
        if muscle is None:
            raise ValidationError(f"Unknown muscle id {muscle_id!r}.", field="muscle_id")
        chosen_side = Side.parse(side, field="side")
        if chosen_side.value not in muscle.sides:
            allowed = " or ".join(muscle.sides)
            raise ValidationError(
                f"{muscle.name} is charted on the {allowed} side, not {chosen_side.value}.",
                field="side",
            )
        if not all(isinstance(v, int | float) and math.isfinite(v) for v in (x, y)):
            raise ValidationError("The point's position must be finite numbers.", field="x")
        drawn_layer = muscle.layer
        if muscle.internal:
            if view != INTERNAL_VIEW:
                raise ValidationError(
                    f"{muscle.name} is needled internally and has no place on the body map.",
                    field="view",
                )
        else:
            if not self._atlas.has_view(view):
                raise ValidationError(f"Unknown body-map view {view!r}.", field="view")
            frame = self._atlas.view(view)
            if not (0 <= x <= frame.width and 0 <= y <= frame.height):
                raise ValidationError(
                    f"The point ({x:g}, {y:g}) lies outside the {frame.title} view.", field="x"
                )
            shape = self._atlas.geometry(view).shape(muscle.id, chosen_side.value)
            if shape is None:
                raise ValidationError(
                    f"{muscle.name} is not drawn in the {frame.title} view.", field="view"
                )
            if not self._atlas.lies_on(view, x, y, muscle.id, chosen_side.value):
                raise ValidationError(
                    f"That spot is not on the {chosen_side.value} {muscle.name} in the "
                    f"{frame.title} view.",
                    field="x",
                )
            drawn_layer = shape.layer
        chosen_layer = Layer.parse(layer or drawn_layer, field="layer")
        return BodyLocation(
            muscle_id=muscle.id,
            side=chosen_side,
            view=view,
            layer=chosen_layer,
            x=float(x),
            y=float(y),
            atlas_version=self._atlas.version,
            trigger_point=rules.clean_text(trigger_point, field="trigger_point", max_length=64)
            or None,
        )

    def mark(
        self,
        session_id: int,
        *,
        muscle_id: str,
        side: Side | str,
        view: str,
        x: float,
        y: float,
        layer: Layer | str | None = None,
        trigger_point: str | None = None,
        settings: PointSettings | None = None,
        amendment: AmendmentNote | None = None,
        acknowledgements: Sequence[Acknowledgement] = (),
        practitioner_id: int | None = None,
    ) -> NeedledPoint:
        """Mark a point; raises ``SafetyCheckRequired`` until every safety prompt is answered."""
        location = self.location(
            muscle_id=muscle_id,
            side=side,
            view=view,
            x=x,
            y=y,
            layer=layer,
            trigger_point=trigger_point,
        )
        with self._db.write() as uow:
            session = guard_editable(
                uow, session_id, amendment, f"Point added: {muscle_id} ({side})"
            )
            previous = uow.points.for_session(session_id)
            if settings is None:
                settings = previous[-1].settings.carried_forward() if previous else PointSettings()
            clean = rules.point_settings(settings)
            answers = self._safety(uow, session, location, clean, previous, acknowledgements)
            point = uow.points.add(session_id, location, clean, utc_now())
            self._record_answers(uow, session, answers, point.id, practitioner_id)
        self._publish("point_marked", point)
        return point

    def update(
        self,
        point_id: int,
        settings: PointSettings,
        *,
        amendment: AmendmentNote | None = None,
        acknowledgements: Sequence[Acknowledgement] = (),
        practitioner_id: int | None = None,
    ) -> NeedledPoint:
        clean = rules.point_settings(settings)
        with self._db.write() as uow:
            point = uow.points.get(point_id)
            session = guard_editable(uow, point.session_id, amendment, f"Point {point.seq} edited")
            others = [p for p in uow.points.for_session(point.session_id) if p.id != point_id]
            answers = self._safety(uow, session, point.location, clean, others, acknowledgements)
            point = uow.points.update_settings(point_id, clean, utc_now())
            self._record_answers(uow, session, answers, point_id, practitioner_id)
        self._publish("point_updated", point)
        return point

    def move(
        self,
        point_id: int,
        *,
        x: float,
        y: float,
        view: str | None = None,
        muscle_id: str | None = None,
        side: Side | str | None = None,
        layer: Layer | str | None = None,
        amendment: AmendmentNote | None = None,
    ) -> NeedledPoint:
        with self._db.write() as uow:
            point = uow.points.get(point_id)
            current = point.location
            location = self.location(
                muscle_id=muscle_id or current.muscle_id,
                side=side or current.side,
                view=view or current.view,
                x=x,
                y=y,
                layer=layer or current.layer,
                trigger_point=current.trigger_point
                if muscle_id in (None, current.muscle_id)
                else None,
            )
            guard_editable(uow, point.session_id, amendment, f"Point {point.seq} moved")
            point = uow.points.move(point_id, location, utc_now())
        self._publish("point_moved", point)
        return point

    def delete(self, point_id: int, *, amendment: AmendmentNote | None = None) -> NeedledPoint:
        """Remove a point; the returned record is what ``restore`` needs to undo it."""
        with self._db.write() as uow:
            point = uow.points.get(point_id)
            guard_editable(uow, point.session_id, amendment, f"Point {point.seq} removed")
            removed = uow.points.remove(point_id)
        self._publish("point_deleted", removed)
        return removed

    def restore(
        self, point: NeedledPoint, *, amendment: AmendmentNote | None = None
    ) -> NeedledPoint:
        """Put a deleted point back with its id, number and settings (undo of delete)."""
        with self._db.write() as uow:
            guard_editable(uow, point.session_id, amendment, f"Point {point.seq} restored")
            restored = uow.points.add(
                point.session_id,
                point.location,
                point.settings,
                point.created_at or utc_now(),
                seq=point.seq,
                point_id=point.id,
            )
        self._publish("point_marked", restored)
        return restored

    def _safety(
        self,
        uow: UnitOfWork,
        session: Session,
        location: BodyLocation,
        settings: PointSettings,
        others: Sequence[NeedledPoint],
        acknowledgements: Sequence[Acknowledgement],
    ) -> list[tuple[SafetyCheck, str]]:
        clinic = uow.settings.load()
        if clinic.require_consent and session.consent is None:
            raise ValidationError(
                "Record the patient's consent to dry needling before charting points.",
                field="consent",
            )
        muscle = self._atlas.catalogue.get(location.muscle_id)
        screening = next(
            (
                s
                for s in uow.patients.screenings(session.patient_id)
                if s.screened_on <= local_day(session.started_at)
            ),
            None,
        )
        context = MarkContext(
            session=session,
            screening=screening,
            settings=clinic,
            muscle=muscle,
            location=location,
            point_settings=settings,
            other_points=others,
            answered=frozenset((e.kind, e.key) for e in uow.safety.for_session(session.id)),
        )
        return require_answers(self._rules.pending(context), acknowledgements)

    def _record_answers(
        self,
        uow: UnitOfWork,
        session: Session,
        answers: Sequence[tuple[SafetyCheck, str]],
        point_id: int,
        practitioner_id: int | None,
    ) -> None:
        for check, reason in answers:
            uow.safety.add(
                session_id=session.id,
                kind=check.kind,
                key=check.key,
                message=check.message,
                reason=reason,
                point_id=point_id,
                acknowledged_by_id=practitioner_id or session.practitioner_id,
                now=utc_now(),
            )

    def checks_for(
        self,
        session_id: int,
        *,
        muscle_id: str,
        side: str,
        view: str,
        x: float,
        y: float,
        settings: PointSettings | None = None,
    ) -> list[SafetyCheck]:
        """The prompts marking this spot would raise now (for showing them before a click)."""
        location = self.location(muscle_id=muscle_id, side=side, view=view, x=x, y=y)
        with self._db.read() as uow:
            session = uow.sessions.get(session_id)
            try:
                self._safety(
                    uow,
                    session,
                    location,
                    settings or PointSettings(),
                    uow.points.for_session(session_id),
                    (),
                )
            except SafetyCheckRequired as pending:
                return list(pending.checks)
        return []

    def safety_events(self, session_id: int) -> list[SafetyEvent]:
        with self._db.read() as uow:
            uow.sessions.get(session_id)
            return uow.safety.for_session(session_id)

    def for_session(self, session_id: int) -> list[NeedledPoint]:
        with self._db.read() as uow:
            uow.sessions.get(session_id)
            return uow.points.for_session(session_id)

    def get(self, point_id: int) -> NeedledPoint:
        with self._db.read() as uow:
            return uow.points.get(point_id)

    def _publish(self, kind: str, point: NeedledPoint) -> None:
        self._notifier.publish(Change(kind, session_id=point.session_id, point_id=point.id))
