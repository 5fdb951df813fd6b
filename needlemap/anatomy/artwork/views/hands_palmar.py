"""The hands from the palm side (inset, 1000 × 640), as in anatomical position.

The template is the patient's RIGHT hand on the viewer's left (x < 500), palm towards the
viewer, fingers up, thumb on the outer side; the builder mirrors it about x = 500 for the left
hand. Fibres that run up the hand (abductor digiti minimi) have border a on the ulnar side,
which is the medial side in anatomical position and the side nearer the centre line here.
"""

from __future__ import annotations

from needlemap.anatomy.artwork.kit import Patch, catmull_rom
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ViewArt, ZoneArt
from needlemap.anatomy.artwork.views.extremities import (
    ADDUCTOR_POLLICIS,
    ADDUCTOR_POLLICIS_CORNERS,
    FINGERS,
    INDEX,
    LITTLE,
    MIDDLE,
    RING,
    THUMB,
    digit_zone,
    hand_outline,
)

# The point lists below are laid out by hand, one edge of a patch per line.
# fmt: off

TRIGGER_POINT_UV: dict[tuple[str, str], tuple[float, float]] = {}


def muscles() -> list[MuscleArt]:
    return [
        MuscleArt(
            "adductor_pollicis",
            Patch(ADDUCTOR_POLLICIS, ADDUCTOR_POLLICIS_CORNERS),
            tendons=[(0.9, 1.0)],
            fibres=6,
        ),
        # From the flexor retinaculum and the tubercle of the trapezium, out to the whole radial
        # border of the first metacarpal; oblique fibres, border a the distal one.
        MuscleArt(
            "opponens_pollicis",
            Patch(
                [(238, 470), (229, 484), (219, 494),  # origin: retinaculum, trapezium
                 (208, 497), (198, 490),  # proximal border
                 (189, 470), (176, 446), (161, 421), (146, 397),  # radial border of MC1
                 (160, 405), (182, 424), (206, 444), (224, 458)],  # distal border
                (0, 2, 4, 8),
            ),
            fibres=5,
        ),
        # Pisiform to the ulnar side of the base of the little finger's proximal phalanx,
        # along the ulnar border of the hypothenar eminence.
        MuscleArt(
            "abductor_digiti_minimi_hand",
            Patch(
                [(358, 494), (347, 498), (336, 496),  # origin: pisiform
                 (338, 462), (342, 420), (345, 378), (346, 340),  # radial border
                 (345, 316), (351, 312),  # insertion
                 (362, 336), (373, 376), (377, 420), (373, 462)],  # ulnar border
                (0, 2, 7, 8),
            ),
            tendons=[(0.86, 1.0)],
            fibres=4,
        ),
    ]


def landmarks() -> list[LineArt]:
    lines = [
        # flexor pollicis brevis, between the opponens and the adductor (not charted)
        LineArt([(245, 472), (232, 458), (212, 440), (190, 418), (170, 396), (158, 384),
                 (154, 392), (172, 410), (196, 432), (218, 452), (236, 468)], closed=True,
                kind="line"),
        # flexor digiti minimi and opponens digiti minimi, radial to the abductor (not charted)
        LineArt([(334, 490), (324, 456), (320, 410), (324, 364), (334, 330), (342, 322),
                 (344, 350), (343, 390), (340, 430), (337, 468)], closed=True, kind="line"),
        LineArt([(344, 492), (351, 500), (345, 508), (337, 503)], closed=True),  # pisiform
        # distal palmar crease and the wrist creases
        LineArt([(377, 356), (350, 343), (318, 330), (284, 320), (252, 312), (226, 300)],
                kind="line"),
        LineArt([(216, 514), (250, 518), (290, 518), (346, 514)], kind="line"),
        LineArt([(214, 528), (250, 532), (290, 532), (348, 528)], kind="line"),
    ]
    for finger in FINGERS:
        lines += [LineArt(finger.crease(t), kind="line") for t in (0.06, 0.47, 0.73)]
    lines += [LineArt(THUMB.crease(t), kind="line") for t in (0.08, 0.58)]
    return lines


def zones() -> list[ZoneArt]:
    return [
        ZoneArt("palm", [(198, 304), (246, 292), (292, 300), (340, 320), (362, 370),
                         (360, 430), (344, 478), (292, 490), (248, 486), (224, 458),
                         (196, 418), (180, 372), (180, 334)]),
        ZoneArt("thenar", [(226, 492), (196, 488), (166, 466), (142, 434), (130, 406),
                           (146, 386), (172, 396), (204, 424), (232, 452), (242, 474)]),
        ZoneArt("thumb", digit_zone(THUMB, t0=0.0)),
        ZoneArt("index_finger", digit_zone(INDEX)),
        ZoneArt("middle_finger", digit_zone(MIDDLE)),
        ZoneArt("ring_finger", digit_zone(RING)),
        ZoneArt("little_finger", digit_zone(LITTLE)),
        ZoneArt("volar_wrist", [(220, 500), (280, 494), (342, 500), (344, 540), (280, 546),
                                (216, 540)]),
        ZoneArt("radial_wrist", [(206, 494), (220, 494), (226, 522), (222, 552), (211, 554),
                                 (208, 524)]),
        ZoneArt("ulnar_wrist", [(342, 490), (356, 494), (353, 524), (351, 552), (338, 552),
                                (334, 522)]),
    ]


def art() -> ViewArt:
    return ViewArt(
        view_id="hands_palmar",
        template_side="right",
        mirror_axis=500.0,
        silhouette=catmull_rom(hand_outline(), closed=True),
        muscles=muscles(),
        zones=zones(),
        landmarks=landmarks(),
        side_labels=((70, 70), (930, 70)),
        mirror_silhouette=True,
        single_side=False,
        trigger_point_uv=dict(TRIGGER_POINT_UV),
    )
