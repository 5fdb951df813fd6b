"""Outlines shared by the hand and foot insets: one adult hand and one adult foot.

Both hand views draw the same outline, thumb on the viewer's left and fingers up: the palm of
the RIGHT hand seen from the front and the back of the LEFT hand seen from behind are the same
shape. Both foot views likewise share a foot, big toe on the viewer's right and toes up: the sole
of the LEFT foot seen from below and the top of the RIGHT foot seen from above. The dorsal foot
view swaps the heel for the ankle and a stub of the leg.

Hand scale: about 24 units per cm (wrist crease y = 512, tip of the middle finger y = 52).
Foot scale: about 21 units per cm (tip of the big toe y = 76, back of the heel y = 636).
"""

from __future__ import annotations

import math

from needlemap.anatomy.artwork.kit import Point

# The point lists below are laid out by hand, one edge of a patch per line.
# fmt: off


def _unit(angle_deg: float) -> tuple[Point, Point]:
    """Direction (towards the tip) for a digit leaning ``angle_deg`` from vertical (+ = right),
    and its left-hand normal on screen."""
    a = math.radians(angle_deg)
    d = (math.sin(a), -math.cos(a))
    return d, (d[1], -d[0])


def _at(base: Point, d: Point, n: Point, along: float, across: float) -> Point:
    return (base[0] + d[0] * along + n[0] * across, base[1] + d[1] * along + n[1] * across)


class Digit:
    """A finger, thumb or toe: an axis from its base (web level) to its tip."""

    def __init__(self, base: Point, angle: float, length: float, width: float, tip: float,
                 pad: float = 0.0) -> None:
        self.base, self.angle, self.length = base, angle, length
        self.width, self.tip_width, self.pad = width, tip, pad
        self.d, self.n = _unit(angle)

    def at(self, t: float, across: float = 0.0) -> Point:
        """The point a fraction ``t`` up the axis, ``across`` units to the left (+) or right."""
        return _at(self.base, self.d, self.n, t * self.length, across)

    def half(self, t: float) -> float:
        w0, w1 = self.width / 2, self.tip_width / 2
        return w0 + (w1 - w0) * min(t / 0.8, 1.0)

    def left(self) -> list[Point]:
        """The left side, base up to where the tip's round begins."""
        return [self.at(t, self.half(t) + (self.pad if 0.3 < t < 0.6 else 0.0))
                for t in (0.0, 0.45, 0.78)]

    def right(self) -> list[Point]:
        """The right side, from where the tip's round ends down to the base."""
        return [self.at(t, -self.half(t)) for t in (0.78, 0.45, 0.0)]

    def round_tip(self) -> list[Point]:
        r = self.tip_width / 2
        centre = self.length - r
        out = []
        for deg in (35, 70, 90, 110, 145):
            th = math.radians(deg)
            out.append(_at(self.base, self.d, self.n, centre + r * math.sin(th), r * math.cos(th)))
        return out

    def outline(self) -> list[Point]:
        return [*self.left(), *self.round_tip(), *self.right()]

    def nail(self, size: float = 0.62) -> list[Point]:
        """A small nail outline near the tip (dorsal views)."""
        r = self.tip_width / 2 * size
        top = self.length - self.tip_width * 0.18
        low = top - self.tip_width * 0.95
        return [
            self.at(low / self.length, r), self.at((top - r * 0.4) / self.length, r * 1.02),
            self.at(top / self.length, 0.0), self.at((top - r * 0.4) / self.length, -r * 1.02),
            self.at(low / self.length, -r),
        ]

    def crease(self, t: float, inset: float = 3.0) -> list[Point]:
        h = self.half(t) - inset
        return [self.at(t, h), self.at(t + 0.004, 0.0), self.at(t, -h)]


# --- the hand (thumb on the viewer's left, fingers up) ---------------------------------------

THUMB = Digit((150, 386), -48, 140, 56, 44, pad=3)
INDEX = Digit((196, 272), -7, 178, 44, 37)
MIDDLE = Digit((243, 256), -1, 200, 45, 38)
RING = Digit((289, 266), 5, 184, 42, 36)
LITTLE = Digit((331, 294), 9, 146, 37, 31)
FINGERS = (INDEX, MIDDLE, RING, LITTLE)

WRIST_Y = 512.0
HAND_RADIAL: list[Point] = [(203, 636), (205, 590), (207, 548), (206, 520),   # forearm, wrist
                            (190, 497), (168, 472), (147, 444), (131, 414)]  # thenar
HAND_ULNAR: list[Point] = [(368, 336), (378, 375), (382, 420), (378, 462),   # hypothenar
                           (366, 492), (356, 514), (353, 546), (355, 590),   # wrist, forearm
                           (357, 636)]
# the web spaces (skin folds between the digits)
WEB_1: list[Point] = [(142, 337), (162, 334), (176, 320), (180, 298)]
WEBS = [(221, 275), (266, 265), (311, 283)]


def hand_outline() -> list[Point]:
    """The whole hand, clockwise from the bottom of the forearm on the radial side."""
    pts: list[Point] = [*HAND_RADIAL, *THUMB.outline()[1:-2], *WEB_1]
    for i, finger in enumerate(FINGERS):
        pts += finger.outline()[1:-1]
        if i < len(WEBS):
            pts.append(WEBS[i])
    pts += HAND_ULNAR
    pts += [(328, 641), (280, 643), (232, 641)]
    return pts


# --- the foot (big toe on the viewer's right, toes up) ---------------------------------------

HALLUX = Digit((322, 180), 2, 80, 58, 52)
TOE_2 = Digit((276, 178), -2, 60, 36, 31)
TOE_3 = Digit((242, 188), -5, 53, 34, 29)
TOE_4 = Digit((211, 202), -9, 47, 32, 27)
TOE_5 = Digit((182, 221), -14, 40, 30, 25)
LESSER_TOES = (TOE_5, TOE_4, TOE_3, TOE_2)
TOES = (TOE_5, TOE_4, TOE_3, TOE_2, HALLUX)
TOE_WEBS = [(196, 219), (226, 203), (259, 192), (294, 188)]

# the outline from the fifth toe down the lateral border, and from the big toe down the medial
FORE_LATERAL: list[Point] = [(155, 256), (147, 296), (150, 350), (156, 400)]
FORE_MEDIAL: list[Point] = [(356, 214), (362, 252), (361, 296), (354, 350), (344, 410)]
# plantar: the heel
REAR_PLANTAR: list[Point] = [(332, 470), (324, 536), (316, 588), (298, 622), (262, 636),
                             (224, 631), (193, 608), (178, 566), (168, 500), (162, 450)]
# dorsal: the ankle, the malleoli (the lateral one lower and further back) and a stub of leg
REAR_DORSAL: list[Point] = [(338, 452), (331, 488), (331, 514), (331, 540), (322, 566),
                            (315, 600), (314, 690), (250, 694), (188, 690), (188, 610),
                            (184, 578), (174, 556), (167, 532), (165, 506), (163, 476)]


def foot_outline(ankle: bool = False) -> list[Point]:
    """The foot, clockwise from the fifth toe; ``ankle`` ends it in a leg stub."""
    pts: list[Point] = TOE_5.outline()[1:-1]
    for web, toe in zip(TOE_WEBS, (TOE_4, TOE_3, TOE_2, HALLUX), strict=True):
        pts.append(web)
        pts += toe.outline()[1:-1]
    pts += HALLUX.outline()[-1:]
    pts += FORE_MEDIAL
    pts += REAR_DORSAL if ankle else REAR_PLANTAR
    pts += FORE_LATERAL[::-1]
    return pts


def digit_zone(digit: Digit, t0: float = -0.04, inset: float = 3.0) -> list[Point]:
    """A referral-zone blob covering one digit from just below its base to its tip."""
    pts = [digit.at(t, digit.half(max(t, 0.0)) - inset) for t in (t0, 0.35, 0.7)]
    r = digit.tip_width / 2 - inset
    centre = digit.length - digit.tip_width / 2
    for deg in (45, 90, 135):
        th = math.radians(deg)
        pts.append(_at(digit.base, digit.d, digit.n, centre + r * math.sin(th), r * math.cos(th)))
    pts += [digit.at(t, -(digit.half(max(t, 0.0)) - inset)) for t in (0.7, 0.35, t0)]
    return pts


# The adductor pollicis as seen from the palm (the dorsal view draws the part of it that shows
# from behind):
# a fan from the capitate and the bases of the second and third metacarpals (oblique head,
# proximal) and the shaft of the third metacarpal (transverse head, distal), converging on the
# ulnar side of the base of the thumb's proximal phalanx. Border a is the proximal border of
# the oblique head, border b the distal border of the transverse head along the web (the
# trigger-point table's convention for this muscle).
ADDUCTOR_POLLICIS: list[Point] = [
    (229, 456), (237, 440), (244, 414), (249, 382), (250, 350), (248, 322),  # origin
    (222, 325), (196, 331), (176, 339), (162, 347), (154, 359),  # transverse head, distal
    (159, 371), (165, 382),  # insertion: ulnar base of the proximal phalanx, sesamoid
    (178, 398), (196, 420), (214, 442),  # proximal border of the oblique head
]
ADDUCTOR_POLLICIS_CORNERS = (0, 5, 10, 12)


def toes_zone(inset: float = 3.0) -> list[Point]:
    """One referral-zone outline round the four lesser toes (a comb following the toes)."""
    pts: list[Point] = []
    for i, toe in enumerate(LESSER_TOES):
        if i:
            web = TOE_WEBS[i - 1]
            pts.append((web[0], web[1] + 4))
        pts += [toe.at(t, toe.half(t) - inset) for t in (0.15, 0.55)]
        r = toe.tip_width / 2 - inset
        centre = toe.length - toe.tip_width / 2
        for deg in (45, 90, 135):
            th = math.radians(deg)
            pts.append(_at(toe.base, toe.d, toe.n, centre + r * math.sin(th), r * math.cos(th)))
        pts += [toe.at(t, -(toe.half(t) - inset)) for t in (0.55, 0.15)]
    last, first = LESSER_TOES[-1], LESSER_TOES[0]
    pts += [last.at(-0.25, -(last.half(0) - inset)), first.at(-0.25, first.half(0) - inset)]
    return pts
