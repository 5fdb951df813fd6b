"""The atlas: the muscle catalogue together with the views it is drawn in.

``load_atlas()`` is the single entry point for the screen, the PDF and the command line, so that
all three read the same data. It is cached: the atlas is immutable for the life of the process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from needlemap.anatomy.catalogue import Catalogue, Muscle, catalogue_path, parse_catalogue
from needlemap.anatomy.views import View, atlas_version, parse_views, views_path


@dataclass(frozen=True, slots=True)
class ChartPosition:
    """Where a mark goes when a muscle is charted without a click (keyboard, demo data)."""

    view: str
    x: float
    y: float
    layer: str
    trigger_point: str | None = None


@dataclass(frozen=True, slots=True)
class Atlas:
    version: str
    views: tuple[View, ...]
    catalogue: Catalogue

    def view(self, view_id: str) -> View:
        for view in self.views:
            if view.id == view_id:
                return view
        raise KeyError(f"unknown view {view_id!r}")

    def has_view(self, view_id: str) -> bool:
        return any(view.id == view_id for view in self.views)

    def muscle(self, muscle_id: str) -> Muscle:
        return self.catalogue.get(muscle_id)

    def views_for(self, muscle_id: str, side: str) -> tuple[str, ...]:
        """The views that show this muscle on this side (a lateral view shows only its side)."""
        muscle = self.catalogue.get(muscle_id)
        hidden = {"right": "left_lateral", "left": "right_lateral"}.get(side)
        return tuple(view for view in muscle.views if view != hidden)

    def default_position(self, muscle_id: str, side: str) -> ChartPosition | None:
        """The muscle's first reference trigger point on that side, in its main view."""
        muscle = self.catalogue.get(muscle_id)
        views = self.views_for(muscle_id, side)
        if not views:
            return None
        view = self.view(views[0])
        offset = 0.0
        if view.midline_x is not None and side != "midline":
            toward_viewer_left = (side == "right") == (view.id == "anterior")
            offset = -0.15 * view.width if toward_viewer_left else 0.15 * view.width
        return ChartPosition(
            view=view.id, x=view.width / 2 + offset, y=view.height / 2, layer=muscle.layer
        )


@cache
def load_atlas() -> Atlas:
    views = parse_views(views_path())
    catalogue = parse_catalogue(catalogue_path(), (view.id for view in views))
    return Atlas(version=atlas_version(), views=views, catalogue=catalogue)
