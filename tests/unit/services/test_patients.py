"""Patient registration, editing, search and screening, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from needlemap.domain.errors import NotFoundError, ValidationError
from needlemap.domain.screening import ScreeningFinding, ScreeningSummary
from needlemap.domain.vocabulary import FindingKind, Limb, Sex
from needlemap.services import Clinic


def test_create_and_read_back(any_clinic: Clinic) -> None:
    created = any_clinic.patients.create(
        given_names="  Σοφία ",
        family_name="Παπαδοπούλου",
        birth_date="1985-07-14",
        sex="female",
        email="sofia@example.org",
        identifiers=[("MRN", "A-17")],
    )
    fetched = any_clinic.patients.get(created.id)
    assert fetched == created
    assert fetched.given_names == "Σοφία"
    assert fetched.sex is Sex.FEMALE
    assert fetched.sort_name == "Παπαδοπούλου, Σοφία"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"family_name": "", "given_names": " "}, "name must not be empty"),
        ({"birth_date": (date.today() + timedelta(days=2)).isoformat()}, "in the future"),
        ({"birth_date": "14/07/85"}, "not a date"),
        ({"sex": "x"}, "Sex must be one of"),
        ({"email": "not-an-address"}, "not an email address"),
        ({"family_name": "A" * 201}, "too long"),
        ({"notes": "bad\x00byte"}, "control characters"),
    ],
)
def test_validation_messages(any_clinic: Clinic, changes: dict[str, str], message: str) -> None:
    values = {"family_name": "Nowak", "birth_date": "1970-01-01"} | changes
    with pytest.raises(ValidationError, match=message):
        any_clinic.patients.create(**values)  # type: ignore[arg-type]
    assert any_clinic.patients.count() == 0


def test_identifier_belongs_to_one_patient(any_clinic: Clinic) -> None:
    any_clinic.patients.create(family_name="A", birth_date="1970-01-01", identifiers=[("MRN", "1")])
    with pytest.raises(ValidationError, match="already belongs to another patient"):
        any_clinic.patients.create(
            family_name="B", birth_date="1970-01-01", identifiers=[("MRN", "1")]
        )


def test_update_changes_only_what_is_given(any_clinic: Clinic) -> None:
    patient = any_clinic.patients.create(
        given_names="Jan",
        family_name="Dvořák",
        birth_date="1960-03-03",
        phone="123",
        identifiers=[("MRN", "9")],
    )
    updated = any_clinic.patients.update(patient.id, phone="456", identifiers=[("NHS", "77")])
    assert (updated.phone, updated.family_name, updated.birth_date) == (
        "456",
        "Dvořák",
        date(1960, 3, 3),
    )
    assert [(i.system, i.value) for i in updated.identifiers] == [("NHS", "77")]
    with pytest.raises(NotFoundError):
        any_clinic.patients.update(999, phone="1")


def test_type_ahead_search_by_name_date_and_identifier(any_clinic: Clinic) -> None:
    zoe = any_clinic.patients.create(
        given_names="Zoë",
        family_name="Łukasiewicz",
        birth_date="1980-02-29",
        identifiers=[("MRN", "X-5512")],
    )
    dmitri = any_clinic.patients.create(
        given_names="Дмитрий", family_name="Иванов", birth_date="1975-11-02"
    )
    any_clinic.patients.create(given_names="Anna", family_name="Nowak", birth_date="1990-01-01")
    search = any_clinic.patients.search
    assert [p.id for p in search("lukas")] == [zoe.id]
    assert [p.id for p in search("zoe luk")] == [zoe.id]
    assert [p.id for p in search("дмитр")] == [dmitri.id]
    assert [p.id for p in search("29.02.1980")] == [zoe.id]
    assert [p.id for p in search("1980-02-29")] == [zoe.id]
    assert [p.id for p in search("x-551")] == [zoe.id]
    assert [p.id for p in search("100%_")] == []
    assert [p.family_name for p in search("")] == ["Иванов", "Łukasiewicz", "Nowak"] or [
        p.family_name for p in search("")
    ] == ["Łukasiewicz", "Nowak", "Иванов"]
    assert any_clinic.patients.count("a") == 2


def test_search_pages_in_name_order(any_clinic: Clinic) -> None:
    for index in range(25):
        any_clinic.patients.create(family_name=f"Patient{index:02d}", birth_date="1970-01-01")
    first = any_clinic.patients.search("patient", offset=0, limit=10)
    rest = any_clinic.patients.search("patient", offset=10, limit=100)
    names = [p.family_name for p in first + rest]
    assert names == [f"Patient{i:02d}" for i in range(25)]


def test_screening_is_a_dated_checklist(any_clinic: Clinic) -> None:
    patient = any_clinic.patients.create(family_name="Moreau", birth_date="1950-06-01")
    any_clinic.patients.record_screening(
        patient.id, screened_on=date(2025, 1, 10), findings={"diabetes": True, "epilepsy": False}
    )
    latest = any_clinic.patients.record_screening(
        patient.id,
        screened_on=date(2026, 1, 10),
        findings={
            "diabetes": (True, "type 2, tablets"),
            "lymphoedema": ScreeningFinding(
                "lymphoedema", True, "after mastectomy", (Limb.LEFT_ARM,)
            ),
            "needle_phobia": False,
        },
    )
    assert any_clinic.patients.latest_screening(patient.id) == latest
    active = {f.code: f for f in latest.active_findings}
    assert set(active) == {"diabetes", "lymphoedema"}
    assert active["lymphoedema"].kind is FindingKind.ABSOLUTE
    assert active["lymphoedema"].limbs == (Limb.LEFT_ARM,)
    assert len(any_clinic.patients.screenings(patient.id)) == 2
    listing = any_clinic.patients.listing("moreau")[0]
    assert listing.screening == ScreeningSummary.of(latest)


def test_screening_rules(any_clinic: Clinic) -> None:
    patient = any_clinic.patients.create(family_name="Moreau", birth_date="1950-06-01")
    with pytest.raises(ValidationError, match="which limb"):
        any_clinic.patients.record_screening(patient.id, findings={"lymphoedema": True})
    with pytest.raises(ValidationError, match="Unknown screening item"):
        any_clinic.patients.record_screening(patient.id, findings={"bad_code": True})
    with pytest.raises(ValidationError, match="future"):
        any_clinic.patients.record_screening(
            patient.id, findings={}, screened_on=date.today() + timedelta(days=1)
        )
