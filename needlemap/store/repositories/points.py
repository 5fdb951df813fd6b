"""Needled points, numbered in the order they were charted within their session."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select

from needlemap.domain.point import BodyLocation, NeedledPoint, PointSettings
from needlemap.store import mapping
from needlemap.store.models import NeedledPointRow
from needlemap.store.repositories.base import Repository


class PointRepository(Repository):
    def add(
        self,
        session_id: int,
        location: BodyLocation,
        settings: PointSettings,
        now: datetime,
        *,
        seq: int | None = None,
        point_id: int | None = None,
    ) -> NeedledPoint:
        if seq is None:
            highest = self._orm.scalar(
                select(func.max(NeedledPointRow.seq)).where(
                    NeedledPointRow.session_id == session_id
                )
            )
            seq = int(highest or 0) + 1
        row = NeedledPointRow(
            session_id=session_id,
            seq=seq,
            created_at=now,
            updated_at=now,
            **mapping.location_columns(location),
            **mapping.settings_columns(settings),
        )
        if point_id is not None:
            row.id = point_id
        self._orm.add(row)
        self._orm.flush()
        return mapping.point(row)

    def get(self, point_id: int) -> NeedledPoint:
        return mapping.point(self._get(NeedledPointRow, point_id, "needled point"))

    def update_settings(
        self, point_id: int, settings: PointSettings, now: datetime
    ) -> NeedledPoint:
        row = self._get(NeedledPointRow, point_id, "needled point")
        for key, value in mapping.settings_columns(settings).items():
            setattr(row, key, value)
        row.updated_at = now
        self._orm.flush()
        return mapping.point(row)

    def move(self, point_id: int, location: BodyLocation, now: datetime) -> NeedledPoint:
        row = self._get(NeedledPointRow, point_id, "needled point")
        for key, value in mapping.location_columns(location).items():
            setattr(row, key, value)
        row.updated_at = now
        self._orm.flush()
        return mapping.point(row)

    def remove(self, point_id: int) -> NeedledPoint:
        row = self._get(NeedledPointRow, point_id, "needled point")
        removed = mapping.point(row)
        self._orm.execute(delete(NeedledPointRow).where(NeedledPointRow.id == point_id))
        self._orm.expire_all()
        return removed

    def for_session(self, session_id: int) -> list[NeedledPoint]:
        statement = (
            select(NeedledPointRow)
            .where(NeedledPointRow.session_id == session_id)
            .order_by(NeedledPointRow.seq)
        )
        return [mapping.point(row) for row in self._orm.scalars(statement)]

    def for_sessions(self, session_ids: Sequence[int]) -> dict[int, list[NeedledPoint]]:
        grouped: dict[int, list[NeedledPoint]] = defaultdict(list)
        if not session_ids:
            return grouped
        statement = (
            select(NeedledPointRow)
            .where(NeedledPointRow.session_id.in_(session_ids))
            .order_by(NeedledPointRow.session_id, NeedledPointRow.seq)
        )
        for row in self._orm.scalars(statement):
            grouped[row.session_id].append(mapping.point(row))
        return grouped
