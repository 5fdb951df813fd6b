"""Write the atlas views as SVG files from the view modules and the trigger-point data.

Each view file holds, in drawing order: the silhouette, bony landmarks, the muscles layer by
layer (deep first; each muscle side a group with its outline, tendons and fibres), the
reference trigger points, their referral zones and the R/L labels. Every element that the app
reads carries ``data-*`` attributes (muscle, side, layer, trigger point), and no transforms, so
any SVG reader gets the same coordinates. The files are generated: edit the view modules and run
``python -m needlemap.anatomy.artwork``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from needlemap.anatomy.artwork.kit import Cubic, Point, catmull_rom, mirror_x, path_data
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ViewArt
from needlemap.anatomy.artwork.zones import MIDLINE_ZONES
from needlemap.anatomy.catalogue import Catalogue
from needlemap.anatomy.trigger_points import TriggerPoint
from needlemap.anatomy.views import View

LAYER_ORDER = ("deep", "intermediate", "superficial")
STYLE = {
    "silhouette": 'fill="#f4ece4" stroke="#7a6d64" stroke-width="1.6"',
    "bone": 'fill="#ebe4d8" stroke="#b5ab9d" stroke-width="0.8"',
    "line": 'fill="none" stroke="#b5ab9d" stroke-width="0.8"',
    "muscle.superficial": 'fill="#d98b7e" stroke="#8a3f35" stroke-width="0.9"',
    "muscle.intermediate": 'fill="#c9786c" stroke="#7f382f" stroke-width="0.9"',
    "muscle.deep": 'fill="#b8675c" stroke="#72312a" stroke-width="0.9"',
    "tendon": 'fill="#f2e9d9" stroke="#b19d84" stroke-width="0.7"',
    "fibres": 'fill="none" stroke="#9c4a40" stroke-width="0.45" stroke-opacity="0.6"',
    "trigger-point": 'fill="#1d3a6e" stroke="#ffffff" stroke-width="1"',
    "referral": 'fill="#e0342b" fill-opacity="0.32" stroke="none"',
    "spillover": 'fill="#e0342b" fill-opacity="0.14" stroke="none"',
    "side-label": 'font-family="sans-serif" font-size="30" font-weight="bold" fill="#3b4a5a"',
}
TRP_RADIUS = 4.5


@dataclass(frozen=True)
class SideGeometry:
    """A muscle side placed in its view: its patch evaluated on that side."""

    art: MuscleArt
    side: str
    mirrored: bool
    axis: float

    def at(self, u: float, v: float) -> Point:
        point = self.art.patch.at(u, v)
        return mirror_x(point, self.axis) if self.mirrored else point

    def cubics(self, cubics: Sequence[Cubic]) -> list[Cubic]:
        if not self.mirrored:
            return list(cubics)
        return [tuple(mirror_x(p, self.axis) for p in c) for c in cubics]  # type: ignore[misc]


def _other(side: str) -> str:
    return "left" if side == "right" else "right"


def _sides(view: ViewArt, art: MuscleArt) -> list[SideGeometry]:
    template = SideGeometry(art, view.template_side, False, view.mirror_axis)
    if view.single_side:
        return [template]
    return [template, SideGeometry(art, _other(view.template_side), True, view.mirror_axis)]


def _attrs(**values: object) -> str:
    return " ".join(
        f"{key.replace('_', '-')}={quoteattr(str(value))}" for key, value in values.items()
    )


def _closed(cubics: Sequence[Cubic]) -> str:
    return path_data(cubics, closed=True)


def _muscle_group(view: ViewArt, placed: SideGeometry, layer: str) -> str:
    art = placed.art
    outline = placed.cubics(art.patch.outline)
    parts = [f'<path class="muscle" {STYLE["muscle." + layer]} d="{_closed(outline)}"/>']
    for u0, u1 in art.tendons:
        region = placed.cubics(art.patch.region(u0, u1))
        parts.append(f'<path class="tendon" {STYLE["tendon"]} d="{_closed(region)}"/>')
    if art.fibres:
        belly = _belly_range(art.tendons)
        fibres = []
        for i in range(art.fibres):
            v = (i + 1) / (art.fibres + 1)
            fibres.append(path_data(placed.cubics(art.patch.iso_v(v, *belly)), closed=False))
        parts.append(f'<path class="fibres" {STYLE["fibres"]} d="{"".join(fibres)}"/>')
    group_id = f"{art.muscle_id}.{placed.side}"
    ax, ay = placed.at(0.5, 0.5)
    attrs = _attrs(
        id=group_id,
        data_muscle=art.muscle_id,
        data_side=placed.side,
        data_layer=layer,
        data_anchor=f"{ax:.2f} {ay:.2f}",
    )
    return f"<g {attrs}>{''.join(parts)}</g>"


def _belly_range(tendons: Sequence[tuple[float, float]]) -> tuple[float, float]:
    u0, u1 = 0.03, 0.97
    for start, end in tendons:
        if start <= 0.01:
            u0 = max(u0, end + 0.02)
        if end >= 0.99:
            u1 = min(u1, start - 0.02)
    return u0, u1


def _zone_paths(view: ViewArt) -> dict[tuple[str, str], list[Cubic]]:
    """Zone name and patient side → its closed outline in this view."""
    shapes: dict[tuple[str, str], list[Cubic]] = {}
    for zone in view.zones:
        cubics = catmull_rom(zone.points, closed=True)
        # An inset draws each side as its own figure: there even a midline zone is mirrored.
        if (zone.midline or zone.name in MIDLINE_ZONES) and not view.mirror_silhouette:
            shapes[(zone.name, "right")] = cubics
            shapes[(zone.name, "left")] = cubics
            continue
        shapes[(zone.name, view.template_side)] = cubics
        if view.single_side:
            continue
        mirrored = [tuple(mirror_x(p, view.mirror_axis) for p in c) for c in cubics]
        shapes[(zone.name, _other(view.template_side))] = mirrored  # type: ignore[assignment]
    return shapes


def _landmark(view: ViewArt, line: LineArt) -> Iterable[str]:
    cubics = catmull_rom(line.points, closed=line.closed)
    copies = [cubics]
    if not line.midline and not view.single_side:
        copies.append([tuple(mirror_x(p, view.mirror_axis) for p in c) for c in cubics])  # type: ignore[misc]
    for copy in copies:
        style = STYLE["bone" if line.kind == "bone" and line.closed else "line"]
        yield f'<path class="landmark" {style} d="{path_data(copy, closed=line.closed)}"/>'


def build_view_svg(
    view: View,
    art: ViewArt,
    catalogue: Catalogue,
    trigger_points: Sequence[TriggerPoint],
    atlas_version: str,
) -> str:
    """The SVG document of one view."""
    header = _attrs(
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {view.width:g} {view.height:g}",
        width=f"{view.width:g}",
        height=f"{view.height:g}",
        data_view=view.id,
        data_atlas_version=atlas_version,
    )
    if view.midline_x is not None:
        header += " " + _attrs(data_midline_x=f"{view.midline_x:g}")
    out = [
        f"<svg {header}>",
        f"<title>NeedleMap atlas {escape(atlas_version)}: {escape(view.title)}</title>",
    ]

    silhouettes = [art.silhouette]
    if art.mirror_silhouette:
        silhouettes.append([tuple(mirror_x(p, art.mirror_axis) for p in c) for c in art.silhouette])  # type: ignore[misc]
    out.append('<g id="figure">')
    out += [
        f'<path class="silhouette" {STYLE["silhouette"]} d="{_closed(s)}"/>' for s in silhouettes
    ]
    for line in art.landmarks:
        out += list(_landmark(art, line))
    out.append("</g>")

    by_layer: dict[str, list[str]] = defaultdict(list)
    placed_by_muscle: dict[str, list[SideGeometry]] = defaultdict(list)
    for muscle_art in art.muscles:
        layer = muscle_art.layer or catalogue.get(muscle_art.muscle_id).layer
        for placed in _sides(art, muscle_art):
            by_layer[layer].append(_muscle_group(art, placed, layer))
            placed_by_muscle[muscle_art.muscle_id].append(placed)
    for layer in LAYER_ORDER:
        out.append(f'<g id="muscles-{layer}" {_attrs(data_layer=layer)}>')
        out += by_layer.get(layer, [])
        out.append("</g>")

    zones = _zone_paths(art)
    out.append('<g id="referral-zones">')
    for trp in trigger_points:
        for side in ("right", "left"):
            for kind, names in (("referral", trp.zones), ("spillover", trp.spillover)):
                shapes = [zones[(name, side)] for name in names if (name, side) in zones]
                if not shapes:
                    continue
                d = "".join(_closed(shape) for shape in shapes)
                attrs = _attrs(
                    id=f"{kind}.{trp.key}.{side}",
                    data_muscle=trp.muscle_id,
                    data_trp=trp.id,
                    data_side=side,
                    data_kind=kind,
                )
                out.append(f'<path class="{kind}" {attrs} {STYLE[kind]} d="{d}"/>')
    out.append("</g>")

    out.append('<g id="trigger-points">')
    for trp in trigger_points:
        for placed in placed_by_muscle.get(trp.muscle_id, []):
            x, y = placed.at(*art.trigger_point_uv.get((trp.muscle_id, trp.id), trp.uv))
            attrs = _attrs(
                id=f"trp.{trp.key}.{placed.side}",
                data_muscle=trp.muscle_id,
                data_trp=trp.id,
                data_side=placed.side,
                cx=f"{x:.2f}",
                cy=f"{y:.2f}",
                r=f"{TRP_RADIUS:g}",
            )
            out.append(f'<circle class="trigger-point" {attrs} {STYLE["trigger-point"]}/>')
    out.append("</g>")

    out.append('<g id="labels">')
    labels = {art.template_side: art.side_labels[0]}
    if not art.single_side:
        labels[_other(art.template_side)] = art.side_labels[1]
    for side, (x, y) in labels.items():
        attrs = _attrs(data_side=side, x=f"{x:g}", y=f"{y:g}", text_anchor="middle")
        out.append(
            f'<text class="side-label" {attrs} {STYLE["side-label"]}>{side[0].upper()}</text>'
        )
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"
