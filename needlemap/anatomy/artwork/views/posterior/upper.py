"""The posterior view, upper part: head, neck, back down to the iliac crest, shoulder, arm, hand.

Template half x < 320 = the patient's LEFT side (see the package docstring). Lateral is towards
smaller x. The arm hangs in the anatomical position (palm forward), so from behind we see the
extensor side of the forearm and the back of the hand, thumb (radial) side lateral, ulnar side
medial. Below the posterior iliac crest and on the buttock the drawing is ``lower.py``'s.

Reference levels used here (spinous processes): C7 262, T1 287, T3 341 (root of the scapular
spine), T5 396, T7 455 (inferior angle), T12 566, L2 611, L4 657, S1 703. Scapula: superior
angle (266, 292), root of the spine (272, 344), inferior angle (260, 456), acromion (148, 304).

Layers: the upper back has five real layers and the atlas three, so within each layer the
muscles share the ground. Superficial: trapezius, latissimus, deltoid, teres major, the
superficial arm and forearm muscles. Intermediate: splenius capitis, levator scapulae, the
rhomboids, infraspinatus, teres minor, the erector spinae columns below the rhomboids, the
intercostals below the scapula. Deep: the suboccipitals, semispinalis capitis, the posterior
cervical group and multifidi beside the spinous processes, splenius cervicis lateral to them,
the serratus posterior muscles, levatores costarum, quadratus lumborum, supraspinatus.
"""

from __future__ import annotations

from needlemap.anatomy.artwork.kit import Patch, Point
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ZoneArt

TRIGGER_POINT_UV: dict[tuple[str, str], tuple[float, float]] = {
    # T6 lies under the rhomboids here: the top of the drawn column (about T7)
    ("iliocostalis_thoracis", "TrP1"): (0.8, 0.5),
    # the upper trapezius fans out to the contour of the neck and shoulder (see below): its
    # two trigger points lie at the top of the shoulder, TrP2 a little lower and outside
    ("trapezius_upper", "TrP1"): (0.76, 0.78),
    ("trapezius_upper", "TrP2"): (0.8, 0.9),
    # middle trapezius: TrP5 just medial to the medial border, TrP7 lower and more medial,
    # TrP6 just inside the acromion
    ("trapezius_middle", "TrP5"): (0.38, 0.58),
    ("trapezius_middle", "TrP6"): (0.9, 0.15),
    ("trapezius_middle", "TrP7"): (0.32, 0.86),
    # splenius cervicis: upper belly at C2, lower belly at C7-T1
    ("splenius_cervicis", "TrP1"): (0.9, 0.5),
    ("splenius_cervicis", "TrP2"): (0.59, 0.4),
    # thoracic segments are taller than lumbar ones in this figure: place by level
    ("multifidi_thoracolumbar", "T6-T7"): (0.67, 0.36),
    ("multifidi_thoracolumbar", "T9-T10"): (0.53, 0.35),
    ("multifidi_thoracolumbar", "L5"): (0.17, 0.34),
    ("multifidi_thoracolumbar", "S1"): (0.13, 0.31),
    ("longissimus_thoracis", "TrP1"): (0.63, 0.48),
    ("longissimus_thoracis", "TrP2"): (0.45, 0.44),
    ("iliocostalis_lumborum", "TrP1"): (0.43, 0.68),
    # latissimus: TrP1 in the posterior axillary fold, TrP2 in the flank
    ("latissimus_dorsi", "TrP1"): (0.9, 0.55),
    ("latissimus_dorsi", "TrP2"): (0.38, 0.9),
    ("levator_scapulae", "TrP2"): (0.84, 0.8),
    # forearm: the sites are given in finger-widths below the elbow
    ("extensor_carpi_radialis_brevis", "TrP1"): (0.22, 0.55),
    ("extensor_digitorum", "TrP1"): (0.17, 0.54),
    ("extensor_digitorum", "TrP2"): (0.25, 0.32),
    ("extensor_indicis", "TrP1"): (0.15, 0.6),
    ("extensor_pollicis_longus", "TrP1"): (0.12, 0.5),
}

M = 319.0  # the spinous-process line, kept a hair off the midline (the midline furrow)


def _rev(points: list[Point]) -> list[Point]:
    return list(reversed(points))


# --- shared borders (each listed once; neighbours reuse them, reversed where needed) -------

# Spine of the scapula, upper lip, from the root to the acromion: the middle trapezius inserts
# above it, the posterior deltoid arises below it.
SPINE: list[Point] = [(272, 344), (250, 337), (226, 329), (202, 320), (180, 312), (160, 306),
                      (148, 304)]  # fmt: skip
# Medial border of the scapula, superior angle down to the inferior angle: levator scapulae and
# the rhomboids insert on it, infraspinatus arises from the fossa lateral to it.
MEDIAL_BORDER: list[Point] = [(264.5, 291), (269, 305), (271, 320), (272, 335), (272, 346),
                              (271.5, 365), (270.5, 385), (269, 405), (267, 425), (264, 442),
                              (260, 455)]  # fmt: skip

# Superficial: trapezius. Upper/middle border, C7 out to the top of the shoulder.
UPPER_MIDDLE: list[Point] = [(M, 264), (298, 271), (274, 279), (250, 285.5), (226, 290),
                             (206, 292)]  # fmt: skip
# Middle/lower border, T3 out to the root of the spine.
MIDDLE_LOWER: list[Point] = [(M, 342), (300, 342), (282, 341.5), (263, 339)]
# Free lateral border of the lower part, root of the spine down to T12; the latissimus' upper
# border runs along its lower half.
LOWER_FREE: list[Point] = [(257, 350), (261, 368), (267, 393), (275, 425), (285, 462),
                           (296, 500), (308, 535), (M, 566)]  # fmt: skip
# Posterior border of the deltoid, from the spine of the scapula to the deltoid tuberosity.
DELTOID_FREE: list[Point] = [(226, 329), (214, 341), (202, 353), (190, 366), (178, 380),
                             (166, 395), (154, 412), (142, 428), (132.5, 444)]  # fmt: skip
# Teres major below / latissimus dorsi above... the posterior axillary fold, inferior angle
# out to the armpit.
TM_LAT: list[Point] = [(262, 461), (246, 451), (231, 437), (218, 421), (208, 405),
                       (203.5, 394)]  # fmt: skip
# Triceps long head / lateral head, from under the deltoid down to the common tendon.
LONG_LAT: list[Point] = [(178, 380), (176, 400), (172, 430), (169, 460), (166, 490),
                         (162.5, 518), (158, 542), (154, 562)]  # fmt: skip
# Forearm: anconeus above / extensor carpi ulnaris below (lateral epicondyle to the ulna).
ANCONEUS_LOWER: list[Point] = [(122, 574), (129, 587), (137, 599), (146, 612)]
# Extensor digitorum / extensor carpi ulnaris, epicondyle to the wrist.
ED_ECU: list[Point] = [(122, 574), (128, 598), (133, 625), (136.5, 655), (137.5, 685),
                       (137, 715), (135, 745), (132.5, 775)]  # fmt: skip

# Intermediate: splenius capitis / levator scapulae in the side of the neck.
LEV_SPLEN: list[Point] = [(298, 236), (291, 221), (285, 206), (280, 192)]
# Rhomboid minor / major, C7-T1 down to the medial border at the root of the spine.
RHOMB_SPLIT: list[Point] = [(M, 290), (305, 305), (290, 320), (279, 333), (272, 346)]
# Lower border of rhomboid major, T5 to the inferior angle; the erector spinae columns are
# drawn below it.
RHOMB_LOWER: list[Point] = [(M, 400), (305, 414), (289, 429), (275, 442), (263, 454)]
# Longissimus / iliocostalis, from the posterior superior iliac spine up to the rhomboids.
LONG_ILIO: list[Point] = [(299, 705), (293, 675), (288.5, 640), (285.5, 600), (284, 585),
                          (284, 560), (285, 520), (286.5, 480), (289, 429)]  # fmt: skip
# Iliocostalis thoracis (medial, above) / lumborum (lateral, below); the lumborum tapers up to
# rib 7, the thoracis down to rib 12.
ILIO_SPLIT: list[Point] = [(284, 585), (278, 555), (272, 525), (267, 495), (264.5, 468)]
# Lateral border of the iliocostalis, iliac crest up to rib 7; the intercostals lie lateral.
ILIO_LAT: list[Point] = [(266, 674), (260, 640), (256.5, 600), (255.5, 560), (256, 530),
                         (257.5, 500), (259.5, 480), (261.5, 466)]  # fmt: skip
# Infraspinatus / teres minor, near the lateral border of the scapula out to the humerus.
INFRA_TMIN: list[Point] = [(263, 445), (250, 432), (235, 418), (218, 400), (200, 382),
                           (182, 367), (165, 356), (150, 349)]  # fmt: skip

# Deep: the column beside the spinous processes (posterior cervicals, then multifidi) and its
# lateral border, shared with semispinalis capitis and splenius cervicis.
PARASPINAL_DEEP: list[Point] = [(M, 176), (313, 192), (308.5, 208), (306.5, 232), (306, 258),
                                (306, 282), (305.5, 310), (305, 341)]  # fmt: skip
# Lateral border of semispinalis capitis, T3 up to the occiput.
SSC_LAT: list[Point] = [(295, 336), (293, 310), (291.5, 280), (291, 250), (291.5, 222),
                        (293, 200), (294.5, 180), (296, 161)]  # fmt: skip
# Lateral border of splenius cervicis, C1-C3 transverse processes down to T6.
SC_LAT: list[Point] = [(277, 207), (280, 225), (282, 245), (282.5, 270), (283, 295),
                       (285, 330), (290, 365), (297, 398), (305, 425)]  # fmt: skip
# Serratus posterior inferior / quadratus lumborum.
SPI_QL: list[Point] = [(296, 609), (285, 603), (268, 594), (252, 585), (240, 578)]


# Control points are grouped one edge per line (origin, border b, insertion, border a).
# fmt: off
def muscles() -> list[MuscleArt]:
    return [*_head_neck(), *_back(), *_shoulder(), *_arm(), *_forearm()]


def _head_neck() -> list[MuscleArt]:
    return [
        # Superior nuchal line (below) up to the galea; border a medial.
        MuscleArt(
            "occipitalis",
            Patch(
                [(305, 145), (294, 147.5), (282, 151), (272, 155.5),
                 (267, 146), (265, 133), (267.5, 120),
                 (275, 113), (285, 109), (296, 108.5),
                 (301.5, 119), (304, 132)],
                (0, 3, 6, 9),
            ),
            tendons=[(0.88, 1.0)],
            fibres=4,
        ),
        # Nuchal ligament C3-C7 up and out to the mastoid and lateral nuchal line; border a is
        # the upper (medial) border, b the lateral border along levator scapulae.
        MuscleArt(
            "splenius_capitis",
            Patch(
                [(M, 206), (M, 225), (M, 245), (M, 262),
                 (308, 250), *LEV_SPLEN, (274, 180), (269, 170),
                 (279, 162), (289, 158), (298, 156),
                 (303, 172), (308, 186), (314, 197)],
                (0, 3, 10, 13),
            ),
            fibres=5,
        ),
        # C1-C4 transverse processes down to the superior angle and the medial border above
        # the spine; border a medial (posterior), b lateral.
        MuscleArt(
            "levator_scapulae",
            Patch(
                [(280, 192), (273.5, 197),
                 (274.5, 212), (277.5, 228), (277.5, 242), (275, 256), (270, 268), (266, 280),
                 *MEDIAL_BORDER[:3],
                 (273, 310), (277, 295), (284, 278), (291, 264), (296, 250),
                 *_rev(LEV_SPLEN)[1:-1]],
                (0, 1, 8, 10),
            ),
            fibres=4,
        ),
        # Deep: C4-C6 transverse processes down to the second rib, at the root of the neck.
        MuscleArt(
            "scalenus_posterior",
            Patch(
                [(280.5, 238), (277.5, 238),
                 (276.5, 250), (272, 263), (266, 276), (261, 287),
                 (267, 290), (273, 291),
                 (276, 276), (278.5, 260), (280, 247)],
                (0, 1, 5, 7),
            ),
            tendons=[(0.9, 1.0)],
            fibres=3,
        ),
        # Deep: atlas and axis up to the occiput, lateral to semispinalis capitis.
        MuscleArt(
            "suboccipitals",
            Patch(
                [(293, 200), (285, 199), (279, 196),
                 (276.5, 182), (276, 166),
                 (285, 162.5), (296, 161),
                 (294.5, 180)],
                (0, 2, 4, 6),
            ),
            fibres=4,
        ),
        # Deep: from the upper thoracic transverse processes (tail at T3) up beside the
        # spinous processes to the occiput between the nuchal lines; border a medial.
        MuscleArt(
            "semispinalis_capitis",
            Patch(
                [PARASPINAL_DEEP[-1], (300, 338.5),
                 *SSC_LAT,
                 (307, 158), (M, 156),
                 (M, 166), *PARASPINAL_DEEP[:-1]],
                (0, 2, 9, 11),
            ),
            tendons=[(0.94, 1.0)],
            fibres=4,
        ),
        # Deep: semispinalis cervicis and the cervical multifidi in the gutter beside the
        # spinous processes, C7 (below) up to C2.
        MuscleArt(
            "posterior_cervicals",
            Patch(
                [(M, 282), *_rev(PARASPINAL_DEEP[1:6]),
                 (M, 180)],
                (0, 1, 5, 6),
            ),
            fibres=3,
        ),
        # Deep: spinous processes T3-T6 up and out to the C1-C3 transverse processes, lateral
        # to semispinalis capitis; border a medial.
        MuscleArt(
            "splenius_cervicis",
            Patch(
                [(305, 343), (305, 370), (305, 398), SC_LAT[-1],
                 *_rev(SC_LAT)[1:],
                 (285, 204.5), (292, 203),
                 *SSC_LAT[4:0:-1], (300, 340)],
                (0, 3, 11, 13),
            ),
            tendons=[(0.0, 0.1)],
            fibres=4,
        ),
    ]


def _back() -> list[MuscleArt]:
    return [
        # Occiput, nuchal ligament and C7 out to the lateral clavicle. From behind the fibres
        # fan out from the midline and turn forward round the side of the neck and the top of
        # the shoulder, so the insertion edge is drawn along that contour (ending on the
        # clavicle at the shoulder); border a is the short upper end at the occiput, b the
        # border with the middle part.
        MuscleArt(
            "trapezius_upper",
            Patch(
                [(299, 153), (310, 150), (317.5, 151), (M, 160), (M, 190), (M, 220), (M, 245),
                 *UPPER_MIDDLE,
                 (216, 289), (228, 285.5), (240, 280), (251, 274.5), (262, 267.5), (270, 260),
                 (275.5, 251), (278.5, 240), (279.5, 228), (281, 215), (285, 200), (290, 183),
                 (295, 167)],
                (0, 7, 12, 24),
            ),
            tendons=[(0.0, 0.07)],
            fibres=7,
        ),
        # C7-T3 across to the acromion and the spine of the scapula; border a upper.
        MuscleArt(
            "trapezius_middle",
            Patch(
                [(M, 264), (M, 290), (M, 316),
                 *MIDDLE_LOWER,
                 *SPINE[1:],
                 (158, 299.5), (172, 296), (186, 293.5), *_rev(UPPER_MIDDLE)[:-1]],
                (0, 3, 6, 12),
            ),
            tendons=[(0.0, 0.11)],
            fibres=6,
        ),
        # T4-T12 up and out to the tubercle at the root of the spine; border a upper.
        MuscleArt(
            "trapezius_lower",
            Patch(
                [(M, 342), (M, 380), (M, 420), (M, 460), (M, 500), (M, 535),
                 *_rev(LOWER_FREE),
                 MIDDLE_LOWER[-1],
                 *_rev(MIDDLE_LOWER)[1:-1]],
                (0, 6, 13, 14),
            ),
            tendons=[(0.0, 0.05), (0.86, 1.0)],
            fibres=6,
        ),
        # Spinous processes T7-L5 (visible below the lower trapezius), thoracolumbar fascia
        # and iliac crest, up and out to the armpit; border a upper (across the inferior
        # angle), b the lateral free border along the flank, leaving the lumbar triangle
        # above the crest. The thoracolumbar fascia is its aponeurosis (the tendon region).
        MuscleArt(
            "latissimus_dorsi",
            Patch(
                [(M, 566), (M, 600), (M, 640), (M, 680), (M, 706),
                 (304, 703), (290, 693), (274, 682), (256, 670), (241, 662.5), (232, 659),
                 (226, 641), (220, 623), (215.5, 604), (213, 585), (211.5, 560), (210, 520),
                 (208, 482), (207, 447), (206.5, 420),
                 (205.5, 404), TM_LAT[-1],
                 *_rev(TM_LAT)[1:], (274, 462.5), *LOWER_FREE[4:-1]],
                (0, 10, 20, 21),
            ),
            tendons=[(0.0, 0.17)],
            fibres=8,
        ),
        # Intermediate: C7-T1 to the medial border at the root of the spine; border a upper.
        MuscleArt(
            "rhomboid_minor",
            Patch(
                [(M, 264), (M, 277),
                 *RHOMB_SPLIT,
                 MEDIAL_BORDER[3],
                 MEDIAL_BORDER[2], (280, 311), (292, 294), (304, 280), (313, 270)],
                (0, 2, 6, 8),
            ),
            tendons=[(0.0, 0.08)],
            fibres=3,
        ),
        MuscleArt(
            "rhomboid_major",
            Patch(
                [RHOMB_SPLIT[0], (M, 330), (M, 365),
                 *RHOMB_LOWER,
                 *_rev(MEDIAL_BORDER)[1:6],
                 MEDIAL_BORDER[4],
                 *_rev(RHOMB_SPLIT)[1:-1]],
                (0, 3, 7, 13),
            ),
            tendons=[(0.0, 0.08)],
            fibres=5,
        ),
        # Intermediate: sacrum, crest and lumbar spinous processes up to the thoracic
        # transverse processes; border a medial. Drawn below the rhomboids.
        MuscleArt(
            "longissimus_thoracis",
            Patch(
                [(316, 742), (309, 726), LONG_ILIO[0],
                 *LONG_ILIO[1:],
                 (300, 419), (309, 410.5),
                 (309, 440), (308.5, 480), (308, 520), (307.5, 560), (307, 600), (307, 640),
                 (308, 680), (311, 715)],
                (0, 2, 10, 12),
            ),
            tendons=[(0.0, 0.12)],
            fibres=4,
        ),
        MuscleArt(
            "iliocostalis_lumborum",
            Patch(
                [LONG_ILIO[0], (288, 694), (277, 683), ILIO_LAT[0],
                 *ILIO_LAT[1:],
                 (264.5, 468),
                 *ILIO_SPLIT[-2:0:-1], *_rev(LONG_ILIO)[4:-1]],
                (0, 3, 10, 11),
            ),
            tendons=[(0.0, 0.1)],
            fibres=4,
        ),
        MuscleArt(
            "iliocostalis_thoracis",
            Patch(
                [ILIO_SPLIT[0], (282.5, 577.5),
                 *ILIO_SPLIT[2:], (263, 454),
                 (275, 442), LONG_ILIO[-1],
                 *_rev(LONG_ILIO)[1:4]],
                (0, 1, 5, 7),
            ),
            fibres=3,
        ),
        # Intermediate: the intercostal spaces lateral to the erector spinae, below the
        # scapula; u from the upper (0) to the lower ribs (1), border a medial.
        MuscleArt(
            "intercostals",
            Patch(
                [ILIO_LAT[-1], (249, 458), (235, 450), (221, 440.5), (211, 432),
                 (209, 455), (208.5, 490), (209.5, 530), (211, 565), (214, 590),
                 (226, 596), (241, 599), ILIO_LAT[2],
                 *ILIO_LAT[3:7]],
                (0, 4, 9, 12),
            ),
            fibres=5,
        ),
        # Deep: the transversospinal group beside the spinous processes, S4 (below) up to T1;
        # border a next to the spinous processes.
        MuscleArt(
            "multifidi_thoracolumbar",
            Patch(
                [(M, 765), (312, 763), (305, 756),
                 (301, 738), (297.5, 715), (294.5, 690), (293.5, 660), (294, 630),
                 (296.5, 600), (300.5, 570), (303, 545), (304.5, 500), (305, 450),
                 (305, 425), (305, 398), (305, 370), *_rev(PARASPINAL_DEEP)[:3],
                 (M, 282),
                 (M, 330), (M, 400), (M, 480), (M, 560), (M, 640), (M, 710)],
                (0, 2, 18, 19),
            ),
            fibres=3,
        ),
        # Deep: strips from the transverse processes T7-T11 down and out to the rib below;
        # border a upper.
        MuscleArt(
            "levatores_costarum",
            Patch(
                [(303, 436), (303, 460), (303, 484), (303, 508),
                 (296, 514), (289, 520),
                 (289, 496), (289, 472), (289, 448),
                 (296, 442)],
                (0, 3, 5, 8),
            ),
            fibres=4,
        ),
        # Deep: from its (aponeurotic) origin beside the upper thoracic spinous processes down
        # and out to ribs 2-5 under the scapula; border a upper.
        MuscleArt(
            "serratus_posterior_superior",
            Patch(
                [(283, 293), (283, 305), (284, 320), (285.5, 340), (288, 360), (291.5, 378),
                 (284, 387), (277, 396),
                 (274, 370), (272.5, 345), (271.5, 322), (272, 300),
                 (277, 296)],
                (0, 5, 7, 11),
            ),
            tendons=[(0.0, 0.12)],
            fibres=4,
        ),
        # Deep: from T11-L2 (aponeurosis) up and out to ribs 9-12; border a upper.
        MuscleArt(
            "serratus_posterior_inferior",
            Patch(
                [(303.5, 543), (302, 560), (300, 577), (298, 593), SPI_QL[0],
                 *SPI_QL[1:],
                 (238, 560), (239, 540), (241, 522), (245, 506),
                 (262, 515), (279, 526), (294, 536)],
                (0, 4, 8, 12),
            ),
            tendons=[(0.0, 0.42)],
            fibres=4,
        ),
        # Deep: iliac crest up to the 12th rib and the lumbar transverse processes; border a
        # medial.
        MuscleArt(
            "quadratus_lumborum",
            Patch(
                [(292, 687), (276, 677), (259, 668), (245, 662),
                 (240, 640), (237.5, 615), (238, 595), SPI_QL[-1],
                 *_rev(SPI_QL)[1:-1], (293, 606.5),
                 (291.5, 630), (291, 655), (291.5, 675)],
                (0, 3, 7, 11),
            ),
            fibres=5,
        ),
    ]


def _shoulder() -> list[MuscleArt]:
    return [
        # Deep: supraspinous fossa out under the acromion to the greater tubercle; border a
        # upper, b along the spine of the scapula.
        MuscleArt(
            "supraspinatus",
            Patch(
                [(266.5, 295), (268.5, 306), (270, 320), (270, 336),
                 (250, 331.5), (226, 323.5), (202, 315), (180, 308.5), (160, 305), (146, 310),
                 (138, 320),
                 (140, 311),
                 (160, 300.5), (185, 297), (210, 297), (235, 295.5), (255, 293.5)],
                (0, 3, 10, 11),
            ),
            tendons=[(0.88, 1.0)],
            fibres=5,
        ),
        # Intermediate: infraspinous fossa up and out to the greater tubercle; border a upper
        # (under the spine), b lower (toward teres minor).
        MuscleArt(
            "infraspinatus",
            Patch(
                [(272, 350), MEDIAL_BORDER[5], MEDIAL_BORDER[6], MEDIAL_BORDER[7],
                 MEDIAL_BORDER[8], INFRA_TMIN[0],
                 *INFRA_TMIN[1:],
                 (147, 333),
                 (165, 322), (190, 330), (215, 337.5), (240, 343.5), (258, 348)],
                (0, 5, 12, 13),
            ),
            tendons=[(0.9, 1.0)],
            fibres=6,
        ),
        # Intermediate: upper lateral border of the scapula to the greater tubercle; border a
        # upper.
        MuscleArt(
            "teres_minor",
            Patch(
                [INFRA_TMIN[2], (240, 428), (246, 437),
                 (230, 426), (215, 409), (200, 392), (185, 377), (168, 365), (152, 358),
                 INFRA_TMIN[-1],
                 *_rev(INFRA_TMIN)[1:-3]],
                (0, 2, 8, 9),
            ),
            tendons=[(0.88, 1.0)],
            fibres=3,
        ),
        # Inferior angle and lower lateral border of the scapula to the armpit (the humerus);
        # border a upper, b lower (along the latissimus).
        MuscleArt(
            "teres_major",
            Patch(
                [(240, 428), (250, 442), (257, 452), TM_LAT[0],
                 *TM_LAT[1:],
                 (199.5, 384),
                 (210, 392.5), (222, 404.5), (232, 416.5)],
                (0, 3, 8, 9),
            ),
            tendons=[(0.92, 1.0)],
            fibres=4,
        ),
        # Spine of the scapula and acromion down to the deltoid tuberosity; border a the rear
        # free border (medial), b lateral.
        MuscleArt(
            "deltoid_posterior",
            Patch(
                [*SPINE[2:],
                 (141.5, 308), (135, 312.5), (130, 318.5), (126.5, 327), (124.5, 338),
                 (123.5, 352), (123, 368), (123, 388), (123.5, 408), (124.5, 426), (126, 441),
                 DELTOID_FREE[-1],
                 *_rev(DELTOID_FREE)[1:-1]],
                (0, 4, 15, 16),
            ),
            tendons=[(0.92, 1.0)],
            fibres=7,
        ),
    ]


def _arm() -> list[MuscleArt]:
    return [
        # Infraglenoid tubercle (emerging below the deltoid) down to the olecranon; border a
        # medial.
        MuscleArt(
            "triceps_long",
            Patch(
                [(199.5, 384), (190, 381), LONG_LAT[0],
                 *LONG_LAT[1:],
                 (163, 562),
                 (171, 550), (177, 530), (183, 505), (189.5, 475), (193.5, 445), (196.5, 418),
                 (198, 400)],
                (0, 2, 9, 10),
            ),
            tendons=[(0.8, 1.0)],
            fibres=4,
        ),
        # Back of the humerus above the radial groove (emerging below the deltoid) to the
        # olecranon; border a medial.
        MuscleArt(
            "triceps_lateral",
            Patch(
                [*DELTOID_FREE[4:],
                 (125, 466), (123, 490), (123, 512), (125.5, 532), (132, 549), (142.5, 559),
                 LONG_LAT[-1],
                 *_rev(LONG_LAT)[1:-1]],
                (0, 4, 10, 11),
            ),
            tendons=[(0.84, 1.0)],
            fibres=5,
        ),
        # Intermediate: back of the humerus below the radial groove to the olecranon, under
        # the other two heads; border a medial.
        MuscleArt(
            "triceps_medial",
            Patch(
                [(180, 438), (160, 440), (141, 446),
                 (137, 480), (137, 510), (140, 535), (146, 556),
                 (155, 560), (163, 558),
                 (174, 549), (183, 530), (188, 505), (187, 470)],
                (0, 2, 6, 8),
            ),
            tendons=[(0.88, 1.0)],
            fibres=5,
        ),
        # Lateral epicondyle to the side of the olecranon and upper ulna; border a upper.
        MuscleArt(
            "anconeus",
            Patch(
                [(124, 566), ANCONEUS_LOWER[0],
                 *ANCONEUS_LOWER[1:],
                 (148.5, 596), (151, 579),
                 (141, 570), (132, 566)],
                (0, 1, 4, 6),
            ),
            fibres=3,
        ),
    ]


def _forearm() -> list[MuscleArt]:
    return [
        # Lateral supracondylar ridge along the radial edge to the base of the 2nd
        # metacarpal; border a medial (ulnar), b lateral (radial).
        MuscleArt(
            "extensor_carpi_radialis_longus",
            Patch(
                [(122, 540), (119, 525),
                 (117.5, 545), (116, 565), (113.5, 590), (110.5, 615), (107.5, 640),
                 (104.5, 668), (101.5, 700), (99.5, 730), (98.5, 758), (100.5, 782),
                 (104, 800),
                 (108.5, 801),
                 (107.5, 782), (107.5, 758), (108.5, 730), (111.5, 700), (114.5, 668),
                 (116.5, 640), (118, 612), (119, 590), (120, 565)],
                (0, 1, 12, 13),
            ),
            tendons=[(0.55, 1.0)],
            fibres=3,
        ),
        # Intermediate: common extensor origin to the base of the 3rd metacarpal, between
        # ECRL and extensor digitorum; its tendon is narrow where abductor pollicis longus
        # crosses it.
        MuscleArt(
            "extensor_carpi_radialis_brevis",
            Patch(
                [(123, 578), (119, 574),
                 (116, 595), (114, 620), (112.5, 650), (111.5, 680), (111.5, 710),
                 (112.5, 735), (113.5, 760), (114, 780), (114, 801),
                 (118, 802),
                 (117, 780), (116, 760), (115.5, 735), (116.5, 710), (119.5, 680),
                 (122.5, 650), (123.5, 620), (123.5, 598)],
                (0, 1, 10, 11),
            ),
            tendons=[(0.55, 1.0)],
            fibres=3,
        ),
        # Lateral epicondyle to the extensor hoods of fingers 2-5; its tendons fan over the
        # back of the hand. Border a ulnar (medial), b radial.
        MuscleArt(
            "extensor_digitorum",
            Patch(
                [ED_ECU[0], (119.5, 576),
                 (119.5, 600), (120.5, 630), (121, 660), (121, 690), (120, 720), (118, 750),
                 (115, 776), (111, 798), (105.5, 824), (101, 848), (98.5, 869),
                 (108, 872.5), (118, 873.5), (128, 872), (137.5, 867),
                 (136.5, 846), (134.5, 822), (133, 800), *_rev(ED_ECU)[:-1]],
                (0, 1, 12, 16),
            ),
            tendons=[(0.52, 1.0)],
            fibres=4,
        ),
        # Lateral epicondyle and the posterior border of the ulna to the base of the 5th
        # metacarpal; border a ulnar (medial).
        MuscleArt(
            "extensor_carpi_ulnaris",
            Patch(
                [ANCONEUS_LOWER[-1], *_rev(ANCONEUS_LOWER)[1:],
                 *ED_ECU[1:], (135.5, 787), (138.5, 798),
                 (143, 797),
                 (143, 780), (146.5, 758), (150, 733), (154, 705), (157.5, 675), (159, 647),
                 (156, 624)],
                (0, 3, 12, 13),
            ),
            tendons=[(0.72, 1.0)],
            fibres=4,
        ),
        # Deep: lateral epicondyle and supinator crest of the ulna round to the upper radius;
        # border a upper.
        MuscleArt(
            "supinator",
            Patch(
                [(124, 576), (132, 592), (140, 606), (146, 618),
                 (134, 628), (122, 637), (112, 643),
                 (113, 622), (114.5, 602), (117, 588),
                 (120, 582)],
                (0, 3, 6, 9),
            ),
            tendons=[(0.0, 0.1)],
            fibres=4,
        ),
        # Intermediate: backs of ulna and radius (under extensor digitorum), emerging between
        # it and ECRB, across the radial wrist extensors to the base of the 1st metacarpal;
        # border a upper (radial), b lower (ulnar).
        MuscleArt(
            "abductor_pollicis_longus",
            Patch(
                [(125, 652), (130, 668), (134, 684), (137, 700),
                 (131, 714), (124, 726), (117.5, 737), (111, 749), (104.5, 763), (99, 780),
                 (96.5, 794),
                 (93, 792),
                 (95.5, 779), (100.5, 764), (107, 751), (113, 740), (119, 728), (123, 712),
                 (125, 690), (125.5, 670)],
                (0, 3, 10, 11),
            ),
            tendons=[(0.58, 1.0)],
            fibres=3,
        ),
        # Deep: middle third of the back of the ulna, round Lister's tubercle to the distal
        # phalanx of the thumb; border a upper (radial).
        MuscleArt(
            "extensor_pollicis_longus",
            Patch(
                [(133, 664), (137, 688), (140, 712),
                 (133, 732), (124, 752), (115, 772), (105, 792), (95, 812), (87, 834),
                 (82.5, 854), (80.5, 869),
                 (77.5, 869),
                 (78.5, 852), (82.5, 832), (90.5, 810), (100, 789), (109, 768), (117, 748),
                 (126, 722), (130, 692)],
                (0, 2, 10, 11),
            ),
            tendons=[(0.5, 1.0)],
            fibres=3,
        ),
        # Deep: lower back of the ulna to the extensor hood of the index finger; border a
        # ulnar (medial).
        MuscleArt(
            "extensor_indicis",
            Patch(
                [(143, 724), (138, 721),
                 (133, 738), (127, 758), (120, 780), (112, 805), (105, 830), (101, 852),
                 (99.5, 868),
                 (103.5, 869),
                 (105, 852), (110, 832), (117, 808), (124.5, 786), (133, 768), (140, 748)],
                (0, 1, 8, 9),
            ),
            tendons=[(0.4, 1.0)],
            fibres=3,
        ),
    ]
# fmt: on


def landmarks() -> list[LineArt]:
    return [
        # spine of the scapula and acromion
        LineArt(
            [
                *SPINE,
                (140, 304),
                (136, 309),
                (141, 313),
                (158, 312),
                (180, 317.5),
                (203, 325.5),
                (227, 334),
                (251, 342),
                (270, 350),
            ],
            closed=True,
        ),
        # spinous processes, C7 to L5 (drawn once, on the midline)
        LineArt(
            [(320, 262), (320, 300), (320, 400), (320, 500), (320, 600), (320, 690)],
            kind="line",
            midline=True,
        ),
        # superior nuchal line
        LineArt([(320, 148), (306, 149), (292, 152), (280, 156), (268, 162)], kind="line"),
        # the rim of the ear
        LineArt([(255, 126), (250, 133), (248.5, 146), (250, 158), (254, 166)], kind="line"),
        # lower ribs (11 and 12) in the flank
        LineArt([(258, 545), (240, 560), (222, 578), (212, 590)], kind="line"),
        LineArt([(258, 572), (245, 585), (232, 600)], kind="line"),
        # olecranon and the two epicondyles
        LineArt(
            [(144, 562), (152, 558), (160, 563), (160, 578), (153, 588), (145, 580)], closed=True
        ),
        LineArt([(115, 560), (121, 556), (125, 564), (121, 573), (115, 570)], closed=True),
        LineArt([(181, 552), (187, 549), (190, 558), (186, 567), (180, 562)], closed=True),
        # head of the ulna at the wrist
        LineArt([(138, 768), (143, 764), (146, 772), (142, 779), (137, 776)], closed=True),
    ]


def zones() -> list[ZoneArt]:
    return [
        ZoneArt(
            "vertex",
            [(300, 50), (320, 45), (340, 50), (344, 68), (320, 78), (296, 68)],
            midline=True,
        ),
        ZoneArt(
            "occiput",
            [(270, 114), (296, 102), (316, 104), (318, 146), (298, 151), (276, 152), (266, 132)],
        ),
        ZoneArt(
            "ear",
            [(249, 126), (256, 122), (258, 142), (257, 164), (252, 170), (247, 158), (246, 140)],
        ),
        ZoneArt(
            "mastoid", [(261, 158), (270, 160), (273, 172), (268, 182), (262, 177), (259, 167)]
        ),
        ZoneArt(
            "suboccipital", [(282, 160), (304, 156), (318, 160), (317, 194), (298, 200), (280, 190)]
        ),
        ZoneArt("posterior_neck", [(300, 202), (316, 200), (317, 254), (302, 258), (294, 232)]),
        ZoneArt(
            "posterolateral_neck",
            [(276, 198), (290, 202), (295, 230), (291, 256), (279, 256), (278, 225)],
        ),
        ZoneArt(
            "angle_of_neck",
            [(264, 262), (282, 255), (298, 262), (292, 282), (270, 288), (255, 276)],
        ),
        ZoneArt(
            "acromion", [(140, 302), (158, 298), (168, 304), (160, 312), (142, 314), (134, 309)]
        ),
        ZoneArt(
            "suprascapular",
            [(175, 300), (215, 294), (260, 294), (266, 312), (262, 334), (222, 324), (180, 312)],
        ),
        ZoneArt(
            "scapula",
            [(192, 350), (230, 346), (264, 354), (263, 410), (256, 444), (226, 416), (196, 384)],
        ),
        ZoneArt(
            "medial_scapular_border",
            [
                (271, 300),
                (282, 312),
                (284, 360),
                (281, 420),
                (270, 458),
                (261, 450),
                (266, 400),
                (267, 340),
            ],
        ),
        ZoneArt(
            "interscapular",
            [(286, 300), (306, 300), (309, 360), (307, 420), (291, 430), (285, 380)],
        ),
        ZoneArt(
            "inferior_angle_scapula", [(248, 448), (260, 444), (270, 455), (265, 470), (250, 468)]
        ),
        ZoneArt(
            "posterior_shoulder",
            [(150, 330), (186, 330), (206, 360), (196, 385), (165, 394), (140, 370)],
        ),
        ZoneArt(
            "lateral_shoulder",
            [(124, 322), (133, 314), (142, 332), (141, 380), (131, 402), (123, 382)],
        ),
        ZoneArt(
            "mid_back", [(276, 442), (302, 440), (312, 480), (306, 540), (280, 545), (266, 500)]
        ),
        ZoneArt(
            "lower_ribs_posterior",
            [(215, 520), (250, 520), (262, 560), (255, 598), (220, 600), (212, 560)],
        ),
        ZoneArt("thoracolumbar", [(278, 550), (312, 550), (314, 600), (290, 610), (270, 590)]),
        ZoneArt("lumbar", [(280, 612), (314, 612), (314, 680), (292, 690), (272, 665)]),
        ZoneArt(
            "posterior_arm",
            [(165, 410), (188, 410), (190, 480), (180, 530), (160, 532), (150, 480), (155, 432)],
        ),
        ZoneArt(
            "lateral_arm", [(124, 382), (136, 382), (139, 440), (134, 500), (125, 510), (122, 450)]
        ),
        ZoneArt(
            "medial_arm", [(190, 400), (198, 402), (195, 470), (190, 520), (184, 518), (187, 460)]
        ),
        ZoneArt(
            "olecranon", [(142, 562), (155, 557), (164, 566), (160, 585), (150, 592), (141, 580)]
        ),
        ZoneArt("lateral_epicondyle", [(113, 555), (122, 553), (127, 566), (122, 580), (113, 576)]),
        ZoneArt("medial_epicondyle", [(179, 548), (189, 547), (190, 562), (183, 572), (176, 562)]),
        ZoneArt(
            "dorsal_forearm",
            [(121, 612), (148, 612), (146, 680), (139, 740), (118, 745), (113, 680)],
        ),
        ZoneArt(
            "radial_forearm",
            [(108, 600), (116, 602), (114, 680), (106, 750), (99, 750), (101, 680)],
        ),
        ZoneArt(
            "ulnar_forearm",
            [(155, 612), (168, 617), (160, 690), (150, 745), (144, 740), (150, 680)],
        ),
        ZoneArt("dorsal_wrist", [(106, 764), (138, 762), (141, 790), (110, 793)]),
        ZoneArt("radial_wrist", [(96, 760), (104, 761), (106, 790), (97, 798), (92, 790)]),
        ZoneArt("ulnar_wrist", [(140, 758), (146.5, 760), (147, 790), (141, 795)]),
        ZoneArt(
            "dorsal_hand", [(104, 800), (140, 800), (146, 840), (142, 864), (102, 866), (97, 832)]
        ),
        ZoneArt("dorsal_thumb_web", [(89, 830), (98, 822), (100, 850), (92, 866), (88, 855)]),
        ZoneArt("thumb", [(81, 810), (88, 806), (88, 840), (84, 870), (76, 872), (74, 845)]),
        ZoneArt("index_finger", [(92, 878), (102, 876), (104, 930), (100, 936), (95, 912)]),
        ZoneArt("middle_finger", [(104.5, 876), (117, 876), (119, 938), (110, 942), (105, 925)]),
        ZoneArt("ring_finger", [(119.5, 876), (131, 874), (132, 930), (123, 940), (120.5, 920)]),
        ZoneArt("little_finger", [(133, 872), (145, 868), (143, 900), (137, 918), (133.5, 898)]),
    ]
