"""Exact containment on curves: the cases where bounding boxes or flattening would be wrong."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from needlemap.anatomy.geometry import CubicPath, line_as_cubic

K = 4 * (math.sqrt(2) - 1) / 3  # control distance that makes four cubics a near-perfect circle


def circle(cx: float, cy: float, r: float) -> CubicPath:
    k = K * r
    quarter = [
        ((cx + r, cy), (cx + r, cy + k), (cx + k, cy + r), (cx, cy + r)),
        ((cx, cy + r), (cx - k, cy + r), (cx - r, cy + k), (cx - r, cy)),
        ((cx - r, cy), (cx - r, cy - k), (cx - k, cy - r), (cx, cy - r)),
        ((cx, cy - r), (cx + k, cy - r), (cx + r, cy - k), (cx + r, cy)),
    ]
    return CubicPath((tuple(quarter),))


def test_bounding_box_corner_is_outside_a_circle() -> None:
    shape = circle(100, 100, 50)
    assert shape.bbox == pytest.approx((50, 50, 150, 150), abs=1e-9)
    assert not shape.contains(55, 55)  # inside the box, outside the curve
    assert shape.contains(100, 100)
    assert shape.contains(64.7, 64.7)  # 49.9 from the centre along the diagonal
    assert not shape.contains(64.5, 64.5)  # 50.2 from the centre


@given(angle=st.floats(0, 2 * math.pi), radius=st.floats(0, 49.7))
def test_points_inside_a_circle_are_inside(angle: float, radius: float) -> None:
    shape = circle(0, 0, 50)
    assert shape.contains(radius * math.cos(angle), radius * math.sin(angle))


@given(angle=st.floats(0, 2 * math.pi), radius=st.floats(50.1, 200))
def test_points_outside_a_circle_are_outside(angle: float, radius: float) -> None:
    shape = circle(0, 0, 50)
    assert not shape.contains(radius * math.cos(angle), radius * math.sin(angle))


def test_even_odd_hole_and_open_paths() -> None:
    square = tuple(
        line_as_cubic(a, b)
        for a, b in [((0, 0), (10, 0)), ((10, 0), (10, 10)), ((10, 10), (0, 10)), ((0, 10), (0, 0))]
    )
    hole = tuple(
        line_as_cubic(a, b)
        for a, b in [((3, 3), (7, 3)), ((7, 3), (7, 7)), ((7, 7), (3, 7)), ((3, 7), (3, 3))]
    )
    ring = CubicPath((square, hole))
    assert ring.contains(1, 1) and not ring.contains(5, 5)
    assert CubicPath((square,)).area() == pytest.approx(100)
    assert not CubicPath((square,), closed=False).contains(5, 5)


def test_vertex_on_the_ray_counts_once() -> None:
    diamond = tuple(
        line_as_cubic(a, b)
        for a, b in [((0, 5), (5, 0)), ((5, 0), (10, 5)), ((10, 5), (5, 10)), ((5, 10), (0, 5))]
    )
    shape = CubicPath((diamond,))
    assert shape.contains(5, 5) and shape.contains(1, 5) and not shape.contains(-1, 5)
