"""Safety records through the real widgets: the contraindication screening and adverse events.

Each test opens the patient file in a real main window, clicks the real buttons and checkboxes,
types into the fields, and then reads the rows back from the SQLite file with plain SQL.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from needlemap.domain.clock import local_today
from needlemap.domain.point import NeedledPoint
from needlemap.domain.safety import Acknowledgement, SafetyCheckRequired
from needlemap.domain.screening import SCREENING_ITEMS, ScreeningFinding
from needlemap.domain.vocabulary import AdverseEventType, Limb, SeverityScheme
from needlemap.services import Clinic
from needlemap.ui.main_window import MainWindow
from needlemap.ui.patients.patient_file import PatientFile
from needlemap.ui.patients.screening_dialog import ScreeningDialog
from needlemap.ui.session.adverse_event_dialog import (
    DEFAULT_AMENDMENT_REASON,
    AdverseEventDialog,
)
from tests.support.db import rows
from tests.support.gui import choose, tick

# Helpers ---------------------------------------------------------------------------------


def retype(qtbot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def mark(clinic: Clinic, session_id: int, muscle_id: str, side: str) -> NeedledPoint:
    """Chart a point at the muscle's reference spot, acknowledging its danger-zone prompt."""
    position = clinic.atlas.default_position(muscle_id, side)
    assert position is not None, f"{muscle_id} is not drawn on the {side}"
    where = {"muscle_id": muscle_id, "side": side, "view": position.view}
    where |= {"x": position.x, "y": position.y}
    try:
        return clinic.points.mark(session_id, **where)  # type: ignore[arg-type]
    except SafetyCheckRequired as pending:
        answers = [
            Acknowledgement(c.kind, c.key, "Pincer grip, needle across") for c in pending.checks
        ]
        return clinic.points.mark(session_id, **where, acknowledgements=answers)  # type: ignore[arg-type]


def findings(db: Path) -> dict[str, tuple[object, ...]]:
    """The latest screening's findings by code: (present, notes, limbs)."""
    latest = rows(db, "SELECT id FROM screenings ORDER BY screened_on DESC, id DESC LIMIT 1")
    found = rows(
        db,
        "SELECT code, present, notes, limbs FROM screening_findings WHERE screening_id = ?",
        latest[0][0],
    )
    return {str(code): (present, notes, limbs) for code, present, notes, limbs in found}


# Fixtures --------------------------------------------------------------------------------


@pytest.fixture
def patient_id(clinic: Clinic) -> int:
    return clinic.patients.create(
        given_names="Zoë", family_name="Łukasiewicz", birth_date="1980-02-29"
    ).id


@pytest.fixture
def window(make_window, clinic: Clinic, practitioner_id: int) -> MainWindow:
    opened = make_window(clinic)
    # The patient file records who is at the keyboard against screenings and adverse events.
    opened.patient_file.practitioner_id = practitioner_id
    return opened


def open_file(qtbot, window: MainWindow, patient_id: int, sessions: int = 0) -> PatientFile:
    window.open_patient(patient_id)
    patient_file = window.patient_file
    qtbot.waitUntil(lambda: patient_file.sessions_model.rowCount() == sessions)
    qtbot.waitUntil(lambda: not patient_file.busy.isVisible())
    return patient_file


def open_screening(qtbot, patient_file: PatientFile) -> ScreeningDialog:
    click(qtbot, patient_file.screening_button)
    dialog = patient_file.screening_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def select_session(qtbot, patient_file: PatientFile, row: int) -> None:
    table = patient_file.sessions
    index = patient_file.sessions_model.index(row, 0)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert len(patient_file.selected_sessions()) == 1


def open_adverse_event(qtbot, patient_file: PatientFile, row: int = 0) -> AdverseEventDialog:
    select_session(qtbot, patient_file, row)
    click(qtbot, patient_file.adverse_event_button)
    dialog = patient_file.adverse_event_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def charted(clinic: Clinic, patient_id: int, practitioner_id: int) -> int:
    """A draft session, started two hours ago, with two needled points."""
    started = QDateTime.currentDateTime().addSecs(-2 * 3600).toPython()
    session = clinic.sessions.start(patient_id, practitioner_id=practitioner_id, started_at=started)
    clinic.sessions.record_consent(
        session.id, method="verbal", obtained_by_id=practitioner_id, text_version="DN consent 1"
    )
    mark(clinic, session.id, "trapezius_upper", "right")
    mark(clinic, session.id, "gluteus_medius", "right")
    return session.id


# Screening -------------------------------------------------------------------------------


def test_recording_a_screening_through_the_dialog(
    qtbot, window: MainWindow, clinic: Clinic, db_path: Path, patient_id: int, practitioner_id: int
) -> None:
    patient_file = open_file(qtbot, window, patient_id)
    assert patient_file.banner.text() == "Not screened yet for contraindications."
    dialog = open_screening(qtbot, patient_file)
    assert dialog.screened_on.date() == dialog.screened_on.maximumDate()  # today, no later
    rows_by_code = dialog.rows
    assert list(rows_by_code) == [item.code for item in SCREENING_ITEMS]
    assert rows_by_code["bleeding_tendency"].present.toolTip() == SCREENING_ITEMS[6].prompt

    tick(qtbot, rows_by_code["needle_phobia"].present)
    qtbot.keyClicks(rows_by_code["needle_phobia"].notes, "Fainted at a blood test in 2019")
    tick(qtbot, rows_by_code["bleeding_tendency"].present)
    qtbot.keyClicks(rows_by_code["bleeding_tendency"].notes, "Apixaban 5 mg twice daily")
    lymphoedema = rows_by_code["lymphoedema"]
    assert not lymphoedema.limbs[Limb.LEFT_ARM].isEnabled()
    tick(qtbot, lymphoedema.present)
    assert lymphoedema.limbs[Limb.LEFT_ARM].isEnabled()
    tick(qtbot, lymphoedema.limbs[Limb.LEFT_ARM])
    qtbot.keyClicks(lymphoedema.notes, "After axillary clearance")
    qtbot.keyClicks(dialog.notes, "GP letter on file")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.save_button)

    assert dialog.saved is not None
    screenings = rows(
        db_path, "SELECT patient_id, screened_on, practitioner_id, notes FROM screenings"
    )
    assert screenings == [
        (patient_id, local_today().isoformat(), practitioner_id, "GP letter on file")
    ]
    answered = findings(db_path)
    assert set(answered) == {item.code for item in SCREENING_ITEMS}  # every item answered
    assert answered["needle_phobia"] == (1, "Fainted at a blood test in 2019", "")
    assert answered["bleeding_tendency"] == (1, "Apixaban 5 mg twice daily", "")
    assert answered["lymphoedema"] == (1, "After axillary clearance", "left_arm")
    assert answered["diabetes"] == (0, "", "")
    assert sum(present for present, _notes, _limbs in answered.values()) == 3  # type: ignore[misc]
    banner = patient_file.banner.text()
    assert "absolute: Needle phobia, Lymphoedema (left arm)" in banner
    assert "relative: Bleeding tendency or anticoagulant/antiplatelet use" in banner
    assert "re-screening due" not in banner


def test_lymphoedema_without_a_limb_stays_in_the_dialog_and_saves_nothing(
    qtbot, window: MainWindow, db_path: Path, patient_id: int
) -> None:
    dialog = open_screening(qtbot, open_file(qtbot, window, patient_id))
    lymphoedema = dialog.rows["lymphoedema"]
    tick(qtbot, lymphoedema.present)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.saved is None
    assert dialog.error.text() == "Lymphoedema: say which limb is affected."
    assert "c62828" in dialog.error.styleSheet()
    assert rows(db_path, "SELECT COUNT(*) FROM screenings") == [(0,)]
    assert rows(db_path, "SELECT COUNT(*) FROM screening_findings") == [(0,)]
    # Unticking lymphoedema greys the limbs out again and the screening then saves.
    tick(qtbot, lymphoedema.present)
    assert not lymphoedema.limbs[Limb.RIGHT_LEG].isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.save_button)
    assert rows(db_path, "SELECT COUNT(*) FROM screenings") == [(1,)]
    assert window.patient_file.banner.text().endswith("no findings.")


def test_the_screening_date_can_be_earlier_but_never_in_the_future(
    qtbot, window: MainWindow, db_path: Path, patient_id: int
) -> None:
    dialog = open_screening(qtbot, open_file(qtbot, window, patient_id))
    dialog.screened_on.setFocus()
    qtbot.keyClick(dialog.screened_on, Qt.Key.Key_Up)  # today is the latest it goes
    assert dialog.screened_on.date().toPython() == local_today()
    qtbot.keyClick(dialog.screened_on, Qt.Key.Key_Down)
    yesterday = local_today() - timedelta(days=1)
    assert dialog.screened_on.date().toPython() == yesterday
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.save_button)
    assert rows(db_path, "SELECT screened_on FROM screenings") == [(yesterday.isoformat(),)]


def test_banner_shows_findings_and_the_rescreen_reminder(
    qtbot, window: MainWindow, clinic: Clinic, patient_id: int
) -> None:
    clinic.settings.update(rescreen_after_days=180)
    clinic.patients.record_screening(
        patient_id,
        findings={
            "lymphoedema": ScreeningFinding("lymphoedema", True, limbs=(Limb.LEFT_ARM,)),
            "diabetes": True,
            "epilepsy": False,
        },
        screened_on=local_today() - timedelta(days=200),
    )
    patient_file = open_file(qtbot, window, patient_id)
    banner = patient_file.banner.text()
    assert banner.startswith("⚠ Screening ")
    assert "absolute: Lymphoedema (left arm); relative: Diabetes" in banner
    assert "re-screening due (last screened 200 days ago)" in banner
    assert "Epilepsy" not in banner

    # A clinic that re-screens yearly is not yet due.
    clinic.settings.update(rescreen_after_days=365)
    window.open_patient(patient_id)
    assert "re-screening due" not in patient_file.banner.text()

    # Re-screening today through the dialog clears the reminder at once.
    clinic.settings.update(rescreen_after_days=180)
    dialog = open_screening(qtbot, patient_file)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.save_button)
    banner = patient_file.banner.text()
    assert "re-screening due" not in banner
    assert "Lymphoedema (left arm)" in banner  # carried over by the pre-fill


def test_an_old_screening_without_findings_still_reminds(
    qtbot, window: MainWindow, clinic: Clinic, patient_id: int
) -> None:
    clinic.patients.record_screening(
        patient_id, findings={"diabetes": False}, screened_on=local_today() - timedelta(days=181)
    )
    banner = open_file(qtbot, window, patient_id).banner.text()
    assert "no findings" in banner
    assert banner.endswith("re-screening due (last screened 181 days ago)")


def test_rescreening_starts_from_the_latest_answers(
    qtbot, window: MainWindow, clinic: Clinic, db_path: Path, patient_id: int
) -> None:
    clinic.patients.record_screening(
        patient_id,
        findings={"diabetes": (True, "Type 1"), "pregnancy": True},
        screened_on=local_today() - timedelta(days=90),
    )
    clinic.patients.record_screening(  # the latest: what the dialog starts from
        patient_id,
        findings={
            "diabetes": (True, "Type 2, metformin"),
            "lymphoedema": ScreeningFinding(
                "lymphoedema", True, "Since 2021", limbs=(Limb.RIGHT_LEG,)
            ),
        },
        screened_on=local_today() - timedelta(days=30),
    )
    dialog = open_screening(qtbot, open_file(qtbot, window, patient_id))
    diabetes = dialog.rows["diabetes"]
    lymphoedema = dialog.rows["lymphoedema"]
    assert diabetes.present.isChecked()
    assert diabetes.notes.text() == "Type 2, metformin"
    assert not dialog.rows["pregnancy"].present.isChecked()  # only from the older screening
    assert lymphoedema.present.isChecked()
    assert lymphoedema.notes.text() == "Since 2021"
    assert lymphoedema.limbs[Limb.RIGHT_LEG].isChecked()
    assert lymphoedema.limbs[Limb.RIGHT_LEG].isEnabled()
    assert not lymphoedema.limbs[Limb.LEFT_LEG].isChecked()
    assert "pre-filled from the screening of" in dialog.source.text()

    # Only what changed needs a click: the pregnancy is new, the rest is confirmed as it was.
    tick(qtbot, dialog.rows["pregnancy"].present)
    qtbot.keyClicks(dialog.rows["pregnancy"].notes, "12 weeks")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.save_button)
    assert rows(db_path, "SELECT COUNT(*) FROM screenings") == [(3,)]
    answered = findings(db_path)
    assert answered["diabetes"] == (1, "Type 2, metformin", "")
    assert answered["lymphoedema"] == (1, "Since 2021", "right_leg")
    assert answered["pregnancy"] == (1, "12 weeks", "")


def test_screening_dialog_is_accessible_and_tabs_in_reading_order(
    qtbot, window: MainWindow, patient_id: int
) -> None:
    dialog = open_screening(qtbot, open_file(qtbot, window, patient_id))
    assert_every_control_named(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    def tab_from(widget: QWidget) -> QWidget | None:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        return QApplication.focusWidget()

    first = dialog.rows["needle_phobia"]
    dialog.screened_on.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(3):  # Tab walks the day, month and year sections first, then moves on
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.present
    assert tab_from(first.present) is first.notes
    assert tab_from(first.notes) is dialog.rows["unwilling"].present
    lymphoedema = dialog.rows["lymphoedema"]
    tick(qtbot, lymphoedema.present)  # the limbs join the tab order once they apply
    assert tab_from(lymphoedema.notes) is lymphoedema.limbs[Limb.RIGHT_ARM]
    assert tab_from(dialog.rows["other_relative"].notes) is dialog.notes
    assert tab_from(dialog.notes) is dialog.save_button
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible()


def assert_every_control_named(dialog: QWidget) -> None:
    controls = (QCheckBox, QLineEdit, QComboBox, QPlainTextEdit, QAbstractSpinBox)
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, controls) or isinstance(widget.parent(), QAbstractSpinBox):
            continue  # the line edit inside a date editor is part of it
        assert widget.accessibleName(), f"{type(widget).__name__} {widget.objectName()!r} unnamed"


# Adverse events --------------------------------------------------------------------------


def test_adverse_event_on_a_draft_session(
    qtbot,
    window: MainWindow,
    clinic: Clinic,
    db_path: Path,
    patient_id: int,
    practitioner_id: int,
    charted: int,
) -> None:
    patient_file = open_file(qtbot, window, patient_id, sessions=1)
    dialog = open_adverse_event(qtbot, patient_file)
    assert not dialog.signed_note.isVisible()
    assert not dialog.reason.isVisible()
    points = [dialog.point.itemText(i) for i in range(dialog.point.count())]
    assert points[1:] == ["1 · Upper trapezius, right", "2 · Gluteus medius, right"]

    choose(qtbot, dialog.type, "Bruising")
    qtbot.keyClicks(dialog.duration, "3 days")
    dialog.action.setFocus()
    qtbot.keyClicks(dialog.action, "Pressure for two minutes, ice advised")
    choose(qtbot, dialog.point, "2")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.save_button)

    point_id = clinic.points.for_session(charted)[1].id
    events = rows(
        db_path,
        "SELECT session_id, type, severity, scheme, duration, action_taken, point_id, "
        "recorded_by_id FROM adverse_events",
    )
    assert events == [
        (
            charted,
            "bruising",
            "mild",
            "white",
            "3 days",
            "Pressure for two minutes, ice advised",
            point_id,
            practitioner_id,
        )
    ]
    assert rows(db_path, "SELECT COUNT(*) FROM amendments") == [(0,)]
    assert window.statusBar().currentMessage() == "Adverse event recorded."


def test_adverse_event_on_a_signed_session_becomes_an_amendment(
    qtbot,
    window: MainWindow,
    clinic: Clinic,
    db_path: Path,
    patient_id: int,
    practitioner_id: int,
    charted: int,
) -> None:
    clinic.sessions.sign(charted, practitioner_id=practitioner_id)
    patient_file = open_file(qtbot, window, patient_id, sessions=1)
    dialog = open_adverse_event(qtbot, patient_file)
    assert dialog.signed_note.isVisible()
    assert "added as an amendment to the signed session" in dialog.signed_note.text()
    assert dialog.reason.text() == DEFAULT_AMENDMENT_REASON

    choose(qtbot, dialog.type, "Pain after")
    choose(qtbot, dialog.scheme, "Carnes")
    choose(qtbot, dialog.severity, "Moderate")
    retype(qtbot, dialog.reason, "Patient phoned two days after the session")
    # An empty reason is refused and the dialog stays open.
    retype(qtbot, dialog.reason, "")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.error.text()
    assert rows(db_path, "SELECT COUNT(*) FROM adverse_events") == [(0,)]
    qtbot.keyClicks(dialog.reason, "Patient phoned two days after the session")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.save_button)

    assert rows(db_path, "SELECT type, severity, scheme FROM adverse_events") == [
        ("pain_after", "moderate", "carnes")
    ]
    assert rows(db_path, "SELECT session_id, author_id, reason, summary FROM amendments") == [
        (
            charted,
            practitioner_id,
            "Patient phoned two days after the session",
            "Adverse event added: Pain after needling (moderate)",
        )
    ]
    assert rows(db_path, "SELECT status FROM sessions") == [("signed",)]


def test_other_needs_a_description(
    qtbot, window: MainWindow, db_path: Path, patient_id: int, charted: int
) -> None:
    dialog = open_adverse_event(qtbot, open_file(qtbot, window, patient_id, sessions=1))
    assert dialog.description_label.text() == "&Description"
    choose(qtbot, dialog.type, "Other")
    assert dialog.chosen_type is AdverseEventType.OTHER
    assert dialog.description_label.text() == "&Description (required)"
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.error.text() == "Describe the adverse event recorded as 'other'."
    assert rows(db_path, "SELECT COUNT(*) FROM adverse_events") == [(0,)]
    dialog.description.setFocus()
    qtbot.keyClicks(dialog.description, "Itching around the needle sites for an hour")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.save_button)
    assert rows(db_path, "SELECT type, description FROM adverse_events") == [
        ("other", "Itching around the needle sites for an hour")
    ]


def test_severity_grades_follow_the_scheme(
    qtbot, window: MainWindow, db_path: Path, patient_id: int, charted: int
) -> None:
    dialog = open_adverse_event(qtbot, open_file(qtbot, window, patient_id, sessions=1))
    assert dialog.chosen_scheme is SeverityScheme.WHITE
    assert dialog.severities() == ["mild", "significant", "serious"]
    choose(qtbot, dialog.scheme, "Carnes")
    assert dialog.severities() == ["mild", "moderate", "major"]
    choose(qtbot, dialog.severity, "Major")
    choose(qtbot, dialog.scheme, "Boyce")
    assert dialog.severities() == ["minor", "major"]
    assert dialog.severity.currentData() == "major"  # a grade both schemes share is kept
    choose(qtbot, dialog.scheme, "White")
    assert dialog.severities() == ["mild", "significant", "serious"]
    assert dialog.severity.currentData() == "mild"
    choose(qtbot, dialog.scheme, "Boyce")
    choose(qtbot, dialog.type, "Pneumothorax")
    choose(qtbot, dialog.severity, "Major")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.save_button)
    assert rows(db_path, "SELECT type, severity, scheme FROM adverse_events") == [
        ("pneumothorax", "major", "boyce")
    ]


def test_onset_lies_between_the_session_start_and_now(
    qtbot, window: MainWindow, clinic: Clinic, patient_id: int, charted: int
) -> None:
    dialog = open_adverse_event(qtbot, open_file(qtbot, window, patient_id, sessions=1))
    started = clinic.sessions.get(charted).started_at
    assert dialog.onset.minimumDateTime().toSecsSinceEpoch() == int(started.timestamp())
    assert dialog.onset.maximumDateTime() <= QDateTime.currentDateTime()
    assert dialog.onset.dateTime().secsTo(QDateTime.currentDateTime()) < 60  # defaults to now
    # Stepping the day back would go before the session: the editor stops at its start.
    dialog.onset.setFocus()
    qtbot.keyClick(dialog.onset, Qt.Key.Key_Down)
    assert dialog.onset.dateTime() >= dialog.onset.minimumDateTime()
    assert_every_control_named(dialog)


def test_adverse_event_needs_exactly_one_selected_session(
    qtbot, window: MainWindow, clinic: Clinic, patient_id: int, practitioner_id: int
) -> None:
    earlier = QDateTime.currentDateTime().addDays(-7).toPython()
    clinic.sessions.start(patient_id, practitioner_id=practitioner_id, started_at=earlier)
    clinic.sessions.start(patient_id, practitioner_id=practitioner_id)
    patient_file = open_file(qtbot, window, patient_id, sessions=2)
    click(qtbot, patient_file.adverse_event_button)
    assert patient_file.adverse_event_dialog is None
    assert window.statusBar().currentMessage().startswith("Select one session")

    select_session(qtbot, patient_file, 0)
    table = patient_file.sessions
    second = table.visualRect(patient_file.sessions_model.index(1, 0)).center()
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        pos=QPoint(second),
    )
    assert len(patient_file.selected_sessions()) == 2
    window.statusBar().clearMessage()
    click(qtbot, patient_file.adverse_event_button)
    assert patient_file.adverse_event_dialog is None
    assert window.statusBar().currentMessage().startswith("Select one session")
