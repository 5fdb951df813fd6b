"""A session's whole record, gathered once for the clinical record PDF, exports and review."""

from __future__ import annotations

from dataclasses import dataclass

from needlemap.domain.events import AdverseEvent, Outcome
from needlemap.domain.people import Patient, Practitioner
from needlemap.domain.point import NeedledPoint
from needlemap.domain.safety import SafetyEvent
from needlemap.domain.screening import Screening
from needlemap.domain.session import Session


@dataclass(frozen=True, slots=True)
class SessionRecord:
    session: Session
    patient: Patient
    points: tuple[NeedledPoint, ...]
    outcomes: tuple[Outcome, ...]
    adverse_events: tuple[AdverseEvent, ...]
    screening: Screening | None
    practitioners: dict[int, Practitioner]
    safety_events: tuple[SafetyEvent, ...] = ()

    def practitioner_name(self, practitioner_id: int | None) -> str:
        if practitioner_id is None:
            return ""
        found = self.practitioners.get(practitioner_id)
        return found.name if found else f"#{practitioner_id}"

    @property
    def muscle_count(self) -> int:
        return len({(p.muscle_id, p.side) for p in self.points})
