"""The atlas's own quality rules, run by the tests and by whoever edits the artwork.

Each check returns a list of problems in plain words ("deltoid_anterior.right in anterior:
anchor not inside its own outline"), empty when the atlas keeps the rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from needlemap.anatomy.atlas import Atlas
from needlemap.anatomy.geometry import CubicPath, Point
from needlemap.anatomy.view_geometry import MuscleShape, ViewGeometry
from needlemap.anatomy.views import View

ROW = 0.5  # scanline spacing for overlap areas, in view units
OVERLAP_TOLERANCE = 0.03  # share of the smaller shape's area two shapes of a layer may share
OUTSIDE_TOLERANCE = 2.0  # how far (view units) an outline may stray over the body's edge


def expected_shapes(atlas: Atlas) -> set[tuple[str, str, str]]:
    """(view, muscle, side) for every side of every drawn muscle in every catalogue view."""
    wanted = set()
    for muscle in atlas.catalogue:
        for view_id in muscle.views:
            shows = atlas.view(view_id).shows
            for side in muscle.sides:
                if shows is not None and shows != side:
                    continue
                wanted.add((view_id, muscle.id, side))
    return wanted


def check_coverage(atlas: Atlas) -> list[str]:
    drawn = {
        (view.id, m.muscle_id, m.side)
        for view in atlas.views
        for m in atlas.geometry(view.id).muscles
    }
    problems = [
        f"{m}.{s} is not drawn in {v}" for v, m, s in sorted(expected_shapes(atlas) - drawn)
    ]
    known = {m.id for m in atlas.catalogue}
    problems += [
        f"{m}.{s} in {v} is not in the catalogue" for v, m, s in sorted(drawn) if m not in known
    ]
    return problems


def check_anchors(geometry: ViewGeometry) -> list[str]:
    problems = []
    for shape in geometry.muscles:
        hits = geometry.muscles_at(*shape.anchor)
        if (shape.muscle_id, shape.side) not in {(h.muscle_id, h.side) for h in hits}:
            problems.append(
                f"{_name(shape)} in {geometry.view_id}: anchor {shape.anchor} is "
                "not inside its own outline"
            )
    return problems


def check_sides(geometry: ViewGeometry, view: View) -> list[str]:
    """Patient's right and left where the convention puts them."""
    problems = []
    single = view.shows
    viewer_left = view.viewer_left
    midline = view.split_x
    for shape in geometry.muscles:
        if single is not None:
            if shape.side != single:
                problems.append(f"{_name(shape)} drawn in the {single}-only {geometry.view_id}")
            continue
        on_left = shape.anchor[0] < midline
        if viewer_left is not None and on_left != (shape.side == viewer_left):
            problems.append(f"{_name(shape)} in {geometry.view_id} is on the wrong half")
    for label in geometry.labels:
        if (
            single is None
            and viewer_left is not None
            and (label.x < midline) != (label.side == viewer_left)
        ):
            problems.append(f"{label.side} label of {geometry.view_id} on the wrong half")
    return problems


def check_inside_body(geometry: ViewGeometry) -> list[str]:
    problems = []
    outline_points = [p for s in geometry.silhouettes for sub in s.sample(8) for p in sub]
    for shape in geometry.muscles:
        worst = 0.0
        for sub in shape.outline.sample(6):
            for x, y in sub:
                if any(s.contains(x, y) for s in geometry.silhouettes):
                    continue
                worst = max(worst, min(_d2((x, y), q) for q in outline_points) ** 0.5)
        if worst > OUTSIDE_TOLERANCE:
            problems.append(
                f"{_name(shape)} in {geometry.view_id} reaches {worst:.1f} units "
                "outside the body outline"
            )
    return problems


def check_trigger_points(atlas: Atlas, geometry: ViewGeometry) -> list[str]:
    problems = []
    for mark in geometry.trigger_points:
        shape = geometry.shape(mark.muscle_id, mark.side)
        if shape is None or not shape.outline.contains(mark.x, mark.y):
            problems.append(
                f"{mark.muscle_id} {mark.trp_id} ({mark.side}) in "
                f"{geometry.view_id} is not inside its muscle"
            )
    return problems


def scanlines(path: CubicPath, row: float = ROW) -> dict[int, list[tuple[float, float]]]:
    """Inside intervals of a closed outline on horizontal rows k*row (even-odd)."""
    crossings: dict[int, list[float]] = defaultdict(list)
    for poly in path.sample(12):
        for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=False):
            if y1 == y2:
                continue
            low, high = (y1, y2) if y1 < y2 else (y2, y1)
            k = int(low // row) + 1
            while k * row < high:
                y = k * row
                if low <= y < high:
                    crossings[k].append(x1 + (x2 - x1) * (y - y1) / (y2 - y1))
                k += 1
    rows = {}
    for k, xs in crossings.items():
        xs.sort()
        rows[k] = [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]
    return rows


def _shared(
    a: dict[int, list[tuple[float, float]]],
    b: dict[int, list[tuple[float, float]]],
    row: float = ROW,
) -> float:
    total = 0.0
    for k in a.keys() & b.keys():
        for x0, x1 in a[k]:
            for y0, y1 in b[k]:
                total += max(0.0, min(x1, y1) - max(x0, y0))
    return total * row


def check_overlaps(geometry: ViewGeometry, tolerance: float = OVERLAP_TOLERANCE) -> list[str]:
    problems = []
    by_layer: dict[str, list[MuscleShape]] = defaultdict(list)
    for shape in geometry.muscles:
        by_layer[shape.layer].append(shape)
    for layer, shapes in by_layer.items():
        rows = {id(s): scanlines(s.outline) for s in shapes}
        areas = {id(s): _shared(rows[id(s)], rows[id(s)]) for s in shapes}
        for i, a in enumerate(shapes):
            for b in shapes[i + 1 :]:
                if not _boxes_meet(a.outline.bbox, b.outline.bbox):
                    continue
                shared = _shared(rows[id(a)], rows[id(b)])
                smaller = min(areas[id(a)], areas[id(b)]) or 1.0
                if shared / smaller > tolerance:
                    problems.append(
                        f"{_name(a)} and {_name(b)} overlap by {100 * shared / smaller:.0f}% "
                        f"in {geometry.view_id} ({layer})"
                    )
    return problems


def check_view(atlas: Atlas, view_id: str) -> list[str]:
    geometry = atlas.geometry(view_id)
    view = atlas.view(view_id)
    return [
        *check_anchors(geometry),
        *check_sides(geometry, view),
        *check_inside_body(geometry),
        *check_trigger_points(atlas, geometry),
        *check_overlaps(geometry),
    ]


def check_all(atlas: Atlas, views: Iterable[str] | None = None) -> list[str]:
    chosen = list(views) if views else [v.id for v in atlas.views]
    problems = check_coverage(atlas) if views is None else []
    for view_id in chosen:
        problems += check_view(atlas, view_id)
    return problems


def _boxes_meet(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _d2(a: Point, b: Point) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def _name(shape: MuscleShape) -> str:
    return f"{shape.muscle_id}.{shape.side}"
