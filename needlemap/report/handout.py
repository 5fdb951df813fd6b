"""The patient handout: what was treated, where, how the pain changed, and what to do next.

Plain language throughout: muscles by their everyday names, sides spelled out, no codes and no
internal ids. One or two pages, A4 or Letter as the clinic prefers.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from needlemap.anatomy import Atlas
from needlemap.domain.clinic_settings import ClinicSettings
from needlemap.domain.record import SessionRecord
from needlemap.report.diagram import ClippedDrawing, view_drawing, views_with_points
from needlemap.report.layout import (
    WARN_BG,
    WARN_EDGE,
    build_pdf,
    clinic_header,
    content_width,
    escape,
    grid,
    page_count,
    styles,
)
from needlemap.report.red_flags import red_flags

DIAGRAM_HEIGHTS = (84 * mm, 70 * mm, 58 * mm)
"""Tried in turn: the largest diagrams that keep the handout on one sheet."""
DIAGRAM_HEIGHT = DIAGRAM_HEIGHTS[0]


def long_date(record: SessionRecord) -> str:
    moment = record.session.started_at.astimezone()
    return f"{moment.day} {moment:%B %Y}"


def _diagrams(
    atlas: Atlas, record: SessionRecord, width: float, numbers: dict[int, int], height: float
) -> Flowable | None:
    views = views_with_points(atlas, record.points)
    if not views:
        return None
    s = styles()
    per_row = min(len(views), 3)
    cell = width / per_row
    cells = []
    for view_id in views:
        drawing = ClippedDrawing(
            view_drawing(atlas, view_id, record.points, cell - 6, height, numbers=numbers)
        )
        title = Paragraph(f"<b>{escape(atlas.view(view_id).title)}</b>", s["small"])
        cells.append([title, drawing])
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    flat = []
    for row in rows:
        flat.append([c[0] for c in row] + [""] * (per_row - len(row)))
        flat.append([c[1] for c in row] + [""] * (per_row - len(row)))
    table = Table(flat, colWidths=[cell] * per_row)
    table.setStyle(
        TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    )
    return table


def _legend(atlas: Atlas, record: SessionRecord, numbers: dict[int, int]) -> list[list[object]]:
    """Number, muscle in plain words (with the clinical name small), side."""
    s = styles()
    rows: list[list[object]] = [
        [
            Paragraph("<b>No.</b>", s["cell"]),
            Paragraph("<b>Muscle</b>", s["cell"]),
            Paragraph("<b>Side</b>", s["cell"]),
        ]
    ]
    for point in record.points:
        muscle = atlas.catalogue.find(point.muscle_id)
        plain = muscle.patient_name if muscle else point.muscle_id
        formal = (
            f"<br/><font size='7' color='#5f6b76'>{escape(muscle.name)}</font>" if muscle else ""
        )
        rows.append(
            [
                Paragraph(str(numbers[point.id]), s["cell"]),
                Paragraph(f"{escape(plain)}{formal}", s["cell"]),
                Paragraph(point.side.label, s["cell"]),
            ]
        )
    return rows


def handout_story(
    record: SessionRecord,
    atlas: Atlas,
    settings: ClinicSettings,
    diagram_height: float = DIAGRAM_HEIGHT,
) -> list[Flowable]:
    s = styles()
    width = content_width(settings)
    session = record.session
    practitioner = record.practitioner_name(session.practitioner_id)
    numbers = {point.id: index for index, point in enumerate(record.points, start=1)}
    story: list[Flowable] = [clinic_header(settings, width), Spacer(1, 6 * mm)]
    story.append(Paragraph("Your dry-needling treatment", s["title"]))
    who = f"{escape(record.patient.display_name)}  ·  {long_date(record)}"
    if practitioner:
        who += f"  ·  treated by {escape(practitioner)}"
    story.append(Paragraph(who, s["body"]))

    story.append(Paragraph("Where we treated", s["h2"]))
    legend = _legend(atlas, record, numbers)
    views = views_with_points(atlas, record.points)
    if len(views) in (1, 2):
        # one or two views: the diagrams beside their legend keep the handout to one page
        share = 0.5 if len(views) == 1 else 0.6
        cell = width * share / len(views)
        titles = [Paragraph(f"<b>{escape(atlas.view(v).title)}</b>", s["small"]) for v in views]
        drawings = [
            ClippedDrawing(
                view_drawing(atlas, v, record.points, cell - 6, diagram_height, numbers=numbers)
            )
            for v in views
        ]
        side = Table([titles, drawings], colWidths=[cell] * len(views))
        side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        rest = width * (1 - share)
        right = [
            grid(legend, [9 * mm, rest - 29 * mm, 16 * mm]),
            Paragraph("Your pain", s["h2"]),
            Paragraph(_pain_line(record), s["body"]),
        ]
        table = Table([[side, right]], colWidths=[width * share, rest])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("LEFTPADDING", (1, 0), (1, 0), 10),
                ]
            )
        )
        story.append(table)
    elif views:
        diagrams = _diagrams(atlas, record, width, numbers, diagram_height)
        if diagrams is not None:
            story.append(diagrams)
            story.append(Spacer(1, 2 * mm))
        story.append(grid(legend, [14 * mm, width - 44 * mm, 30 * mm]))
    else:
        story.append(Paragraph("No needling was recorded in this session.", s["body"]))

    if len(views) not in (1, 2):
        story.append(Paragraph("Your pain", s["h2"]))
        story.append(Paragraph(_pain_line(record), s["body"]))

    story.append(Paragraph("What to expect and how to look after yourself", s["h2"]))
    for paragraph in settings.aftercare.split("\n"):
        if paragraph.strip():
            story.append(Paragraph(escape(paragraph.strip()), s["bullet"], bulletText="•"))

    flags = red_flags(atlas, record.points, settings)
    warning = [Paragraph("When to get help", s["h2"])]
    warning += [Paragraph(escape(text), s["warning"], bulletText="!") for text in flags]
    box = Table([[warning]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), WARN_BG),
                ("BOX", (0, 0), (-1, -1), 1.0, WARN_EDGE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(KeepTogether([box]))

    if session.next_appointment is not None:
        moment = session.next_appointment.astimezone()
        story.append(Paragraph("Your next appointment", s["h2"]))
        story.append(Paragraph(f"{moment:%A} {moment.day} {moment:%B %Y at %H:%M}", s["body"]))
    return story


def _pain_line(record: SessionRecord) -> str:
    before, after = record.session.nprs_before, record.session.nprs_after
    if before is None and after is None:
        return "Pain was not scored this time."

    def score(value: int | None) -> str:
        return "not scored" if value is None else f"<b>{value} out of 10</b>"

    return f"Before treatment: {score(before)}.  After treatment: {score(after)}."


def build_handout(record: SessionRecord, atlas: Atlas, settings: ClinicSettings) -> bytes:
    """One sheet when smaller diagrams make it fit; otherwise the full-size two pages."""
    practitioner = record.practitioner_name(record.session.practitioner_id)
    height = next(
        (
            h
            for h in DIAGRAM_HEIGHTS
            if page_count(handout_story(record, atlas, settings, h), settings) == 1
        ),
        DIAGRAM_HEIGHTS[0],
    )
    return build_pdf(
        handout_story(record, atlas, settings, height),
        settings,
        title=f"Your dry-needling treatment, {long_date(record)}",
        author=settings.clinic_name or practitioner or "NeedleMap",
        subject=f"Treatment summary for {record.patient.display_name}",
        footer=settings.clinic_name + (f"  ·  {settings.phone}" if settings.phone else ""),
    )
