"""Practitioners."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from needlemap.domain.people import Practitioner
from needlemap.store import mapping
from needlemap.store.models import PractitionerRow
from needlemap.store.repositories.base import Repository


class PractitionerRepository(Repository):
    def add(self, name: str, profession: str, registration: str, now: datetime) -> Practitioner:
        row = PractitionerRow(
            name=name, profession=profession, registration=registration, created_at=now
        )
        self._orm.add(row)
        self._orm.flush()
        return mapping.practitioner(row)

    def get(self, practitioner_id: int) -> Practitioner:
        return mapping.practitioner(self._get(PractitionerRow, practitioner_id, "practitioner"))

    def list(self, *, active_only: bool = True) -> list[Practitioner]:
        query = select(PractitionerRow).order_by(PractitionerRow.name)
        if active_only:
            query = query.where(PractitionerRow.active.is_(True))
        return [mapping.practitioner(row) for row in self._orm.scalars(query)]

    def find_by_name(self, name: str) -> Practitioner | None:
        row = self._orm.scalars(select(PractitionerRow).where(PractitionerRow.name == name)).first()
        return mapping.practitioner(row) if row else None
