"""The anterior view, lower part: hip, thigh, knee, leg and foot, below the inguinal ligament.

Template half x < 320 = the patient's RIGHT side (see the package docstring): the lateral side of
the limb is at smaller x, the medial side towards the midline x = 320. Iliacus and psoas are
deep and run up above the inguinal ligament into the pelvis and abdomen, as they do.

Each patch is written as its four edges, in outline order (``_patch``): the origin edge from a0
to b0, border b from b0 to b1, the insertion edge from b1 to a1 and border a from a1 back to a0.
Borders that two muscles of one layer share are module constants, used once in each direction.
"""

from __future__ import annotations

from collections.abc import Sequence

from needlemap.anatomy.artwork.kit import Patch, Point
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ZoneArt

TRIGGER_POINT_UV: dict[tuple[str, str], tuple[float, float]] = {
    ("tensor_fasciae_latae", "TrP1"): (0.2, 0.5),  # in the belly, not the iliotibial band
    ("iliacus", "TrP1"): (0.1, 0.6),  # just in from the ASIS
    ("psoas_major", "TrP1"): (0.35, 0.5),  # in the femoral triangle
    ("psoas_major", "TrP2"): (0.06, 0.45),  # highest point drawn: the muscle stops at the ligament
    ("rectus_femoris", "TrP1"): (0.08, 0.5),  # in the notch between sartorius and TFL
    ("vastus_lateralis", "TrP1"): (0.92, 0.75),  # just above and outside the kneecap
    ("vastus_lateralis", "TrP2"): (0.8, 0.88),
    ("vastus_medialis", "TrP2"): (0.24, 0.3),  # mid-thigh, along the inner edge
    ("extensor_digitorum_longus", "TrP1"): (0.17, 0.7),  # lateral to tibialis anterior
    ("adductor_magnus", "TrP1"): (0.55, 0.1),  # inner thigh, clear of the sartorius point
    ("adductor_magnus", "TrP2"): (0.28, 0.3),  # clear of the adductor longus points
}

ASIS: Point = (232, 692)
PUBIC_TUBERCLE: Point = (300, 786)

# --- shared borders, superficial layer (listed from top to bottom) -----------------------------
# Tensor fasciae latae belly | rectus femoris, down to the point where vastus lateralis appears.
TFL_RF = [(230, 712), (228, 730), (226, 750), (222, 770), (218, 792), (214, 812)]
# Iliotibial band (medial edge) | vastus lateralis.
TFL_VL = [(211, 815), (204, 832), (198, 850), (194, 872), (193, 900), (195, 930), (199, 960),
          (204, 990), (209, 1020), (213, 1050), (216, 1078), (218, 1100)]  # fmt: skip
# Rectus femoris | vastus lateralis, to the lateral edge of the quadriceps tendon.
RF_VL = [(214, 812), (220, 840), (224, 870), (226, 900), (228, 935), (230, 970), (232, 1005),
         (235, 1035), (237, 1058)]  # fmt: skip
# Sartorius (lateral edge) | rectus femoris, from the V below the ASIS to the tip of vastus
# medialis.
SART_RF = [(242, 712), (243, 728), (246, 750), (250, 775), (254, 800), (258, 825), (262, 850),
           (266, 875), (269, 900)]  # fmt: skip
# Rectus femoris | vastus medialis, to the medial edge of the quadriceps tendon.
RF_VM = [(269, 900), (268, 930), (266, 960), (263, 990), (260, 1020), (258.5, 1045)]
# Sartorius (lateral edge) | vastus medialis.
SART_VM = [(269, 900), (277, 930), (284, 960), (288, 990), (290.5, 1020), (291, 1050),
           (289.5, 1080), (287.5, 1100), (285, 1118), (283, 1130)]  # fmt: skip
# Sartorius medial edge: the lateral side of the femoral triangle, then along the inner thigh.
SART_MED_UPPER = [(234, 693), (249, 720), (261, 760), (272, 800), (280, 838), (284, 857)]
SART_AL = [(284, 857), (287, 878), (290, 900), (295, 930)]  # where adductor longus meets it
SART_GR = [(295, 930), (299, 960), (300, 983)]  # where gracilis tapers out against it
# Adductor longus (medial edge) | gracilis.
AL_GR = [(308, 802), (305.5, 830), (302.5, 860), (299.5, 890), (297, 915), (295, 930)]
# Patella outline, lateral and medial halves from the base (top) to the apex.
PATELLA_LAT = [(233, 1098), (229, 1108), (228, 1120), (230, 1134), (235, 1146), (243, 1157)]
PATELLA_MED = [(267, 1098), (271, 1108), (272, 1120), (270, 1134), (265, 1146), (257, 1157)]

# --- shared borders, deep layer ----------------------------------------------------------------
# Iliacus (medial edge) | psoas major (lateral edge), from the inguinal ligament to the lesser
# trochanter.
ILIO_PSOAS = [(259, 733), (256, 755), (251, 785), (247, 810), (245, 832)]
# Vastus intermedius (medial edge) | adductor brevis and magnus insertions along the femur.
VI_MED = [(241, 850), (247, 860), (252, 876), (256, 898), (257, 930), (257, 970), (256, 1010),
          (255, 1040), (254, 1078)]  # fmt: skip
# Adductor brevis (lower edge) | adductor magnus (upper edge).
AB_AM = [(304, 808), (290, 830), (274, 856), (262, 880), (256, 898)]


def _rev(points: Sequence[Point]) -> list[Point]:
    return list(reversed(points))


def _patch(origin: Sequence[Point], border_b: Sequence[Point], insertion: Sequence[Point],
           border_a: Sequence[Point]) -> Patch:  # fmt: skip
    """A patch from its four edges in outline order; each edge starts where the last ended."""
    edges = [list(origin), list(border_b), list(insertion), list(border_a)]
    for edge, following in zip(edges, [*edges[1:], edges[0]], strict=True):
        if edge[-1] != following[0]:
            raise ValueError(f"edge ends at {edge[-1]} but the next starts at {following[0]}")
    points: list[Point] = []
    corners: list[int] = []
    for edge in edges:
        corners.append(len(points))
        points.extend(edge[:-1])
    return Patch(points, tuple(corners))  # type: ignore[arg-type]


def _hip_and_thigh() -> list[MuscleArt]:
    tfl = _patch(
        [ASIS, (224, 680), (215, 673), (206, 671)],
        [(206, 671), (199, 690), (192.5, 715), (185.5, 745), (180, 778), (177.5, 810),
         (177.5, 845), (179.5, 885), (184, 925), (189.5, 962), (195.5, 1000), (200.5, 1040),
         (204.5, 1080), (206.5, 1115), (208, 1145), (212, 1166)],
        [(212, 1166), (216, 1170), (220, 1173)],
        [(220, 1173), (219, 1150), (218.5, 1125), *_rev(TFL_VL), *_rev(TFL_RF), ASIS],
    )  # fmt: skip
    sartorius = _patch(
        [SART_MED_UPPER[0], (241, 697)],
        [(241, 697), *SART_RF, *SART_VM[1:], (279, 1146), (274, 1165), (269, 1182),
         (266, 1194)],
        [(266, 1194), (272, 1199), (278, 1200)],
        [(278, 1200), (281.5, 1188), (285, 1172), (288.5, 1155), (291.5, 1135), (294, 1115),
         (296, 1095), (297.5, 1070), (299, 1040), (300, 1010), *_rev(SART_GR),
         *_rev(SART_AL)[1:], *_rev(SART_MED_UPPER)[1:]],
    )  # fmt: skip
    rectus_femoris = _patch(
        [SART_RF[0], (236, 709.5), TFL_RF[0]],
        [*TFL_RF, *RF_VL[1:], (236, 1080), *PATELLA_LAT,
         (244, 1170), (244.5, 1182), (245, 1192)],
        [(245, 1192), (251.5, 1193), (258, 1192)],
        [(258, 1192), (257.5, 1182), (257, 1170), *_rev(PATELLA_MED), (263.5, 1086), (259.5, 1068),
         *_rev(RF_VM), *_rev(SART_RF)[1:]],
    )  # fmt: skip
    vastus_lateralis = _patch(
        [RF_VL[0], TFL_VL[0]],
        [*TFL_VL],
        [TFL_VL[-1], (225, 1103), (231, 1100), (235, 1085), RF_VL[-1]],
        _rev(RF_VL),
    )  # fmt: skip
    vastus_medialis = _patch(
        SART_VM,
        [SART_VM[-1], (277, 1126), (272, 1121)],
        [(272, 1121), (271, 1108), (267, 1098), (263.5, 1086), (259.5, 1068), RF_VM[-1]],
        _rev(RF_VM),
    )
    adductor_longus = _patch(
        [AL_GR[0], (302, 797), (296, 794)],
        [(296, 794), (292, 812), (288, 832), SART_AL[0]],
        SART_AL,
        _rev(AL_GR),
    )
    gracilis = _patch(
        [(314, 808), AL_GR[0]],
        [*AL_GR, *SART_GR[1:]],
        [SART_GR[-1], (302, 981)],
        [(302, 981), (302.8, 955), (304.5, 915), (306, 875), (307.8, 845), (309.8, 825),
         (314, 808)],
    )  # fmt: skip
    pectineus = _patch(
        [(279, 764), (289, 775), (298, 788)],
        [(298, 788), (291, 810), (281, 833), (270, 855), (262, 866)],
        [(262, 866), (256, 857), (252, 846)],
        [(252, 846), (254, 830), (265, 810), (274, 785), (279, 764)],
    )
    iliacus = _patch(
        [ILIO_PSOAS[0], (248, 716), (236, 698)],
        [(236, 698), (238.5, 730), (240, 765), (241, 800), (241, 825), (240, 836)],
        [(240, 836), ILIO_PSOAS[-1]],
        _rev(ILIO_PSOAS),
    )  # fmt: skip
    psoas_major = _patch(
        [(281, 762), (270, 748.5), ILIO_PSOAS[0]],
        ILIO_PSOAS,
        [ILIO_PSOAS[-1], (251, 838)],
        [(251, 838), (254, 830), (265, 810), (274, 785), (281, 762)],
    )
    vastus_intermedius = _patch(
        [VI_MED[0], (228, 843), (216, 838), (209, 836)],
        [(209, 836), (205, 870), (203, 910), (204, 950), (207, 990), (212, 1030), (220, 1062),
         (229, 1080), (234, 1086)],
        [(234, 1086), (244, 1089), VI_MED[-1]],
        _rev(VI_MED),
    )  # fmt: skip
    adductor_brevis = _patch(
        [(297, 798), (301, 803), AB_AM[0]],
        AB_AM,
        [AB_AM[-1], (252, 876), VI_MED[1]],
        [VI_MED[1], (258, 843), (272, 826), (286, 810), (297, 798)],
    )
    adductor_magnus = _patch(
        [(313, 811), (309, 809), AB_AM[0]],
        [*AB_AM, *VI_MED[4:8], (260, 1062), (268, 1082), (276, 1098)],
        [(276, 1098), (284, 1098)],
        [(284, 1098), (290, 1065), (295, 1030), (299, 995), (302, 960), (304, 920),
         (305.5, 880), (307.5, 850), (310, 828), (313, 811)],
    )  # fmt: skip
    return [
        MuscleArt("iliacus", iliacus, tendons=[(0.9, 1.0)], fibres=6),
        MuscleArt("psoas_major", psoas_major, tendons=[(0.9, 1.0)], fibres=5),
        MuscleArt("vastus_intermedius", vastus_intermedius, tendons=[(0.88, 1.0)], fibres=5),
        MuscleArt("adductor_brevis", adductor_brevis, fibres=4),
        MuscleArt("adductor_magnus", adductor_magnus, tendons=[(0.86, 1.0)], fibres=6),
        MuscleArt("pectineus", pectineus, fibres=4),
        MuscleArt("tensor_fasciae_latae", tfl, tendons=[(0.33, 1.0)], fibres=4),
        MuscleArt("sartorius", sartorius, tendons=[(0.0, 0.03), (0.9, 1.0)], fibres=3),
        # quadriceps tendon, patella (its sesamoid) and patellar ligament; the first range
        # spans all three so that the fibres stop above the tendon
        MuscleArt("rectus_femoris", rectus_femoris, fibres=6,
                  tendons=[(0.0, 0.04), (0.685, 1.0), (0.685, 0.798), (0.798, 0.928),
                           (0.928, 1.0)]),
        MuscleArt("vastus_lateralis", vastus_lateralis, tendons=[(0.95, 1.0)], fibres=5),
        MuscleArt("vastus_medialis", vastus_medialis, tendons=[(0.94, 1.0)], fibres=6),
        MuscleArt("adductor_longus", adductor_longus, tendons=[(0.0, 0.1)], fibres=4),
        MuscleArt("gracilis", gracilis, tendons=[(0.0, 0.04)], fibres=3),
    ]  # fmt: skip


def _leg_and_foot() -> list[MuscleArt]:
    tibialis_anterior = _patch(
        [(250, 1203), (243, 1190), (233, 1182), (226, 1185)],
        [(226, 1185), (222, 1215), (221, 1260), (224, 1300), (232, 1340), (244, 1375),
         (257, 1405), (265, 1432), (271, 1455), (277.5, 1475), (284, 1493)],
        [(284, 1493), (291, 1492)],
        [(291, 1492), (285.5, 1475), (280, 1455), (274, 1432), (266, 1405), (261, 1365),
         (258, 1330), (256, 1290), (254.5, 1250), (252.5, 1222), (250, 1203)],
    )  # fmt: skip
    extensor_digitorum_longus = _patch(
        [(232, 1190), (224, 1178), (215, 1177), (210, 1183)],
        [(210, 1183), (207, 1215), (206.5, 1260), (208.5, 1305), (213, 1345), (219, 1385),
         (227, 1420), (234, 1448), (232, 1472), (226, 1492), (222, 1507)],
        [(222, 1507), (236, 1511), (252, 1512), (266, 1511), (274, 1508)],
        [(274, 1508), (267, 1490), (260, 1470), (254, 1450), (248, 1422), (242, 1390),
         (237, 1350), (234, 1300), (232.5, 1250), (232, 1215), (232, 1190)],
    )  # fmt: skip
    extensor_hallucis_longus = _patch(
        [(242, 1255), (238, 1254), (234, 1258)],
        [(234, 1258), (234, 1300), (238, 1345), (244, 1385), (251, 1420), (258, 1450),
         (267, 1478), (275, 1500), (281, 1514)],
        [(281, 1514), (287, 1514)],
        [(287, 1514), (282, 1498), (275, 1476), (267, 1450), (260, 1420), (253, 1385),
         (248, 1345), (245, 1300), (242, 1255)],
    )  # fmt: skip
    fibularis_tertius = _patch(
        [(226, 1325), (221, 1320), (215, 1323)],
        [(215, 1323), (212.5, 1350), (213, 1385), (217, 1415), (222, 1438), (226, 1458),
         (225, 1478), (219, 1494)],
        [(219, 1494), (224, 1497)],
        [(224, 1497), (230, 1480), (232, 1460), (230, 1440), (229, 1420), (229, 1390),
         (228, 1355), (226, 1325)],
    )  # fmt: skip
    return [
        MuscleArt("extensor_hallucis_longus", extensor_hallucis_longus, tendons=[(0.62, 1.0)],
                  fibres=3),
        MuscleArt("extensor_digitorum_longus", extensor_digitorum_longus, tendons=[(0.65, 1.0)],
                  fibres=4),
        MuscleArt("tibialis_anterior", tibialis_anterior, tendons=[(0.58, 1.0)], fibres=5),
        MuscleArt("fibularis_tertius", fibularis_tertius, tendons=[(0.58, 1.0)], fibres=3),
    ]  # fmt: skip


def muscles() -> list[MuscleArt]:
    return [*_hip_and_thigh(), *_leg_and_foot()]


# fmt: off
def landmarks() -> list[LineArt]:
    return [
        # inguinal ligament, ASIS to pubic tubercle, and the front of the iliac crest
        LineArt([(232, 690), (266, 737), PUBIC_TUBERCLE], kind="line"),
        LineArt([(232, 690), (222, 674), (213, 661), (208, 649)], kind="line"),
        # patella (the quadriceps tendon's sesamoid, drawn over by rectus femoris' tendon)
        LineArt([*PATELLA_LAT, (250, 1161), *_rev(PATELLA_MED)], closed=True),
        # subcutaneous medial surface of the tibia, from the pes anserinus to the malleolus
        LineArt([(255, 1215), (256, 1260), (258, 1310), (261, 1360), (266, 1400), (272, 1424),
                 (280, 1436), (284, 1424), (281, 1390), (279, 1340), (278, 1290),
                 (278.5, 1240), (280, 1214), (270, 1208)], closed=True),
        # malleoli: the medial one higher, the lateral one lower
        LineArt([(287, 1436), (292, 1442), (292, 1452), (287, 1457), (282, 1450), (282, 1441)],
                closed=True),
        LineArt([(221, 1455), (226, 1461), (226, 1474), (220, 1480), (216, 1472), (216, 1460)],
                closed=True),
    ]


def zones() -> list[ZoneArt]:
    return [
        ZoneArt("groin", [(244, 716), (262, 730), (284, 758), (298, 786), (294, 806),
                          (276, 812), (258, 790), (244, 748)]),
        ZoneArt("iliac_crest", [(238, 690), (228, 684), (216, 668), (207, 650), (208, 638),
                                (218, 644), (230, 662), (240, 680)]),
        ZoneArt("greater_trochanter", [(184, 760), (198, 766), (203, 792), (196, 822),
                                       (181, 822), (178, 790)]),
        ZoneArt("anterior_thigh", [(226, 822), (252, 812), (272, 850), (278, 950),
                                   (270, 1050), (246, 1072), (224, 1050), (214, 950),
                                   (214, 870)]),
        ZoneArt("lateral_thigh", [(184, 820), (200, 832), (208, 920), (216, 1030),
                                  (214, 1090), (202, 1080), (188, 980), (179, 880)]),
        ZoneArt("medial_thigh", [(292, 818), (308, 832), (306, 930), (301, 1020),
                                 (288, 1062), (278, 1010), (278, 920), (282, 850)]),
        ZoneArt("patella", [(250, 1094), (268, 1100), (274, 1122), (266, 1150), (250, 1163),
                            (234, 1150), (226, 1122), (232, 1100)]),
        ZoneArt("anteromedial_knee", [(270, 1134), (282, 1130), (289, 1158), (284, 1190),
                                      (268, 1200), (257, 1182), (261, 1155)]),
        ZoneArt("medial_knee", [(288, 1086), (298, 1096), (296, 1140), (290, 1172),
                                (281, 1152), (281, 1110)]),
        ZoneArt("lateral_knee", [(208, 1100), (224, 1108), (230, 1148), (224, 1184),
                                 (206, 1174), (203, 1138)]),
        ZoneArt("shin", [(232, 1205), (252, 1202), (264, 1250), (268, 1340), (266, 1425),
                         (248, 1430), (234, 1350), (226, 1260)]),
        ZoneArt("lateral_leg", [(202, 1192), (216, 1188), (222, 1260), (225, 1340),
                                (224, 1412), (214, 1422), (205, 1350), (198, 1260)]),
        ZoneArt("medial_leg", [(272, 1214), (285, 1212), (292, 1270), (295, 1340),
                               (290, 1412), (278, 1418), (272, 1340), (270, 1270)]),
        ZoneArt("anterior_ankle", [(236, 1438), (256, 1432), (276, 1440), (278, 1462),
                                   (256, 1472), (234, 1466)]),
        ZoneArt("lateral_malleolus", [(221, 1451), (229, 1459), (229, 1476), (220, 1485),
                                      (213, 1474), (214, 1458)]),
        ZoneArt("medial_malleolus", [(287, 1431), (294, 1439), (294, 1455), (287, 1462),
                                     (279, 1452), (279, 1439)]),
        ZoneArt("dorsum_foot", [(230, 1472), (256, 1468), (282, 1474), (288, 1496),
                                (256, 1504), (222, 1500)]),
        ZoneArt("instep", [(288, 1460), (295, 1468), (299, 1490), (293, 1502), (284, 1488)]),
        ZoneArt("great_toe", [(281, 1501), (293, 1498), (300, 1510), (292, 1520),
                              (281, 1516)]),
        ZoneArt("lesser_toes", [(214, 1505), (246, 1505), (278, 1503), (279, 1517),
                                (246, 1521), (216, 1516)]),
    ]
# fmt: on
