"""``needlemap patients`` and ``needlemap sessions``."""

from __future__ import annotations

import argparse

from needlemap.anatomy import Atlas
from needlemap.cli import serialize
from needlemap.cli.common import clinic_for, print_json, table
from needlemap.config import DatabaseLocation


def list_patients(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with clinic_for(location) as clinic:
        listings = clinic.patients.listing(args.search, limit=args.limit)
    if args.json:
        print_json([serialize.patient_listing(listing) for listing in listings])
        return 0
    rows = []
    for listing in listings:
        patient = listing.patient
        flags = ""
        if listing.screening and listing.screening.active_findings:
            flags = ", ".join(f.item.label for f in listing.screening.active_findings)
        rows.append(
            [
                str(patient.id),
                patient.sort_name,
                patient.birth_date.isoformat(),
                str(listing.session_count),
                flags,
            ]
        )
    print(table(rows, ["ID", "Name", "Born", "Sessions", "Screening"]))
    return 0


def list_sessions(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with clinic_for(location) as clinic:
        records = clinic.sessions.records_for_patient(args.patient)
        atlas = clinic.atlas
    if args.json:
        print_json([serialize.session_record(record, atlas) for record in records])
        return 0
    rows = []
    for record in records:
        session = record.session
        pain = f"{_nprs(session.nprs_before)} → {_nprs(session.nprs_after)}"
        muscles = ", ".join(dict.fromkeys(_muscle_name(atlas, p.muscle_id) for p in record.points))
        rows.append(
            [
                str(session.id),
                session.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                session.status.label,
                pain,
                muscles,
            ]
        )
    print(table(rows, ["ID", "Started", "Status", "NPRS", "Muscles"]))
    return 0


def _muscle_name(atlas: Atlas, muscle_id: str) -> str:
    muscle = atlas.catalogue.find(muscle_id)
    return muscle.name if muscle else muscle_id


def _nprs(value: int | None) -> str:
    return "–" if value is None else str(value)
