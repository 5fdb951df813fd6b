"""One patient's progress report: the pain trend, the heatmap and the sessions of a period.

Built from the history service's aggregate queries (session summaries, pain scores, per-muscle
session counts), never from the needled points themselves. The period is given in calendar
days, both included ("from 1 March to 30 June"), which is how a practitioner asks for it; the
history service's half-open periods are an implementation detail of the heat query.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from needlemap.anatomy import Atlas
from needlemap.domain.clock import local_day
from needlemap.domain.errors import ValidationError
from needlemap.domain.history import MuscleSide
from needlemap.domain.progress import MuscleCount, ProgressReport
from needlemap.services.history import HistoryService
from needlemap.store import Database

Day = date | str | None


def _day(value: Day, field: str) -> date | None:
    """A bound of the period as a calendar day; a datetime counts for the day it falls on."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return local_day(value) if value.tzinfo is not None else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                f"The {field} of the period, {text!r}, is not a date (use YYYY-MM-DD).",
                field=field,
            ) from None
    raise ValidationError(f"The {field} of the period must be a date.", field=field)


def period(start: Day, end: Day) -> tuple[date | None, date | None]:
    """The first and last day of the period, checked: it may not end before it starts."""
    first, last = _day(start, "start"), _day(end, "end")
    if first is not None and last is not None and first > last:
        raise ValidationError(
            f"The period starts on {first:%d %b %Y}, after it ends on {last:%d %b %Y}; "
            "the start must be on or before the end.",
            field="start",
        )
    return first, last


class ProgressService:
    def __init__(self, database: Database, atlas: Atlas, history: HistoryService) -> None:
        self._db = database
        self._atlas = atlas
        self._history = history

    def report(self, patient_id: int, start: Day = None, end: Day = None) -> ProgressReport:
        """The progress of one patient over [start, end], both days included; either may be open.

        Raises :class:`NotFoundError` for an unknown patient and :class:`ValidationError` for
        a period that is not a pair of dates in order.
        """
        first, last = period(start, end)
        with self._db.read() as uow:
            patient = uow.patients.get(patient_id)

        def inside(moment: datetime) -> bool:
            day = local_day(moment)
            return (first is None or day >= first) and (last is None or day <= last)

        timeline = self._history.timeline(patient_id)  # newest first
        sessions = sorted(
            (s for s in timeline if inside(s.started_at)),
            key=lambda s: (s.started_at, s.session_id),
        )
        pain = [p for p in self._history.pain_trend(patient_id) if inside(p.started_at)]
        # the heat query's period is half-open, [first day, day after the last)
        after_last = None if last is None or last == date.max else last + timedelta(days=1)
        counts = self._history.heatmap(patient_id, first, after_last)
        return ProgressReport(
            patient=patient,
            start=first,
            end=last,
            sessions=tuple(sessions),
            pain=tuple(pain),
            heat=tuple(self._ranked(counts)),
        )

    def _ranked(self, counts: dict[MuscleSide, int]) -> list[MuscleCount]:
        """Most sessions first; ties in the catalogue's (anatomical) order."""

        def order(item: tuple[MuscleSide, int]) -> tuple[int, int, str, str]:
            (muscle_id, side), sessions = item
            muscle = self._atlas.catalogue.find(muscle_id)
            row = muscle.table_row if muscle is not None else 1_000_000
            return (-sessions, row, muscle_id, side)

        return [
            MuscleCount(muscle_id, side, sessions)
            for (muscle_id, side), sessions in sorted(counts.items(), key=order)
        ]
