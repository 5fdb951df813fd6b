"""Reviewing past sessions in the GUI: timeline, read-only session, compare, heatmap with muscle
history, pain trend, and the clinic-wide session search, each checked against the database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView

from needlemap.domain.clock import local_today
from needlemap.domain.point import PointSettings
from needlemap.services import Clinic
from needlemap.ui.main_window import MainWindow
from needlemap.ui.patients.patient_file import PatientFile
from needlemap.ui.patients.sessions_model import SessionListModel
from needlemap.ui.review.compare_page import NEW, REPEATED, STOPPED
from needlemap.ui.review.find_sessions import PAGE_SIZE, SessionSearchModel
from needlemap.ui.review.heat import heat_colour
from tests.support.charting import consent, mark
from tests.support.db import rows
from tests.support.gui import choose, click_scene, reactivate

# (days ago, NPRS before, after, muscles needled as (muscle, side, twitches, familiar pain))
HISTORY = (
    (200, 8, 6, (("trapezius_upper", "right", 2, True), ("levator_scapulae", "right", 1, True))),
    (60, 7, 4, (("trapezius_upper", "right", 1, True), ("infraspinatus", "right", 0, False))),
    (20, 5, 3, (("trapezius_upper", "right", 0, False), ("gluteus_medius", "left", 3, True))),
)


def ago(days: int) -> datetime:
    return (
        datetime.combine(local_today() - timedelta(days=days), datetime.min.time())
        .replace(hour=10)
        .astimezone()
    )


@pytest.fixture
def patient(clinic: Clinic, practitioner_id: int) -> tuple[int, list[int]]:
    """A patient with three signed sessions over seven months, and their session ids."""
    patient_id = clinic.patients.create(
        given_names="Ingrid", family_name="Halvorsen", birth_date="1968-05-17"
    ).id
    sessions = []
    for days, before, after, muscles in HISTORY:
        session = clinic.sessions.start(
            patient_id, practitioner_id=practitioner_id, started_at=ago(days), nprs_before=before
        )
        consent(clinic, session.id, practitioner_id)
        for muscle_id, side, twitches, familiar in muscles:
            mark(
                clinic,
                session.id,
                muscle_id,
                side,
                settings=PointSettings(ltr_count=twitches, familiar_pain=familiar),
            )
        clinic.sessions.update(session.id, nprs_after=after)
        clinic.sessions.sign(session.id, practitioner_id=practitioner_id)
        sessions.append(session.id)
    return patient_id, sessions


def open_file(qtbot, window: MainWindow, patient_id: int) -> PatientFile:
    window.open_patient(patient_id)
    patient_file = window.patient_file
    qtbot.waitUntil(lambda: patient_file.sessions_model.rowCount() > 0)
    return patient_file


def click_row(qtbot, view: QAbstractItemView, row: int, *, ctrl: bool = False) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, QPoint(rect.center()))


def test_timeline_shows_each_session_as_stored(
    qtbot, make_window, clinic: Clinic, db_path: Path, patient
) -> None:
    patient_id, _ = patient
    patient_file = open_file(qtbot, make_window(clinic), patient_id)
    model = patient_file.sessions_model
    stored = rows(
        db_path,
        """SELECT s.id, s.nprs_before, s.nprs_after, s.status,
                  (SELECT COUNT(DISTINCT muscle_id || side) FROM needled_points p
                   WHERE p.session_id = s.id)
           FROM sessions s WHERE patient_id = ? ORDER BY started_at DESC""",
        patient_id,
    )
    shown = [
        (
            model.index(r, 0).data(SessionListModel.SessionIdRole),
            model.index(r, SessionListModel.PAIN).data(),
            model.index(r, SessionListModel.MUSCLES).data(),
            model.index(r, SessionListModel.STATUS).data(),
            model.index(r, SessionListModel.CHANGE).data(),
        )
        for r in range(model.rowCount())
    ]
    assert shown == [
        (sid, f"{before} → {after}", str(muscles), "Signed", f"−{before - after}")
        for sid, before, after, _status, muscles in stored
    ]


def test_a_session_opened_from_the_timeline_is_read_only(
    qtbot, make_window, clinic: Clinic, db_path: Path, patient, practitioner_id: int
) -> None:
    patient_id, _ = patient
    draft = clinic.sessions.start(patient_id, practitioner_id=practitioner_id, nprs_before=4)
    consent(clinic, draft.id, practitioner_id)
    window = make_window(clinic)
    patient_file = open_file(qtbot, window, patient_id)
    qtbot.waitUntil(lambda: patient_file.sessions_model.rowCount() == 4)
    row = patient_file.sessions_model.row_of(draft.id)
    click_row(qtbot, patient_file.sessions, row)
    qtbot.keyClick(patient_file.sessions, Qt.Key.Key_Return)
    workspace = window.workspace
    assert window.pages.currentWidget() is workspace
    assert workspace.reviewing and not workspace.editable
    assert workspace.header.status_label.text() == "Draft — read-only review"
    assert not workspace.header.nprs_before.isEnabled()

    # a click on a muscle of the read-only map charts nothing
    spot = clinic.atlas.default_position("deltoid_anterior", "right")
    workspace.map.show_view(spot.view)
    click_scene(qtbot, workspace.map.view, spot.x, spot.y)
    assert rows(db_path, "SELECT COUNT(*) FROM needled_points WHERE session_id = ?", draft.id) == [
        (0,)
    ]
    # continuing the draft makes the same click chart a point
    qtbot.mouseClick(workspace.header.continue_button, Qt.MouseButton.LeftButton)
    assert workspace.editable and not workspace.header.continue_button.isVisible()
    reactivate(qtbot, workspace)
    click_scene(qtbot, workspace.map.view, spot.x, spot.y)
    assert rows(
        db_path, "SELECT muscle_id, side FROM needled_points WHERE session_id = ?", draft.id
    ) == [("deltoid_anterior", "right")]


def test_comparing_two_sessions(qtbot, make_window, clinic: Clinic, db_path: Path, patient) -> None:
    patient_id, (first, second, _third) = patient
    window = make_window(clinic)
    patient_file = open_file(qtbot, window, patient_id)
    model = patient_file.sessions_model
    assert not patient_file.compare_button.isEnabled()
    click_row(qtbot, patient_file.sessions, model.row_of(first))
    click_row(qtbot, patient_file.sessions, model.row_of(second), ctrl=True)
    assert patient_file.compare_button.isEnabled()
    qtbot.mouseClick(patient_file.compare_button, Qt.MouseButton.LeftButton)
    page = window.compare_page
    assert window.pages.currentWidget() is page

    def muscles(session_id: int) -> set[tuple[str, str]]:
        found = rows(
            db_path, "SELECT muscle_id, side FROM needled_points WHERE session_id = ?", session_id
        )
        return {(str(m), str(s)) for m, s in found}

    earlier, later = muscles(first), muscles(second)
    comparison = page.comparison
    assert comparison is not None
    assert comparison.earlier.session_id == first  # the older session is on the left
    assert set(comparison.new) == later - earlier == {("infraspinatus", "right")}
    assert set(comparison.repeated) == later & earlier == {("trapezius_upper", "right")}
    assert set(comparison.stopped) == earlier - later == {("levator_scapulae", "right")}
    assert [page.new_list.item(i).text() for i in range(page.new_list.count())] == [
        "Infraspinatus, right"
    ]
    assert [page.stopped_list.item(i).text() for i in range(page.stopped_list.count())] == [
        "Levator scapulae, right"
    ]
    # the maps carry both sessions' markers and tint what changed
    later_scene = page.later.map.scene_for("posterior")
    earlier_scene = page.earlier.map.scene_for("posterior")
    later_points = rows(db_path, "SELECT id FROM needled_points WHERE session_id = ?", second)
    for (point_id,) in later_points:
        assert point_id in later_scene.markers or any(
            point_id in page.later.map.scene_for(v.id).markers for v in clinic.atlas.views
        )
    assert later_scene.heat_of(("infraspinatus", "right")) == NEW
    assert later_scene.heat_of(("trapezius_upper", "right")) == REPEATED
    assert earlier_scene.heat_of(("levator_scapulae", "right")) == STOPPED
    # pain on arrival 8 then 7: less than the minimal important change
    assert page.pain.text().startswith("Pain on arrival: 8 then 7 (−1)")
    assert "less than the 2 points" in page.pain.text()
    # the maps follow each other
    page.earlier.map.show_view("anterior")
    assert page.later.map.current_view == "anterior"
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is patient_file


def _progress(qtbot, patient_file: PatientFile):
    tab_bar = patient_file.tabs.tabBar()
    qtbot.mouseClick(
        tab_bar,
        Qt.MouseButton.LeftButton,
        pos=tab_bar.tabRect(patient_file.progress_tab).center(),
    )
    progress = patient_file.progress
    qtbot.waitUntil(lambda: progress.patient_id is not None)
    return progress


def test_heatmap_counts_per_period_and_muscle_history(
    qtbot, make_window, clinic: Clinic, db_path: Path, patient
) -> None:
    patient_id, _ = patient
    patient_file = open_file(qtbot, make_window(clinic), patient_id)
    progress = _progress(qtbot, patient_file)

    def stored_counts(since: date | None) -> dict[tuple[str, str], int]:
        sql = """SELECT p.muscle_id, p.side, COUNT(DISTINCT s.id) FROM needled_points p
                 JOIN sessions s ON s.id = p.session_id
                 WHERE s.patient_id = ? {} GROUP BY p.muscle_id, p.side"""
        if since is None:
            found = rows(db_path, sql.format(""), patient_id)
        else:
            start = datetime.combine(since, datetime.min.time()).astimezone().astimezone(UTC)
            found = rows(
                db_path,
                sql.format("AND s.started_at >= ?"),
                patient_id,
                start.strftime("%Y-%m-%d %H:%M:%S.%f"),
            )
        return {(str(m), str(s)): int(n) for m, s, n in found}

    # the default period is the last 12 months: all three sessions
    assert progress.counts == stored_counts(None)
    assert progress.counts[("trapezius_upper", "right")] == 3
    scene = progress.map.scene_for("posterior")
    assert scene.heat_of(("trapezius_upper", "right")) == heat_colour(3, 3)
    assert scene.heat_of(("levator_scapulae", "right")) == heat_colour(1, 3)
    assert scene.heat_of(("latissimus_dorsi", "left")) is None  # never needled: muted
    assert progress.legend.highest == 3

    # the last 3 months leave out the session of 200 days ago
    choose(qtbot, progress.period.choice, "Last 3 months")
    three_months = stored_counts(local_today() - timedelta(days=91))
    assert progress.counts == three_months
    assert ("levator_scapulae", "right") not in progress.counts
    assert scene.heat_of(("levator_scapulae", "right")) is None

    # a click on the right upper trapezius lists every session it was needled in
    spot = clinic.atlas.default_position("trapezius_upper", "right")
    progress.map.show_view(spot.view)
    click_scene(qtbot, progress.map.view, spot.x, spot.y)
    visits = progress.history.model
    stored = rows(
        db_path,
        """SELECT s.id, SUM(p.ltr_count) FROM needled_points p JOIN sessions s
           ON s.id = p.session_id WHERE s.patient_id = ? AND p.muscle_id = 'trapezius_upper'
           AND p.side = 'right' GROUP BY s.id ORDER BY s.started_at DESC""",
        patient_id,
    )
    assert [
        (visits.visit(r).session_id, visits.visit(r).ltr_total) for r in range(visits.rowCount())
    ] == stored
    assert "needled in 3 sessions, 2 in this period" in progress.history.title.text()
    assert [visits.index(r, visits.FAMILIAR).data() for r in range(visits.rowCount())] == [
        "no",
        "yes",
        "yes",
    ]


def test_pain_trend_follows_the_scores(
    qtbot, make_window, clinic: Clinic, db_path: Path, patient
) -> None:
    patient_id, _ = patient
    patient_file = open_file(qtbot, make_window(clinic), patient_id)
    progress = _progress(qtbot, patient_file)
    stored = rows(
        db_path,
        "SELECT nprs_before, nprs_after FROM sessions WHERE patient_id = ? ORDER BY started_at",
        patient_id,
    )
    assert [(p.before, p.after) for p in progress.chart.points] == stored
    sentence = (
        "Pain on arrival went down from 8 to 5 out of 10 over 3 sessions: a change of 3 "
        "points, more than the 2 points that count as a meaningful change."
    )
    assert sentence in progress.summary.text()
    assert progress.chart.accessibleDescription() == sentence


def test_find_sessions_across_the_clinic(qtbot, make_window, clinic: Clinic, db_path: Path) -> None:
    clinic.demo.build(patients=40, seed=11, until=local_today())
    window = make_window(clinic)
    window.find_sessions_action.trigger()
    page = window.find_page
    assert window.pages.currentWidget() is page
    (total,) = rows(db_path, "SELECT COUNT(*) FROM sessions")[0]
    assert total > PAGE_SIZE
    assert page.model.total == total
    assert page.model.rowCount() == PAGE_SIZE  # the rest loads as the table scrolls
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE_SIZE)
    assert page.count.text() == f"{total:,} sessions"

    # by muscle: type part of its name and pick it
    muscle_id = str(
        rows(
            db_path,
            "SELECT muscle_id FROM needled_points GROUP BY muscle_id ORDER BY COUNT(*) DESC",
        )[0][0]
    )
    name = clinic.atlas.muscle(muscle_id).name
    page.muscle.setFocus()
    page.muscle.lineEdit().selectAll()
    qtbot.keyClicks(page.muscle.lineEdit(), name)
    qtbot.keyClick(page.muscle.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.query.muscle_id == muscle_id)
    (with_muscle,) = rows(
        db_path,
        "SELECT COUNT(DISTINCT session_id) FROM needled_points WHERE muscle_id = ?",
        muscle_id,
    )[0]
    assert page.model.total == with_muscle
    hits = [page.model.hit(r) for r in range(page.model.rowCount())]
    assert all(muscle_id in hit.muscle_ids for hit in hits)

    # a session found opens for review in its patient's context
    session_id = page.model.hit(0).session_id
    click_row(qtbot, page.table, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.workspace
    assert window.workspace.session is not None
    assert window.workspace.session.id == session_id
    assert window.workspace.reviewing
    window.find_sessions_action.trigger()
    assert page.model.query.muscle_id == muscle_id  # the filters are kept

    # and with an adverse event
    choose(qtbot, page.adverse, "With an adverse event")
    qtbot.waitUntil(lambda: page.model.query.adverse_event is True)
    (with_event,) = rows(
        db_path,
        """SELECT COUNT(DISTINCT p.session_id) FROM needled_points p
           JOIN adverse_events a ON a.session_id = p.session_id WHERE p.muscle_id = ?""",
        muscle_id,
    )[0]
    assert 0 < page.model.total == with_event
    shown = [
        page.model.index(r, SessionSearchModel.EVENTS).data() for r in range(page.model.rowCount())
    ]
    assert all(text not in ("", None) for text in shown)


def test_a_muscle_clicked_off_the_body_names_nothing(
    qtbot, make_window, clinic: Clinic, patient
) -> None:
    patient_id, _ = patient
    patient_file = open_file(qtbot, make_window(clinic), patient_id)
    progress = _progress(qtbot, patient_file)
    progress.map.show_view("posterior")
    click_scene(qtbot, progress.map.view, 5, 5)
    assert progress.history.model.rowCount() == 0
    assert progress.history.title.text().startswith("Click a muscle")


def test_progress_report_button_writes_the_pdf(
    qtbot, make_window, clinic: Clinic, patient, tmp_path: Path, monkeypatch
) -> None:
    patient_id, _ = patient
    window = make_window(clinic)
    progress = _progress(qtbot, open_file(qtbot, window, patient_id))
    choose(qtbot, progress.period.choice, "Last 3 months")
    target = tmp_path / "out" / "progress.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(
        "needlemap.ui.export.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), "PDF documents (*.pdf)"),
    )
    qtbot.mouseClick(progress.report_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert target.stat().st_mode & 0o777 == 0o600
    text = " ".join("\n".join(page.extract_text() for page in PdfReader(str(target)).pages).split())
    assert "Ingrid Halvorsen" in text
    # the period chosen on screen: two sessions, the 200-day-old one left out
    assert progress.report is not None and progress.report.session_count == 2
    assert progress.report.pain_summary in text
    assert "Levator scapulae" not in text
    assert window.statusBar().currentMessage().startswith("Saved 1 PDF")
