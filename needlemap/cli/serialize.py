"""Domain records as the JSON the command line prints (stable keys, ISO dates, UTC times)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from needlemap.anatomy import Atlas
from needlemap.domain.events import AdverseEvent
from needlemap.domain.point import NeedledPoint
from needlemap.domain.record import SessionRecord
from needlemap.domain.screening import Screening, ScreeningFinding, ScreeningSummary
from needlemap.services.patients import PatientListing


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def screening(found: Screening | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "screened_on": iso(found.screened_on),
        "active": _active(found.active_findings),
        "checked": [f.code for f in found.findings],
    }


def _active(findings: Sequence[ScreeningFinding]) -> list[dict[str, Any]]:
    return [
        {
            "code": f.code,
            "label": f.item.label,
            "kind": f.kind.value,
            "notes": f.notes,
            "limbs": [limb.value for limb in f.limbs],
        }
        for f in findings
    ]


def screening_summary(found: ScreeningSummary | None) -> dict[str, Any] | None:
    """The latest screening as a list shows it: the day and what was found."""
    if found is None:
        return None
    return {"screened_on": iso(found.screened_on), "active": _active(found.active_findings)}


def patient_listing(listing: PatientListing) -> dict[str, Any]:
    patient = listing.patient
    return {
        "id": patient.id,
        "name": patient.display_name,
        "given_names": patient.given_names,
        "family_name": patient.family_name,
        "birth_date": iso(patient.birth_date),
        "sex": patient.sex.value,
        "identifiers": [{"system": i.system, "value": i.value} for i in patient.identifiers],
        "sessions": listing.session_count,
        "screening": screening_summary(listing.screening),
    }


def point(found: NeedledPoint, atlas: Atlas) -> dict[str, Any]:
    muscle = atlas.catalogue.find(found.muscle_id)
    location, settings = found.location, found.settings
    return {
        "id": found.id,
        "number": found.seq,
        "muscle": location.muscle_id,
        "muscle_name": muscle.name if muscle else location.muscle_id,
        "side": location.side.value,
        "view": location.view,
        "layer": location.layer.value,
        "x": location.x,
        "y": location.y,
        "atlas_version": location.atlas_version,
        "trigger_point": location.trigger_point,
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
        "electrical": {
            "frequency_hz": settings.edn_frequency_hz,
            "pulse_width_us": settings.edn_pulse_width_us,
            "intensity_ma": settings.edn_intensity_ma,
            "duration_min": settings.edn_duration_min,
        }
        if settings.electrical
        else None,
    }


def adverse_event(event: AdverseEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type.value,
        "severity": event.severity,
        "scheme": event.scheme.value,
        "onset_at": iso(event.onset_at),
        "duration": event.duration,
        "action_taken": event.action_taken,
        "description": event.description,
        "point_id": event.point_id,
    }


def session_record(record: SessionRecord, atlas: Atlas) -> dict[str, Any]:
    session = record.session
    consent = session.consent
    return {
        "id": session.id,
        "patient_id": session.patient_id,
        "started_at": iso(session.started_at),
        "ended_at": iso(session.ended_at),
        "status": session.status.value,
        "practitioner": record.practitioner_name(session.practitioner_id) or None,
        "position": session.position.value if session.position else None,
        "nprs_before": session.nprs_before,
        "nprs_after": session.nprs_after,
        "notes": session.notes,
        "consent": None
        if consent is None
        else {
            "method": consent.method.value,
            "obtained_by": record.practitioner_name(consent.obtained_by_id) or None,
            "obtained_at": iso(consent.obtained_at),
            "text_version": consent.text_version,
            "risks_discussed": list(consent.risks_discussed),
            "copy_offered": consent.copy_offered,
        },
        "needles_inserted": session.needles_inserted,
        "needles_removed": session.needles_removed,
        "needle_count_note": session.needle_count_note,
        "signed_by": record.practitioner_name(session.signed_by_id) or None,
        "signed_at": iso(session.signed_at),
        "amendments": [
            {
                "author": record.practitioner_name(a.author_id) or None,
                "at": iso(a.created_at),
                "reason": a.reason,
                "summary": a.summary,
            }
            for a in session.amendments
        ],
        "adverse_events": [adverse_event(e) for e in record.adverse_events],
        "safety_events": [
            {
                "kind": e.kind.value,
                "key": e.key,
                "message": e.message,
                "reason": e.reason,
                "point_id": e.point_id,
                "by": record.practitioner_name(e.acknowledged_by_id) or None,
                "at": iso(e.acknowledged_at),
            }
            for e in record.safety_events
        ],
        "muscles": record.muscle_count,
        "points": [point(p, atlas) for p in record.points],
    }
