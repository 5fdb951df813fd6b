"""One atlas view read from its SVG file: muscle shapes, trigger points, referral zones, labels.

The SVG is parsed once with svgelements (which bakes any transforms into absolute coordinates)
into :class:`CubicPath` geometry. ``muscles_at`` answers what lies under a point: every muscle
side whose outline contains it, superficial first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from needlemap.anatomy.geometry import CubicPath, Point, line_as_cubic, quad_as_cubic

if TYPE_CHECKING:
    import svgelements as se

LAYER_RANK = {"superficial": 0, "intermediate": 1, "deep": 2}


@dataclass(frozen=True, slots=True)
class MuscleShape:
    muscle_id: str
    side: str
    layer: str
    outline: CubicPath
    tendons: tuple[CubicPath, ...]
    fibres: CubicPath | None
    anchor: Point

    @property
    def key(self) -> tuple[str, str]:
        return (self.muscle_id, self.side)


@dataclass(frozen=True, slots=True)
class TriggerPointMark:
    muscle_id: str
    trp_id: str
    side: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class ReferralZone:
    muscle_id: str
    trp_id: str
    side: str
    kind: str  # "referral" (essential zone) or "spillover"
    shape: CubicPath


@dataclass(frozen=True, slots=True)
class SideLabel:
    side: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Landmark:
    path: CubicPath
    kind: str  # "bone" (a filled shape) or "line"


@dataclass(frozen=True, slots=True)
class Hit:
    """A muscle under a point: which one, the patient's side, and how deep it lies."""

    muscle_id: str
    side: str
    layer: str


@dataclass(frozen=True)
class ViewGeometry:
    view_id: str
    width: float
    height: float
    silhouettes: tuple[CubicPath, ...]
    landmarks: tuple[Landmark, ...]
    muscles: tuple[MuscleShape, ...]
    trigger_points: tuple[TriggerPointMark, ...]
    referral_zones: tuple[ReferralZone, ...]
    labels: tuple[SideLabel, ...]

    def muscles_at(self, x: float, y: float) -> list[Hit]:
        found = [m for m in self.muscles if m.outline.contains(x, y)]
        found.sort(key=lambda m: LAYER_RANK[m.layer])
        return [Hit(m.muscle_id, m.side, m.layer) for m in found]

    def shape(self, muscle_id: str, side: str) -> MuscleShape | None:
        for muscle in self.muscles:
            if muscle.muscle_id == muscle_id and muscle.side == side:
                return muscle
        return None

    def on_body(self, x: float, y: float) -> bool:
        return any(s.contains(x, y) for s in self.silhouettes)


def _path(element: se.Path) -> CubicPath:
    import svgelements as se  # noqa: PLC0415 - the parser loads with the first view drawn

    subpaths: list[tuple[Any, ...]] = []
    current: list[Any] = []
    start: Point | None = None
    closed = False
    for segment in element.segments():
        if isinstance(segment, se.Move):
            if current:
                subpaths.append(tuple(current))
            current, start = [], (segment.end.x, segment.end.y)
        elif isinstance(segment, se.Close):
            closed = True
            a = (segment.start.x, segment.start.y)
            if start is not None and (abs(a[0] - start[0]) + abs(a[1] - start[1])) > 1e-9:
                current.append(line_as_cubic(a, start))
        elif isinstance(segment, se.Line):
            current.append(
                line_as_cubic((segment.start.x, segment.start.y), (segment.end.x, segment.end.y))
            )
        elif isinstance(segment, se.QuadraticBezier):
            current.append(
                quad_as_cubic(
                    (segment.start.x, segment.start.y),
                    (segment.control.x, segment.control.y),
                    (segment.end.x, segment.end.y),
                )
            )
        elif isinstance(segment, se.CubicBezier):
            current.append(
                (
                    (segment.start.x, segment.start.y),
                    (segment.control1.x, segment.control1.y),
                    (segment.control2.x, segment.control2.y),
                    (segment.end.x, segment.end.y),
                )
            )
        elif isinstance(segment, se.Arc):
            for cubic in segment.as_cubic_curves():
                current.append(
                    (
                        (cubic.start.x, cubic.start.y),
                        (cubic.control1.x, cubic.control1.y),
                        (cubic.control2.x, cubic.control2.y),
                        (cubic.end.x, cubic.end.y),
                    )
                )
    if current:
        subpaths.append(tuple(current))
    return CubicPath(tuple(subpaths), closed=closed)


def _anchor(shape: CubicPath, raw: str | None) -> Point:
    if raw:
        x, y = (float(v) for v in raw.split())
        return (x, y)
    x0, y0, x1, y1 = shape.bbox
    return ((x0 + x1) / 2, (y0 + y1) / 2)


def load_view_geometry(path: Path, view_id: str) -> ViewGeometry:
    import svgelements as se  # noqa: PLC0415 - the parser loads with the first view drawn

    svg = se.SVG.parse(str(path), reify=True)
    width = float(svg.values.get("width", svg.width))
    height = float(svg.values.get("height", svg.height))
    silhouettes: list[CubicPath] = []
    landmarks: list[Landmark] = []
    outlines: dict[tuple[str, str], dict[str, Any]] = {}
    marks: list[TriggerPointMark] = []
    zones: list[ReferralZone] = []
    labels: list[SideLabel] = []
    for element in svg.elements():
        values = element.values if hasattr(element, "values") else {}
        role = values.get("class")
        if isinstance(element, se.Path):
            if role == "silhouette":
                silhouettes.append(_path(element))
            elif role == "landmark":
                landmarks.append(
                    Landmark(
                        _path(element),
                        "bone" if element.values.get("fill", "none") != "none" else "line",
                    )
                )
            elif role in {"muscle", "tendon", "fibres"}:
                key = (values["data-muscle"], values["data-side"])
                entry = outlines.setdefault(
                    key,
                    {
                        "tendons": [],
                        "layer": values["data-layer"],
                        "anchor": values.get("data-anchor"),
                    },
                )
                if role == "muscle":
                    entry["outline"] = _path(element)
                elif role == "tendon":
                    entry["tendons"].append(_path(element))
                else:
                    fibres = _path(element)
                    entry["fibres"] = CubicPath(fibres.subpaths, closed=False)
            elif role in {"referral", "spillover"}:
                zones.append(
                    ReferralZone(
                        values["data-muscle"],
                        values["data-trp"],
                        values["data-side"],
                        role,
                        _path(element),
                    )
                )
        elif isinstance(element, se.Circle) and role == "trigger-point":
            marks.append(
                TriggerPointMark(
                    values["data-muscle"],
                    values["data-trp"],
                    values["data-side"],
                    float(element.cx),
                    float(element.cy),
                )
            )
        elif isinstance(element, se.Text) and role == "side-label":
            labels.append(SideLabel(values["data-side"], float(element.x), float(element.y)))
    muscles = tuple(
        MuscleShape(
            muscle_id,
            side,
            entry["layer"],
            entry["outline"],
            tuple(entry["tendons"]),
            entry.get("fibres"),
            _anchor(entry["outline"], entry["anchor"]),
        )
        for (muscle_id, side), entry in outlines.items()
    )
    return ViewGeometry(
        view_id=view_id,
        width=width,
        height=height,
        silhouettes=tuple(silhouettes),
        landmarks=tuple(landmarks),
        muscles=muscles,
        trigger_points=tuple(marks),
        referral_zones=tuple(zones),
        labels=tuple(labels),
    )
