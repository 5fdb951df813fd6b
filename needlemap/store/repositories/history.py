"""Aggregate queries for reviewing past sessions: timelines, heatmaps, trends, searches.

Review screens show counts, sets and scores over hundreds of sessions (one patient) or tens of
thousands (the whole clinic). Loading every needled point as an ORM object to count it would
make opening a patient file grow with the size of their history, so everything here is a
``GROUP BY`` or ``DISTINCT`` on the server returning plain columns: a fixed handful of
statements per call, whatever the number of sessions. Plain SQL functions only (``count``,
``sum``, ``max``, ``CASE``, ``||``): the same statements run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    and_,
    case,
    distinct,
    exists,
    func,
    or_,
    select,
    true,
)

from needlemap.domain.history import (
    MuscleSide,
    MuscleVisit,
    PainPoint,
    SessionHit,
    SessionSummary,
)
from needlemap.domain.vocabulary import AdverseEventType, SessionStatus, Side
from needlemap.store.models import (
    AdverseEventRow,
    AmendmentRow,
    NeedledPointRow,
    PatientRow,
    SessionRow,
)
from needlemap.store.repositories.base import Repository

# Ids per IN list: far below SQLite's and PostgreSQL's bound-parameter limits, and large
# enough that a page of a results table is one statement.
CHUNK = 500

# A (muscle, side) pair as one value, so COUNT(DISTINCT …) works on both databases; ":" never
# appears in a muscle id or a side.
_MUSCLE_SIDE = NeedledPointRow.muscle_id + ":" + NeedledPointRow.side
# 1 if the point reproduced the familiar pain, 0 if it did not, NULL if nobody recorded it:
# MAX over a session is then "any", and stays NULL when nothing was recorded.
_FAMILIAR = case(
    (NeedledPointRow.familiar_pain.is_(True), 1),
    (NeedledPointRow.familiar_pain.is_(False), 0),
)
_NEWEST_FIRST = (SessionRow.started_at.desc(), SessionRow.id.desc())
_OLDEST_FIRST = (SessionRow.started_at, SessionRow.id)


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    iterator = iter(ids)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _display_name(given_names: str, family_name: str) -> str:
    """As :attr:`Patient.display_name`, from the two columns, without loading the patient."""
    return " ".join(part for part in (given_names, family_name) if part)


def _summary(row: Row[Any]) -> SessionSummary:
    return SessionSummary(
        session_id=int(row.id),
        patient_id=int(row.patient_id),
        started_at=row.started_at,
        status=SessionStatus(row.status),
        nprs_before=row.nprs_before,
        nprs_after=row.nprs_after,
        practitioner_id=row.practitioner_id,
        muscle_count=int(row.muscle_count),
        point_count=int(row.point_count),
        adverse_event_count=int(row.adverse_event_count),
        amended=bool(row.amended),
    )


def _session_filters(
    *,
    muscle_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    practitioner_id: int | None = None,
    adverse_event: bool | AdverseEventType | None = None,
    patient_id: int | None = None,
) -> list[ColumnElement[bool]]:
    """The WHERE conditions on ``sessions`` shared by a search and its count.

    ``start`` is inclusive and ``end`` exclusive, so consecutive ranges never count a session
    twice. ``adverse_event`` True keeps sessions with any adverse event, False those without,
    a type those with an event of that type.
    """
    conditions: list[ColumnElement[bool]] = []
    if patient_id is not None:
        conditions.append(SessionRow.patient_id == patient_id)
    if muscle_id is not None:
        # A semi-join (three points on the muscle are still one session), written as IN so
        # that SQLite, which has no statistics, builds the muscle's session list once from
        # ix_needled_points_muscle_session instead of probing every session in the range:
        # a few ms for the commonest muscle, a fraction of one for a rare one.
        conditions.append(
            SessionRow.id.in_(
                select(NeedledPointRow.session_id).where(NeedledPointRow.muscle_id == muscle_id)
            )
        )
    if start is not None:
        conditions.append(SessionRow.started_at >= start)
    if end is not None:
        conditions.append(SessionRow.started_at < end)
    if practitioner_id is not None:
        conditions.append(SessionRow.practitioner_id == practitioner_id)
    if adverse_event is not None:
        event = exists().where(AdverseEventRow.session_id == SessionRow.id)
        if isinstance(adverse_event, AdverseEventType):
            event = event.where(AdverseEventRow.type == adverse_event.value)
            conditions.append(event)
        else:
            conditions.append(event if adverse_event else ~event)
    return conditions


class HistoryRepository(Repository):
    # Summaries -------------------------------------------------------------------------

    def _summary_statement(self, chosen: ColumnElement[bool]) -> Select[Any]:
        """Sessions matching ``chosen`` with their counts, in one statement.

        Points and adverse events are counted in derived tables grouped by session and
        restricted to the chosen sessions, then outer-joined: one pass over each table's index
        instead of one subquery per session, and no row multiplication between the two.
        """
        chosen_ids = select(SessionRow.id).where(chosen)
        points = (
            select(
                NeedledPointRow.session_id.label("session_id"),
                func.count().label("points"),
                func.count(distinct(_MUSCLE_SIDE)).label("muscles"),
            )
            .where(NeedledPointRow.session_id.in_(chosen_ids))
            .group_by(NeedledPointRow.session_id)
            .subquery("point_counts")
        )
        events = (
            select(
                AdverseEventRow.session_id.label("session_id"),
                func.count().label("events"),
            )
            .where(AdverseEventRow.session_id.in_(chosen_ids))
            .group_by(AdverseEventRow.session_id)
            .subquery("event_counts")
        )
        return (
            select(
                SessionRow.id,
                SessionRow.patient_id,
                SessionRow.started_at,
                SessionRow.status,
                SessionRow.nprs_before,
                SessionRow.nprs_after,
                SessionRow.practitioner_id,
                func.coalesce(points.c.muscles, 0).label("muscle_count"),
                func.coalesce(points.c.points, 0).label("point_count"),
                func.coalesce(events.c.events, 0).label("adverse_event_count"),
                exists().where(AmendmentRow.session_id == SessionRow.id).label("amended"),
            )
            .select_from(SessionRow)
            .outerjoin(points, points.c.session_id == SessionRow.id)
            .outerjoin(events, events.c.session_id == SessionRow.id)
            .where(chosen)
        )

    def summaries(self, patient_id: int) -> list[SessionSummary]:
        """A patient's sessions, newest first, with their counts: the timeline."""
        statement = self._summary_statement(SessionRow.patient_id == patient_id).order_by(
            *_NEWEST_FIRST
        )
        return [_summary(row) for row in self._orm.execute(statement)]

    def summaries_of(self, session_ids: Sequence[int]) -> dict[int, SessionSummary]:
        """The summaries of the given sessions by id; unknown ids are simply absent."""
        found: dict[int, SessionSummary] = {}
        for chunk in _chunks(dict.fromkeys(session_ids)):
            statement = self._summary_statement(SessionRow.id.in_(chunk))
            for row in self._orm.execute(statement):
                found[int(row.id)] = _summary(row)
        return found

    # Muscles ---------------------------------------------------------------------------

    def muscle_counts(
        self, patient_id: int, start: datetime | None, end: datetime | None
    ) -> dict[MuscleSide, int]:
        """In how many sessions each (muscle, side) was needled, sessions started in [start, end).

        Sessions, not points: three points in one upper trapezius are one visit to it.
        """
        statement = (
            select(
                NeedledPointRow.muscle_id,
                NeedledPointRow.side,
                func.count(distinct(NeedledPointRow.session_id)),
            )
            .join(SessionRow, SessionRow.id == NeedledPointRow.session_id)
            .where(*_session_filters(patient_id=patient_id, start=start, end=end))
            .group_by(NeedledPointRow.muscle_id, NeedledPointRow.side)
        )
        return {(muscle, side): int(n) for muscle, side, n in self._orm.execute(statement)}

    def muscle_history(
        self, patient_id: int, muscle_id: str, side: Side | None
    ) -> list[MuscleVisit]:
        """Every session that needled the muscle, newest first; one visit per side needled."""
        patients_sessions = select(SessionRow.id).where(SessionRow.patient_id == patient_id)
        conditions = [
            SessionRow.patient_id == patient_id,
            NeedledPointRow.muscle_id == muscle_id,
            # Redundant with the join, on purpose: without statistics SQLite would otherwise
            # start from every point of the muscle in the clinic, not this patient's sessions.
            NeedledPointRow.session_id.in_(patients_sessions),
        ]
        if side is not None:
            conditions.append(NeedledPointRow.side == side.value)
        statement = (
            select(
                SessionRow.id,
                SessionRow.started_at,
                SessionRow.nprs_before,
                SessionRow.nprs_after,
                NeedledPointRow.side,
                func.count().label("points"),
                func.sum(NeedledPointRow.ltr_count).label("ltr_total"),
                func.max(_FAMILIAR).label("familiar"),
            )
            .select_from(NeedledPointRow)
            .join(SessionRow, SessionRow.id == NeedledPointRow.session_id)
            .where(*conditions)
            .group_by(
                SessionRow.id,
                SessionRow.started_at,
                SessionRow.nprs_before,
                SessionRow.nprs_after,
                NeedledPointRow.side,
            )
            .order_by(*_NEWEST_FIRST, NeedledPointRow.side)
        )
        return [
            MuscleVisit(
                session_id=int(row.id),
                started_at=row.started_at,
                side=Side(row.side),
                points=int(row.points),
                ltr_total=None if row.ltr_total is None else int(row.ltr_total),
                familiar_pain=None if row.familiar is None else bool(row.familiar),
                nprs_before=row.nprs_before,
                nprs_after=row.nprs_after,
            )
            for row in self._orm.execute(statement)
        ]

    def points_of(self, session_ids: Sequence[int]) -> dict[int, set[MuscleSide]]:
        """The (muscle, side) pairs needled in each session; an empty set for one without."""
        found: dict[int, set[MuscleSide]] = {int(i): set() for i in session_ids}
        for chunk in _chunks(found):
            statement = (
                select(NeedledPointRow.session_id, NeedledPointRow.muscle_id, NeedledPointRow.side)
                .where(NeedledPointRow.session_id.in_(chunk))
                .distinct()
            )
            for session_id, muscle, side in self._orm.execute(statement):
                found[int(session_id)].add((muscle, side))
        return found

    # Pain ------------------------------------------------------------------------------

    def pain_series(self, patient_id: int) -> list[PainPoint]:
        """Scored sessions, oldest first. An unscored session would only be a gap on the axis."""
        statement = (
            select(
                SessionRow.id,
                SessionRow.started_at,
                SessionRow.nprs_before,
                SessionRow.nprs_after,
            )
            .where(
                SessionRow.patient_id == patient_id,
                or_(SessionRow.nprs_before.is_not(None), SessionRow.nprs_after.is_not(None)),
            )
            .order_by(*_OLDEST_FIRST)
        )
        return [
            PainPoint(session_id=int(sid), started_at=started, before=before, after=after)
            for sid, started, before, after in self._orm.execute(statement)
        ]

    # Clinic-wide search ----------------------------------------------------------------

    def find_sessions(
        self,
        *,
        muscle_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        practitioner_id: int | None = None,
        adverse_event: bool | AdverseEventType | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[SessionHit]:
        """One page of matching sessions, newest first, for a table that loads lazily.

        The page's ids come first (an index walk that stops after ``limit``), then the counts
        and names of just those sessions, then their muscles: three statements per page
        however many sessions match.
        """
        conditions = _session_filters(
            muscle_id=muscle_id,
            start=start,
            end=end,
            practitioner_id=practitioner_id,
            adverse_event=adverse_event,
        )
        page = (
            select(SessionRow.id)
            .where(*conditions)
            .order_by(*_NEWEST_FIRST)
            .offset(offset or None)
            .limit(limit)
        )
        ids = [int(i) for i in self._orm.scalars(page)]
        if not ids:
            return []
        # A page fits one IN list; an unlimited "page" is re-selected by its conditions instead.
        chosen = SessionRow.id.in_(ids) if len(ids) <= CHUNK else and_(true(), *conditions)
        statement = (
            self._summary_statement(chosen)
            .add_columns(PatientRow.given_names, PatientRow.family_name)
            .join(PatientRow, PatientRow.id == SessionRow.patient_id)
        )
        wanted = set(ids)
        rows = {int(row.id): row for row in self._orm.execute(statement) if row.id in wanted}
        muscles = self.points_of(ids)
        return [
            SessionHit(
                summary=_summary(rows[i]),
                patient_name=_display_name(rows[i].given_names, rows[i].family_name),
                muscle_ids=tuple(sorted({muscle for muscle, _side in muscles[i]})),
            )
            for i in ids
        ]

    def count_sessions(
        self,
        *,
        muscle_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        practitioner_id: int | None = None,
        adverse_event: bool | AdverseEventType | None = None,
    ) -> int:
        """How many sessions :meth:`find_sessions` would list without offset and limit."""
        conditions = _session_filters(
            muscle_id=muscle_id,
            start=start,
            end=end,
            practitioner_id=practitioner_id,
            adverse_event=adverse_event,
        )
        statement = select(func.count(SessionRow.id)).where(*conditions)
        return int(self._orm.scalar(statement) or 0)
