"""``needlemap atlas --render DIR``: one PNG per view for whoever maintains the atlas.

Each image shows the view with every muscle outlined (deeper layers first, the superficial one
translucent so the deep shapes show through), numbered at its anchor, with its reference
trigger points, their referral zones, the R/L labels, and a legend of the numbers.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

from needlemap.anatomy import Atlas
from needlemap.anatomy.view_geometry import LAYER_RANK
from needlemap.ui.atlas_painting import (
    REFERRAL,
    SPILLOVER,
    TRIGGER_POINT,
    paint_figure,
    paint_muscle,
    qpath,
)

LEGEND_WIDTH = 430
SCALE = 1.5


def _application() -> QGuiApplication:
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([])


def render_view(atlas: Atlas, view_id: str, target: Path, scale: float = SCALE) -> Path:
    _application()
    geometry = atlas.geometry(view_id)
    view = atlas.view(view_id)
    width = int(view.width * scale) + LEGEND_WIDTH
    height = int(max(view.height * scale, 200))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.save()
    painter.scale(scale, scale)
    paint_figure(painter, geometry, scale)
    shapes = sorted(geometry.muscles, key=lambda m: -LAYER_RANK[m.layer])
    for shape in shapes:
        paint_muscle(painter, shape, scale, opacity=0.72 if shape.layer == "superficial" else 1.0)
    painter.setPen(Qt.PenStyle.NoPen)
    for zone in geometry.referral_zones:
        painter.setBrush(REFERRAL if zone.kind == "referral" else SPILLOVER)
        painter.drawPath(qpath(zone.shape))
    painter.setBrush(TRIGGER_POINT)
    painter.setPen(QPen(QColor("white"), 0.8))
    for mark in geometry.trigger_points:
        painter.drawEllipse(QPointF(mark.x, mark.y), 3.2, 3.2)
    painter.restore()

    numbers: dict[str, int] = {}
    for shape in sorted(geometry.muscles, key=lambda m: (m.muscle_id, m.side)):
        numbers.setdefault(shape.muscle_id, len(numbers) + 1)
    font = QFont("DejaVu Sans")
    font.setPixelSize(11)
    font.setBold(True)
    painter.setFont(font)
    for shape in geometry.muscles:
        x, y = shape.anchor
        box = QRectF(x * scale - 11, y * scale - 7, 22, 14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 210))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor("#102a43"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(numbers[shape.muscle_id]))

    big = QFont("DejaVu Sans")
    big.setPixelSize(int(30 * scale))
    big.setBold(True)
    painter.setFont(big)
    painter.setPen(QColor("#3b4a5a"))
    for label in geometry.labels:
        painter.drawText(
            QPointF(label.x * scale - 10 * scale, label.y * scale), label.side[0].upper()
        )

    legend_x = int(view.width * scale) + 16
    title = QFont("DejaVu Sans")
    title.setPixelSize(16)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(QColor("#102a43"))
    painter.drawText(QPointF(legend_x, 28), f"{view.title} — atlas {atlas.version}")
    small = QFont("DejaVu Sans")
    small.setPixelSize(11)
    painter.setFont(small)
    line = 50
    for muscle_id, number in numbers.items():
        muscle = atlas.catalogue.find(muscle_id)
        sides = sorted({s.side[0].upper() for s in geometry.muscles if s.muscle_id == muscle_id})
        layer = next(s.layer for s in geometry.muscles if s.muscle_id == muscle_id)
        name = muscle.name if muscle else muscle_id
        painter.drawText(
            QPointF(legend_x, line), f"{number:>3}  {name} ({'/'.join(sides)}, {layer})"
        )
        line += 14
        if line > height - 10:
            break
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(target))
    return target


def render_views(atlas: Atlas, directory: Path, views: list[str] | None = None) -> list[Path]:
    chosen = views or [view.id for view in atlas.views]
    return [render_view(atlas, view_id, directory / f"{view_id}.png") for view_id in chosen]
