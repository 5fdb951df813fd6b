"""Reference trigger points: which ones each muscle has, where, and where they refer pain.

Read from ``resources/atlas/trigger_points.toml``. A trigger point's place inside its muscle is
given in the muscle's own patch coordinates (u from origin to insertion, v across), so the atlas
generator can put it inside the muscle in every view the muscle is drawn in; the positions
themselves are read back from the generated view files. Referral patterns are the typical ones
(Travell & Simons): guidance, not fixed maps.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from needlemap.resources import resource_path


class TriggerPointError(ValueError):
    """The trigger-point file breaks its own rules."""


@dataclass(frozen=True, slots=True)
class TriggerPoint:
    muscle_id: str
    id: str
    name: str
    site: str
    referral: str
    uv: tuple[float, float]
    zones: tuple[str, ...] = ()
    spillover: tuple[str, ...] = ()
    view_uv: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.muscle_id}.{self.id}"

    def uv_in(self, view_id: str) -> tuple[float, float]:
        return self.view_uv.get(view_id, self.uv)


def _uv(raw: object, where: str) -> tuple[float, float]:
    if (
        not isinstance(raw, list)
        or len(raw) != 2
        or not all(isinstance(v, int | float) and 0 <= v <= 1 for v in raw)
    ):
        raise TriggerPointError(f"{where}: uv must be [u, v] with both between 0 and 1")
    return (float(raw[0]), float(raw[1]))


def parse_trigger_points(path: Path) -> tuple[TriggerPoint, ...]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    found: list[TriggerPoint] = []
    seen: set[str] = set()
    for entry in data.get("trigger_point", []):
        muscle_id = str(entry.get("muscle", ""))
        trp_id = str(entry.get("id", ""))
        where = f"trigger point {muscle_id}.{trp_id}"
        if not muscle_id or not trp_id:
            raise TriggerPointError(f"{where}: muscle and id are required")
        views = entry.get("views", {})
        if not isinstance(views, dict):
            raise TriggerPointError(f"{where}: views must be a table of [u, v]")
        point = TriggerPoint(
            muscle_id=muscle_id,
            id=trp_id,
            name=str(entry.get("name", trp_id)),
            site=str(entry.get("site", "")),
            referral=str(entry.get("referral", "")),
            uv=_uv(entry.get("uv"), where),
            zones=tuple(entry.get("zones", ())),
            spillover=tuple(entry.get("spillover", ())),
            view_uv={str(view): _uv(uv, f"{where} in {view}") for view, uv in views.items()},
        )
        if point.key in seen:
            raise TriggerPointError(f"{where}: listed twice")
        seen.add(point.key)
        found.append(point)
    return tuple(found)


def trigger_points_path() -> Path:
    return resource_path("atlas", "trigger_points.toml")
