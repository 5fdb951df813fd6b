"""The clinical record: everything recorded in the session, for the practitioner's files.

Patient identifiers, screening, consent, each needled point with all its parameters, the
diagrams, outcomes, adverse events, needle counts, notes, the signature and every amendment.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from needlemap.anatomy import Atlas
from needlemap.domain.clinic_settings import ClinicSettings
from needlemap.domain.point import PointSettings
from needlemap.domain.record import SessionRecord
from needlemap.report.diagram import ClippedDrawing, view_drawing, views_with_points
from needlemap.report.layout import build_pdf, clinic_header, content_width, escape, grid, styles

DIAGRAM_HEIGHT = 75 * mm
TECHNIQUE_SHORT = {
    "deep_fast_in_out": "Pistoning",
    "static": "Static",
    "rotation": "Rotation",
    "superficial": "Superficial",
    "electrical": "Electrical",
}


def _when(moment: object) -> str:
    return moment.astimezone().strftime("%d %b %Y %H:%M") if moment else "—"  # type: ignore[attr-defined]


def _value(value: object, unit: str = "") -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}{unit}"
    return f"{value}{unit}"


def _pairs(rows: list[tuple[str, str]], width: float) -> Table:
    s = styles()
    table = Table(
        [
            [Paragraph(f"<b>{escape(k)}</b>", s["cell"]), Paragraph(escape(v), s["cell"])]
            for k, v in rows
        ],
        colWidths=[38 * mm, width - 38 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _stimulation(p: PointSettings) -> str:
    """Electrical needling's parameters, the dose a later session or an audit needs."""
    if not p.electrical:
        return ""
    parts = [
        f"{value:g} {unit}"
        for value, unit in (
            (p.edn_frequency_hz, "Hz"),
            (p.edn_pulse_width_us, "µs"),
            (p.edn_intensity_ma, "mA"),
            (p.edn_duration_min, "min"),
        )
        if value is not None
    ]
    return "stimulation " + (", ".join(parts) if parts else "parameters not recorded")


def record_story(record: SessionRecord, atlas: Atlas, settings: ClinicSettings) -> list[Flowable]:
    s = styles()
    width = content_width(settings)
    session, patient = record.session, record.patient
    name_of = record.practitioner_name
    story: list[Flowable] = [
        clinic_header(settings, width),
        Spacer(1, 5 * mm),
        Paragraph("Dry-needling clinical record", s["title"]),
    ]
    story.append(
        Paragraph(
            f"Session {session.id}  ·  {_when(session.started_at)}  ·  {session.status.label}",
            s["small"],
        )
    )

    story.append(Paragraph("Patient", s["h2"]))
    identifiers = "; ".join(f"{i.system} {i.value}" for i in patient.identifiers) or "—"
    age = patient.age_on(session.started_at.date())
    story.append(
        _pairs(
            [
                ("Name", patient.display_name),
                ("Date of birth", f"{patient.birth_date:%d %b %Y} (age {age} at the session)"),
                ("Sex", patient.sex.label),
                ("Identifiers", identifiers),
                ("Contact", "  ·  ".join(v for v in (patient.phone, patient.email) if v) or "—"),
            ],
            width,
        )
    )

    story.append(Paragraph("Session", s["h2"]))
    story.append(
        _pairs(
            [
                ("Practitioner", name_of(session.practitioner_id) or "—"),
                ("Started / ended", f"{_when(session.started_at)} – {_when(session.ended_at)}"),
                ("Patient position", session.position.label if session.position else "—"),
                (
                    "NPRS before / after",
                    f"{_value(session.nprs_before)} / {_value(session.nprs_after)}",
                ),
                ("Muscles treated", str(record.muscle_count)),
                ("Next appointment", _when(session.next_appointment)),
            ],
            width,
        )
    )

    story.append(Paragraph("Screening", s["h2"]))
    screening = record.screening
    if screening is None:
        story.append(Paragraph("No screening on file before this session.", s["body"]))
    else:
        active = screening.active_findings
        lines = [
            f"Screened {screening.screened_on:%d %b %Y}: "
            + ("no contraindications or precautions found." if not active else "")
        ]
        for finding in active:
            limbs = f" ({', '.join(limb.label for limb in finding.limbs)})" if finding.limbs else ""
            notes = f": {finding.notes}" if finding.notes else ""
            lines.append(f"• {finding.kind.label}: {finding.item.label}{limbs}{notes}")
        story.append(Paragraph("<br/>".join(escape(line) for line in lines), s["body"]))

    story.append(Paragraph("Consent", s["h2"]))
    consent = session.consent
    if consent is None:
        story.append(Paragraph("No consent recorded.", s["body"]))
    else:
        story.append(
            _pairs(
                [
                    ("Method", consent.method.label),
                    (
                        "Obtained by / at",
                        f"{name_of(consent.obtained_by_id) or '—'}, {_when(consent.obtained_at)}",
                    ),
                    ("Consent text", consent.text_version),
                    ("Risks discussed", ", ".join(consent.risks_discussed) or "—"),
                    ("Copy offered", _value(consent.copy_offered)),
                ],
                width,
            )
        )

    story.append(Paragraph("Needled points", s["h2"]))
    header = [
        "#",
        "Muscle",
        "Side",
        "Technique",
        "Needle",
        "Depth",
        "Ins.",
        "Ret.",
        "LTR",
        "Familiar",
        "Referred",
        "Response / notes",
    ]
    rows: list[list[object]] = [[Paragraph(f"<b>{h}</b>", s["cell"]) for h in header]]
    for point in record.points:
        p = point.settings
        muscle = atlas.catalogue.find(point.muscle_id)
        name = muscle.name if muscle else point.muscle_id
        if point.location.trigger_point:
            name += f" ({point.location.trigger_point})"
        needle = (
            f"{p.needle_diameter_mm:g}×{p.needle_length_mm:g}"
            if p.needle_diameter_mm and p.needle_length_mm
            else "—"
        )
        referred = _value(p.referred_pain) + (f": {p.referred_to}" if p.referred_to else "")
        response = (
            ", ".join(
                v
                for v in (
                    _stimulation(p),
                    p.patient_response.label if p.patient_response else "",
                    p.notes,
                )
                if v
            )
            or "—"
        )
        retention = f"{p.retention_s / 60:g} min" if p.retention_s else "—"
        rows.append(
            [
                Paragraph(escape(str(cell)), s["cell"])
                for cell in (
                    point.seq,
                    name,
                    point.side.label,
                    TECHNIQUE_SHORT[p.technique.value],
                    needle,
                    _value(p.depth_mm, " mm"),
                    _value(p.insertions),
                    retention,
                    _value(p.ltr_count),
                    _value(p.familiar_pain),
                    referred,
                    response,
                )
            ]
        )
    if record.points:
        widths = [6, 28, 11, 20, 15, 13, 8, 11, 8, 16, 18, 24]
        total = sum(widths)
        story.append(grid(rows, [width * w / total for w in widths]))
    else:
        story.append(Paragraph("No points recorded.", s["body"]))

    views = views_with_points(atlas, record.points)
    if views:
        per_row = min(len(views), 3)
        cell = width / per_row
        cells = [
            [
                Paragraph(f"<b>{escape(atlas.view(v).title)}</b>", s["small"]),
                ClippedDrawing(view_drawing(atlas, v, record.points, cell - 6, DIAGRAM_HEIGHT)),
            ]
            for v in views
        ]
        flat = []
        for i in range(0, len(cells), per_row):
            row = cells[i : i + per_row]
            flat.append([c[0] for c in row] + [""] * (per_row - len(row)))
            flat.append([c[1] for c in row] + [""] * (per_row - len(row)))
        table = Table(flat, colWidths=[cell] * per_row)
        table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
        story.append(KeepTogether([Paragraph("Body map", s["h2"]), table]))

    story.append(Paragraph("Safety prompts answered", s["h2"]))
    if record.safety_events:
        seq_of = {point.id: point.seq for point in record.points}
        rows = [
            [
                Paragraph(f"<b>{h}</b>", s["cell"])
                for h in ("Prompt", "Point", "Reason given", "By", "When")
            ]
        ]
        for event in record.safety_events:
            point = seq_of.get(event.point_id) if event.point_id is not None else None
            rows.append(
                [
                    Paragraph(escape(c), s["cell"])
                    for c in (
                        f"{event.kind.label}: {event.message}",
                        "—" if point is None else str(point),
                        event.reason or "acknowledged",
                        name_of(event.acknowledged_by_id) or "—",
                        _when(event.acknowledged_at),
                    )
                ]
            )
        story.append(grid(rows, [width * f for f in (0.42, 0.07, 0.23, 0.14, 0.14)]))
    else:
        story.append(Paragraph("None were needed.", s["body"]))

    story.append(Paragraph("Outcome measures", s["h2"]))
    if record.outcomes:
        rows = [
            [
                Paragraph(f"<b>{h}</b>", s["cell"])
                for h in ("Instrument", "Version", "Timing", "Value", "Site", "Measured")
            ]
        ]
        for o in record.outcomes:
            rows.append(
                [
                    Paragraph(escape(c), s["cell"])
                    for c in (
                        o.instrument.label,
                        o.version or "—",
                        o.timing.label,
                        f"{o.value:g} {o.unit}",
                        " ".join(v for v in (o.body_site, o.side.label if o.side else "") if v)
                        or "—",
                        _when(o.measured_at),
                    )
                ]
            )
        story.append(grid(rows, [width * f for f in (0.3, 0.12, 0.15, 0.13, 0.12, 0.18)]))
    else:
        story.append(Paragraph("None recorded beyond NPRS.", s["body"]))

    story.append(Paragraph("Adverse events", s["h2"]))
    if record.adverse_events:
        rows = [
            [
                Paragraph(f"<b>{h}</b>", s["cell"])
                for h in ("Event", "Severity (scheme)", "Onset", "Action taken", "Details")
            ]
        ]
        for e in record.adverse_events:
            rows.append(
                [
                    Paragraph(escape(c), s["cell"])
                    for c in (
                        e.type.label,
                        f"{e.severity} ({e.scheme.value})",
                        _when(e.onset_at),
                        e.action_taken or "—",
                        " ".join(v for v in (e.description, e.duration) if v) or "—",
                    )
                ]
            )
        story.append(grid(rows, [width * f for f in (0.2, 0.17, 0.16, 0.25, 0.22)]))
    else:
        story.append(Paragraph("None.", s["body"]))

    story.append(Paragraph("Needles and notes", s["h2"]))
    story.append(
        _pairs(
            [
                (
                    "Needles inserted / removed",
                    f"{_value(session.needles_inserted)} / {_value(session.needles_removed)}",
                ),
                ("Count note", session.needle_count_note or "—"),
                ("Session notes", session.notes or "—"),
            ],
            width,
        )
    )

    story.append(Paragraph("Signature and amendments", s["h2"]))
    if session.is_signed:
        signed = f"Signed by {name_of(session.signed_by_id)} on {_when(session.signed_at)}."
    else:
        signed = "Not signed: draft record."
    story.append(Paragraph(escape(signed), s["body"]))
    for amendment in session.amendments:
        story.append(
            Paragraph(
                escape(
                    f"Amendment {_when(amendment.created_at)} by "
                    f"{name_of(amendment.author_id) or '—'}: {amendment.summary} "
                    f"— reason: {amendment.reason}"
                ),
                s["small"],
            )
        )
    return story


def build_clinical_record(record: SessionRecord, atlas: Atlas, settings: ClinicSettings) -> bytes:
    patient = record.patient
    return build_pdf(
        record_story(record, atlas, settings),
        settings,
        title=f"Dry-needling record: {patient.display_name}, "
        f"{record.session.started_at.astimezone():%d %b %Y}",
        author=record.practitioner_name(record.session.practitioner_id)
        or settings.clinic_name
        or "NeedleMap",
        subject="Clinical record of a dry-needling session",
        footer=f"{patient.display_name}  ·  born {patient.birth_date:%d %b %Y}  ·  confidential",
    )
