"""Heat colours for how often a muscle was needled, and the legend that reads them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from needlemap.domain.heat import OPACITY, STOPS, heat_rgb


def heat_colour(count: int, highest: int) -> QColor:
    """The screen colour for ``count`` on a scale that ends at ``highest``, as printed."""
    r, g, b = heat_rgb(count, highest)
    return QColor(r, g, b, round(255 * OPACITY))


def heat_colours(counts: dict[tuple[str, str], int]) -> dict[tuple[str, str], QColor]:
    highest = max(counts.values(), default=0)
    return {key: heat_colour(count, highest) for key, count in counts.items() if count > 0}


class HeatLegend(QWidget):
    """ "Sessions needled: 1 … N" under a colour ramp."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.highest = 0
        self.setAccessibleName("Heatmap legend")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(48)

    def sizeHint(self) -> QSize:
        return QSize(260, 48)

    def set_highest(self, highest: int) -> None:
        self.highest = highest
        self.setAccessibleDescription(
            f"Colours from 1 to {highest} sessions" if highest else "No muscles needled"
        )
        self.update()

    def paintEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.Text)
        painter.setPen(text)
        if self.highest == 0:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignVCenter, "Nothing needled in this period"
            )
            return
        line = painter.fontMetrics().height()
        label = "Sessions in which the muscle was needled"
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignLeft, label)
        if self.highest == 1:
            swatch = QRectF(0, line + 3, 24, 12)
            painter.fillRect(swatch, heat_colour(1, 1))
            painter.drawText(
                QRectF(swatch.right() + 6, swatch.top() - 3, 200, line),
                Qt.AlignmentFlag.AlignLeft,
                "1 session",
            )
            return
        ramp = QRectF(0, line + 3, min(self.width() - 80, 260), 12)
        gradient = QLinearGradient(ramp.topLeft(), ramp.topRight())
        for fraction, (r, g, b) in STOPS:
            gradient.setColorAt(fraction, QColor(r, g, b, round(255 * OPACITY)))
        painter.fillRect(ramp, gradient)
        painter.drawText(
            QRectF(ramp.left(), ramp.bottom() + 1, 40, line), Qt.AlignmentFlag.AlignLeft, "1"
        )
        painter.drawText(
            QRectF(ramp.right() - 60, ramp.bottom() + 1, 60, line),
            Qt.AlignmentFlag.AlignRight,
            str(self.highest),
        )
