"""Where to click for a muscle in tests: its reference position from the atlas."""

from __future__ import annotations

from needlemap.anatomy import Atlas


def spot(atlas: Atlas, muscle_id: str, side: str) -> dict[str, object]:
    """``view``, ``x`` and ``y`` of the muscle's first reference trigger point on that side."""
    position = atlas.default_position(muscle_id, side)
    assert position is not None, f"{muscle_id} is not drawn on the {side}"
    return {"view": position.view, "x": position.x, "y": position.y}
