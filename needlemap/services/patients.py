"""Patients: registration, editing, type-ahead search, and screening."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from needlemap.domain import rules
from needlemap.domain.clock import local_today, utc_now
from needlemap.domain.errors import ValidationError
from needlemap.domain.patient_query import parse_patient_query
from needlemap.domain.people import Patient, PatientIdentifier
from needlemap.domain.screening import (
    SCREENING_ITEMS_BY_CODE,
    Screening,
    ScreeningFinding,
    ScreeningSummary,
)
from needlemap.domain.vocabulary import Limb, Sex
from needlemap.services.notifier import Change, Notifier

if TYPE_CHECKING:
    from needlemap.store import Database

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
IdentifierInput = PatientIdentifier | tuple[str, str]


@dataclass(frozen=True, slots=True)
class PatientListing:
    """A patient with what a list shows beside the name."""

    patient: Patient
    screening: ScreeningSummary | None
    session_count: int


def _identifiers(raw: Iterable[IdentifierInput]) -> tuple[PatientIdentifier, ...]:
    cleaned: list[PatientIdentifier] = []
    for item in raw:
        system, value = (item.system, item.value) if isinstance(item, PatientIdentifier) else item
        system = rules.require_text(system, field="identifier_system", max_length=100)
        value = rules.require_text(value, field="identifier_value", max_length=100)
        identifier = PatientIdentifier(system, value)
        if identifier in cleaned:
            raise ValidationError(f"{system} {value} is listed twice.", field="identifiers")
        cleaned.append(identifier)
    return tuple(cleaned)


def _email(value: object) -> str:
    email = rules.clean_text(value, field="email", max_length=200)
    if email and not _EMAIL.match(email):
        raise ValidationError(f"{email!r} is not an email address.", field="email")
    return email


class PatientService:
    def __init__(self, database: Database, notifier: Notifier) -> None:
        self._db = database
        self._notifier = notifier

    def create(
        self,
        *,
        family_name: str,
        given_names: str = "",
        birth_date: date | str,
        sex: Sex | str = Sex.UNKNOWN,
        phone: str = "",
        email: str = "",
        address: str = "",
        notes: str = "",
        identifiers: Iterable[IdentifierInput] = (),
    ) -> Patient:
        given, family = rules.patient_names(given_names, family_name)
        values = {
            "given_names": given,
            "family_name": family,
            "birth_date": rules.birth_date(birth_date, today=local_today()),
            "sex": Sex.parse(sex, field="sex"),
            "phone": rules.clean_text(phone, field="phone", max_length=100),
            "email": _email(email),
            "address": rules.clean_text(address, field="address", max_length=rules.SHORT_TEXT_MAX),
            "notes": rules.clean_text(notes, field="notes"),
            "identifiers": _identifiers(identifiers),
        }
        with self._db.write() as uow:
            patient = uow.patients.add(now=utc_now(), **values)  # type: ignore[arg-type]
        self._notifier.publish(Change("patient_added", patient_id=patient.id))
        return patient

    def update(self, patient_id: int, **changes: object) -> Patient:
        """Change any of the fields ``create`` takes; the others stay as they are."""
        allowed = {
            "given_names",
            "family_name",
            "birth_date",
            "sex",
            "phone",
            "email",
            "address",
            "notes",
            "identifiers",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError(f"Unknown patient field(s): {', '.join(sorted(unknown))}.")
        with self._db.write() as uow:
            current = uow.patients.get(patient_id)
            values: dict[str, object] = {}
            if "given_names" in changes or "family_name" in changes:
                given, family = rules.patient_names(
                    changes.get("given_names", current.given_names),
                    changes.get("family_name", current.family_name),
                )
                values |= {"given_names": given, "family_name": family}
            if "birth_date" in changes:
                values["birth_date"] = rules.birth_date(changes["birth_date"], today=local_today())
            if "sex" in changes:
                values["sex"] = Sex.parse(changes["sex"], field="sex")  # type: ignore[arg-type]
            for key, limit in (("phone", 100), ("address", rules.SHORT_TEXT_MAX)):
                if key in changes:
                    values[key] = rules.clean_text(changes[key], field=key, max_length=limit)
            if "email" in changes:
                values["email"] = _email(changes["email"])
            if "notes" in changes:
                values["notes"] = rules.clean_text(changes["notes"], field="notes")
            if "identifiers" in changes:
                values["identifiers"] = _identifiers(changes["identifiers"])  # type: ignore[arg-type]
            patient = uow.patients.update(patient_id, utc_now(), **values)
        self._notifier.publish(Change("patient_updated", patient_id=patient_id))
        return patient

    def get(self, patient_id: int) -> Patient:
        with self._db.read() as uow:
            return uow.patients.get(patient_id)

    def search(self, text: str = "", *, offset: int = 0, limit: int | None = None) -> list[Patient]:
        """Type-ahead: every word of a name, a birth date (ISO or day-first), or an identifier."""
        with self._db.read() as uow:
            return uow.patients.search(parse_patient_query(text), offset=offset, limit=limit)

    def count(self, text: str = "") -> int:
        with self._db.read() as uow:
            return uow.patients.count(parse_patient_query(text))

    def listing(
        self, text: str = "", *, offset: int = 0, limit: int | None = None
    ) -> list[PatientListing]:
        return self.listing_page(text, offset=offset, limit=limit)[0]

    def listing_page(
        self, text: str = "", *, offset: int = 0, limit: int | None = None
    ) -> tuple[list[PatientListing], int]:
        """A page of the patient list and how many patients match in all, in one snapshot."""
        query = parse_patient_query(text)
        with self._db.read() as uow:
            patients, total = uow.patients.search_counted(query, offset=offset, limit=limit)
            ids = [p.id for p in patients]
            screenings = uow.patients.latest_screenings(ids)
            counts = uow.sessions.count_for_patients(ids)
        page = [PatientListing(p, screenings.get(p.id), counts.get(p.id, 0)) for p in patients]
        return page, total

    # Screening --------------------------------------------------------------------------

    def record_screening(
        self,
        patient_id: int,
        *,
        findings: Mapping[str, bool | tuple[bool, str] | ScreeningFinding],
        screened_on: date | None = None,
        practitioner_id: int | None = None,
        notes: str = "",
    ) -> Screening:
        """A dated checklist: ``{"diabetes": True, "lymphoedema": ScreeningFinding(...)}``."""
        day = screened_on or local_today()
        if day > local_today():
            raise ValidationError("The screening date is in the future.", field="screened_on")
        cleaned = [_finding(code, answer) for code, answer in findings.items()]
        with self._db.write() as uow:
            if practitioner_id is not None:
                uow.practitioners.get(practitioner_id)
            screening = uow.patients.add_screening(
                patient_id=patient_id,
                screened_on=day,
                practitioner_id=practitioner_id,
                notes=rules.clean_text(notes, field="notes"),
                findings=cleaned,
                now=utc_now(),
            )
        self._notifier.publish(Change("screening_recorded", patient_id=patient_id))
        return screening

    def screenings(self, patient_id: int) -> list[Screening]:
        with self._db.read() as uow:
            uow.patients.get(patient_id)
            return uow.patients.screenings(patient_id)

    def latest_screening(self, patient_id: int) -> Screening | None:
        found = self.screenings(patient_id)
        return found[0] if found else None


def _finding(code: str, answer: bool | tuple[bool, str] | ScreeningFinding) -> ScreeningFinding:
    item = SCREENING_ITEMS_BY_CODE.get(code)
    if item is None:
        raise ValidationError(f"Unknown screening item {code!r}.", field="findings")
    if isinstance(answer, ScreeningFinding):
        finding = answer
    elif isinstance(answer, tuple):
        finding = ScreeningFinding(code=code, present=bool(answer[0]), notes=answer[1])
    else:
        finding = ScreeningFinding(code=code, present=bool(answer))
    limbs = tuple(Limb.parse(limb, field="limbs") for limb in finding.limbs)
    if item.needs_limbs and finding.present and not limbs:
        raise ValidationError(f"{item.label}: say which limb is affected.", field="limbs")
    return ScreeningFinding(
        code=code,
        present=finding.present,
        notes=rules.clean_text(finding.notes, field="notes", max_length=rules.SHORT_TEXT_MAX),
        limbs=limbs if finding.present else (),
    )
