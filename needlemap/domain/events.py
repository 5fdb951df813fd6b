"""Measurements and adverse events recorded against a session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from needlemap.domain.vocabulary import (
    AdverseEventType,
    Instrument,
    OutcomeTiming,
    SeverityScheme,
    Side,
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """A typed measurement; the instrument version matters (PSFS 2.0 reverses the scale)."""

    id: int
    session_id: int
    instrument: Instrument
    value: float
    unit: str
    timing: OutcomeTiming
    version: str = ""
    body_site: str = ""
    side: Side | None = None
    notes: str = ""
    measured_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AdverseEvent:
    id: int
    session_id: int
    type: AdverseEventType
    severity: str
    scheme: SeverityScheme
    onset_at: datetime
    action_taken: str = ""
    description: str = ""
    duration: str = ""
    point_id: int | None = None
    recorded_at: datetime | None = None
    recorded_by_id: int | None = None
