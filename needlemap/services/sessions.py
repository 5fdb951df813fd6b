"""Sessions: start, chart-level details, consent, outcomes, adverse events, signing, amending."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from needlemap.domain import rules
from needlemap.domain.clock import as_utc, local_day, utc_now
from needlemap.domain.errors import SessionLockedError, ValidationError
from needlemap.domain.events import AdverseEvent, Outcome
from needlemap.domain.record import SessionRecord
from needlemap.domain.session import Consent, Session
from needlemap.domain.vocabulary import (
    AdverseEventType,
    ConsentMethod,
    Instrument,
    OutcomeTiming,
    PatientPosition,
    SessionStatus,
    SeverityScheme,
    Side,
)
from needlemap.services.amendments import AmendmentNote, guard_editable
from needlemap.services.notifier import Change, Notifier
from needlemap.store import Database, UnitOfWork

# Plausible ranges per instrument; PPT and ROM depend on device and joint, so they are wide.
_INSTRUMENT_RANGES: dict[Instrument, tuple[float, float]] = {
    Instrument.NPRS: (0, 10),
    Instrument.VAS: (0, 100),
    Instrument.PSFS: (0, 10),
    Instrument.NDI: (0, 100),
    Instrument.ODI: (0, 100),
    Instrument.UEFI: (0, 80),
    Instrument.LEFS: (0, 80),
    Instrument.SORENESS: (0, 100),
    Instrument.PPT: (0, 1000),
    Instrument.ROM: (-360, 360),
    Instrument.OTHER: (-1e6, 1e6),
}
_SESSION_FIELDS = frozenset(
    {
        "started_at",
        "ended_at",
        "practitioner_id",
        "position",
        "nprs_before",
        "nprs_after",
        "notes",
        "needles_inserted",
        "needles_removed",
        "needle_count_note",
        "next_appointment",
    }
)


def _moment(value: object, field: str) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                f"{field.replace('_', ' ').capitalize()} {value!r} is not a date and time.",
                field=field,
            ) from None
    if not isinstance(value, datetime):
        raise ValidationError(f"{field.replace('_', ' ').capitalize()} must be a date and time.")
    return as_utc(value)


class SessionService:
    def __init__(self, database: Database, notifier: Notifier) -> None:
        self._db = database
        self._notifier = notifier

    def _publish(self, kind: str, session: Session) -> None:
        self._notifier.publish(Change(kind, patient_id=session.patient_id, session_id=session.id))

    def start(
        self,
        patient_id: int,
        *,
        practitioner_id: int | None = None,
        started_at: datetime | str | None = None,
        position: PatientPosition | str | None = None,
        nprs_before: int | None = None,
        notes: str = "",
    ) -> Session:
        when = _moment(started_at, "started_at") or utc_now()
        rules.not_after(when, utc_now(), field="started_at")
        values = {
            "position": PatientPosition.parse(position, field="position") if position else None,
            "nprs_before": rules.nprs(nprs_before, field="nprs_before"),
            "notes": rules.clean_text(notes, field="notes"),
        }
        with self._db.write() as uow:
            if practitioner_id is not None:
                uow.practitioners.get(practitioner_id)
            session = uow.sessions.add(
                patient_id=patient_id,
                practitioner_id=practitioner_id,
                started_at=when,
                now=utc_now(),
                **values,  # type: ignore[arg-type]
            )
        self._publish("session_started", session)
        return session

    def get(self, session_id: int) -> Session:
        with self._db.read() as uow:
            return uow.sessions.get(session_id)

    def for_patient(self, patient_id: int) -> list[Session]:
        with self._db.read() as uow:
            uow.patients.get(patient_id)
            return uow.sessions.for_patient(patient_id)

    def latest_draft(self, patient_id: int) -> Session | None:
        """The draft to resume, if the practitioner left one open."""
        for session in self.for_patient(patient_id):
            if session.status is SessionStatus.DRAFT:
                return session
        return None

    def update(
        self, session_id: int, *, amendment: AmendmentNote | None = None, **changes: object
    ) -> Session:
        unknown = set(changes) - _SESSION_FIELDS
        if unknown:
            raise ValidationError(f"Unknown session field(s): {', '.join(sorted(unknown))}.")
        values = self._clean_changes(changes)
        summary = "Changed " + ", ".join(k.replace("_", " ") for k in sorted(values))
        with self._db.write() as uow:
            guard_editable(uow, session_id, amendment, summary)
            if "practitioner_id" in values and values["practitioner_id"] is not None:
                uow.practitioners.get(int(values["practitioner_id"]))  # type: ignore[call-overload]
            current = uow.sessions.get(session_id)
            ended = values.get("ended_at", current.ended_at)
            started = values.get("started_at", current.started_at)
            if isinstance(ended, datetime) and isinstance(started, datetime) and ended < started:
                raise ValidationError("The session cannot end before it started.", field="ended_at")
            session = uow.sessions.update(session_id, utc_now(), **values)
        self._publish("session_updated", session)
        return session

    def _clean_changes(self, changes: dict[str, object]) -> dict[str, object]:
        values: dict[str, object] = {}
        for key, value in changes.items():
            if key in {"nprs_before", "nprs_after"}:
                values[key] = rules.nprs(value, field=key)
            elif key in {"needles_inserted", "needles_removed"}:
                values[key] = rules.needle_count(value, field=key)
            elif key in {"started_at", "ended_at", "next_appointment"}:
                values[key] = _moment(value, key)
                if key == "started_at" and values[key] is None:
                    raise ValidationError("The session needs a start time.", field=key)
            elif key == "position":
                values[key] = (
                    PatientPosition.parse(value, field="position") if value else None  # type: ignore[arg-type]
                )
            elif key in {"notes", "needle_count_note"}:
                values[key] = rules.clean_text(value, field=key)
            else:
                values[key] = value
        return values

    def record_consent(
        self,
        session_id: int,
        *,
        method: ConsentMethod | str,
        obtained_by_id: int | None,
        text_version: str,
        obtained_at: datetime | str | None = None,
        risks_discussed: Iterable[str] = (),
        copy_offered: bool = False,
        notes: str = "",
        amendment: AmendmentNote | None = None,
    ) -> Session:
        consent = Consent(
            method=ConsentMethod.parse(method, field="consent_method"),
            obtained_by_id=obtained_by_id,
            obtained_at=_moment(obtained_at, "obtained_at") or utc_now(),
            text_version=rules.require_text(text_version, field="consent_text_version"),
            risks_discussed=tuple(
                rules.require_text(r, field="risk", max_length=200) for r in risks_discussed
            ),
            copy_offered=bool(copy_offered),
            notes=rules.clean_text(notes, field="notes"),
        )
        rules.not_after(consent.obtained_at, utc_now(), field="obtained_at")
        with self._db.write() as uow:
            guard_editable(uow, session_id, amendment, "Consent recorded")
            if obtained_by_id is not None:
                uow.practitioners.get(obtained_by_id)
            session = uow.sessions.set_consent(session_id, consent, utc_now())
        self._publish("consent_recorded", session)
        return session

    def sign(self, session_id: int, *, practitioner_id: int) -> Session:
        """Freeze the session. A needle count that does not add up needs an explanation first."""
        with self._db.write() as uow:
            uow.practitioners.get(practitioner_id)
            session = uow.sessions.get(session_id)
            if session.is_signed:
                raise SessionLockedError(f"Session {session_id} is already signed.")
            if session.needle_count_matches is False and not session.needle_count_note:
                raise ValidationError(
                    f"{session.needles_inserted} needles were inserted but "
                    f"{session.needles_removed} removed: explain the difference before signing.",
                    field="needle_count_note",
                )
            now = utc_now()
            session = uow.sessions.update(
                session_id,
                now,
                status=SessionStatus.SIGNED,
                signed_by_id=practitioner_id,
                signed_at=now,
                ended_at=session.ended_at or now,
            )
        self._publish("session_signed", session)
        return session

    def amend(
        self, session_id: int, *, author_id: int | None, reason: str, summary: str
    ) -> Session:
        """A free-text amendment (a correction or addendum) to a signed session."""
        with self._db.write() as uow:
            session = uow.sessions.get(session_id)
            if not session.is_signed:
                raise ValidationError("Only a signed session takes amendments; edit the draft.")
            session = guard_editable(
                uow,
                session_id,
                AmendmentNote(author_id, reason),
                rules.require_text(summary, field="summary", max_length=rules.LONG_TEXT_MAX),
            )
        self._publish("session_amended", session)
        return session

    def record_outcome(
        self,
        session_id: int,
        *,
        instrument: Instrument | str,
        value: float,
        timing: OutcomeTiming | str,
        unit: str | None = None,
        version: str = "",
        body_site: str = "",
        side: Side | str | None = None,
        notes: str = "",
        measured_at: datetime | str | None = None,
        amendment: AmendmentNote | None = None,
    ) -> Outcome:
        kind = Instrument.parse(instrument, field="instrument")
        low, high = _INSTRUMENT_RANGES[kind]
        number = rules.measure(
            value, field="value", unit=unit or kind.default_unit, minimum=low, maximum=high
        )
        if number is None:
            raise ValidationError("An outcome needs a value.", field="value")
        outcome = Outcome(
            id=0,
            session_id=session_id,
            instrument=kind,
            value=number,
            unit=rules.clean_text(
                unit if unit is not None else kind.default_unit, field="unit", max_length=32
            ),
            timing=OutcomeTiming.parse(timing, field="timing"),
            version=rules.clean_text(version, field="version", max_length=32),
            body_site=rules.clean_text(body_site, field="body_site", max_length=200),
            side=Side.parse(side, field="side") if side else None,
            notes=rules.clean_text(notes, field="notes"),
            measured_at=_moment(measured_at, "measured_at") or utc_now(),
        )
        with self._db.write() as uow:
            session = guard_editable(uow, session_id, amendment, f"Outcome added: {kind.label}")
            saved = uow.events.add_outcome(outcome)
        self._publish("outcome_recorded", session)
        return saved

    def record_adverse_event(
        self,
        session_id: int,
        *,
        type: AdverseEventType | str,
        severity: str,
        scheme: SeverityScheme | str = SeverityScheme.WHITE,
        onset_at: datetime | str | None = None,
        action_taken: str = "",
        description: str = "",
        duration: str = "",
        point_id: int | None = None,
        recorded_by_id: int | None = None,
        amendment_reason: str = "Adverse event reported after the session was signed",
    ) -> AdverseEvent:
        """Adverse events can surface days later: on a signed session they become amendments."""
        event_type = AdverseEventType.parse(type, field="type")
        chosen_scheme = SeverityScheme.parse(scheme, field="scheme")
        event = AdverseEvent(
            id=0,
            session_id=session_id,
            type=event_type,
            severity=rules.severity(chosen_scheme, severity),
            scheme=chosen_scheme,
            onset_at=_moment(onset_at, "onset_at") or utc_now(),
            action_taken=rules.clean_text(action_taken, field="action_taken"),
            description=rules.clean_text(description, field="description"),
            duration=rules.clean_text(duration, field="duration", max_length=200),
            point_id=point_id,
            recorded_by_id=recorded_by_id,
        )
        if event_type is AdverseEventType.OTHER and not event.description:
            raise ValidationError(
                "Describe the adverse event recorded as 'other'.", field="description"
            )
        rules.not_after(event.onset_at, utc_now(), field="onset_at")
        with self._db.write() as uow:
            session = uow.sessions.get(session_id)
            if event.onset_at < session.started_at:
                raise ValidationError(
                    "The adverse event cannot start before the session.", field="onset_at"
                )
            if point_id is not None and uow.points.get(point_id).session_id != session_id:
                raise ValidationError(
                    "That needled point belongs to another session.", field="point_id"
                )
            session = guard_editable(
                uow,
                session_id,
                AmendmentNote(recorded_by_id, amendment_reason),
                f"Adverse event added: {event_type.label} ({event.severity})",
            )
            saved = uow.events.add_adverse_event(event, utc_now())
        self._publish("adverse_event_recorded", session)
        return saved

    def outcomes(self, session_id: int) -> list[Outcome]:
        with self._db.read() as uow:
            uow.sessions.get(session_id)
            return uow.events.outcomes(session_id)

    def adverse_events(self, session_id: int) -> list[AdverseEvent]:
        with self._db.read() as uow:
            uow.sessions.get(session_id)
            return uow.events.adverse_events(session_id)

    def record(self, session_id: int) -> SessionRecord:
        with self._db.read() as uow:
            return _gather_record(uow, session_id)

    def records_for_patient(self, patient_id: int) -> list[SessionRecord]:
        """Every session of a patient with its points and events, newest first, in 4 queries."""
        with self._db.read() as uow:
            patient = uow.patients.get(patient_id)
            sessions = uow.sessions.for_patient(patient_id)
            ids = [s.id for s in sessions]
            points = uow.points.for_sessions(ids)
            events = uow.events.adverse_events_for(ids)
            safety = uow.safety.for_sessions(ids)
            practitioners = {p.id: p for p in uow.practitioners.list(active_only=False)}
        return [
            SessionRecord(
                session=s,
                patient=patient,
                points=tuple(points.get(s.id, ())),
                outcomes=(),
                adverse_events=tuple(events.get(s.id, ())),
                screening=None,
                practitioners=practitioners,
                safety_events=tuple(safety.get(s.id, ())),
            )
            for s in sessions
        ]


def _gather_record(uow: UnitOfWork, session_id: int) -> SessionRecord:
    session = uow.sessions.get(session_id)
    patient = uow.patients.get(session.patient_id)
    screening = None
    session_day = local_day(session.started_at)
    for candidate in uow.patients.screenings(patient.id):
        if candidate.screened_on <= session_day:
            screening = candidate
            break
    return SessionRecord(
        session=session,
        patient=patient,
        points=tuple(uow.points.for_session(session_id)),
        outcomes=tuple(uow.events.outcomes(session_id)),
        adverse_events=tuple(uow.events.adverse_events(session_id)),
        screening=screening,
        practitioners={p.id: p for p in uow.practitioners.list(active_only=False)},
        safety_events=tuple(uow.safety.for_session(session_id)),
    )
