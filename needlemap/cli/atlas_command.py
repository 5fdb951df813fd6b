"""``needlemap atlas``: the catalogue and views, as a table or as JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from needlemap.anatomy import Atlas, load_atlas
from needlemap.cli.common import print_json, table
from needlemap.config import DatabaseLocation
from needlemap.domain.errors import NeedleMapError, ValidationError


def atlas_json(atlas: Atlas) -> dict[str, Any]:
    views = []
    for view in atlas.views:
        entry: dict[str, Any] = {
            "id": view.id,
            "title": view.title,
            "kind": view.kind,
            "width": view.width,
            "height": view.height,
        }
        if view.midline_x is not None:
            entry["midline_x"] = view.midline_x
        views.append(entry)
    shapes: dict[str, list[dict[str, Any]]] = {}
    marks: dict[tuple[str, str], list[dict[str, Any]]] = {}
    referral_views: dict[tuple[str, str], set[str]] = {}
    for view in atlas.views:
        geometry = atlas.geometry(view.id)
        for shape in geometry.muscles:
            shapes.setdefault(shape.muscle_id, []).append(
                {
                    "view": view.id,
                    "side": shape.side,
                    "layer": shape.layer,
                    "anchor": [round(shape.anchor[0], 2), round(shape.anchor[1], 2)],
                    "bbox": [round(v, 2) for v in shape.outline.bbox],
                }
            )
        for mark in geometry.trigger_points:
            marks.setdefault((mark.muscle_id, mark.trp_id), []).append(
                {"view": view.id, "side": mark.side, "x": round(mark.x, 2), "y": round(mark.y, 2)}
            )
        for zone in geometry.referral_zones:
            referral_views.setdefault((zone.muscle_id, zone.trp_id), set()).add(view.id)
    view_order = {view.id: index for index, view in enumerate(atlas.views)}
    muscles = []
    for muscle in atlas.catalogue:
        codes = muscle.codes
        trigger_points = [
            {
                "id": trp.id,
                "name": trp.name,
                "site": trp.site,
                "referral": trp.referral,
                "zones": list(trp.zones),
                "spillover": list(trp.spillover),
                "positions": marks.get((muscle.id, trp.id), []),
                "referral_views": sorted(
                    referral_views.get((muscle.id, trp.id), ()), key=view_order.__getitem__
                ),
            }
            for trp in atlas.trigger_points_of(muscle.id)
        ]
        muscles.append(
            {
                "id": muscle.id,
                "name": muscle.name,
                "patient_name": muscle.patient_name,
                "latin": muscle.latin,
                "group": muscle.group,
                "region": muscle.region,
                "layer": muscle.layer,
                "bilateral": muscle.bilateral,
                "sides": list(muscle.sides),
                "views": list(muscle.views),
                "risk": list(muscle.risk),
                "risk_note": muscle.risk_note,
                "synonyms": list(muscle.synonyms),
                "trp_site": muscle.trp_site,
                "referral": muscle.referral,
                "picker": muscle.picker,
                "internal": muscle.internal,
                "codes": {"uberon": codes.uberon, "fma": codes.fma, "snomed": codes.snomed},
                "codes_note": codes.note,
                "shapes": shapes.get(muscle.id, []),
                "trigger_points": trigger_points,
            }
        )
    return {"version": atlas.version, "views": views, "muscles": muscles}


def run(args: argparse.Namespace, location: DatabaseLocation) -> int:
    atlas = load_atlas()
    if args.render:
        if args.qt_tools is None:
            raise NeedleMapError("Rendering needs the needlemap command (Qt is not loaded here).")
        unknown = [v for v in args.views or [] if not atlas.has_view(v)]
        if unknown:
            raise ValidationError(
                f"Unknown view {unknown[0]!r}; views: " + ", ".join(v.id for v in atlas.views)
            )
        for path in args.qt_tools.render_atlas(Path(args.render).expanduser(), args.views):
            print(path)
        return 0
    if args.json:
        print_json(atlas_json(atlas))
        return 0
    rows = [
        [
            view.id,
            view.title,
            f"{view.width:g}×{view.height:g}",
            str(sum(1 for m in atlas.catalogue if view.id in m.views)),
        ]
        for view in atlas.views
    ]
    print(f"NeedleMap atlas {atlas.version}: {len(atlas.catalogue)} muscles")
    print(table(rows, ["View", "Title", "Size", "Muscles"]))
    return 0
