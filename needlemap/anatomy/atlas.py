"""The atlas: the muscle catalogue, the views, their geometry and the reference trigger points.

``load_atlas()`` is the single entry point for the screen, the PDF and the command line, so that
all three read the same data. View geometry is parsed on first use of each view and kept: the
atlas is immutable for the life of the process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from needlemap.anatomy.catalogue import Catalogue, Muscle, catalogue_path, parse_catalogue
from needlemap.anatomy.trigger_points import (
    TriggerPoint,
    parse_trigger_points,
    trigger_points_path,
)
from needlemap.anatomy.view_geometry import Hit, ViewGeometry, load_view_geometry
from needlemap.anatomy.views import (
    View,
    atlas_version,
    frames_path,
    parse_frames,
    parse_views,
    views_path,
)
from needlemap.resources import resource_path


@dataclass(frozen=True, slots=True)
class ChartPosition:
    """Where a mark goes when a muscle is charted without a click (keyboard, demo data)."""

    view: str
    x: float
    y: float
    layer: str
    trigger_point: str | None = None


class Atlas:
    def __init__(
        self,
        version: str,
        views: tuple[View, ...],
        catalogue: Catalogue,
        trigger_points: tuple[TriggerPoint, ...],
        views_dir: Path,
        frames: dict[str, dict[str, tuple[float, float]]] | None = None,
    ) -> None:
        self.version = version
        self.views = views
        self.catalogue = catalogue
        self.trigger_points = trigger_points
        self._views_dir = views_dir
        self.frames = frames or {}
        self._geometry: dict[str, ViewGeometry] = {}
        self._lock = threading.Lock()
        self._by_muscle: dict[str, tuple[TriggerPoint, ...]] = {}
        for trp in trigger_points:
            self._by_muscle[trp.muscle_id] = (*self._by_muscle.get(trp.muscle_id, ()), trp)

    def view(self, view_id: str) -> View:
        for view in self.views:
            if view.id == view_id:
                return view
        raise KeyError(f"unknown view {view_id!r}")

    def has_view(self, view_id: str) -> bool:
        return any(view.id == view_id for view in self.views)

    def muscle(self, muscle_id: str) -> Muscle:
        return self.catalogue.get(muscle_id)

    def geometry(self, view_id: str) -> ViewGeometry:
        """The view's shapes, parsed from its SVG on first use."""
        with self._lock:
            found = self._geometry.get(view_id)
            if found is None:
                self.view(view_id)
                found = load_view_geometry(self._views_dir / f"{view_id}.svg", view_id)
                self._geometry[view_id] = found
            return found

    def place(self, view_id: str, x: float, y: float, version: str) -> tuple[float, float]:
        """Where a point charted on atlas ``version`` draws now: scaled from that version's frame
        of the view into the current one (the identity while frames are unchanged)."""
        view = self.view(view_id)
        old = self.frames.get(version, {}).get(view_id)
        if old is None or old == (view.width, view.height):
            return (x, y)
        return (x * view.width / old[0], y * view.height / old[1])

    def muscles_at(self, view_id: str, x: float, y: float) -> list[Hit]:
        """Every muscle side under the point, superficial first (exact on the outlines)."""
        return self.geometry(view_id).muscles_at(x, y)

    def trigger_points_of(self, muscle_id: str) -> tuple[TriggerPoint, ...]:
        return self._by_muscle.get(muscle_id, ())

    def views_for(self, muscle_id: str, side: str) -> tuple[str, ...]:
        """The views that show this muscle on this side, the catalogue's main view first."""
        muscle = self.catalogue.get(muscle_id)
        return tuple(
            view for view in muscle.views if self.geometry(view).shape(muscle_id, side) is not None
        )

    def reference_positions(self, muscle_id: str, side: str) -> list[ChartPosition]:
        """Each reference trigger point of the muscle on that side, in its main view."""
        for view_id in self.views_for(muscle_id, side):
            geometry = self.geometry(view_id)
            shape = geometry.shape(muscle_id, side)
            assert shape is not None
            found = {
                mark.trp_id: mark
                for mark in geometry.trigger_points
                if (mark.muscle_id, mark.side) == (muscle_id, side)
            }
            return [
                ChartPosition(view_id, found[trp.id].x, found[trp.id].y, shape.layer, trp.id)
                for trp in self.trigger_points_of(muscle_id)
                if trp.id in found
            ]
        return []

    def lies_on(self, view_id: str, x: float, y: float, muscle_id: str, side: str) -> bool:
        """Whether the point is on that muscle side in that view (at any depth)."""
        return any(
            (hit.muscle_id, hit.side) == (muscle_id, side) for hit in self.muscles_at(view_id, x, y)
        )

    def default_position(self, muscle_id: str, side: str) -> ChartPosition | None:
        """The muscle's first reference trigger point on that side, in its main view; the
        middle of the muscle where it has none. None for muscles that are not drawn."""
        for view_id in self.views_for(muscle_id, side):
            geometry = self.geometry(view_id)
            shape = geometry.shape(muscle_id, side)
            assert shape is not None
            for trp in self.trigger_points_of(muscle_id):
                for mark in geometry.trigger_points:
                    if (mark.muscle_id, mark.trp_id, mark.side) == (muscle_id, trp.id, side):
                        return ChartPosition(view_id, mark.x, mark.y, shape.layer, trp.id)
            return ChartPosition(view_id, shape.anchor[0], shape.anchor[1], shape.layer)
        return None


@cache
def load_atlas() -> Atlas:
    views = parse_views(views_path())
    catalogue = parse_catalogue(catalogue_path(), (view.id for view in views))
    trigger_points = parse_trigger_points(trigger_points_path())
    return Atlas(
        version=atlas_version(),
        views=views,
        catalogue=catalogue,
        trigger_points=trigger_points,
        views_dir=resource_path("atlas", "views"),
        frames=parse_frames(frames_path()),
    )
