"""Sessions, needled points, consent, outcomes, adverse events, signing and amendments."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest

from needlemap.domain.errors import NotFoundError, SessionLockedError, ValidationError
from needlemap.domain.point import PointSettings
from needlemap.domain.vocabulary import (
    AdverseEventType,
    PatientResponse,
    SessionStatus,
    Side,
    Technique,
)
from needlemap.services import Clinic
from needlemap.services.amendments import AmendmentNote
from tests.support.charting import answer_all, consent
from tests.support.marks import spot


@pytest.fixture
def started(any_clinic: Clinic) -> tuple[Clinic, int, int]:
    practitioner = any_clinic.practitioners.add("Maria Gonçalves", "Physiotherapist", "PT-123")
    patient = any_clinic.patients.create(
        family_name="Yılmaz", given_names="Elif", birth_date="1982-04-04"
    )
    session = any_clinic.sessions.start(
        patient.id, practitioner_id=practitioner.id, nprs_before=7, position="prone"
    )
    consent(any_clinic, session.id, practitioner.id)
    return any_clinic, session.id, practitioner.id


def test_marking_a_point_records_place_side_and_parameters(started) -> None:
    clinic, session_id, _ = started
    settings = PointSettings(
        technique=Technique.DEEP_FAST_IN_OUT,
        needle_diameter_mm=0.25,
        needle_length_mm=40,
        depth_mm=22,
        insertions=6,
        ltr_count=3,
        familiar_pain=True,
        patient_response=PatientResponse.DEEP_ACHE,
    )
    point = answer_all(
        partial(clinic.points.mark, session_id),
        muscle_id="infraspinatus",
        side="left",
        **spot(clinic.atlas, "infraspinatus", "left"),
        settings=settings,
    )
    assert point.seq == 1
    assert point.location.side is Side.LEFT
    assert point.location.atlas_version == clinic.atlas.version
    drawn = clinic.atlas.geometry(point.location.view).shape("infraspinatus", "left")
    assert drawn is not None and point.location.layer.value == drawn.layer
    assert clinic.points.for_session(session_id) == [point]
    second = answer_all(
        partial(clinic.points.mark, session_id),
        muscle_id="teres_minor",
        side="left",
        **spot(clinic.atlas, "teres_minor", "left"),
    )
    assert second.seq == 2
    # the next point starts from the previous one's needle and technique, not its responses
    assert second.settings.needle_length_mm == 40 and second.settings.ltr_count is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"muscle_id": "biceps_femurs"}, "Unknown muscle id"),
        ({"side": "midline"}, "charted on the right or left side"),
        ({"side": "up"}, "Side must be one of"),
        ({"view": "sideways"}, "Unknown body-map view"),
        ({"x": 10_000}, "outside the"),
        ({"x": 5, "y": 5}, "not on the right Upper trapezius"),
        ({"x": float("nan")}, "finite"),
        ({"settings": PointSettings(needle_length_mm=30, depth_mm=45)}, "beyond the needle"),
        ({"settings": PointSettings(needle_diameter_mm=2.0)}, "between 0.1 and 0.5 mm"),
        ({"settings": PointSettings(insertions=0)}, "between 1 and 200"),
        ({"muscle_id": "pelvic_floor", "side": "midline"}, "needled internally"),
    ],
)
def test_point_validation(started, kwargs: dict[str, object], message: str) -> None:
    clinic, session_id, _ = started
    values: dict[str, object] = {
        "muscle_id": "trapezius_upper",
        "side": "right",
        **spot(clinic.atlas, "trapezius_upper", "right"),
    } | kwargs
    with pytest.raises(ValidationError, match=message):
        answer_all(partial(clinic.points.mark, session_id), **values)  # type: ignore[arg-type]
    assert clinic.points.for_session(session_id) == []


def test_edit_move_delete_and_restore(started) -> None:
    clinic, session_id, _ = started
    where = spot(clinic.atlas, "gluteus_medius", "right")
    point = answer_all(
        partial(clinic.points.mark, session_id), muscle_id="gluteus_medius", side="right", **where
    )
    edited = clinic.points.update(
        point.id, PointSettings(technique=Technique.STATIC, retention_s=600)
    )
    assert clinic.points.get(point.id).settings.retention_s == 600
    shape = clinic.atlas.geometry(str(where["view"])).shape("gluteus_medius", "right")
    assert shape is not None
    moved = clinic.points.move(point.id, x=shape.anchor[0], y=shape.anchor[1])
    assert (moved.location.x, moved.location.y) == shape.anchor
    with pytest.raises(ValidationError, match="not on the right Gluteus medius"):
        clinic.points.move(point.id, x=5, y=5)
    removed = clinic.points.delete(point.id)
    assert clinic.points.for_session(session_id) == []
    restored = clinic.points.restore(removed)
    assert restored.id == point.id and restored.seq == 1
    assert restored.settings == edited.settings
    with pytest.raises(NotFoundError):
        clinic.points.get(9999)


def test_signing_freezes_the_session_and_amendments_carry_a_reason(started) -> None:
    clinic, session_id, practitioner_id = started
    point = answer_all(
        partial(clinic.points.mark, session_id),
        muscle_id="trapezius_upper",
        side="right",
        **spot(clinic.atlas, "trapezius_upper", "right"),
    )
    clinic.sessions.update(session_id, nprs_after=3, needles_inserted=1, needles_removed=1)
    signed = clinic.sessions.sign(session_id, practitioner_id=practitioner_id)
    assert signed.status is SessionStatus.SIGNED and signed.signed_by_id == practitioner_id
    assert signed.ended_at is not None
    with pytest.raises(SessionLockedError):
        clinic.sessions.update(session_id, nprs_after=2)
    with pytest.raises(SessionLockedError):
        clinic.points.delete(point.id)
    with pytest.raises(SessionLockedError, match="already signed"):
        clinic.sessions.sign(session_id, practitioner_id=practitioner_id)
    with pytest.raises(ValidationError, match="Amendment reason must not be empty"):
        clinic.sessions.update(
            session_id, nprs_after=2, amendment=AmendmentNote(practitioner_id, "  ")
        )
    amended = clinic.sessions.update(
        session_id, nprs_after=2, amendment=AmendmentNote(practitioner_id, "Typo in NPRS after")
    )
    assert amended.nprs_after == 2
    assert [a.reason for a in amended.amendments] == ["Typo in NPRS after"]
    assert amended.amendments[0].summary == "Changed nprs after"


def test_needle_count_mismatch_needs_an_explanation(started) -> None:
    clinic, session_id, practitioner_id = started
    clinic.sessions.update(session_id, needles_inserted=5, needles_removed=4)
    with pytest.raises(ValidationError, match="5 needles were inserted but 4 removed"):
        clinic.sessions.sign(session_id, practitioner_id=practitioner_id)
    clinic.sessions.update(session_id, needle_count_note="One needle bent and was binned at once")
    assert clinic.sessions.sign(session_id, practitioner_id=practitioner_id).is_signed


def test_nprs_must_be_zero_to_ten(started) -> None:
    clinic, session_id, _ = started
    for bad in (-1, 11, 3.5, "seven"):
        with pytest.raises(ValidationError, match="NPRS after must be a whole number from 0 to 10"):
            clinic.sessions.update(session_id, nprs_after=bad)
    assert clinic.sessions.update(session_id, nprs_after="4").nprs_after == 4


def test_consent_outcomes_and_adverse_events(started) -> None:
    clinic, session_id, practitioner_id = started
    session = clinic.sessions.record_consent(
        session_id,
        method="written",
        obtained_by_id=practitioner_id,
        text_version="DN-consent 3.1",
        risks_discussed=["soreness", "pneumothorax"],
        copy_offered=True,
    )
    assert session.consent is not None and session.consent.risks_discussed == (
        "soreness",
        "pneumothorax",
    )
    outcome = clinic.sessions.record_outcome(
        session_id, instrument="ndi", value=34, timing="pre", version="NDI 1991"
    )
    assert outcome.unit == "%"
    with pytest.raises(ValidationError, match="between 0 and 100"):
        clinic.sessions.record_outcome(session_id, instrument="ndi", value=140, timing="pre")
    clinic.sessions.sign(session_id, practitioner_id=practitioner_id)
    # two days later the patient reports breathlessness: an adverse event on a signed session
    with pytest.raises(ValidationError, match="cannot start before the session"):
        clinic.sessions.record_adverse_event(
            session_id,
            type="bruising",
            severity="mild",
            onset_at=datetime.now(UTC) - timedelta(days=3),
        )
    event = clinic.sessions.record_adverse_event(
        session_id,
        type="pneumothorax",
        severity="serious",
        action_taken="Referred to emergency department",
        recorded_by_id=practitioner_id,
    )
    assert event.type is AdverseEventType.PNEUMOTHORAX
    session = clinic.sessions.get(session_id)
    assert session.amendments[-1].summary == "Adverse event added: Pneumothorax (serious)"
    with pytest.raises(ValidationError, match="Severity must be one of mild, significant"):
        clinic.sessions.record_adverse_event(session_id, type="bruising", severity="huge")
    record = clinic.sessions.record(session_id)
    assert [e.id for e in record.adverse_events] == [event.id]
    assert [o.id for o in record.outcomes] == [outcome.id]


def test_every_change_is_committed_when_the_call_returns(tmp_path: Path) -> None:
    """A second, independent connection sees each change the moment the service returns."""
    from needlemap.services import open_clinic

    path = tmp_path / "c.sqlite3"
    with open_clinic(f"sqlite:///{path}") as clinic:
        spy = sqlite3.connect(path)

        def count(table: str) -> int:
            return int(spy.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        patient = clinic.patients.create(family_name="Spy", birth_date="1970-01-01")
        assert count("patients") == 1
        session = clinic.sessions.start(patient.id)
        assert count("sessions") == 1
        consent(clinic, session.id)
        answer_all(
            partial(clinic.points.mark, session.id),
            muscle_id="soleus",
            side="right",
            **spot(clinic.atlas, "soleus", "right"),
        )
        assert count("needled_points") == 1
        clinic.sessions.update(session.id, nprs_after=2)
        assert spy.execute("SELECT nprs_after FROM sessions").fetchone()[0] == 2
        spy.close()
