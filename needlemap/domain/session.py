"""A treatment session and what is recorded about it as a whole.

A session is a draft while it is being charted; signing freezes it, and every later change is an
:class:`Amendment` with its author, time and reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from needlemap.domain.vocabulary import ConsentMethod, PatientPosition, SessionStatus


@dataclass(frozen=True, slots=True)
class Consent:
    method: ConsentMethod
    obtained_by_id: int | None
    obtained_at: datetime
    text_version: str
    risks_discussed: tuple[str, ...] = ()
    copy_offered: bool = False
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Amendment:
    id: int
    author_id: int | None
    created_at: datetime
    reason: str
    summary: str


@dataclass(frozen=True, slots=True)
class Session:
    id: int
    patient_id: int
    practitioner_id: int | None
    started_at: datetime
    ended_at: datetime | None = None
    position: PatientPosition | None = None
    nprs_before: int | None = None
    nprs_after: int | None = None
    notes: str = ""
    status: SessionStatus = SessionStatus.DRAFT
    signed_by_id: int | None = None
    signed_at: datetime | None = None
    needles_inserted: int | None = None
    needles_removed: int | None = None
    needle_count_note: str = ""
    next_appointment: datetime | None = None
    consent: Consent | None = None
    amendments: tuple[Amendment, ...] = ()

    @property
    def is_signed(self) -> bool:
        return self.status is SessionStatus.SIGNED

    @property
    def nprs_change(self) -> int | None:
        if self.nprs_before is None or self.nprs_after is None:
            return None
        return self.nprs_after - self.nprs_before

    @property
    def needle_count_matches(self) -> bool | None:
        if self.needles_inserted is None or self.needles_removed is None:
            return None
        return self.needles_inserted == self.needles_removed
