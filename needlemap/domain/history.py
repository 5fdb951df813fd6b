"""What reviewing past sessions shows: summaries, per-muscle visits, comparisons, pain trends.

These records are computed by aggregate queries, never assembled from every needled point: a
patient file with hundreds of sessions must open at once, and a clinic-wide search must page
through tens of thousands of sessions. They carry counts and ids, not the points themselves;
the full :class:`~needlemap.domain.record.SessionRecord` is loaded only for a session opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from needlemap.domain.clock import local_day
from needlemap.domain.vocabulary import SessionStatus, Side

MuscleSide = tuple[str, str]
"""A muscle id and the patient's side (a :class:`Side` value): the unit the body map shows."""


def pain_change(before: int | None, after: int | None) -> int | None:
    """After minus before: negative is relief. ``None`` unless both were scored."""
    if before is None or after is None:
        return None
    return after - before


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One line of a timeline: enough to choose a session without loading its points."""

    session_id: int
    patient_id: int
    started_at: datetime
    status: SessionStatus
    nprs_before: int | None
    nprs_after: int | None
    practitioner_id: int | None
    muscle_count: int  # distinct (muscle, side): left and right trapezius are two
    point_count: int
    adverse_event_count: int
    amended: bool

    @property
    def pain_change(self) -> int | None:
        """The change within the session (after minus before), the immediate effect."""
        return pain_change(self.nprs_before, self.nprs_after)

    @property
    def is_signed(self) -> bool:
        return self.status is SessionStatus.SIGNED


@dataclass(frozen=True, slots=True)
class MuscleVisit:
    """One session's needling of one muscle on one side: what was found there that day."""

    session_id: int
    started_at: datetime
    side: Side
    points: int
    ltr_total: int | None  # local twitch responses summed; None when none was recorded
    familiar_pain: bool | None  # True if any point reproduced it; None when none was recorded
    nprs_before: int | None
    nprs_after: int | None

    @property
    def pain_change(self) -> int | None:
        return pain_change(self.nprs_before, self.nprs_after)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two sessions of one patient side by side, the earlier first whatever order was asked.

    ``new`` were needled in the later session but not the earlier, ``stopped`` in the earlier
    but not the later, ``repeated`` in both; each is sorted so the same pair always reads the
    same way.
    """

    earlier: SessionSummary
    later: SessionSummary
    new: tuple[MuscleSide, ...]
    repeated: tuple[MuscleSide, ...]
    stopped: tuple[MuscleSide, ...]

    @property
    def earlier_pain_change(self) -> int | None:
        """Within the earlier session (after minus before)."""
        return self.earlier.pain_change

    @property
    def later_pain_change(self) -> int | None:
        """Within the later session (after minus before)."""
        return self.later.pain_change

    @property
    def pain_change(self) -> int | None:
        """Between the sessions: later minus earlier pain *before* treatment.

        The pre-treatment score is the patient's state on arrival, so its change is what
        lasted from one visit to the next; the post-treatment scores mix in the immediate,
        often short-lived effect of the needling itself.
        """
        return pain_change(self.earlier.nprs_before, self.later.nprs_before)


@dataclass(frozen=True, slots=True)
class SessionHit:
    """A session found by a clinic-wide search, with what a results table shows beside it."""

    summary: SessionSummary
    patient_name: str
    muscle_ids: tuple[str, ...]  # distinct, sorted; the sides are on the body map

    @property
    def session_id(self) -> int:
        return self.summary.session_id


@dataclass(frozen=True, slots=True)
class PainPoint:
    """The pain scores of one session, a point of the pain trend."""

    session_id: int
    started_at: datetime
    before: int | None
    after: int | None

    @property
    def day(self) -> date:
        """The clinic's calendar day of the session, which the trend's axis is labelled with."""
        return local_day(self.started_at)

    @property
    def change(self) -> int | None:
        return pain_change(self.before, self.after)
