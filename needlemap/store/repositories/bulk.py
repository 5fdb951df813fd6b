"""Writing a whole patient's record at once, for imports and the demo clinic.

The charting repositories add one row per call through the ORM, which is right for a click and
far too slow for thousands of patients. Here a :class:`PatientBundle` becomes a handful of Core
``INSERT`` statements with many parameter sets each (one per table), on the unit of work's own
connection, so the caller's transaction still decides whether all of it is kept or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, and_, insert, or_, select

from needlemap.domain.bundle import PatientBundle, SessionBundle
from needlemap.domain.errors import ValidationError
from needlemap.domain.people import PatientIdentifier, Practitioner
from needlemap.store import mapping
from needlemap.store.models import (
    AdverseEventRow,
    AmendmentRow,
    Base,
    ConsentRow,
    NeedledPointRow,
    OutcomeRow,
    PatientIdentifierRow,
    PatientRow,
    PractitionerRow,
    SafetyEventRow,
    ScreeningFindingRow,
    ScreeningRow,
    SessionRow,
)
from needlemap.store.repositories.base import Repository
from needlemap.store.repositories.patients import name_key


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


_PRACTITIONERS = _table(PractitionerRow)
_PATIENTS = _table(PatientRow)
_IDENTIFIERS = _table(PatientIdentifierRow)
_SCREENINGS = _table(ScreeningRow)
_FINDINGS = _table(ScreeningFindingRow)
_SESSIONS = _table(SessionRow)
_CONSENTS = _table(ConsentRow)
_AMENDMENTS = _table(AmendmentRow)
_POINTS = _table(NeedledPointRow)
_OUTCOMES = _table(OutcomeRow)
_ADVERSE_EVENTS = _table(AdverseEventRow)
_SAFETY_EVENTS = _table(SafetyEventRow)

# Ids come back in the order the rows were given (SQLite RETURNING, PostgreSQL alike).
_INSERT_PATIENT = insert(_PATIENTS).returning(_PATIENTS.c.id)
_INSERT_SCREENINGS = insert(_SCREENINGS).returning(_SCREENINGS.c.id, sort_by_parameter_order=True)
_INSERT_SESSIONS = insert(_SESSIONS).returning(_SESSIONS.c.id, sort_by_parameter_order=True)
_INSERT_POINTS_RETURNING = insert(_POINTS).returning(_POINTS.c.id, sort_by_parameter_order=True)
_INSERT_IDENTIFIERS = insert(_IDENTIFIERS)
_INSERT_FINDINGS = insert(_FINDINGS)
_INSERT_CONSENTS = insert(_CONSENTS)
_INSERT_AMENDMENTS = insert(_AMENDMENTS)
_INSERT_OUTCOMES = insert(_OUTCOMES)
_INSERT_POINTS = insert(_POINTS)
_INSERT_ADVERSE_EVENTS = insert(_ADVERSE_EVENTS)
_INSERT_SAFETY_EVENTS = insert(_SAFETY_EVENTS)

Rows = list[dict[str, Any]]


class BulkRepository(Repository):
    def add_practitioner(self, practitioner: Practitioner, created_at: datetime) -> Practitioner:
        """A practitioner with a given creation time (an import keeps its own history)."""
        values = {
            "name": practitioner.name,
            "profession": practitioner.profession,
            "registration": practitioner.registration,
            "active": practitioner.active,
            "created_at": created_at,
        }
        new_id = self._connection.execute(
            insert(_PRACTITIONERS).returning(_PRACTITIONERS.c.id), values
        ).scalar_one()
        return Practitioner(
            id=int(new_id),
            name=practitioner.name,
            profession=practitioner.profession,
            registration=practitioner.registration,
            active=practitioner.active,
        )

    @property
    def _connection(self) -> Connection:
        return self._orm.connection()

    def add_patient_bundle(self, bundle: PatientBundle) -> int:
        """Insert the patient and their whole record; return the new patient's id.

        Identifiers already held by another patient are refused (nothing is written); every
        other value is trusted as given: validation belongs to whoever built the bundle.
        """
        connection = self._connection
        patient = bundle.patient
        self._check_identifiers_free(connection, patient.identifiers)
        created = patient.created_at
        if created is None:
            raise ValueError("a bundled patient needs created_at")
        patient_id = int(
            connection.execute(
                _INSERT_PATIENT,
                {
                    "given_names": patient.given_names,
                    "family_name": patient.family_name,
                    "name_key": name_key(patient.given_names, patient.family_name),
                    "birth_date": patient.birth_date,
                    "sex": patient.sex.value,
                    "phone": patient.phone,
                    "email": patient.email,
                    "address": patient.address,
                    "notes": patient.notes,
                    "created_at": created,
                    "updated_at": patient.updated_at or created,
                },
            ).scalar_one()
        )
        if patient.identifiers:
            connection.execute(
                _INSERT_IDENTIFIERS,
                [
                    {"patient_id": patient_id, "system": i.system, "value": i.value}
                    for i in patient.identifiers
                ],
            )
        self._add_screenings(connection, patient_id, bundle)
        self._add_sessions(connection, patient_id, bundle.sessions)
        return patient_id

    def _check_identifiers_free(
        self, connection: Connection, identifiers: Sequence[PatientIdentifier]
    ) -> None:
        if not identifiers:
            return
        taken = connection.execute(
            select(_IDENTIFIERS.c.system, _IDENTIFIERS.c.value).where(
                or_(
                    *(
                        and_(_IDENTIFIERS.c.system == i.system, _IDENTIFIERS.c.value == i.value)
                        for i in identifiers
                    )
                )
            )
        ).first()
        if taken is not None:
            raise ValidationError(
                f"{taken.system} {taken.value} already belongs to another patient.",
                field="identifiers",
            )

    def _add_screenings(
        self, connection: Connection, patient_id: int, bundle: PatientBundle
    ) -> None:
        if not bundle.screenings:
            return
        ids = (
            connection.execute(
                _INSERT_SCREENINGS,
                [
                    {
                        "patient_id": patient_id,
                        "screened_on": b.screening.screened_on,
                        "practitioner_id": b.screening.practitioner_id,
                        "notes": b.screening.notes,
                        "created_at": b.recorded_at,
                    }
                    for b in bundle.screenings
                ],
            )
            .scalars()
            .all()
        )
        findings: Rows = [
            {
                "screening_id": screening_id,
                "code": finding.code,
                "present": finding.present,
                "notes": finding.notes,
                "limbs": ",".join(limb.value for limb in finding.limbs),
            }
            for screening_id, b in zip(ids, bundle.screenings, strict=True)
            for finding in b.screening.findings
        ]
        if findings:
            connection.execute(_INSERT_FINDINGS, findings)

    def _add_sessions(
        self, connection: Connection, patient_id: int, sessions: Sequence[SessionBundle]
    ) -> None:
        if not sessions:
            return
        session_ids = (
            connection.execute(
                _INSERT_SESSIONS, [_session_columns(patient_id, b) for b in sessions]
            )
            .scalars()
            .all()
        )
        consents: Rows = []
        amendments: Rows = []
        points: Rows = []
        outcomes: Rows = []
        linked_points = False
        for session_id, bundled in zip(session_ids, sessions, strict=True):
            session = bundled.session
            if session.consent is not None:
                consent = session.consent
                consents.append(
                    {
                        "session_id": session_id,
                        "method": consent.method.value,
                        "obtained_by_id": consent.obtained_by_id,
                        "obtained_at": consent.obtained_at,
                        "text_version": consent.text_version,
                        "risks_discussed": "\n".join(consent.risks_discussed),
                        "copy_offered": consent.copy_offered,
                        "notes": consent.notes,
                    }
                )
            amendments.extend(
                {
                    "session_id": session_id,
                    "author_id": a.author_id,
                    "created_at": a.created_at,
                    "reason": a.reason,
                    "summary": a.summary,
                }
                for a in session.amendments
            )
            charted = bundled.charted_at
            for seq, (location, settings) in enumerate(bundled.points, start=1):
                row = mapping.location_columns(location)
                row.update(mapping.settings_columns(settings))
                row.update(session_id=session_id, seq=seq, created_at=charted, updated_at=charted)
                points.append(row)
            outcomes.extend(
                {
                    "session_id": session_id,
                    "instrument": o.instrument.value,
                    "version": o.version,
                    "value": o.value,
                    "unit": o.unit,
                    "timing": o.timing.value,
                    "body_site": o.body_site,
                    "side": o.side.value if o.side else None,
                    "notes": o.notes,
                    "measured_at": o.measured_at or session.started_at,
                }
                for o in bundled.outcomes
            )
            linked_points = linked_points or bundled.links_points
        for statement, rows in (
            (_INSERT_CONSENTS, consents),
            (_INSERT_AMENDMENTS, amendments),
            (_INSERT_OUTCOMES, outcomes),
        ):
            if rows:
                connection.execute(statement, rows)
        point_ids: Sequence[int] = ()
        if points:
            if linked_points:
                point_ids = connection.execute(_INSERT_POINTS_RETURNING, points).scalars().all()
            else:
                connection.execute(_INSERT_POINTS, points)
        self._add_events(connection, session_ids, sessions, point_ids)

    def _add_events(
        self,
        connection: Connection,
        session_ids: Sequence[int],
        sessions: Sequence[SessionBundle],
        point_ids: Sequence[int],
    ) -> None:
        """Adverse events and answered safety prompts, each tied to its point's new id."""
        adverse: Rows = []
        safety: Rows = []
        first_point = 0  # index into point_ids of each session's first point
        for session_id, bundled in zip(session_ids, sessions, strict=True):
            for bundled_event in bundled.adverse_events:
                event = bundled_event.event
                point_id = None
                if bundled_event.point_seq is not None:
                    point_id = point_ids[first_point + bundled_event.point_seq - 1]
                adverse.append(
                    {
                        "session_id": session_id,
                        "point_id": point_id,
                        "type": event.type.value,
                        "description": event.description,
                        "severity": event.severity,
                        "scheme": event.scheme.value,
                        "onset_at": event.onset_at,
                        "duration": event.duration,
                        "action_taken": event.action_taken,
                        "recorded_at": event.recorded_at or bundled.updated_at,
                        "recorded_by_id": event.recorded_by_id,
                    }
                )
            for bundled_answer in bundled.safety_events:
                answer = bundled_answer.event
                point_id = None
                if bundled_answer.point_seq is not None:
                    point_id = point_ids[first_point + bundled_answer.point_seq - 1]
                safety.append(
                    {
                        "session_id": session_id,
                        "point_id": point_id,
                        "kind": answer.kind.value,
                        "key": answer.key,
                        "message": answer.message,
                        "reason": answer.reason,
                        "acknowledged_by_id": answer.acknowledged_by_id,
                        "acknowledged_at": answer.acknowledged_at,
                    }
                )
            first_point += len(bundled.points)
        for statement, rows in ((_INSERT_ADVERSE_EVENTS, adverse), (_INSERT_SAFETY_EVENTS, safety)):
            if rows:
                connection.execute(statement, rows)


def _session_columns(patient_id: int, bundled: SessionBundle) -> dict[str, Any]:
    session = bundled.session
    return {
        "patient_id": patient_id,
        "practitioner_id": session.practitioner_id,
        "started_at": session.started_at,
        "ended_at": session.ended_at,
        "position": session.position.value if session.position else None,
        "nprs_before": session.nprs_before,
        "nprs_after": session.nprs_after,
        "notes": session.notes,
        "status": session.status.value,
        "signed_by_id": session.signed_by_id,
        "signed_at": session.signed_at,
        "needles_inserted": session.needles_inserted,
        "needles_removed": session.needles_removed,
        "needle_count_note": session.needle_count_note,
        "next_appointment": session.next_appointment,
        "created_at": bundled.created_at,
        "updated_at": bundled.updated_at,
    }
