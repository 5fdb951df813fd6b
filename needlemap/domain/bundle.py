"""A whole patient's record, ready to be written in one go.

Charting writes a record one click at a time; an import (the demo clinic, a move from another
system) has the finished record in hand and must store all of it or none of it. A bundle is that
record as frozen domain values: the same records the rest of the app uses, with ``id=0`` and
``patient_id``/``session_id`` 0 because the store assigns them. What the domain records do not
carry (when a row was created or last changed, which point an adverse event concerns before the
point has an id) is carried here, so that an imported record keeps its own history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from needlemap.domain.events import AdverseEvent, Outcome
from needlemap.domain.people import Patient
from needlemap.domain.point import BodyLocation, PointSettings
from needlemap.domain.screening import Screening
from needlemap.domain.session import Session

BundledPoint = tuple[BodyLocation, PointSettings]


@dataclass(frozen=True, slots=True)
class BundledScreening:
    """A dated checklist and when it was entered (``Screening`` has only the day)."""

    screening: Screening
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class BundledAdverseEvent:
    """An adverse event, optionally tied to one of its session's points by its 1-based seq."""

    event: AdverseEvent
    point_seq: int | None = None


@dataclass(frozen=True, slots=True)
class SessionBundle:
    """One session with everything recorded against it.

    ``session`` carries the consent and the amendments; points are numbered 1, 2, … in the order
    given, and were charted at ``charted_at`` (their created and updated time).
    """

    session: Session
    created_at: datetime
    updated_at: datetime
    charted_at: datetime
    points: tuple[BundledPoint, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    adverse_events: tuple[BundledAdverseEvent, ...] = ()

    def __post_init__(self) -> None:
        for bundled in self.adverse_events:
            seq = bundled.point_seq
            if seq is not None and not 1 <= seq <= len(self.points):
                raise ValueError(f"adverse event names point {seq} of {len(self.points)}")


@dataclass(frozen=True, slots=True)
class PatientBundle:
    """A patient (with identifiers and ``created_at``/``updated_at`` set) and their record."""

    patient: Patient
    screenings: tuple[BundledScreening, ...] = ()
    sessions: tuple[SessionBundle, ...] = ()

    @property
    def point_count(self) -> int:
        return sum(len(s.points) for s in self.sessions)

    @property
    def adverse_event_count(self) -> int:
        return sum(len(s.adverse_events) for s in self.sessions)
