"""Charting a session end to end through the real widgets, with the database checked at each step.

Create a patient → start a session → click three muscles in two views → edit a point → undo and
redo → sign → a fresh main window shows the same markers at the same scene positions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QMessageBox

from needlemap.services import Clinic
from needlemap.ui.main_window import MainWindow
from needlemap.ui.patients.patient_dialog import PatientDialog
from needlemap.ui.session.start_dialog import StartSessionDialog
from needlemap.ui.session.workspace import SessionWorkspace
from tests.support.charting import OVERRIDE_REASON, consent
from tests.support.db import rows
from tests.support.gui import (
    choose_in_menu,
    click_muscle,
    click_scene,
    drag_scene,
    reactivate,
    tick,
    type_text,
)


def marks(db: Path) -> list[tuple[object, ...]]:
    return rows(db, "SELECT seq, muscle_id, side, view, layer FROM needled_points ORDER BY seq")


def answer_safety(qtbot, workspace: SessionWorkspace, reason: str = OVERRIDE_REASON) -> bool:
    """Answer the safety prompts the way a practitioner does; False if none were asked."""
    dialog = workspace.safety_dialog
    if dialog is None:
        return False
    for box in dialog.acknowledged.values():
        tick(qtbot, box)
    for field in dialog.reasons.values():
        qtbot.keyClicks(field, reason)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    reactivate(qtbot, workspace)
    return True


def mark(qtbot, workspace: SessionWorkspace, muscle_id: str, side: str) -> None:
    """Click the muscle as a practitioner does, answering any safety prompt."""
    click_muscle(qtbot, workspace, muscle_id, side)
    answer_safety(qtbot, workspace)


@pytest.fixture
def charting(make_window, clinic: Clinic, practitioner_id: int) -> MainWindow:
    patient = clinic.patients.create(
        given_names="Zoë", family_name="Łukasiewicz", birth_date="1980-02-29"
    )
    session = clinic.sessions.start(patient.id, practitioner_id=practitioner_id, nprs_before=6)
    consent(clinic, session.id, practitioner_id)
    window = make_window(clinic)
    window.open_session(session.id)
    return window


def test_a_whole_session_from_new_patient_to_signature(
    qtbot, make_window, clinic: Clinic, db_path: Path, practitioner_id: int, monkeypatch
) -> None:
    window = make_window(clinic)
    # 1. register the patient through the dialog
    dialog = PatientDialog(clinic.patients, parent=window)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.given, "Zoë")
    type_text(qtbot, dialog.family, "Ødegaard")
    qtbot.keyClicks(dialog.phone, "+30 210 000 0000")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None
    assert rows(db_path, "SELECT given_names, family_name, phone FROM patients") == [
        ("Zoë", "Ødegaard", "+30 210 000 0000")
    ]
    window.patient_list.model.refresh()
    qtbot.keyClicks(window.patient_list.search, "odeg")
    with qtbot.waitSignal(window.patient_list.patient_activated) as opened:
        qtbot.keyClick(window.patient_list.search, Qt.Key.Key_Return)
    window.open_patient(opened.args[0])
    assert window.pages.currentWidget() is window.patient_file

    # 2. start the session through its dialog
    start = StartSessionDialog(clinic, dialog.saved.id, practitioner_id, window)
    qtbot.addWidget(start)
    start.nprs.setFocus()
    qtbot.keyClick(start.nprs, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(start.nprs, "7")
    ok = start.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert start.session is not None
    assert rows(db_path, "SELECT nprs_before, status, practitioner_id FROM sessions") == [
        (7, "draft", practitioner_id)
    ]
    window.open_session(start.session.id)
    workspace = window.workspace
    assert window.pages.currentWidget() is workspace

    # 3. consent through its dialog before anything is charted
    qtbot.mouseClick(workspace.header.consent_button, Qt.MouseButton.LeftButton)
    consent_dialog = workspace.consent_dialog
    assert consent_dialog is not None
    qtbot.mouseClick(consent_dialog.written, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(consent_dialog.save_button, Qt.MouseButton.LeftButton)
    assert rows(db_path, "SELECT method, text_version, copy_offered FROM consents") == [
        ("written", "NeedleMap DN consent 1", 1)
    ]

    # 4. three muscles in two views, each row committed at once
    mark(qtbot, workspace, "deltoid_anterior", "right")
    assert marks(db_path) == [(1, "deltoid_anterior", "right", "anterior", "superficial")]
    mark(qtbot, workspace, "biceps_brachii", "left")
    assert [m[1:3] for m in marks(db_path)] == [
        ("deltoid_anterior", "right"),
        ("biceps_brachii", "left"),
    ]
    mark(qtbot, workspace, "trapezius_upper", "right")
    assert marks(db_path)[2][1:4] == ("trapezius_upper", "right", "posterior")
    assert rows(db_path, "SELECT kind, key FROM safety_events ORDER BY id") == [
        ("danger_zone", "biceps_brachii:left"),
        ("danger_zone", "trapezius_upper:right"),
    ]
    assert workspace.points_model.rowCount() == 3

    # 5. edit point 1 in the inspector: needle from the clinic list, then depth
    reactivate(qtbot, workspace)
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_1)
    first = workspace.points[0]
    marker = workspace.map.scene_for("anterior").markers[first.id]
    qtbot.mouseClick(
        workspace.map.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=workspace.map.view.mapFromScene(marker.pos()),
    )
    assert workspace.inspector.point is not None and workspace.inspector.point.id == first.id
    inspector = workspace.inspector
    index = next(
        i for i in range(inspector.needle.count()) if inspector.needle.itemData(i) == (0.25, 40)
    )
    inspector.needle.setFocus()
    for _ in range(index):
        qtbot.keyClick(inspector.needle, Qt.Key.Key_Down)
    inspector.depth.setFocus()
    qtbot.keyClick(inspector.depth, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(inspector.depth, "25")
    assert rows(
        db_path,
        "SELECT needle_diameter_mm, needle_length_mm, depth_mm FROM needled_points WHERE seq = 1",
    ) == [(0.25, 40.0, 25.0)]

    # 6. undo and redo (the depth edit was one step, although typed as two keys)
    workspace.map.view.setFocus()
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(db_path, "SELECT depth_mm FROM needled_points WHERE seq = 1") == [(None,)]
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(db_path, "SELECT needle_length_mm FROM needled_points WHERE seq = 1") == [(None,)]
    qtbot.keyClick(
        workspace.map.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClick(
        workspace.map.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert rows(db_path, "SELECT needle_length_mm, depth_mm FROM needled_points WHERE seq = 1") == [
        (40.0, 25.0)
    ]

    # 7. pain after, then sign
    workspace.header.nprs_after.setFocus()
    qtbot.keyClick(workspace.header.nprs_after, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(workspace.header.nprs_after, "3")
    assert rows(db_path, "SELECT nprs_after FROM sessions") == [(3,)]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(workspace.header.sign_button, Qt.MouseButton.LeftButton)
    assert rows(db_path, "SELECT status, signed_by_id FROM sessions") == [
        ("signed", practitioner_id)
    ]
    assert not workspace.editable
    stored = {p.id: (p.location.view, p.location.x, p.location.y) for p in workspace.points}

    # 8. a fresh main window finds the same markers at the same scene positions
    fresh = make_window(clinic)
    fresh.open_session(start.session.id)
    for point_id, (view_id, x, y) in stored.items():
        found = fresh.workspace.map.scene_for(view_id).markers[point_id].pos()
        assert (found.x(), found.y()) == pytest.approx((x, y))
    assert [m.isEnabled() for m in (fresh.workspace.inspector.depth,)] == [False]


def test_keyboard_charting(qtbot, charting: MainWindow, db_path: Path) -> None:
    workspace = charting.workspace
    workspace.map.view.setFocus()
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert workspace.search.isVisible()
    qtbot.keyClicks(workspace.search.query, "QL")
    assert workspace.search.results_model.item(0).text().startswith("Quadratus lumborum")
    qtbot.keyClick(workspace.search.query, Qt.Key.Key_Return)
    qtbot.keyClick(workspace.search, Qt.Key.Key_L)
    qtbot.keyClick(workspace.search, Qt.Key.Key_Return)
    assert not workspace.search.isVisible()
    assert answer_safety(qtbot, workspace)  # kidney and pleura: a specific prompt first
    stored = rows(db_path, "SELECT muscle_id, side, trigger_point, view, x, y FROM needled_points")
    reference = workspace.clinic.atlas.reference_positions("quadratus_lumborum", "left")[0]
    assert stored == [
        (
            "quadratus_lumborum",
            "left",
            reference.trigger_point,
            reference.view,
            pytest.approx(reference.x),
            pytest.approx(reference.y),
        )
    ]
    assert workspace.map.current_view == reference.view
    # the side chosen last is kept: "upper trap", Enter, Enter charts the left one too
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(workspace.search.query, "upper trap")
    qtbot.keyClick(workspace.search.query, Qt.Key.Key_Return)
    assert workspace.search.left.isChecked()
    qtbot.keyClick(workspace.search, Qt.Key.Key_Return)
    answer_safety(qtbot, workspace)
    # and R switches to the right
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(workspace.search.query, "upper trap")
    qtbot.keyClick(workspace.search.query, Qt.Key.Key_Return)
    qtbot.keyClick(workspace.search, Qt.Key.Key_R)
    qtbot.keyClick(workspace.search, Qt.Key.Key_Return)
    answer_safety(qtbot, workspace)
    assert rows(db_path, "SELECT muscle_id, side FROM needled_points WHERE seq > 1") == [
        ("trapezius_upper", "left"),
        ("trapezius_upper", "right"),
    ]
    # Escape backs out without marking anything
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(workspace.search.query, "SCM")
    qtbot.keyClick(workspace.search.query, Qt.Key.Key_Escape)
    assert not workspace.search.isVisible()
    assert len(rows(db_path, "SELECT id FROM needled_points")) == 3


def _overlapping_spot(workspace: SessionWorkspace, view_id: str) -> tuple[float, float, list]:
    """A point where a superficial muscle lies over a deeper one."""
    geometry = workspace.clinic.atlas.geometry(view_id)
    for shape in geometry.muscles:
        if shape.layer != "deep":
            continue
        hits = geometry.muscles_at(*shape.anchor)
        if len(hits) >= 2 and hits[0].layer == "superficial":
            return shape.anchor[0], shape.anchor[1], hits
    raise AssertionError(f"no layered spot in {view_id}")


def test_layer_chooser_lists_superficial_first(qtbot, charting: MainWindow, db_path: Path) -> None:
    workspace = charting.workspace
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_2)
    x, y, hits = _overlapping_spot(workspace, "posterior")
    with qtbot.waitSignal(workspace.map.view.chooser_opened) as opened:
        click_scene(qtbot, workspace.map.view, x, y)
    menu: QMenu = opened.args[0]
    offered = [a.data() for a in menu.actions() if a.data() is not None]
    assert offered[0].layer == "superficial"
    assert offered == hits
    deep = offered[-1]
    choose_in_menu(qtbot, menu, deep.muscle_id)
    answer_safety(qtbot, workspace)
    assert marks(db_path) == [(1, deep.muscle_id, deep.side, "posterior", deep.layer)]


def test_deep_mode_goes_under_the_surface(qtbot, charting: MainWindow, db_path: Path) -> None:
    workspace = charting.workspace
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_2)
    x, y, hits = _overlapping_spot(workspace, "posterior")
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_D)
    assert workspace.map.layer_mode == "deep"
    ghost = workspace.map.scene_for("posterior").muscle_items[(hits[0].muscle_id, hits[0].side)]
    assert ghost._ghost  # the superficial muscle became an outline
    beneath = [h for h in hits if h.layer != "superficial"]
    menus: list[QMenu] = []
    workspace.map.view.chooser_opened.connect(menus.append)
    click_scene(qtbot, workspace.map.view, x, y)
    if menus:
        choose_in_menu(qtbot, menus[0], beneath[0].muscle_id)
    answer_safety(qtbot, workspace)
    assert marks(db_path)[0][1] == beneath[0].muscle_id
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_S)
    assert not ghost._ghost


def test_drag_moves_a_marker_but_only_within_its_muscle(
    qtbot, charting: MainWindow, db_path: Path
) -> None:
    workspace = charting.workspace
    mark(qtbot, workspace, "gluteus_maximus", "left")
    point = workspace.points[0]
    shape = workspace.clinic.atlas.geometry(point.location.view).shape("gluteus_maximus", "left")
    assert shape is not None
    start = QPointF(point.location.x, point.location.y)
    inside = QPointF(*shape.anchor)
    drag_scene(qtbot, workspace.map.view, start, inside)
    x, y = rows(db_path, "SELECT x, y FROM needled_points")[0]
    assert workspace.clinic.atlas.lies_on(point.location.view, x, y, "gluteus_maximus", "left")
    assert (x, y) != pytest.approx((start.x(), start.y()), abs=0.5)
    # off the muscle: the marker springs back, the database keeps the last good place
    drag_scene(qtbot, workspace.map.view, QPointF(x, y), QPointF(5, 5))
    assert rows(db_path, "SELECT x, y FROM needled_points")[0] == (x, y)
    marker = workspace.map.scene_for(point.location.view).markers[point.id]
    assert (marker.pos().x(), marker.pos().y()) == pytest.approx((x, y))
    assert "not on the left Gluteus maximus" in workspace.last_message
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(db_path, "SELECT x, y FROM needled_points")[0] == pytest.approx(
        (start.x(), start.y())
    )


def test_delete_and_undo(qtbot, charting: MainWindow, db_path: Path) -> None:
    workspace = charting.workspace
    mark(qtbot, workspace, "deltoid_anterior", "right")
    mark(qtbot, workspace, "deltoid_anterior", "left")
    second = workspace.points[1]
    marker = workspace.map.scene_for(second.location.view).markers[second.id]
    qtbot.mouseClick(
        workspace.map.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=workspace.map.view.mapFromScene(marker.pos()),
    )
    assert workspace.selected_point is not None and workspace.selected_point.id == second.id
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_Delete)
    assert [m[:3] for m in marks(db_path)] == [(1, "deltoid_anterior", "right")]
    qtbot.keyClick(workspace.map.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [m[:3] for m in marks(db_path)] == [
        (1, "deltoid_anterior", "right"),
        (2, "deltoid_anterior", "left"),
    ]


def test_hover_names_the_muscle_and_the_overlay_shows_its_reference(
    qtbot, charting: MainWindow
) -> None:
    workspace = charting.workspace
    view = workspace.map.view
    position = workspace.clinic.atlas.default_position("pectoralis_major_sternal", "left")
    assert position is not None
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.mouseMove(view.viewport(), view.mapFromScene(QPointF(position.x, position.y)))
    assert view.hovered_hit is not None
    assert (view.hovered_hit.muscle_id, view.hovered_hit.side) == (
        "pectoralis_major_sternal",
        "left",
    )
    scene = workspace.map.scene_for("anterior")
    assert scene.muscle_items[("pectoralis_major_sternal", "left")]._highlighted
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert workspace.map.overlay_button.isChecked()
    qtbot.mouseMove(view.viewport(), view.mapFromScene(QPointF(position.x + 0.5, position.y)))
    assert scene.overlay_count() >= 1
    qtbot.mouseMove(view.viewport(), view.mapFromScene(QPointF(2, 2)))
    assert view.hovered_hit is None


def test_zoom_keys_and_fit(qtbot, charting: MainWindow) -> None:
    view = charting.workspace.map.view
    view.setFocus()
    start = view.zoom
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom > start * 1.5
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert start < view.zoom
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.zoom == pytest.approx(1.0, rel=0.05)
    qtbot.mouseClick(charting.workspace.map.zoom_in_button, Qt.MouseButton.LeftButton)
    assert view.zoom > 1.2
    qtbot.mouseClick(charting.workspace.map.fit_button, Qt.MouseButton.LeftButton)
    assert view.zoom == pytest.approx(1.0, rel=0.05)


def test_signed_sessions_change_only_through_an_amendment(
    qtbot, charting: MainWindow, clinic: Clinic, db_path: Path, practitioner_id: int
) -> None:
    workspace = charting.workspace
    mark(qtbot, workspace, "deltoid_anterior", "right")
    clinic.sessions.sign(workspace.session.id, practitioner_id=practitioner_id)
    workspace.reload()
    position = clinic.atlas.default_position("deltoid_anterior", "left")
    assert position is not None
    click_scene(qtbot, workspace.map.view, position.x, position.y)
    assert len(marks(db_path)) == 1  # read-only
    assert workspace.start_amendment("Second point was charted on paper, added afterwards")
    mark(qtbot, workspace, "deltoid_anterior", "left")
    assert len(marks(db_path)) == 2
    assert rows(db_path, "SELECT reason FROM amendments") == [
        ("Second point was charted on paper, added afterwards",)
    ]


def test_window_remembers_splitters_and_last_view(
    qtbot, make_window, charting: MainWindow, clinic: Clinic
) -> None:
    qtbot.keyClick(charting.workspace.map.view, Qt.Key.Key_2)
    charting.workspace.splitter.setSizes([700, 500])
    wanted = charting.workspace.splitter.sizes()
    charting.close()
    again = make_window(clinic)
    again.open_session(charting.workspace.session.id)
    assert again.workspace.map.current_view == "posterior"
    assert again.workspace.splitter.sizes() == wanted
