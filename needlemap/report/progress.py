"""The printable progress report of one patient: summary, pain trend, heatmap, sessions.

Written for a review with the patient, a referrer or an insurer: the pain trend first, judged
against the minimal clinically important change of two points, then where the needling went.
Page one carries the pain (summary, chart, sessions); page two the needling (heatmap and the
most-needled muscles), so a typical course of treatment prints on two A4 pages.
"""

from __future__ import annotations

from datetime import date, datetime

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from needlemap.anatomy import Atlas
from needlemap.domain.clinic_settings import ClinicSettings
from needlemap.domain.clock import local_day
from needlemap.domain.history import PainPoint
from needlemap.domain.progress import MCID_NPRS, MuscleCount, ProgressReport
from needlemap.domain.vocabulary import Side
from needlemap.report.fonts import REGULAR, register_fonts
from needlemap.report.heat_diagram import heat_legend, heat_panel
from needlemap.report.layout import (
    INK,
    MUTED,
    RULE,
    build_pdf,
    clinic_header,
    content_width,
    escape,
    grid,
    styles,
)

BEFORE = HexColor("#c62828")  # the screen's trend colours
AFTER = HexColor("#1565c0")
BAND = HexColor("#e2f0e3")
BAND_EDGE = HexColor("#2e7d32")
CHART_HEIGHT = 64 * mm


def long_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _muscle_name(atlas: Atlas, muscle_id: str) -> str:
    muscle = atlas.catalogue.find(muscle_id)
    return muscle.name if muscle is not None else muscle_id


def _side(value: str) -> str:
    try:
        return Side(value).label
    except ValueError:
        return value


# Summary -------------------------------------------------------------------------------


def period_line(report: ProgressReport) -> str:
    """The period as it was asked for: both days, one open end, or all sessions."""
    start, end = report.start, report.end
    if start is not None and end is not None:
        return f"{long_day(start)} to {long_day(end)}"
    if start is not None:
        return f"Sessions from {long_day(start)}"
    if end is not None:
        return f"Sessions until {long_day(end)}"
    return "All sessions"


def summary_paragraphs(report: ProgressReport, atlas: Atlas) -> list[str]:
    """The report's findings in plain sentences (escaped, ready for a Paragraph)."""
    lines = [f"<b>{escape(report.pain_summary)}</b>"]
    mean = report.mean_within_session_change
    if mean is not None:
        twice = report.sessions_scored_twice
        scored = f"{twice} session{'s' if twice != 1 else ''} scored before and after"
        if round(mean, 1) == 0:
            lines.append(
                f"Within a session, pain was on average the same after treatment as before "
                f"({scored})."
            )
        else:
            way = "lower" if mean < 0 else "higher"
            lines.append(
                f"Within a session, pain was on average {abs(mean):.1f} points {way} after "
                f"treatment than before ({scored})."
            )
    first, last = report.first_day, report.last_day
    if first is not None and last is not None:
        count = report.session_count
        if count == 1:
            when = f"One session, on {long_day(first)}"
        else:
            when = f"{count} sessions between {long_day(first)} and {long_day(last)}"
        muscles = len(report.heat)
        top = [entry for entry in report.heat if entry.sessions == report.highest]
        named = [_in_sentence(atlas, entry) for entry in top[:3]]
        more = f" and {len(top) - 3} more" if len(top) > 3 else ""
        if muscles == 0:
            lines.append(f"{when}; no muscle was needled.")
        elif muscles == 1:
            lines.append(f"{when}; one muscle was needled: the {named[0]}.")
        elif count == 1 or len(top) == muscles:
            lines.append(f"{when}; {muscles} muscles were needled (left and right counted apart).")
        else:
            each = " each" if len(top) > 1 else ""
            lines.append(
                f"{when}; {muscles} muscles were needled (left and right counted apart), most "
                f"often the {_joined(named)}{more}: in {report.highest} of {count} "
                f"sessions{each}."
            )
    return lines


def _in_sentence(atlas: Atlas, entry: MuscleCount) -> str:
    """The muscle and side as they read mid-sentence: upper trapezius (right)."""
    name = _muscle_name(atlas, entry.muscle_id)
    return f"{escape(name[:1].lower() + name[1:])} ({_side(entry.side).lower()})"


def _joined(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# The pain trend chart ------------------------------------------------------------------


def pain_chart(report: ProgressReport, width: float, height: float) -> Drawing:
    """NPRS before (solid) and after (dashed) treatment per session, on a time axis.

    The green band spans two points either side of the first score before treatment: a score
    inside it is less than the minimal clinically important change from where the patient
    started, one outside it is a meaningful change (down: better, up: worse).
    """
    register_fonts()
    drawing = Drawing(width, height)
    left, right, bottom, legend_h = 34.0, 10.0, 30.0, 16.0
    top = height - legend_h
    plot_w, plot_h = width - left - right, top - bottom - 4
    points = list(report.pain)

    def y_of(value: float) -> float:
        return bottom + plot_h * value / 10

    first_before = report.first_before
    if first_before is not None:
        low, high = max(0, first_before - MCID_NPRS), min(10, first_before + MCID_NPRS)
        drawing.add(
            Rect(left, y_of(low), plot_w, y_of(high) - y_of(low), fillColor=BAND, strokeColor=None)
        )
    for value in range(11):
        y = y_of(value)
        drawing.add(
            Line(
                left,
                y,
                left + plot_w,
                y,
                strokeColor=INK if value == 0 else RULE,
                strokeWidth=0.8 if value == 0 else 0.35,
            )
        )
        if value % 2 == 0:
            drawing.add(
                String(
                    left - 5,
                    y - 2.8,
                    str(value),
                    fontName=REGULAR,
                    fontSize=7.5,
                    fillColor=INK,
                    textAnchor="end",
                )
            )
    drawing.add(Line(left, y_of(0), left, y_of(10), strokeColor=INK, strokeWidth=0.8))
    axis_title = Group(
        String(
            0,
            0,
            "Pain (NPRS, 0 to 10)",
            fontName=REGULAR,
            fontSize=7.5,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    axis_title.rotate(90)
    axis_title.translate(bottom + plot_h / 2, -9)
    drawing.add(axis_title)
    if first_before is not None:
        y = y_of(first_before)
        drawing.add(
            Line(
                left,
                y,
                left + plot_w,
                y,
                strokeColor=BAND_EDGE,
                strokeWidth=0.6,
                strokeDashArray=[3, 2],
            )
        )
    _legend(drawing, left, height - 10, report)
    if not points:
        drawing.add(
            String(
                left + plot_w / 2,
                bottom + plot_h / 2,
                "Pain was not scored in this period.",
                fontName=REGULAR,
                fontSize=9,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
        return drawing
    xs = _x_positions(points, left + 12, left + plot_w - 12)
    _date_axis(drawing, points, xs, bottom)
    for series, colour, dashed in (("after", AFTER, True), ("before", BEFORE, False)):
        coordinates: list[float] = []
        for x, point in zip(xs, points, strict=True):
            value = getattr(point, series)
            if value is not None:
                coordinates += [x, y_of(value)]
        if len(coordinates) >= 4:
            drawing.add(
                PolyLine(
                    coordinates,
                    strokeColor=colour,
                    strokeWidth=1.1 if dashed else 1.6,
                    strokeDashArray=[3, 2] if dashed else None,
                )
            )
        for index in range(0, len(coordinates), 2):
            x, y = coordinates[index], coordinates[index + 1]
            drawing.add(
                Circle(
                    x,
                    y,
                    2.4 if dashed else 2.7,
                    fillColor=white if dashed else colour,
                    strokeColor=colour,
                    strokeWidth=1.0,
                )
            )
    return drawing


def _x_positions(points: list[PainPoint], x0: float, x1: float) -> list[float]:
    """Time-proportional positions: a long gap between sessions shows as one."""
    stamps = [point.started_at.timestamp() for point in points]
    first, last = min(stamps), max(stamps)
    if last == first:
        return [(x0 + x1) / 2 for _ in stamps]
    return [x0 + (x1 - x0) * (stamp - first) / (last - first) for stamp in stamps]


def _date_axis(drawing: Drawing, points: list[PainPoint], xs: list[float], bottom: float) -> None:
    """A tick per session; a date under as many as fit, the year under the first and changes."""
    placed_right = -1e9
    last_year: int | None = None
    label_w = 30.0
    for index, (x, point) in enumerate(zip(xs, points, strict=True)):
        drawing.add(Line(x, bottom, x, bottom - 3, strokeColor=INK, strokeWidth=0.6))
        day = point.day
        is_last = index == len(points) - 1
        if x - label_w / 2 < placed_right + 3:
            continue
        if not is_last and xs[-1] - x < label_w + 3:
            continue  # keep room for the last session's date
        drawing.add(
            String(
                x,
                bottom - 11,
                f"{day.day} {day:%b}",
                fontName=REGULAR,
                fontSize=7,
                fillColor=INK,
                textAnchor="middle",
            )
        )
        if day.year != last_year:
            drawing.add(
                String(
                    x,
                    bottom - 19,
                    str(day.year),
                    fontName=REGULAR,
                    fontSize=6.5,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
            last_year = day.year
        placed_right = x + label_w / 2


def _legend(drawing: Drawing, x: float, y: float, report: ProgressReport) -> None:
    entries: list[tuple[str, Color, str]] = [
        ("line", BEFORE, "Before treatment"),
        ("dashed", AFTER, "After treatment"),
    ]
    if report.first_before is not None:
        entries.append(
            (
                "band",
                BAND,
                f"Within {MCID_NPRS} points of the first score: less than a meaningful change",
            )
        )
    for kind, colour, text in entries:
        if kind == "band":
            drawing.add(
                Rect(x, y - 1, 18, 8, fillColor=BAND, strokeColor=BAND_EDGE, strokeWidth=0.4)
            )
        else:
            drawing.add(
                Line(
                    x,
                    y + 3,
                    x + 18,
                    y + 3,
                    strokeColor=colour,
                    strokeWidth=1.1 if kind == "dashed" else 1.6,
                    strokeDashArray=[3, 2] if kind == "dashed" else None,
                )
            )
            drawing.add(
                Circle(
                    x + 9,
                    y + 3,
                    2.4,
                    fillColor=white if kind == "dashed" else colour,
                    strokeColor=colour,
                    strokeWidth=1.0,
                )
            )
        label = String(x + 23, y, text, fontName=REGULAR, fontSize=7.5, fillColor=INK)
        drawing.add(label)
        x += 23 + label.getEast() - label.x + 14


# Tables --------------------------------------------------------------------------------


def _score(value: int | None) -> str:
    return "—" if value is None else str(value)


def _signed(change: int | None) -> str:
    """A change with its sign: "-3", "+1", "0" (Noto Sans as embedded has no U+2212 minus)."""
    if change is None:
        return "—"
    return f"{change:+d}" if change else "0"


def sessions_table(report: ProgressReport, width: float) -> Flowable:
    s = styles()
    header = ["Date", "Muscles needled", "Pain before to after", "Change", "Status"]
    rows: list[list[object]] = [[Paragraph(f"<b>{h}</b>", s["cell"]) for h in header]]
    for summary in report.sessions:
        change = summary.pain_change
        status = summary.status.label + (", amended" if summary.amended else "")
        rows.append(
            [
                Paragraph(_date_cell(summary.started_at), s["cell"]),
                Paragraph(str(summary.muscle_count), s["cell"]),
                Paragraph(
                    f"{_score(summary.nprs_before)} to {_score(summary.nprs_after)}", s["cell"]
                ),
                Paragraph(_signed(change), s["cell"]),
                Paragraph(status, s["cell"]),
            ]
        )
    fractions = (0.24, 0.18, 0.22, 0.12, 0.24)
    return grid(rows, [width * f for f in fractions])


def _date_cell(moment: datetime) -> str:
    day = local_day(moment)
    return f"{day:%a} {day.day} {day:%b %Y}"


def muscles_table(report: ProgressReport, atlas: Atlas, width: float) -> Flowable:
    s = styles()
    header = ["Muscle", "Side", "Sessions"]
    rows: list[list[object]] = [[Paragraph(f"<b>{h}</b>", s["cell"]) for h in header]]
    for entry in report.most_needled:
        muscle = atlas.catalogue.find(entry.muscle_id)
        name = escape(muscle.name if muscle else entry.muscle_id)
        plain = (
            f"&nbsp;&nbsp;<font size='7' color='#5f6b76'>{escape(muscle.patient_name)}</font>"
            if muscle and muscle.patient_name and muscle.patient_name != muscle.name
            else ""
        )
        rows.append(
            [
                Paragraph(name + plain, s["cell"]),
                Paragraph(_side(entry.side), s["cell"]),
                Paragraph(f"{entry.sessions} of {report.session_count}", s["cell"]),
            ]
        )
    return grid(rows, [width * 0.62, width * 0.18, width * 0.20])


# The document --------------------------------------------------------------------------


def progress_story(
    report: ProgressReport, atlas: Atlas, settings: ClinicSettings
) -> list[Flowable]:
    s = styles()
    width = content_width(settings)
    patient = report.patient
    story: list[Flowable] = [clinic_header(settings, width), Spacer(1, 5 * mm)]
    story.append(Paragraph("Progress report", s["title"]))
    story.append(
        Paragraph(
            f"<b>{escape(patient.display_name)}</b>  ·  born {long_day(patient.birth_date)}"
            f"  ·  {escape(period_line(report))}",
            s["body"],
        )
    )

    story.append(Paragraph("Summary", s["h2"]))
    for line in summary_paragraphs(report, atlas):
        story.append(Paragraph(line, s["body"]))
        story.append(Spacer(1, 1.5 * mm))

    story.append(
        KeepTogether(
            [
                Paragraph("Pain trend", s["h2"]),
                pain_chart(report, width, CHART_HEIGHT),
                Paragraph(
                    "Pain on the 0 to 10 numeric rating scale (NPRS), scored before and after "
                    f"each session. A change of {MCID_NPRS} points or more from the first score "
                    "is the smallest change patients recognise as a real difference (the "
                    "minimal clinically important change).",
                    s["small"],
                ),
            ]
        )
    )

    story.append(Paragraph("Sessions", s["h2"]))
    if report.sessions:
        story.append(sessions_table(report, width))
    else:
        story.append(Paragraph("There were no sessions in this period.", s["body"]))

    story.append(CondPageBreak(60 * mm))
    heading = Paragraph("Where the needling was", s["h2"])
    panel = heat_panel(atlas, report.counts, width)
    if panel is None:
        story.append(heading)
        story.append(
            Paragraph(
                "No muscle was needled in this period."
                if not report.heat
                else "The muscles needled in this period are not drawn in the atlas; "
                "they are listed below.",
                s["body"],
            )
        )
    else:
        story.append(
            KeepTogether(
                [
                    heading,
                    panel,
                    Spacer(1, 2 * mm),
                    heat_legend(report.highest, width),
                    Spacer(1, 1.5 * mm),
                    Paragraph(
                        "The number on a muscle is the count of sessions in which it was "
                        "needled. A needled muscle is drawn over the muscles that cover it, so "
                        "deep ones stay visible; where a deeper needled muscle lies under another "
                        "needled one, it shows as stripes of its colour inside a dashed outline.",
                        s["small"],
                    ),
                ]
            )
        )
    if not report.heat:
        return story
    # the table may split (its header repeats), but not leave its heading alone at a page foot
    story.append(CondPageBreak(45 * mm))
    story.append(Paragraph("Most-needled muscles", s["h2"]))
    shown, needled = len(report.most_needled), len(report.heat)
    if needled > shown:
        story.append(Paragraph(f"The {shown} most often needled of {needled} muscles.", s["small"]))
        story.append(Spacer(1, 1 * mm))
    story.append(muscles_table(report, atlas, width))
    return story


def build_progress_report(report: ProgressReport, atlas: Atlas, settings: ClinicSettings) -> bytes:
    """The progress report as PDF bytes: A4 or Letter as the clinic prefers."""
    patient = report.patient
    return build_pdf(
        progress_story(report, atlas, settings),
        settings,
        title=f"Progress report: {patient.display_name}",
        author=settings.clinic_name or "NeedleMap",
        subject="Dry-needling progress: pain trend, needling heatmap and sessions",
        footer=f"{patient.display_name}  ·  born {long_day(patient.birth_date)}  ·  confidential",
    )
