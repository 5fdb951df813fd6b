"""``needlemap atlas``: the catalogue and views, as a table or as JSON."""

from __future__ import annotations

import argparse
from typing import Any

from needlemap.anatomy import Atlas, load_atlas
from needlemap.cli.common import print_json, table
from needlemap.config import DatabaseLocation


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
    muscles = []
    for muscle in atlas.catalogue:
        codes = muscle.codes
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
            }
        )
    return {"version": atlas.version, "views": views, "muscles": muscles}


def run(args: argparse.Namespace, location: DatabaseLocation) -> int:
    atlas = load_atlas()
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
