"""Body-map diagrams for the PDFs, drawn as vectors from the same atlas geometry as the screen.

Each view becomes a reportlab ``Drawing``: the silhouette, landmarks and muscles as ``Path``s built
from the atlas's own cubic segments, the needled points as numbered discs at the places the
atlas puts them, and the patient's R and L. A view can be cropped vertically to the part of the
body that carries points, so a neck-and-shoulder session prints large enough to read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Group, Path, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.platypus import Flowable

from needlemap.anatomy import Atlas
from needlemap.anatomy.geometry import CubicPath
from needlemap.anatomy.view_geometry import LAYER_RANK, ViewGeometry
from needlemap.domain.point import NeedledPoint
from needlemap.report.fonts import BOLD, register_fonts

SKIN, SKIN_EDGE = HexColor("#f4ece4"), HexColor("#7a6d64")
BONE, BONE_EDGE = HexColor("#ebe4d8"), HexColor("#b5ab9d")
MUSCLE = {
    "superficial": HexColor("#d98b7e"),
    "intermediate": HexColor("#c9786c"),
    "deep": HexColor("#b8675c"),
}
MUSCLE_EDGE, TENDON, TENDON_EDGE = HexColor("#85392f"), HexColor("#f2e9d9"), HexColor("#b19d84")
FIBRE = Color(0.61, 0.29, 0.25, alpha=0.55)
MARKER, LABEL = HexColor("#0d47a1"), HexColor("#37474f")
MARKER_RADIUS_PT = 5.2


@dataclass(frozen=True, slots=True)
class Placement:
    """How view coordinates map onto the drawing: x' = (x - x0)·scale, y' = top - (y - y0)·scale."""

    x0: float
    y0: float
    scale: float
    height: float

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        return ((x - self.x0) * self.scale, self.height - (y - self.y0) * self.scale)


def vector_path(shape: CubicPath, place: Placement, **style: object) -> Path:
    path = Path(**style)
    for sub in shape.subpaths:
        path.moveTo(*place(*sub[0][0]))
        for cubic in sub:
            path.curveTo(*place(*cubic[1]), *place(*cubic[2]), *place(*cubic[3]))
        if shape.closed:
            path.closePath()
    return path


def figure(geometry: ViewGeometry, place: Placement, line: float = 1.0) -> Group:
    """The body outline and the bony landmarks: what every printed view is drawn on."""
    body = Group()
    for silhouette in geometry.silhouettes:
        body.add(
            vector_path(
                silhouette, place, fillColor=SKIN, strokeColor=SKIN_EDGE, strokeWidth=0.8 * line
            )
        )
    for landmark in geometry.landmarks:
        fill = BONE if landmark.kind == "bone" else None
        body.add(
            vector_path(
                landmark.path,
                place,
                fillColor=fill,
                strokeColor=BONE_EDGE,
                strokeWidth=0.35 * line,
            )
        )
    return body


def crop_rows(atlas: Atlas, view_id: str, points: Sequence[NeedledPoint]) -> tuple[float, float]:
    """The vertical band of the view worth printing: around the points, at least 45% tall."""
    view = atlas.view(view_id)
    ys = [
        atlas.place(view_id, p.location.x, p.location.y, p.location.atlas_version)[1]
        for p in points
        if p.location.view == view_id
    ]
    if not ys or view.kind == "inset":
        return 0.0, view.height
    band = max(view.height * 0.45, (max(ys) - min(ys)) + view.height * 0.2)
    middle = (min(ys) + max(ys)) / 2
    top = min(max(0.0, middle - band / 2), view.height - band)
    return top, top + band


LINE = 1 / 0.24
"""Line widths of the cached body are in view units; at the usual printed scale (a view about
0.24 pt per unit) this many units make a point."""


@lru_cache(maxsize=16)
def _body(atlas: Atlas, view_id: str) -> Group:
    """The view's figure and muscles in view units (y negated), built once per view: every
    document draws the same body, only its size and markers change. Deep muscles first."""
    geometry = atlas.geometry(view_id)
    unit = Placement(0.0, 0.0, 1.0, 0.0)
    body = figure(geometry, unit, line=LINE)
    for shape in sorted(geometry.muscles, key=lambda m: -LAYER_RANK[m.layer]):
        body.add(
            vector_path(
                shape.outline,
                unit,
                fillColor=MUSCLE[shape.layer],
                strokeColor=MUSCLE_EDGE,
                strokeWidth=0.3 * LINE,
            )
        )
        if shape.fibres is not None:
            body.add(
                vector_path(
                    shape.fibres, unit, fillColor=None, strokeColor=FIBRE, strokeWidth=0.15 * LINE
                )
            )
        for tendon in shape.tendons:
            body.add(
                vector_path(
                    tendon, unit, fillColor=TENDON, strokeColor=TENDON_EDGE, strokeWidth=0.2 * LINE
                )
            )
    return body


def view_drawing(
    atlas: Atlas,
    view_id: str,
    points: Sequence[NeedledPoint],
    width: float,
    height: float,
    *,
    crop: bool = True,
    numbers: dict[int, int] | None = None,
) -> Drawing:
    """A vector drawing of one view, fitted in width × height points, with numbered markers."""
    register_fonts()
    view = atlas.view(view_id)
    geometry = atlas.geometry(view_id)
    top, bottom = crop_rows(atlas, view_id, points) if crop else (0.0, view.height)
    scale = min(width / view.width, height / (bottom - top))
    drawn_w, drawn_h = view.width * scale, (bottom - top) * scale
    drawing = Drawing(drawn_w, drawn_h)
    place = Placement(0.0, top, scale, drawn_h)
    body = Group(_body(atlas, view_id))
    body.transform = (scale, 0, 0, scale, 0.0, drawn_h + top * scale)  # view units, y flipped
    drawing.add(body)
    if crop and (top > 0 or bottom < view.height):
        drawing.add(
            Rect(0, 0, drawn_w, drawn_h, fillColor=None, strokeColor=BONE_EDGE, strokeWidth=0.4)
        )
    for label in geometry.labels:
        x, y = place(label.x, label.y)
        if 0 <= y <= drawn_h:
            drawing.add(side_label(x, y, label.side))
    for point in points:
        if point.location.view != view_id:
            continue
        x, y = place(
            *atlas.place(view_id, point.location.x, point.location.y, point.location.atlas_version)
        )
        number = (numbers or {}).get(point.id, point.seq)
        drawing.add(
            Circle(x, y, MARKER_RADIUS_PT, fillColor=MARKER, strokeColor=white, strokeWidth=0.9)
        )
        drawing.add(
            String(
                x,
                y - 2.4,
                str(number),
                fontName=BOLD,
                fontSize=6.8,
                fillColor=white,
                textAnchor="middle",
            )
        )
    return drawing


def side_label(x: float, y: float, side: str) -> String:
    """The patient's R or L, as every printed view shows it."""
    return String(
        x, y, side[0].upper(), fontName=BOLD, fontSize=11, fillColor=LABEL, textAnchor="middle"
    )


class ClippedDrawing(Flowable):
    """A drawing clipped to its own frame, so a cropped body view stays inside its box."""

    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if getattr(canvas, "measuring", False):
            return  # a layout pass counting pages: the space is what matters
        canvas.saveState()
        frame = canvas.beginPath()
        frame.rect(0, 0, self.width, self.height)
        canvas.clipPath(frame, stroke=0, fill=0)
        renderPDF.draw(self.drawing, canvas, 0, 0)
        canvas.restoreState()


def views_with_points(atlas: Atlas, points: Sequence[NeedledPoint]) -> list[str]:
    """The views that carry points, in the atlas's order."""
    used = {p.location.view for p in points}
    return [view.id for view in atlas.views if view.id in used]
