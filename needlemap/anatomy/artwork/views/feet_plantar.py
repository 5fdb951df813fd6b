"""The feet from below (inset, 900 × 700): the soles, as seen from behind and below.

The template is the patient's LEFT sole on the viewer's left (x < 450), toes up, big toe on the
inner side (towards the centre line); the builder mirrors it about x = 450 for the right sole.
Border a is the medial border (big-toe side, larger x) for the muscles running along the foot,
and the distal border for the adductor hallucis, whose fibres run across to the big toe.

Layers as in a dissection of the sole: the first layer (abductor hallucis, flexor digitorum
brevis, abductor digiti minimi) is drawn superficial; the quadratus plantae, flexor hallucis
brevis, adductor hallucis and the interossei beneath it (deep).
"""

from __future__ import annotations

from needlemap.anatomy.artwork.kit import Patch, catmull_rom
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ViewArt, ZoneArt
from needlemap.anatomy.artwork.views.extremities import (
    HALLUX,
    TOES,
    digit_zone,
    foot_outline,
    toes_zone,
)

# The point lists below are laid out by hand, one edge of a patch per line.
# fmt: off

TRIGGER_POINT_UV: dict[tuple[str, str], tuple[float, float]] = {}

# Shared borders, from the heel forwards.
ABH_FDB = [(288, 560), (292, 510), (298, 460)]  # abductor hallucis | flexor digitorum brevis
FDB_ADM = [(228, 560), (218, 510), (208, 460), (200, 410)]
FHB_ADDH = [(296, 410), (300, 370), (304, 330), (308, 290), (312, 256)]  # FHB | adductor
ADDH_NOTCH = [(190, 276), (212, 290), (231, 308), (241, 344), (246, 378), (262, 402)]


def _rev(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return points[::-1]


def muscles() -> list[MuscleArt]:
    return [
        # Medial process of the calcaneal tuberosity along the medial border to the medial base
        # of the big toe's proximal phalanx; its tendon starts along the first metatarsal.
        MuscleArt(
            "abductor_hallucis",
            Patch(
                [(316, 592), (302, 600), (286, 598),  # origin: medial calcaneal tubercle
                 *ABH_FDB, (305, 410), (321, 360), (333, 310), (339, 270),
                 (341, 240),  # lateral border
                 (345, 235), (349, 238),  # insertion
                 (352, 270), (352, 310), (346, 360), (338, 410), (330, 460), (323, 510),
                 (318, 556)],  # medial border
                (0, 2, 10, 12),
            ),
            tendons=[(0.74, 1.0)],
            fibres=4,
        ),
        # The central muscle of the first layer, under the plantar aponeurosis: from the medial
        # calcaneal tubercle to four tendons for the second to fifth toes, which leave the belly
        # at the middle of the metatarsals.
        MuscleArt(
            "flexor_digitorum_brevis",
            Patch(
                [(286, 598), (260, 606), (234, 602),  # origin: calcaneal tuberosity
                 *FDB_ADM, (196, 370), (195, 340),  # lateral border
                 (197, 318), (220, 302), (250, 297), (277, 306),  # the four tendons
                 (286, 340), (293, 380), (297, 420), *_rev(ABH_FDB)],  # medial border
                (0, 2, 9, 12),
            ),
            layer="superficial",
            tendons=[(0.95, 1.0)],
            fibres=6,
        ),
        # Lateral process of the calcaneal tuberosity along the lateral border to the lateral
        # base of the little toe's proximal phalanx.
        MuscleArt(
            "abductor_digiti_minimi_foot",
            Patch(
                [(234, 602), (212, 602), (192, 596),  # origin: lateral calcaneal tubercle
                 (183, 560), (174, 500), (167, 450), (161, 400), (156, 350), (155, 304),
                 (160, 272), (166, 250),  # lateral border
                 (170, 248), (174, 250),  # insertion
                 (176, 272), (178, 305), (183, 342), (191, 378), *_rev(FDB_ADM)],
                (0, 2, 10, 12),
            ),
            tendons=[(0.8, 1.0)],
            fibres=4,
        ),
        # Second layer: medial and lateral heads from the calcaneus to the lateral margin of the
        # flexor digitorum longus tendon in the midfoot.
        MuscleArt(
            "quadratus_plantae",
            Patch(
                [(294, 566), (260, 578), (224, 570),  # origin: medial and lateral heads
                 (228, 530), (238, 484), (250, 444), (260, 414),  # lateral border
                 (273, 408), (286, 406),  # insertion: FDL tendon
                 (292, 444), (295, 492), (296, 534)],  # medial border
                (0, 2, 6, 8),
            ),
            fibres=5,
        ),
        # Third layer: cuboid and lateral cuneiform, along the first metatarsal, two heads to
        # either side of the base of the big toe's proximal phalanx (over the sesamoids).
        MuscleArt(
            "flexor_hallucis_brevis",
            Patch(
                [(314, 402), (305, 406), *FHB_ADDH,  # origin, lateral border
                 (314, 232), (330, 226), (346, 230),  # insertion: both sesamoids
                 (344, 262), (338, 300), (329, 340), (320, 376)],  # medial border
                (0, 2, 7, 9),
            ),
            tendons=[(0.9, 1.0)],
            fibres=5,
        ),
        # Oblique head from the bases of the second to fourth metatarsals, transverse head from
        # the plantar ligaments of the third to fifth toes' joints, both to the lateral sesamoid
        # and base of the big toe. Border a is the oblique head's medial (proximal) border,
        # border b the distal border of the transverse head.
        MuscleArt(
            "adductor_hallucis",
            Patch(
                [(296, 410), (282, 407), *_rev(ADDH_NOTCH),  # origin: the heads' margins
                 (220, 266), (252, 259), (282, 252), (307, 245),  # transverse head, distal
                 (314, 232),  # insertion
                 *_rev(FHB_ADDH[1:])],  # medial border of the oblique head
                (0, 7, 11, 12),
            ),
            tendons=[(0.92, 1.0)],
            fibres=6,
        ),
        # Fourth layer: plantar and dorsal interossei, seen in the sole between the adductor's
        # two heads and the fifth metatarsal.
        MuscleArt(
            "interossei_foot",
            Patch(
                [(262, 402), (226, 404), (192, 406),  # origin: metatarsal bases
                 (186, 372), (183, 336), (184, 304), (187, 285),  # along the fifth metatarsal
                 *ADDH_NOTCH[:-1]],  # insertion (short), then along the adductor
                (0, 2, 6, 7),
            ),
            fibres=4,
        ),
    ]


def landmarks() -> list[LineArt]:
    lines = [
        # the calcaneal tuberosity under the heel pad, where the first layer arises
        LineArt([(204, 600), (232, 590), (262, 588), (292, 591), (312, 600), (300, 616),
                 (262, 622), (224, 618)], closed=True),
        # the toe sulcus (the crease under the toes) and the ball of the foot
        LineArt([(172, 246), (200, 230), (230, 216), (262, 206), (296, 204), (330, 206),
                 (352, 212)], kind="line"),
    ]
    # the long flexor tendons along the toes
    for toe in TOES:
        lines.append(LineArt([toe.at(-0.12), toe.at(0.0), toe.at(0.4)], kind="line"))
    for toe in TOES:
        lines.append(LineArt(toe.crease(0.5, inset=5), kind="line"))
    return lines


def zones() -> list[ZoneArt]:
    return [
        ZoneArt("sole", [(196, 300), (250, 290), (310, 296), (338, 340), (334, 420),
                         (318, 500), (300, 540), (246, 548), (206, 540), (178, 480),
                         (170, 400), (174, 330)]),
        ZoneArt("metatarsal_heads", [(156, 258), (200, 236), (260, 218), (320, 214),
                                     (356, 224), (358, 262), (350, 292), (300, 290),
                                     (250, 290), (200, 300), (156, 300)]),
        ZoneArt("plantar_heel", [(200, 556), (240, 544), (290, 544), (318, 560), (312, 602),
                                 (290, 622), (256, 628), (222, 620), (198, 596)]),
        ZoneArt("heel", [(204, 608), (232, 620), (262, 624), (296, 612), (306, 614),
                         (296, 626), (262, 634), (222, 630), (198, 614)]),
        ZoneArt("instep", [(328, 330), (350, 340), (346, 400), (334, 460), (324, 520),
                           (306, 522), (310, 460), (318, 400), (320, 350)]),
        ZoneArt("lateral_foot", [(154, 278), (170, 282), (176, 340), (182, 420), (190, 500),
                                 (196, 560), (184, 566), (170, 500), (161, 420), (153, 340)]),
        ZoneArt("great_toe", digit_zone(HALLUX, t0=-0.12)),
        ZoneArt("lesser_toes", toes_zone()),
    ]


def art() -> ViewArt:
    return ViewArt(
        view_id="feet_plantar",
        template_side="left",
        mirror_axis=450.0,
        silhouette=catmull_rom(foot_outline(), closed=True),
        muscles=muscles(),
        zones=zones(),
        landmarks=landmarks(),
        side_labels=((70, 70), (830, 70)),
        mirror_silhouette=True,
        single_side=False,
        trigger_point_uv=dict(TRIGGER_POINT_UV),
    )
