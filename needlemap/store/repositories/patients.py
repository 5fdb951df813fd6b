"""Patients, their identifiers and their screenings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, false, func, or_, select

from needlemap.domain.errors import ValidationError
from needlemap.domain.patient_query import PatientQuery
from needlemap.domain.people import Patient, PatientIdentifier
from needlemap.domain.screening import Screening, ScreeningFinding, ScreeningSummary
from needlemap.domain.text import fold
from needlemap.domain.vocabulary import Limb, Sex
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
            # an uncorrelated IN: the identifiers are scanned once, not once per patient row
            clauses.append(
                PatientRow.id.in_(
                    select(PatientIdentifierRow.patient_id).where(
                        func.lower(PatientIdentifierRow.value).like(
                            like_pattern(query.text.lower()), escape="\\"
                        )
                    )
                )
            )
        return or_(*clauses) if clauses else false()

    def search(
        self, query: PatientQuery, *, offset: int = 0, limit: int | None = None
    ) -> list[Patient]:
        """A page of matching patients, in name order."""
        return self.search_counted(query, offset=offset, limit=limit)[0]

    def search_counted(
        self, query: PatientQuery, *, offset: int = 0, limit: int | None = None
    ) -> tuple[list[Patient], int]:
        """A page of matching patients and how many match in all.

        Two statements, not one with a window count: the page alone walks the name index and
        stops at ``limit`` (a common letter answers at once), where a window count must sort
        every match first. Plain rows rather than ORM objects (and the identifiers in one more
        query): this runs on every keystroke of the patient list's type-ahead.
        """
        table = PatientRow.__table__
        statement = (
            select(*table.columns)
            .where(self._matching(query))
            .order_by(PatientRow.name_key, PatientRow.id)
            .offset(offset)
            .limit(limit)
        )
        rows = self._orm.execute(statement).all()
        total = self.count(query)
        identifiers: dict[int, list[PatientIdentifier]] = {row.id: [] for row in rows}
        if rows:
            found = self._orm.execute(
                select(
                    PatientIdentifierRow.patient_id,
                    PatientIdentifierRow.system,
                    PatientIdentifierRow.value,
                )
                .where(PatientIdentifierRow.patient_id.in_(list(identifiers)))
                .order_by(PatientIdentifierRow.id)
            )
            for patient_id, system, value in found:
                identifiers[patient_id].append(PatientIdentifier(system, value))
        return [mapping.patient_of(row, tuple(identifiers[row.id])) for row in rows], total

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

    def latest_screenings(self, patient_ids: Sequence[int]) -> dict[int, ScreeningSummary]:
        """The most recent screening of each patient on a page of a list, with its findings.

        Plain rows and only the findings present: a page of 200 patients would otherwise
        build some 4,000 "no" answers, more than the type-ahead's frame allows.
        """
        if not patient_ids:
            return {}
        ranked = (
            select(
                ScreeningRow.id,
                ScreeningRow.patient_id,
                ScreeningRow.screened_on,
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
        heads = self._orm.execute(
            select(ranked.c.id, ranked.c.patient_id, ranked.c.screened_on).where(ranked.c.rank == 1)
        ).all()
        found: dict[int, list[ScreeningFinding]] = {head.id: [] for head in heads}
        if heads:
            rows = self._orm.execute(
                select(
                    ScreeningFindingRow.screening_id,
                    ScreeningFindingRow.code,
                    ScreeningFindingRow.notes,
                    ScreeningFindingRow.limbs,
                )
                .where(
                    ScreeningFindingRow.screening_id.in_(list(found)),
                    ScreeningFindingRow.present.is_(True),
                )
                .order_by(ScreeningFindingRow.id)
            )
            for screening_id, code, notes, limbs in rows:
                found[screening_id].append(
                    ScreeningFinding(
                        code=code,
                        present=True,
                        notes=notes,
                        limbs=tuple(Limb(v) for v in limbs.split(",") if v),
                    )
                )
        return {
            head.patient_id: ScreeningSummary(head.id, head.screened_on, tuple(found[head.id]))
            for head in heads
        }
