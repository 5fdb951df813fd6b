"""Patients, their identifiers and their screenings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select

from needlemap.domain.errors import ValidationError
from needlemap.domain.patient_query import PatientQuery
from needlemap.domain.people import Patient, PatientIdentifier
from needlemap.domain.screening import Screening, ScreeningFinding
from needlemap.domain.text import fold
from needlemap.domain.vocabulary import Sex
from needlemap.store import mapping
from needlemap.store.models import (
    PatientIdentifierRow,
    PatientRow,
    ScreeningFindingRow,
    ScreeningRow,
)
from needlemap.store.repositories.base import Repository, like_pattern


def name_key(given_names: str, family_name: str) -> str:
    return fold(f"{family_name} {given_names}")


class PatientRepository(Repository):
    def add(
        self,
        *,
        given_names: str,
        family_name: str,
        birth_date: date,
        sex: Sex,
        phone: str,
        email: str,
        address: str,
        notes: str,
        identifiers: Sequence[PatientIdentifier],
        now: datetime,
    ) -> Patient:
        self._check_identifiers_free(identifiers, patient_id=None)
        row = PatientRow(
            given_names=given_names,
            family_name=family_name,
            name_key=name_key(given_names, family_name),
            birth_date=birth_date,
            sex=sex.value,
            phone=phone,
            email=email,
            address=address,
            notes=notes,
            created_at=now,
            updated_at=now,
            identifiers=[PatientIdentifierRow(system=i.system, value=i.value) for i in identifiers],
        )
        self._orm.add(row)
        self._orm.flush()
        return mapping.patient(row)

    def update(self, patient_id: int, now: datetime, **values: object) -> Patient:
        row = self._get(PatientRow, patient_id, "patient")
        identifiers = values.pop("identifiers", None)
        for key, value in values.items():
            setattr(row, key, value.value if isinstance(value, Sex) else value)
        row.name_key = name_key(row.given_names, row.family_name)
        if identifiers is not None:
            assert isinstance(identifiers, tuple)
            self._check_identifiers_free(identifiers, patient_id=patient_id)
            current = {(i.system, i.value): i for i in row.identifiers}
            wanted = {(i.system, i.value) for i in identifiers}
            for key, existing in current.items():
                if key not in wanted:
                    row.identifiers.remove(existing)
            self._orm.flush()
            for system, value in wanted - set(current):
                row.identifiers.append(PatientIdentifierRow(system=system, value=value))
        row.updated_at = now
        self._orm.flush()
        return mapping.patient(row)

    def _check_identifiers_free(
        self, identifiers: Sequence[PatientIdentifier], *, patient_id: int | None
    ) -> None:
        for identifier in identifiers:
            owner = self._orm.scalars(
                select(PatientIdentifierRow.patient_id).where(
                    PatientIdentifierRow.system == identifier.system,
                    PatientIdentifierRow.value == identifier.value,
                )
            ).first()
            if owner is not None and owner != patient_id:
                raise ValidationError(
                    f"{identifier.system} {identifier.value} already belongs to another patient.",
                    field="identifiers",
                )

    def get(self, patient_id: int) -> Patient:
        return mapping.patient(self._get(PatientRow, patient_id, "patient"))

    def exists(self, patient_id: int) -> bool:
        return self._orm.get(PatientRow, patient_id) is not None

    def _matching(self, query: PatientQuery) -> ColumnElement[bool]:
        if query.is_empty:
            return PatientRow.id.is_not(None)
        clauses: list[ColumnElement[bool]] = []
        if query.words:
            clauses.append(
                and_(*(PatientRow.name_key.like(like_pattern(w), escape="\\") for w in query.words))
            )
        if query.birth_date is not None:
            clauses.append(PatientRow.birth_date == query.birth_date)
        if len(query.text) >= 2:
            clauses.append(
                exists().where(
                    PatientIdentifierRow.patient_id == PatientRow.id,
                    func.lower(PatientIdentifierRow.value).like(
                        like_pattern(query.text.lower()), escape="\\"
                    ),
                )
            )
        return or_(*clauses) if clauses else false()

    def search(
        self, query: PatientQuery, *, offset: int = 0, limit: int | None = None
    ) -> list[Patient]:
        statement = (
            select(PatientRow)
            .where(self._matching(query))
            .order_by(PatientRow.name_key, PatientRow.id)
            .offset(offset)
            .limit(limit)
        )
        return [mapping.patient(row) for row in self._orm.scalars(statement)]

    def count(self, query: PatientQuery) -> int:
        statement = select(func.count(PatientRow.id)).where(self._matching(query))
        return int(self._orm.scalar(statement) or 0)

    # Screenings -------------------------------------------------------------------------

    def add_screening(
        self,
        *,
        patient_id: int,
        screened_on: date,
        practitioner_id: int | None,
        notes: str,
        findings: Sequence[ScreeningFinding],
        now: datetime,
    ) -> Screening:
        self._get(PatientRow, patient_id, "patient")
        row = ScreeningRow(
            patient_id=patient_id,
            screened_on=screened_on,
            practitioner_id=practitioner_id,
            notes=notes,
            created_at=now,
            findings=[
                ScreeningFindingRow(
                    code=finding.code,
                    present=finding.present,
                    notes=finding.notes,
                    limbs=",".join(limb.value for limb in finding.limbs),
                )
                for finding in findings
            ],
        )
        self._orm.add(row)
        self._orm.flush()
        return mapping.screening(row)

    def screenings(self, patient_id: int) -> list[Screening]:
        statement = (
            select(ScreeningRow)
            .where(ScreeningRow.patient_id == patient_id)
            .order_by(ScreeningRow.screened_on.desc(), ScreeningRow.id.desc())
        )
        return [mapping.screening(row) for row in self._orm.scalars(statement)]

    def latest_screenings(self, patient_ids: Sequence[int]) -> dict[int, Screening]:
        """The most recent screening of each patient, in one query for a whole page of a list."""
        if not patient_ids:
            return {}
        ranked = (
            select(
                ScreeningRow.id,
                func.row_number()
                .over(
                    partition_by=ScreeningRow.patient_id,
                    order_by=(ScreeningRow.screened_on.desc(), ScreeningRow.id.desc()),
                )
                .label("rank"),
            )
            .where(ScreeningRow.patient_id.in_(patient_ids))
            .subquery()
        )
        statement = (
            select(ScreeningRow)
            .join(ranked, ranked.c.id == ScreeningRow.id)
            .where(ranked.c.rank == 1)
        )
        return {row.patient_id: mapping.screening(row) for row in self._orm.scalars(statement)}
