"""The posterior view: the body from behind, the patient's LEFT on the viewer's left.

Two modules draw it, split at the iliac crest: ``upper`` (head, neck, back, shoulder, arm) and
``lower`` (low back below the crest, buttock, thigh, leg, heel). Both draw the template half
x < 320, which is the patient's LEFT side; the builder mirrors it for the right.
"""

from __future__ import annotations

from needlemap.anatomy.artwork.figure import MIDLINE, front_silhouette
from needlemap.anatomy.artwork.model import ViewArt
from needlemap.anatomy.artwork.views.posterior import lower, upper


def art() -> ViewArt:
    return ViewArt(
        view_id="posterior",
        template_side="left",
        mirror_axis=MIDLINE,
        silhouette=front_silhouette(),
        muscles=[*upper.muscles(), *lower.muscles()],
        zones=[*upper.zones(), *lower.zones()],
        landmarks=[*upper.landmarks(), *lower.landmarks()],
        side_labels=((52, 150), (588, 150)),
        trigger_point_uv={**upper.TRIGGER_POINT_UV, **lower.TRIGGER_POINT_UV},
    )
