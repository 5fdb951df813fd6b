"""The anterior view: the body from the front, the patient's RIGHT on the viewer's left.

Two modules draw it, split at the inguinal ligament: ``upper`` (head, neck, shoulder, arm,
chest, abdomen) and ``lower`` (hip, thigh, leg, foot). Both draw the template half x < 320,
which is the patient's right side; the builder mirrors it for the left.
"""

from __future__ import annotations

from needlemap.anatomy.artwork.figure import MIDLINE, front_silhouette
from needlemap.anatomy.artwork.model import ViewArt
from needlemap.anatomy.artwork.views.anterior import lower, upper


def art() -> ViewArt:
    return ViewArt(
        view_id="anterior",
        template_side="right",
        mirror_axis=MIDLINE,
        silhouette=front_silhouette(),
        muscles=[*upper.muscles(), *lower.muscles()],
        zones=[*upper.zones(), *lower.zones()],
        landmarks=[*upper.landmarks(), *lower.landmarks()],
        side_labels=((52, 150), (588, 150)),
        trigger_point_uv={**upper.TRIGGER_POINT_UV, **lower.TRIGGER_POINT_UV},
    )
