"""The feet from above (inset, 900 × 700): the tops of the feet, as seen from the front.

The template is the patient's RIGHT foot on the viewer's left (x < 450), toes up, big toe on
the inner side (towards the centre line), the ankle and a stub of the leg below; the builder
mirrors it about x = 450 for the left foot. Border a is the medial border (big-toe side, larger
x) for every muscle here.
"""

from __future__ import annotations

import math

from needlemap.anatomy.artwork.kit import Patch, catmull_rom
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ViewArt, ZoneArt
from needlemap.anatomy.artwork.views.extremities import (
    HALLUX,
    LESSER_TOES,
    TOES,
    digit_zone,
    foot_outline,
    toes_zone,
)

# The point lists below are laid out by hand, one edge of a patch per line.
# fmt: off

TRIGGER_POINT_UV: dict[tuple[str, str], tuple[float, float]] = {
    # the first dorsal interosseous, between the first and second metatarsals
    ("interossei_foot", "TrP1"): (0.45, 0.1),
    # distal to the short extensor's bellies, in the third space
    ("interossei_foot", "TrP2"): (0.7, 0.6),
}

# extensor hallucis brevis | extensor digitorum brevis, from their common origin forwards
EHB_EDB = [(208, 484), (212, 458), (220, 430), (230, 400), (242, 370)]


def muscles() -> list[MuscleArt]:
    return [
        # The medial slip of the short extensor: from the upper surface of the calcaneus in
        # front of the sinus tarsi, across the dorsum to the base of the big toe's proximal
        # phalanx; its tendon from the tarsometatarsal joints on.
        MuscleArt(
            "extensor_hallucis_brevis",
            Patch(
                [(226, 490), (217, 487),  # origin: calcaneus, medial part
                 *EHB_EDB, (256, 340), (274, 302), (292, 264), (305, 232),
                 (314, 210),  # lateral border
                 (321, 208),  # insertion: big toe, proximal phalanx
                 (309, 240), (295, 272), (280, 306), (267, 340), (259, 370), (251, 400),
                 (242, 432), (233, 462)],  # medial border
                (0, 2, 11, 12),
            ),
            tendons=[(0.45, 1.0)],
            fibres=3,
        ),
        # Same origin, lateral to it: three bellies over the outer dorsum whose tendons join
        # the long extensor tendons of the second to fourth toes.
        MuscleArt(
            "extensor_digitorum_brevis",
            Patch(
                [(208, 484), (196, 480), (186, 474),  # origin: calcaneus, lateral part
                 (180, 446), (182, 412), (189, 380), (197, 350), (205, 326),  # lateral border
                 (226, 316), (248, 327),  # the three tendons
                 (246, 350), *EHB_EDB[::-1][:-1]],  # medial border
                (0, 2, 7, 9),
            ),
            tendons=[(0.9, 1.0)],
            fibres=5,
        ),
        # The dorsal interossei between the metatarsals (the plantar ones lie beneath them):
        # drawn as one region from the first to the fourth space.
        MuscleArt(
            "interossei_foot",
            Patch(
                [(305, 404), (290, 394), (276, 400), (258, 396), (240, 404), (222, 402),
                 (205, 410),  # metatarsal bases (the tarsometatarsal joints)
                 (192, 376), (185, 336), (180, 300), (182, 270),  # medial side of MT5
                 (197, 261), (212, 269), (227, 251), (244, 259), (260, 241), (277, 251),
                 (293, 236), (307, 244),  # a lobe between each pair of metatarsal heads
                 (311, 276), (311, 316), (309, 358)],  # lateral side of MT1
                (0, 6, 10, 18),
            ),
            fibres=3,  # at about the second to fourth metatarsals: four spaces
        ),
    ]


def _oval(cx: float, cy: float, rx: float, ry: float) -> list[tuple[float, float]]:
    return [(cx + rx * math.cos(a * math.pi / 4), cy + ry * math.sin(a * math.pi / 4))
            for a in range(8)]


def landmarks() -> list[LineArt]:
    lines = [
        LineArt(_oval(318, 532, 11, 17), closed=True),  # medial malleolus
        LineArt(_oval(178, 514, 10, 17), closed=True),  # lateral malleolus
        # superior and inferior extensor retinacula
        LineArt([(188, 596), (250, 600), (313, 604)], kind="line"),
        LineArt([(182, 504), (230, 514), (280, 530), (324, 552)], kind="line"),
        # tibialis anterior to the medial cuneiform and first metatarsal base
        LineArt([(292, 694), (294, 620), (302, 560), (314, 500), (324, 452), (330, 420)],
                kind="line"),
        # extensor hallucis longus along the first metatarsal to the big toe
        LineArt([(272, 694), (274, 620), (282, 560), (296, 500), (312, 440), (322, 380),
                 (326, 320), (326, 260), HALLUX.at(0.0), HALLUX.at(0.55)], kind="line"),
    ]
    # extensor digitorum longus: one tendon at the ankle, four on the dorsum
    paths = [
        [(252, 500), (266, 420), (276, 330), (278, 250)],
        [(242, 500), (246, 420), (244, 330), (242, 262)],
        [(232, 500), (224, 420), (214, 330), (210, 276)],
        [(224, 500), (204, 420), (188, 330), (181, 290)],
    ]
    for path, toe in zip(paths, LESSER_TOES[::-1], strict=True):
        lines.append(LineArt([(246, 694), (246, 610), (240, 550), *path, toe.at(0.0),
                              toe.at(0.45)], kind="line"))
    for toe in TOES:
        lines.append(LineArt(toe.nail(0.66), closed=True))
    return lines


def zones() -> list[ZoneArt]:
    return [
        ZoneArt("dorsum_foot", [(186, 262), (240, 238), (300, 230), (332, 268), (336, 340),
                                (328, 420), (312, 468), (250, 486), (200, 474), (176, 420),
                                (168, 340), (172, 292)]),
        ZoneArt("anterior_ankle", [(192, 498), (250, 506), (312, 520), (318, 556), (300, 588),
                                   (250, 592), (202, 586), (186, 550)]),
        ZoneArt("lateral_malleolus", [(167, 490), (180, 486), (191, 512), (187, 540),
                                      (174, 550), (168, 524)]),
        ZoneArt("medial_malleolus", [(308, 508), (324, 503), (329, 530), (326, 560),
                                     (310, 562), (304, 536)]),
        ZoneArt("lateral_foot", [(153, 272), (168, 276), (172, 340), (174, 420), (174, 470),
                                 (162, 476), (158, 420), (152, 340)]),
        ZoneArt("instep", [(340, 330), (353, 336), (348, 400), (337, 450), (329, 466),
                           (325, 440), (331, 390)]),
        ZoneArt("great_toe", digit_zone(HALLUX, t0=-0.12)),
        ZoneArt("lesser_toes", toes_zone()),
    ]


def art() -> ViewArt:
    return ViewArt(
        view_id="feet_dorsal",
        template_side="right",
        mirror_axis=450.0,
        silhouette=catmull_rom(foot_outline(ankle=True), closed=True),
        muscles=muscles(),
        zones=zones(),
        landmarks=landmarks(),
        side_labels=((70, 70), (830, 70)),
        mirror_silhouette=True,
        single_side=False,
        trigger_point_uv=dict(TRIGGER_POINT_UV),
    )
