"""The hands from the back (inset, 1000 × 640), as seen from behind.

The template is the patient's LEFT hand on the viewer's left (x < 500), back of the hand towards
the viewer, fingers up, thumb on the outer side; the builder mirrors it about x = 500 for the
right hand. Its outline is the palmar view's (see ``extremities``). Fibres that run up the hand
have border a on the ulnar (medial) side, the side nearer the centre line.
"""

from __future__ import annotations

import math

from needlemap.anatomy.artwork.kit import Patch, catmull_rom
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ViewArt, ZoneArt
from needlemap.anatomy.artwork.views.extremities import (
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

# The adductor's trigger points where it shows from behind: in the web, beside the thumb.
TRIGGER_POINT_UV: dict[tuple[str, str], tuple[float, float]] = {
    ("adductor_pollicis", "TrP1"): (0.84, 0.3),
    ("adductor_pollicis", "TrP2"): (0.8, 0.75),
}

# metacarpal heads (the knuckles): centre and half-sizes
KNUCKLES = [((204, 318), 13, 10), ((246, 304), 13, 10), ((288, 314), 12, 9), ((327, 336), 11, 9)]


def muscles() -> list[MuscleArt]:
    return [
        # Deep to the first dorsal interosseous: from behind it shows in the web, between the
        # interosseous and the thumb. The palmar view's shape (extremities.ADDUCTOR_POLLICIS),
        # cut off at the second metacarpal: beyond it the muscle lies under the second
        # interosseous space and the extensor tendons and cannot be reached from behind.
        MuscleArt(
            "adductor_pollicis",
            Patch(
                [(222, 448), (218, 430), (213, 405), (207, 370), (202, 334),  # along MC2
                 (190, 335), (176, 339), (162, 347), (154, 359),  # transverse head, the web
                 (159, 371), (165, 382),  # insertion
                 (176, 392), (192, 411), (208, 432)],  # oblique head, proximal border
                (0, 4, 8, 10),
            ),
            tendons=[(0.93, 1.0)],
            fibres=4,
        ),
        # Two heads from the facing borders of the first and second metacarpals, converging on
        # the radial side of the base of the index finger's proximal phalanx. Border a runs along
        # the second metacarpal (ulnar), border b along the first and the free edge in the web.
        MuscleArt(
            "first_dorsal_interosseous_hand",
            Patch(
                [(226, 462), (219, 467), (212, 470),  # origin: between the metacarpal bases
                 (199, 452), (186, 432), (175, 411), (169, 390), (171, 370), (177, 352),
                 (185, 334), (190, 320),  # radial border: along MC1, then the free edge
                 (196, 307), (204, 304),  # insertion: index proximal phalanx, radial base
                 (204, 330), (209, 370), (215, 410), (221, 440)],  # along MC2
                (0, 2, 10, 12),
            ),
            tendons=[(0.92, 1.0)],
            fibres=6,
        ),
        # Seen from behind only along the ulnar border of the hand: pisiform to the ulnar base
        # of the little finger's proximal phalanx.
        MuscleArt(
            "abductor_digiti_minimi_hand",
            Patch(
                [(363, 493), (358, 496), (352, 496),  # origin: pisiform
                 (355, 460), (359, 420), (358, 378), (353, 344),  # dorsal (radial) border
                 (348, 318), (353, 314),  # insertion
                 (363, 338), (373, 377), (377, 420), (373, 462)],  # ulnar border
                (0, 2, 7, 8),
            ),
            tendons=[(0.86, 1.0)],
            fibres=3,
        ),
    ]


def _oval(centre: tuple[float, float], rx: float, ry: float) -> list[tuple[float, float]]:
    x, y = centre
    return [(x + rx * math.cos(a * math.pi / 4), y + ry * math.sin(a * math.pi / 4))
            for a in range(8)]


def landmarks() -> list[LineArt]:
    lines = [LineArt(_oval(c, rx, ry), closed=True) for c, rx, ry in KNUCKLES]
    lines += [
        LineArt(_oval((346, 530), 10, 8), closed=True),  # head of the ulna
        # extensor retinaculum
        LineArt([(214, 504), (260, 498), (310, 498), (352, 506)], kind="line"),
        LineArt([(212, 540), (260, 536), (310, 536), (354, 542)], kind="line"),
        # extensor pollicis longus, from Lister's tubercle along the first metacarpal
        LineArt([(244, 520), (224, 498), (206, 480), (190, 456), (174, 430), (160, 406),
                 (150, 388),
                 THUMB.at(0.35), THUMB.at(0.7)], kind="line"),
    ]
    # extensor digitorum tendons fanning from the wrist over the knuckles to the fingers
    for start, finger in zip((258, 270, 284, 300), FINGERS, strict=True):
        knuckle = finger.at(-0.3)
        lines.append(LineArt([(start, 520), ((start + knuckle[0]) / 2, (520 + knuckle[1]) / 2),
                              knuckle, finger.at(0.0), finger.at(0.3)], kind="line"))
    for digit in (*FINGERS, THUMB):
        lines.append(LineArt(digit.nail(), closed=True))
    for finger in FINGERS:
        lines += [LineArt(finger.crease(t, inset=9), kind="line") for t in (0.46,)]
    return lines


def zones() -> list[ZoneArt]:
    return [
        ZoneArt("dorsal_hand", [(206, 318), (250, 300), (300, 308), (350, 332), (368, 380),
                                (366, 440), (350, 486), (282, 496), (228, 488), (208, 450),
                                (196, 400), (196, 350)]),
        ZoneArt("dorsal_thumb_web", [(158, 358), (172, 338), (188, 320), (200, 326),
                                     (206, 360), (212, 404), (208, 436), (194, 440),
                                     (178, 420), (164, 392)]),
        ZoneArt("thumb", digit_zone(THUMB, t0=0.0)),
        ZoneArt("index_finger", digit_zone(INDEX)),
        ZoneArt("middle_finger", digit_zone(MIDDLE)),
        ZoneArt("ring_finger", digit_zone(RING)),
        ZoneArt("little_finger", digit_zone(LITTLE)),
        ZoneArt("dorsal_wrist", [(220, 498), (280, 492), (342, 498), (344, 540), (280, 546),
                                 (216, 540)]),
        ZoneArt("radial_wrist", [(206, 494), (220, 494), (226, 522), (222, 552), (211, 554),
                                 (208, 524)]),
        ZoneArt("ulnar_wrist", [(342, 490), (356, 494), (353, 524), (351, 552), (338, 552),
                                (334, 522)]),
    ]


def art() -> ViewArt:
    return ViewArt(
        view_id="hands_dorsal",
        template_side="left",
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
