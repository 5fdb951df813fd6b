"""The head and neck inset: both sides of the head, face, neck and shoulder top in profile.

The view is 1100 × 620. The template half x < 550 shows the patient's RIGHT side seen from the
right, the face turned towards the centre line x = 550; the builder mirrors it (silhouette
included) into the patient's LEFT side on the right half, so the two faces look at each other.

Every control point below is written in profile coordinates: ``y`` is the view's y, and ``x``
is measured forwards from the glabella (the most forward point of the brow), so the face is
at x ≈ 0…+25 and the back of the head at x ≈ −260. The points are written for a head 300 units
from vertex (y = 30) to chin (y = 330), about 13 units per centimetre; ``_at`` scales them by
``SCALE`` about the vertex and places the glabella at ``GLABELLA_X``. The ear lobe sits above
the acromion (the plumb line of good posture).

Patch convention in this view (see the package docstring and trigger_points.toml): fibres
running roughly vertically take the border nearer the midline as border a, which seen from the
side is the FRONT one on the face and the front of the neck and the BACK one on the back of
the head and neck; fibres running obliquely or horizontally take the UPPER border as border a.
The midline zones (vertex, chin, throat, sternum) are drawn once, on this template head.
"""

from __future__ import annotations

from collections.abc import Sequence

from needlemap.anatomy.artwork.kit import Cubic, Patch, Point, catmull_rom
from needlemap.anatomy.artwork.model import LineArt, MuscleArt, ViewArt, ZoneArt

VIEW_ID = "head_neck"
AXIS = 550.0
GLABELLA_X = 462.0
SCALE = 1.15
TOP = 24.0  # view y of the vertex
NECK = (290.0, 440.0, 20.0)  # the neck between these written heights is drawn this much shorter

# Seen from the side the anterior scalene hides behind the SCM except just above the clavicle,
# where its TrP is needled from behind the SCM's posterior border.
TRIGGER_POINT_UV: dict[tuple[str, str], tuple[float, float]] = {
    ("scalenus_anterior", "TrP1"): (0.85, 0.8),
}


def _at(points: Sequence[Point]) -> list[Point]:
    """Profile coordinates → view coordinates of the template (right-side) head."""
    return [(GLABELLA_X + SCALE * x, TOP + SCALE * (_neck(y) - 30)) for x, y in points]


def _neck(y: float) -> float:
    """Shorten the neck a little (the points below it were written for a longer one)."""
    low, high, less = NECK
    if y <= low:
        return y
    if y >= high:
        return y - less
    return low + (y - low) * (high - low - less) / (high - low)


def _patch(points: Sequence[Point], corners: tuple[int, int, int, int]) -> Patch:
    return Patch(_at(points), corners)


# fmt: off
# The outline of the bust in profile, clockwise from the vertex: forehead, nose, lips, chin,
# throat, front of the chest, the cut across the chest, the upper back, the nape and occiput.
PROFILE: tuple[Point, ...] = (
    (-130, 30), (-95, 33), (-62, 44), (-35, 62), (-16, 86), (-5, 112), (0, 133),
    (2, 148),                                                   # glabella
    (-2, 160), (-7, 168),                                       # nasion
    (-3, 177), (5, 192), (14, 207), (23, 220), (28, 227),       # dorsum to tip of the nose
    (26, 235), (16, 240), (4, 244),                             # columella, subnasale
    (3, 251), (7, 259), (5, 265), (1, 269),                     # upper lip
    (5, 275), (7, 281), (1, 289), (-5, 294),                    # lower lip, labiomental fold
    (-2, 303), (0, 312), (-4, 323), (-14, 331),                 # chin
    (-30, 336), (-50, 340), (-68, 346), (-75, 352),             # under the chin to the throat
    (-71, 368), (-66, 383), (-64, 400), (-58, 420), (-50, 436),  # front of the neck
    (-46, 448), (-38, 470), (-29, 495), (-23, 516), (-22, 532),  # chest
    (-34, 543), (-100, 549), (-160, 549), (-215, 546), (-247, 538),  # cut
    (-257, 520), (-256, 490), (-248, 455), (-238, 425),         # upper back
    (-230, 400), (-224, 375), (-220, 345), (-220, 315), (-224, 290),         # nape
    (-232, 268), (-244, 245), (-253, 222),                      # occiput, inion
    (-258, 195), (-260, 165), (-257, 140), (-250, 116), (-236, 90), (-213, 63),
    (-185, 44), (-160, 34),
)

# Shared borders (top to bottom unless noted), each used by both neighbours.
# Sternocleidomastoid: front border (shared with the platysma) and the line between its heads.
SCM_FRONT = [(-162, 258), (-147, 282), (-132, 306), (-121, 325), (-98, 367), (-77, 404),
             (-57, 434)]
SCM_HEADS = [(-181, 281), (-171, 289), (-156, 305), (-138, 331), (-118, 362), (-100, 392),
             (-84, 418), (-66, 441)]
# Frontalis above, orbicularis oculi below (front to back), and the temporal line (top down).
BROW = [(-8, 155), (-16, 150), (-28, 147), (-41, 151), (-52, 160)]
TEMPORAL_LINE_FRONT = [(-86, 80), (-70, 100), (-61, 124), (-56, 146), (-52, 160)]
# Lower border of the masseter on the mandible, from the angle forwards (platysma below it).
MANDIBLE_LOWER = [(-117, 284), (-106, 294), (-90, 300), (-74, 304)]
# fmt: on


def silhouette() -> list[Cubic]:
    return catmull_rom(_at(PROFILE), closed=True)


def _rev(points: Sequence[Point]) -> list[Point]:
    return list(reversed(points))


def muscles() -> list[MuscleArt]:
    # fmt: off
    return [
        # --- Scalp and face -------------------------------------------------------------
        # Temporalis: fan from the temporal line down to the coronoid, disappearing under the
        # zygomatic arch. Border a = anterior border; the origin runs over the top, front to back.
        MuscleArt(
            "temporalis",
            _patch([(-59, 150), (-62, 126), (-71, 102), (-87, 82), (-112, 70), (-145, 66),
                    (-178, 76), (-200, 98), (-209, 124), (-206, 150),
                    (-189, 151), (-172, 148), (-155, 151), (-143, 160), (-135, 173),
                    (-127, 186), (-118, 196),
                    (-100, 197), (-76, 197),
                    (-69, 184), (-63, 168)],
                   (0, 9, 16, 18)),
            tendons=[(0.9, 1.0)], fibres=8,
        ),
        # Frontalis: from the galea down to the skin of the brow. Border a = the front.
        MuscleArt(
            "frontalis",
            _patch([(-36, 70), (-60, 70), *TEMPORAL_LINE_FRONT,
                    *_rev(BROW)[1:],
                    (-3, 135), (-8, 113), (-18, 90)],
                   (0, 2, 6, 10)),
            tendons=[(0.0, 0.14)], fibres=6,
        ),
        # Occipitalis: from the superior nuchal line up into the galea. Border a = the back.
        MuscleArt(
            "occipitalis",
            _patch([(-252, 212), (-233, 212), (-212, 208),
                    (-206, 190), (-208, 170), (-216, 156),
                    (-235, 150), (-254, 151),
                    (-257, 170), (-256, 193)],
                   (0, 2, 5, 7)),
            tendons=[(0.82, 1.0)], fibres=5,
        ),
        # Orbicularis oculi: a ring round the eye, open at the medial canthus (towards the
        # nose). u runs round the ring from above the eye, v from the lid edge (a) outwards (b).
        MuscleArt(
            "orbicularis_oculi",
            _patch([(-14, 175), *BROW, (-57, 176), (-55, 192), (-47, 204), (-33, 210),
                    (-17, 208), (-3, 199),
                    (-14, 183), (-21, 188.5), (-30, 190), (-40, 185), (-44, 178), (-38, 170.5),
                    (-28, 168), (-19, 170)],
                   (0, 1, 11, 12)),
            fibres=4,
        ),
        # Zygomaticus major: cheekbone down and forwards to the corner of the mouth.
        MuscleArt(
            "zygomaticus_major",
            _patch([(-42, 213), (-56, 217), (-51, 234), (-42, 253), (-29, 273),
                    (-20, 267), (-27, 248), (-35, 228)],
                   (0, 1, 4, 5)),
            fibres=3,
        ),
        # Masseter, superficial part: lower border of the zygomatic arch (anterior two thirds)
        # down and back to the angle and the lower ramus. Border a = the front border.
        MuscleArt(
            "masseter_superficial",
            _patch([(-59, 214), (-80, 213), (-101, 212),
                    (-108, 230), (-115, 248), (-121, 262),
                    (-120, 273), *MANDIBLE_LOWER,
                    (-71, 281), (-67, 257), (-63, 234)],
                   (0, 2, 5, 10)),
            tendons=[(0.0, 0.08)], fibres=7,
        ),
        # Masseter, deep part: posterior arch straight down to the upper ramus, in front of
        # the jaw joint; seen behind the superficial part.
        MuscleArt(
            "masseter_deep",
            _patch([(-90, 212), (-108, 211), (-125, 211),
                    (-126, 225), (-125, 240), (-123, 254),
                    (-108, 258), (-92, 256),
                    (-90, 235)],
                   (0, 2, 5, 7)),
            fibres=5,
        ),
        # Buccinator: pterygomandibular raphe forwards to the corner of the mouth; the upper
        # and lower borders follow the alveolar processes. Border a = upper.
        MuscleArt(
            "buccinator",
            _patch([(-82, 244), (-84, 266), (-84, 290),
                    (-65, 293), (-45, 288), (-30, 281), (-24, 277),
                    (-22, 266),
                    (-32, 258), (-50, 251), (-68, 246)],
                   (0, 2, 6, 7)),
            fibres=5,
        ),
        # Lateral pterygoid: sphenoid and lateral pterygoid plate back to the neck of the
        # condyle and the joint disc, deep to the mandibular notch. Border a = upper.
        MuscleArt(
            "lateral_pterygoid",
            _patch([(-74, 214), (-72, 225), (-74, 236),
                    (-92, 234), (-110, 228), (-126, 222),
                    (-126, 214),
                    (-108, 213), (-90, 213)],
                   (0, 2, 5, 6)),
            fibres=4,
        ),
        # Medial pterygoid: pterygoid fossa down and back to the inner face of the angle,
        # behind the ramus (parallel to the superficial masseter). Border a = anterior.
        MuscleArt(
            "medial_pterygoid",
            _patch([(-75, 264), (-72, 252), (-71, 241),
                    (-96, 249), (-121, 261),
                    (-117, 276), (-110, 287), (-98, 292),
                    (-86, 280)],
                   (0, 2, 4, 7)),
            fibres=5,
        ),
        # --- Under the jaw ------------------------------------------------------------------
        # Digastric, anterior belly: digastric fossa of the mandible back to the intermediate
        # tendon at the hyoid. Border a = upper.
        MuscleArt(
            "digastric_anterior",
            _patch([(-23, 320), (-22, 327),
                    (-35, 332), (-52, 336), (-67, 341),
                    (-66, 333),
                    (-50, 328), (-34, 323)],
                   (0, 1, 4, 5)),
            tendons=[(0.82, 1.0)], fibres=3,
        ),
        # Digastric, posterior belly: mastoid notch down and forwards, just behind and below
        # the angle of the jaw, to the intermediate tendon. Border a = upper.
        MuscleArt(
            "digastric_posterior",
            _patch([(-170, 257), (-175, 261), (-180, 265),
                    (-158, 285), (-128, 304), (-100, 326), (-74, 341),
                    (-72, 334),
                    (-98, 316), (-125, 293), (-150, 272)],
                   (0, 2, 6, 7)),
            tendons=[(0.8, 1.0)], fibres=3,
        ),
        # --- Neck ---------------------------------------------------------------------------
        # Sternocleidomastoid, sternal head: the tendon on the manubrium up and back to the
        # mastoid and the superior nuchal line; superficial over the clavicular head above
        # mid-neck. Border a = the front border.
        MuscleArt(
            "scm_sternal",
            _patch([(-57, 434), (-61, 438), *SCM_HEADS[::-1],
                    (-193, 262), (-199, 246), (-204, 233), (-207, 222),
                    (-195, 224), (-183, 233), (-171, 246), *SCM_FRONT[:-1]],
                   (0, 2, 13, 17)),
            tendons=[(0.0, 0.12)], fibres=5,
        ),
        # Sternocleidomastoid, clavicular head: medial third of the clavicle up behind the
        # sternal head, passing deep to it at mid-neck. Border a = the front (shared) border.
        MuscleArt(
            "scm_clavicular",
            _patch([(-66, 441), (-82, 441), (-98, 440),
                    (-124, 408), (-147, 372), (-168, 330), (-179, 302), (-186, 287),
                    *SCM_HEADS[:-1]],
                   (0, 2, 7, 8)),
            tendons=[(0.0, 0.06)], fibres=4,
        ),
        # Platysma: the sheet in front of the sternocleidomastoid (it rises from the fascia
        # of the upper chest over the SCM, which is drawn on top here), up and forwards to the
        # lower border of the mandible. Border a = the front (throat) border.
        MuscleArt(
            "platysma",
            _patch([(-60, 421), (-63, 426), *_rev(SCM_FRONT)[1:5],
                    *MANDIBLE_LOWER,
                    (-56, 307), (-38, 313), (-21, 320),
                    (-32, 332), (-50, 337),
                    (-66, 343), (-77, 350), (-74, 368), (-69, 383), (-66, 400), (-63, 410)],
                   (0, 1, 6, 12)),
            fibres=6,
        ),
        # Scalenus anterior: anterior tubercles C3–C6 down and forwards to the first rib,
        # behind the clavicle. Border a = the front border.
        MuscleArt(
            "scalenus_anterior",
            _patch([(-150, 316), (-148, 334), (-147, 354), (-149, 374),
                    (-140, 400), (-128, 431),
                    (-115, 432), (-103, 433),
                    (-108, 420), (-120, 392), (-136, 350)],
                   (0, 3, 5, 7)),
            fibres=4,
        ),
        # Scalenus medius: posterior tubercles C4–C7 (its upper slips lie under the levator)
        # down to the first rib. Border a = the front border.
        MuscleArt(
            "scalenus_medius",
            _patch([(-155, 343), (-156, 359), (-157, 376), (-159, 393),
                    (-153, 412), (-148, 430),
                    (-138, 431), (-128, 431),
                    (-136, 402), (-145, 372)],
                   (0, 3, 5, 7)),
            fibres=4,
        ),
        # Scalenus posterior: posterior tubercles C4–C6 down to the second rib, behind the
        # medius. Border a = the front border.
        MuscleArt(
            "scalenus_posterior",
            _patch([(-158, 340), (-158, 358), (-160, 375),
                    (-166, 395), (-168, 415), (-165, 428),
                    (-150, 430),
                    (-152, 400), (-155, 370)],
                   (0, 2, 5, 6)),
            fibres=3,
        ),
        # Levator scapulae: transverse processes C1–C4 down and back to the superior angle of
        # the scapula, under the trapezius. Border a = the upper (posterior) border.
        MuscleArt(
            "levator_scapulae",
            _patch([(-166, 292), (-163, 308), (-161, 322), (-159, 336),
                    (-170, 372), (-184, 405), (-195, 432), (-201, 446),
                    (-212, 441),
                    (-205, 415), (-195, 382), (-183, 346), (-172, 314)],
                   (0, 3, 7, 8)),
            fibres=4,
        ),
        # Splenius capitis: nuchal ligament and spines C3–T3 up and forwards to the mastoid
        # and the lateral superior nuchal line. Border a = the upper border.
        MuscleArt(
            "splenius_capitis",
            _patch([(-212, 300), (-209, 330), (-211, 360), (-216, 390), (-224, 420),
                    (-232, 448),
                    (-219, 440), (-210, 414), (-200, 382), (-188, 346), (-177, 314),
                    (-182, 290), (-187, 272), (-190, 256),
                    (-197, 241), (-206, 230), (-216, 224),
                    (-214, 262)],
                   (0, 5, 13, 16)),
            fibres=5,
        ),
        # Suboccipitals (recti capitis posteriores, obliqui capitis), as one region between
        # the occiput, the atlas and the axis. Border a = the back.
        MuscleArt(
            "suboccipitals",
            _patch([(-221, 280), (-203, 283), (-185, 276), (-168, 266),
                    (-170, 252), (-180, 238),
                    (-205, 232), (-228, 232), (-239, 237),
                    (-232, 258)],
                   (0, 3, 5, 8)),
            fibres=4,
        ),
        # Trapezius, upper part: occiput and nuchal ligament down to C7–T1, forwards to the
        # lateral third of the clavicle and the acromion. Border a = the upper, free anterior
        # border that bounds the posterior triangle of the neck.
        MuscleArt(
            "trapezius_upper",
            _patch([(-232, 217), (-244, 216), (-250, 224), (-242, 247), (-230, 268),
                    (-221, 290),
                    (-217, 315), (-217, 345), (-221, 375), (-226, 400), (-234, 425),
                    (-244, 452),
                    (-224, 455), (-205, 453), (-191, 447), (-181, 438),
                    (-162, 430), (-145, 427), (-128, 428),
                    (-148, 417), (-170, 400), (-188, 374), (-200, 335), (-210, 290),
                    (-223, 250)],
                   (0, 11, 15, 18)),
            fibres=7,
        ),
    ]
    # fmt: on


def landmarks() -> list[LineArt]:
    # fmt: off
    return [
        # mandible
        LineArt(_at([(-132, 200), (-137, 206), (-131, 216), (-127, 235), (-123, 255),
                     (-119, 272), (-113, 286), (-103, 295), (-85, 301), (-60, 307),
                     (-38, 314), (-22, 321), (-12, 320), (-7, 308), (-8, 296), (-11, 285),
                     (-30, 283), (-55, 282), (-72, 278), (-80, 262), (-86, 242), (-91, 224),
                     (-96, 207), (-100, 206), (-106, 218), (-114, 223), (-122, 217),
                     (-127, 207)]), closed=True),
        # zygomatic bone and arch
        LineArt(_at([(-44, 186), (-40, 200), (-42, 214), (-60, 213), (-90, 212), (-122, 211),
                     (-131, 204), (-120, 197), (-90, 198), (-66, 197), (-56, 186),
                     (-50, 170)]), closed=True),
        # mastoid process
        LineArt(_at([(-176, 236), (-170, 250), (-175, 266), (-183, 261), (-190, 246),
                     (-186, 235)]), closed=True),
        # clavicle and acromion
        LineArt(_at([(-48, 438), (-70, 435), (-95, 432), (-120, 428), (-140, 425),
                     (-160, 425), (-178, 429), (-182, 435), (-165, 438), (-142, 436),
                     (-120, 438), (-95, 443), (-70, 447), (-53, 448)]), closed=True),
        # temporomandibular joint
        LineArt(_at([(-131, 200), (-125, 204), (-126, 211), (-132, 213), (-137, 208),
                     (-136, 202)]), closed=True, kind="line"),
        # ear: helix and lobule, antihelix
        LineArt(_at([(-141, 182), (-144, 170), (-151, 162), (-162, 159), (-174, 162),
                     (-183, 171), (-187, 185), (-186, 202), (-181, 217), (-174, 231),
                     (-166, 242), (-158, 249), (-150, 248), (-146, 240), (-146, 231),
                     (-142, 225), (-139, 216), (-138, 205), (-140, 195)]),
                closed=True, kind="line"),
        LineArt(_at([(-150, 188), (-149, 173), (-158, 165), (-172, 166), (-180, 176),
                     (-182, 194), (-178, 212), (-170, 228)]), kind="line"),
        LineArt(_at([(-154, 230), (-165, 220), (-171, 204), (-170, 188), (-163, 175)]),
                kind="line"),
        LineArt(_at([(-169, 189), (-160, 185), (-152, 190)]), kind="line"),
        LineArt(_at([(-144, 204), (-148, 212), (-146, 220)]), kind="line"),
        # eye, nostril, mouth
        LineArt(_at([(-38, 179), (-29, 173.5), (-20, 174.5), (-14, 179), (-19, 184.5),
                     (-29, 185.5)]), closed=True, kind="line"),
        LineArt(_at([(19, 239), (9, 236), (6, 228), (12, 221), (20, 224)]), kind="line"),
        LineArt(_at([(1, 270), (-8, 271), (-17, 271)]), kind="line"),
        # deltoid contour (front and back of the shoulder cap)
        LineArt(_at([(-112, 441), (-97, 462), (-91, 495), (-93, 551)]), kind="line"),
        LineArt(_at([(-200, 459), (-215, 485), (-220, 515), (-217, 548)]), kind="line"),
    ]
    # fmt: on


def zones() -> list[ZoneArt]:
    # fmt: off
    return [
        ZoneArt("vertex", _at([(-165, 42), (-125, 34), (-82, 42), (-86, 60), (-125, 55),
                               (-165, 60)]), midline=True),
        ZoneArt("occiput", _at([(-250, 128), (-222, 122), (-210, 160), (-214, 204),
                                (-250, 212), (-257, 170)])),
        ZoneArt("suboccipital", _at([(-245, 225), (-215, 222), (-195, 235), (-205, 262),
                                     (-228, 272), (-240, 250)])),
        ZoneArt("temple", _at([(-110, 115), (-80, 110), (-68, 140), (-82, 180), (-110, 182),
                               (-125, 150)])),
        ZoneArt("forehead", _at([(-50, 80), (-20, 86), (-5, 115), (-6, 140), (-40, 142),
                                 (-58, 112)])),
        ZoneArt("eyebrow", _at([(-54, 158), (-40, 146), (-20, 143), (-5, 150), (-18, 156),
                                (-40, 156)])),
        ZoneArt("orbit", _at([(-45, 178), (-36, 165), (-18, 164), (-8, 176), (-16, 191),
                              (-36, 192)])),
        ZoneArt("ear", _at([(-140, 178), (-160, 155), (-186, 166), (-192, 205), (-172, 246),
                            (-148, 250), (-136, 215)])),
        ZoneArt("mastoid", _at([(-172, 232), (-186, 236), (-190, 254), (-176, 266),
                                (-164, 256)])),
        ZoneArt("cheek", _at([(-70, 218), (-42, 214), (-32, 236), (-42, 262), (-68, 258)])),
        ZoneArt("maxilla", _at([(-44, 206), (-16, 206), (-2, 228), (-10, 248), (-36, 250),
                                (-50, 230)])),
        ZoneArt("tmj", _at([(-131, 195), (-120, 201), (-121, 214), (-132, 219), (-141, 208)])),
        ZoneArt("upper_teeth", _at([(-72, 262), (-40, 259), (-8, 260), (-4, 270), (-40, 274),
                                    (-72, 274)])),
        ZoneArt("lower_teeth", _at([(-74, 277), (-40, 277), (-6, 276), (-8, 288), (-40, 290),
                                    (-72, 289)])),
        ZoneArt("angle_of_jaw", _at([(-122, 270), (-108, 276), (-102, 296), (-116, 303),
                                     (-128, 290)])),
        ZoneArt("chin", _at([(-22, 296), (-6, 292), (-2, 312), (-12, 327), (-28, 320)]),
                midline=True),
        ZoneArt("throat", _at([(-90, 330), (-58, 336), (-79, 352), (-76, 378), (-92, 386),
                               (-100, 356)]), midline=True),
        ZoneArt("posterior_neck", _at([(-219, 282), (-200, 288), (-196, 340), (-202, 392),
                                       (-223, 398), (-214, 340)])),
        ZoneArt("posterolateral_neck", _at([(-205, 290), (-180, 300), (-168, 350),
                                            (-178, 400), (-205, 395), (-200, 340)])),
        ZoneArt("lateral_neck", _at([(-168, 300), (-140, 300), (-120, 350), (-120, 405),
                                     (-150, 405), (-168, 350)])),
        ZoneArt("anterior_neck", _at([(-100, 372), (-74, 372), (-66, 400), (-60, 428),
                                      (-84, 432), (-104, 404)])),
        ZoneArt("angle_of_neck", _at([(-226, 405), (-200, 398), (-182, 420), (-196, 442),
                                      (-226, 440)])),
        ZoneArt("acromion", _at([(-182, 420), (-155, 414), (-130, 422), (-140, 442),
                                 (-178, 446)])),
        ZoneArt("sternum", _at([(-50, 442), (-40, 462), (-28, 498), (-22, 526), (-34, 530),
                                (-44, 500), (-54, 465)]), midline=True),
        ZoneArt("anterior_chest", _at([(-58, 458), (-84, 462), (-96, 490), (-88, 520),
                                       (-48, 522), (-40, 490)])),
        ZoneArt("anterior_shoulder", _at([(-100, 452), (-120, 452), (-126, 482),
                                          (-116, 512), (-98, 510), (-93, 480)])),
        ZoneArt("lateral_shoulder", _at([(-128, 448), (-176, 448), (-188, 478), (-174, 508),
                                         (-136, 508), (-124, 478)])),
        ZoneArt("posterior_shoulder", _at([(-192, 462), (-214, 470), (-222, 500),
                                           (-212, 526), (-190, 520), (-184, 490)])),
    ]
    # fmt: on


LABEL = _at([(-262, 64)])[0]


def art() -> ViewArt:
    return ViewArt(
        view_id=VIEW_ID,
        template_side="right",
        mirror_axis=AXIS,
        silhouette=silhouette(),
        muscles=muscles(),
        zones=zones(),
        landmarks=landmarks(),
        side_labels=(LABEL, (2 * AXIS - LABEL[0], LABEL[1])),
        mirror_silhouette=True,
        single_side=False,
        trigger_point_uv=dict(TRIGGER_POINT_UV),
    )
