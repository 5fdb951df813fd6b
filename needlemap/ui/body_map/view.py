"""The body-map view: zoom, pan, fit; hover and click resolved by the atlas, layer by layer.

What lies under the cursor is always asked of the atlas (exact on the curves, superficial
first), never of Qt's item shapes, so the muscle a click names is the one the services accept.
Where several layers lie under a click, a small chooser lists them, superficial first.
The patient's R and L are painted on the viewport edges, so they stay in sight at any zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QPinchGesture, QWidget

from needlemap.anatomy import Atlas
from needlemap.anatomy.view_geometry import Hit
from needlemap.ui.body_map.items import MarkerItem
from needlemap.ui.body_map.scene import DEEP, BodyMapScene

MIN_ZOOM, MAX_ZOOM = 0.5, 14.0  # relative to "fit to window"
WHEEL_STEP = 1.18
FIT_MARGIN = 12.0


class BodyMapView(QGraphicsView):
    hovered = Signal(object)  # Hit | None
    spot_chosen = Signal(str, float, float, object)  # view id, x, y, Hit
    missed = Signal(str, float, float)  # a click that found no muscle
    chooser_opened = Signal(QMenu)
    picked = Signal(object)  # Hit: on a read-only map a click names a muscle for review

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Body map")
        self.setAccessibleDescription(
            "Click a muscle to mark a needled point; plus and minus zoom, 0 fits, arrows pan."
        )
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._fitted = True
        self._target: QRectF | None = None
        self._hover: Hit | None = None
        self._pan_from: QPoint | None = None
        self._space_down = False
        self.editable = True
        self.chooser: QMenu | None = None

    # scene and zoom --------------------------------------------------------------------

    @property
    def body_scene(self) -> BodyMapScene | None:
        scene = self.scene()
        return scene if isinstance(scene, BodyMapScene) else None

    def show_scene(self, scene: BodyMapScene) -> None:
        self.setScene(scene)
        self._set_hover(None)
        self._target = None
        self.fit()

    def fit(self) -> None:
        """Fit the whole view, or the region set by :meth:`fit_region`, to the window."""
        scene = self.body_scene
        if scene is None:
            return
        rect = self._target or scene.sceneRect()
        rect = rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True

    def fit_region(self, region: QRectF | None) -> None:
        """Frame a region of the current view (where the points are), never closer than a
        third of the body, so the region's surroundings stay recognisable; ``None`` frames
        the whole view. It is kept through resizes until the view changes."""
        scene = self.body_scene
        if scene is None:
            return
        if region is None or region.isNull():
            self._target = None
        else:
            whole = scene.sceneRect()
            least = max(whole.height() / 3, 120.0)
            width = max(region.width() * 1.4, least * whole.width() / whole.height())
            height = max(region.height() * 1.4, least)
            framed = QRectF(0, 0, width, height)
            framed.moveCenter(region.center())
            self._target = framed.intersected(whole)
        self.fit()

    def _fit_scale(self) -> float:
        scene = self.body_scene
        if scene is None:
            return 1.0
        rect = scene.sceneRect()
        viewport = self.viewport().rect()
        return min(
            viewport.width() / max(rect.width(), 1), viewport.height() / max(rect.height(), 1)
        )

    @property
    def zoom(self) -> float:
        """The current magnification relative to "fit to window"."""
        return self.transform().m11() / max(self._fit_scale(), 1e-9)

    def zoom_by(self, factor: float) -> None:
        wanted = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM)
        if abs(wanted - self.zoom) < 1e-9:
            return
        applied = wanted / self.zoom
        self.scale(applied, applied)
        self._fitted = False

    def zoom_in(self) -> None:
        self.zoom_by(WHEEL_STEP * WHEEL_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / (WHEEL_STEP * WHEEL_STEP))

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps and not (event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.zoom_by(WHEEL_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
        super().keyReleaseEvent(event)

    # hover and click -------------------------------------------------------------------

    def hits_at(self, scene_pos: QPointF) -> list[Hit]:
        """Muscles under a scene point, superficial first, as the current layer mode sees them."""
        scene = self.body_scene
        if scene is None:
            return []
        hits = self.atlas.muscles_at(scene.view_id, scene_pos.x(), scene_pos.y())
        if scene.layer_mode == DEEP:
            beneath = [h for h in hits if h.layer != "superficial"]
            return beneath or hits
        return hits

    def _set_hover(self, hit: Hit | None) -> None:
        if hit == self._hover:
            return
        self._hover = hit
        scene = self.body_scene
        if scene is not None:
            scene.highlight([(hit.muscle_id, hit.side)] if hit else [])
        self.hovered.emit(hit)
        self.viewport().update()

    @property
    def hovered_hit(self) -> Hit | None:
        return self._hover

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        super().mouseMoveEvent(event)
        hits = self.hits_at(self.mapToScene(event.position().toPoint()))
        self._set_hover(hits[0] if hits else None)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        item = self.itemAt(event.position().toPoint())
        if (
            event.button() != Qt.MouseButton.LeftButton
            or self._space_down
            or isinstance(item, MarkerItem)
        ):
            super().mousePressEvent(event)
            return
        event.accept()
        scene = self.body_scene
        if scene is None:
            return
        scene.clearSelection()
        position = self.mapToScene(event.position().toPoint())
        hits = self.hits_at(position)
        if not hits:
            self.missed.emit(scene.view_id, position.x(), position.y())
            return
        if not self.editable:
            self.picked.emit(hits[0])
            return
        if len(hits) == 1:
            self.spot_chosen.emit(scene.view_id, position.x(), position.y(), hits[0])
            return
        self._open_chooser(event.position().toPoint(), scene.view_id, position, hits)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            return
        super().mouseReleaseEvent(event)

    def _open_chooser(self, at: QPoint, view_id: str, position: QPointF, hits: list[Hit]) -> None:
        menu = QMenu(self)
        menu.setAccessibleName("Which muscle?")
        menu.setTitle("Which muscle?")
        heading = menu.addAction("Which muscle at this spot?")
        heading.setEnabled(False)
        for hit in hits:
            muscle = self.atlas.catalogue.find(hit.muscle_id)
            name = muscle.name if muscle else hit.muscle_id
            action = QAction(f"{name} — {hit.layer}", menu)
            action.setData(hit)
            action.triggered.connect(
                lambda _checked=False, h=hit: self.spot_chosen.emit(
                    view_id, position.x(), position.y(), h
                )
            )
            menu.addAction(action)
        menu.setActiveAction(menu.actions()[1])
        menu.aboutToHide.connect(menu.deleteLater)
        self.chooser = menu
        self.chooser_opened.emit(menu)
        menu.popup(self.viewport().mapToGlobal(at))

    # the patient's sides on the viewport edges -----------------------------------------

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        scene = self.body_scene
        if scene is None:
            return
        view = self.atlas.view(scene.view_id)
        painter.save()
        painter.resetTransform()
        viewport = self.viewport().rect()
        font = QFont(self.font())
        font.setPixelSize(13)
        font.setBold(True)
        painter.setFont(font)
        palette = self.palette()
        badge = palette.color(QPalette.ColorRole.Highlight)
        if view.shows is not None:
            self._badge(painter, QPointF(12, 12), f"Patient's {view.shows} side", badge)
        elif view.viewer_left is not None:
            left = view.viewer_left
            right = "left" if left == "right" else "right"
            y = viewport.height() / 2 - 14
            self._badge(painter, QPointF(8, y), left[0].upper(), badge)
            self._badge(
                painter,
                QPointF(viewport.width() - 8, y),
                right[0].upper(),
                badge,
                anchor_right=True,
            )
        if self._hover is not None:
            muscle = self.atlas.catalogue.find(self._hover.muscle_id)
            name = muscle.name if muscle else self._hover.muscle_id
            text = f"{name} — {self._hover.side}, {self._hover.layer}"
            self._badge(painter, QPointF(12, viewport.height() - 40), text, QColor(38, 50, 56, 220))
        painter.restore()

    def _badge(
        self,
        painter: QPainter,
        at: QPointF,
        text: str,
        color: QColor,
        *,
        anchor_right: bool = False,
    ) -> None:
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 16
        height = metrics.height() + 10
        x = at.x() - width if anchor_right else at.x()
        box = QRectF(x, at.y(), width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
