"""Sessions with their consent and amendments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select

from needlemap.domain.session import Consent, Session
from needlemap.domain.vocabulary import PatientPosition, SessionStatus
from needlemap.store import mapping
from needlemap.store.models import AmendmentRow, ConsentRow, PatientRow, SessionRow
from needlemap.store.repositories.base import Repository


class SessionRepository(Repository):
    def add(
        self,
        *,
        patient_id: int,
        practitioner_id: int | None,
        started_at: datetime,
        position: PatientPosition | None,
        nprs_before: int | None,
        notes: str,
        now: datetime,
    ) -> Session:
        self._get(PatientRow, patient_id, "patient")
        row = SessionRow(
            patient_id=patient_id,
            practitioner_id=practitioner_id,
            started_at=started_at,
            position=position.value if position else None,
            nprs_before=nprs_before,
            notes=notes,
            status=SessionStatus.DRAFT.value,
            created_at=now,
            updated_at=now,
        )
        self._orm.add(row)
        self._orm.flush()
        return mapping.session(row)

    def get(self, session_id: int) -> Session:
        return mapping.session(self._row(session_id))

    def _row(self, session_id: int) -> SessionRow:
        return self._get(SessionRow, session_id, "session")

    def update(self, session_id: int, now: datetime, **values: object) -> Session:
        row = self._row(session_id)
        for key, value in values.items():
            is_enum = isinstance(value, PatientPosition | SessionStatus)
            setattr(row, key, value.value if is_enum else value)  # type: ignore[union-attr]
        row.updated_at = now
        self._orm.flush()
        return mapping.session(row)

    def set_consent(self, session_id: int, consent: Consent, now: datetime) -> Session:
        row = self._row(session_id)
        values = {
            "method": consent.method.value,
            "obtained_by_id": consent.obtained_by_id,
            "obtained_at": consent.obtained_at,
            "text_version": consent.text_version,
            "risks_discussed": "\n".join(consent.risks_discussed),
            "copy_offered": consent.copy_offered,
            "notes": consent.notes,
        }
        if row.consent is None:
            row.consent = ConsentRow(**values)
        else:
            for key, value in values.items():
                setattr(row.consent, key, value)
        row.updated_at = now
        self._orm.flush()
        return mapping.session(row)

    def add_amendment(
        self, session_id: int, *, author_id: int | None, reason: str, summary: str, now: datetime
    ) -> Session:
        row = self._row(session_id)
        row.amendments.append(
            AmendmentRow(author_id=author_id, created_at=now, reason=reason, summary=summary)
        )
        row.updated_at = now
        self._orm.flush()
        return mapping.session(row)

    def for_patient(self, patient_id: int, *, newest_first: bool = True) -> list[Session]:
        order = SessionRow.started_at.desc() if newest_first else SessionRow.started_at
        statement = (
            select(SessionRow)
            .where(SessionRow.patient_id == patient_id)
            .order_by(order, SessionRow.id)
        )
        return [mapping.session(row) for row in self._orm.scalars(statement)]

    def patient_id_of(self, session_id: int) -> int:
        return self._row(session_id).patient_id

    def count_for_patients(self, patient_ids: Sequence[int]) -> dict[int, int]:
        if not patient_ids:
            return {}
        statement = (
            select(SessionRow.patient_id, func.count(SessionRow.id))
            .where(SessionRow.patient_id.in_(patient_ids))
            .group_by(SessionRow.patient_id)
        )
        return {int(pid): int(n) for pid, n in self._orm.execute(statement)}
