"""Practitioners: who treats, consents and signs."""

from __future__ import annotations

from needlemap.domain import rules
from needlemap.domain.clock import utc_now
from needlemap.domain.people import Practitioner
from needlemap.store import Database


class PractitionerService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, name: str, profession: str = "", registration: str = "") -> Practitioner:
        clean_name = rules.require_text(name, field="practitioner_name")
        with self._db.write() as uow:
            return uow.practitioners.add(
                clean_name,
                rules.clean_text(profession, field="profession", max_length=100),
                rules.clean_text(registration, field="registration", max_length=100),
                utc_now(),
            )

    def get(self, practitioner_id: int) -> Practitioner:
        with self._db.read() as uow:
            return uow.practitioners.get(practitioner_id)

    def list(self, *, active_only: bool = True) -> list[Practitioner]:
        with self._db.read() as uow:
            return uow.practitioners.list(active_only=active_only)

    def ensure(self, name: str, profession: str = "", registration: str = "") -> Practitioner:
        """The practitioner of that name, added on first use (the GUI's "who is treating")."""
        clean_name = rules.require_text(name, field="practitioner_name")
        with self._db.write() as uow:
            found = uow.practitioners.find_by_name(clean_name)
            if found is not None:
                return found
            return uow.practitioners.add(clean_name, profession, registration, utc_now())
