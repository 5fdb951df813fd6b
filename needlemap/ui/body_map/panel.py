"""The body-map panel: view tabs, layer switch, reference overlay, zoom, and the view itself.

Scenes are built once per view and kept; switching views is instant after the first visit.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from needlemap.anatomy import Atlas
from needlemap.anatomy.view_geometry import Hit
from needlemap.domain.point import NeedledPoint
from needlemap.ui.body_map.scene import DEEP, SUPERFICIAL, BodyMapScene
from needlemap.ui.body_map.view import BodyMapView
from needlemap.ui.icons import icon


class BodyMapPanel(QWidget):
    spot_chosen = Signal(str, float, float, object)  # view, x, y, Hit
    marker_selected = Signal(int)
    marker_moved = Signal(int, str, float, float, float, float)  # id, view, from x/y, to x/y
    view_changed = Signal(str)
    hovered = Signal(object)
    muscle_picked = Signal(object)  # Hit: a muscle clicked on a read-only map (review)

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self._scenes: dict[str, BodyMapScene] = {}
        self._points: list[NeedledPoint] = []
        self._editable = True
        self._selected: int | None = None
        self._reference: tuple[str, str] | None = None
        self._heat: dict[tuple[str, str], QColor] | None = None

        self.tabs = QTabBar(self)
        self.tabs.setAccessibleName("Body map views")
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        for view in atlas.views:
            index = self.tabs.addTab(view.title)
            self.tabs.setTabToolTip(index, f"{view.title} (key {view.key})")
            self.tabs.setTabData(index, view.id)

        self.superficial_button = self._tool("Superficial", "layers", checkable=True)
        self.superficial_button.setToolTip("Superficial muscles (S)")
        self.deep_button = self._tool("Deep", "layers", checkable=True)
        self.deep_button.setToolTip("Deep muscles: superficial ones become outlines (D)")
        self.layer_group = QButtonGroup(self)
        self.layer_group.setExclusive(True)
        self.layer_group.addButton(self.superficial_button)
        self.layer_group.addButton(self.deep_button)
        self.superficial_button.setChecked(True)
        self.overlay_button = self._tool("Reference", "overlay", checkable=True)
        self.overlay_button.setToolTip(
            "Show the reference trigger points and referral zones of the muscle under the "
            "cursor or of the selected point (R). Typical patterns, not fixed maps."
        )
        self.zoom_out_button = self._tool("Zoom out", "zoom-out")
        self.zoom_in_button = self._tool("Zoom in", "zoom-in")
        self.fit_button = self._tool("Fit", "fit")

        self.view = BodyMapView(atlas, self)
        self.status = QLabel(self)
        self.status.setAccessibleName("Body map status")
        self.status.setEnabled(False)
        # a hint, not a control: it gives way (clipped) rather than widening the window
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setText("Click a muscle to mark a point · Ctrl+F to chart by name")

        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setToolTip(button.text())
        tools = QHBoxLayout()
        tools.setContentsMargins(4, 0, 4, 0)
        tools.setSpacing(2)
        tools.addWidget(self.superficial_button)
        tools.addWidget(self.deep_button)
        tools.addSpacing(12)
        tools.addWidget(self.overlay_button)
        tools.addStretch(1)
        tools.addWidget(self.status)
        tools.addStretch(1)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.tabs)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)

        self.tabs.currentChanged.connect(self._tab_changed)
        self.superficial_button.toggled.connect(self._layer_toggled)
        self.overlay_button.toggled.connect(lambda _on: self._refresh_reference())
        self.zoom_in_button.clicked.connect(self.view.zoom_in)
        self.zoom_out_button.clicked.connect(self.view.zoom_out)
        self.fit_button.clicked.connect(self.view.fit)
        self.view.spot_chosen.connect(self.spot_chosen)
        self.view.hovered.connect(self._hovered)
        self.view.picked.connect(self.muscle_picked)

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        """The first scene is built when the map is first shown, not at start-up."""
        if self.view.body_scene is None:
            self._tab_changed(self.tabs.currentIndex())
        super().showEvent(event)

    def _tool(self, text: str, icon_name: str, *, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setIcon(icon(icon_name))
        button.setAccessibleName(text)
        button.setCheckable(checkable)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    # views -------------------------------------------------------------------------------

    @property
    def current_view(self) -> str:
        return str(self.tabs.tabData(self.tabs.currentIndex()))

    def scene_for(self, view_id: str) -> BodyMapScene:
        scene = self._scenes.get(view_id)
        if scene is None:
            scene = BodyMapScene(self.atlas, view_id, self)
            scene.marker_dragged.connect(self._marker_dragged)
            scene.marker_clicked.connect(self.marker_selected)
            scene.selectionChanged.connect(self._selection_changed)
            self._scenes[view_id] = scene
            scene.set_layer_mode(DEEP if self.deep_button.isChecked() else SUPERFICIAL)
            scene.set_points(self._points, editable=self._editable)
            scene.set_heat(self._heat)
        return scene

    def show_view(self, view_id: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.tabData(index) == view_id:
                self.tabs.setCurrentIndex(index)
                return
        raise KeyError(view_id)

    def _tab_changed(self, index: int) -> None:
        view_id = str(self.tabs.tabData(index))
        scene = self.scene_for(view_id)
        self.view.show_scene(scene)
        scene.select_marker(self._selected)
        self._refresh_reference()
        self.view_changed.emit(view_id)

    def set_layer(self, mode: str) -> None:
        (self.deep_button if mode == DEEP else self.superficial_button).setChecked(True)

    def _layer_toggled(self, superficial: bool) -> None:
        mode = SUPERFICIAL if superficial else DEEP
        for scene in self._scenes.values():
            scene.set_layer_mode(mode)

    @property
    def layer_mode(self) -> str:
        return DEEP if self.deep_button.isChecked() else SUPERFICIAL

    # heat (review) -------------------------------------------------------------------------

    def set_heat(self, colours: dict[tuple[str, str], QColor] | None) -> None:
        """Colour needled muscles in every view (built now or later); ``None`` clears it."""
        self._heat = dict(colours) if colours is not None else None
        for scene in self._scenes.values():
            scene.set_heat(self._heat)

    # points ------------------------------------------------------------------------------

    def set_points(self, points: Sequence[NeedledPoint], *, editable: bool) -> None:
        self._points = list(points)
        self._editable = editable
        self.view.editable = editable
        for scene in self._scenes.values():
            scene.set_points(self._points, editable=editable)
        if self._selected not in {p.id for p in self._points}:
            self._selected = None
        self.select_point(self._selected)

    def select_point(self, point_id: int | None) -> None:
        self._selected = point_id
        for scene in self._scenes.values():
            scene.blockSignals(True)
            scene.select_marker(point_id)
            scene.blockSignals(False)
        self._refresh_reference()

    def marker_position(self, point_id: int) -> QPointF | None:
        for scene in self._scenes.values():
            marker = scene.markers.get(point_id)
            if marker is not None:
                return marker.pos()
        return None

    def _selection_changed(self) -> None:
        scene = self.sender()
        if not isinstance(scene, BodyMapScene) or not shiboken6.isValid(scene):
            return
        selected = [
            m.point_id for m in scene.markers.values() if shiboken6.isValid(m) and m.isSelected()
        ]
        if selected and selected[0] != self._selected:
            self._selected = selected[0]
            self.marker_selected.emit(selected[0])

    def _marker_dragged(self, point_id: int, start: QPointF, end: QPointF) -> None:
        scene = self.sender()
        if isinstance(scene, BodyMapScene):
            self.marker_moved.emit(point_id, scene.view_id, start.x(), start.y(), end.x(), end.y())

    # hover and the reference overlay ----------------------------------------------------

    def _hovered(self, hit: Hit | None) -> None:
        self.hovered.emit(hit)
        self._refresh_reference()

    def _refresh_reference(self) -> None:
        scene = self._scenes.get(self.current_view)
        if scene is None:
            return
        target: tuple[str, str] | None = None
        if self.overlay_button.isChecked():
            hit = self.view.hovered_hit
            if hit is not None:
                target = (hit.muscle_id, hit.side)
            else:
                selected = next((p for p in self._points if p.id == self._selected), None)
                if selected is not None:
                    target = (selected.muscle_id, selected.side.value)
        if target == self._reference and scene.overlay_count() > 0:
            return
        self._reference = target
        for other in self._scenes.values():
            if other is not scene:
                other.show_reference(None, None)
        scene.show_reference(*(target or (None, None)))
