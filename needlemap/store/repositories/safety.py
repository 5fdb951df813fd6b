"""Answered safety prompts of a session."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from needlemap.domain.safety import SafetyEvent, SafetyKind
from needlemap.store import mapping
from needlemap.store.models import SafetyEventRow
from needlemap.store.repositories.base import Repository


class SafetyRepository(Repository):
    def add(
        self,
        *,
        session_id: int,
        kind: SafetyKind,
        key: str,
        message: str,
        reason: str,
        point_id: int | None,
        acknowledged_by_id: int | None,
        now: datetime,
    ) -> SafetyEvent:
        row = SafetyEventRow(
            session_id=session_id,
            kind=kind.value,
            key=key,
            message=message,
            reason=reason,
            point_id=point_id,
            acknowledged_by_id=acknowledged_by_id,
            acknowledged_at=now,
        )
        self._orm.add(row)
        self._orm.flush()
        return mapping.safety_event(row)

    def for_session(self, session_id: int) -> list[SafetyEvent]:
        return self.for_sessions([session_id]).get(session_id, [])

    def for_sessions(self, session_ids: Sequence[int]) -> dict[int, list[SafetyEvent]]:
        grouped: dict[int, list[SafetyEvent]] = defaultdict(list)
        if not session_ids:
            return grouped
        statement = (
            select(SafetyEventRow)
            .where(SafetyEventRow.session_id.in_(session_ids))
            .order_by(SafetyEventRow.acknowledged_at, SafetyEventRow.id)
        )
        for row in self._orm.scalars(statement):
            grouped[row.session_id].append(mapping.safety_event(row))
        return grouped
