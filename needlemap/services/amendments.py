"""The rule that a signed session changes only through an amendment with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from needlemap.domain import rules
from needlemap.domain.clock import utc_now
from needlemap.domain.errors import SessionLockedError
from needlemap.domain.session import Session

if TYPE_CHECKING:
    from needlemap.store import UnitOfWork


@dataclass(frozen=True, slots=True)
class AmendmentNote:
    """Who is amending a signed session, and why: both go into the record."""

    author_id: int | None
    reason: str


def guard_editable(
    uow: UnitOfWork, session_id: int, amendment: AmendmentNote | None, summary: str
) -> Session:
    """Allow a change to a draft; to a signed session only with an amendment, recorded here."""
    session = uow.sessions.get(session_id)
    if not session.is_signed:
        return session
    if amendment is None:
        raise SessionLockedError(
            f"Session {session_id} is signed and read-only; record the change as an amendment "
            "with a reason."
        )
    reason = rules.require_text(amendment.reason, field="amendment_reason", max_length=2000)
    return uow.sessions.add_amendment(
        session_id, author_id=amendment.author_id, reason=reason, summary=summary, now=utc_now()
    )
