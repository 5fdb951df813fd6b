"""NeedleMap's own line icons (``resources/icons``), recoloured to the palette's text colour so
that they read on light and dark system themes alike, and rendered crisply at any scale."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from needlemap.resources import resource_path

DRAWN_IN = "#37474f"
SIZES = (16, 20, 24, 32, 48)


def _text_colour() -> QColor:
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.ButtonText)


@cache
def _icon(name: str, colour: str) -> QIcon:
    source = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(source.replace(DRAWN_IN, colour).encode()))
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size * 2, size * 2)
        pixmap.setDevicePixelRatio(2.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def icon(name: str) -> QIcon:
    return _icon(name, _text_colour().name())
