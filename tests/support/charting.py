"""Charting in service-level tests as a practitioner would: consent first, prompts answered."""

from __future__ import annotations

from needlemap.domain.point import NeedledPoint
from needlemap.domain.safety import Acknowledgement, SafetyCheckRequired
from needlemap.services import Clinic
from tests.support.marks import spot

OVERRIDE_REASON = "Discussed with the patient; benefit outweighs the risk"


def consent(clinic: Clinic, session_id: int, practitioner_id: int | None = None) -> None:
    clinic.sessions.record_consent(
        session_id,
        method="verbal",
        obtained_by_id=practitioner_id,
        text_version="NeedleMap DN consent 1",
    )


def answer_all(call, **kwargs: object):
    """Make the call; if safety prompts come back, answer every one and call again."""
    try:
        return call(**kwargs)
    except SafetyCheckRequired as pending:
        answers = tuple(Acknowledgement(c.kind, c.key, OVERRIDE_REASON) for c in pending.checks)
        return call(**kwargs, acknowledgements=answers)


def mark(
    clinic: Clinic, session_id: int, muscle_id: str, side: str, **kwargs: object
) -> NeedledPoint:
    """Mark the muscle at its reference spot, answering any prompt."""
    where = {**spot(clinic.atlas, muscle_id, side), **kwargs}
    point = answer_all(
        lambda **kw: clinic.points.mark(session_id, **kw), muscle_id=muscle_id, side=side, **where
    )
    assert isinstance(point, NeedledPoint)
    return point
