"""The progress report: figures from a charted course of treatment, and the PDF read back."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pdfplumber
import pytest
from pypdf import PdfReader

from needlemap.domain.errors import NotFoundError, ValidationError
from needlemap.domain.history import PainPoint, SessionSummary
from needlemap.domain.people import Patient
from needlemap.domain.progress import MCID_NPRS, ProgressReport
from needlemap.domain.vocabulary import SessionStatus, Sex
from needlemap.report.heat_diagram import heat_color, heat_views, heat_windows
from needlemap.report.progress import build_progress_report, pain_chart
from needlemap.services import Clinic
from tests.support.charting import consent
from tests.support.charting import mark as chart

# (day, NPRS before, NPRS after, muscles (id, side), signed)
COURSE = (
    ("2025-01-06", 7, 5, (("trapezius_upper", "right"), ("levator_scapulae", "right"),
                          ("supraspinatus", "right")), True),
    ("2025-01-13", 7, 4, (("trapezius_upper", "right"), ("levator_scapulae", "right"),
                          ("infraspinatus", "right")), True),
    ("2025-01-20", 6, 4, (("trapezius_upper", "right"), ("levator_scapulae", "right")), True),
    ("2025-01-27", None, None, (("trapezius_upper", "right"), ("suboccipitals", "right")), True),
    ("2025-02-03", 6, 3, (("trapezius_upper", "right"), ("trapezius_upper", "left"),
                          ("levator_scapulae", "right")), True),
    ("2025-02-17", 5, 3, (("trapezius_upper", "right"), ("quadratus_lumborum", "right"),
                          ("gluteus_medius", "right")), True),
    ("2025-03-03", 4, 2, (("trapezius_upper", "right"), ("quadratus_lumborum", "right"),
                          ("quadratus_lumborum", "left")), True),
    ("2025-03-17", 4, 2, (("temporalis", "right"), ("temporalis", "left"),
                          ("trapezius_upper", "right")), True),
    ("2025-03-31", 3, 2, (("trapezius_upper", "right"), ("levator_scapulae", "right")), True),
    ("2025-04-14", 3, 1, (("trapezius_upper", "right"),), True),
    ("2025-05-05", 3, None, (("quadratus_lumborum", "right"),), False),
)  # fmt: skip


def chart_course(clinic: Clinic) -> int:
    """Eleven sessions over four months with known scores and muscles; the last one a draft."""
    practitioner = clinic.practitioners.add("Jürgen Ødegaard", "Physiotherapist")
    patient = clinic.patients.create(
        given_names="Zoë", family_name="Łukasiewicz", birth_date="1980-02-29"
    )
    other = clinic.patients.create(
        given_names="Other", family_name="Patient", birth_date="1990-01-01"
    )
    for day, before, after, muscles, signed in COURSE:
        session = clinic.sessions.start(
            patient.id,
            practitioner_id=practitioner.id,
            started_at=f"{day}T10:30",
            nprs_before=before,
        )
        consent(clinic, session.id, practitioner.id)
        for muscle, side in muscles:
            chart(clinic, session.id, muscle, side)
        if after is not None:
            clinic.sessions.update(session.id, nprs_after=after)
        if signed:
            clinic.sessions.sign(session.id, practitioner_id=practitioner.id)
    # another patient's sessions must not leak into the report
    stranger = clinic.sessions.start(other.id, started_at="2025-02-10T09:00", nprs_before=9)
    consent(clinic, stranger.id)
    chart(clinic, stranger.id, "gastrocnemius_medial", "left")
    return patient.id


@pytest.fixture
def course(clinic: Clinic) -> int:
    clinic.settings.update(clinic_name="Physio Praxis Müller", phone="+49 30 1234567")
    return chart_course(clinic)


def _pdf(clinic: Clinic, patient_id: int, start: object = None, end: object = None) -> bytes:
    report = clinic.progress.report(patient_id, start, end)
    return build_progress_report(report, clinic.atlas, clinic.settings.get())


def _text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


# The figures ---------------------------------------------------------------------------


def test_whole_history_figures(clinic: Clinic, course: int) -> None:
    report = clinic.progress.report(course)
    assert report.patient.display_name == "Zoë Łukasiewicz"
    assert (report.start, report.end) == (None, None)
    assert report.session_count == 11
    assert [s.started_at.astimezone().date().isoformat() for s in report.sessions] == [
        c[0] for c in COURSE
    ]  # oldest first
    assert (report.first_day, report.last_day) == (date(2025, 1, 6), date(2025, 5, 5))
    assert len(report.pain) == 10  # the unscored session is no point of the trend
    assert (report.first_before, report.last_before, report.change) == (7, 3, -4)
    assert report.reaches_mcid and report.improved and not report.worsened
    assert report.scored_span == 11
    # within sessions: (5-7)+(4-7)+(4-6)+(3-6)+(3-5)+(2-4)+(2-4)+(2-3)+(1-3) over 9
    assert report.sessions_scored_twice == 9
    assert report.mean_within_session_change == pytest.approx(-19 / 9)
    assert report.pain_summary == (
        "Pain on arrival went down from 7 to 3 out of 10 over 11 sessions: a change of 4 "
        "points, more than the 2 points that count as a meaningful change."
    )
    counts = report.counts
    assert counts[("trapezius_upper", "right")] == 10
    assert counts[("levator_scapulae", "right")] == 5
    assert counts[("quadratus_lumborum", "right")] == 3
    assert counts[("trapezius_upper", "left")] == 1
    assert ("gastrocnemius_medial", "left") not in counts  # the other patient's
    assert report.highest == 10
    assert report.most_needled[0].key == ("trapezius_upper", "right")
    assert report.most_needled[1].key == ("levator_scapulae", "right")
    assert [e.sessions for e in report.heat] == sorted(
        (e.sessions for e in report.heat), reverse=True
    )


def test_period_is_inclusive_calendar_days(clinic: Clinic, course: int) -> None:
    report = clinic.progress.report(course, date(2025, 2, 1), date(2025, 3, 31))
    assert report.session_count == 5  # 3 Feb to 31 Mar, the last day included
    assert (report.first_before, report.last_before, report.change) == (6, 3, -3)
    assert report.reaches_mcid
    counts = report.counts
    assert counts[("trapezius_upper", "right")] == 5
    assert counts[("levator_scapulae", "right")] == 2
    assert counts[("quadratus_lumborum", "right")] == 2
    assert ("supraspinatus", "right") not in counts  # needled in January only
    assert ("quadratus_lumborum", "right") in counts


def test_a_small_change_is_not_called_meaningful(clinic: Clinic, course: int) -> None:
    report = clinic.progress.report(course, "2025-03-17", "2025-04-14")
    assert report.session_count == 3
    assert report.change == -1
    assert abs(report.change) < MCID_NPRS
    assert not report.reaches_mcid and not report.improved
    assert report.pain_summary.endswith(
        "a change of 1 point, less than the 2 points that count as a meaningful change."
    )


def test_exactly_two_points_reaches_the_mcid(clinic: Clinic, course: int) -> None:
    report = clinic.progress.report(course, "2025-02-03", "2025-03-03")
    assert (report.first_before, report.last_before) == (6, 4)
    assert report.reaches_mcid and report.improved
    assert "which reaches the 2 points" in report.pain_summary


def test_open_ended_and_empty_periods(clinic: Clinic, course: int) -> None:
    since = clinic.progress.report(course, start="2025-04-15")
    assert since.session_count == 1 and since.end is None
    assert since.change is None and not since.reaches_mcid  # one score is a level, not a trend
    assert "scored once in this period, at 3 out of 10" in since.pain_summary
    until = clinic.progress.report(course, end=date(2025, 1, 13))
    assert until.session_count == 2 and until.change == 0
    assert "no change" in until.pain_summary
    empty = clinic.progress.report(course, "2026-01-01", "2026-12-31")
    assert empty.session_count == 0 and empty.heat == () and empty.change is None
    assert empty.pain_summary == "There were no sessions in this period."


def test_bad_requests_are_refused(clinic: Clinic, course: int) -> None:
    with pytest.raises(NotFoundError):
        clinic.progress.report(9999)
    with pytest.raises(ValidationError, match="after it ends"):
        clinic.progress.report(course, "2025-03-01", "2025-02-01")
    with pytest.raises(ValidationError, match="not a date"):
        clinic.progress.report(course, "1st of March")
    # the same day at both ends is one day, not an inverted period
    assert clinic.progress.report(course, "2025-01-06", "2025-01-06").session_count == 1


# The heatmap ---------------------------------------------------------------------------


def test_views_carry_the_heat_and_only_what_front_and_back_miss(clinic: Clinic) -> None:
    atlas = clinic.atlas
    assert heat_views(atlas, {("trapezius_upper", "right"): 3}) == ["anterior", "posterior"]
    assert heat_views(atlas, {("quadratus_lumborum", "left"): 2}) == ["posterior"]
    # temporalis on both sides is drawn in the head inset, not on front or back
    both = heat_views(
        atlas,
        {("trapezius_upper", "right"): 3, ("temporalis", "right"): 1, ("temporalis", "left"): 1},
    )
    assert both == ["anterior", "posterior", "head_neck"]
    assert heat_views(atlas, {}) == []


def test_windows_share_a_scale_and_hold_the_heat(clinic: Clinic) -> None:
    atlas = clinic.atlas
    counts = {("trapezius_upper", "right"): 3, ("quadratus_lumborum", "right"): 1}
    windows = heat_windows(atlas, ["anterior", "posterior"], counts)
    sizes = {(round(w[2] - w[0], 3), round(w[3] - w[1], 3)) for w in windows.values()}
    assert len(sizes) == 1
    x0, y0, x1, y1 = windows["posterior"]
    for muscle in ("trapezius_upper", "quadratus_lumborum"):
        shape = atlas.geometry("posterior").shape(muscle, "right")
        assert shape is not None
        bx0, by0, bx1, by1 = shape.outline.bbox
        assert x0 <= bx0 and bx1 <= x1 and y0 <= by0 and by1 <= y1


def _fills(page: pdfplumber.page.Page) -> set[tuple[float, float, float]]:
    found = set()
    for curve in page.curves:
        colour = curve.get("non_stroking_color")
        if colour and len(colour) == 3 and curve.get("fill"):
            found.add(tuple(round(c, 2) for c in colour))
    return found


def _rgb(colour: object) -> tuple[float, float, float]:
    return (round(colour.red, 2), round(colour.green, 2), round(colour.blue, 2))  # type: ignore[attr-defined]


# The PDF -------------------------------------------------------------------------------


def test_pdf_reads_as_a_progress_report(clinic: Clinic, course: int) -> None:
    data = _pdf(clinic, course)
    reader = PdfReader(io.BytesIO(data))
    pages = len(reader.pages)
    assert 1 <= pages <= 2
    text = _text(data)
    for expected in (
        "Physio Praxis Müller",
        "Progress report",
        "Zoë Łukasiewicz",
        "born 29 Feb 1980",
        "All sessions",
        "Pain on arrival went down from 7 to 3 out of 10 over 11 sessions: a change of 4 "
        "points, more than the 2 points that count as a meaningful change.",
        "2.1 points lower after treatment",
        "11 sessions between 6 Jan 2025 and 5 May 2025; 11 muscles were needled",
        "most often the upper trapezius (right): in 10 of 11 sessions.",
        "Upper trapezius",
        "Levator scapulae",
        "Quadratus lumborum",
        "10 of 11",
        "Within 2 points of the first score",
        "Before treatment",
        "After treatment",
        "Sessions in which the muscle was needled",
        "Mon 6 Jan 2025",
        "7 to 5",
        "3 to —",
        "Draft",
        f"Page 1 of {pages}",
    ):
        assert expected in text, expected
    assert "Other Patient" not in text and "Gastrocnemius" not in text
    assert reader.metadata.title == "Progress report: Zoë Łukasiewicz"
    assert reader.metadata.subject.startswith("Dry-needling progress")
    assert reader.metadata.author == "Physio Praxis Müller"


def test_pdf_draws_vectors_in_the_shared_heat_colours_with_embedded_fonts(
    clinic: Clinic, course: int
) -> None:
    data = _pdf(clinic, course)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert not any(page.images for page in pdf.pages)  # drawn, not pasted
        curves = sum(len(page.curves) for page in pdf.pages)
        lines = sum(len(page.lines) for page in pdf.pages)
        fills = set().union(*(_fills(page) for page in pdf.pages))
    assert curves > 300 and lines > 20
    # the most needled muscle (10 sessions) at the top of the scale, levator (5) in the middle
    assert _rgb(heat_color(10, 10)) in fills
    assert _rgb(heat_color(5, 10)) in fills
    embedded = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                embedded.add(str(font["/BaseFont"]))
    assert any("NotoSans-Regular" in name for name in embedded)
    assert any("NotoSans-Bold" in name for name in embedded)


def test_period_filter_changes_the_document(clinic: Clinic, course: int) -> None:
    data = _pdf(clinic, course, "2025-03-17", "2025-04-14")
    text = _text(data)
    assert "17 Mar 2025 to 14 Apr 2025" in text
    assert "went down from 4 to 3 out of 10 over 3 sessions" in text
    assert "less than the 2 points" in text
    assert "Temporalis" in text and "Head and neck" in text  # needled in this period
    assert "Levator scapulae" in text
    assert "Supraspinatus" not in text and "Quadratus lumborum" not in text
    assert "Mon 6 Jan 2025" not in text and "Mon 14 Apr 2025" in text
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fills = set().union(*(_fills(page) for page in pdf.pages))
    # the top of the scale is now 3 sessions (upper trapezius), not 10
    assert _rgb(heat_color(3, 3)) in fills
    assert _rgb(heat_color(1, 3)) in fills


def test_no_sessions_still_makes_a_report(clinic: Clinic, course: int) -> None:
    data = _pdf(clinic, course, "2026-01-01", "2026-06-30")
    text = _text(data)
    assert "There were no sessions in this period." in text
    assert "Pain was not scored in this period." in text
    assert "Page 1 of 1" in text


def test_chart_scales_pain_on_the_y_axis(clinic: Clinic, course: int) -> None:
    report = clinic.progress.report(course)
    drawing = pain_chart(report, 500, 180)
    labels = [
        item.text
        for item in drawing.getContents()
        if hasattr(item, "text") and item.text.isdigit() and int(item.text) <= 10
    ]
    assert {"0", "2", "4", "6", "8", "10"} <= set(labels)


def test_letter_paper_and_a_long_history_stay_readable(clinic: Clinic, course: int) -> None:
    clinic.settings.update(page_size="Letter")
    reader = PdfReader(io.BytesIO(_pdf(clinic, course)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert len(reader.pages) <= 3


def _report_of(scores: list[tuple[int | None, int | None]]) -> ProgressReport:
    """A report built directly from pain scores, one session a week (the domain alone)."""
    moments = [
        datetime(2025, 1, 6, 10, tzinfo=UTC) + timedelta(weeks=i) for i in range(len(scores))
    ]
    sessions = tuple(
        SessionSummary(
            session_id=i + 1,
            patient_id=1,
            started_at=moment,
            status=SessionStatus.SIGNED,
            nprs_before=before,
            nprs_after=after,
            practitioner_id=None,
            muscle_count=1,
            point_count=1,
            adverse_event_count=0,
            amended=False,
        )
        for i, (moment, (before, after)) in enumerate(zip(moments, scores, strict=True))
    )
    pain = tuple(
        PainPoint(s.session_id, s.started_at, s.nprs_before, s.nprs_after)
        for s in sessions
        if s.nprs_before is not None or s.nprs_after is not None
    )
    patient = Patient(
        id=1, given_names="A", family_name="B", birth_date=date(1970, 1, 1), sex=Sex.FEMALE
    )
    return ProgressReport(patient, None, None, sessions, pain, ())


def test_worsening_is_named_as_such() -> None:
    report = _report_of([(2, 1), (3, 2), (None, None), (5, 5)])
    assert report.change == 3 and report.worsened and report.reaches_mcid and not report.improved
    assert report.scored_span == 4
    assert report.pain_summary == (
        "Pain on arrival went up from 2 to 5 out of 10 over 4 sessions: a change of 3 points, "
        "more than the 2 points that count as a meaningful change."
    )
    assert report.mean_within_session_change == pytest.approx(-2 / 3)


def test_unscored_first_sessions_do_not_start_the_trend() -> None:
    report = _report_of([(None, 3), (8, 6), (6, 4)])
    assert (report.first_before, report.last_before, report.change) == (8, 6, -2)
    assert report.scored_span == 2  # from the first scored session, not the first session
    assert "over 2 sessions" in report.pain_summary
    assert report.improved
