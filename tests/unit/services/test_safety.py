"""Every safety rule, enforced by the services whatever the front end, with the rows it leaves."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest

from needlemap.domain.errors import ValidationError
from needlemap.domain.point import PointSettings
from needlemap.domain.safety import Acknowledgement, SafetyCheckRequired, SafetyKind
from needlemap.domain.screening import ScreeningFinding
from needlemap.domain.vocabulary import Limb, Technique
from needlemap.services import Clinic
from tests.support.charting import OVERRIDE_REASON, answer_all, consent
from tests.support.marks import spot


@pytest.fixture
def session(clinic: Clinic) -> tuple[Clinic, int, int]:
    practitioner = clinic.practitioners.add("Aoife Byrne", "Physiotherapist")
    patient = clinic.patients.create(
        family_name="Kowalczyk", given_names="Ewa", birth_date="1960-04-04"
    )
    started = clinic.sessions.start(patient.id, practitioner_id=practitioner.id)
    consent(clinic, started.id, practitioner.id)
    return clinic, started.id, patient.id


def _mark(clinic: Clinic, session_id: int, muscle: str, side: str, **kwargs: object):
    return clinic.points.mark(
        session_id, muscle_id=muscle, side=side, **spot(clinic.atlas, muscle, side), **kwargs
    )


def _prompts(clinic: Clinic, session_id: int, muscle: str, side: str, **kwargs: object):
    with pytest.raises(SafetyCheckRequired) as pending:
        _mark(clinic, session_id, muscle, side, **kwargs)
    return pending.value.checks


def _events(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT kind, key, reason, point_id IS NOT NULL FROM safety_events ORDER BY id"
        ).fetchall()


def _answer(checks, reason: str = "") -> tuple[Acknowledgement, ...]:
    return tuple(Acknowledgement(c.kind, c.key, reason) for c in checks)


def test_no_point_before_consent_unless_the_clinic_turns_the_rule_off(clinic: Clinic) -> None:
    patient = clinic.patients.create(family_name="Nowak", birth_date="1970-01-01")
    started = clinic.sessions.start(patient.id)
    with pytest.raises(ValidationError, match="consent") as refused:
        _mark(clinic, started.id, "deltoid_anterior", "right")
    assert refused.value.field == "consent"
    assert clinic.points.for_session(started.id) == []
    clinic.settings.update(require_consent=False)
    assert _mark(clinic, started.id, "deltoid_anterior", "right").seq == 1


def test_a_muscle_without_risk_marks_at_once(session, db_path: Path) -> None:
    clinic, session_id, _ = session
    assert _mark(clinic, session_id, "deltoid_anterior", "right").seq == 1
    assert _events(db_path) == []


def test_danger_zone_is_specific_acknowledged_once_per_muscle_and_side(
    session,
    db_path: Path,
) -> None:
    clinic, session_id, _ = session
    (check,) = _prompts(clinic, session_id, "biceps_brachii", "right")
    assert check.kind is SafetyKind.DANGER_ZONE and not check.needs_reason
    assert "Biceps brachii (right)" in check.message
    assert clinic.atlas.muscle("biceps_brachii").risk_note in check.message
    assert clinic.points.for_session(session_id) == []  # nothing saved while it is unanswered
    point = _mark(clinic, session_id, "biceps_brachii", "right", acknowledgements=_answer([check]))
    assert _events(db_path) == [("danger_zone", "biceps_brachii:right", "", 1)]
    assert _mark(clinic, session_id, "biceps_brachii", "right").seq == point.seq + 1  # not again
    assert _prompts(clinic, session_id, "biceps_brachii", "left")[0].key == "biceps_brachii:left"


def test_relative_precautions_are_acknowledged_once_per_session(
    session,
    db_path: Path,
) -> None:
    clinic, _, patient_id = session
    clinic.patients.record_screening(
        patient_id, findings={"bleeding_tendency": (True, "apixaban"), "diabetes": True}
    )
    # the screening is dated today, after the session started: it applies from the next session
    later = clinic.sessions.start(patient_id)
    consent(clinic, later.id)
    (check,) = _prompts(clinic, later.id, "deltoid_anterior", "right")
    assert check.kind is SafetyKind.RELATIVE
    assert "anticoagulants" in check.message and "apixaban" in check.message
    assert "diabetes" in check.message
    _mark(clinic, later.id, "deltoid_anterior", "right", acknowledgements=_answer([check]))
    _mark(clinic, later.id, "deltoid_anterior", "left")  # no second prompt in this session
    assert [e[0] for e in _events(db_path)] == ["relative_contraindication"]


def test_absolute_contraindication_blocks_until_overridden_with_a_reason(
    clinic: Clinic, db_path: Path
) -> None:
    patient = clinic.patients.create(family_name="Fobia", birth_date="1980-01-01")
    clinic.patients.record_screening(
        patient.id,
        screened_on=date.today() - timedelta(days=1),
        findings={"needle_phobia": (True, "faints at injections")},
    )
    started = clinic.sessions.start(patient.id)
    consent(clinic, started.id)
    (check,) = _prompts(clinic, started.id, "deltoid_anterior", "right")
    assert check.kind is SafetyKind.ABSOLUTE and check.needs_reason
    assert "needle phobia" in check.message and "faints at injections" in check.message
    with pytest.raises(ValidationError, match="write the reason"):
        _mark(clinic, started.id, "deltoid_anterior", "right", acknowledgements=_answer([check]))
    assert clinic.points.for_session(started.id) == []
    _mark(
        clinic,
        started.id,
        "deltoid_anterior",
        "right",
        acknowledgements=_answer([check], "Desensitised over 3 visits; patient insists"),
    )
    assert _events(db_path) == [
        (
            "absolute_contraindication",
            "needle_phobia",
            "Desensitised over 3 visits; patient insists",
            1,
        )
    ]


def test_lymphoedema_blocks_only_the_affected_limb(clinic: Clinic, db_path: Path) -> None:
    patient = clinic.patients.create(family_name="Arm", birth_date="1955-01-01")
    clinic.patients.record_screening(
        patient.id,
        screened_on=date.today() - timedelta(days=3),
        findings={
            "lymphoedema": ScreeningFinding(
                "lymphoedema", True, "post mastectomy", (Limb.LEFT_ARM,)
            )
        },
    )
    started = clinic.sessions.start(patient.id)
    consent(clinic, started.id)
    assert _mark(clinic, started.id, "brachioradialis", "right").seq == 1  # the other arm: fine
    assert _mark(clinic, started.id, "rectus_femoris", "left").seq == 2  # a leg: fine
    (check,) = _prompts(clinic, started.id, "brachioradialis", "left")
    assert check.kind is SafetyKind.LYMPHOEDEMA and check.needs_reason
    assert "left arm" in check.message
    assert len(clinic.points.for_session(started.id)) == 2


def test_electrical_needling_with_an_implant_is_blocked_on_mark_and_on_edit(
    clinic: Clinic, db_path: Path
) -> None:
    patient = clinic.patients.create(family_name="Pace", birth_date="1940-01-01")
    clinic.patients.record_screening(
        patient.id,
        screened_on=date.today() - timedelta(days=2),
        findings={"electrical_implant": (True, "pacemaker 2019")},
    )
    started = clinic.sessions.start(patient.id)
    consent(clinic, started.id)
    answer_all(
        partial(clinic.points.mark, started.id),
        muscle_id="deltoid_anterior",
        side="right",
        **spot(clinic.atlas, "deltoid_anterior", "right"),
    )
    point = clinic.points.for_session(started.id)[0]
    electrical = PointSettings(
        technique=Technique.ELECTRICAL,
        edn_frequency_hz=2,
        edn_pulse_width_us=250,
        edn_intensity_ma=12,
        edn_duration_min=15,
    )
    with pytest.raises(SafetyCheckRequired) as pending:
        clinic.points.update(point.id, electrical)
    (check,) = pending.value.checks
    assert check.kind is SafetyKind.ELECTRICAL_IMPLANT and check.needs_reason
    assert clinic.points.get(point.id).settings.technique is not Technique.ELECTRICAL
    updated = clinic.points.update(
        point.id, electrical, acknowledgements=_answer([check], OVERRIDE_REASON)
    )
    assert updated.settings.edn_frequency_hz == 2 and updated.settings.edn_intensity_ma == 12
    assert ("electrical_implant", "electrical_implant", OVERRIDE_REASON, 1) in _events(db_path)


def test_stimulation_parameters_belong_to_electrical_needling(session) -> None:
    clinic, session_id, _ = session
    with pytest.raises(ValidationError, match="belong to electrical dry needling"):
        _mark(
            clinic,
            session_id,
            "deltoid_anterior",
            "right",
            settings=PointSettings(edn_frequency_hz=10),
        )
    with pytest.raises(ValidationError, match=r"between 0\.5 and 250 Hz"):
        _mark(
            clinic,
            session_id,
            "deltoid_anterior",
            "right",
            settings=PointSettings(technique=Technique.ELECTRICAL, edn_frequency_hz=999),
        )


def test_both_sides_of_the_thorax_warns_once(session, db_path: Path) -> None:
    clinic, session_id, _ = session
    answer_all(
        partial(clinic.points.mark, session_id),
        muscle_id="pectoralis_major_sternal",
        side="right",
        **spot(clinic.atlas, "pectoralis_major_sternal", "right"),
    )
    checks = _prompts(clinic, session_id, "pectoralis_major_sternal", "left")
    kinds = [c.kind for c in checks]
    assert SafetyKind.BILATERAL_THORAX in kinds and SafetyKind.DANGER_ZONE in kinds
    bilateral = next(c for c in checks if c.kind is SafetyKind.BILATERAL_THORAX)
    assert "both sides" in bilateral.message.lower()
    _mark(clinic, session_id, "pectoralis_major_sternal", "left", acknowledgements=_answer(checks))
    answer_all(
        partial(clinic.points.mark, session_id),
        muscle_id="serratus_anterior",
        side="left",
        **spot(clinic.atlas, "serratus_anterior", "left"),
    )
    kinds_saved = [e[0] for e in _events(db_path)]
    assert kinds_saved.count("bilateral_thorax") == 1


def test_lung_warnings_only_where_the_pleura_lies_beneath(session) -> None:
    """Quadratus lumborum: over the twelfth rib it is lung and kidney; low down, kidney only."""
    clinic, session_id, _ = session
    geometry = clinic.atlas.geometry("posterior")
    shape = geometry.shape("quadratus_lumborum", "left")
    assert shape is not None
    view = clinic.atlas.view("posterior")
    x0, _, x1, y1 = shape.outline.bbox
    low = next(
        (x, y)
        for y in range(int(y1), int(y1) - 60, -2)
        for x in (x0 + (x1 - x0) * f / 10 for f in range(1, 10))
        if shape.outline.contains(x, y) and not view.over_pleura(y)
    )
    with pytest.raises(SafetyCheckRequired) as pending:
        clinic.points.mark(
            session_id,
            muscle_id="quadratus_lumborum",
            side="left",
            view="posterior",
            x=low[0],
            y=low[1],
        )
    (check,) = pending.value.checks
    assert check.kind is SafetyKind.DANGER_ZONE
    assert not clinic.points.checks_for(
        session_id,
        muscle_id="deltoid_anterior",
        side="right",
        **spot(clinic.atlas, "deltoid_anterior", "right"),
    )


def test_signed_session_rules_still_apply_to_amendments(session) -> None:
    clinic, session_id, _ = session
    practitioner_id = clinic.sessions.get(session_id).practitioner_id
    _mark(clinic, session_id, "deltoid_anterior", "right")
    clinic.sessions.sign(session_id, practitioner_id=practitioner_id)
    from needlemap.services.amendments import AmendmentNote

    with pytest.raises(SafetyCheckRequired):
        _mark(
            clinic,
            session_id,
            "biceps_brachii",
            "left",
            amendment=AmendmentNote(practitioner_id, "Charted later from paper notes"),
        )
