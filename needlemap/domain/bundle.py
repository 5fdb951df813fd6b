"""A whole patient's record, ready to be written in one go.

Charting writes a record one click at a time; an import (the demo clinic, a move from another
system) has the finished record in hand and must store all of it or none of it. A bundle is that
record as frozen domain values: the same records the rest of the app uses, with ``id=0`` and
``patient_id``/``session_id`` 0 because the store assigns them. What the domain records do not
carry (when a row was created or last changed, which point an adverse event or an answered
safety prompt concerns before the point has an id) is carried here, so that an imported record
keeps its own history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from needlemap.domain.events import AdverseEvent, Outcome
from needlemap.domain.people import Patient
from needlemap.domain.point import BodyLocation, PointSettings
from needlemap.domain.safety import SafetyEvent
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
class BundledSafetyEvent:
    """An answered safety prompt, tied to the point that raised it by its 1-based seq.

    ``event`` has ``id``, ``session_id`` and ``point_id`` 0/None (the store assigns them); its
    ``acknowledged_by_id`` and ``acknowledged_at`` are kept as given.
    """

    event: SafetyEvent
    point_seq: int | None = None


@dataclass(frozen=True, slots=True)
class SessionBundle:
    """One session with everything recorded against it.

    ``session`` carries the consent and the amendments; points are numbered 1, 2, … in the order
    given, and were charted at ``charted_at`` (their created and updated time). Safety events
    are stored in the order given (the order the prompts were answered).
    """

    session: Session
    created_at: datetime
    updated_at: datetime
    charted_at: datetime
    points: tuple[BundledPoint, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    adverse_events: tuple[BundledAdverseEvent, ...] = ()
    safety_events: tuple[BundledSafetyEvent, ...] = ()

    def __post_init__(self) -> None:
        for what, linked in (
            ("adverse event", self.adverse_events),
            ("safety event", self.safety_events),
        ):
            for bundled in linked:
                seq = bundled.point_seq
                if seq is not None and not 1 <= seq <= len(self.points):
                    raise ValueError(f"{what} names point {seq} of {len(self.points)}")

    @property
    def links_points(self) -> bool:
        """Whether any event names a point (the store then needs the points' new ids)."""
        return any(e.point_seq is not None for e in self.adverse_events) or any(
            e.point_seq is not None for e in self.safety_events
        )


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

    @property
    def safety_event_count(self) -> int:
        return sum(len(s.safety_events) for s in self.sessions)
