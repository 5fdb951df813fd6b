"""One patient's progress over a period: the pain trend, where the needling went, the sessions.

A progress report answers the questions asked at a review, for a referrer or an insurer: did
the pain change, by enough to matter, and what was treated to get there. It is assembled from
the aggregate history records (summaries, pain points, per-muscle session counts), never from
every needled point, so a patient with years of sessions still gets a report at once. The
figures are derived here rather than in each front end, so the screen, the PDF and the command
line quote the same numbers and the same verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from needlemap.domain.clock import local_day
from needlemap.domain.history import MuscleSide, PainPoint, SessionSummary
from needlemap.domain.people import Patient

MCID_NPRS = 2
"""The minimal clinically important change on the 0–10 NPRS, in points.

A change of two points (or about 30%) is what patients with musculoskeletal pain recognise as
a real difference (Farrar et al. 2001; Salaffi et al. 2004); smaller changes are within the
scale's noise from one day to the next.
"""

MOST_NEEDLED = 10
"""How many muscles the "most needled" list keeps: enough to see a pattern, short enough to read."""


@dataclass(frozen=True, slots=True)
class MuscleCount:
    """In how many sessions of the period one muscle was needled on one side."""

    muscle_id: str
    side: str  # a Side value: the patient's side
    sessions: int

    @property
    def key(self) -> MuscleSide:
        return (self.muscle_id, self.side)


@dataclass(frozen=True, slots=True)
class ProgressReport:
    """Everything a progress report shows, for one patient and one period.

    ``start`` and ``end`` are calendar days, both included, as a person says "from 1 March to
    30 June"; ``None`` leaves that end open. ``sessions`` and ``pain`` run oldest first, the
    order a trend is read in; ``heat`` runs from the most needled muscle down (ties in the
    atlas's order), so its head is the "most needled" list.

    The pain figures use the score *before* treatment: it is the patient's state on arrival,
    what lasted since the previous visit. The score after treatment mixes in the immediate,
    often short-lived effect of the needling itself, so it is reported apart
    (:attr:`mean_within_session_change`).
    """

    patient: Patient
    start: date | None
    end: date | None
    sessions: tuple[SessionSummary, ...]
    pain: tuple[PainPoint, ...]
    heat: tuple[MuscleCount, ...]

    # Sessions --------------------------------------------------------------------------

    @property
    def session_count(self) -> int:
        return len(self.sessions)

    @property
    def first_day(self) -> date | None:
        """The day of the first session in the period (the clinic's calendar)."""
        return local_day(self.sessions[0].started_at) if self.sessions else None

    @property
    def last_day(self) -> date | None:
        return local_day(self.sessions[-1].started_at) if self.sessions else None

    # Pain ------------------------------------------------------------------------------

    @property
    def scored(self) -> tuple[PainPoint, ...]:
        """The sessions whose pain was scored before treatment, oldest first."""
        return tuple(point for point in self.pain if point.before is not None)

    @property
    def first_scored(self) -> PainPoint | None:
        scored = self.scored
        return scored[0] if scored else None

    @property
    def last_scored(self) -> PainPoint | None:
        scored = self.scored
        return scored[-1] if scored else None

    @property
    def first_before(self) -> int | None:
        """The pain before treatment at the first scored session of the period."""
        first = self.first_scored
        return None if first is None else first.before

    @property
    def last_before(self) -> int | None:
        """The pain before treatment at the last scored session of the period."""
        last = self.last_scored
        return None if last is None else last.before

    @property
    def change(self) -> int | None:
        """Last minus first pain before treatment: negative is relief.

        ``None`` unless at least two sessions were scored: one score is a level, not a change.
        """
        first, last = self.first_before, self.last_before
        if first is None or last is None or len(self.scored) < 2:
            return None
        return last - first

    @property
    def reaches_mcid(self) -> bool:
        """Whether the change, either way, is at least the minimal clinically important one."""
        return self.change is not None and abs(self.change) >= MCID_NPRS

    @property
    def improved(self) -> bool:
        """A clinically important improvement: pain down by at least :data:`MCID_NPRS`."""
        return self.change is not None and self.change <= -MCID_NPRS

    @property
    def worsened(self) -> bool:
        """A clinically important worsening: pain up by at least :data:`MCID_NPRS`."""
        return self.change is not None and self.change >= MCID_NPRS

    @property
    def scored_span(self) -> int:
        """How many sessions of the period lie from the first scored one to the last, included.

        The "over N sessions" of the summary: unscored sessions between them were still part
        of the treatment that the change spans.
        """
        first, last = self.first_scored, self.last_scored
        if first is None or last is None:
            return 0
        low = (first.started_at, first.session_id)
        high = (last.started_at, last.session_id)
        return sum(1 for s in self.sessions if low <= (s.started_at, s.session_id) <= high)

    @property
    def mean_within_session_change(self) -> float | None:
        """The average of after minus before over sessions scored both times (negative: relief)."""
        changes = [point.change for point in self.pain if point.change is not None]
        if not changes:
            return None
        return sum(changes) / len(changes)

    @property
    def sessions_scored_twice(self) -> int:
        return sum(1 for point in self.pain if point.change is not None)

    @property
    def pain_summary(self) -> str:
        """The pain trend in one plain sentence, the same on screen and on paper."""
        befores = [point.before for point in self.pain if point.before is not None]
        if not self.sessions:
            return "There were no sessions in this period."
        if not befores:
            return "Pain on arrival was not scored in this period."
        if len(befores) == 1:
            return (
                f"Pain on arrival was scored once in this period, at {befores[0]} out of 10; "
                "a trend needs at least two scored sessions."
            )
        first, last = befores[0], befores[-1]
        change = last - first
        over = f"over {self.scored_span} sessions"
        if change == 0:
            return (
                f"Pain on arrival was {first} out of 10 at the first and at the last scored "
                f"session, {over}: no change."
            )
        direction = "down" if change < 0 else "up"
        size = abs(change)
        points = "point" if size == 1 else "points"
        if size > MCID_NPRS:
            verdict = f"more than the {MCID_NPRS} points that count as a meaningful change"
        elif size == MCID_NPRS:
            verdict = f"which reaches the {MCID_NPRS} points that count as a meaningful change"
        else:
            verdict = f"less than the {MCID_NPRS} points that count as a meaningful change"
        return (
            f"Pain on arrival went {direction} from {first} to {last} out of 10 {over}: "
            f"a change of {size} {points}, {verdict}."
        )

    # Muscles ---------------------------------------------------------------------------

    @property
    def counts(self) -> dict[MuscleSide, int]:
        """Sessions per (muscle, side), the heatmap's input."""
        return {entry.key: entry.sessions for entry in self.heat}

    @property
    def highest(self) -> int:
        """The most sessions any muscle side was needled in: the top of the heat scale."""
        return max((entry.sessions for entry in self.heat), default=0)

    @property
    def most_needled(self) -> tuple[MuscleCount, ...]:
        return self.heat[:MOST_NEEDLED]

    @property
    def in_period(self) -> str:
        """The period as words: "1 Mar 2025 to 30 Jun 2025", "from …", "until …", "all"."""
        if self.start is None and self.end is None:
            return "all sessions"
        if self.start is None:
            assert self.end is not None
            return f"until {_day(self.end)}"
        if self.end is None:
            return f"from {_day(self.start)}"
        return f"{_day(self.start)} to {_day(self.end)}"


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
