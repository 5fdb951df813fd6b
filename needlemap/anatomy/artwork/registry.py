"""Which module draws which view, and generating them all."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path

from needlemap.anatomy.artwork.build import build_view_svg
from needlemap.anatomy.artwork.model import ViewArt, flipped
from needlemap.anatomy.catalogue import catalogue_path, parse_catalogue
from needlemap.anatomy.trigger_points import parse_trigger_points, trigger_points_path
from needlemap.anatomy.views import atlas_version, parse_views, views_path
from needlemap.resources import resource_path


def _module_art(name: str) -> Callable[[], ViewArt]:
    def load() -> ViewArt:
        module = importlib.import_module(f"needlemap.anatomy.artwork.views.{name}")
        art: ViewArt = module.art()
        return art

    return load


def _left_lateral() -> ViewArt:
    right = _module_art("lateral")()
    return flipped(right, right.mirror_axis, "left_lateral")


VIEW_ART: dict[str, Callable[[], ViewArt]] = {
    "anterior": _module_art("anterior"),
    "posterior": _module_art("posterior"),
    "right_lateral": _module_art("lateral"),
    "left_lateral": _left_lateral,
    "head_neck": _module_art("head_neck"),
    "hands_palmar": _module_art("hands_palmar"),
    "hands_dorsal": _module_art("hands_dorsal"),
    "feet_plantar": _module_art("feet_plantar"),
    "feet_dorsal": _module_art("feet_dorsal"),
}


def views_dir() -> Path:
    return resource_path("atlas", "views")


def available(view_id: str) -> bool:
    module = {"right_lateral": "lateral", "left_lateral": "lateral"}.get(view_id, view_id)
    return importlib.util.find_spec(f"needlemap.anatomy.artwork.views.{module}") is not None


def generate_all(only: Sequence[str] | None = None) -> dict[str, str]:
    views = parse_views(views_path())
    catalogue = parse_catalogue(catalogue_path(), (v.id for v in views))
    trigger_points = parse_trigger_points(trigger_points_path())
    version = atlas_version()
    out = {}
    for view in views:
        if only and view.id not in only:
            continue
        if not available(view.id):
            continue
        art = VIEW_ART[view.id]()
        out[view.id] = build_view_svg(view, art, catalogue, trigger_points, version)
    return out
