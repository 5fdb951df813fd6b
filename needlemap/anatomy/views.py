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

    @property
    def is_inset(self) -> bool:
        return self.kind == "inset"


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
            )
        )
    return tuple(views)


def views_path() -> Path:
    return resource_path("atlas", "views.toml")


def atlas_version(path: Path | None = None) -> str:
    with (path or resource_path("atlas", "atlas.toml")).open("rb") as handle:
        return str(tomllib.load(handle)["version"])
