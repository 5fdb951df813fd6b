"""What a view's artwork is made of, before it is written out as SVG.

A view module (``views/<view>.py``) describes one side of the body; the builder mirrors it for
the other side. ``template_side`` is the patient's side that the drawn template shows, and
``mirror_axis`` the vertical line the mirror copy is reflected about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from needlemap.anatomy.artwork.kit import Cubic, Patch, Point, mirror_x


@dataclass
class MuscleArt:
    """One muscle (or part, or group) as drawn in one view, on the template side.

    ``tendons`` are u-ranges of the patch drawn as tendon or aponeurosis (lighter, no fibres);
    ``layer`` is the drawing layer in this view (by default the catalogue's layer).
    """

    muscle_id: str
    patch: Patch
    layer: str | None = None
    tendons: Sequence[tuple[float, float]] = ()
    fibres: int = 5


@dataclass
class ZoneArt:
    """A referral zone: a closed smooth blob through ``points`` (template side).

    ``midline`` zones straddle the midline and are drawn once, never mirrored.
    """

    name: str
    points: Sequence[Point]
    midline: bool = False


@dataclass
class LineArt:
    """A decorative line (bony landmark, crease), open or closed, drawn under the muscles."""

    points: Sequence[Point]
    closed: bool = False
    kind: str = "bone"  # "bone" (filled light) or "line" (a stroke only)
    midline: bool = False


@dataclass
class ViewArt:
    view_id: str
    template_side: str  # "right" or "left": the patient's side the template shows
    mirror_axis: float
    silhouette: list[Cubic]
    muscles: list[MuscleArt] = field(default_factory=list)
    zones: list[ZoneArt] = field(default_factory=list)
    landmarks: list[LineArt] = field(default_factory=list)
    side_labels: tuple[Point, Point] = ((0.0, 0.0), (0.0, 0.0))
    """Where the "R" and "L" labels go: the template side's label first."""
    mirror_silhouette: bool = False
    """Insets draw one body part and mirror it whole; full figures are symmetric already."""
    single_side: bool = False
    """Lateral views show one side of the body: nothing is mirrored, one label is drawn."""
    trigger_point_uv: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    """(muscle id, trigger point id) → (u, v) in this view, where the default does not fit."""


def flipped(art: ViewArt, axis: float, view_id: str) -> ViewArt:
    """The mirror image of a whole single-sided view, showing the other side (left lateral)."""

    def pts(points: Sequence[Point]) -> list[Point]:
        return [mirror_x(p, axis) for p in points]

    other = "left" if art.template_side == "right" else "right"
    return ViewArt(
        view_id=view_id,
        template_side=other,
        mirror_axis=art.mirror_axis,
        silhouette=[tuple(mirror_x(p, axis) for p in c) for c in art.silhouette],  # type: ignore[misc]
        muscles=[
            MuscleArt(
                m.muscle_id,
                Patch(pts(m.patch.points), m.patch.corners),
                m.layer,
                m.tendons,
                m.fibres,
            )
            for m in art.muscles
        ],
        zones=[ZoneArt(z.name, pts(z.points), z.midline) for z in art.zones],
        landmarks=[
            LineArt(pts(line.points), line.closed, line.kind, line.midline)
            for line in art.landmarks
        ],
        side_labels=(mirror_x(art.side_labels[0], axis), mirror_x(art.side_labels[1], axis)),
        mirror_silhouette=False,
        single_side=True,
        trigger_point_uv=dict(art.trigger_point_uv),
    )
