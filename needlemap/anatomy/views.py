"""The atlas views (front, back, sides, insets) and their coordinate systems."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from needlemap.resources import resource_path


@dataclass(frozen=True, slots=True)
class View:
    id: str
    title: str
    kind: str
    key: str
    width: float
    height: float
    midline_x: float | None = None
    viewer_left: str | None = None
    """The patient's side drawn on the viewer's left half (two-sided views)."""
    shows: str | None = None
    """The only side a one-sided (lateral) view shows."""
    pleura_y: tuple[float, float] | None = None
    """The band over the lungs (apex to twelfth rib), where pneumothorax is a risk."""

    def over_pleura(self, y: float) -> bool:
        return self.pleura_y is not None and self.pleura_y[0] <= y <= self.pleura_y[1]

    @property
    def is_inset(self) -> bool:
        return self.kind == "inset"

    @property
    def split_x(self) -> float:
        """The line between the two sides of a two-sided view."""
        return self.midline_x if self.midline_x is not None else self.width / 2

    def side_at(self, x: float) -> str:
        """The patient's side at horizontal position ``x`` of this view."""
        if self.shows is not None:
            return self.shows
        left_half = x < self.split_x
        other = "left" if self.viewer_left == "right" else "right"
        return str(self.viewer_left) if left_half else other


def parse_views(path: Path) -> tuple[View, ...]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    views = []
    for entry in data.get("view", []):
        views.append(
            View(
                id=str(entry["id"]),
                title=str(entry["title"]),
                kind=str(entry["kind"]),
                key=str(entry.get("key", "")),
                width=float(entry["width"]),
                height=float(entry["height"]),
                midline_x=float(entry["midline_x"]) if "midline_x" in entry else None,
                viewer_left=entry.get("viewer_left"),
                shows=entry.get("shows"),
                pleura_y=tuple(entry["pleura_y"]) if "pleura_y" in entry else None,  # type: ignore[arg-type]
            )
        )
    return tuple(views)


def views_path() -> Path:
    return resource_path("atlas", "views.toml")


def parse_frames(path: Path) -> dict[str, dict[str, tuple[float, float]]]:
    """Atlas version → view id → (width, height) of that view in that version."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {
        str(entry["id"]): {view: (float(w), float(h)) for view, (w, h) in entry["frames"].items()}
        for entry in data.get("version", [])
    }


def frames_path() -> Path:
    return resource_path("atlas", "versions.toml")


def atlas_version(path: Path | None = None) -> str:
    with (path or resource_path("atlas", "atlas.toml")).open("rb") as handle:
        return str(tomllib.load(handle)["version"])
