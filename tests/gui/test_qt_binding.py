"""Guard against a broken Qt binding: PySide6 6.12.0 on Python 3.11 dropped a reference to None
on every call of a method returning void, which crashes the interpreter once a few thousand
paths have been drawn. The body map makes such calls by the thousand."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem


def test_void_calls_keep_none_alive(qapp) -> None:
    path = QPainterPath()
    item = QGraphicsPathItem()
    before = sys.getrefcount(None)
    for _ in range(2000):
        path.moveTo(QPointF(0, 0))
        path.cubicTo(QPointF(1, 2), QPointF(3, 4), QPointF(5, 6))
        item.setPen(QPen())
    assert sys.getrefcount(None) - before > -50, "this PySide6 build leaks references to None"
