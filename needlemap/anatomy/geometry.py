"""Qt-free path geometry: chains of cubic Béziers, their bounds, and exact point containment.

The screen (QPainterPath) and the PDF (reportlab) both draw these segments, so they agree to the
last control point. Containment is decided on the curves themselves, never on bounding boxes or
a flattened copy: every cubic is split where its y turns back, and a horizontal ray from the
point is intersected with each y-monotone piece by bisection (even-odd rule, as Qt's default).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

Point = tuple[float, float]
Cubic = tuple[Point, Point, Point, Point]
_BISECTIONS = 48


def cubic_at(c: Cubic, t: float) -> Point:
    s = 1.0 - t
    a, b, d, e = s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t
    return (
        a * c[0][0] + b * c[1][0] + d * c[2][0] + e * c[3][0],
        a * c[0][1] + b * c[1][1] + d * c[2][1] + e * c[3][1],
    )


def line_as_cubic(a: Point, b: Point) -> Cubic:
    return (
        a,
        (a[0] + (b[0] - a[0]) / 3, a[1] + (b[1] - a[1]) / 3),
        (a[0] + 2 * (b[0] - a[0]) / 3, a[1] + 2 * (b[1] - a[1]) / 3),
        b,
    )


def quad_as_cubic(a: Point, q: Point, b: Point) -> Cubic:
    return (
        a,
        (a[0] + 2 / 3 * (q[0] - a[0]), a[1] + 2 / 3 * (q[1] - a[1])),
        (b[0] + 2 / 3 * (q[0] - b[0]), b[1] + 2 / 3 * (q[1] - b[1])),
        b,
    )


def _turning_params(p0: float, p1: float, p2: float, p3: float) -> list[float]:
    """Parameters in (0, 1) where one coordinate of the cubic has a zero derivative."""
    a = 3 * (-p0 + 3 * p1 - 3 * p2 + p3)
    b = 6 * (p0 - 2 * p1 + p2)
    c = 3 * (p1 - p0)
    roots: list[float] = []
    if abs(a) < 1e-12:
        if abs(b) > 1e-12:
            roots.append(-c / b)
    else:
        disc = b * b - 4 * a * c
        if disc >= 0:
            root = math.sqrt(disc)
            roots += [(-b + root) / (2 * a), (-b - root) / (2 * a)]
    return sorted(t for t in roots if 1e-9 < t < 1 - 1e-9)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A y-monotone stretch [t0, t1] of one cubic."""

    cubic: Cubic
    t0: float
    t1: float
    y_low: float
    y_high: float
    rising: bool
    x_low: float
    x_high: float


def _monotone_pieces(cubic: Cubic) -> Iterator[_Piece]:
    ys = [p[1] for p in cubic]
    xs = [p[0] for p in cubic]
    cuts = [0.0, *_turning_params(*ys), 1.0]
    for t0, t1 in itertools.pairwise(cuts):
        y0 = cubic_at(cubic, t0)[1]
        y1 = cubic_at(cubic, t1)[1]
        if y0 == y1:
            continue
        yield _Piece(cubic, t0, t1, min(y0, y1), max(y0, y1), y1 > y0, min(xs), max(xs))


@dataclass(frozen=True)
class CubicPath:
    """One or more subpaths of cubic segments; closed subpaths bound an area.

    Bounds and the y-monotone pieces of hit-testing are worked out when first needed: most
    paths of a view (fibres, tendons, zones) are only ever drawn.
    """

    subpaths: tuple[tuple[Cubic, ...], ...]
    closed: bool = True

    def cubics(self) -> Iterator[Cubic]:
        for sub in self.subpaths:
            yield from sub

    @cached_property
    def bbox(self) -> tuple[float, float, float, float]:
        """Tight bounds (x0, y0, x1, y1) of the curves, not of their control points."""
        return _tight_bounds(self.cubics())

    @cached_property
    def _pieces(self) -> tuple[_Piece, ...]:
        return tuple(p for sub in self.subpaths for c in sub for p in _monotone_pieces(c))

    def contains(self, x: float, y: float) -> bool:
        """Even-odd containment, exact on the curves."""
        x0, y0, x1, y1 = self.bbox
        if not self.closed or not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        crossings = 0
        for piece in self._pieces:
            if not (piece.y_low <= y < piece.y_high):
                continue
            if piece.x_high <= x:
                continue
            if piece.x_low > x:
                crossings += 1
                continue
            if _crossing_x(piece, y) > x:
                crossings += 1
        return crossings % 2 == 1

    def sample(self, per_segment: int = 16) -> list[list[Point]]:
        """Points along each subpath (for areas, overlap estimates and tests)."""
        result = []
        for sub in self.subpaths:
            pts = [sub[0][0]]
            for c in sub:
                pts += [cubic_at(c, i / per_segment) for i in range(1, per_segment + 1)]
            result.append(pts)
        return result

    def area(self) -> float:
        """Enclosed area (shoelace over a fine sampling; subpaths summed by magnitude)."""
        total = 0.0
        for pts in self.sample():
            pairs = zip(pts, pts[1:] + pts[:1], strict=True)
            total += abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in pairs) / 2)
        return total


def _crossing_x(piece: _Piece, y: float) -> float:
    lo, hi = piece.t0, piece.t1
    for _ in range(_BISECTIONS):
        mid = (lo + hi) / 2
        below = cubic_at(piece.cubic, mid)[1] < y
        if below == piece.rising:
            lo = mid
        else:
            hi = mid
    return cubic_at(piece.cubic, (lo + hi) / 2)[0]


def _tight_bounds(cubics: Iterable[Cubic]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for c in cubics:
        params = [
            0.0,
            1.0,
            *_turning_params(*(p[0] for p in c)),
            *_turning_params(*(p[1] for p in c)),
        ]
        for t in params:
            px, py = cubic_at(c, t)
            xs.append(px)
            ys.append(py)
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return (min(xs), min(ys), max(xs), max(ys))


def polygon_overlap_area(a: Sequence[Point], b: Sequence[Point]) -> float:
    """Area shared by two simple polygons, estimated on a grid (for the atlas's own checks)."""
    ax = [p[0] for p in a]
    ay = [p[1] for p in a]
    bx = [p[0] for p in b]
    by = [p[1] for p in b]
    x0, x1 = max(min(ax), min(bx)), min(max(ax), max(bx))
    y0, y1 = max(min(ay), min(by)), min(max(ay), max(by))
    if x0 >= x1 or y0 >= y1:
        return 0.0
    step = max((x1 - x0) / 60, (y1 - y0) / 60, 0.25)
    shared = 0
    y = y0 + step / 2
    while y < y1:
        x = x0 + step / 2
        while x < x1:
            if _in_polygon(a, x, y) and _in_polygon(b, x, y):
                shared += 1
            x += step
        y += step
    return shared * step * step


def _in_polygon(poly: Sequence[Point], x: float, y: float) -> bool:
    inside = False
    j = len(poly) - 1
    for i, (xi, yi) in enumerate(poly):
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside
