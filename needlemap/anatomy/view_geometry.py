"""One atlas view read from its SVG file: muscle shapes, trigger points, referral zones, labels.

The SVG is parsed once with svgelements (which bakes any transforms into absolute coordinates)
into :class:`CubicPath` geometry. ``muscles_at`` answers what lies under a point: every muscle
side whose outline contains it, superficial first.
"""

from __future__ import annotations

import hashlib
import json
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


COMPILED_FORMAT = 2


def compiled_path(svg: Path) -> Path:
    """The view's geometry, compiled from its SVG: ``anterior.svg`` → ``anterior.geometry.json``."""
    return svg.with_name(f"{svg.stem}.geometry.json")


def load_view_geometry(path: Path, view_id: str) -> ViewGeometry:
    """The compiled geometry when it was made from this very SVG, else the SVG parsed.

    Parsing a full-body SVG takes most of a second; the compiled form loads in a few
    milliseconds. It carries the SVG's digest, so an SVG edited by hand is never shadowed.
    """
    compiled = compiled_path(path)
    if compiled.exists():
        data = json.loads(compiled.read_text(encoding="utf-8"))
        if data.get("format") == COMPILED_FORMAT and data.get("svg_sha256") == _digest(path):
            return from_compiled(data, view_id)
    return parse_view_svg(path, view_id)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compile_view(path: Path, view_id: str) -> str:
    """The compiled form of an SVG view, as the artwork build writes it beside the SVG."""
    return json.dumps(
        to_compiled(parse_view_svg(path, view_id), _digest(path)), separators=(",", ":")
    )


def _path_out(shape: CubicPath) -> list[Any]:
    subpaths = [[[c for point in cubic for c in point] for cubic in sub] for sub in shape.subpaths]
    return [int(shape.closed), subpaths]


def _path_in(raw: list[Any]) -> CubicPath:
    closed, subpaths = raw
    return CubicPath(
        tuple(
            tuple(
                ((c[0], c[1]), (c[2], c[3]), (c[4], c[5]), (c[6], c[7]))  # type: ignore[misc]
                for c in sub
            )
            for sub in subpaths
        ),
        closed=bool(closed),
    )


def to_compiled(geometry: ViewGeometry, svg_sha256: str) -> dict[str, Any]:
    return {
        "format": COMPILED_FORMAT,
        "svg_sha256": svg_sha256,
        "width": geometry.width,
        "height": geometry.height,
        "silhouettes": [_path_out(p) for p in geometry.silhouettes],
        "landmarks": [[_path_out(m.path), m.kind] for m in geometry.landmarks],
        "muscles": [
            [
                m.muscle_id,
                m.side,
                m.layer,
                _path_out(m.outline),
                [_path_out(t) for t in m.tendons],
                None if m.fibres is None else _path_out(m.fibres),
                list(m.anchor),
                list(m.outline.bbox),
            ]
            for m in geometry.muscles
        ],
        "trigger_points": [
            [t.muscle_id, t.trp_id, t.side, t.x, t.y] for t in geometry.trigger_points
        ],
        "referral_zones": [
            [z.muscle_id, z.trp_id, z.side, z.kind, _path_out(z.shape)]
            for z in geometry.referral_zones
        ],
        "labels": [[label.side, label.x, label.y] for label in geometry.labels],
    }


def from_compiled(data: dict[str, Any], view_id: str) -> ViewGeometry:
    muscles = []
    for muscle_id, side, layer, outline, tendons, fibres, anchor, bbox in data["muscles"]:
        shape = _path_in(outline)
        shape.__dict__["bbox"] = tuple(bbox)  # the bounds were worked out when compiling
        muscles.append(
            MuscleShape(
                muscle_id,
                side,
                layer,
                shape,
                tuple(_path_in(t) for t in tendons),
                None if fibres is None else _path_in(fibres),
                (anchor[0], anchor[1]),
            )
        )
    return ViewGeometry(
        view_id=view_id,
        width=data["width"],
        height=data["height"],
        silhouettes=tuple(_path_in(p) for p in data["silhouettes"]),
        landmarks=tuple(Landmark(_path_in(p), kind) for p, kind in data["landmarks"]),
        muscles=tuple(muscles),
        trigger_points=tuple(TriggerPointMark(*t) for t in data["trigger_points"]),
        referral_zones=tuple(
            ReferralZone(m, t, side, kind, _path_in(p))
            for m, t, side, kind, p in data["referral_zones"]
        ),
        labels=tuple(SideLabel(*label) for label in data["labels"]),
    )


def parse_view_svg(path: Path, view_id: str) -> ViewGeometry:
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
