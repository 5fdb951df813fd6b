"""Reviewing past sessions offline: timeline, heatmap, per-muscle history, comparison, trends.

Everything here reads (one snapshot per call) and returns the aggregate records of
``domain.history``; opening one session's full record stays with :class:`SessionService`.
Inputs are checked before any query, so a typo in a muscle id or an inverted date range is a
message for the practitioner, not an empty screen that looks like "never needled".
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TypedDict

from needlemap.anatomy import Atlas
from needlemap.domain.clock import as_utc
from needlemap.domain.errors import NotFoundError, ValidationError
from needlemap.domain.history import (
    Comparison,
    MuscleSide,
    MuscleVisit,
    PainPoint,
    SessionHit,
    SessionSummary,
)
from needlemap.domain.vocabulary import AdverseEventType, Side
from needlemap.store import Database, UnitOfWork

Moment = date | datetime | str | None


class _Filters(TypedDict):
    muscle_id: str | None
    start: datetime | None
    end: datetime | None
    adverse_event: bool | AdverseEventType | None


def _moment(value: Moment, field: str) -> datetime | None:
    """A bound of a period as aware UTC. A date means local midnight at its start.

    Periods are half-open, [start, end): a year is ``(date(2026, 1, 1), date(2027, 1, 1))``,
    and consecutive periods never count a session twice.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            value = datetime.fromisoformat(text)  # a bare date is its midnight, taken as local
        except ValueError:
            raise ValidationError(
                f"The {field} of the period, {text!r}, is not a date.", field=field
            ) from None
    if isinstance(value, datetime):
        return as_utc(value)
    if isinstance(value, date):
        return as_utc(datetime.combine(value, time()))
    raise ValidationError(f"The {field} of the period must be a date.", field=field)


def _period(start: Moment, end: Moment) -> tuple[datetime | None, datetime | None]:
    begins, ends = _moment(start, "start"), _moment(end, "end")
    if begins is not None and ends is not None and begins > ends:
        raise ValidationError(
            f"The period starts ({begins.astimezone():%Y-%m-%d %H:%M}) after it ends "
            f"({ends.astimezone():%Y-%m-%d %H:%M}).",
            field="start",
        )
    return begins, ends


def _adverse_event(value: bool | AdverseEventType | str | None) -> bool | AdverseEventType | None:
    if value is None or isinstance(value, bool):
        return value
    return AdverseEventType.parse(value, field="adverse_event")


def _page(offset: int, limit: int | None) -> None:
    if offset < 0:
        raise ValidationError("The offset cannot be negative.", field="offset")
    if limit is not None and limit < 0:
        raise ValidationError("The limit cannot be negative.", field="limit")


class HistoryService:
    def __init__(self, database: Database, atlas: Atlas) -> None:
        self._db = database
        self._atlas = atlas

    # Validation ------------------------------------------------------------------------

    def _muscle(self, muscle_id: str) -> str:
        """The id itself once the catalogue knows it: an unknown id would match nothing."""
        muscle = self._atlas.catalogue.find(muscle_id)
        if muscle is None:
            raise ValidationError(f"Unknown muscle id {muscle_id!r}.", field="muscle_id")
        return muscle.id

    def _side(self, muscle_id: str, side: Side | str | None) -> Side | None:
        if side is None or side == "":
            return None
        chosen = Side.parse(side, field="side")
        muscle = self._atlas.catalogue.get(muscle_id)
        if chosen.value not in muscle.sides:
            allowed = " or ".join(muscle.sides)
            raise ValidationError(
                f"{muscle.name} is charted on the {allowed} side, not {chosen.value}.",
                field="side",
            )
        return chosen

    @staticmethod
    def _known_patient(uow: UnitOfWork, patient_id: int) -> None:
        """Asked only when a result is empty: a patient with no sessions, or no such patient?"""
        if not uow.patients.exists(patient_id):
            raise NotFoundError(f"There is no patient with id {patient_id}.")

    # One patient -----------------------------------------------------------------------

    def timeline(self, patient_id: int) -> list[SessionSummary]:
        """Every session of the patient, newest first, with counts instead of points."""
        with self._db.read() as uow:
            summaries = uow.history.summaries(patient_id)
            if not summaries:
                self._known_patient(uow, patient_id)
        return summaries

    def heatmap(
        self, patient_id: int, start: Moment = None, end: Moment = None
    ) -> dict[MuscleSide, int]:
        """In how many sessions in [start, end) each (muscle, side) was needled.

        Either bound may be left open; with neither, the whole history.
        """
        begins, ends = _period(start, end)
        with self._db.read() as uow:
            counts = uow.history.muscle_counts(patient_id, begins, ends)
            if not counts:
                self._known_patient(uow, patient_id)
        return counts

    def muscle_history(
        self, patient_id: int, muscle_id: str, side: Side | str | None = None
    ) -> list[MuscleVisit]:
        """Each session that needled the muscle (on ``side``, or either), newest first."""
        muscle = self._muscle(muscle_id)
        chosen = self._side(muscle, side)
        with self._db.read() as uow:
            visits = uow.history.muscle_history(patient_id, muscle, chosen)
            if not visits:
                self._known_patient(uow, patient_id)
        return visits

    def pain_trend(self, patient_id: int) -> list[PainPoint]:
        """NPRS before and after each scored session, oldest first, for the trend chart."""
        with self._db.read() as uow:
            series = uow.history.pain_series(patient_id)
            if not series:
                self._known_patient(uow, patient_id)
        return series

    def compare(self, session_a: int, session_b: int) -> Comparison:
        """Two sessions of one patient, the earlier first, and which muscles changed.

        ``new`` is in the later session only, ``stopped`` in the earlier only, ``repeated`` in
        both; a muscle counts per side (left and right upper trapezius are different).
        """
        if session_a == session_b:
            raise ValidationError("Choose two different sessions to compare.", field="session_b")
        with self._db.read() as uow:
            found = uow.history.summaries_of([session_a, session_b])
            for wanted in (session_a, session_b):
                if wanted not in found:
                    raise NotFoundError(f"There is no session with id {wanted}.")
            first, second = found[session_a], found[session_b]
            if first.patient_id != second.patient_id:
                raise ValidationError(
                    f"Sessions {session_a} and {session_b} belong to different patients; "
                    "only one patient's sessions can be compared.",
                    field="session_b",
                )
            points = uow.history.points_of([session_a, session_b])
        earlier, later = sorted((first, second), key=lambda s: (s.started_at, s.session_id))
        before, after = points[earlier.session_id], points[later.session_id]
        return Comparison(
            earlier=earlier,
            later=later,
            new=tuple(sorted(after - before)),
            repeated=tuple(sorted(before & after)),
            stopped=tuple(sorted(before - after)),
        )

    # The whole clinic ------------------------------------------------------------------

    def find_sessions(
        self,
        *,
        muscle_id: str | None = None,
        start: Moment = None,
        end: Moment = None,
        practitioner_id: int | None = None,
        adverse_event: bool | AdverseEventType | str | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[SessionHit]:
        """Sessions of any patient, newest first, one page at a time.

        ``adverse_event``: True for sessions with any adverse event, False for those without,
        a type (or its value) for those with that type. Pair with :meth:`count_sessions`,
        which takes the same filters, to size a lazily loaded table.
        """
        _page(offset, limit)
        filters = self._filters(muscle_id, start, end, adverse_event)
        with self._db.read() as uow:
            if practitioner_id is not None:
                uow.practitioners.get(practitioner_id)
            return uow.history.find_sessions(
                **filters, practitioner_id=practitioner_id, offset=offset, limit=limit
            )

    def count_sessions(
        self,
        *,
        muscle_id: str | None = None,
        start: Moment = None,
        end: Moment = None,
        practitioner_id: int | None = None,
        adverse_event: bool | AdverseEventType | str | None = None,
    ) -> int:
        """How many sessions :meth:`find_sessions` finds with the same filters."""
        filters = self._filters(muscle_id, start, end, adverse_event)
        with self._db.read() as uow:
            if practitioner_id is not None:
                uow.practitioners.get(practitioner_id)
            return uow.history.count_sessions(**filters, practitioner_id=practitioner_id)

    def _filters(
        self,
        muscle_id: str | None,
        start: Moment,
        end: Moment,
        adverse_event: bool | AdverseEventType | str | None,
    ) -> _Filters:
        begins, ends = _period(start, end)
        return {
            "muscle_id": None if muscle_id is None else self._muscle(muscle_id),
            "start": begins,
            "end": ends,
            "adverse_event": _adverse_event(adverse_event),
        }
