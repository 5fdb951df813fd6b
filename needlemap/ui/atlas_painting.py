"""Atlas geometry as Qt paths and pens: shared by the body map and the maintainers' renders.

The conversion is segment for segment (every cubic of the atlas becomes a ``cubicTo``), so the
screen draws exactly the curves the hit-testing and the PDF use.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from needlemap.anatomy.geometry import CubicPath
from needlemap.anatomy.view_geometry import MuscleShape, ViewGeometry

SKIN = QColor("#f4ece4")
SKIN_EDGE = QColor("#7a6d64")
BONE = QColor("#ebe4d8")
BONE_EDGE = QColor("#b5ab9d")
MUSCLE_FILL = {
    "superficial": QColor("#d98b7e"),
    "intermediate": QColor("#c9786c"),
    "deep": QColor("#b8675c"),
}
MUSCLE_EDGE = QColor("#85392f")
TENDON = QColor("#f2e9d9")
TENDON_EDGE = QColor("#b19d84")
FIBRE = QColor(156, 74, 64, 150)
REFERRAL = QColor(224, 52, 43, 90)
SPILLOVER = QColor(224, 52, 43, 40)
TRIGGER_POINT = QColor("#1d3a6e")


def qpath(path: CubicPath) -> QPainterPath:
    result = QPainterPath()
    for sub in path.subpaths:
        start = sub[0][0]
        result.moveTo(QPointF(*start))
        for cubic in sub:
            result.cubicTo(QPointF(*cubic[1]), QPointF(*cubic[2]), QPointF(*cubic[3]))
        if path.closed:
            result.closeSubpath()
    return result


def cosmetic_pen(color: QColor, width: float) -> QPen:
    """A pen whose width is in device pixels, so lines stay crisp at every zoom."""
    pen = QPen(color, width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def paint_figure(painter: QPainter, geometry: ViewGeometry, scale: float = 1.0) -> None:
    """Silhouette and bony landmarks (everything under the muscles)."""
    painter.setPen(cosmetic_pen(SKIN_EDGE, 1.6 * scale))
    painter.setBrush(QBrush(SKIN))
    for silhouette in geometry.silhouettes:
        painter.drawPath(qpath(silhouette))
    for landmark in geometry.landmarks:
        painter.setPen(cosmetic_pen(BONE_EDGE, 0.9 * scale))
        painter.setBrush(QBrush(BONE) if landmark.kind == "bone" else Qt.BrushStyle.NoBrush)
        painter.drawPath(qpath(landmark.path))


def paint_muscle(
    painter: QPainter, shape: MuscleShape, scale: float = 1.0, *, opacity: float = 1.0
) -> None:
    painter.save()
    painter.setOpacity(opacity)
    outline = qpath(shape.outline)
    painter.setPen(cosmetic_pen(MUSCLE_EDGE, 0.9 * scale))
    painter.setBrush(QBrush(MUSCLE_FILL[shape.layer]))
    painter.drawPath(outline)
    painter.setClipPath(outline)
    if shape.fibres is not None:
        painter.setPen(cosmetic_pen(FIBRE, 0.5 * scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(qpath(shape.fibres))
    painter.setPen(cosmetic_pen(TENDON_EDGE, 0.7 * scale))
    painter.setBrush(QBrush(TENDON))
    for tendon in shape.tendons:
        painter.drawPath(qpath(tendon))
    painter.restore()
