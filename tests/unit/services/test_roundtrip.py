"""Whatever valid text a person types comes back from the database as stored.

Input text is normalised to Unicode NFC on the way in (so that "é" typed two ways is one name);
everything after that survives the round trip exactly.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import partial
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from needlemap.domain.point import PointSettings
from needlemap.domain.vocabulary import PatientResponse, Technique
from needlemap.services import open_clinic
from tests.support.charting import answer_all, consent
from tests.support.marks import spot

# Letters from many scripts, spaces and punctuation; no control characters (refused on input).
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs")),
    max_size=400,
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


NAME = TEXT.map(lambda s: s[:200].strip()).filter(bool)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    given_names=NAME,
    family_name=NAME,
    notes=TEXT,
    address=TEXT,
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
)
def test_patient_round_trip(
    tmp_path: Path, given_names: str, family_name: str, notes: str, address: str, born: date
) -> None:
    url = f"sqlite:///{tmp_path / 'rt.sqlite3'}"
    with open_clinic(url) as clinic:
        created = clinic.patients.create(
            given_names=given_names,
            family_name=family_name,
            birth_date=born,
            notes=notes,
            address=address[:500],
        )
    with open_clinic(url) as clinic:
        assert clinic.patients.get(created.id) == created
    assert (created.given_names, created.family_name) in {
        (nfc(given_names), nfc(family_name)),
        ("", nfc(given_names)),  # a single-name patient keeps it as the family name
    }
    assert created.notes == nfc(notes)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    notes=TEXT,
    referred_to=TEXT.map(lambda s: s[:500]),
    technique=st.sampled_from(Technique),
    response=st.none() | st.sampled_from(PatientResponse),
    length=st.sampled_from([13.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0]),
    depth_fraction=st.floats(min_value=0.05, max_value=1.0),
    ltr=st.none() | st.integers(min_value=0, max_value=200),
    familiar=st.none() | st.booleans(),
)
def test_point_round_trip(
    tmp_path: Path,
    notes: str,
    referred_to: str,
    technique: Technique,
    response: PatientResponse | None,
    length: float,
    depth_fraction: float,
    ltr: int | None,
    familiar: bool | None,
) -> None:
    url = f"sqlite:///{tmp_path / 'rt.sqlite3'}"
    wanted = PointSettings(
        technique=technique,
        needle_diameter_mm=0.25,
        needle_length_mm=length,
        depth_mm=round(length * depth_fraction, 1),
        insertions=4,
        retention_s=None,
        ltr_count=ltr,
        familiar_pain=familiar,
        referred_pain=None,
        referred_to=nfc(referred_to),
        patient_response=response,
        notes=nfc(notes),
    )
    with open_clinic(url) as clinic:
        patient = clinic.patients.create(family_name="Round", birth_date="1970-01-01")
        session = clinic.sessions.start(patient.id)
        consent(clinic, session.id)
        point = answer_all(
            partial(clinic.points.mark, session.id),
            muscle_id="masseter_superficial",
            side="left",
            **spot(clinic.atlas, "masseter_superficial", "left"),
            settings=wanted,
        )
    with open_clinic(url) as clinic:
        assert clinic.points.get(point.id) == point
        assert point.settings == wanted
