"""One body-map scene per atlas view: the figure, the muscles, labels, overlay and markers."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem

from needlemap.anatomy import Atlas
from needlemap.anatomy.view_geometry import ViewGeometry
from needlemap.domain.point import NeedledPoint
from needlemap.ui.atlas_painting import (
    BONE,
    BONE_EDGE,
    REFERRAL,
    SKIN,
    SKIN_EDGE,
    SPILLOVER,
    cosmetic_pen,
    qpath,
)
from needlemap.ui.body_map.items import (
    Z_FIGURE,
    Z_LABELS,
    Z_REFERRAL,
    MarkerItem,
    MuscleItem,
    TriggerPointItem,
)

SUPERFICIAL, DEEP = "superficial", "deep"


class BodyMapScene(QGraphicsScene):
    marker_dragged = Signal(int, QPointF, QPointF)
    marker_clicked = Signal(int)

    def __init__(self, atlas: Atlas, view_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.view_id = view_id
        self.geometry: ViewGeometry = atlas.geometry(view_id)
        view = atlas.view(view_id)
        self.setSceneRect(QRectF(0, 0, view.width, view.height))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.muscle_items: dict[tuple[str, str], MuscleItem] = {}
        self.markers: dict[int, MarkerItem] = {}
        self._overlay: list[object] = []
        self._layer_mode = SUPERFICIAL
        self._build()

    def _build(self) -> None:
        for silhouette in self.geometry.silhouettes:
            item = QGraphicsPathItem(qpath(silhouette))
            item.setPen(cosmetic_pen(SKIN_EDGE, 1.5))
            item.setBrush(QBrush(SKIN))
            item.setZValue(Z_FIGURE)
            self.addItem(item)
        for landmark in self.geometry.landmarks:
            item = QGraphicsPathItem(qpath(landmark.path))
            item.setPen(cosmetic_pen(BONE_EDGE, 0.9))
            item.setBrush(QBrush(BONE) if landmark.kind == "bone" else Qt.BrushStyle.NoBrush)
            item.setZValue(Z_FIGURE + 1)
            self.addItem(item)
        for shape in self.geometry.muscles:
            muscle = MuscleItem(shape)
            self.addItem(muscle)
            self.muscle_items[shape.key] = muscle
        font = QFont()
        font.setPixelSize(34)
        font.setBold(True)
        for label in self.geometry.labels:
            text = QGraphicsSimpleTextItem(label.side[0].upper())
            text.setFont(font)
            text.setBrush(QColor("#37474f"))
            rect = text.boundingRect()
            text.setPos(label.x - rect.width() / 2, label.y - rect.height() * 0.8)
            text.setZValue(Z_LABELS)
            text.setToolTip(f"Patient's {label.side}")
            self.addItem(text)

    # layers ----------------------------------------------------------------------------

    @property
    def layer_mode(self) -> str:
        return self._layer_mode

    def set_layer_mode(self, mode: str) -> None:
        """Superficial: the dissection's surface. Deep: superficial muscles become outlines."""
        self._layer_mode = mode
        for item in self.muscle_items.values():
            item.set_ghost(mode == DEEP and item.shape_data.layer == SUPERFICIAL)

    # highlight and overlay -------------------------------------------------------------

    def highlight(self, keys: Iterable[tuple[str, str]]) -> None:
        wanted = set(keys)
        for key, item in self.muscle_items.items():
            item.set_highlighted(key in wanted)

    def show_reference(self, muscle_id: str | None, side: str | None) -> None:
        """The muscle's reference trigger points and their referral zones (typical patterns)."""
        for item in self._overlay:
            self.removeItem(item)  # type: ignore[arg-type]
        self._overlay = []
        if muscle_id is None:
            return
        names = {t.id: t for t in self.atlas.trigger_points_of(muscle_id)}
        for zone in self.geometry.referral_zones:
            if zone.muscle_id == muscle_id and zone.side == side:
                path_item = QGraphicsPathItem(qpath(zone.shape))
                path_item.setPen(QPen(Qt.PenStyle.NoPen))
                path_item.setBrush(REFERRAL if zone.kind == "referral" else SPILLOVER)
                path_item.setZValue(Z_REFERRAL)
                path_item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                self.addItem(path_item)
                self._overlay.append(path_item)
        for mark in self.geometry.trigger_points:
            if mark.muscle_id == muscle_id and mark.side == side:
                trp = names.get(mark.trp_id)
                tip = f"{trp.name}: {trp.site}\nRefers to: {trp.referral}" if trp else mark.trp_id
                item = TriggerPointItem(QPointF(mark.x, mark.y), tip)
                self.addItem(item)
                self._overlay.append(item)

    def overlay_count(self) -> int:
        return len(self._overlay)

    # heat (review) ---------------------------------------------------------------------

    def set_heat(self, colors: dict[tuple[str, str], QColor] | None) -> None:
        """Colour needled muscles and mute the rest; ``None`` restores the plain atlas."""
        for key, item in self.muscle_items.items():
            colour = colors.get(key) if colors is not None else None
            item.set_heat(colour, muted=colors is not None and colour is None)

    def heat_of(self, key: tuple[str, str]) -> QColor | None:
        item = self.muscle_items.get(key)
        return item.heat if item is not None else None

    # markers ---------------------------------------------------------------------------

    def set_points(self, points: Iterable[NeedledPoint], *, editable: bool) -> None:
        """Show the points charted in this view (at their stored, version-mapped place)."""
        wanted = {p.id: p for p in points if p.location.view == self.view_id}
        for point_id in list(self.markers):
            if point_id not in wanted:
                self.removeItem(self.markers.pop(point_id))
        for point_id, point in wanted.items():
            x, y = self.atlas.place(
                self.view_id, point.location.x, point.location.y, point.location.atlas_version
            )
            marker = self.markers.get(point_id)
            if marker is None:
                marker = MarkerItem(point_id, point.seq, QPointF(x, y), editable=editable)
                marker.drag_finished.connect(self.marker_dragged)
                marker.clicked.connect(self.marker_clicked)
                self.addItem(marker)
                self.markers[point_id] = marker
            else:
                marker.setPos(QPointF(x, y))
                marker.number = point.seq
                marker.setFlag(MarkerItem.GraphicsItemFlag.ItemIsMovable, editable)
                marker.update()
            muscle = self.atlas.catalogue.find(point.muscle_id)
            name = muscle.name if muscle else point.muscle_id
            marker.setToolTip(f"{point.seq}. {name}, {point.side.label.lower()}")

    def select_marker(self, point_id: int | None) -> None:
        for marker_id, marker in self.markers.items():
            marker.setSelected(marker_id == point_id)
