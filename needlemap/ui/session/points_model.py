"""The session's needled points as a tree grouped by muscle and side, in charting order."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from needlemap.anatomy import Atlas
from needlemap.domain.point import NeedledPoint

POINT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def needle_text(point: NeedledPoint) -> str:
    s = point.settings
    parts = []
    if s.needle_diameter_mm and s.needle_length_mm:
        parts.append(f"{s.needle_diameter_mm:g}×{s.needle_length_mm:g} mm")
    if s.depth_mm:
        parts.append(f"depth {s.depth_mm:g} mm")
    if s.ltr_count is not None:
        parts.append(f"LTR {s.ltr_count}")
    if s.familiar_pain:
        parts.append("familiar pain")
    return " · ".join(parts)


class PointsModel(QStandardItemModel):
    def __init__(self, atlas: Atlas, parent: object = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.setHorizontalHeaderLabels(["Point", "Details"])

    def set_points(self, points: Sequence[NeedledPoint]) -> None:
        self.removeRows(0, self.rowCount())
        groups: dict[tuple[str, str], QStandardItem] = {}
        for point in sorted(points, key=lambda p: p.seq):
            key = (point.muscle_id, point.side.value)
            parent = groups.get(key)
            if parent is None:
                muscle = self.atlas.catalogue.find(point.muscle_id)
                name = muscle.name if muscle else point.muscle_id
                parent = QStandardItem(f"{name} — {point.side.label.lower()}")
                parent.setEditable(False)
                font = parent.font()
                font.setBold(True)
                parent.setFont(font)
                detail = QStandardItem("")
                detail.setEditable(False)
                self.appendRow([parent, detail])
                groups[key] = parent
            label = f"{point.seq}"
            if point.location.trigger_point:
                label += f"  {point.location.trigger_point}"
            item = QStandardItem(label)
            item.setData(point.id, POINT_ID_ROLE)
            item.setEditable(False)
            item.setToolTip(f"Point {point.seq}, {point.location.view} view")
            detail = QStandardItem(needle_text(point))
            detail.setData(point.id, POINT_ID_ROLE)
            detail.setEditable(False)
            parent.appendRow([item, detail])
        for parent in groups.values():
            count = parent.rowCount()
            self.item(parent.row(), 1).setText(f"{count} point" + ("" if count == 1 else "s"))

    def index_of(self, point_id: int) -> QModelIndex:
        for row in range(self.rowCount()):
            parent = self.item(row, 0)
            for child in range(parent.rowCount()):
                item = parent.child(child, 0)
                if item.data(POINT_ID_ROLE) == point_id:
                    return item.index()
        return QModelIndex()
