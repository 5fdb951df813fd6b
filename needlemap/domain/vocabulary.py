"""Controlled vocabularies of the clinical record.

Values are stored as their lowercase strings, so the database stays readable and a new member can
be added without a migration. Each member carries the label a practitioner reads; patient-facing
wording lives with the report, not here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A string enum whose members also carry a display label: ``LEFT = "left", "Left"``."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value.replace("_", " ").capitalize()
        return member

    @classmethod
    def parse(cls, raw: str | Self, *, field: str) -> Self:
        """Accept a member or its value; refuse anything else with a message naming the choices."""
        from needlemap.domain.errors import ValidationError  # noqa: PLC0415 (avoid a cycle)

        if isinstance(raw, cls):
            return raw
        try:
            return cls(str(raw).strip().lower())
        except ValueError:
            choices = ", ".join(member.value for member in cls)
            raise ValidationError(
                f"{field.replace('_', ' ').capitalize()} must be one of: {choices} (got {raw!r}).",
                field=field,
            ) from None


class Side(LabelledEnum):
    """Always the patient's side, never the viewer's."""

    LEFT = "left", "Left"
    RIGHT = "right", "Right"
    MIDLINE = "midline", "Midline"


class Layer(LabelledEnum):
    SUPERFICIAL = "superficial", "Superficial"
    INTERMEDIATE = "intermediate", "Intermediate"
    DEEP = "deep", "Deep"

    @property
    def depth_rank(self) -> int:
        """Superficial first: the order hits are listed in."""
        return list(Layer).index(self)


class Sex(LabelledEnum):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    OTHER = "other", "Other"
    UNKNOWN = "unknown", "Not recorded"


class SessionStatus(LabelledEnum):
    DRAFT = "draft", "Draft"
    SIGNED = "signed", "Signed"


class PatientPosition(LabelledEnum):
    PRONE = "prone", "Prone"
    SUPINE = "supine", "Supine"
    SIDE_LYING_LEFT = "side_lying_left", "Side-lying on left side"
    SIDE_LYING_RIGHT = "side_lying_right", "Side-lying on right side"
    SITTING = "sitting", "Sitting"
    SEMI_RECLINED = "semi_reclined", "Semi-reclined"


class ConsentMethod(LabelledEnum):
    WRITTEN = "written", "Written"
    VERBAL = "verbal", "Verbal"


class Technique(LabelledEnum):
    DEEP_FAST_IN_OUT = "deep_fast_in_out", "Deep, fast in-and-out (pistoning)"
    STATIC = "static", "Static (needle retained)"
    ROTATION = "rotation", "Rotation / winding"
    SUPERFICIAL = "superficial", "Superficial dry needling"
    ELECTRICAL = "electrical", "Electrical dry needling"


class PatientResponse(LabelledEnum):
    """What the patient reported during needling; two of these mean withdraw and reassess."""

    TOLERATED = "tolerated", "Tolerated well"
    DEEP_ACHE = "deep_ache", "Deep ache"
    CRAMPING = "cramping", "Cramping"
    SHARP = "sharp", "Sharp pain"
    ELECTRIC = "electric", "Electric / shooting (nerve?)"
    BURNING = "burning", "Stinging / burning (vessel?)"
    VASOVAGAL = "vasovagal", "Light-headed / vasovagal"
    OTHER = "other", "Other (see notes)"


class AdverseEventType(LabelledEnum):
    BRUISING = "bruising", "Bruising"
    BLEEDING = "bleeding", "Bleeding"
    PAIN_DURING = "pain_during", "Pain during needling"
    PAIN_AFTER = "pain_after", "Pain after needling"
    AGGRAVATION = "aggravation", "Aggravation of symptoms"
    DROWSINESS = "drowsiness", "Drowsiness / fatigue"
    HEADACHE = "headache", "Headache"
    NAUSEA = "nausea", "Nausea"
    FAINTING = "fainting", "Fainting / vasovagal reaction"
    PNEUMOTHORAX = "pneumothorax", "Pneumothorax"
    NERVE_INJURY = "nerve_injury", "Nerve injury"
    INFECTION = "infection", "Infection"
    FORGOTTEN_NEEDLE = "forgotten_needle", "Forgotten needle"
    OTHER = "other", "Other"


class SeverityScheme(LabelledEnum):
    """The classification a severity belongs to; the literature uses several."""

    WHITE = "white", "White et al. (mild / significant / serious)"
    CARNES = "carnes", "Carnes et al. (mild / moderate / major)"
    BOYCE = "boyce", "Boyce (minor / major)"
    BRADY = "brady", "Brady et al. (mild / significant)"

    @property
    def grades(self) -> tuple[str, ...]:
        return _SEVERITY_GRADES[self]


_SEVERITY_GRADES: dict[SeverityScheme, tuple[str, ...]] = {
    SeverityScheme.WHITE: ("mild", "significant", "serious"),
    SeverityScheme.CARNES: ("mild", "moderate", "major"),
    SeverityScheme.BOYCE: ("minor", "major"),
    SeverityScheme.BRADY: ("mild", "significant"),
}


class OutcomeTiming(LabelledEnum):
    PRE = "pre", "Before treatment"
    POST = "post", "After treatment"
    FOLLOW_UP = "follow_up", "Follow-up"


class Instrument(LabelledEnum):
    """Outcome instruments; the unit is the one a measurement defaults to."""

    NPRS = "nprs", "Numeric pain rating (NPRS 0–10)"
    VAS = "vas", "Visual analogue scale (0–100 mm)"
    PPT = "ppt", "Pressure pain threshold"
    ROM = "rom", "Range of motion"
    PSFS = "psfs", "Patient-Specific Functional Scale"
    NDI = "ndi", "Neck Disability Index"
    ODI = "odi", "Oswestry Disability Index"
    UEFI = "uefi", "Upper Extremity Functional Index"
    LEFS = "lefs", "Lower Extremity Functional Scale"
    SORENESS = "soreness", "Post-needling soreness (VAS)"
    OTHER = "other", "Other"

    @property
    def default_unit(self) -> str:
        return _DEFAULT_UNITS.get(self, "")


_DEFAULT_UNITS: dict[Instrument, str] = {
    Instrument.NPRS: "points",
    Instrument.VAS: "mm",
    Instrument.PPT: "kg/cm²",
    Instrument.ROM: "°",
    Instrument.PSFS: "points",
    Instrument.NDI: "%",
    Instrument.ODI: "%",
    Instrument.UEFI: "points",
    Instrument.LEFS: "points",
    Instrument.SORENESS: "mm",
}


class Limb(LabelledEnum):
    """A limb or body area that can be lymphoedematous (after node clearance, for instance)."""

    RIGHT_ARM = "right_arm", "Right arm"
    LEFT_ARM = "left_arm", "Left arm"
    RIGHT_LEG = "right_leg", "Right leg"
    LEFT_LEG = "left_leg", "Left leg"
    RIGHT_TRUNK = "right_trunk", "Right chest wall, breast and trunk"
    LEFT_TRUNK = "left_trunk", "Left chest wall, breast and trunk"
    HEAD_NECK = "head_neck", "Head and neck"


class FindingKind(LabelledEnum):
    ABSOLUTE = "absolute", "Absolute contraindication"
    RELATIVE = "relative", "Relative contraindication / precaution"
