"""The anterior view, upper part: head, neck, shoulder, arm, forearm, chest and abdomen.

Template half x < 320 = the patient's RIGHT side (see the package docstring). The arm hangs in
the anatomical position, palm forward, so the radial (thumb) side of the forearm is lateral
(small x) and the ulnar side medial. The abdominal wall ends at the inguinal ligament, from the
ASIS (232, 690) to the pubic tubercle (300, 787); below it is ``lower.py``'s.
"""

from __future__ import annotations

import math

from needlemap.anatomy.artwork.kit import Patch, Point
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ZoneArt

# The point lists below are laid out by hand, one edge of a patch per line.
# fmt: off

# Where the catalogue's (u, v) lands badly in this view's patches.
TRIGGER_POINT_UV: dict[tuple[str, str], tuple[float, float]] = {
    # the free anterior border is border b here (border a follows the shoulder contour)
    ("trapezius_upper", "TrP1"): (0.4, 0.7),
    ("trapezius_upper", "TrP2"): (0.62, 0.4),
    # only the front of the serratus shows: the mid-axillary line is near the contour (u = 1)
    ("serratus_anterior", "TrP1"): (0.7, 0.35),
    ("serratus_anterior", "TrP2"): (0.7, 0.75),
    # upper front fibres lateral to the rectus, lower fibres just above the iliac crest
    ("external_oblique", "TrP1"): (0.44, 0.15),
    ("external_oblique", "TrP3"): (0.4, 0.87),
}


def _ellipse(cx: float, cy: float, rx: float, ry: float, degrees: list[float]) -> list[Point]:
    """Points of an ellipse; 0 degrees points medially (+x), 90 degrees up."""
    return [
        (round(cx + rx * math.cos(math.radians(d)), 2),
         round(cy - ry * math.sin(math.radians(d)), 2))
        for d in degrees
    ]


# --- shared borders (each listed once; neighbours reuse them, reversed where needed) ---------

# Orbicularis oculi: centred on the eye; the outer ring is also the frontalis' lower edge.
EYE = (293.0, 133.0)
ORBIT_OUTER = _ellipse(*EYE, 22, 17, [12, 40, 65, 90, 115, 140, 165, 180, 200, 225, 250, 270,
                                      295, 320, 348])
ORBIT_INNER = _ellipse(*EYE, 11.5, 5.5, [342, 300, 270, 240, 210, 180, 150, 120, 90, 60, 18])
BROW = ORBIT_OUTER[6::-1]  # outer ring from lateral (165 degrees) to medial (12 degrees)

# Sternocleidomastoid: the line between the sternal (anterior) and clavicular heads, top down.
SCM_SPLIT = [(279, 216), (284, 232), (291, 250), (298, 264), (303, 273)]

# Lateral third of the clavicle: trapezius insertion above, anterior deltoid origin below.
CLAV_LAT = [(210, 292.5), (196, 295), (180, 298.5), (165, 302), (155, 305)]

# Deltopectoral line, from the deltoid tuberosity up to the clavicle: the anterior deltoid's
# medial border; the three pectoral parts insert along its middle, the biceps emerges below.
DELTOPECTORAL = [(151, 439), (156, 424), (162, 407), (167, 392), (172, 378), (177, 364),
                 (183, 348), (191, 330), (200, 311), (210, 292.5)]

# Pectoralis major: clavicular/sternal and sternal/costal divisions (medial to lateral), its
# sternal origin and its free lower border (anterior axillary fold), chest to arm.
PEC_CLAV_STERNAL = [(307, 291), (285, 303), (255, 318), (225, 334), (200, 349), (177, 364)]
PEC_STERNAL_COSTAL = [(306, 396), (282, 400), (255, 395), (228, 386), (200, 378), (172, 378)]
STERNAL_EDGE = [(307, 291), (306, 320), (305.5, 358), (306, 396)]
AXILLARY_FOLD = [(258, 434), (246, 427), (228, 410), (213, 396), (202, 387.5), (186, 388.5),
                 (167, 392)]
# Top of the rectus abdominis where the lowest pectoral fibres overlie it (lateral to medial).
RECTUS_TOP = [(258, 434), (273, 437), (290, 434), (302, 428)]

# Serratus anterior / external oblique interdigitation on ribs 5-9, top down.
SERRATUS_EXT_OBLIQUE = [(246, 427), (236, 434.5), (233.5, 437), (244, 448), (246.5, 451.5),
                        (243, 453), (232, 458), (229.5, 461), (239, 472), (241, 475.5),
                        (237.5, 477), (227, 482), (224.5, 485), (233, 495), (235, 498.5),
                        (231.5, 500), (221, 505), (219, 508.5), (228, 519)]

# Linea semilunaris (lateral border of the rectus), pubic tubercle up to the costal margin.
SEMILUNAR = [(300, 787), (294, 760), (286, 722), (278, 682), (272, 640), (268, 598), (265, 555),
             (263, 515), (262, 478), (260, 452), (258, 434)]
# Lateral border of the pyramidalis (apex down to the pubic crest).
PYRAMIDALIS_LATERAL = [(317, 740), (313, 760), (309, 776), (307, 788)]

# Costal margin (xiphoid to the tip of the tenth rib): the diaphragm above, transversus below.
COSTAL_MARGIN = [(316, 445), (302, 452), (287, 465), (272, 483), (258, 503), (245, 525),
                 (233, 548), (222, 570), (213, 588)]
# Iliac crest from the flank to the ASIS, then the inguinal ligament to the pubic tubercle.
ILIAC_CREST = [(210.5, 646), (216, 663), (224, 678), (232, 690)]
INGUINAL = [(232, 690), (250, 714), (268, 739), (285, 763), (300, 787)]

# Forearm: the common flexor origin fans out from the medial epicondyle.
PT_FCR = [(180.5, 569), (168, 592), (155, 613), (142, 632)]  # pronator teres / FCR
FCR_PL = [(180.5, 574), (171, 595), (161, 616), (151, 638)]  # FCR / palmaris longus, upper
PL_FCU = [(180, 579), (172, 600), (165, 621), (158, 643)]  # palmaris longus / FCU, upper
# Brachioradialis' medial border, wrist up to the lateral supracondylar ridge.
BR_MEDIAL = [(104, 774), (106, 745), (109, 715), (114, 685), (121, 655), (128, 628), (132, 603),
             (132, 578), (129, 548), (125, 510)]
# Pectoralis minor's lateral border, rib 5 up to the coracoid; subscapularis lies lateral to it.
PEC_MINOR_LATERAL = [(250, 418), (236, 396), (222, 374), (210, 352), (201, 332), (196, 318)]


def _head() -> list[MuscleArt]:
    return [
        # Galea (top) down to the skin of the brow; border a medial.
        MuscleArt(
            "frontalis",
            Patch(
                [(317, 62), (303, 62.5), (288, 66), (275, 73),
                 (269, 86), (267, 102), (268.5, 116),
                 *BROW,
                 (316, 110), (317, 85)],
                (0, 3, 7, 13),
            ),
            tendons=[(0.0, 0.12)],
            fibres=6,
        ),
        # A ring open at the medial canthus: fibres run round from the medial palpebral
        # ligament above the eye to below it; border a is the lid margin, b the outer edge.
        MuscleArt(
            "orbicularis_oculi",
            Patch(
                [ORBIT_INNER[-1], *ORBIT_OUTER, *ORBIT_INNER[:-1]],
                (0, 1, 15, 16),
            ),
            fibres=4,
        ),
        # Zygomatic bone down and in to the corner of the mouth; border a upper.
        MuscleArt(
            "zygomaticus_major",
            Patch(
                [(280, 150), (273.5, 153.5),
                 (278, 166), (286, 178), (295.5, 189.5),
                 (299.5, 186.5), (292, 174), (286, 162)],
                (0, 1, 4, 5),
            ),
            fibres=3,
        ),
        # Zygomatic arch down to the angle and lower ramus of the mandible; border a medial.
        MuscleArt(
            "masseter_superficial",
            Patch(
                [(274, 156), (265, 154), (258, 153),
                 (255.5, 168), (258, 184), (262.5, 198), (267, 205),
                 (276, 210), (285, 213),
                 (281, 196), (277.5, 178), (275, 165)],
                (0, 2, 6, 8),
            ),
            tendons=[(0.0, 0.08)],
        ),
        MuscleArt(
            "masseter_deep",
            Patch(
                [(271, 149), (264, 148), (257.5, 149),
                 (256, 165), (258.5, 180), (262, 192),
                 (269, 194), (276, 195),
                 (274, 178), (272, 162)],
                (0, 2, 5, 7),
            ),
            fibres=4,
        ),
    ]


def _neck() -> list[MuscleArt]:
    return [
        # Manubrium (origin, below) up to the mastoid; border a is the anterior border.
        MuscleArt(
            "scm_sternal",
            Patch(
                [(313, 284), (306, 282), *SCM_SPLIT[::-1],
                 (287, 220), (293, 236), (300, 252), (307, 267), (311.5, 277)],
                (0, 1, 6, 7),
            ),
            tendons=[(0.0, 0.14)],
            fibres=4,
        ),
        MuscleArt(
            "scm_clavicular",
            Patch(
                [(300, 287), (292, 287.5), (285, 288),
                 (283.5, 272), (281, 256), (279, 246), (277, 234), (274.5, 222), (272, 213),
                 *SCM_SPLIT, (301.5, 280)],
                (0, 2, 8, 9),
            ),
            tendons=[(0.0, 0.08)],
            fibres=4,
        ),
        # The platysma where it lies free of the SCM: the anterior triangle, from the lower
        # border of the mandible down; the two sheets meet under the chin and part below it,
        # leaving the larynx and trachea bare.
        MuscleArt(
            "platysma",
            Patch(
                [(318, 231), (303, 226.5), (290, 222.5),
                 (295.5, 236), (301.8, 250), (306.5, 262), (310, 270.5),
                 (312.5, 268), (315.5, 250)],
                (0, 2, 6, 7),
            ),
            fibres=4,
        ),
        # Anterior tubercles of C3-C6 down and out to the first rib; border a upper/lateral.
        MuscleArt(
            "scalenus_anterior",
            Patch(
                [(294, 226), (294, 245), (292, 264),
                 (287, 276), (282, 286),
                 (269, 287), (276, 265), (285, 243)],
                (0, 2, 4, 5),
            ),
            fibres=4,
        ),
        # On the front of the cervical and upper thoracic vertebral bodies, beside the midline
        # (behind the larynx and trachea).
        MuscleArt(
            "longus_colli",
            Patch(
                [(315.5, 231), (311, 232),
                 (304, 255), (303.5, 280), (307, 300), (311.5, 312),
                 (315.5, 312), (315.5, 260)],
                (0, 1, 5, 6),
            ),
            fibres=3,
        ),
        # The free anterior edge of the upper trapezius, from the side of the neck down to the
        # lateral clavicle and acromion; border a is the shoulder contour.
        MuscleArt(
            "trapezius_upper",
            Patch(
                [(276.6, 241), (279, 246),
                 (275.5, 260), (267, 271.5), (252, 280.5), (234, 287.5), (220, 291),
                 *CLAV_LAT,
                 (160, 299.2), (172, 295.7), (190, 291.4), (210, 286.5), (230, 280.3),
                 (248, 273.2), (262, 266.7), (270.5, 259.5), (275.4, 250)],
                (0, 1, 7, 11),
            ),
            fibres=5,
        ),
    ]


def _shoulder_chest() -> list[MuscleArt]:
    return [
        # Lateral clavicle down to the deltoid tuberosity; border a is the deltopectoral line.
        MuscleArt(
            "deltoid_anterior",
            Patch(
                [*CLAV_LAT,
                 (146, 315), (140, 333), (137, 358), (136.5, 385), (139, 412),
                 (145, 436), *DELTOPECTORAL[:-1]],
                (0, 4, 10, 11),
            ),
            tendons=[(0.93, 1.0)],
            fibres=6,
        ),
        # Medial half of the clavicle out to the humerus; border a (upper) is the
        # deltopectoral edge, border b the line against the sternal part.
        MuscleArt(
            "pectoralis_major_clavicular",
            Patch(
                [(232, 294), (250, 292), (270, 290.5), (290, 290), *PEC_CLAV_STERNAL,
                 (183, 348), (188, 341), (199, 327), (214, 310)],
                (0, 4, 9, 10),
            ),
            tendons=[(0.9, 1.0)],
        ),
        MuscleArt(
            "pectoralis_major_sternal",
            Patch(
                [*STERNAL_EDGE, *PEC_STERNAL_COSTAL[1:], *PEC_CLAV_STERNAL[:0:-1]],
                (0, 3, 8, 9),
            ),
            tendons=[(0.9, 1.0)],
            fibres=6,
        ),
        # Costal cartilages 5-6 and the rectus sheath up to the humerus: the lower border.
        MuscleArt(
            "pectoralis_major_costal",
            Patch(
                [(306, 396), (306, 412), *RECTUS_TOP[::-1],
                 *AXILLARY_FOLD[1:], *PEC_STERNAL_COSTAL[-1:0:-1]],
                (0, 5, 11, 12),
            ),
            tendons=[(0.9, 1.0)],
            fibres=4,
        ),
        # Inconstant: a thin strip along the sternal border, over the pectoral origin.
        MuscleArt(
            "sternalis",
            Patch(
                [(313, 298), *STERNAL_EDGE, (313.5, 404), (314, 370), (314, 335)],
                (0, 1, 4, 5),
            ),
            fibres=2,
        ),
        # Ribs 3-5 up and out to the coracoid process; border a upper.
        MuscleArt(
            "pectoralis_minor",
            Patch(
                [(266, 348), (270, 375), (262, 400), *PEC_MINOR_LATERAL,
                 (202, 313), (225, 324), (248, 336)],
                (0, 3, 8, 9),
            ),
            tendons=[(0.92, 1.0)],
        ),
        # Under the clavicle: first costal cartilage out to the middle third of the clavicle.
        MuscleArt(
            "subclavius",
            Patch(
                [(298, 288.5), (296, 295),
                 (275, 296), (250, 298), (226, 300),
                 (224, 294), (250, 291.5), (275, 289.5)],
                (0, 1, 4, 5),
            ),
            fibres=2,
        ),
        # Subscapular fossa, seen in the axilla lateral to pectoralis minor, out to the lesser
        # tubercle; border a upper.
        MuscleArt(
            "subscapularis",
            Patch(
                [*PEC_MINOR_LATERAL[4:0:-1],
                 (215, 392), (195, 386), (180, 376),
                 (177, 356), (190, 345)],
                (0, 3, 6, 7),
            ),
            tendons=[(0.9, 1.0)],
        ),
        # Slips from ribs 4-9 running back to the scapula (the lateral contour); border a upper.
        MuscleArt(
            "serratus_anterior",
            Patch(
                [*SERRATUS_EXT_OBLIQUE,
                 (217, 524), (209.5, 528),
                 (208.5, 500), (207, 470), (206, 440), (205.3, 410), (205, 392),
                 (213, 396), (228, 410)],
                (0, 18, 20, 25),
            ),
            fibres=6,
        ),
        # The intercostal spaces of the anterolateral chest down to the costal margin; u runs
        # down from the upper spaces to the lower ones, border a medial.
        MuscleArt(
            "intercostals",
            Patch(
                [(260, 424), (242, 412), (224, 402), (205.8, 396),
                 (206.5, 430), (207.3, 470), (208.4, 510), (209.5, 550),
                 *COSTAL_MARGIN[:3:-1], (261.5, 498),
                 (261, 470), (260, 445)],
                (0, 3, 8, 13),
            ),
            fibres=7,
        ),
    ]


def _abdomen() -> list[MuscleArt]:
    return [
        # Pubic crest (origin, below) up to the costal cartilages 5-7; border a is the linea
        # alba. Three tendinous intersections: at the navel, halfway up, below the xiphoid.
        MuscleArt(
            "rectus_abdominis",
            Patch(
                [(307, 788), *SEMILUNAR,
                 *RECTUS_TOP[1:], (315, 433),
                 (315, 470), (315, 520), (315.5, 590), (316.5, 650), (317, 705),
                 *PYRAMIDALIS_LATERAL[:-1]],
                (0, 1, 11, 15),
            ),
            tendons=[(0.0, 0.05), (0.555, 0.567), (0.75, 0.762), (0.925, 0.937)],
            fibres=5,
        ),
        MuscleArt(
            "pyramidalis",
            Patch(
                [(318.5, 790), *PYRAMIDALIS_LATERAL[::-1], (318.5, 738), (318.5, 765)],
                (0, 1, 4, 5),
            ),
            fibres=3,
        ),
        # Ribs 5-12 down and in: the upper fibres to the aponeurosis at the linea semilunaris,
        # the lowest to the iliac crest and the inguinal ligament (border b). Border a upper.
        MuscleArt(
            "external_oblique",
            Patch(
                [*SERRATUS_EXT_OBLIQUE,
                 (217, 524), (212, 534), (211.2, 552), (211.7, 572), (212.5, 592),
                 (212.5, 612), (210.5, 630), *ILIAC_CREST, *INGUINAL[1:],
                 *SEMILUNAR[1:], (252, 431)],
                (0, 23, 33, 43),
            ),
            tendons=[(0.6, 1.0)],
            fibres=8,
        ),
        # Thoracolumbar fascia, iliac crest and lateral inguinal ligament up and in to the
        # lower ribs and the linea semilunaris; border a upper (the flank).
        MuscleArt(
            "internal_oblique",
            Patch(
                [(211.5, 596), (211, 620), (210, 640), *ILIAC_CREST[1:], *INGUINAL[1:3],
                 (277, 751),
                 (290, 766), (301, 784),
                 (295, 758), (287, 720), (279, 681), (273, 640), (269, 598), (266, 565),
                 (260, 540), (249, 528), (236, 546), (224, 567)],
                (0, 8, 10, 20),
            ),
            tendons=[(0.86, 1.0)],
            fibres=7,
        ),
        # Inner costal margin, flank, iliac crest and lateral inguinal ligament across to the
        # linea alba (behind the rectus); border a upper.
        MuscleArt(
            "transversus_abdominis",
            Patch(
                [(314, 446), *COSTAL_MARGIN[1:], (211.5, 610), (210, 640), *ILIAC_CREST[1:],
                 (245, 708),
                 (265, 740), (285, 765), (306, 787),
                 (316, 760), (317, 700), (317, 600), (317, 500), (316.5, 455)],
                (0, 14, 17, 22),
            ),
            tendons=[(0.6, 1.0)],
            fibres=7,
        ),
        # The costal part along the inner costal margin, rising to the dome; border a upper.
        MuscleArt(
            "diaphragm",
            Patch(
                [*COSTAL_MARGIN,
                 (210, 566), (209.5, 548),
                 (219, 532), (230, 511), (243, 490), (257, 471), (273, 453), (290, 441),
                 (305, 435)],
                (0, 8, 10, 17),
            ),
            fibres=9,
        ),
    ]


def _arm() -> list[MuscleArt]:
    return [
        # Coracoid down to the medial humerus; border a medial.
        MuscleArt(
            "coracobrachialis",
            Patch(
                [(200, 320), (194, 318),
                 (185, 350), (175, 390), (168, 420), (164, 446),
                 (171, 450.5), (178, 455),
                 (186, 420), (193, 385), (198, 350)],
                (0, 1, 5, 7),
            ),
            tendons=[(0.0, 0.08)],
            fibres=3,
        ),
        # Emerging below the pectoral fold, down to the radial tuberosity; border a medial.
        MuscleArt(
            "biceps_brachii",
            Patch(
                [(186, 388.5), (167, 392),
                 *DELTOPECTORAL[2::-1],
                 (145, 455), (140, 480), (139, 505), (141, 528), (145, 548), (147, 568),
                 (142, 586), (136, 600),
                 (141, 602), (148, 588), (156, 566), (166, 545), (175, 520), (180, 490),
                 (183, 455), (184, 420)],
                (0, 1, 12, 13),
            ),
            tendons=[(0.8, 1.0)],
            fibres=6,
        ),
        # Distal anterior humerus to the ulnar tuberosity, under the biceps; border a medial.
        MuscleArt(
            "brachialis",
            Patch(
                [(178, 455), (160, 445), (138, 440),
                 (130, 470), (125, 505), (124, 535), (127, 560), (136, 582),
                 (146, 598),
                 (156, 600), (170, 585), (180, 555), (184, 520), (183, 485)],
                (0, 2, 8, 9),
            ),
            tendons=[(0.9, 1.0)],
            fibres=6,
        ),
    ]


def _forearm() -> list[MuscleArt]:
    return [
        # Lateral supracondylar ridge to the radial styloid; tendinous from mid-forearm.
        MuscleArt(
            "brachioradialis",
            Patch(
                [(125, 510), (120.5, 507),
                 (119.5, 540), (117, 570), (113.6, 600), (110, 630), (106, 665),
                 (102.5, 700), (99.7, 735), (99.2, 760), (99, 772),
                 *BR_MEDIAL[:-1]],
                (0, 1, 10, 11),
            ),
            tendons=[(0.6, 1.0)],
            fibres=4,
        ),
        # Medial epicondyle down and out to the middle of the radius (under brachioradialis);
        # border a upper (the medial side of the cubital fossa). Exposed in this view.
        MuscleArt(
            "pronator_teres",
            Patch(
                [(182, 552), *PT_FCR, (131, 648), (121, 655),
                 (128, 628),
                 (139, 613), (153, 595), (168, 573)],
                (0, 1, 6, 7),
            ),
            layer="superficial",
            tendons=[(0.9, 1.0)],
            fibres=4,
        ),
        # Medial epicondyle to the base of the second metacarpal; border a medial.
        MuscleArt(
            "flexor_carpi_radialis",
            Patch(
                [(180.5, 574), *PT_FCR, (133, 656), (126, 690), (119.5, 730), (114.5, 772),
                 (120, 774), (125, 737), (132.5, 700), (141.5, 665), *FCR_PL[:0:-1]],
                (0, 1, 8, 9),
            ),
            tendons=[(0.5, 1.0)],
            fibres=3,
        ),
        MuscleArt(
            "palmaris_longus",
            Patch(
                [(180, 579), *FCR_PL, (145, 664), (138.5, 700), (132.5, 740), (128, 775),
                 (131, 776), (136.5, 742), (143.5, 704), (151, 669), *PL_FCU[:0:-1]],
                (0, 1, 8, 9),
            ),
            tendons=[(0.42, 1.0)],
            fibres=2,
        ),
        # Medial epicondyle (and ulna) along the ulnar border to the pisiform; border a is the
        # ulnar (medial) contour.
        MuscleArt(
            "flexor_carpi_ulnaris",
            Patch(
                [(178.5, 590), *PL_FCU, (154, 668), (149.5, 700), (145.5, 730), (142, 760),
                 (140.5, 777),
                 (143, 780), (144.3, 765), (147.5, 745), (151.5, 722), (155.3, 700),
                 (158.7, 680), (162.5, 660), (166.3, 640), (170.5, 620), (175.5, 601)],
                (0, 1, 9, 10),
            ),
            tendons=[(0.8, 1.0)],
            fibres=3,
        ),
        # Under the superficial flexors: epicondyle, coronoid and radius to four tendons.
        MuscleArt(
            "flexor_digitorum_superficialis",
            Patch(
                [(177, 585), (160, 601), (140, 618),
                 (132, 650), (128, 690), (126, 730), (125, 772),
                 (133, 776), (142, 776),
                 (146, 740), (152, 700), (160, 660), (168, 625)],
                (0, 2, 6, 8),
            ),
            tendons=[(0.68, 1.0)],
            fibres=5,
        ),
        # Deep: lateral epicondyle and supinator crest wrapping the neck of the radius.
        MuscleArt(
            "supinator",
            Patch(
                [(121, 568), (117, 585), (116, 600),
                 (122, 622), (128, 638),
                 (135, 622), (139, 603), (137, 590),
                 (130, 578)],
                (0, 2, 4, 7),
            ),
            fibres=4,
        ),
        MuscleArt(
            "flexor_digitorum_profundus",
            Patch(
                [(175, 598), (160, 600), (145, 606),
                 (140, 640), (134, 680), (130, 720), (128, 770),
                 (135, 771), (142, 772),
                 (148, 740), (155, 700), (163, 660), (170, 625)],
                (0, 2, 6, 8),
            ),
            tendons=[(0.7, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "flexor_pollicis_longus",
            Patch(
                [(132, 640), (122, 645),
                 (116, 680), (111, 720), (109, 750), (108, 772),
                 (113, 775), (118, 740), (124, 700), (129, 665)],
                (0, 1, 5, 6),
            ),
            tendons=[(0.7, 1.0)],
            fibres=3,
        ),
    ]


def muscles() -> list[MuscleArt]:
    return [*_head(), *_neck(), *_shoulder_chest(), *_abdomen(), *_arm(), *_forearm()]


def landmarks() -> list[LineArt]:
    return [
        # sternum: manubrium, body and xiphoid (drawn once, on the midline)
        LineArt([(320, 282), (308, 283), (306, 292), (308, 310), (311, 322), (310, 360),
                 (310, 410), (312, 436), (320, 456), (328, 436), (330, 410), (330, 360),
                 (329, 322), (332, 310), (334, 292), (332, 283)],
                closed=True, midline=True),
        # thyroid cartilage and trachea
        LineArt([(320, 237), (311, 239), (312, 249), (320, 257), (328, 249), (329, 239)],
                closed=True, midline=True),
        LineArt([(314, 259), (320, 258.5), (326, 259), (326.5, 281), (320, 281.5), (313.5, 281)],
                closed=True, midline=True),
        # clavicle
        LineArt([(306, 283), (285, 284.5), (262, 286), (235, 289), (210, 292), (190, 294.5),
                 (172, 298.5), (155, 303)], kind="line"),
        LineArt(COSTAL_MARGIN, kind="line"),
        # iliac crest ending at the anterior superior iliac spine
        LineArt([(208.5, 640), *ILIAC_CREST, (235, 695)], kind="line"),
        # navel
        LineArt(_ellipse(320, 595, 3, 3.5, [0, 90, 180, 270]), closed=True, kind="line",
                midline=True),
        # epicondyles of the humerus
        LineArt(_ellipse(119.5, 568, 3, 4.5, [0, 90, 180, 270]), closed=True),
        LineArt(_ellipse(180, 562, 3.5, 5, [0, 90, 180, 270]), closed=True),
        # face: nostril and mouth, for orientation
        LineArt([(320, 176), (313, 175), (309.5, 171), (312, 166)], kind="line"),
        LineArt([(320, 191), (311, 190.5), (301, 188)], kind="line"),
    ]


def zones() -> list[ZoneArt]:
    return [
        # head and face
        ZoneArt("vertex", [(300, 47), (320, 42), (340, 47), (337, 58), (320, 62), (303, 58)],
                midline=True),
        ZoneArt("forehead", [(272, 78), (292, 67), (314, 67), (315, 95), (300, 106),
                             (279, 106), (270, 93)]),
        ZoneArt("temple", [(259, 86), (268, 83), (271, 100), (267, 118), (258, 115),
                           (256, 100)]),
        ZoneArt("eyebrow", [(271, 119), (284, 111), (300, 110), (314, 115), (313, 121),
                            (299, 117), (284, 117), (273, 124)]),
        ZoneArt("orbit", _ellipse(*EYE, 14, 10, [0, 45, 90, 135, 180, 225, 270, 315])),
        ZoneArt("ear", [(248, 127), (254, 122), (257, 140), (256, 163), (250, 170),
                        (246, 150)]),
        ZoneArt("tmj", [(254, 143), (262, 141), (265, 151), (259, 158), (253, 154)]),
        ZoneArt("cheek", [(268, 150), (282, 150), (290, 165), (285, 181), (270, 183),
                          (262, 168)]),
        ZoneArt("maxilla", [(291, 150), (306, 150), (312, 165), (308, 180), (295, 180),
                            (289, 165)]),
        ZoneArt("upper_teeth", [(297, 181), (318, 180), (318, 188), (298, 188)]),
        ZoneArt("lower_teeth", [(293, 192), (318, 193), (318, 202), (295, 200)]),
        ZoneArt("angle_of_jaw", [(261, 195), (272, 197), (277, 211), (270, 218), (262, 208)]),
        ZoneArt("chin", [(305, 206), (320, 204), (335, 206), (333, 222), (320, 227),
                         (307, 222)], midline=True),
        # neck
        ZoneArt("throat", [(309, 230), (331, 230), (333, 256), (320, 263), (307, 256)],
                midline=True),
        ZoneArt("anterior_neck", [(292, 229), (306, 233), (312, 262), (307, 278),
                                  (298, 266), (290, 246)]),
        ZoneArt("lateral_neck", [(275, 223), (282, 229), (286, 255), (284, 281), (268, 279),
                                 (266, 264), (273, 246)]),
        # shoulder and arm
        ZoneArt("acromion", [(148, 299), (165, 296), (172, 303), (160, 311), (147, 308)]),
        ZoneArt("anterior_shoulder", [(150, 320), (180, 312), (195, 340), (180, 380),
                                      (150, 375)]),
        ZoneArt("lateral_shoulder", [(124, 316), (138, 310), (142, 340), (138, 372),
                                     (124, 372), (121, 342)]),
        ZoneArt("axilla", [(190, 378), (205, 380), (213, 400), (206, 420), (196, 412),
                           (188, 395)]),
        ZoneArt("anterior_arm", [(145, 420), (178, 420), (182, 470), (176, 525), (148, 525),
                                 (140, 470)]),
        ZoneArt("medial_arm", [(182, 410), (196, 416), (194, 470), (187, 540), (177, 530),
                               (179, 470)]),
        ZoneArt("lateral_arm", [(122, 400), (134, 400), (138, 460), (132, 530), (120, 530),
                                (120, 460)]),
        ZoneArt("antecubital", [(130, 565), (165, 560), (170, 585), (150, 600), (128, 595)]),
        ZoneArt("lateral_epicondyle", _ellipse(117, 572, 8, 8, [0, 60, 120, 180, 240, 300])),
        ZoneArt("medial_epicondyle", _ellipse(179, 567, 8, 8, [0, 60, 120, 180, 240, 300])),
        ZoneArt("volar_forearm", [(130, 612), (160, 610), (155, 690), (140, 745), (125, 745),
                                  (120, 690)]),
        ZoneArt("radial_forearm", [(109, 612), (125, 616), (119, 690), (110, 752), (99, 750),
                                   (102, 680)]),
        ZoneArt("ulnar_forearm", [(160, 612), (174, 606), (165, 680), (150, 752), (142, 748),
                                  (150, 690)]),
        # wrist and hand (palm forward, thumb lateral)
        ZoneArt("volar_wrist", [(109, 767), (139, 767), (139, 790), (109, 790)]),
        ZoneArt("radial_wrist", [(96, 764), (109, 765), (109, 790), (93, 790)]),
        ZoneArt("ulnar_wrist", [(138, 765), (145, 769), (146, 792), (137, 790)]),
        ZoneArt("palm", [(100, 800), (140, 800), (146, 830), (142, 866), (105, 868),
                         (97, 836)]),
        ZoneArt("thenar", [(85, 800), (100, 798), (106, 830), (97, 852), (80, 848),
                           (78, 822)]),
        ZoneArt("thumb", [(74, 850), (86, 848), (90, 868), (81, 879), (72, 869)]),
        ZoneArt("index_finger", [(92, 880), (105, 876), (107, 930), (103, 936), (96, 916)]),
        ZoneArt("middle_finger", [(107, 876), (119, 876), (120, 940), (112, 943),
                                  (108, 930)]),
        ZoneArt("ring_finger", [(121, 876), (132, 875), (132, 928), (124, 939), (121, 930)]),
        ZoneArt("little_finger", [(134, 874), (145, 872), (140, 912), (134, 928),
                                  (133, 900)]),
        # trunk
        ZoneArt("anterior_chest", [(225, 320), (280, 312), (300, 340), (298, 390), (260, 405),
                                   (222, 380)]),
        ZoneArt("sternum", [(310, 290), (330, 290), (331, 440), (320, 453), (309, 440)],
                midline=True),
        ZoneArt("lateral_chest", [(207, 400), (225, 405), (235, 450), (228, 510), (211, 515),
                                  (208, 450)]),
        ZoneArt("epigastric", [(295, 446), (320, 441), (345, 446), (348, 480), (320, 500),
                               (292, 480)], midline=True),
        ZoneArt("upper_abdomen", [(240, 500), (280, 472), (304, 500), (300, 560), (260, 575),
                                  (226, 560)]),
        ZoneArt("lower_abdomen", [(232, 612), (300, 602), (311, 660), (301, 730), (266, 735),
                                  (238, 692)]),
        ZoneArt("groin", [(244, 700), (264, 704), (296, 768), (291, 790), (270, 772),
                          (244, 726)]),
    ]
