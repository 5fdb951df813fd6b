"""The safety prompts in the charting workspace: block, override, acknowledge, consent first."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from needlemap.domain.safety import SafetyKind
from needlemap.services import Clinic
from needlemap.ui.main_window import MainWindow
from tests.support.charting import consent
from tests.support.db import rows
from tests.support.gui import click_muscle as click
from tests.support.gui import tick


@pytest.fixture
def open_session(make_window, clinic: Clinic, settings):
    def start(
        findings: dict[str, object] | None = None, *, with_consent: bool = True
    ) -> MainWindow:
        practitioner = clinic.practitioners.add("Lena Fischer", "Physiotherapist")
        settings.setValue("practitioner/id", practitioner.id)
        patient = clinic.patients.create(family_name="Safety", birth_date="1965-06-06")
        if findings:
            clinic.patients.record_screening(
                patient.id,
                findings=findings,  # type: ignore[arg-type]
                screened_on=date.today() - timedelta(days=1),
            )
        session = clinic.sessions.start(patient.id, practitioner_id=practitioner.id)
        if with_consent:
            consent(clinic, session.id, practitioner.id)
        window = make_window(clinic)
        window.open_session(session.id)
        return window

    return start


def click_muscle(qtbot, window: MainWindow, muscle_id: str, side: str) -> None:
    click(qtbot, window.workspace, muscle_id, side)


def test_absolute_contraindication_blocks_until_a_reason_is_written(
    qtbot, open_session, db_path: Path
) -> None:
    window = open_session({"needle_phobia": (True, "fainted at a blood test")})
    click_muscle(qtbot, window, "deltoid_anterior", "right")
    dialog = window.workspace.safety_dialog
    assert dialog is not None and dialog.isVisible()
    assert [c.kind for c in dialog.checks] == [SafetyKind.ABSOLUTE]
    assert not dialog.ok.isEnabled()  # no reason, no way through
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert rows(db_path, "SELECT count(*) FROM needled_points") == [(0,)]
    click_muscle(qtbot, window, "deltoid_anterior", "right")
    dialog = window.workspace.safety_dialog
    reason = next(iter(dialog.reasons.values()))
    qtbot.keyClicks(reason, "ok")
    assert not dialog.ok.isEnabled()  # too short to be a reason
    qtbot.keyClicks(reason, " after desensitisation, patient lying down")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert rows(db_path, "SELECT muscle_id FROM needled_points") == [("deltoid_anterior",)]
    assert rows(db_path, "SELECT kind, key, reason FROM safety_events") == [
        (
            "absolute_contraindication",
            "needle_phobia",
            "ok after desensitisation, patient lying down",
        )
    ]
    click_muscle(qtbot, window, "deltoid_anterior", "left")  # overridden once for the session
    assert window.workspace.safety_dialog is None
    assert rows(db_path, "SELECT count(*) FROM needled_points") == [(2,)]


def test_relative_precautions_are_acknowledged_once(qtbot, open_session, db_path: Path) -> None:
    window = open_session({"diabetes": True, "allergy": (True, "nickel")})
    click_muscle(qtbot, window, "deltoid_anterior", "right")
    dialog = window.workspace.safety_dialog
    assert dialog is not None
    assert "nickel" in dialog.checks[0].message
    box = next(iter(dialog.acknowledged.values()))
    assert not dialog.ok.isEnabled()
    tick(qtbot, box)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    click_muscle(qtbot, window, "rectus_femoris", "left")
    assert window.workspace.safety_dialog is None
    assert rows(db_path, "SELECT kind FROM safety_events") == [("relative_contraindication",)]
    assert rows(db_path, "SELECT count(*) FROM needled_points") == [(2,)]


def test_danger_zone_names_the_muscle_and_its_structure(qtbot, open_session, db_path: Path) -> None:
    window = open_session()
    click_muscle(qtbot, window, "biceps_brachii", "left")
    dialog = window.workspace.safety_dialog
    assert dialog is not None
    (check,) = dialog.checks
    assert check.message.startswith("Biceps brachii (left):")
    tick(qtbot, next(iter(dialog.acknowledged.values())))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    stored = rows(db_path, "SELECT kind, key, acknowledged_at IS NOT NULL FROM safety_events")
    assert stored == [("danger_zone", "biceps_brachii:left", 1)]


def test_without_consent_the_consent_dialog_opens_first(qtbot, open_session, db_path: Path) -> None:
    window = open_session(with_consent=False)
    workspace = window.workspace
    click_muscle(qtbot, window, "deltoid_anterior", "right")
    assert rows(db_path, "SELECT count(*) FROM needled_points") == [(0,)]
    assert "consent" in workspace.last_message.lower()
    dialog = workspace.consent_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert rows(db_path, "SELECT method FROM consents") == [("verbal",)]
    assert "Consent: verbal" in workspace.header.consent_button.text()
    click_muscle(qtbot, window, "deltoid_anterior", "right")
    assert rows(db_path, "SELECT count(*) FROM needled_points") == [(1,)]


def test_electrical_needling_with_a_pacemaker_needs_an_override(
    qtbot, open_session, db_path: Path
) -> None:
    window = open_session({"electrical_implant": (True, "pacemaker")})
    click_muscle(qtbot, window, "deltoid_anterior", "right")
    dialog = window.workspace.safety_dialog  # the relative precaution comes first
    tick(qtbot, next(iter(dialog.acknowledged.values())))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    inspector = window.workspace.inspector
    assert not inspector.edn_group.isVisible()
    inspector.technique.setFocus()
    index = inspector.technique.findText("Electrical dry needling")
    for _ in range(index - inspector.technique.currentIndex()):
        qtbot.keyClick(inspector.technique, Qt.Key.Key_Down)
    dialog = window.workspace.safety_dialog
    assert dialog is not None and dialog.checks[0].kind is SafetyKind.ELECTRICAL_IMPLANT
    qtbot.keyClicks(next(iter(dialog.reasons.values())), "Cardiologist cleared 2 Hz far from chest")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert rows(db_path, "SELECT technique FROM needled_points") == [("electrical",)]
    assert ("electrical_implant",) in rows(db_path, "SELECT kind FROM safety_events")
    assert inspector.edn_group.isVisible()
    inspector.edn_frequency.setFocus()
    qtbot.keyClick(inspector.edn_frequency, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(inspector.edn_frequency, "2")
    assert rows(db_path, "SELECT edn_frequency_hz FROM needled_points") == [(2.0,)]
