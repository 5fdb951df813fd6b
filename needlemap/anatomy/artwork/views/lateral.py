"""The right lateral view: the whole body seen from the patient's RIGHT side.

The figure faces the viewer's right (the front of the body towards larger x) and stands in
anatomical position, the same adult as the front and back views (``figure.LEVELS``: vertex
y = 40, soles y = 1520, one head = 185 units). The arm hangs a little forward of the trunk
(shoulder flexed 20°, elbow a few degrees more), palm forward, so that the lateral chest wall
shows behind it and the thumb side of the forearm and hand faces the viewer. The left lateral
view is generated as the mirror image of this one (about x = 260).

The arm, forearm and hand are drawn in their own frames (``ARM``, ``FOREARM``, ``HAND``):
``s`` runs along the limb segment from its proximal joint, ``t`` across it, positive towards
the front. Borders that two muscles of one layer share are module constants, used by both.
For the u/v convention of the patches see the package docstring. In this view border a is the
front border of muscles running along a limb or the neck (and of serratus anterior and the
external oblique, along the arm), the back border of gluteus medius and minimus, the triceps,
the calf muscles and the intercostals, and the upper border of pectoralis major, latissimus
dorsi and gluteus maximus. ``TRIGGER_POINT_UV`` moves the few reference trigger points whose
catalogue [u, v] lands badly here. Referral zones are ovals pulled in to stay inside the body.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

from needlemap.anatomy.artwork.kit import Patch, Point, catmull_rom
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ViewArt, ZoneArt

Frame = Callable[[float, float], Point]
Pts = list[Point]


def _frame(origin: Point, degrees: float) -> Frame:
    """A limb frame: s along the limb (tilted forward by ``degrees``), t across, to the front."""
    a = math.radians(degrees)
    along = (math.sin(a), math.cos(a))
    across = (math.cos(a), -math.sin(a))

    def at(s: float, t: float) -> Point:
        return (
            round(origin[0] + s * along[0] + t * across[0], 1),
            round(origin[1] + s * along[1] + t * across[1], 1),
        )

    return at


def _interp(table: Sequence[tuple[float, float]], x: float) -> float:
    if x <= table[0][0]:
        return table[0][1]
    for (x0, y0), (x1, y1) in itertools.pairwise(table):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return table[-1][1]


# fmt: off
ARM = _frame((200, 335), 20)  # from the centre of the humeral head to the elbow (s = 250)
FOREARM = _frame(ARM(250, 0), 22)  # from the elbow to the wrist (s = 205)
HAND = _frame(FOREARM(205, 0), 16)  # from the wrist to the fingertips (s = 166)

# Front and back edges of the limbs: (s, t).
ARM_FRONT = ((0, 44), (40, 45), (90, 41), (130, 42), (160, 44), (190, 42), (215, 38),
             (238, 33), (250, 30))
ARM_BACK = ((0, -47), (40, -48), (90, -46), (130, -44), (160, -43), (190, -40), (220, -36),
            (245, -33), (250, -32))
FOREARM_FRONT = ((0, 31), (20, 35), (45, 37), (80, 33), (120, 26), (160, 21), (195, 18),
                 (205, 18))
FOREARM_BACK = ((0, -32), (20, -32), (50, -31), (80, -28), (120, -24), (160, -20), (205, -17))
HAND_FRONT = ((0, 17), (10, 21), (30, 27), (50, 27), (70, 25), (85, 21), (94, 17),
              (100, 10), (106, 9), (130, 10.5), (150, 9.5), (160, 7), (164, 4.5))
HAND_BACK = ((0, -17), (25, -15), (50, -13.5), (70, -12.5), (82, -12.5), (100, -10),
             (130, -8), (150, -6), (160, -3.5), (164.5, -1.5))

# Front and back edges of the thigh and leg: (y, x).
LEG_FRONT = ((780, 276), (800, 279), (830, 284), (870, 288), (930, 289), (1000, 284),
             (1055, 274), (1092, 264), (1115, 267), (1138, 266), (1160, 260), (1190, 256),
             (1240, 250), (1300, 244), (1360, 237), (1400, 233), (1430, 231), (1445, 231))
LEG_BACK = ((800, 101), (830, 104), (856, 114), (880, 125), (930, 133), (990, 140),
            (1050, 147), (1100, 153), (1135, 157), (1165, 153), (1200, 146), (1240, 142),
            (1280, 145), (1330, 154), (1380, 163), (1420, 167), (1450, 166))


# fmt: on


def _edge(
    frame: Frame,
    table: Sequence[tuple[float, float]],
    s_values: Sequence[float],
    shift: float = 0.0,
) -> Pts:
    """Points on a limb edge (``table``) at the given s, moved ``shift`` across the limb."""
    return [frame(s, _interp(table, s) + shift) for s in s_values]


def _leg_edge(table: Sequence[tuple[float, float]], ys: Sequence[float], shift: float) -> Pts:
    return [(round(_interp(table, y) + shift, 1), float(y)) for y in ys]


def _patch(origin: Pts, border_b: Pts, insertion: Pts, border_a: Pts) -> Patch:
    """A patch from its four edges, each listed from its first corner (a0, b0, b1, a1) on and
    without the next corner."""
    points = [*origin, *border_b, *insertion, *border_a]
    i1 = len(origin)
    i2 = i1 + len(border_b)
    i3 = i2 + len(insertion)
    return Patch(points, (0, i1, i2, i3))


def _rev(points: Sequence[Point]) -> Pts:
    return list(reversed(points))


def _shift(points: Sequence[Point], dx: float = 0.0, dy: float = 0.0) -> Pts:
    return [(round(x + dx, 1), round(y + dy, 1)) for x, y in points]


# fmt: off
# ----------------------------------------------------------------------------------------------
# The silhouette: one closed outline, clockwise from the vertex: face, front of the neck and
# chest, round the arm and hand, front of the abdomen and leg, foot, and up the back.

HEAD_FRONT: tuple[Point, ...] = (
    (200, 40), (232, 43), (258, 52), (278, 68), (291, 90), (296, 110),   # crown, forehead
    (298, 121), (293, 131), (297, 142), (306, 155), (315, 165),         # brow, nose
    (312, 172), (301, 175), (302, 181), (305, 187), (300, 192),         # upper lip
    (304, 198), (300, 204), (294, 209), (297, 217), (298, 225),         # lower lip, chin
    (291, 233), (274, 238), (256, 241), (245, 248),                     # under the chin
    (242, 259), (243, 271), (249, 285),                                 # front of the neck
    (259, 303), (272, 330), (285, 361), (295, 391), (298, 414),         # chest
    (296, 432), (292, 448),                                             # lower pectoral border
)

TRUNK_FRONT_LOW: tuple[Point, ...] = (
    (292, 657), (290, 680), (286, 708), (281, 738), (277, 764),         # lower abdomen
)

FOOT: tuple[Point, ...] = (
    (231, 1458), (250, 1468), (282, 1480), (315, 1491), (342, 1499),
    (362, 1503), (373, 1509), (372, 1517), (355, 1521), (310, 1522), (250, 1519),
    (200, 1521), (175, 1519), (162, 1509), (159, 1490), (163, 1470),
)

BACK: tuple[Point, ...] = (
    (101, 802), (104, 770), (113, 735), (126, 700), (136, 665), (141, 630), (141, 595),
    (136, 558), (127, 515), (118, 465), (113, 415), (115, 372), (121, 332), (129, 297),
    (136, 270), (140, 245), (141, 216), (138, 192), (131, 172), (123, 152),    # nape
    (118, 124), (122, 96), (136, 69), (158, 51), (180, 42),                    # occiput, crown
)


def silhouette_points() -> Pts:
    arm = [*_edge(ARM, ARM_FRONT, (160, 190, 215, 238)), (313.0, 562.0)]
    arm += _edge(FOREARM, FOREARM_FRONT, (20, 45, 80, 120, 160, 195))
    hand = _edge(HAND, HAND_FRONT, (8, 30, 50, 70, 85, 94, 100, 106, 130, 150, 160, 164))
    hand += [HAND(166.5, 1.5)]
    hand += _edge(HAND, HAND_BACK, (164.5, 160, 150, 130, 100, 82, 70, 50, 25, 5))
    arm_back = _edge(FOREARM, FOREARM_BACK, (190, 160, 120, 95))
    leg_front = [(x, y) for y, x in LEG_FRONT if y > 775]
    leg_back = [(x, y) for y, x in reversed(LEG_BACK) if 810 < y < 1450]
    return [*HEAD_FRONT, *arm, *hand, *arm_back, *TRUNK_FRONT_LOW, *leg_front, *FOOT,
            *leg_back, *BACK]


# ----------------------------------------------------------------------------------------------
# Shared borders (listed once, used by both neighbours of one layer).

# Head and neck.
SCM_SPLIT = [(243, 291), (234, 268), (220, 240), (205, 212), (193, 191), (185, 177)]
# Shoulder: deltoid parts, from the acromion down to the deltoid tuberosity (the V).
DELT_AM = [(211, 300), (215, 318), ARM(20, 17), ARM(55, 10), ARM(97, 2)]
DELT_MP = [(186, 305), (180, 322), ARM(20, -20), ARM(55, -12), ARM(97, -2)]
DELT_FRONT = [ARM(100, 6), ARM(80, 17), ARM(62, 31), ARM(44, 41), ARM(22, 43), ARM(0, 42),
              ARM(-12, 38), (226, 300)]  # insertion → clavicle
DELT_BACK = [ARM(100, -6), ARM(82, -18), ARM(62, -33), ARM(42, -44), ARM(20, -46),
             ARM(0, -45), ARM(-12, -43), (154, 321)]  # insertion → scapular spine
# Arm and forearm.
LONG_LAT = [ARM(66, -32), ARM(110, -33), ARM(160, -31), ARM(200, -30), ARM(243, -27)]
BR_ECRL = [ARM(212, -12), ARM(238, -6), FOREARM(12, 4), FOREARM(40, 11), FOREARM(80, 12),
           FOREARM(120, 11.5)]
# Chest wall and abdomen.
PEC_SPLIT = [(294, 407), (280, 395), (266, 379), ARM(30, 46.5)]
LAT_FRONT = [(170, 414), (166, 445), (164, 480), (165, 520), (169, 560), (175, 600),
             (180, 630), (183, 647)]  # axilla → iliac crest
SERRATUS_EO = [ARM(150, -47), (199, 502), (193, 500), (186, 514), (180, 512), (173, 527),
               (167, 540)]  # lower digitations, front (rib 6) → back (rib 9)
COSTAL = [(160, 567), (185, 566), (210, 561), ARM(215, -41)]  # costal margin, back → front
ILIAC_CREST = [(150, 692), (160, 668), (175, 651), (195, 642), (215, 642), (237, 650),
               (255, 664), (267, 681)]  # PSIS → ASIS
# Hip and thigh.
GMIN_SPLIT = [(212, 681), (215, 730), (219, 779)]
RF_VL = [(257, 858), (259, 910), (261, 965), (262, 1020), (262, 1062), (261, 1090)]
# Leg.
SOLEUS_FB = [(200, 1262), (197, 1320), (193, 1370), (187, 1410), (182, 1435), (179, 1456),
             (184, 1474)]
EDL_FB = [(216, 1262), (216, 1320), (214, 1370), (209, 1410)]


def _head_neck() -> list[MuscleArt]:
    return [
        # Fan from the superior temporal line to the coronoid process, deep to the arch.
        MuscleArt(
            "temporalis",
            _patch(
                [(271, 113), (265, 88), (247, 70), (218, 61), (188, 63), (163, 74), (149, 95),
                 (147, 117)],
                [(152, 132), (168, 114), (190, 109), (210, 120)],
                [(229, 144), (237, 145)],
                [(245, 145), (261, 130)],
            ),
            tendons=[(0.92, 1.0)],
            fibres=7,
        ),
        MuscleArt(
            "masseter_superficial",
            _patch(
                [(263, 156), (245, 154)],
                [(226, 153), (223, 170), (219, 190), (216, 204)],
                [(217, 212), (224, 221), (238, 226)],
                [(252, 228), (255, 210), (257, 188), (260, 169)],
            ),
            tendons=[(0.0, 0.1)],
            fibres=6,
        ),
        MuscleArt(
            "masseter_deep",
            _patch(
                [(241, 151), (226, 150)],
                [(212, 151), (211, 172)],
                [(214, 197), (226, 200)],
                [(239, 200), (241, 175)],
            ),
            fibres=4,
        ),
        MuscleArt(
            "zygomaticus_major",
            _patch(
                [(274, 145)],
                [(266, 152), (274, 170), (283, 184)],
                [(289, 193)],
                [(294, 188), (286, 171), (279, 157)],
            ),
            fibres=3,
        ),
        # SCM: border a the front border, u from the sternum/clavicle up to the mastoid.
        MuscleArt(
            "scm_sternal",
            _patch(
                [(250, 292)],
                SCM_SPLIT[:-1],
                [SCM_SPLIT[-1]],
                [(198, 178), (206, 198), (220, 226), (236, 255), (245, 277)],
            ),
            tendons=[(0.0, 0.12)],
            fibres=4,
        ),
        MuscleArt(
            "scm_clavicular",
            _patch(
                [SCM_SPLIT[0], (234, 295)],
                [(227, 297), (216, 270), (203, 243), (190, 215), (178, 193)],
                [(170, 173), (177, 175)],
                _rev(SCM_SPLIT)[:-1],
            ),
            fibres=4,
        ),
        # Upper trapezius: from the occiput and nuchal ligament forward and down to the lateral
        # clavicle and acromion; border a its free anterior border.
        MuscleArt(
            "trapezius_upper",
            _patch(
                [(128, 156), (134, 173), (140, 193), (143, 216), (143, 245)],
                [(139, 274), (158, 291), (180, 297)],
                [(198, 300), (209, 296)],
                [(219, 293), (198, 272), (179, 246), (163, 218), (150, 192), (139, 170)],
            ),
            fibres=6,
        ),
        MuscleArt(
            "levator_scapulae",
            _patch(
                [(187, 180), (190, 202)],
                [(193, 226), (183, 255), (171, 278)],
                [(163, 292)],
                [(152, 287), (159, 262), (170, 225), (180, 198)],
            ),
            fibres=4,
        ),
        MuscleArt(
            "scalenus_medius",
            _patch(
                [(197, 192), (197, 225), (195, 250)],
                [(192, 268), (199, 286)],
                [(206, 300), (216, 302)],
                [(225, 300), (218, 268), (206, 228)],
            ),
            fibres=4,
        ),
        MuscleArt(
            "scalenus_anterior",
            _patch(
                [(208, 214), (207, 236)],
                [(205, 256), (213, 280)],
                [(226, 302)],
                [(236, 300), (226, 262)],
            ),
            fibres=3,
        ),
        MuscleArt(
            "scalenus_posterior",
            _patch(
                [(193, 236)],
                [(190, 262), (190, 290)],
                [(195, 307)],
                [(205, 307), (201, 285), (196, 256)],
            ),
            fibres=3,
        ),
    ]


def _shoulder_arm() -> list[MuscleArt]:
    tri_top = [ARM(s, t - 2) for s, t in ((42, -44), (52, -38.5))]
    return [
        MuscleArt(
            "deltoid_anterior",
            _patch([DELT_FRONT[-1], (219, 299)], DELT_AM[:-1], [DELT_AM[-1]],
                   DELT_FRONT[:-1]),
            tendons=[(0.93, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "deltoid_middle",
            _patch([DELT_AM[0], (199, 302)], DELT_MP[:-1], [DELT_MP[-1]],
                   _rev(DELT_AM)[:-1]),
            tendons=[(0.93, 1.0)],
            fibres=6,
        ),
        MuscleArt(
            "deltoid_posterior",
            _patch([DELT_BACK[-1], (170, 311)], DELT_MP[:-1], [DELT_MP[-1]],
                   DELT_BACK[:-1]),
            tendons=[(0.93, 1.0)],
            fibres=5,
        ),
        # Biceps: emerges from under the anterior deltoid; tendon into the cubital fossa.
        MuscleArt(
            "biceps_brachii",
            _patch(
                [ARM(44, 43.5), ARM(62, 33.5), ARM(80, 19.5)],
                [ARM(92, 11), ARM(130, 10), ARM(170, 9.5), ARM(210, 11)],
                [ARM(234, 16), ARM(238, 23)],
                [ARM(240, 30), ARM(215, 36.5), ARM(190, 40.5), ARM(160, 42.5), ARM(130, 40.5),
                 ARM(90, 39.5), ARM(62, 42)],
            ),
            tendons=[(0.84, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "brachialis",
            _patch(
                [ARM(96, 24), ARM(100, 8)],
                [ARM(102, -6), ARM(150, -11), ARM(200, -9), ARM(235, -3)],
                [FOREARM(16, 3)],
                [FOREARM(20, 13), ARM(232, 27), ARM(185, 33), ARM(135, 31)],
            ),
            tendons=[(0.9, 1.0)],
            fibres=5,
        ),
        # Triceps: border a the back (long head: the arm's back edge; lateral head: LONG_LAT).
        MuscleArt(
            "triceps_long",
            _patch(
                [ARM(40, -47.5), *tri_top],
                LONG_LAT[:-1],
                [LONG_LAT[-1]],
                [ARM(244, -31.5), ARM(230, -33.5), ARM(190, -39), ARM(150, -42.5),
                 ARM(110, -44.5), ARM(70, -46.5)],
            ),
            tendons=[(0.78, 1.0)],
            fibres=4,
        ),
        MuscleArt(
            "triceps_lateral",
            _patch(
                [LONG_LAT[0], ARM(84, -20)],
                [ARM(102, -8.5), ARM(140, -15), ARM(180, -20), ARM(215, -23)],
                [ARM(242, -20)],
                _rev(LONG_LAT)[:-1],
            ),
            tendons=[(0.8, 1.0)],
            fibres=5,
        ),
    ]


def _forearm() -> list[MuscleArt]:
    return [
        # Brachioradialis: from the upper lateral supracondylar ridge round the front of the
        # elbow to the radial styloid; tendinous in its distal half.
        MuscleArt(
            "brachioradialis",
            _patch(
                [ARM(165, 2)],
                [ARM(168, -10), *BR_ECRL, FOREARM(160, 10)],
                [FOREARM(197, 9)],
                [FOREARM(199, 15), FOREARM(160, 17.5), FOREARM(120, 23), FOREARM(80, 30),
                 FOREARM(45, 34), FOREARM(20, 31), FOREARM(6, 25), ARM(244, 15), ARM(228, 9),
                 ARM(200, 4.5)],
            ),
            tendons=[(0.58, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "extensor_carpi_radialis_longus",
            _patch(
                [BR_ECRL[0]],
                [ARM(218, -18), ARM(240, -14), FOREARM(12, -4), FOREARM(40, 0.5), FOREARM(80, 2),
                 FOREARM(130, 1), FOREARM(175, -1), FOREARM(200, -2)],
                [HAND(12, -2)],
                [HAND(12, 2.5), FOREARM(195, 4), FOREARM(160, 7), *_rev(BR_ECRL)[:-1]],
            ),
            tendons=[(0.5, 1.0)],
            fibres=3,
        ),
        MuscleArt(
            "extensor_carpi_radialis_brevis",
            _patch(
                [ARM(245, -8)],
                [ARM(249, -16), FOREARM(20, -12), FOREARM(60, -10), FOREARM(110, -8),
                 FOREARM(160, -7), FOREARM(200, -7)],
                [HAND(14, -7)],
                [HAND(14, -3), FOREARM(195, -2), FOREARM(150, 0), FOREARM(100, 3),
                 FOREARM(55, 3), FOREARM(20, 0)],
            ),
            tendons=[(0.58, 1.0)],
            fibres=3,
        ),
        # Extensor digitorum and extensor carpi ulnaris: the dorsal (back) side of the forearm,
        # seen obliquely; the digitorum's tendons run on over the back of the hand.
        MuscleArt(
            "extensor_digitorum",
            _patch(
                [FOREARM(12, -6)],
                [FOREARM(12, -17), FOREARM(40, -18), FOREARM(80, -16.5), FOREARM(120, -14.5),
                 FOREARM(160, -12.5), FOREARM(198, -11), HAND(25, -11.5), HAND(55, -10.5)],
                [HAND(84, -10)],
                [HAND(84, -5), HAND(55, -5.5), HAND(25, -6.5), FOREARM(196, -6.5),
                 FOREARM(160, -6.5), FOREARM(120, -6), FOREARM(80, -6), FOREARM(40, -6.5),
                 FOREARM(22, -6)],
            ),
            tendons=[(0.5, 1.0)],
            fibres=3,
        ),
        MuscleArt(
            "extensor_carpi_ulnaris",
            _patch(
                [FOREARM(14, -19)],
                [FOREARM(24, -30), FOREARM(50, -30), FOREARM(90, -26.5), FOREARM(130, -22.5),
                 FOREARM(170, -18.5), FOREARM(200, -15.5)],
                [HAND(15, -14)],
                [HAND(15, -10), FOREARM(196, -13), FOREARM(160, -14.5), FOREARM(120, -16.5),
                 FOREARM(80, -18.5), FOREARM(45, -19.5)],
            ),
            tendons=[(0.65, 1.0)],
            fibres=3,
        ),
    ]


def _trunk() -> list[MuscleArt]:
    lat_front = _shift(LAT_FRONT, dx=-2)
    return [
        # Pectoralis major, seen edge-on in front of the arm: fibres from the sternum and
        # costal cartilages back to the humerus, under the anterior deltoid.
        MuscleArt(
            "pectoralis_major_sternal",
            _patch(
                [(260, 310), (268, 331), (281, 361), (291, 391)],
                PEC_SPLIT[:-1],
                [PEC_SPLIT[-1], ARM(14, 45.5)],
                [ARM(-2, 45), (251, 313)],
            ),
            tendons=[(0.9, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "pectoralis_major_costal",
            _patch(
                [PEC_SPLIT[0], (295, 425)],
                [(291, 441), (280, 425), (270, 402), (263, 380)],
                [ARM(52, 46.5), ARM(41, 46.5)],
                _rev(PEC_SPLIT)[:-1],
            ),
            tendons=[(0.9, 1.0)],
            fibres=4,
        ),
        # Serratus anterior: its lower digitations between the arm and latissimus; the fibres
        # run from the ribs up and back towards the scapula (hidden under latissimus).
        MuscleArt(
            "serratus_anterior",
            _patch(
                SERRATUS_EO[:-1],
                [SERRATUS_EO[-1], (166, 510), (167, 480), (168, 445)],
                [(172, 418)],
                [ARM(72, -51), ARM(100, -49.5), ARM(130, -48)],
            ),
            fibres=5,
        ),
        MuscleArt(
            "latissimus_dorsi",
            _patch(
                [(124, 452), (128, 500), (135, 545), (140, 590), (143, 628), (149, 654),
                 (163, 658)],
                _rev(lat_front)[:-1],
                [lat_front[0]],
                [ARM(44, -51.5), (150, 410), (134, 428)],
            ),
            tendons=[(0.0, 0.1), (0.93, 1.0)],
            fibres=7,
        ),
        # External oblique: from the lower ribs (interdigitating with serratus) down and forward
        # to the iliac crest; its aponeurosis in front of the visible part is not drawn.
        MuscleArt(
            "external_oblique",
            _patch(
                [ARM(157, -46.5), *_shift(SERRATUS_EO[1:-1], dy=3.5)],
                [(167, 543.5), (171, 565), (177, 600), (182, 630)],
                [(185, 645), *_shift(ILIAC_CREST[3:-1], dy=-2.5)],
                [(265, 677), (264, 650), (259, 622), (252, 601), (245, 584), (239, 566),
                 ARM(215, -41.5), ARM(185, -44.5)],
            ),
            fibres=6,
        ),
        MuscleArt(
            "internal_oblique",
            _patch(
                [(162, 572), (163, 600), (167, 628), *_shift(ILIAC_CREST[2:-1], dy=-2.5)],
                [(266, 678)],
                [(265, 668), (263, 640), (258, 614), (251, 594), (244, 576), (239, 562),
                 *_shift(_rev(COSTAL)[1:], dy=2.5)],
                [(160, 570.5)],
            ),
            fibres=6,
        ),
        MuscleArt(
            "transversus_abdominis",
            _patch(
                [(190, 573), (190, 605), (192, 630)],
                [(196, 643), *_shift(ILIAC_CREST[4:-1], dy=-4)],
                [(265, 675), (263, 645), (257, 615), (249, 590)],
                [(240, 563), (215, 568)],
            ),
            tendons=[(0.0, 0.14), (0.88, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "quadratus_lumborum",
            _patch(
                [(162, 664), (175, 650)],
                [(186, 645), (187, 610)],
                [(186, 578)],
                [(168, 576), (163, 610), (161, 640)],
            ),
            fibres=4,
        ),
        # Intercostals: the lateral chest wall behind the arm, from the axilla to the costal
        # margin; u runs down from rib to rib, the fibres slant down and forward.
        MuscleArt(
            "intercostals",
            _patch(
                [(150, 419), (165, 428)],
                [ARM(88, -51.5), ARM(110, -50.5), ARM(140, -48), ARM(180, -45)],
                _rev(COSTAL)[:-1],
                [COSTAL[0], (150, 520), (147, 470)],
            ),
            fibres=8,
        ),
    ]


def _hip_thigh() -> list[MuscleArt]:
    return [
        MuscleArt(
            "gluteus_maximus",
            _patch(
                [(132, 695), (119, 730), (109, 768), (105, 800), (108, 830)],
                [(116, 852), (140, 865), (165, 874)],
                [(190, 881), (194, 850), (200, 815)],
                [(206, 786), (190, 758), (170, 731), (150, 709)],
            ),
            tendons=[(0.9, 1.0)],
            fibres=7,
        ),
        MuscleArt(
            "gluteus_medius",
            _patch(
                [(152, 693), *_shift(ILIAC_CREST[1:-1], dy=2.5)],
                [(266, 684), (256, 715), (241, 750), (229, 772)],
                [(222, 783), (211, 788)],
                [(200, 786), (182, 760), (166, 729), (156, 707)],
            ),
            tendons=[(0.9, 1.0)],
            fibres=7,
        ),
        MuscleArt(
            "gluteus_minimus_posterior",
            _patch(
                [(170, 706), (190, 689)],
                GMIN_SPLIT[:-1],
                [GMIN_SPLIT[-1]],
                [(210, 779), (191, 751), (177, 726)],
            ),
            fibres=4,
        ),
        MuscleArt(
            "gluteus_minimus_anterior",
            _patch(
                [GMIN_SPLIT[0], (235, 685)],
                [(255, 701), (245, 735), (234, 764)],
                [(228, 779)],
                _rev(GMIN_SPLIT)[:-1],
            ),
            fibres=4,
        ),
        MuscleArt(
            "tensor_fasciae_latae",
            _patch(
                [(274, 697), (265, 687)],
                [(255, 682), (244, 722), (234, 765), (228, 805)],
                [(225, 836), (233, 846)],
                [(243, 851), (253, 810), (263, 765), (270, 725)],
            ),
            tendons=[(0.88, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "rectus_femoris",
            _patch(
                [(277, 778)],
                [(266, 777), (261, 810), (258, 840), *RF_VL[:-1]],
                [RF_VL[-1]],
                [(265, 1093), *_leg_edge(LEG_FRONT, (1055, 1000, 930, 870, 830), -4)],
            ),
            tendons=[(0.88, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "vastus_lateralis",
            _patch(
                [RF_VL[0], (238, 858)],
                [(221, 866), (214, 900), (213, 960), (215, 1020), (222, 1068)],
                [(238, 1097)],
                _rev(RF_VL)[:-1],
            ),
            tendons=[(0.91, 1.0)],
            fibres=6,
        ),
        MuscleArt(
            "biceps_femoris",
            _patch(
                [(120, 862), (140, 870), (165, 879)],
                [(187, 886), (191, 930), (192, 980), (195, 1030), (201, 1075), (206, 1110),
                 (208, 1140)],
                [(209, 1157)],
                [(199, 1156), (189, 1124), (175, 1090), (159, 1055), (148, 1010), (141, 960),
                 (135, 912), (127, 882)],
            ),
            tendons=[(0.8, 1.0)],
            fibres=5,
        ),
    ]


def _leg_foot() -> list[MuscleArt]:
    return [
        MuscleArt(
            "gastrocnemius_lateral",
            _patch(
                [(160, 1113), (172, 1117)],
                [(184, 1128), (187, 1170), (186, 1220), (180, 1270), (172, 1315)],
                [(166, 1345)],
                [(158.5, 1338), *_leg_edge(LEG_BACK, (1300, 1260, 1220, 1180, 1145), 3)],
            ),
            tendons=[(0.88, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "soleus",
            _patch(
                [(153, 1182), (176, 1178)],
                [(196, 1180), (196, 1230), *SOLEUS_FB[:-1]],
                [(176, 1480)],
                [(164, 1478), *_leg_edge(LEG_BACK, (1450, 1420, 1380, 1330, 1280, 1240, 1200),
                                         2.5)],
            ),
            layer="intermediate",
            tendons=[(0.8, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "fibularis_longus",
            _patch(
                [(218, 1172)],
                [(203, 1178), (198, 1230), (198, 1290), (198, 1345), (196, 1390), (190, 1425),
                 (184, 1452), (187, 1476), (200, 1490), (220, 1498)],
                [(232, 1500)],
                [(234, 1493), (214, 1484), (198, 1472), (190, 1458), (192, 1440), (198, 1415),
                 (203, 1390), (208, 1360), (214, 1320), (219, 1270), (221, 1225)],
            ),
            tendons=[(0.45, 1.0)],
            fibres=4,
        ),
        MuscleArt(
            "fibularis_brevis",
            _patch(
                [EDL_FB[0]],
                [*SOLEUS_FB, (198, 1484), (225, 1493)],
                [(252, 1498)],
                [(254, 1491), (228, 1486), (205, 1477), (192, 1466), (188, 1450), (193, 1430),
                 *_rev(EDL_FB)[:-1]],
            ),
            tendons=[(0.6, 1.0)],
            fibres=3,
        ),
        MuscleArt(
            "fibularis_tertius",
            _patch(
                [(223, 1335)],
                [(210, 1345), (208, 1385), (210, 1420), (216, 1445), (228, 1466), (242, 1479)],
                [(254, 1486)],
                [(257, 1481), (244, 1471), (232, 1458), (223, 1440), (220, 1410), (221, 1370)],
            ),
            tendons=[(0.5, 1.0)],
            fibres=3,
        ),
        MuscleArt(
            "tibialis_anterior",
            _patch(
                [(254, 1182)],
                [(236, 1178), (229, 1230), (228, 1290), (229, 1340), (226, 1390), (225, 1425)],
                [(226, 1446)],
                [(230, 1447), (228, 1425), (229, 1390), (234, 1340), (240, 1290), (246, 1240),
                 (251, 1205)],
            ),
            tendons=[(0.6, 1.0)],
            fibres=4,
        ),
        MuscleArt(
            "extensor_digitorum_longus",
            _patch(
                [(237, 1178)],
                [(216, 1172), (215, 1230), *_shift(EDL_FB[:-1], dx=2), (214, 1400), (218, 1432),
                 (230, 1462), (262, 1484), (300, 1496), (330, 1505)],
                [(349, 1511)],
                [(352, 1505), (330, 1499), (300, 1490), (262, 1477), (242, 1467), (230, 1452),
                 (227, 1400), (228, 1340), (229, 1290), (232, 1230)],
            ),
            tendons=[(0.55, 1.0)],
            fibres=3,
        ),
        MuscleArt(
            "abductor_digiti_minimi_foot",
            _patch(
                [(176, 1503)],
                [(172, 1514), (200, 1517), (250, 1515.5), (300, 1516)],
                [(332, 1514)],
                [(334, 1507), (300, 1507), (260, 1505), (225, 1505), (200, 1504)],
            ),
            tendons=[(0.85, 1.0)],
            fibres=3,
        ),
    ]


def muscles() -> list[MuscleArt]:
    return [*_head_neck(), *_shoulder_arm(), *_forearm(), *_trunk(), *_hip_thigh(),
            *_leg_foot()]


# ----------------------------------------------------------------------------------------------
# Bony landmarks and a few features of the face and hand (drawn under the muscles).


def _oval(cx: float, cy: float, rx: float, ry: float, degrees: float = 0.0, n: int = 10) -> Pts:
    a = math.radians(degrees)
    out = []
    for i in range(n):
        th = 2 * math.pi * i / n
        x, y = rx * math.cos(th), ry * math.sin(th)
        out.append((round(cx + x * math.cos(a) - y * math.sin(a), 1),
                    round(cy + x * math.sin(a) + y * math.cos(a), 1)))
    return out


def landmarks() -> list[LineArt]:
    elbow = ARM(250, -3)
    olecranon = FOREARM(-1, -26)
    return [
        # face: ear (helix and its inner fold), eye, brow, nostril, lips, jaw line
        LineArt([(203, 126), (196, 118), (185, 118), (176, 125), (173, 139), (177, 153),
                 (184, 164), (190, 174), (197, 176), (202, 170), (203, 160), (206, 148),
                 (203, 137)], closed=True, kind="line"),
        LineArt([(196, 126), (186, 125), (181, 135), (184, 148), (190, 157), (194, 150)],
                kind="line"),
        LineArt([(276, 131), (283, 127), (290, 130), (284, 135)], closed=True, kind="line"),
        LineArt([(271, 119), (283, 115), (294, 119)], kind="line"),
        LineArt([(298, 167), (304, 170), (309, 169)], kind="line"),
        LineArt([(290, 192), (296, 192), (301, 192)], kind="line"),
        LineArt([(209, 149), (211, 176), (213, 201), (217, 214), (233, 223), (262, 229),
                 (288, 232)], kind="line"),
        LineArt([(207, 147), (235, 149), (263, 152)], kind="line"),  # zygomatic arch
        # shoulder girdle: clavicle, acromion, spine of the scapula
        LineArt([(251, 283), (257, 290), (252, 296), (238, 299), (222, 302), (208, 303),
                 (205, 297), (221, 294), (238, 290)], closed=True),
        LineArt(_oval(204, 299, 11, 4, -5), closed=True),
        LineArt([(196, 305), (175, 313), (153, 324), (133, 342)], kind="line"),
        LineArt([(182, 352), (165, 385), (148, 415), (134, 440), (127, 455)], kind="line"),
        # spinous processes (line of the spine) and the costal margin
        LineArt([(141, 270), (135, 300), (126, 335), (120, 375), (119, 415), (123, 465),
                 (131, 515), (139, 558), (143, 595), (144, 630), (139, 665)], kind="line"),
        LineArt([*COSTAL[:-1], (236, 553), (262, 520), (286, 470)], kind="line"),
        # elbow: lateral epicondyle and olecranon
        LineArt(_oval(elbow[0], elbow[1], 6, 6), closed=True),
        LineArt(_oval(olecranon[0], olecranon[1], 8, 6, 22 + 90), closed=True),
        # thumb (seen from its side, over the index finger) and the finger tips
        LineArt([HAND(22, -5), HAND(45, -1), HAND(68, 3.5), HAND(86, 6.5), HAND(96, 8),
                 HAND(100, 10)], kind="line"),
        LineArt([HAND(83, 9.5), HAND(92, 10.5), HAND(96, 13), HAND(91, 16), HAND(83, 15)],
                closed=True, kind="line"),
        # pelvis: iliac crest and anterior superior iliac spine; greater trochanter
        LineArt(ILIAC_CREST, kind="line"),
        LineArt(_oval(271, 689, 5, 5), closed=True),
        LineArt(_oval(210, 790, 11, 15, 10), closed=True),
        # iliotibial band: from the gluteus maximus and TFL insertions to Gerdy's tubercle
        LineArt([(201, 795), (195, 850), (194, 900), (195, 960), (198, 1020), (205, 1075),
                 (218, 1125), (231, 1163), (238, 1172), (243, 1160), (231, 1118), (219, 1070),
                 (212, 1020), (210, 960), (210, 900), (216, 862), (234, 852), (222, 820),
                 (212, 800)], closed=True),
        # knee: patella and patellar ligament, fibular head
        LineArt([(258, 1099), (266, 1103), (270, 1119), (268, 1136), (262, 1145), (256, 1134),
                 (255, 1114)], closed=True),
        LineArt([(261, 1145), (258, 1166), (256, 1186)], kind="line"),
        LineArt(_oval(204, 1168, 8, 8), closed=True),
        # ankle: lateral malleolus
        LineArt(_oval(200, 1452, 9, 14, 5), closed=True),
    ]


# ----------------------------------------------------------------------------------------------
# Referral zones visible from the side.


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy or 1e-9
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _well_inside(p: Point, outline: Sequence[Point], margin: float) -> bool:
    """Inside the closed polygon ``outline`` and at least ``margin`` from its edges."""
    inside = False
    for a, b in itertools.pairwise([*outline, outline[0]]):
        if (a[1] > p[1]) != (b[1] > p[1]) and p[0] < a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (
            b[1] - a[1]
        ):
            inside = not inside
        if _segment_distance(p, a, b) < margin:
            return False
    return inside


def _zone(name: str, centre: Point, rx: float, ry: float, degrees: float = 0.0) -> ZoneArt:
    """An oval zone, its points drawn in towards the centre where they would leave the body."""
    outline = silhouette_points()
    points = []
    for x, y in _oval(centre[0], centre[1], rx, ry, degrees, n=10):
        f = 1.0
        while f > 0.3:
            q = (round(centre[0] + f * (x - centre[0]), 1),
                 round(centre[1] + f * (y - centre[1]), 1))
            if _well_inside(q, outline, 3.0):
                break
            f -= 0.05
        points.append(q)
    return ZoneArt(name, points)


def zones() -> list[ZoneArt]:
    return [
        # head and face
        _zone("vertex", (205, 52), 40, 11),
        _zone("forehead", (282, 88), 13, 20, 20),
        _zone("temple", (236, 104), 24, 18),
        _zone("eyebrow", (284, 118), 12, 5, -5),
        _zone("orbit", (282, 132), 11, 9),
        _zone("ear", (190, 147), 17, 29, 8),
        _zone("mastoid", (178, 177), 9, 11),
        _zone("occiput", (136, 125), 16, 28),
        _zone("tmj", (212, 150), 8, 8),
        _zone("cheek", (262, 170), 14, 13),
        _zone("maxilla", (284, 163), 12, 9),
        _zone("upper_teeth", (287, 184), 12, 5),
        _zone("lower_teeth", (278, 199), 15, 6, -8),
        _zone("angle_of_jaw", (218, 212), 12, 11),
        _zone("chin", (290, 219), 9, 11),
        _zone("throat", (240, 252), 10, 13),
        # neck
        _zone("lateral_neck", (203, 238), 16, 26, -30),
        _zone("posterolateral_neck", (168, 228), 16, 30, -15),
        _zone("posterior_neck", (148, 218), 9, 30),
        _zone("suboccipital", (136, 168), 10, 9),
        _zone("anterior_neck", (238, 272), 11, 13),
        _zone("angle_of_neck", (158, 285), 22, 14, 20),
        # shoulder and arm
        _zone("acromion", (202, 300), 17, 9),
        _zone("lateral_shoulder", ARM(25, 0), 25, 32, -20),
        _zone("anterior_shoulder", ARM(15, 38), 14, 30, -20),
        _zone("posterior_shoulder", ARM(15, -40), 16, 30, -20),
        _zone("lateral_arm", ARM(140, -4), 18, 45, -20),
        _zone("anterior_arm", ARM(150, 30), 12, 45, -20),
        _zone("posterior_arm", ARM(150, -34), 11, 45, -20),
        _zone("lateral_epicondyle", ARM(250, -4), 11, 11),
        _zone("olecranon", FOREARM(0, -27), 10, 12, -22),
        _zone("antecubital", ARM(246, 22), 11, 14, -20),
        _zone("radial_forearm", FOREARM(95, 14), 12, 55, -22),
        _zone("dorsal_forearm", FOREARM(100, -13), 9, 60, -22),
        _zone("radial_wrist", FOREARM(198, 6), 13, 10, -22),
        _zone("dorsal_wrist", FOREARM(196, -13), 5, 12, -22),
        _zone("dorsal_hand", HAND(58, -10.5), 4, 26, -16),
        _zone("dorsal_thumb_web", HAND(40, -4), 8, 13, -16),
        _zone("thumb", HAND(75, 16), 8, 22, -16),
        # trunk
        _zone("axilla", (180, 405), 16, 13),
        _zone("lateral_chest", (195, 480), 24, 50, -15),
        _zone("anterior_chest", (266, 388), 10, 38, -20),
        _zone("sternum", (278, 364), 5, 50, -20),
        _zone("suprascapular", (165, 313), 20, 8, -25),
        _zone("scapula", (145, 385), 16, 38),
        _zone("inferior_angle_scapula", (128, 455), 11, 11),
        _zone("mid_back", (130, 505), 10, 32),
        _zone("lower_ribs_posterior", (141, 553), 12, 18),
        _zone("thoracolumbar", (145, 585), 9, 13),
        _zone("upper_abdomen", (244, 578), 11, 22, -20),
        _zone("lower_abdomen", (270, 690), 13, 40, 5),
        _zone("groin", (265, 768), 11, 22, 30),
        _zone("lumbar", (150, 628), 15, 30),
        _zone("sacrum", (124, 716), 8, 18, 25),
        _zone("sij", (139, 705), 8, 10),
        _zone("iliac_crest", (205, 650), 60, 12, 10),
        # hip and thigh
        _zone("buttock", (140, 780), 32, 60),
        _zone("gluteal_fold", (138, 862), 26, 7, 15),
        _zone("greater_trochanter", (210, 790), 20, 22),
        _zone("lateral_thigh", (215, 965), 22, 110, -3),
        _zone("anterior_thigh", (268, 950), 17, 100),
        _zone("posterior_thigh", (160, 965), 22, 95, -8),
        # knee and leg
        _zone("patella", (262, 1122), 11, 25),
        _zone("lateral_knee", (220, 1135), 20, 22),
        _zone("posterior_knee", (165, 1115), 14, 24),
        _zone("shin", (238, 1300), 10, 100, 5),
        _zone("lateral_leg", (205, 1310), 14, 100, 4),
        _zone("calf", (163, 1265), 20, 80),
        # ankle and foot
        _zone("achilles", (171, 1430), 7, 30),
        _zone("lateral_malleolus", (200, 1452), 14, 18),
        _zone("anterior_ankle", (225, 1452), 11, 12),
        _zone("heel", (172, 1496), 14, 17),
        _zone("lateral_foot", (245, 1505), 50, 10, 2),
        _zone("dorsum_foot", (280, 1482), 40, 9, 16),
        _zone("lesser_toes", (350, 1508), 18, 9, 10),
    ]


# Where the catalogue's [u, v] lands badly in this view (see the package docstring).
TRIGGER_POINT_UV: dict[tuple[str, str], tuple[float, float]] = {
    ("levator_scapulae", "TrP1"): (0.45, 0.85),  # where it leaves the trapezius' front edge
    ("latissimus_dorsi", "TrP1"): (0.9, 0.8),  # posterior axillary fold
    ("brachioradialis", "TrP1"): (0.4, 0.5),  # just below the elbow crease
    ("fibularis_longus", "TrP1"): (0.07, 0.5),  # 2-4 cm below the fibular head
    ("fibularis_brevis", "TrP2"): (0.45, 0.88),  # behind the fibularis longus tendon
    ("soleus", "TrP2"): (0.2, 0.9),  # below the fibular head, in front of the gastrocnemius
}


# fmt: on


def art() -> ViewArt:
    return ViewArt(
        view_id="right_lateral",
        template_side="right",
        mirror_axis=260.0,
        silhouette=catmull_rom(silhouette_points(), closed=True),
        muscles=muscles(),
        zones=zones(),
        landmarks=landmarks(),
        side_labels=((52, 80), (468, 80)),
        mirror_silhouette=False,
        single_side=True,
        trigger_point_uv=TRIGGER_POINT_UV,
    )
