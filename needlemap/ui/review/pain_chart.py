"""The pain trend: NPRS before and after each session, with the minimal clinically important
change (2 points on the NPRS) shown as a band around the first score on arrival: a later score
inside the band is not a meaningful change, as in the printed progress report.

Painted with QPainter from the palette, so it follows light and dark themes and prints crisply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from needlemap.domain.progress import MCID_NPRS

MCID = MCID_NPRS
BEFORE = QColor("#c62828")
AFTER = QColor("#1565c0")
BAND = QColor(46, 125, 50, 40)


@dataclass(frozen=True, slots=True)
class TrendPoint:
    day: date
    before: int | None
    after: int | None


class PainTrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[TrendPoint] = []
        self.setAccessibleName("Pain trend chart")
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def set_points(self, points: Sequence[TrendPoint]) -> None:
        self._points = sorted(points, key=lambda p: p.day)
        self.update()

    @property
    def points(self) -> list[TrendPoint]:
        return list(self._points)

    def plot_rect(self) -> QRectF:
        return QRectF(48, 16, max(self.width() - 64, 10), max(self.height() - 52, 10))

    def position(self, index: int, value: float) -> QPointF:
        rect = self.plot_rect()
        count = max(len(self._points) - 1, 1)
        x = rect.left() + rect.width() * (index / count if len(self._points) > 1 else 0.5)
        y = rect.bottom() - rect.height() * value / 10
        return QPointF(x, y)

    def paintEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        grid = palette.color(QPalette.ColorRole.Mid)
        rect = self.plot_rect()
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
        painter.setFont(font)
        for value in range(0, 11, 2):
            y = self.position(0, value).y()
            painter.setPen(QPen(grid, 0.6, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - 8, rect.left() - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        painter.save()
        painter.translate(12, rect.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-60, -10, 120, 20), Qt.AlignmentFlag.AlignCenter, "NPRS (0–10)")
        painter.restore()
        if not self._points:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "No sessions yet")
            return
        baseline = next((p.before for p in self._points if p.before is not None), None)
        if baseline is not None:
            top = self.position(0, min(baseline + MCID, 10)).y()
            bottom = self.position(0, max(baseline - MCID, 0)).y()
            painter.fillRect(QRectF(rect.left(), top, rect.width(), bottom - top), BAND)
        for series, colour in (("before", BEFORE), ("after", AFTER)):
            path = QPainterPath()
            started = False
            for index, point in enumerate(self._points):
                value = getattr(point, series)
                if value is None:
                    continue
                at = self.position(index, value)
                if started:
                    path.lineTo(at)
                else:
                    path.moveTo(at)
                    started = True
            painter.setPen(QPen(colour, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            for index, point in enumerate(self._points):
                value = getattr(point, series)
                if value is not None:
                    painter.drawEllipse(self.position(index, value), 3.5, 3.5)
        painter.setPen(text)
        step = max(1, len(self._points) // 8)
        for index in range(0, len(self._points), step):
            at = self.position(index, 0)
            painter.drawText(
                QRectF(at.x() - 40, rect.bottom() + 4, 80, 16),
                Qt.AlignmentFlag.AlignHCenter,
                f"{self._points[index].day:%d %b %y}",
            )
        legend_y = rect.bottom() + 22
        for offset, (label, colour) in enumerate(
            (("Before treatment", BEFORE), ("After treatment", AFTER))
        ):
            x = rect.left() + offset * 150
            painter.setPen(QPen(colour, 2.0))
            painter.drawLine(QPointF(x, legend_y + 8), QPointF(x + 18, legend_y + 8))
            painter.setPen(text)
            painter.drawText(QPointF(x + 24, legend_y + 12), label)
        if baseline is not None:
            x = rect.left() + 300
            painter.fillRect(QRectF(x, legend_y + 2, 18, 12), BAND.darker(110))
            painter.drawText(
                QPointF(x + 24, legend_y + 12),
                f"Less than {MCID} points from the first score (not a meaningful change)",
            )
