"""The body figures: silhouettes and the bony landmarks drawn under the muscles.

An adult of neutral build in anatomical position (standing, arms a little away from the sides,
palms forward), eight heads tall: the full-body views are 1560 units high, the figure runs from
y = 40 (vertex) to y = 1520 (soles), one head = 185 units. The front and back views share a
silhouette, drawn as the viewer-left half and mirrored about the midline x = 320.
"""

from __future__ import annotations

from needlemap.anatomy.artwork.kit import Cubic, Point, catmull_rom, mirror_x

MIDLINE = 320.0

# Reference heights (y) of the front/back figure, for placing muscles consistently.
LEVELS: dict[str, float] = {
    "vertex": 40, "eyes": 132, "mouth": 190, "chin": 226, "c7_spinous": 262,
    "sternal_notch": 282, "clavicle": 288, "acromion": 300, "spine_of_scapula_root": 345,
    "axilla": 388, "nipple": 410, "xiphoid": 440, "inferior_angle_scapula": 455,
    "elbow": 585, "navel": 595, "iliac_crest": 640, "asis": 690, "psis_sacrum_top": 700,
    "wrist": 778, "greater_trochanter": 790, "pubis": 790, "crotch": 798, "gluteal_fold": 855,
    "fingertips": 945, "patella_top": 1098, "patella_centre": 1128, "knee_joint": 1142,
    "fibular_head": 1165, "mid_calf": 1250, "malleoli": 1455, "sole": 1520,
}  # fmt: skip
TOP, SOLE = 40.0, 1520.0
HEAD = (SOLE - TOP) / 8

# Viewer-left half of the front/back silhouette, from the vertex down the outside of the head,
# neck, shoulder, arm and hand, back up the inside of the arm, down the trunk, the outside of
# the leg, round the foot and up the inside of the leg to the crotch.
FRONT_HALF: tuple[Point, ...] = (
    (320, 40),
    (294, 44),
    (272, 56),
    (259, 76),
    (255, 100),  # crown to temple
    (256, 122),
    (252, 126),
    (246, 140),
    (247, 160),  # ear
    (252, 172),
    (256, 182),
    (261, 197),
    (269, 209),  # cheek to angle of the jaw
    (276, 224),
    (276, 242),
    (273, 255),  # neck
    (258, 267),
    (232, 278),
    (203, 287),
    (170, 294),  # trapezius slope
    (147, 301),
    (131, 314),
    (123, 337),
    (121, 366),  # acromion and deltoid
    (122, 410),
    (121, 455),
    (119, 500),  # upper arm, outside
    (117, 546),
    (113, 586),  # elbow, outside
    (108, 628),
    (102, 682),
    (97, 736),
    (96, 774),  # forearm, outside
    (91, 792),
    (83, 812),
    (75, 836),
    (72, 858),  # thenar eminence, thumb
    (74, 874),
    (82, 879),
    (89, 869),  # thumb tip
    (91, 887),
    (95, 912),
    (101, 932),  # index finger
    (111, 944),
    (122, 945),
    (132, 936),  # finger tips
    (138, 916),
    (144, 888),
    (148, 856),  # little finger, hypothenar
    (148, 826),
    (146, 800),
    (144, 780),  # heel of the hand to wrist
    (151, 735),
    (160, 682),
    (170, 630),  # forearm, inside
    (179, 590),
    (187, 548),  # elbow, inside
    (192, 500),
    (196, 455),
    (198, 420),
    (200, 395),  # upper arm, inside
    (202, 388),  # armpit
    (205, 420),
    (206, 470),
    (208, 520),  # chest wall
    (210, 570),
    (211, 610),
    (206, 650),  # waist to iliac crest
    (195, 700),
    (183, 750),
    (176, 790),  # hip to greater trochanter
    (176, 840),
    (180, 900),
    (188, 960),  # thigh, outside
    (198, 1030),
    (204, 1090),
    (205, 1130),  # knee, outside
    (201, 1170),
    (196, 1230),
    (199, 1290),  # calf, outside
    (208, 1360),
    (216, 1420),
    (218, 1455),  # leg to ankle
    (215, 1478),
    (208, 1498),
    (212, 1514),  # lateral malleolus, foot outside
    (232, 1521),
    (262, 1523),
    (290, 1521),  # toes
    (300, 1511),
    (299, 1492),
    (293, 1470),  # big toe, medial arch
    (291, 1448),
    (293, 1400),
    (296, 1340),  # medial malleolus, leg inside
    (292, 1280),
    (284, 1230),
    (287, 1180),  # calf, inside
    (294, 1130),
    (298, 1090),
    (300, 1040),  # knee, inside
    (303, 980),
    (306, 920),
    (309, 860),  # thigh, inside
    (314, 815),
    (320, 798),
)


def front_silhouette() -> list[Cubic]:
    half = list(FRONT_HALF)
    other = [mirror_x(p, MIDLINE) for p in reversed(half[1:-1])]
    return catmull_rom([*half, *other], closed=True)
