"""Safety prompts and what the practitioner answered: blocks, overrides and acknowledgements.

A prompt is specific (it names the finding, the muscle, the structure at risk) and asked once:
an absolute contraindication once per session, a danger zone once per muscle and side, the
bilateral-thorax warning once per session. Every answer is kept with its time and reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from needlemap.domain.errors import NeedleMapError
from needlemap.domain.vocabulary import LabelledEnum


class SafetyKind(LabelledEnum):
    CONSENT = "consent", "Consent"
    ABSOLUTE = "absolute_contraindication", "Absolute contraindication overridden"
    LYMPHOEDEMA = "lymphoedema_limb", "Lymphoedematous limb overridden"
    RELATIVE = "relative_contraindication", "Relative contraindication acknowledged"
    DANGER_ZONE = "danger_zone", "Danger zone acknowledged"
    BILATERAL_THORAX = "bilateral_thorax", "Both sides of the thorax acknowledged"
    ELECTRICAL_IMPLANT = "electrical_implant", "Electrical needling with an implant overridden"


@dataclass(frozen=True, slots=True)
class SafetyCheck:
    """One prompt the practitioner must answer before the change is saved.

    ``needs_reason``: a block, lifted only by a written override reason. Otherwise a warning
    that is acknowledged. ``key`` identifies what the answer covers (for "once per session").
    """

    kind: SafetyKind
    key: str
    title: str
    message: str
    needs_reason: bool = False


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """The practitioner's answer to one check: for a block, the reason it is overridden."""

    kind: SafetyKind
    key: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SafetyEvent:
    id: int
    session_id: int
    kind: SafetyKind
    key: str
    message: str
    reason: str
    point_id: int | None
    acknowledged_by_id: int | None
    acknowledged_at: datetime


class SafetyCheckRequired(NeedleMapError):
    """The change waits for the practitioner's answers to these checks; nothing was saved."""

    def __init__(self, checks: tuple[SafetyCheck, ...]) -> None:
        super().__init__(" ".join(check.message for check in checks))
        self.checks = checks
