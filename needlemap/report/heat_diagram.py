"""The heatmap for the printed progress report: each muscle coloured by how often it was needled.

Drawn as vectors from the same atlas geometry as the screen and the session diagrams, with the
shared heat scale of :mod:`needlemap.domain.heat`, so paper and screen agree on every colour.
Muscles not needled in the period are washed out to a pale tint: present for orientation, but
quiet. A needled muscle is painted even where a shallower muscle that was *not* needled would
cover it (quadratus lumborum under the back muscles, supraspinatus under the trapezius), since
a heatmap whose deep muscles vanish would say "never treated". Among needled muscles the
atlas's layer order holds (deep first), and a deeper one under a shallower one shows through
as stripes of its own heat inside a dashed outline, so both counts stay readable. Each needled
muscle carries its count in a small white disc, so the map also reads in greyscale.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from needlemap.anatomy import Atlas
from needlemap.anatomy.geometry import Point
from needlemap.anatomy.view_geometry import LAYER_RANK, MuscleShape
from needlemap.domain.heat import OPACITY, RGB, heat_rgb, ramp_rgb
from needlemap.domain.history import MuscleSide
from needlemap.report.diagram import (
    BONE_EDGE,
    MUSCLE,
    MUSCLE_EDGE,
    ClippedDrawing,
    Placement,
    figure,
    side_label,
    vector_path,
)
from needlemap.report.fonts import BOLD, REGULAR, register_fonts
from needlemap.report.layout import INK, MUTED, escape, styles

FULL_BODY_HEIGHT = 108 * mm
INSET_HEIGHT = 52 * mm
INSET_COLUMN = 62 * mm
"""The least width of the column of insets beside the full-body views."""
GAP = 8.0
TITLE_H = 14.0
NUMBER_RADIUS = 4.6
HATCH_WIDTH, HATCH_SPACING = 1.5, 3.4
"""Stripes of a covered deeper muscle's heat: wide enough to read, apart enough to show both."""
MIN_HEIGHT, MIN_WIDTH = 0.35, 0.6
"""A cropped full-body view keeps at least these fractions of the body: context."""

WASH: RGB = (250, 247, 245)
WASH_ALPHA = 215 / 255
"""The screen's wash over un-needled muscles (body map ``MUTED``), repeated for paper."""
QUIET_EDGE = HexColor("#d3c2ba")
LEGEND_TEXT = "Sessions in which the muscle was needled"


def _rgb(color: Color) -> RGB:
    return (round(color.red * 255), round(color.green * 255), round(color.blue * 255))


def _over(top: RGB, alpha: float, under: RGB) -> Color:
    """``top`` painted at ``alpha`` over ``under``, as one opaque colour (no PDF transparency)."""
    r, g, b = (alpha * t + (1 - alpha) * u for t, u in zip(top, under, strict=True))
    return Color(r / 255, g / 255, b / 255)


_BASE = _rgb(MUSCLE["superficial"])
QUIET = _over(WASH, WASH_ALPHA, _BASE)


def heat_color(count: int, highest: int) -> Color:
    """The printed colour for ``count`` sessions: the screen's heat at its opacity over muscle."""
    return _over(heat_rgb(count, highest), OPACITY, _BASE)


# Which views ---------------------------------------------------------------------------


def heat_views(atlas: Atlas, counts: Mapping[MuscleSide, int]) -> list[str]:
    """The views worth printing, in the atlas's order.

    Front and back when they show any needled muscle; another view only for needled muscles
    that neither shows (the jaw's pterygoids, the foot's intrinsic muscles), choosing first the
    view that shows most of them, so the temporalis on both sides takes one head inset rather
    than two lateral views.
    """
    needled = {key for key, count in counts.items() if count > 0}
    chosen: list[str] = []
    for view_id in ("anterior", "posterior"):
        if atlas.has_view(view_id) and needled & _keys(atlas, view_id):
            chosen.append(view_id)
    uncovered = needled - set().union(*(_keys(atlas, v) for v in chosen))
    others = [view.id for view in atlas.views if view.id not in ("anterior", "posterior")]
    while uncovered:
        best = max(others, key=lambda v: len(uncovered & _keys(atlas, v)), default=None)
        if best is None or not uncovered & _keys(atlas, best):
            break  # muscles the atlas does not draw: they are in the tables only
        chosen.append(best)
        others.remove(best)
        uncovered -= _keys(atlas, best)
    order = [view.id for view in atlas.views]
    return sorted(chosen, key=order.index)


def _keys(atlas: Atlas, view_id: str) -> set[MuscleSide]:
    return {shape.key for shape in atlas.geometry(view_id).muscles}


Window = tuple[float, float, float, float]
"""A part of a view to print, in view units: x0, y0, x1, y1."""


def heat_windows(
    atlas: Atlas, view_ids: Iterable[str], counts: Mapping[MuscleSide, int]
) -> dict[str, Window]:
    """For each full-body view, the part around its needled muscles worth printing.

    The windows share one size (a lateral view, narrower, may be narrower), so the views print
    side by side at one scale; they keep at least :data:`MIN_HEIGHT` of the body's height and
    :data:`MIN_WIDTH` of its width (midline included) for orientation.
    """
    views = [atlas.view(v) for v in view_ids]
    boxes: dict[str, Window] = {}
    for view in views:
        found = [
            shape.outline.bbox
            for shape in atlas.geometry(view.id).muscles
            if counts.get(shape.key, 0) > 0
        ]
        if found:
            boxes[view.id] = (
                min(b[0] for b in found),
                min(b[1] for b in found),
                max(b[2] for b in found),
                max(b[3] for b in found),
            )
    if not views:
        return {}
    height = max(view.height for view in views)
    widest = max(view.width for view in views)
    if boxes:
        top = min(box[1] for box in boxes.values()) - height * 0.05
        bottom = max(box[3] for box in boxes.values()) + height * 0.05
    else:
        top, bottom = 0.0, height
    band = min(height, max(bottom - top, height * MIN_HEIGHT))
    y0 = min(max(0.0, (top + bottom) / 2 - band / 2), height - band)
    needed = max((box[2] - box[0] + widest * 0.12 for box in boxes.values()), default=widest)
    span = min(widest, max(needed, widest * MIN_WIDTH))
    windows: dict[str, Window] = {}
    for view in views:
        wide = min(span, view.width)
        box = boxes.get(view.id)
        middle = (box[0] + box[2]) / 2 if box is not None else view.width / 2
        x0 = min(max(0.0, middle - wide / 2), view.width - wide)
        windows[view.id] = (x0, y0, x0 + wide, y0 + band)
    return windows


# One view ------------------------------------------------------------------------------


def heat_drawing(
    atlas: Atlas,
    view_id: str,
    counts: Mapping[MuscleSide, int],
    width: float,
    height: float,
    *,
    window: Window | None = None,
    highest: int | None = None,
    numbers: bool = True,
) -> Drawing:
    """One view fitted in width × height points, its muscles coloured by session count.

    ``window`` crops the view (view units; wrap the drawing in a ``ClippedDrawing``);
    ``highest`` sets the top of the scale (the period's highest count by default, which the
    legend must share); ``numbers`` writes each needled muscle's count on it, so the map reads
    without colour too.
    """
    register_fonts()
    view = atlas.view(view_id)
    geometry = atlas.geometry(view_id)
    left, top, right, bottom = window if window is not None else (0, 0, view.width, view.height)
    top_count = highest if highest is not None else max(counts.values(), default=0)
    scale = min(width / (right - left), height / (bottom - top))
    drawn_w, drawn_h = (right - left) * scale, (bottom - top) * scale
    drawing = Drawing(drawn_w, drawn_h)
    place = Placement(left, top, scale, drawn_h)
    body = figure(geometry, place, line=0.87)
    deep_first = sorted(geometry.muscles, key=lambda m: -LAYER_RANK[m.layer])
    needled = [m for m in deep_first if counts.get(m.key, 0) > 0]
    covered = _covered(needled)
    for shape in deep_first:
        if counts.get(shape.key, 0) <= 0:
            body.add(
                vector_path(
                    shape.outline, place, fillColor=QUIET, strokeColor=QUIET_EDGE, strokeWidth=0.25
                )
            )
    for shape in needled:
        body.add(
            vector_path(
                shape.outline,
                place,
                fillColor=heat_color(counts[shape.key], top_count),
                strokeColor=MUSCLE_EDGE,
                strokeWidth=0.45,
            )
        )
    for shape in covered:
        # stripes of its heat over the needled muscle that covers it: both counts show
        colour = heat_color(counts[shape.key], top_count)
        for (x0, y0), (x1, y1) in _hatch(shape, place):
            body.add(Line(x0, y0, x1, y1, strokeColor=colour, strokeWidth=HATCH_WIDTH))
        body.add(
            vector_path(
                shape.outline,
                place,
                fillColor=None,
                strokeColor=MUSCLE_EDGE,
                strokeWidth=0.6,
                strokeDashArray=[2, 1.5],
            )
        )
    drawing.add(body)
    if (left, top, right, bottom) != (0, 0, view.width, view.height):
        drawing.add(
            Rect(0, 0, drawn_w, drawn_h, fillColor=None, strokeColor=BONE_EDGE, strokeWidth=0.4)
        )
    if numbers:
        taken: list[tuple[float, float]] = []
        for shape in sorted(needled, key=lambda m: -counts[m.key]):
            x, y = _label_spot(shape, place, taken)
            if NUMBER_RADIUS <= y <= drawn_h - NUMBER_RADIUS:
                taken.append((x, y))
                drawing.add(
                    Circle(
                        x,
                        y,
                        NUMBER_RADIUS,
                        fillColor=Color(1, 1, 1),
                        strokeColor=MUSCLE_EDGE,
                        strokeWidth=0.4,
                    )
                )
                drawing.add(
                    String(
                        x,
                        y - 2.3,
                        str(counts[shape.key]),
                        fontName=BOLD,
                        fontSize=6.5,
                        fillColor=INK,
                        textAnchor="middle",
                    )
                )
    for label in geometry.labels:
        x, y = place(label.x, label.y)
        # a cropped view keeps its R and L inside, at its top
        x, y = min(max(x, 10.0), drawn_w - 10), min(y, drawn_h - 14)
        drawing.add(side_label(x, y, label.side))
    return drawing


def _covered(needled: Sequence[MuscleShape]) -> list[MuscleShape]:
    """Needled muscles that a shallower needled muscle overlaps, deepest first.

    Their heat is striped over it, inside a dashed outline, or the shallower muscle's heat
    would hide theirs (piriformis under a needled gluteus maximus).
    """
    return [
        shape
        for shape in needled
        if any(
            LAYER_RANK[other.layer] < LAYER_RANK[shape.layer] and _overlap(shape, other)
            for other in needled
        )
    ]


def _grid(shape: MuscleShape, steps: int = 12) -> list[tuple[float, float]]:
    """Points of a steps × steps grid over the shape's bounds that fall inside it."""
    x0, y0, x1, y1 = shape.outline.bbox
    points = [
        (x0 + (x1 - x0) * (i + 0.5) / steps, y0 + (y1 - y0) * (j + 0.5) / steps)
        for i in range(steps)
        for j in range(steps)
    ]
    return [(x, y) for x, y in points if shape.outline.contains(x, y)]


def _overlap(shape: MuscleShape, other: MuscleShape) -> bool:
    """Whether a visible part of ``shape`` lies under ``other`` (sampled, not exact)."""
    x0, y0, x1, y1 = shape.outline.bbox
    a0, b0, a1, b1 = other.outline.bbox
    if not (a0 < x1 and x0 < a1 and b0 < y1 and y0 < b1):
        return False
    return any(other.outline.contains(x, y) for x, y in _grid(shape))


def _hatch(shape: MuscleShape, place: Placement) -> list[tuple[Point, Point]]:
    """Diagonal stripes filling the muscle's outline, in drawing coordinates (even-odd rule)."""
    polygons = [[place(x, y) for x, y in sub] for sub in shape.outline.sample(8)]
    root = math.sqrt(2)

    def turn(x: float, y: float) -> Point:  # into stripe space: stripes run along u
        return ((x + y) / root, (y - x) / root)

    turned = [[turn(x, y) for x, y in poly] for poly in polygons]
    vs = [v for poly in turned for _, v in poly]
    if not vs:
        return []
    stripes = []
    v = math.floor(min(vs) / HATCH_SPACING) * HATCH_SPACING + HATCH_SPACING / 2
    while v < max(vs):
        crossings = sorted(
            u0 + (u1 - u0) * (v - v0) / (v1 - v0)
            for poly in turned
            for (u0, v0), (u1, v1) in itertools.pairwise([*poly, poly[0]])
            if (v0 <= v < v1) or (v1 <= v < v0)
        )
        for index in range(0, len(crossings) - 1, 2):
            u_start, u_end = crossings[index], crossings[index + 1]
            stripes.append(
                (
                    ((u_start - v) / root, (u_start + v) / root),
                    ((u_end - v) / root, (u_end + v) / root),
                )
            )
        v += HATCH_SPACING
    return stripes


def _label_spot(shape: MuscleShape, place: Placement, taken: Sequence[Point]) -> Point:
    """Where the count goes, in drawing coordinates: the muscle's anchor, unless another count
    is already there; then the point inside the muscle nearest the anchor that is clear."""
    room = 2 * NUMBER_RADIUS + 1

    def clear(point: Point) -> bool:
        return all(math.dist(point, other) >= room for other in taken)

    anchor = place(*shape.anchor)
    if clear(anchor):
        return anchor
    inside = [place(x, y) for x, y in _grid(shape, 16)]
    free = [point for point in inside if clear(point)]
    if not free:
        return anchor
    return min(free, key=lambda point: math.dist(point, anchor))


# The legend ----------------------------------------------------------------------------


def heat_legend(highest: int, width: float) -> Drawing:
    """The colour scale from 1 to ``highest`` sessions, and the tint of muscles not needled.

    One labelled swatch per count up to twelve; a continuous ramp labelled at its ends and
    middle beyond that.
    """
    register_fonts()
    height = 34.0
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 9, LEGEND_TEXT, fontName=BOLD, fontSize=8.5, fillColor=INK))
    swatch_h, y = 10.0, 8.0
    quiet_w = 92.0
    ramp_w = min(width - quiet_w - 24, 300.0, 36.0 * max(highest, 1))
    if highest <= 0:
        drawing.add(
            String(0, y + 2, "Nothing was needled in this period.", fontName=REGULAR, fontSize=8)
        )
        return drawing
    if highest <= 12:
        step = ramp_w / highest
        for count in range(1, highest + 1):
            x = (count - 1) * step
            drawing.add(
                Rect(
                    x,
                    y,
                    step,
                    swatch_h,
                    fillColor=heat_color(count, highest),
                    strokeColor=Color(1, 1, 1),
                    strokeWidth=0.5,
                )
            )
            drawing.add(
                String(
                    x + step / 2,
                    y - 7.5,
                    str(count),
                    fontName=REGULAR,
                    fontSize=7,
                    fillColor=INK,
                    textAnchor="middle",
                )
            )
    else:
        slices = 60
        for index in range(slices):
            drawing.add(
                Rect(
                    ramp_w * index / slices,
                    y,
                    ramp_w / slices + 0.3,  # overlap a hair: no hairline gaps between slices
                    swatch_h,
                    fillColor=_over(ramp_rgb(index / (slices - 1)), OPACITY, _BASE),
                    strokeColor=None,
                )
            )
        for count in sorted({1, (highest + 1) // 2, highest}):
            x = ramp_w * (count - 1) / (highest - 1)
            anchor = "start" if count == 1 else "end" if count == highest else "middle"
            drawing.add(Line(x, y, x, y - 2, strokeColor=INK, strokeWidth=0.5))
            drawing.add(
                String(
                    x,
                    y - 8.5,
                    str(count),
                    fontName=REGULAR,
                    fontSize=7,
                    fillColor=INK,
                    textAnchor=anchor,
                )
            )
    x = ramp_w + 24
    drawing.add(Rect(x, y, 16, swatch_h, fillColor=QUIET, strokeColor=QUIET_EDGE, strokeWidth=0.5))
    drawing.add(
        String(x + 21, y + 2.5, "not needled", fontName=REGULAR, fontSize=7.5, fillColor=MUTED)
    )
    return drawing


# The panel of views --------------------------------------------------------------------


def heat_panel(
    atlas: Atlas,
    counts: Mapping[MuscleSide, int],
    width: float,
    *,
    height: float = FULL_BODY_HEIGHT,
) -> Flowable | None:
    """The chosen views, titled, in ``width``; None when no needled muscle is drawn.

    The full-body views stand side by side at one scale, as tall as ``height`` allows; up to
    two insets stand in a column beside them, more go in rows below.
    """
    views = heat_views(atlas, counts)
    if not views:
        return None
    s = styles()
    highest = max(counts.values(), default=0)
    full = [v for v in views if not atlas.view(v).is_inset]
    insets = [v for v in views if atlas.view(v).is_inset]
    beside = insets if full and len(insets) <= 2 else []
    below = [v for v in insets if v not in beside]
    rows: list[list[Flowable]] = []
    if full:
        windows = heat_windows(atlas, full, counts)
        aspects = [(w[2] - w[0]) / (w[3] - w[1]) for w in (windows[v] for v in full)]
        column = INSET_COLUMN if beside else 0.0
        slots = len(full) + (1 if beside else 0)
        body_h = min(height, (width - column - GAP * slots) / sum(aspects))
        row: list[Flowable] = []
        widths: list[float] = []
        for view_id, aspect in zip(full, aspects, strict=True):
            drawing = heat_drawing(
                atlas,
                view_id,
                counts,
                aspect * body_h,
                body_h,
                window=windows[view_id],
                highest=highest,
            )
            row.append(_titled(atlas, view_id, ClippedDrawing(drawing), s["small"]))
            widths.append(aspect * body_h + GAP)
        if beside:
            room = width - sum(widths)
            each = (body_h - TITLE_H * (len(beside) - 1)) / len(beside)
            stacked = [
                _titled(
                    atlas,
                    view_id,
                    heat_drawing(atlas, view_id, counts, room - GAP, each, highest=highest),
                    s["small"],
                )
                for view_id in beside
            ]
            row.append(_stack(stacked, room))
            widths.append(room)
        rows.append([_row(row, widths)])
    per_row = 3 if len(below) > 2 else 2
    for start in range(0, len(below), per_row):
        chunk = below[start : start + per_row]
        cell = width / per_row
        drawings: list[Flowable] = [
            _titled(
                atlas,
                view_id,
                heat_drawing(atlas, view_id, counts, cell - GAP, INSET_HEIGHT, highest=highest),
                s["small"],
            )
            for view_id in chunk
        ]
        rows.append([_row(drawings, [cell] * len(chunk))])
    return _stack([r[0] for r in rows], width)


def _row(cells: list[Flowable], widths: list[float]) -> Table:
    table = Table([cells], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _stack(items: list[Flowable], width: float) -> Table:
    table = Table([[item] for item in items], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _titled(atlas: Atlas, view_id: str, drawing: Flowable, style: ParagraphStyle) -> Table:
    """The view's title centred over its drawing."""
    centred = ParagraphStyle("view_title", parent=style, alignment=TA_CENTER)
    title = Paragraph(f"<b>{escape(atlas.view(view_id).title)}</b>", centred)
    width = drawing.wrap(0, 0)[0]
    table = Table([[title], [drawing]], colWidths=[max(width, 60.0)])
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table
