"""How often a muscle was needled, as a colour: one scale for the screen and the printed report.

The ramp runs from pale yellow to deep red, a sequential scale that reads without a colour
legend's help even in greyscale print (lighter is fewer). The highest count of the period sets
the top of the scale, so a patient treated twice still sees a full range.
"""

from __future__ import annotations

import itertools

RGB = tuple[int, int, int]

STOPS: tuple[tuple[float, RGB], ...] = (
    (0.0, (255, 224, 102)),
    (0.5, (245, 124, 0)),
    (1.0, (150, 20, 20)),
)
"""(fraction of the scale, colour) from one session to the period's highest count."""

OPACITY = 0.88
"""Heat is painted over the muscle's own artwork at this opacity: the fibres still show."""


def heat_fraction(count: int, highest: int) -> float:
    """Where ``count`` sits on a scale from 1 to ``highest``: 0.0 to 1.0."""
    if highest <= 1 or count <= 1:
        return 0.0
    return min(1.0, (count - 1) / (highest - 1))


def heat_rgb(count: int, highest: int) -> RGB:
    """The colour for ``count`` sessions when the most needled muscle had ``highest``."""
    return ramp_rgb(heat_fraction(count, highest))


def ramp_rgb(fraction: float) -> RGB:
    """The scale at any fraction between its stops: the legends draw the ramp from it."""
    for (f0, c0), (f1, c1) in itertools.pairwise(STOPS):
        if fraction <= f1:
            t = 0.0 if f1 == f0 else (fraction - f0) / (f1 - f0)
            r, g, b = (round(a + (z - a) * t) for a, z in zip(c0, c1, strict=True))
            return (r, g, b)
    return STOPS[-1][1]
