"""Driving the body map like a person: clicks and drags at scene positions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QMenu,
    QStyle,
    QStyleOptionButton,
)

from needlemap.ui.body_map.view import BodyMapView


def viewport_point(view: BodyMapView, x: float, y: float) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def click_scene(qtbot, view: BodyMapView, x: float, y: float) -> None:
    point = viewport_point(view, x, y)
    qtbot.mouseMove(view.viewport(), point)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def drag_scene(qtbot, view: BodyMapView, start: QPointF, end: QPointF, steps: int = 6) -> None:
    """Press, move with the button held, release: what a hand on a mouse does."""
    viewport = view.viewport()
    a = view.mapFromScene(start)
    b = view.mapFromScene(end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, steps + 1):
        p = QPointF(a) + (QPointF(b) - QPointF(a)) * (i / steps)
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            p,
            viewport.mapToGlobal(p),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def type_text(qtbot, widget, text: str) -> None:
    """Type text into a field, any script.

    QTest only synthesises key events for ASCII; other characters arrive the way a
    keyboard layout or input method delivers them, as committed input-method text.
    """
    widget.setFocus()
    run = ""
    for char in text:
        if char.isascii():
            run += char
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)
    if run:
        qtbot.keyClicks(widget, run)


def tick(qtbot, box: QCheckBox) -> None:
    """Click the check box's indicator, where a person's pointer would land."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    before = box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())
    assert box.isChecked() is not before, f"{box.text()} did not toggle"


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick the entry starting with ``text`` from the keyboard, arrowing up or down to it."""
    matches = [row for row in range(combo.count()) if combo.itemText(row).startswith(text)]
    assert matches, f"{text!r} is not offered by {combo.accessibleName()}"
    combo.setFocus()
    steps = matches[0] - combo.currentIndex()
    key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
    for _ in range(abs(steps)):
        qtbot.keyClick(combo, key)
    assert combo.currentText().startswith(text), f"{text!r} not chosen: {combo.currentText()!r}"


def choose_in_menu(qtbot, menu: QMenu, muscle_id: str) -> None:
    """Pick the muscle in the layer chooser by clicking its entry."""
    qtbot.waitUntil(menu.isVisible)
    for action in menu.actions():
        hit = action.data()
        if hit is not None and hit.muscle_id == muscle_id:
            centre = menu.actionGeometry(action).center()
            qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=centre)
            return
    raise AssertionError(f"{muscle_id} not offered in the chooser")


def reactivate(qtbot, widget) -> None:
    """Give the widget's window the focus back, as the window manager does when a dialog closes.

    The offscreen platform has no window manager, and window shortcuts only fire in the
    active window.
    """
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def click_muscle(qtbot, workspace, muscle_id: str, side: str) -> None:
    """Show the muscle's view, click its reference spot, pick it if the chooser opens."""
    position = workspace.clinic.atlas.default_position(muscle_id, side)
    assert position is not None
    key = workspace.clinic.atlas.view(position.view).key
    reactivate(qtbot, workspace)
    qtbot.keyClick(workspace.map.view, key)
    assert workspace.map.current_view == position.view
    menus: list[QMenu] = []
    workspace.map.view.chooser_opened.connect(menus.append)
    click_scene(qtbot, workspace.map.view, position.x, position.y)
    workspace.map.view.chooser_opened.disconnect(menus.append)
    if menus:
        choose_in_menu(qtbot, menus[0], muscle_id)
