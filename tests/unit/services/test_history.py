"""Reviewing past sessions: timeline, heatmap, muscle history, comparison, pain trend, search.

Every test runs on SQLite and on PostgreSQL (``any_clinic``) against sessions charted the way a
practitioner charts them (consent first, safety prompts answered), so the aggregate SQL is
checked on both databases against records whose contents we know.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from needlemap.domain.errors import NotFoundError, ValidationError
from needlemap.domain.history import MuscleVisit, PainPoint
from needlemap.domain.point import PointSettings
from needlemap.domain.vocabulary import SessionStatus, Side
from needlemap.services import Clinic
from needlemap.store.repositories import history as history_repository
from tests.support.charting import consent, mark

TRAP_L = ("trapezius_upper", "left")
TRAP_R = ("trapezius_upper", "right")
INFRA_L = ("infraspinatus", "left")
GLUT_R = ("gluteus_medius", "right")


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2025, month, day, hour, tzinfo=UTC)


@dataclass(frozen=True)
class Charted:
    """Ana's three sessions and Ben's one, with everything the assertions rely on."""

    clinic: Clinic
    maria: int
    joao: int
    ana: int
    ben: int
    s1: int  # Ana, 3 Mar, Maria, NPRS 7 → 4, trapezius L ×2 + R, infraspinatus L; signed, amended
    s2: int  # Ana, 7 Apr, João, NPRS 5 → 5, trapezius L, gluteus medius R; a bruise; draft
    s3: int  # Ana, 5 May, Maria, nothing scored, nothing needled
    s4: int  # Ben, 20 Apr, Maria, NPRS 6 → 3, trapezius R; signed


def _session(
    clinic: Clinic,
    patient: int,
    practitioner: int,
    started: datetime,
    before: int | None = None,
    after: int | None = None,
) -> int:
    session = clinic.sessions.start(
        patient, practitioner_id=practitioner, started_at=started, nprs_before=before
    )
    consent(clinic, session.id, practitioner)
    if after is not None:
        clinic.sessions.update(session.id, nprs_after=after)
    return session.id


@pytest.fixture
def charted(any_clinic: Clinic) -> Charted:
    clinic = any_clinic
    maria = clinic.practitioners.add("Maria Gonçalves", "Physiotherapist", "PT-1").id
    joao = clinic.practitioners.add("João Silva", "Physiotherapist", "PT-2").id
    ana = clinic.patients.create(family_name="Lopes", given_names="Ana", birth_date="1980-01-02")
    ben = clinic.patients.create(family_name="Okafor", given_names="Ben", birth_date="1975-06-07")

    s1 = _session(clinic, ana.id, maria, at(3, 3), before=7, after=4)
    mark(clinic, s1, *TRAP_L, settings=PointSettings(ltr_count=2, familiar_pain=True))
    mark(clinic, s1, *TRAP_L, settings=PointSettings(ltr_count=1, familiar_pain=False))
    mark(clinic, s1, *TRAP_R, settings=PointSettings())
    mark(clinic, s1, *INFRA_L, settings=PointSettings(ltr_count=3))
    clinic.sessions.sign(s1, practitioner_id=maria)
    clinic.sessions.amend(s1, author_id=maria, reason="Typo", summary="Corrected the notes")

    s2 = _session(clinic, ana.id, joao, at(4, 7), before=5, after=5)
    mark(clinic, s2, *TRAP_L, settings=PointSettings(familiar_pain=False))
    mark(clinic, s2, *GLUT_R)
    clinic.sessions.record_adverse_event(
        s2, type="bruising", severity="mild", onset_at=at(4, 7, 10), recorded_by_id=joao
    )

    s3 = _session(clinic, ana.id, maria, at(5, 5))

    s4 = _session(clinic, ben.id, maria, at(4, 20), before=6, after=3)
    mark(clinic, s4, *TRAP_R)
    clinic.sessions.sign(s4, practitioner_id=maria)
    return Charted(clinic, maria, joao, ana.id, ben.id, s1, s2, s3, s4)


def _ids(items: list) -> list[int]:
    return [item.session_id for item in items]


# Timeline ----------------------------------------------------------------------------------


def test_the_timeline_lists_a_patients_sessions_newest_first_with_their_counts(
    charted: Charted,
) -> None:
    timeline = charted.clinic.history.timeline(charted.ana)
    assert _ids(timeline) == [charted.s3, charted.s2, charted.s1]
    third, second, first = timeline
    assert (first.point_count, first.muscle_count) == (4, 3)  # two points in one trapezius
    assert (first.nprs_before, first.nprs_after, first.pain_change) == (7, 4, -3)
    assert first.status is SessionStatus.SIGNED and first.amended
    assert first.adverse_event_count == 0 and first.practitioner_id == charted.maria
    assert (second.point_count, second.muscle_count, second.adverse_event_count) == (2, 2, 1)
    assert second.status is SessionStatus.DRAFT and not second.amended
    assert second.practitioner_id == charted.joao and second.pain_change == 0
    assert (third.point_count, third.muscle_count, third.adverse_event_count) == (0, 0, 0)
    assert third.pain_change is None and third.started_at == at(5, 5)
    assert {s.patient_id for s in timeline} == {charted.ana}


def test_the_timeline_agrees_with_the_full_records(charted: Charted) -> None:
    """The aggregates say what loading every point would say, on both databases."""
    clinic = charted.clinic
    for patient in (charted.ana, charted.ben):
        records = clinic.sessions.records_for_patient(patient)
        summaries = {s.session_id: s for s in clinic.history.timeline(patient)}
        assert set(summaries) == {r.session.id for r in records}
        for record in records:
            summary = summaries[record.session.id]
            assert summary.point_count == len(record.points)
            assert summary.muscle_count == record.muscle_count
            assert summary.adverse_event_count == len(record.adverse_events)
            assert summary.amended == bool(record.session.amendments)
            assert summary.started_at == record.session.started_at


def test_a_patient_without_sessions_has_an_empty_timeline(any_clinic: Clinic) -> None:
    patient = any_clinic.patients.create(family_name="New", birth_date="1990-01-01")
    assert any_clinic.history.timeline(patient.id) == []
    assert any_clinic.history.heatmap(patient.id) == {}
    assert any_clinic.history.pain_trend(patient.id) == []
    assert any_clinic.history.muscle_history(patient.id, "trapezius_upper") == []


@pytest.mark.parametrize("method", ["timeline", "heatmap", "pain_trend"])
def test_an_unknown_patient_is_not_found(any_clinic: Clinic, method: str) -> None:
    with pytest.raises(NotFoundError, match="no patient with id 999"):
        getattr(any_clinic.history, method)(999)


# Heatmap -----------------------------------------------------------------------------------


def test_the_heatmap_counts_sessions_per_muscle_and_side(charted: Charted) -> None:
    heat = charted.clinic.history.heatmap(charted.ana)
    # two points in the left trapezius on 3 March are one session, not two
    assert heat == {TRAP_L: 2, TRAP_R: 1, INFRA_L: 1, GLUT_R: 1}


def test_the_heatmap_period_includes_its_start_and_excludes_its_end(charted: Charted) -> None:
    history = charted.clinic.history
    assert history.heatmap(charted.ana, at(3, 3), at(4, 7)) == {TRAP_L: 1, TRAP_R: 1, INFRA_L: 1}
    assert history.heatmap(charted.ana, at(4, 7), at(5, 5)) == {TRAP_L: 1, GLUT_R: 1}
    assert history.heatmap(charted.ana, start=at(3, 4)) == {TRAP_L: 1, GLUT_R: 1}
    assert history.heatmap(charted.ana, end=at(3, 4)) == {TRAP_L: 1, TRAP_R: 1, INFRA_L: 1}
    assert history.heatmap(charted.ana, at(6, 1), at(7, 1)) == {}
    assert history.heatmap(charted.ana, at(3, 3), at(3, 3)) == {}  # an empty period


def test_the_heatmap_takes_calendar_days_and_iso_text(charted: Charted) -> None:
    history = charted.clinic.history
    year = history.heatmap(charted.ana, date(2025, 1, 1), date(2026, 1, 1))
    assert year == history.heatmap(charted.ana)
    assert history.heatmap(charted.ana, "2025-04-01", "2025-05-01") == {TRAP_L: 1, GLUT_R: 1}


def test_a_heatmap_period_must_not_end_before_it_starts(charted: Charted) -> None:
    with pytest.raises(ValidationError, match=r"starts .* after it ends") as raised:
        charted.clinic.history.heatmap(charted.ana, date(2025, 6, 1), date(2025, 1, 1))
    assert raised.value.field == "start"
    with pytest.raises(ValidationError, match="'last week', is not a date"):
        charted.clinic.history.heatmap(charted.ana, "last week")


# Muscle history ----------------------------------------------------------------------------


def test_a_muscles_history_has_one_visit_per_session_and_side_newest_first(
    charted: Charted,
) -> None:
    visits = charted.clinic.history.muscle_history(charted.ana, "trapezius_upper")
    assert visits == [
        MuscleVisit(charted.s2, at(4, 7), Side.LEFT, 1, None, False, 5, 5),
        MuscleVisit(charted.s1, at(3, 3), Side.LEFT, 2, 3, True, 7, 4),
        MuscleVisit(charted.s1, at(3, 3), Side.RIGHT, 1, None, None, 7, 4),
    ]
    assert visits[1].pain_change == -3


def test_a_muscles_history_on_one_side(charted: Charted) -> None:
    history = charted.clinic.history
    right = history.muscle_history(charted.ana, "trapezius_upper", "right")
    assert [(v.session_id, v.side) for v in right] == [(charted.s1, Side.RIGHT)]
    left = history.muscle_history(charted.ana, "trapezius_upper", Side.LEFT)
    assert _ids(left) == [charted.s2, charted.s1]
    infra = history.muscle_history(charted.ana, "infraspinatus")
    assert [(v.points, v.ltr_total, v.familiar_pain) for v in infra] == [(1, 3, None)]
    assert history.muscle_history(charted.ana, "supraspinatus") == []  # never needled
    assert _ids(history.muscle_history(charted.ben, "trapezius_upper")) == [charted.s4]


@pytest.mark.parametrize(
    ("muscle", "side", "message"),
    [
        ("biceps_femurs", None, "Unknown muscle id 'biceps_femurs'"),
        ("trapezius_upper", "midline", "charted on the right or left side, not midline"),
        ("trapezius_upper", "up", "Side must be one of: left, right, midline"),
    ],
)
def test_a_muscle_history_needs_a_known_muscle_and_side(
    charted: Charted, muscle: str, side: str | None, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        charted.clinic.history.muscle_history(charted.ana, muscle, side)


# Comparison --------------------------------------------------------------------------------


def test_comparing_two_sessions_sorts_them_and_sets_out_the_muscles(charted: Charted) -> None:
    history = charted.clinic.history
    comparison = history.compare(charted.s2, charted.s1)
    assert comparison == history.compare(charted.s1, charted.s2)  # the order asked is irrelevant
    assert comparison.earlier.session_id == charted.s1
    assert comparison.later.session_id == charted.s2
    assert comparison.new == (GLUT_R,)
    assert comparison.repeated == (TRAP_L,)
    assert comparison.stopped == (INFRA_L, TRAP_R)
    assert comparison.earlier_pain_change == -3  # 7 → 4
    assert comparison.later_pain_change == 0  # 5 → 5
    assert comparison.pain_change == -2  # arrived at 5, having arrived at 7


def test_comparing_with_a_session_without_points(charted: Charted) -> None:
    comparison = charted.clinic.history.compare(charted.s3, charted.s2)
    assert comparison.later.session_id == charted.s3
    assert comparison.new == comparison.repeated == ()
    assert comparison.stopped == (GLUT_R, TRAP_L)
    assert comparison.pain_change is None and comparison.later_pain_change is None


def test_only_two_sessions_of_one_patient_can_be_compared(charted: Charted) -> None:
    history = charted.clinic.history
    with pytest.raises(ValidationError, match="belong to different patients"):
        history.compare(charted.s1, charted.s4)
    with pytest.raises(ValidationError, match="two different sessions"):
        history.compare(charted.s1, charted.s1)
    with pytest.raises(NotFoundError, match="no session with id 999"):
        history.compare(charted.s1, 999)


# Pain trend --------------------------------------------------------------------------------


def test_the_pain_trend_lists_scored_sessions_oldest_first(charted: Charted) -> None:
    trend = charted.clinic.history.pain_trend(charted.ana)
    assert trend == [PainPoint(charted.s1, at(3, 3), 7, 4), PainPoint(charted.s2, at(4, 7), 5, 5)]
    assert trend[0].change == -3
    assert trend[0].day == at(3, 3).astimezone().date()


def test_a_session_scored_only_before_treatment_is_on_the_trend(charted: Charted) -> None:
    clinic = charted.clinic
    clinic.sessions.update(charted.s3, nprs_before=4)
    trend = clinic.history.pain_trend(charted.ana)
    assert trend[-1] == PainPoint(charted.s3, at(5, 5), 4, None)
    assert trend[-1].change is None


# Clinic-wide search ------------------------------------------------------------------------


def test_finding_sessions_by_muscle_across_patients(charted: Charted) -> None:
    history = charted.clinic.history
    hits = history.find_sessions(muscle_id="trapezius_upper")
    assert _ids(hits) == [charted.s4, charted.s2, charted.s1]
    assert [h.patient_name for h in hits] == ["Ben Okafor", "Ana Lopes", "Ana Lopes"]
    assert hits[2].muscle_ids == ("infraspinatus", "trapezius_upper")
    assert hits[1].muscle_ids == ("gluteus_medius", "trapezius_upper")
    assert hits[2].summary == history.timeline(charted.ana)[2]
    assert history.count_sessions(muscle_id="trapezius_upper") == 3
    assert _ids(history.find_sessions(muscle_id="gluteus_medius")) == [charted.s2]
    assert history.find_sessions(muscle_id="supraspinatus") == []
    assert history.count_sessions(muscle_id="supraspinatus") == 0


def test_finding_sessions_by_period_practitioner_and_adverse_events(charted: Charted) -> None:
    history = charted.clinic.history
    april = {"start": date(2025, 4, 1), "end": date(2025, 5, 1)}
    cases = [
        ({}, [charted.s3, charted.s4, charted.s2, charted.s1]),
        ({"muscle_id": "trapezius_upper", **april}, [charted.s4, charted.s2]),
        ({"start": at(4, 7), "end": at(5, 5)}, [charted.s4, charted.s2]),
        ({"practitioner_id": charted.joao}, [charted.s2]),
        ({"practitioner_id": charted.maria, **april}, [charted.s4]),
        ({"adverse_event": True}, [charted.s2]),
        ({"adverse_event": False}, [charted.s3, charted.s4, charted.s1]),
        ({"adverse_event": "bruising"}, [charted.s2]),
        ({"adverse_event": "pneumothorax"}, []),
        ({"muscle_id": "gluteus_medius", "adverse_event": False}, []),
    ]
    for filters, expected in cases:
        assert _ids(history.find_sessions(**filters)) == expected, filters
        assert history.count_sessions(**filters) == len(expected), filters


def test_found_sessions_come_a_page_at_a_time(charted: Charted) -> None:
    history = charted.clinic.history
    everything = _ids(history.find_sessions())
    assert _ids(history.find_sessions(limit=2)) == everything[:2]
    assert _ids(history.find_sessions(offset=1, limit=2)) == everything[1:3]
    assert _ids(history.find_sessions(offset=3)) == everything[3:]
    assert history.find_sessions(offset=10, limit=5) == []
    assert history.find_sessions(limit=0) == []


def test_pages_larger_than_one_in_list_give_the_same_answers(
    charted: Charted, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ids go to the database in chunks; a long page is re-selected by its filters."""
    history = charted.clinic.history
    expected = {
        "all": history.find_sessions(),
        "tail": history.find_sessions(offset=1),
        "trapezius": history.find_sessions(muscle_id="trapezius_upper"),
        "compare": history.compare(charted.s1, charted.s2),
    }
    monkeypatch.setattr(history_repository, "CHUNK", 2)
    assert history.find_sessions() == expected["all"]
    assert history.find_sessions(offset=1) == expected["tail"]
    assert history.find_sessions(muscle_id="trapezius_upper") == expected["trapezius"]
    assert history.compare(charted.s1, charted.s2) == expected["compare"]
    with charted.clinic.database.read() as uow:
        ids = [charted.s1, charted.s2, charted.s3, charted.s4, 999]
        points = uow.history.points_of(ids)
        summaries = uow.history.summaries_of(ids)
    assert points[charted.s1] == {TRAP_L, TRAP_R, INFRA_L}
    assert points[charted.s3] == points[999] == set()
    assert sorted(summaries) == sorted(ids[:4])


@pytest.mark.parametrize(
    ("filters", "error", "message"),
    [
        ({"muscle_id": "trapezius"}, ValidationError, "Unknown muscle id 'trapezius'"),
        ({"start": "2025-06-01", "end": "2025-01-01"}, ValidationError, "after it ends"),
        ({"start": "June"}, ValidationError, "'June', is not a date"),
        ({"adverse_event": "stubbed_toe"}, ValidationError, "Adverse event must be one of"),
        ({"practitioner_id": 999}, NotFoundError, "no practitioner with id 999"),
    ],
)
def test_a_search_refuses_filters_that_cannot_match(
    charted: Charted, filters: dict[str, object], error: type[Exception], message: str
) -> None:
    history = charted.clinic.history
    with pytest.raises(error, match=message):
        history.find_sessions(**filters)  # type: ignore[arg-type]
    with pytest.raises(error, match=message):
        history.count_sessions(**filters)  # type: ignore[arg-type]


def test_a_page_cannot_start_or_end_before_the_first_row(charted: Charted) -> None:
    with pytest.raises(ValidationError, match="offset cannot be negative"):
        charted.clinic.history.find_sessions(offset=-1)
    with pytest.raises(ValidationError, match="limit cannot be negative"):
        charted.clinic.history.find_sessions(limit=-5)


def test_sessions_at_the_same_moment_keep_a_stable_order(charted: Charted) -> None:
    """Newest first means the later-created first when two sessions share a start time."""
    clinic = charted.clinic
    twin = _session(clinic, charted.ana, charted.maria, at(5, 5), before=3)
    timeline = clinic.history.timeline(charted.ana)
    assert _ids(timeline)[:2] == [twin, charted.s3]
    trend = clinic.history.pain_trend(charted.ana)
    assert _ids(trend)[-1] == twin
    found = clinic.history.find_sessions(start=at(5, 5), end=at(5, 5) + timedelta(minutes=1))
    assert _ids(found) == [twin, charted.s3]
