"""The people in a record: practitioners and patients."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from needlemap.domain.vocabulary import Sex


@dataclass(frozen=True, slots=True)
class Practitioner:
    id: int
    name: str
    profession: str = ""
    registration: str = ""
    active: bool = True


@dataclass(frozen=True, slots=True)
class PatientIdentifier:
    """An external identifier: a national health number, a hospital MRN, an insurer's number."""

    system: str
    value: str


@dataclass(frozen=True, slots=True)
class Patient:
    id: int
    given_names: str
    family_name: str
    birth_date: date
    sex: Sex
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    identifiers: tuple[PatientIdentifier, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.given_names, self.family_name) if part)

    @property
    def sort_name(self) -> str:
        """Family name first, as a clinic list is read."""
        if self.family_name and self.given_names:
            return f"{self.family_name}, {self.given_names}"
        return self.family_name or self.given_names

    def age_on(self, day: date) -> int:
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years
