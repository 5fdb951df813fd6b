"""The demo clinic: reproducible, clinically plausible, all-or-nothing per patient."""

from __future__ import annotations

import dataclasses
import itertools
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from needlemap.anatomy import load_atlas
from needlemap.cli.demo_command import parse_until
from needlemap.domain import rules
from needlemap.domain.bundle import SessionBundle
from needlemap.domain.clinic_settings import ClinicSettings
from needlemap.domain.errors import ValidationError
from needlemap.domain.record import SessionRecord
from needlemap.domain.safety import Acknowledgement, SafetyCheckRequired, SafetyEvent, SafetyKind
from needlemap.domain.screening import SCREENING_ITEMS, Screening
from needlemap.domain.vocabulary import (
    AdverseEventType,
    ConsentMethod,
    FindingKind,
    PatientPosition,
    SessionStatus,
    SeverityScheme,
    Sex,
    Technique,
)
from needlemap.services import Clinic, open_clinic
from needlemap.services.demo import (
    CONSENT_TEXT_VERSION,
    IMPLANT_CASE,
    LYMPHOEDEMA_CASE,
    NEEDLE_DIAMETERS_MM,
    NEEDLE_LENGTHS_MM,
    PROFILES,
    RARE_BLOCK,
    RARE_CASES,
    RESCREEN_DAYS,
    ClinicGenerator,
    DemoSummary,
    load_name_pools,
)
from needlemap.services.safety import MIN_REASON, MarkContext, SafetyRules, limb_of
from needlemap.store import backup

UNTIL = date(2025, 6, 30)
END_OF_HISTORY = datetime(2025, 6, 30, 23, 59, 59, tzinfo=UTC)
DEMO_PATIENTS = RARE_BLOCK  # the smallest demo certain to hold every kind of safety answer
BLOCKS = frozenset({SafetyKind.ABSOLUTE, SafetyKind.LYMPHOEDEMA, SafetyKind.ELECTRICAL_IMPLANT})


def build(url: str, patients: int, *, seed: int = 1, until: date = UNTIL) -> DemoSummary:
    with open_clinic(url) as clinic:
        return clinic.demo.build(patients=patients, seed=seed, until=until)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in storage order."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            t: connection.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables
        }


@pytest.fixture(scope="module")
def demo_clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Clinic, DemoSummary]]:
    """One 500-patient clinic, shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    summary = build(f"sqlite:///{path}", DEMO_PATIENTS, seed=7)
    clinic = open_clinic(f"sqlite:///{path}")
    yield clinic, summary
    clinic.close()


@pytest.fixture(scope="module")
def records(demo_clinic: tuple[Clinic, DemoSummary]) -> dict[int, list[SessionRecord]]:
    clinic, _ = demo_clinic
    return {p.id: clinic.sessions.records_for_patient(p.id) for p in clinic.patients.search()}


# -- reproducibility ---------------------------------------------------------------------------


def test_same_seed_and_day_give_identical_databases(tmp_path: Path) -> None:
    first, second, other = (tmp_path / f"{n}.sqlite3" for n in ("a", "b", "c"))
    summary = build(f"sqlite:///{first}", 40, seed=11)
    assert build(f"sqlite:///{second}", 40, seed=11) == summary
    build(f"sqlite:///{other}", 40, seed=12)
    rows = dump(first)
    # every table has rows to compare but the settings: the demo keeps the clinic's defaults
    assert {t for t, r in rows.items() if not r} == {"clinic_settings"}
    assert rows == dump(second)
    different = dump(other)
    assert different["patients"] != rows["patients"]
    assert different["needled_points"] != rows["needled_points"]
    assert different["safety_events"] != rows["safety_events"]


def test_another_until_day_moves_the_history(tmp_path: Path) -> None:
    early, late = tmp_path / "early.sqlite3", tmp_path / "late.sqlite3"
    build(f"sqlite:///{early}", 5, until=date(2024, 1, 31))
    build(f"sqlite:///{late}", 5, until=date(2025, 1, 31))
    with sqlite3.connect(early) as a, sqlite3.connect(late) as b:
        query = "SELECT max(started_at) FROM sessions"
        assert a.execute(query).fetchone()[0] < "2024-02-01" < b.execute(query).fetchone()[0]


def test_a_smaller_demo_is_the_start_of_a_larger_one(tmp_path: Path) -> None:
    small, large = tmp_path / "small.sqlite3", tmp_path / "large.sqlite3"
    build(f"sqlite:///{small}", 6, seed=3)
    build(f"sqlite:///{large}", 12, seed=3)
    small_rows, large_rows = dump(small), dump(large)
    assert large_rows["patients"][:6] == small_rows["patients"]
    assert large_rows["sessions"][: len(small_rows["sessions"])] == small_rows["sessions"]


# -- shape of the record -----------------------------------------------------------------------


def test_counts_and_times_stay_within_bounds(
    demo_clinic: tuple[Clinic, DemoSummary], records: dict[int, list[SessionRecord]]
) -> None:
    clinic, summary = demo_clinic
    assert summary.patients == len(records) == DEMO_PATIENTS
    assert 3 <= summary.practitioners <= 5 == len(load_name_pools().staff)
    assert len(clinic.practitioners.list()) == summary.practitioners
    assert summary.sessions == sum(len(r) for r in records.values())
    assert summary.points == sum(len(s.points) for r in records.values() for s in r)
    assert summary.safety_events == sum(len(s.safety_events) for r in records.values() for s in r)
    lengths = Counter(len(r) for r in records.values())
    assert min(lengths) >= 1 and max(lengths) <= 30
    assert sum(n for k, n in lengths.items() if 3 <= k <= 8) > 0.5 * DEMO_PATIENTS
    assert sum(n for k, n in lengths.items() if k >= 20) > 0
    for patient_records in records.values():
        sessions = sorted((r.session for r in patient_records), key=lambda s: s.started_at)
        for earlier, later in itertools.pairwise(sessions):
            assert 5 <= (later.started_at.date() - earlier.started_at.date()).days <= 21
        for index, session in enumerate(sessions):
            assert session.started_at.weekday() < 5
            assert session.started_at <= END_OF_HISTORY
            assert session.consent is not None
            assert session.consent.text_version == CONSENT_TEXT_VERSION
            assert session.consent.obtained_by_id == session.practitioner_id
            expected = ConsentMethod.WRITTEN if index == 0 else ConsentMethod.VERBAL
            assert session.consent.method is expected
            assert session.needle_count_matches or session.needle_count_note
            assert session.nprs_before is not None
            if session.status is SessionStatus.SIGNED:
                assert session.signed_by_id == session.practitioner_id
                assert session.ended_at is not None and session.signed_at is not None
                assert timedelta(0) < session.signed_at - session.ended_at < timedelta(hours=1)
                assert session.signed_at <= END_OF_HISTORY
            else:
                assert session is sessions[-1]  # only the latest may be left as a draft
            if session.next_appointment is not None:
                assert session is sessions[-1]


def test_every_point_is_a_catalogue_muscle_charted_where_the_atlas_puts_it(
    records: dict[int, list[SessionRecord]],
) -> None:
    atlas = load_atlas()
    for record in (r for rs in records.values() for r in rs):
        assert 2 <= len(record.points) <= 12
        assert [p.seq for p in record.points] == list(range(1, len(record.points) + 1))
        for point in record.points:
            muscle = atlas.catalogue.get(point.muscle_id)
            assert not muscle.internal and muscle.views
            assert point.side.value in muscle.sides
            spots = atlas.reference_positions(muscle.id, point.side.value) or [
                atlas.default_position(muscle.id, point.side.value)
            ]
            location = point.location
            assert (
                location.view,
                location.x,
                location.y,
                location.layer.value,
                location.trigger_point,
            ) in {(s.view, s.x, s.y, s.layer, s.trigger_point) for s in spots if s is not None}
            assert location.atlas_version == atlas.version


def test_needling_parameters_pass_the_apps_own_rules(
    records: dict[int, list[SessionRecord]],
) -> None:
    atlas = load_atlas()
    techniques: Counter[Technique] = Counter()
    for record in (r for rs in records.values() for r in rs):
        wired = [p for p in record.points if p.settings.electrical]
        assert len(wired) in (0, 2)  # one channel across a pair of needles
        for point in wired:
            settings = point.settings
            assert settings.edn_frequency_hz in (2.0, 10.0)
            assert settings.edn_pulse_width_us in (200.0, 250.0, 300.0)
            assert settings.edn_intensity_ma is not None and 5 <= settings.edn_intensity_ma <= 25
            assert settings.edn_duration_min is not None
            assert 10 <= settings.edn_duration_min <= 20
            assert settings.retention_s == settings.edn_duration_min * 60
            assert "lung_pleura" not in atlas.muscle(point.muscle_id).risk  # never across it
        if wired:
            channel = {
                (
                    p.settings.edn_frequency_hz,
                    p.settings.edn_pulse_width_us,
                    p.settings.edn_intensity_ma,
                    p.settings.edn_duration_min,
                )
                for p in wired
            }
            assert len(channel) == 1  # both needles of the pair share the stimulator's settings
        for point in record.points:
            settings = point.settings
            assert rules.point_settings(settings) == settings
            if not settings.electrical:
                assert settings.edn_frequency_hz is None and settings.edn_pulse_width_us is None
                assert settings.edn_intensity_ma is None and settings.edn_duration_min is None
            assert settings.needle_diameter_mm in NEEDLE_DIAMETERS_MM
            assert settings.needle_length_mm in NEEDLE_LENGTHS_MM
            assert settings.depth_mm is not None and settings.needle_length_mm is not None
            assert settings.depth_mm <= settings.needle_length_mm - 3
            assert settings.ltr_count is not None and 0 <= settings.ltr_count <= 6
            techniques[settings.technique] += 1
            if settings.technique is Technique.DEEP_FAST_IN_OUT:
                assert settings.insertions is not None and 3 <= settings.insertions <= 10
            if settings.technique is Technique.STATIC:
                assert settings.retention_s is not None
                assert 300 <= settings.retention_s <= 1200
            if settings.referred_pain:
                assert settings.referred_to
    total = sum(techniques.values())
    assert techniques[Technique.DEEP_FAST_IN_OUT] > 0.6 * total
    assert techniques[Technique.STATIC] > 0.05 * total
    assert techniques[Technique.ELECTRICAL] > 0.005 * total


def test_thorax_is_needled_on_one_side_per_session_and_consent_names_pneumothorax(
    records: dict[int, list[SessionRecord]],
) -> None:
    atlas = load_atlas()
    lung_sessions = both_sides = 0
    for record in (r for rs in records.values() for r in rs):
        lung_sides = {
            p.side for p in record.points if "lung_pleura" in atlas.muscle(p.muscle_id).risk
        }
        assert record.session.consent is not None
        assert ("Pneumothorax" in record.session.consent.risks_discussed) == bool(lung_sides)
        lung_sessions += bool(lung_sides)
        both_sides += len(lung_sides) > 1
    assert lung_sessions > 100
    assert both_sides <= max(2, lung_sessions // 100)


def test_adverse_events_are_graded_and_late_ones_amend_the_signed_session(
    records: dict[int, list[SessionRecord]],
) -> None:
    atlas = load_atlas()
    sessions = [r for rs in records.values() for r in rs]
    events = [(r, e) for r in sessions for e in r.adverse_events]
    assert 0.04 < len(events) / len(sessions) < 0.13
    grades = Counter(e.severity for _, e in events)
    assert grades["mild"] > 0.9 * len(events)
    for record, event in events:
        assert event.scheme is SeverityScheme.WHITE
        assert rules.severity(SeverityScheme.WHITE, event.severity) == event.severity
        assert event.onset_at >= record.session.started_at
        assert event.recorded_at is not None and event.recorded_at <= END_OF_HISTORY
        if event.point_id is not None:
            assert event.point_id in {p.id for p in record.points}
        session = record.session
        late = session.signed_at is not None and event.recorded_at > session.signed_at
        summaries = [a.summary for a in session.amendments]
        assert (f"Adverse event added: {event.type.label} ({event.severity})" in summaries) == late
        if event.type is AdverseEventType.PNEUMOTHORAX:
            assert event.severity == "serious" and late
            assert timedelta(days=1) <= event.onset_at - session.started_at <= timedelta(days=3)
            assert any("lung_pleura" in atlas.muscle(p.muscle_id).risk for p in record.points)


def _in_force(screenings: list[Screening], day: date) -> Screening | None:
    """The screening the app uses for a session on ``day`` (``screenings`` newest first)."""
    return next((s for s in screenings if s.screened_on <= day), None)


def _lifted(record: SessionRecord, kind: SafetyKind) -> set[str]:
    """The keys of the blocks of this kind lifted in the session, each with a written reason."""
    return {e.key for e in record.safety_events if e.kind is kind and len(e.reason) >= MIN_REASON}


def test_screening_findings_are_plausible_and_respected(
    demo_clinic: tuple[Clinic, DemoSummary], records: dict[int, list[SessionRecord]]
) -> None:
    clinic, _ = demo_clinic
    codes = [item.code for item in SCREENING_ITEMS]
    absolute = {item.code for item in SCREENING_ITEMS if item.kind is FindingKind.ABSOLUTE}
    present: Counter[str] = Counter()
    rescreened = 0
    for patient in clinic.patients.search():
        screenings = clinic.patients.screenings(patient.id)
        sessions = sorted((r.session for r in records[patient.id]), key=lambda s: s.started_at)
        assert screenings[-1].screened_on == sessions[0].started_at.date()
        rescreened += len(screenings) > 1
        for screening in screenings:
            assert [f.code for f in screening.findings] == codes
            in_force = [
                r
                for r in records[patient.id]
                if _in_force(screenings, r.session.started_at.date()) == screening
            ]
            assert in_force  # every screening is the one in force for a session or more
            for finding in screening.active_findings:
                present[finding.code] += screening is screenings[-1]
                if finding.code in absolute - {"lymphoedema"}:
                    # needled only with the block lifted in writing, at every session
                    assert all(finding.code in _lifted(r, SafetyKind.ABSOLUTE) for r in in_force)
                if finding.code == "pregnancy":
                    age = patient.age_on(screening.screened_on)
                    assert patient.sex is Sex.FEMALE and 18 <= age <= 45
                if finding.code == "lymphoedema":
                    (limb,) = finding.limbs
                    for record in in_force:
                        on_limb = [
                            p
                            for p in record.points
                            if limb_of(clinic.atlas.muscle(p.muscle_id), p.side.value) is limb
                        ]
                        lifted = _lifted(record, SafetyKind.LYMPHOEDEMA)
                        assert bool(on_limb) == (lifted == {limb.value})
                if finding.code == "electrical_implant":
                    for record in in_force:
                        electrical = any(p.settings.electrical for p in record.points)
                        lifted = _lifted(record, SafetyKind.ELECTRICAL_IMPLANT)
                        assert electrical == (lifted == {"electrical_implant"})
    first_screenings = len(records)
    assert present["diabetes"] > 0.02 * first_screenings
    assert present["bleeding_tendency"] > 0.01 * first_screenings
    assert sum(present.values()) < 0.6 * first_screenings  # most answer no to everything
    assert sum(present[code] for code in absolute) < 0.03 * first_screenings
    long_courses = [
        pid
        for pid, rs in records.items()
        if (
            max(r.session.started_at.date() for r in rs)
            - min(r.session.started_at.date() for r in rs)
        ).days
        >= RESCREEN_DAYS
    ]
    assert rescreened == len(long_courses)


def test_rare_findings_shape_the_treatment() -> None:
    """Enough patients (generated in memory) to meet the 1-in-100 findings several times."""
    atlas = load_atlas()
    generator = ClinicGenerator(atlas, (1, 2, 3), seed=2, until=UNTIL)
    seen: Counter[str] = Counter()

    def lifted(bundle: SessionBundle, kind: SafetyKind) -> bool:
        return any(
            e.event.kind is kind and len(e.event.reason) >= MIN_REASON for e in bundle.safety_events
        )

    for number in range(1, 4001):
        bundle = generator.patient(number)
        case = generator.rare_case(number)
        first = {f.code: f for f in bundle.screenings[0].screening.findings}
        settings = [setting for s in bundle.sessions for _, setting in s.points]
        if first["lymphoedema"].present:
            (limb,) = first["lymphoedema"].limbs
            seen["lymphoedema"] += 1
            for session in bundle.sessions:
                on_limb = [
                    location
                    for location, _ in session.points
                    if limb_of(atlas.muscle(location.muscle_id), location.side.value) is limb
                ]
                if case is LYMPHOEDEMA_CASE:  # the affected arm needled, the block lifted
                    assert bool(on_limb) == lifted(session, SafetyKind.LYMPHOEDEMA)
                    seen["lymphoedema limb needled"] += bool(on_limb)
                else:
                    assert not on_limb, bundle.patient.display_name
                    assert not lifted(session, SafetyKind.LYMPHOEDEMA)
            other_limb = [
                loc
                for s in bundle.sessions
                for loc, _ in s.points
                if (found := limb_of(atlas.muscle(loc.muscle_id), loc.side.value)) is not None
                and found is not limb
                and found.value.endswith(limb.value.split("_")[1])
            ]
            seen["lymphoedema limb treated on the other side"] += bool(other_limb)
        if first["electrical_implant"].present:
            seen["implant"] += 1
            for session in bundle.sessions:
                electrical = any(s.electrical for _, s in session.points)
                assert electrical == lifted(session, SafetyKind.ELECTRICAL_IMPLANT)
                if case is IMPLANT_CASE:
                    seen["implant, electrical needling"] += electrical
                else:
                    assert not electrical
        if first["pregnancy"].present:
            seen["pregnancy"] += 1
            assert bundle.patient.sex is Sex.FEMALE
            assert all(s.session.position is not PatientPosition.PRONE for s in bundle.sessions[:3])
            assert all(s.technique is not Technique.ELECTRICAL for s in settings[:3])
    assert seen["lymphoedema"] >= 20 and seen["implant"] >= 20 and seen["pregnancy"] >= 5
    assert seen["lymphoedema limb treated on the other side"] >= 2
    blocks = 4000 // RARE_BLOCK
    assert seen["lymphoedema limb needled"] >= blocks  # the rare cases: once a block, or more
    assert seen["implant, electrical needling"] >= blocks


# -- safety answers ----------------------------------------------------------------------------


def test_every_kind_of_safety_answer_is_in_the_demo(
    demo_clinic: tuple[Clinic, DemoSummary], records: dict[int, list[SessionRecord]]
) -> None:
    answers: Counter[SafetyKind] = Counter()
    patients: defaultdict[SafetyKind, set[int]] = defaultdict(set)
    for patient_id, patient_records in records.items():
        for record in patient_records:
            for event in record.safety_events:
                answers[event.kind] += 1
                patients[event.kind].add(patient_id)
    sessions = sum(len(r) for r in records.values())
    # consent is required before charting, never answered as a prompt
    assert set(answers) == set(SafetyKind) - {SafetyKind.CONSENT}
    assert answers[SafetyKind.DANGER_ZONE] > sessions  # many: most sessions reach a risk tag
    assert 0.1 * DEMO_PATIENTS < len(patients[SafetyKind.RELATIVE]) < 0.5 * DEMO_PATIENTS
    rare = {cases[0].kind: count for cases, count in RARE_CASES}
    for kind in BLOCKS:  # only the seeded rare cases: every one of them, and no one else
        assert len(patients[kind]) == rare[kind], kind
    assert rare[SafetyKind.BILATERAL_THORAX] <= len(patients[SafetyKind.BILATERAL_THORAX])
    assert len(patients[SafetyKind.BILATERAL_THORAX]) <= 0.01 * DEMO_PATIENTS
    assert answers[SafetyKind.BILATERAL_THORAX] < 0.01 * sessions


def test_safety_answers_belong_to_the_points_that_raised_them(
    demo_clinic: tuple[Clinic, DemoSummary], records: dict[int, list[SessionRecord]]
) -> None:
    clinic, _ = demo_clinic
    atlas = clinic.atlas
    safety = SafetyRules(atlas)
    for record in (r for rs in records.values() for r in rs):
        session = record.session
        points = {p.id: p for p in record.points}
        answered = [(e.kind, e.key) for e in record.safety_events]
        assert len(answered) == len(set(answered))  # each prompt is asked once a session
        seqs = [points[e.point_id].seq for e in record.safety_events if e.point_id is not None]
        assert len(seqs) == len(answered) and seqs == sorted(seqs)  # in charting order
        for event in record.safety_events:
            assert event.point_id is not None
            point = points[event.point_id]
            muscle = atlas.muscle(point.muscle_id)
            side = point.side.value
            assert event.session_id == session.id
            assert event.acknowledged_by_id == session.practitioner_id
            assert event.acknowledged_at == point.created_at
            assert session.consent is not None
            assert session.consent.obtained_at < event.acknowledged_at
            if event.kind in BLOCKS:
                assert len(event.reason) >= MIN_REASON and event.reason == event.reason.strip()
            else:
                assert event.reason == ""
            if event.kind is SafetyKind.DANGER_ZONE:
                assert event.key == f"{muscle.id}:{side}" and muscle.risk_note in event.message
            elif event.kind is SafetyKind.LYMPHOEDEMA:
                limb = limb_of(muscle, side)
                assert limb is not None and event.key == limb.value
            elif event.kind is SafetyKind.ELECTRICAL_IMPLANT:
                assert point.settings.electrical
            elif event.kind is SafetyKind.BILATERAL_THORAX:
                assert safety.over_thorax(muscle, point.location)
                assert any(
                    other.seq < point.seq
                    and other.side.value not in (side, "midline")
                    and safety.over_thorax(atlas.muscle(other.muscle_id), other.location)
                    for other in record.points
                )


def test_recorded_answers_are_every_prompt_the_rules_raise(
    demo_clinic: tuple[Clinic, DemoSummary], records: dict[int, list[SessionRecord]]
) -> None:
    """Every stored session, read back and charted again through the rules point by point."""
    clinic, _ = demo_clinic
    safety = SafetyRules(clinic.atlas)
    for patient_id, patient_records in records.items():
        screenings = clinic.patients.screenings(patient_id)
        for record in patient_records:
            screening = _in_force(screenings, record.session.started_at.date())
            answered: set[tuple[SafetyKind, str]] = set()
            expected = []
            for index, point in enumerate(record.points):
                context = MarkContext(
                    session=record.session,
                    screening=screening,
                    settings=ClinicSettings(),
                    muscle=clinic.atlas.muscle(point.muscle_id),
                    location=point.location,
                    point_settings=point.settings,
                    other_points=record.points[:index],
                    answered=frozenset(answered),
                )
                for check in safety.pending(context):
                    expected.append((check.kind, check.key, check.message, point.id))
                    answered.add((check.kind, check.key))
            stored = [(e.kind, e.key, e.message, e.point_id) for e in record.safety_events]
            assert stored == expected, record.session.id


def _replay(live: Clinic, demo: Clinic, record: SessionRecord) -> list[SafetyEvent]:
    """Chart a demo session again through the app's own services, on another database.

    Each point is marked first without answers (the app must ask exactly what the demo
    recorded for it), then with the demo's answers. Returns the answers the app kept.
    """
    practitioner = live.practitioners.add("Replaying Practitioner", "Physiotherapist")
    original = record.patient
    patient = live.patients.create(
        family_name=original.family_name,
        given_names=original.given_names,
        birth_date=original.birth_date,
        sex=original.sex,
    )
    for screening in reversed(demo.patients.screenings(original.id)):  # all of them, oldest first
        live.patients.record_screening(
            patient.id,
            findings={f.code: f for f in screening.findings},
            screened_on=screening.screened_on,
            practitioner_id=practitioner.id,
            notes=screening.notes,
        )
    demo_session = record.session
    session = live.sessions.start(
        patient.id,
        practitioner_id=practitioner.id,
        started_at=demo_session.started_at,
        position=demo_session.position,
    )
    consent = demo_session.consent
    assert consent is not None
    live.sessions.record_consent(
        session.id,
        method=consent.method,
        obtained_by_id=practitioner.id,
        text_version=consent.text_version,
        obtained_at=consent.obtained_at,
        risks_discussed=consent.risks_discussed,
        notes=consent.notes,
    )
    for point in record.points:
        recorded = [e for e in record.safety_events if e.point_id == point.id]
        where = {
            "muscle_id": point.muscle_id,
            "side": point.side,
            "view": point.location.view,
            "x": point.location.x,
            "y": point.location.y,
            "layer": point.location.layer,
            "trigger_point": point.location.trigger_point,
            "settings": point.settings,
        }
        if recorded:
            with pytest.raises(SafetyCheckRequired) as asked:
                live.points.mark(session.id, **where)  # type: ignore[arg-type]
            assert [(c.kind, c.key, c.message, c.needs_reason) for c in asked.value.checks] == [
                (e.kind, e.key, e.message, e.kind in BLOCKS) for e in recorded
            ]
        live.points.mark(
            session.id,
            **where,  # type: ignore[arg-type]
            acknowledgements=[Acknowledgement(e.kind, e.key, e.reason) for e in recorded],
        )
    kept = live.points.safety_events(session.id)
    assert {e.acknowledged_by_id for e in kept} <= {practitioner.id}
    seqs = {p.id: p.seq for p in live.points.for_session(session.id)}
    return [dataclasses.replace(e, point_id=seqs[e.point_id or 0]) for e in kept]


def test_a_replayed_session_raises_exactly_the_prompts_the_demo_recorded(
    clinic: Clinic,
    demo_clinic: tuple[Clinic, DemoSummary],
    records: dict[int, list[SessionRecord]],
) -> None:
    """The demo's answers are what the live app records: one session of each kind, replayed."""
    demo, _ = demo_clinic
    chosen: dict[SafetyKind, SessionRecord] = {}
    for record in sorted((r for rs in records.values() for r in rs), key=lambda r: r.session.id):
        for event in record.safety_events:
            chosen.setdefault(event.kind, record)
    assert set(chosen) == set(SafetyKind) - {SafetyKind.CONSENT}
    for record in {r.session.id: r for r in chosen.values()}.values():
        seqs = {p.id: p.seq for p in record.points}
        expected = [
            (e.kind, e.key, e.message, e.reason, seqs[e.point_id or 0])
            for e in record.safety_events
        ]
        replayed = _replay(clinic, demo, record)
        assert [(e.kind, e.key, e.message, e.reason, e.point_id) for e in replayed] == expected


def test_pain_mostly_improves(records: dict[int, list[SessionRecord]]) -> None:
    improved = within = total = 0
    for patient_records in records.values():
        sessions = sorted((r.session for r in patient_records), key=lambda s: s.started_at)
        for session in sessions:
            if session.nprs_after is not None and session.nprs_before is not None:
                total += 1
                within += session.nprs_after <= session.nprs_before
        if len(sessions) >= 3:
            first, last = sessions[0].nprs_before, sessions[-1].nprs_before
            assert first is not None and last is not None
            improved += last < first
    assert within > 0.9 * total
    assert improved > 0.6 * sum(1 for r in records.values() if len(r) >= 3)


def test_profiles_name_only_real_surface_muscles() -> None:
    catalogue = load_atlas().catalogue
    for profile in PROFILES:
        for muscle_id, _ in profile.muscles:
            muscle = catalogue.find(muscle_id)
            assert muscle is not None, muscle_id
            assert muscle.views and not muscle.internal


# -- people ------------------------------------------------------------------------------------


def _scripts(text: str) -> set[str]:
    return {unicodedata.name(ch).split()[0] for ch in text if ch.isalpha()}


def test_names_are_international_with_gendered_surnames(tmp_path: Path) -> None:
    path = tmp_path / "names.sqlite3"
    build(f"sqlite:///{path}", 200, seed=1)
    with open_clinic(f"sqlite:///{path}") as clinic:
        patients = clinic.patients.search()
    scripts = set().union(*(_scripts(p.display_name) for p in patients))
    assert {"LATIN", "GREEK", "CYRILLIC"} <= scripts
    assert any(
        unicodedata.normalize("NFD", p.display_name) != p.display_name
        and _scripts(p.display_name) == {"LATIN"}
        for p in patients
    )
    pools = load_name_pools()
    male_forms = {m for c in pools.cultures for m, f in c.family_gendered if m != f}
    female_forms = {f for c in pools.cultures for m, f in c.family_gendered if m != f}
    gendered = 0
    for patient in patients:
        if patient.family_name in male_forms:
            gendered += 1
            assert patient.sex is not Sex.FEMALE, patient.display_name
        if patient.family_name in female_forms:
            gendered += 1
            assert patient.sex is not Sex.MALE, patient.display_name
        assert patient.email == "" or re.fullmatch(r"patient\d+@example\.org", patient.email)
        assert date(1940, 1, 1) <= patient.birth_date <= date(2010, 12, 31)
        systems = [i.system for i in patient.identifiers]
        assert systems[0] == "Clinic no." and len(systems) == len(set(systems))
    assert gendered > 10
    assert len({p.identifiers[0].value for p in patients}) == 200
    assert any(len(p.identifiers) == 2 for p in patients)


def test_refuses_a_database_that_already_has_patients(clinic: Clinic) -> None:
    clinic.patients.create(family_name="Real", given_names="Person", birth_date="1970-01-01")
    with pytest.raises(ValidationError, match="the demo fills an empty database only"):
        clinic.demo.build(patients=5, seed=1, until=UNTIL)
    assert clinic.patients.count() == 1
    assert clinic.practitioners.list() == []


def test_reuses_practitioners_of_the_same_name(clinic: Clinic) -> None:
    existing = clinic.practitioners.add("Anna Kowalczyk", "Physiotherapist", "PT-9")
    summary = clinic.demo.build(patients=3, seed=1, until=UNTIL)
    names = [p.name for p in clinic.practitioners.list()]
    assert names.count("Anna Kowalczyk") == 1 and len(names) == summary.practitioners
    assert clinic.practitioners.get(existing.id) == existing


@pytest.mark.parametrize(
    ("patients", "until", "message"),
    [(0, UNTIL, "1 to"), (5, date(1999, 12, 31), "must end between")],
)
def test_refuses_impossible_requests(
    clinic: Clinic, patients: int, until: date, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        clinic.demo.build(patients=patients, seed=1, until=until)


def test_until_is_parsed_or_refused_clearly() -> None:
    assert parse_until("2025-06-30") == date(2025, 6, 30)
    assert parse_until(None) == datetime.now().astimezone().date()
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        parse_until("30/06/2025")


def test_builds_on_every_backend(any_clinic: Clinic) -> None:
    summary = any_clinic.demo.build(patients=12, seed=5, until=UNTIL)
    patients = any_clinic.patients.search()
    assert len(patients) == 12
    sessions = points = answers = 0
    for patient in patients:
        for record in any_clinic.sessions.records_for_patient(patient.id):
            sessions += 1
            points += len(record.points)
            full = any_clinic.sessions.record(record.session.id)
            for event in full.adverse_events:
                if event.point_id is not None:
                    assert event.point_id in {p.id for p in full.points}
            assert full.safety_events == record.safety_events
            for answer in full.safety_events:
                answers += 1
                assert answer.point_id in {p.id for p in full.points}
    assert (sessions, points, answers) == (summary.sessions, summary.points, summary.safety_events)
    assert answers > 0


# -- command line ------------------------------------------------------------------------------


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "needlemap", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
def test_demo_command_end_to_end(tmp_path: Path, cli_env: dict[str, str]) -> None:
    db = str(tmp_path / "cli.sqlite3")
    done = _cli(
        "demo", "--db", db, "--patients", "25", "--seed", "4", "--until", "2024-05-31", env=cli_env
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    assert re.search(
        r": 25 patients, [\d,]+ sessions, [\d,]+ points, [\d,]+ adverse events "
        r"in \d+\.\d s$",
        lines[0],
    )
    again = _cli("demo", "--db", db, "--patients", "5", env=cli_env)
    assert again.returncode == 1
    assert "the demo fills an empty database only" in again.stderr
    bad = _cli(
        "demo",
        "--db",
        str(tmp_path / "other.sqlite3"),
        "--patients",
        "5",
        "--until",
        "2024-02-30",
        env=cli_env,
    )
    assert bad.returncode == 1
    assert "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.slow
def test_a_killed_run_leaves_only_complete_patients(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    path = tmp_path / "killed.sqlite3"
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "needlemap",
            "demo",
            "--db",
            str(path),
            "--patients",
            "3000",
            "--until",
            "2025-06-30",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=cli_env,
    )
    try:
        deadline = time.monotonic() + 8
        written = 0
        while time.monotonic() < deadline and written < 20:
            time.sleep(0.1)
            written = _patients_so_far(path)
        time.sleep(0.3)
        assert child.poll() is None, "the demo finished before it could be killed"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert backup.integrity_problems(path) == []
    with open_clinic(f"sqlite:///{path}") as clinic:
        assert clinic.maintenance.check().ok
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        count = connection.execute("SELECT count(*) FROM patients").fetchone()[0]
        assert 20 <= count < 3000
        ids = [i for (i,) in connection.execute("SELECT id FROM patients ORDER BY id")]
        assert ids == list(range(1, count + 1))
        orphans = {
            "patients without sessions": "SELECT count(*) FROM patients p WHERE NOT EXISTS "
            "(SELECT 1 FROM sessions s WHERE s.patient_id = p.id)",
            "patients without screening": "SELECT count(*) FROM patients p WHERE NOT EXISTS "
            "(SELECT 1 FROM screenings s WHERE s.patient_id = p.id)",
            "patients without clinic number": "SELECT count(*) FROM patients p WHERE NOT EXISTS "
            "(SELECT 1 FROM patient_identifiers i WHERE i.patient_id = p.id)",
            "sessions without consent": "SELECT count(*) FROM sessions s WHERE NOT EXISTS "
            "(SELECT 1 FROM consents c WHERE c.session_id = s.id)",
            "sessions with too few or many points": "SELECT count(*) FROM sessions s WHERE "
            "(SELECT count(*) FROM needled_points p WHERE p.session_id = s.id) NOT BETWEEN 2 "
            "AND 12",
            "screenings without 21 findings": "SELECT count(*) FROM screenings s WHERE "
            f"(SELECT count(*) FROM screening_findings f WHERE f.screening_id = s.id) != "
            f"{len(SCREENING_ITEMS)}",
            "safety answers without a point of their session": "SELECT count(*) FROM "
            "safety_events e WHERE NOT EXISTS (SELECT 1 FROM needled_points p WHERE "
            "p.id = e.point_id AND p.session_id = e.session_id)",
        }
        found = {what: connection.execute(sql).fetchone()[0] for what, sql in orphans.items()}
        assert found == dict.fromkeys(orphans, 0)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def _patients_so_far(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as connection:
            return int(connection.execute("SELECT count(*) FROM patients").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet, or the schema is still being written


def test_patient_records_reference_the_demo_practitioners(
    demo_clinic: tuple[Clinic, DemoSummary], records: dict[int, list[SessionRecord]]
) -> None:
    clinic, _ = demo_clinic
    staff = {p.id for p in clinic.practitioners.list()}
    seen: defaultdict[int, int] = defaultdict(int)
    for record in (r for rs in records.values() for r in rs):
        assert record.session.practitioner_id in staff
        seen[record.session.practitioner_id or 0] += 1
    assert set(seen) == staff
