"""The posterior view, lower part: buttock, thigh, leg and heel, below the posterior iliac crest.

Template half x < 320 = the patient's LEFT side (see the package docstring). Lateral is towards
smaller x (the outside of the left hip and leg), medial towards the midline x = 320.
"""

from __future__ import annotations

from needlemap.anatomy.artwork.kit import Patch
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ZoneArt

TRIGGER_POINT_UV: dict[tuple[str, str], tuple[float, float]] = {}

# Shared borders, listed once so that neighbouring muscles of one layer meet without overlapping.
# Superficial: the lower border of gluteus maximus, from the coccyx down and out to the gluteal
# tuberosity; the hamstrings and gracilis emerge below it.
GMAX_LOWER = [(315, 790), (312, 812), (303, 832), (286, 850), (264, 866), (239, 880), (212, 890)]
# Superficial: biceps femoris and semitendinosus share their common origin, then diverge.
BF_ST = [(286, 850), (272, 885), (264, 925), (259, 965), (258, 1005)]
# Superficial: at the back of the knee the biceps tendon runs just lateral to the lateral head of
# the gastrocnemius, the semitendinosus tendon just medial to the medial head.
BF_GL = [(224, 1106), (219, 1130), (215, 1152), (214, 1166)]
GM_ST = [(279, 1106), (278, 1130), (279, 1155), (281, 1176)]
# Superficial: the raphe between the two heads of the gastrocnemius.
GASTRO_RAPHE = [(246, 1192), (244, 1240), (245, 1290), (248, 1340), (251, 1385), (253, 1424)]
# Deep: gluteus minimus above piriformis, piriformis above the short external rotators, these
# above adductor magnus (its upper, "minimus" part).
GMIN_PIRI = [(206, 771), (224, 756), (244, 742), (264, 733)]
PIRI_SER = [(298, 758), (276, 763), (252, 769), (228, 778), (209, 786)]
SER_AM = [(277, 822), (246, 824), (214, 822)]
# Deep posterior compartment of the leg.
TP_FDL = [(258, 1206), (259, 1250), (259, 1300), (261, 1345), (266, 1396)]
FHL_TP = [(230, 1246), (233, 1290), (239, 1330), (247, 1362), (256, 1388), (261, 1400)]


def _rev(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return list(reversed(points))


def muscles() -> list[MuscleArt]:
    return [*_hip(), *_thigh(), *_leg()]


# Control points are grouped one edge per line (origin, border b, insertion, border a).
# fmt: off
def _hip() -> list[MuscleArt]:
    return [
        # Fibres run from the posterior crest, sacrum and coccyx down and out to the iliotibial
        # tract and gluteal tuberosity; border a is the upper border, b the lower.
        MuscleArt(
            "gluteus_maximus",
            Patch(
                [(266, 679), (283, 690), (294, 704), (299, 724), (304, 750), (310, 772),
                 *GMAX_LOWER,
                 (203, 862), (196, 832), (191, 800), (189, 772),
                 (190, 752), (201, 730), (219, 711), (242, 692)],
                (0, 6, 12, 17),
            ),
            tendons=[(0.9, 1.0)],
            fibres=8,
        ),
        # A fan from the outer lip of the crest down to the greater trochanter; border a is the
        # posterior (medial) border, b the lateral one. Its upper lateral part is subcutaneous.
        MuscleArt(
            "gluteus_medius",
            Patch(
                [(268, 680), (248, 667), (228, 657), (208, 654),
                 (201, 680), (195, 706), (190, 730), (187, 752), (190, 770),
                 (197, 778), (205, 780),
                 (220, 755), (238, 729), (255, 704)],
                (0, 3, 8, 10),
            ),
            tendons=[(0.9, 1.0)],
            fibres=6,
        ),
        MuscleArt(
            "gluteus_minimus_posterior",
            Patch(
                [(264, 733), (256, 712), (240, 693), (220, 680),
                 (211, 703), (204, 728), (200, 750), (201, 766),
                 *GMIN_PIRI[:-1]],
                (0, 3, 7, 8),
            ),
            tendons=[(0.9, 1.0)],
            fibres=4,
        ),
        # From the front of the sacrum (projected on its lateral border) through the greater
        # sciatic notch to the top of the greater trochanter; border a is the upper border.
        MuscleArt(
            "piriformis",
            Patch(
                [(292, 724), (297, 740),
                 *PIRI_SER,
                 *GMIN_PIRI, (279, 727)],
                (0, 2, 6, 7),
            ),
            tendons=[(0.82, 1.0)],
            fibres=4,
        ),
        # Gemelli, obturator internus and quadratus femoris, from the ischium across to the
        # intertrochanteric crest; border a is the upper border (shared with piriformis).
        MuscleArt(
            "short_external_rotators",
            Patch(
                [(298, 758), (292, 782), (284, 803), *SER_AM,
                 (211, 804), (209, 786),
                 *_rev(PIRI_SER)[1:-1]],
                (0, 3, 5, 7),
            ),
            tendons=[(0.88, 1.0)],
            fibres=4,
        ),
    ]


def _thigh() -> list[MuscleArt]:
    return [
        # From the ischiopubic ramus and ischial tuberosity: upper fibres across to the linea
        # aspera, the ischiocondylar part straight down to the adductor tubercle. Border a is
        # the medial (vertical) border, b the upper border (shared with quadratus femoris).
        MuscleArt(
            "adductor_magnus",
            Patch(
                [(309, 828), (294, 827), *SER_AM,
                 (212, 860), (214, 890), (222, 940), (232, 1000), (245, 1050), (266, 1085),
                 (285, 1102),
                 (289, 1080), (291, 1040), (296, 970), (301, 900), (306, 855)],
                (0, 2, 4, 11),
            ),
            tendons=[(0.92, 1.0)],
            fibres=7,
        ),
        MuscleArt(
            "gracilis",
            Patch(
                [(311, 815), (305, 822),
                 (301, 858), (299, 900), (297, 950), (295, 1000), (293, 1050), (291, 1100),
                 (289, 1128), (286, 1157),
                 (289, 1155),
                 (291, 1128), (296, 1100), (298, 1050), (300, 1000), (302, 950), (304, 900),
                 (306, 855)],
                (0, 1, 9, 10),
            ),
            tendons=[(0.7, 1.0)],
            fibres=3,
        ),
        # Long head from the ischial tuberosity (under gluteus maximus), joined laterally by
        # the short head, to the head of the fibula. Border a is medial.
        MuscleArt(
            "biceps_femoris",
            Patch(
                [*GMAX_LOWER[3:5],
                 (240, 900), (222, 935), (208, 975), (204, 1020), (205, 1060), (207, 1100),
                 (208, 1135), (209, 1166),
                 *_rev(BF_GL),
                 (230, 1088), (242, 1068), (252, 1040),
                 *_rev(BF_ST)[:-1]],
                (0, 1, 9, 10),
            ),
            tendons=[(0.0, 0.06), (0.84, 1.0)],
            fibres=5,
        ),
        MuscleArt(
            "semitendinosus",
            Patch(
                [*GMAX_LOWER[2:4], *BF_ST[1:],
                 (262, 1030), (270, 1050), (276, 1070), (279, 1090), *GM_ST,
                 (284, 1176),
                 (285, 1150), (285, 1125), (285, 1100), (284, 1066), (284, 1035), (285, 1000),
                 (286, 960), (289, 920), (294, 880), (298, 852)],
                (0, 1, 13, 14),
            ),
            tendons=[(0.0, 0.05), (0.6, 1.0)],
            fibres=4,
        ),
        # Deep to semitendinosus: a long flat (membranous) tendon above, the belly in the lower
        # thigh, inserting on the back of the medial tibial condyle. Border a is medial.
        MuscleArt(
            "semimembranosus",
            Patch(
                [(288, 834), (278, 838),
                 (272, 880), (266, 935), (260, 990), (259, 1045), (264, 1095), (270, 1132),
                 (276, 1158),
                 (284, 1162),
                 (290, 1130), (295, 1080), (294, 1030), (290, 980), (286, 930), (290, 880)],
                (0, 1, 8, 9),
            ),
            tendons=[(0.0, 0.32), (0.9, 1.0)],
            fibres=4,
        ),
    ]


def _leg() -> list[MuscleArt]:
    return [
        # Medial head: from the medial femoral condyle to the common aponeurosis; border a is
        # medial (the outer edge of the calf), b the raphe shared with the lateral head.
        MuscleArt(
            "gastrocnemius_medial",
            Patch(
                [GM_ST[0], (273, 1103), (267, 1107),
                 (259, 1132), (251, 1163), *GASTRO_RAPHE,
                 (259, 1421),
                 (264, 1395), (274, 1362), (285, 1325), (289, 1292), (284, 1252), (281, 1215),
                 *_rev(GM_ST)[1:-1]],
                (0, 2, 10, 11),
            ),
            tendons=[(0.78, 1.0)],
            fibres=5,
        ),
        # Lateral head: from the lateral femoral condyle; border a is medial (the raphe).
        MuscleArt(
            "gastrocnemius_lateral",
            Patch(
                [(236, 1108), (230, 1105), *BF_GL,
                 (208, 1190), (204, 1225), (205, 1258), (212, 1290), (225, 1322), (239, 1360),
                 (247, 1421),
                 *_rev(GASTRO_RAPHE), (242, 1162), (238, 1134)],
                (0, 2, 12, 13),
            ),
            tendons=[(0.7, 1.0)],
            fibres=5,
        ),
        # From the fibular head, the tendinous arch and the soleal line of the tibia down to the
        # calcaneus; its lower part is the calcaneal (Achilles) tendon. Border a is medial.
        MuscleArt(
            "soleus",
            Patch(
                [(283, 1238), (266, 1212), (248, 1192), (232, 1178), (215, 1170),
                 (208, 1200), (204, 1240), (203, 1280), (206, 1320), (214, 1355), (227, 1385),
                 (240, 1408), (244, 1440), (242, 1468), (240, 1486),
                 (253, 1490), (267, 1486),
                 (264, 1468), (262, 1440), (264, 1412), (276, 1390), (287, 1362), (292, 1330),
                 (291, 1298), (288, 1268)],
                (0, 4, 14, 16),
            ),
            layer="intermediate",
            tendons=[(0.76, 1.0)],
            fibres=7,
        ),
        # Small belly from above the lateral femoral condyle, obliquely down and in across the
        # popliteal fossa; its long tendon runs on between gastrocnemius and soleus.
        MuscleArt(
            "plantaris",
            Patch(
                [(231, 1095), (224, 1096),
                 (225, 1108), (234, 1124), (246, 1139), (256, 1150),
                 (259, 1147),
                 (250, 1130), (240, 1112)],
                (0, 1, 5, 6),
            ),
            tendons=[(0.75, 1.0)],
            fibres=2,
        ),
        # From the lateral femoral condyle obliquely down and in to the back of the tibia above
        # the soleal line; border a is the upper border.
        MuscleArt(
            "popliteus",
            Patch(
                [(223, 1140), (222, 1148),
                 (238, 1172), (258, 1192), (276, 1204),
                 (281, 1186), (282, 1166),
                 (268, 1158), (250, 1150), (234, 1144)],
                (0, 1, 4, 6),
            ),
            tendons=[(0.0, 0.12)],
            fibres=4,
        ),
        # Deep posterior compartment: tibialis posterior in the middle, flexor digitorum longus
        # on the tibia (medial), flexor hallucis longus on the fibula (lateral). Border a medial.
        MuscleArt(
            "tibialis_posterior",
            Patch(
                [(258, 1206), (244, 1196), (229, 1190),
                 (228, 1218), *FHL_TP,
                 *_rev(TP_FDL)[:-1]],
                (0, 2, 9, 10),
            ),
            tendons=[(0.82, 1.0)],
            fibres=4,
        ),
        MuscleArt(
            "flexor_digitorum_longus",
            Patch(
                [(279, 1216), (268, 1209), *TP_FDL,
                 (272, 1420), (280, 1442), (284, 1458),
                 (289, 1455),
                 (288, 1430), (287, 1400), (287, 1360), (285, 1320), (283, 1280), (281, 1245)],
                (0, 2, 10, 11),
            ),
            tendons=[(0.78, 1.0)],
            fibres=3,
        ),
        MuscleArt(
            "flexor_hallucis_longus",
            Patch(
                [(230, 1246), (216, 1238),
                 (213, 1280), (213, 1330), (215, 1370), (220, 1405), (231, 1432), (246, 1452),
                 (256, 1468),
                 (262, 1466),
                 (263, 1440), (263, 1416), *_rev(FHL_TP)[:-1]],
                (0, 1, 8, 9),
            ),
            tendons=[(0.88, 1.0)],
            fibres=4,
        ),
    ]


def landmarks() -> list[LineArt]:
    return [
        # posterior iliac crest, lateral to the posterior superior iliac spine
        LineArt([(204, 650), (226, 652), (248, 662), (270, 677), (288, 692), (298, 702)],
                kind="line"),
        # PSIS dimple
        LineArt([(298, 701), (301, 704), (298, 707), (295, 704)], closed=True, kind="line"),
        # sacrum and coccyx (drawn once, on the midline)
        LineArt([(293, 703), (320, 698), (347, 703), (342, 732), (335, 757), (326, 776),
                 (320, 779), (314, 776), (305, 757), (298, 732)], closed=True, midline=True),
        LineArt([(315, 781), (320, 780), (325, 781), (323, 791), (320, 796), (317, 791)],
                closed=True, midline=True),
        # greater trochanter
        LineArt([(186, 776), (196, 770), (206, 774), (209, 790), (204, 806), (192, 810),
                 (184, 798)], closed=True),
        # iliotibial tract along the outside of the thigh
        LineArt([(184, 760), (189, 762), (190, 800), (196, 840), (204, 880), (203, 930),
                 (202, 980), (204, 1040), (207, 1100), (208, 1132), (204, 1134), (200, 1100),
                 (196, 1040), (191, 980), (185, 930), (179, 880), (176, 830), (177, 790)],
                closed=True),
        # popliteal crease
        LineArt([(216, 1144), (236, 1147), (256, 1147), (276, 1145), (290, 1141)], kind="line"),
        # head of the fibula
        LineArt([(206, 1160), (212, 1156), (217, 1162), (214, 1172), (207, 1172)], closed=True),
        # malleoli: lateral (lower, at the outside) and medial
        LineArt([(220, 1451), (225, 1447), (230, 1459), (229, 1477), (223, 1483), (219, 1469)],
                closed=True),
        LineArt([(282, 1440), (287, 1436), (290, 1448), (289, 1461), (283, 1464), (280, 1452)],
                closed=True),
        # calcaneus (back of the heel)
        LineArt([(236, 1478), (254, 1472), (272, 1478), (276, 1500), (270, 1516), (254, 1520),
                 (238, 1516), (232, 1498)], closed=True),
    ]


def zones() -> list[ZoneArt]:
    return [
        ZoneArt("sacrum", [(300, 708), (320, 704), (340, 708), (336, 742), (327, 770),
                           (320, 774), (313, 770), (304, 742)], midline=True),
        ZoneArt("coccyx", [(314, 780), (320, 776), (326, 780), (325, 794), (320, 800),
                           (315, 794)], midline=True),
        ZoneArt("sij", [(292, 710), (300, 708), (304, 730), (303, 752), (296, 752), (290, 730)]),
        ZoneArt("iliac_crest", [(209, 645), (230, 645), (256, 656), (280, 672), (300, 694),
                                (296, 710), (276, 690), (252, 673), (228, 663), (207, 662)]),
        ZoneArt("buttock", [(222, 725), (256, 716), (288, 738), (298, 780), (284, 822),
                            (250, 838), (218, 822), (204, 778)]),
        ZoneArt("gluteal_fold", [(226, 862), (262, 850), (296, 838), (310, 844), (302, 866),
                                 (268, 876), (232, 884)]),
        ZoneArt("greater_trochanter", [(184, 772), (200, 764), (214, 778), (214, 804),
                                       (200, 818), (184, 808)]),
        ZoneArt("posterior_thigh", [(232, 892), (262, 884), (284, 900), (284, 980),
                                    (276, 1060), (252, 1080), (226, 1060), (216, 980)]),
        ZoneArt("lateral_thigh", [(180, 830), (190, 826), (204, 880), (208, 980), (210, 1080),
                                  (204, 1100), (196, 1060), (186, 960), (178, 880)]),
        ZoneArt("medial_thigh", [(296, 850), (306, 840), (308, 900), (304, 990), (298, 1070),
                                 (290, 1064), (292, 990), (292, 900)]),
        ZoneArt("posterior_knee", [(226, 1110), (250, 1100), (278, 1110), (284, 1142),
                                   (270, 1172), (248, 1180), (226, 1170), (218, 1142)]),
        ZoneArt("calf", [(214, 1200), (246, 1188), (280, 1200), (288, 1260), (280, 1330),
                         (250, 1356), (220, 1330), (208, 1262)]),
        ZoneArt("medial_leg", [(284, 1250), (292, 1262), (294, 1340), (290, 1420), (282, 1432),
                               (280, 1360), (281, 1290)]),
        ZoneArt("lateral_leg", [(202, 1200), (209, 1196), (213, 1280), (218, 1380),
                                (223, 1434), (217, 1438), (209, 1380), (201, 1280)]),
        ZoneArt("achilles", [(244, 1392), (262, 1392), (266, 1430), (266, 1470), (254, 1476),
                             (242, 1470), (241, 1430)]),
        ZoneArt("heel", [(238, 1480), (254, 1476), (270, 1480), (274, 1500), (268, 1512),
                         (254, 1515), (240, 1512), (234, 1500)]),
        ZoneArt("plantar_heel", [(240, 1512), (254, 1510), (268, 1512), (266, 1519),
                                 (254, 1521), (242, 1519)]),
        ZoneArt("lateral_malleolus", [(218, 1450), (225, 1440), (234, 1455), (233, 1480),
                                      (224, 1490), (217, 1474)]),
        ZoneArt("medial_malleolus", [(278, 1440), (286, 1430), (291, 1444), (290, 1464),
                                     (283, 1470), (276, 1456)]),
    ]
# fmt: on
