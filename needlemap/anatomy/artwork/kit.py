"""The drawing kit the atlas artwork is generated with.

Everything is drawn from control points: a curve is a centripetal Catmull-Rom spline through its
points, turned into exact cubic Béziers. A muscle is a four-sided patch (origin, one border,
insertion, the other border); the bilinear Coons patch over those four curves gives every point
inside the muscle a coordinate (u along the fibres from origin to insertion, v across them).
Fibre lines, tendon areas and trigger points are placed in (u, v), so they always lie inside the
muscle and follow its shape. Templates are drawn for one side and mirrored for the other.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Point = tuple[float, float]
Cubic = tuple[Point, Point, Point, Point]


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def distance(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def cubic_point(c: Cubic, t: float) -> Point:
    s = 1 - t
    a, b, d = s * s * s, 3 * s * s * t, 3 * s * t * t
    e = t * t * t
    return (
        a * c[0][0] + b * c[1][0] + d * c[2][0] + e * c[3][0],
        a * c[0][1] + b * c[1][1] + d * c[2][1] + e * c[3][1],
    )


def catmull_rom(
    points: Sequence[Point], *, closed: bool = False, alpha: float = 0.5
) -> list[Cubic]:
    """Cubic Béziers through ``points`` (centripetal parametrisation: no cusps, no loops)."""
    pts = [tuple(map(float, p)) for p in points]
    deduped: list[Point] = []
    for p in pts:
        if not deduped or distance(deduped[-1], p) > 1e-9:  # type: ignore[arg-type]
            deduped.append(p)  # type: ignore[arg-type]
    pts = deduped  # type: ignore[assignment]
    if closed and len(pts) > 2 and distance(pts[0], pts[-1]) < 1e-9:  # type: ignore[arg-type]
        pts = pts[:-1]
    n = len(pts)
    if n < 2:
        raise ValueError("a curve needs at least two points")
    if n == 2 and not closed:
        a, b = pts[0], pts[1]
        return [(a, lerp(a, b, 1 / 3), lerp(a, b, 2 / 3), b)]  # type: ignore[arg-type]
    segments: list[Cubic] = []
    count = n if closed else n - 1
    for i in range(count):
        p1, p2 = pts[i], pts[(i + 1) % n]
        if closed:
            p0, p3 = pts[(i - 1) % n], pts[(i + 2) % n]
        else:
            p0 = pts[i - 1] if i > 0 else _reflect(p2, p1)  # type: ignore[arg-type]
            p3 = pts[i + 2] if i + 2 < n else _reflect(p1, p2)  # type: ignore[arg-type]
        segments.append(_cr_segment(p0, p1, p2, p3, alpha))  # type: ignore[arg-type]
    return segments


def _reflect(about: Point, p: Point) -> Point:
    return (2 * p[0] - about[0], 2 * p[1] - about[1])


def _cr_segment(p0: Point, p1: Point, p2: Point, p3: Point, alpha: float) -> Cubic:
    d1 = max(distance(p0, p1) ** alpha, 1e-6)
    d2 = max(distance(p1, p2) ** alpha, 1e-6)
    d3 = max(distance(p2, p3) ** alpha, 1e-6)
    b1 = (
        (d1 * d1 * p2[0] - d2 * d2 * p0[0] + (2 * d1 * d1 + 3 * d1 * d2 + d2 * d2) * p1[0])
        / (3 * d1 * (d1 + d2)),
        (d1 * d1 * p2[1] - d2 * d2 * p0[1] + (2 * d1 * d1 + 3 * d1 * d2 + d2 * d2) * p1[1])
        / (3 * d1 * (d1 + d2)),
    )
    b2 = (
        (d3 * d3 * p1[0] - d2 * d2 * p3[0] + (2 * d3 * d3 + 3 * d3 * d2 + d2 * d2) * p2[0])
        / (3 * d3 * (d3 + d2)),
        (d3 * d3 * p1[1] - d2 * d2 * p3[1] + (2 * d3 * d3 + 3 * d3 * d2 + d2 * d2) * p2[1])
        / (3 * d3 * (d3 + d2)),
    )
    return (p1, b1, b2, p2)


@dataclass(frozen=True)
class Polyline:
    """A curve sampled densely, with arc-length lookup for even parametrisation."""

    points: tuple[Point, ...]
    lengths: tuple[float, ...]

    @classmethod
    def of(cls, cubics: Sequence[Cubic], samples_per_segment: int = 24) -> Polyline:
        pts: list[Point] = [cubics[0][0]]
        for c in cubics:
            pts += [
                cubic_point(c, i / samples_per_segment) for i in range(1, samples_per_segment + 1)
            ]
        lengths = [0.0]
        for a, b in itertools.pairwise(pts):
            lengths.append(lengths[-1] + distance(a, b))
        return cls(tuple(pts), tuple(lengths))

    @property
    def length(self) -> float:
        return self.lengths[-1]

    def at(self, t: float) -> Point:
        """The point a fraction ``t`` of the way along (by arc length)."""
        target = min(max(t, 0.0), 1.0) * self.length
        i = bisect_left(self.lengths, target)
        if i <= 0:
            return self.points[0]
        if i >= len(self.points):
            return self.points[-1]
        span = self.lengths[i] - self.lengths[i - 1]
        f = 0.0 if span == 0 else (target - self.lengths[i - 1]) / span
        return lerp(self.points[i - 1], self.points[i], f)


def mirror_x(p: Point, axis: float) -> Point:
    return (2 * axis - p[0], p[1])


def path_data(cubics: Sequence[Cubic], *, closed: bool = True, precision: int = 2) -> str:
    """SVG path data for a chain of cubics (one subpath)."""

    def f(value: float) -> str:
        text = f"{value:.{precision}f}".rstrip("0").rstrip(".")
        return "0" if text in {"-0", ""} else text

    first = cubics[0][0]
    parts = [f"M{f(first[0])} {f(first[1])}"]
    for c in cubics:
        parts.append("C" + " ".join(f"{f(p[0])} {f(p[1])}" for p in (c[1], c[2], c[3])))
    if closed:
        parts.append("Z")
    return "".join(parts)


def smooth_closed(points: Sequence[Point]) -> list[Cubic]:
    return catmull_rom(points, closed=True)


def chain(*curves: Sequence[Cubic]) -> list[Cubic]:
    """Join curves end to start into one closed outline (each must start where the last ended)."""
    joined: list[Cubic] = []
    for curve in curves:
        joined.extend(curve)
    return joined


@dataclass
class Patch:
    """A four-sided region: origin edge a0→b0, border b0→b1, insertion b1→a1, border a1→a0.

    ``points`` run once around the outline starting at a0; ``corners`` are the indices of
    a0, b0, b1 and a1 in that list (the four places where the outline may turn sharply).
    """

    points: Sequence[Point]
    corners: tuple[int, int, int, int]
    _edges: list[list[Cubic]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        a0, b0, b1, a1 = self.corners
        if not (0 == a0 < b0 < b1 < a1 < len(self.points)):
            raise ValueError(f"corners {self.corners} must rise from 0 within the point list")
        pts = list(self.points)
        loop = [*pts, pts[0]]
        self._edges = [
            catmull_rom(loop[a0 : b0 + 1]),
            catmull_rom(loop[b0 : b1 + 1]),
            catmull_rom(loop[b1 : a1 + 1]),
            catmull_rom(loop[a1 : len(pts) + 1]),
        ]
        origin, border_b, insertion_rev, border_a_rev = (Polyline.of(e) for e in self._edges)
        self._origin = origin
        self._border_b = border_b
        self._insertion_rev = insertion_rev
        self._border_a_rev = border_a_rev
        self.a0, self.b0 = pts[a0], pts[b0]
        self.b1, self.a1 = pts[b1], pts[a1]

    @property
    def outline(self) -> list[Cubic]:
        return chain(*self._edges)

    def at(self, u: float, v: float) -> Point:
        """Coons patch: u from origin (0) to insertion (1), v from border a (0) to b (1)."""
        c0 = self._border_a_rev.at(1 - u)  # border a runs a0→a1 as u rises
        c1 = self._border_b.at(u)
        d0 = self._origin.at(v)
        d1 = self._insertion_rev.at(1 - v)
        x = (
            (1 - v) * c0[0] + v * c1[0] + (1 - u) * d0[0] + u * d1[0]
            - ((1 - u) * (1 - v) * self.a0[0] + u * (1 - v) * self.a1[0]
               + (1 - u) * v * self.b0[0] + u * v * self.b1[0])
        )  # fmt: skip
        y = (
            (1 - v) * c0[1] + v * c1[1] + (1 - u) * d0[1] + u * d1[1]
            - ((1 - u) * (1 - v) * self.a0[1] + u * (1 - v) * self.a1[1]
               + (1 - u) * v * self.b0[1] + u * v * self.b1[1])
        )  # fmt: skip
        return (x, y)

    def iso_v(self, v: float, u0: float = 0.0, u1: float = 1.0, steps: int = 10) -> list[Cubic]:
        """A fibre: the curve of constant v from u0 to u1."""
        pts = [self.at(u0 + (u1 - u0) * i / steps, v) for i in range(steps + 1)]
        return catmull_rom(pts)

    def region(self, u0: float, u1: float, steps: int = 8) -> list[Cubic]:
        """The sub-patch between u0 and u1 (a tendon or aponeurosis), as a closed outline."""
        loop = [self.at(u0 + (u1 - u0) * i / steps, 0.0) for i in range(steps + 1)]
        loop += [self.at(u1, i / steps) for i in range(1, steps + 1)]
        loop += [self.at(u1 - (u1 - u0) * i / steps, 1.0) for i in range(1, steps + 1)]
        loop += [self.at(u0, 1 - i / steps) for i in range(1, steps)]
        return catmull_rom(loop, closed=True)


def mirrored_points(points: Iterable[Point], axis: float) -> list[Point]:
    return [mirror_x(p, axis) for p in points]
