"""Outcome measurements and adverse events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from needlemap.domain.events import AdverseEvent, Outcome
from needlemap.store import mapping
from needlemap.store.models import AdverseEventRow, OutcomeRow
from needlemap.store.repositories.base import Repository


class EventRepository(Repository):
    def add_outcome(self, outcome: Outcome) -> Outcome:
        row = OutcomeRow(
            session_id=outcome.session_id,
            instrument=outcome.instrument.value,
            version=outcome.version,
            value=outcome.value,
            unit=outcome.unit,
            timing=outcome.timing.value,
            body_site=outcome.body_site,
            side=outcome.side.value if outcome.side else None,
            notes=outcome.notes,
            measured_at=outcome.measured_at,
        )
        self._orm.add(row)
        self._orm.flush()
        return mapping.outcome(row)

    def outcomes(self, session_id: int) -> list[Outcome]:
        statement = (
            select(OutcomeRow)
            .where(OutcomeRow.session_id == session_id)
            .order_by(OutcomeRow.measured_at, OutcomeRow.id)
        )
        return [mapping.outcome(row) for row in self._orm.scalars(statement)]

    def add_adverse_event(self, event: AdverseEvent, now: datetime) -> AdverseEvent:
        row = AdverseEventRow(
            session_id=event.session_id,
            point_id=event.point_id,
            type=event.type.value,
            description=event.description,
            severity=event.severity,
            scheme=event.scheme.value,
            onset_at=event.onset_at,
            duration=event.duration,
            action_taken=event.action_taken,
            recorded_at=now,
            recorded_by_id=event.recorded_by_id,
        )
        self._orm.add(row)
        self._orm.flush()
        return mapping.adverse_event(row)

    def adverse_events(self, session_id: int) -> list[AdverseEvent]:
        return self.adverse_events_for([session_id]).get(session_id, [])

    def adverse_events_for(self, session_ids: Sequence[int]) -> dict[int, list[AdverseEvent]]:
        grouped: dict[int, list[AdverseEvent]] = defaultdict(list)
        if not session_ids:
            return grouped
        statement = (
            select(AdverseEventRow)
            .where(AdverseEventRow.session_id.in_(session_ids))
            .order_by(AdverseEventRow.onset_at, AdverseEventRow.id)
        )
        for row in self._orm.scalars(statement):
            grouped[row.session_id].append(mapping.adverse_event(row))
        return grouped
