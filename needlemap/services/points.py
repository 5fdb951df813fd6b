"""Marking needled points on the body map: one call per click, committed before it returns."""

from __future__ import annotations

import math

from needlemap.anatomy import Atlas
from needlemap.domain import rules
from needlemap.domain.clock import utc_now
from needlemap.domain.errors import ValidationError
from needlemap.domain.point import BodyLocation, NeedledPoint, PointSettings
from needlemap.domain.vocabulary import Layer, Side
from needlemap.services.amendments import AmendmentNote, guard_editable
from needlemap.services.notifier import Change, Notifier
from needlemap.store import Database

INTERNAL_VIEW = "internal"


class PointService:
    def __init__(self, database: Database, atlas: Atlas, notifier: Notifier) -> None:
        self._db = database
        self._atlas = atlas
        self._notifier = notifier

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
        chosen_layer = Layer.parse(layer or muscle.layer, field="layer")
        if not all(isinstance(v, int | float) and math.isfinite(v) for v in (x, y)):
            raise ValidationError("The point's position must be finite numbers.", field="x")
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
    ) -> NeedledPoint:
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
            guard_editable(uow, session_id, amendment, f"Point added: {muscle_id} ({side})")
            if settings is None:
                previous = uow.points.for_session(session_id)
                settings = previous[-1].settings.carried_forward() if previous else PointSettings()
            point = uow.points.add(session_id, location, rules.point_settings(settings), utc_now())
        self._publish("point_marked", point)
        return point

    def update(
        self, point_id: int, settings: PointSettings, *, amendment: AmendmentNote | None = None
    ) -> NeedledPoint:
        clean = rules.point_settings(settings)
        with self._db.write() as uow:
            point = uow.points.get(point_id)
            guard_editable(uow, point.session_id, amendment, f"Point {point.seq} edited")
            point = uow.points.update_settings(point_id, clean, utc_now())
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

    def for_session(self, session_id: int) -> list[NeedledPoint]:
        with self._db.read() as uow:
            uow.sessions.get(session_id)
            return uow.points.for_session(session_id)

    def get(self, point_id: int) -> NeedledPoint:
        with self._db.read() as uow:
            return uow.points.get(point_id)

    def _publish(self, kind: str, point: NeedledPoint) -> None:
        self._notifier.publish(Change(kind, session_id=point.session_id, point_id=point.id))
