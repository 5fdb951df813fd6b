"""The graphics items of the body map: muscles, markers, trigger points and referral zones.

Muscle items draw the atlas curves (``atlas_painting.qpath``) but never decide what was clicked:
the view asks the atlas, so the screen, the services and the PDF agree on every boundary.
Markers ignore the view's zoom so they keep one readable size on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from needlemap.anatomy.view_geometry import MuscleShape
from needlemap.ui.atlas_painting import (
    FIBRE,
    MUSCLE_EDGE,
    MUSCLE_FILL,
    TENDON,
    TENDON_EDGE,
    cosmetic_pen,
    qpath,
)

HIGHLIGHT_EDGE = QColor("#1565c0")
HIGHLIGHT_FILL = QColor(66, 133, 244, 70)
GHOST_EDGE = QColor(120, 90, 80, 110)
MUTED = QColor(250, 247, 245, 215)  # un-needled muscles under a heatmap: present, not loud
MARKER_FILL = QColor("#0d47a1")
MARKER_SELECTED = QColor("#ff8f00")
MARKER_RADIUS = 11.0
Z_FIGURE, Z_DEEP, Z_INTERMEDIATE, Z_SUPERFICIAL = 0, 10, 20, 30
Z_REFERRAL, Z_TRIGGER_POINTS, Z_LABELS, Z_MARKERS = 40, 45, 50, 60
LAYER_Z = {"deep": Z_DEEP, "intermediate": Z_INTERMEDIATE, "superficial": Z_SUPERFICIAL}


class MuscleItem(QGraphicsPathItem):
    """One muscle side: outline, tendons and fibres, with highlight, ghost and heat states."""

    def __init__(self, shape: MuscleShape) -> None:
        super().__init__(qpath(shape.outline))
        self.shape_data = shape
        self.setZValue(LAYER_Z[shape.layer])
        self.setAcceptHoverEvents(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._tendons = [qpath(t) for t in shape.tendons]
        self._fibres = qpath(shape.fibres) if shape.fibres is not None else QPainterPath()
        self._highlighted = False
        self._ghost = False
        self._heat: QColor | None = None
        self._muted = False
        self.setBrush(QBrush(MUSCLE_FILL[shape.layer]))
        self.setPen(cosmetic_pen(MUSCLE_EDGE, 0.9))

    @property
    def key(self) -> tuple[str, str]:
        return self.shape_data.key

    def set_highlighted(self, on: bool) -> None:
        if on != self._highlighted:
            self._highlighted = on
            self.update()

    def set_ghost(self, on: bool) -> None:
        """Deep mode: a superficial muscle becomes a faint outline over what lies beneath."""
        if on != self._ghost:
            self._ghost = on
            self.setZValue(Z_LABELS - 1 if on else LAYER_Z[self.shape_data.layer])
            self.update()

    @property
    def heat(self) -> QColor | None:
        return self._heat

    def set_heat(self, color: QColor | None, *, muted: bool = False) -> None:
        """Review: a needled muscle takes its heat colour, the others are muted to a wash."""
        self._heat = color
        self._muted = muted
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        outline = self.path()
        if self._ghost:
            pen = cosmetic_pen(GHOST_EDGE, 1.0)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(outline)
            if self._heat is not None:
                heat = QColor(self._heat)
                heat.setAlpha(70)
                painter.setPen(cosmetic_pen(self._heat, 2.0))
                painter.setBrush(heat)
                painter.drawPath(outline)
            if self._highlighted:
                painter.setPen(cosmetic_pen(HIGHLIGHT_EDGE, 2.0))
                painter.setBrush(HIGHLIGHT_FILL)
                painter.drawPath(outline)
            return
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        painter.drawPath(outline)
        painter.save()
        painter.setClipPath(outline)
        painter.setPen(cosmetic_pen(FIBRE, 0.55))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._fibres)
        painter.setPen(cosmetic_pen(TENDON_EDGE, 0.7))
        painter.setBrush(QBrush(TENDON))
        for tendon in self._tendons:
            painter.drawPath(tendon)
        painter.restore()
        if self._heat is not None:
            painter.setPen(cosmetic_pen(MUSCLE_EDGE, 0.9))
            painter.setBrush(self._heat)
            painter.drawPath(outline)
        elif self._muted:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(MUTED)
            painter.drawPath(outline)
        if self._highlighted:
            painter.setPen(cosmetic_pen(HIGHLIGHT_EDGE, 2.0))
            painter.setBrush(HIGHLIGHT_FILL)
            painter.drawPath(outline)


class MarkerItem(QGraphicsObject):
    """A needled point: a numbered disc of fixed on-screen size, draggable when editable."""

    drag_finished = Signal(int, QPointF, QPointF)  # point id, from, to (scene coordinates)
    clicked = Signal(int)

    def __init__(self, point_id: int, number: int, position: QPointF, *, editable: bool) -> None:
        super().__init__()
        self.point_id = point_id
        self.number = number
        self.setPos(position)
        self.setZValue(Z_MARKERS)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, editable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"Point {number}")
        self.setAcceptHoverEvents(True)
        self._press_pos: QPointF | None = None

    def boundingRect(self) -> QRectF:
        r = MARKER_RADIUS + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), MARKER_RADIUS + 2, MARKER_RADIUS + 2)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        painter.setPen(QPen(QColor("white"), 2.0))
        painter.setBrush(MARKER_SELECTED if selected else MARKER_FILL)
        painter.drawEllipse(QPointF(0, 0), MARKER_RADIUS, MARKER_RADIUS)
        if selected:
            painter.setPen(QPen(MARKER_SELECTED, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), MARKER_RADIUS + 3, MARKER_RADIUS + 3)
        font = QFont(painter.font())
        font.setPixelSize(12 if self.number < 100 else 10)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        box = QRectF(-MARKER_RADIUS, -MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(self.number))

    def mousePressEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        self._press_pos = QPointF(self.pos())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        super().mouseReleaseEvent(event)
        start, self._press_pos = self._press_pos, None
        if start is None:
            return
        if (self.pos() - start).manhattanLength() > 0.5:
            self.drag_finished.emit(self.point_id, start, QPointF(self.pos()))
        else:
            self.clicked.emit(self.point_id)


class TriggerPointItem(QGraphicsItem):
    """A reference trigger point of the overlay: an × in a ring, like the reference charts."""

    SIZE = 7.0

    def __init__(self, position: QPointF, tooltip: str) -> None:
        super().__init__()
        self.setPos(position)
        self.setZValue(Z_TRIGGER_POINTS)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setToolTip(tooltip)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        s = self.SIZE + 2
        return QRectF(-s, -s, 2 * s, 2 * s)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = self.SIZE
        painter.setPen(QPen(QColor("white"), 3.2))
        painter.drawLine(QPointF(-s * 0.6, -s * 0.6), QPointF(s * 0.6, s * 0.6))
        painter.drawLine(QPointF(-s * 0.6, s * 0.6), QPointF(s * 0.6, -s * 0.6))
        painter.setPen(QPen(QColor("#b71c1c"), 1.8))
        painter.drawLine(QPointF(-s * 0.6, -s * 0.6), QPointF(s * 0.6, s * 0.6))
        painter.drawLine(QPointF(-s * 0.6, s * 0.6), QPointF(s * 0.6, -s * 0.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0, 0), s, s)
