"""Rows to frozen domain records. The only place that knows both shapes."""

from __future__ import annotations

from typing import Any

from needlemap.domain.events import AdverseEvent, Outcome
from needlemap.domain.people import Patient, PatientIdentifier, Practitioner
from needlemap.domain.point import BodyLocation, NeedledPoint, PointSettings
from needlemap.domain.safety import SafetyEvent, SafetyKind
from needlemap.domain.screening import Screening, ScreeningFinding
from needlemap.domain.session import Amendment, Consent, Session
from needlemap.domain.vocabulary import (
    AdverseEventType,
    ConsentMethod,
    Instrument,
    Layer,
    Limb,
    OutcomeTiming,
    PatientPosition,
    PatientResponse,
    SessionStatus,
    SeverityScheme,
    Sex,
    Side,
    Technique,
)
from needlemap.store.models import (
    AdverseEventRow,
    AmendmentRow,
    ConsentRow,
    NeedledPointRow,
    OutcomeRow,
    PatientRow,
    PractitionerRow,
    SafetyEventRow,
    ScreeningRow,
    SessionRow,
)


def practitioner(row: PractitionerRow) -> Practitioner:
    return Practitioner(
        id=row.id,
        name=row.name,
        profession=row.profession,
        registration=row.registration,
        active=row.active,
    )


def patient(row: PatientRow) -> Patient:
    return patient_of(row, tuple(PatientIdentifier(i.system, i.value) for i in row.identifiers))


def patient_of(row: Any, identifiers: tuple[PatientIdentifier, ...]) -> Patient:
    """From an ORM object or a plain result row of the patients table (same attribute names)."""
    return Patient(
        id=row.id,
        given_names=row.given_names,
        family_name=row.family_name,
        birth_date=row.birth_date,
        sex=Sex(row.sex),
        phone=row.phone,
        email=row.email,
        address=row.address,
        notes=row.notes,
        identifiers=identifiers,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def screening(row: ScreeningRow) -> Screening:
    return Screening(
        id=row.id,
        patient_id=row.patient_id,
        screened_on=row.screened_on,
        practitioner_id=row.practitioner_id,
        notes=row.notes,
        findings=tuple(
            ScreeningFinding(
                code=finding.code,
                present=finding.present,
                notes=finding.notes,
                limbs=tuple(Limb(v) for v in finding.limbs.split(",") if v),
            )
            for finding in row.findings
        ),
    )


def consent(row: ConsentRow) -> Consent:
    return Consent(
        method=ConsentMethod(row.method),
        obtained_by_id=row.obtained_by_id,
        obtained_at=row.obtained_at,
        text_version=row.text_version,
        risks_discussed=tuple(r for r in row.risks_discussed.split("\n") if r),
        copy_offered=row.copy_offered,
        notes=row.notes,
    )


def amendment(row: AmendmentRow) -> Amendment:
    return Amendment(
        id=row.id,
        author_id=row.author_id,
        created_at=row.created_at,
        reason=row.reason,
        summary=row.summary,
    )


def session(row: SessionRow) -> Session:
    return Session(
        id=row.id,
        patient_id=row.patient_id,
        practitioner_id=row.practitioner_id,
        started_at=row.started_at,
        ended_at=row.ended_at,
        position=PatientPosition(row.position) if row.position else None,
        nprs_before=row.nprs_before,
        nprs_after=row.nprs_after,
        notes=row.notes,
        status=SessionStatus(row.status),
        signed_by_id=row.signed_by_id,
        signed_at=row.signed_at,
        needles_inserted=row.needles_inserted,
        needles_removed=row.needles_removed,
        needle_count_note=row.needle_count_note,
        next_appointment=row.next_appointment,
        consent=consent(row.consent) if row.consent else None,
        amendments=tuple(amendment(a) for a in row.amendments),
    )


def point_settings(row: NeedledPointRow) -> PointSettings:
    return PointSettings(
        technique=Technique(row.technique),
        needle_diameter_mm=row.needle_diameter_mm,
        needle_length_mm=row.needle_length_mm,
        depth_mm=row.depth_mm,
        insertions=row.insertions,
        retention_s=row.retention_s,
        ltr_count=row.ltr_count,
        familiar_pain=row.familiar_pain,
        referred_pain=row.referred_pain,
        referred_to=row.referred_to,
        patient_response=PatientResponse(row.patient_response) if row.patient_response else None,
        notes=row.notes,
        edn_frequency_hz=row.edn_frequency_hz,
        edn_pulse_width_us=row.edn_pulse_width_us,
        edn_intensity_ma=row.edn_intensity_ma,
        edn_duration_min=row.edn_duration_min,
    )


def point(row: NeedledPointRow) -> NeedledPoint:
    return NeedledPoint(
        id=row.id,
        session_id=row.session_id,
        seq=row.seq,
        location=BodyLocation(
            muscle_id=row.muscle_id,
            side=Side(row.side),
            view=row.view,
            layer=Layer(row.layer),
            x=row.x,
            y=row.y,
            atlas_version=row.atlas_version,
            trigger_point=row.trigger_point,
        ),
        settings=point_settings(row),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def settings_columns(settings: PointSettings) -> dict[str, object]:
    return {
        "technique": settings.technique.value,
        "needle_diameter_mm": settings.needle_diameter_mm,
        "needle_length_mm": settings.needle_length_mm,
        "depth_mm": settings.depth_mm,
        "insertions": settings.insertions,
        "retention_s": settings.retention_s,
        "ltr_count": settings.ltr_count,
        "familiar_pain": settings.familiar_pain,
        "referred_pain": settings.referred_pain,
        "referred_to": settings.referred_to,
        "patient_response": settings.patient_response.value if settings.patient_response else None,
        "notes": settings.notes,
        "edn_frequency_hz": settings.edn_frequency_hz,
        "edn_pulse_width_us": settings.edn_pulse_width_us,
        "edn_intensity_ma": settings.edn_intensity_ma,
        "edn_duration_min": settings.edn_duration_min,
    }


def location_columns(location: BodyLocation) -> dict[str, object]:
    return {
        "muscle_id": location.muscle_id,
        "side": location.side.value,
        "view": location.view,
        "layer": location.layer.value,
        "x": location.x,
        "y": location.y,
        "atlas_version": location.atlas_version,
        "trigger_point": location.trigger_point,
    }


def outcome(row: OutcomeRow) -> Outcome:
    return Outcome(
        id=row.id,
        session_id=row.session_id,
        instrument=Instrument(row.instrument),
        value=row.value,
        unit=row.unit,
        timing=OutcomeTiming(row.timing),
        version=row.version,
        body_site=row.body_site,
        side=Side(row.side) if row.side else None,
        notes=row.notes,
        measured_at=row.measured_at,
    )


def adverse_event(row: AdverseEventRow) -> AdverseEvent:
    return AdverseEvent(
        id=row.id,
        session_id=row.session_id,
        type=AdverseEventType(row.type),
        severity=row.severity,
        scheme=SeverityScheme(row.scheme),
        onset_at=row.onset_at,
        action_taken=row.action_taken,
        description=row.description,
        duration=row.duration,
        point_id=row.point_id,
        recorded_at=row.recorded_at,
        recorded_by_id=row.recorded_by_id,
    )


def safety_event(row: SafetyEventRow) -> SafetyEvent:
    return SafetyEvent(
        id=row.id,
        session_id=row.session_id,
        kind=SafetyKind(row.kind),
        key=row.key,
        message=row.message,
        reason=row.reason,
        point_id=row.point_id,
        acknowledged_by_id=row.acknowledged_by_id,
        acknowledged_at=row.acknowledged_at,
    )
