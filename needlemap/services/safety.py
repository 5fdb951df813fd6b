"""The safety rules every chart edit passes through, whichever front end makes it.

Before a point is saved the rules look at the session (consent), the patient's screening as of
the session (absolute and relative contraindications, a lymphoedematous limb, an electrical
implant), the muscle (its risk tags and where on the body the point lies) and what else was
needled in the session (both sides of the thorax). Each prompt is specific and asked once:
answers already given in the session are not asked again. Nothing is saved until every prompt
has an answer; every answer is saved with the point, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from needlemap.anatomy import Atlas, Muscle
from needlemap.domain.clinic_settings import ClinicSettings
from needlemap.domain.errors import ValidationError
from needlemap.domain.point import BodyLocation, NeedledPoint, PointSettings
from needlemap.domain.safety import Acknowledgement, SafetyCheck, SafetyCheckRequired, SafetyKind
from needlemap.domain.screening import Screening, ScreeningFinding
from needlemap.domain.session import Session
from needlemap.domain.vocabulary import FindingKind, Limb

MIN_REASON = 5
ARM_REGIONS = frozenset({"upper_arm", "forearm_hand"})
ARM_GROUPS = frozenset({"deltoid"})
LEG_REGIONS = frozenset({"thigh", "leg", "foot"})
TRUNK_REGIONS = frozenset({"trunk_anterior", "trunk_posterior", "shoulder_girdle"})
HEAD_NECK_REGIONS = frozenset({"head_face", "neck"})

RELATIVE_ADVICE = {
    "bleeding_tendency": "bleeding tendency or anticoagulants: press firmly after each "
    "withdrawal and keep away from large vessels",
    "immunocompromised": "compromised immunity: strict asepsis, infection risk is higher",
    "vascular_disease": "vascular disease: avoid affected vessels and ischaemic limbs",
    "diabetes": "diabetes: check skin and sensation first; healing may be slower",
    "pregnancy": "pregnancy: avoid the abdomen, low back and pelvic floor; the first trimester "
    "is usually avoided",
    "child": "a child: consent and assent need particular care",
    "frail": "frailty: fewer needles, recumbent position, watch for fainting",
    "epilepsy": "epilepsy: recumbent position, avoid known triggers",
    "psychological": "psychological state: explain, go gently, stop if distressed",
    "allergy": "metal or latex allergy: use suitable needles and gloves",
    "medication": "medication of concern (see screening notes)",
    "electrical_implant": "pacemaker or implanted stimulator: no electrical needling",
    "implant_other": "an implant near a site: never needle into it",
    "local_skin": "skin problem or tumour at a site: do not needle through it",
    "other_relative": "other precaution (see screening notes)",
}


@dataclass(frozen=True, slots=True)
class MarkContext:
    session: Session
    screening: Screening | None
    settings: ClinicSettings
    muscle: Muscle
    location: BodyLocation
    point_settings: PointSettings
    other_points: Sequence[NeedledPoint]
    answered: frozenset[tuple[SafetyKind, str]]


def limb_of(muscle: Muscle, side: str) -> Limb | None:
    """The lymphoedema area a muscle lies in: a limb, one side of the trunk, head and neck."""
    right = side == "right"
    if muscle.region in ARM_REGIONS or muscle.group in ARM_GROUPS:
        return Limb.RIGHT_ARM if right else Limb.LEFT_ARM
    if muscle.region in LEG_REGIONS:
        return Limb.RIGHT_LEG if right else Limb.LEFT_LEG
    if muscle.region in TRUNK_REGIONS:
        return Limb.RIGHT_TRUNK if right else Limb.LEFT_TRUNK
    if muscle.region in HEAD_NECK_REGIONS:
        return Limb.HEAD_NECK
    return None


class SafetyRules:
    def __init__(self, atlas: Atlas) -> None:
        self._atlas = atlas

    def over_thorax(self, muscle: Muscle, location: BodyLocation) -> bool:
        """A lung-risk muscle needled where the pleura lies beneath (apex to twelfth rib)."""
        if "lung_pleura" not in muscle.risk or not self._atlas.has_view(location.view):
            return False
        return self._atlas.view(location.view).over_pleura(location.y)

    def checks(self, context: MarkContext) -> list[SafetyCheck]:
        """Every prompt this change raises, answered or not (in the order they are asked)."""
        found: list[SafetyCheck] = []
        active = context.screening.active_findings if context.screening else ()
        when = f"screening of {context.screening.screened_on:%d %b %Y}" if context.screening else ""
        found += self._absolute(active, when)
        found += self._lymphoedema(active, when, context)
        found += self._electrical(active, context)
        found += self._relative(active, when)
        found += self._danger_zone(context)
        found += self._bilateral_thorax(context)
        return found

    def pending(self, context: MarkContext) -> list[SafetyCheck]:
        return [c for c in self.checks(context) if (c.kind, c.key) not in context.answered]

    def _absolute(self, active: Iterable[ScreeningFinding], when: str) -> list[SafetyCheck]:
        checks = []
        for finding in active:
            if finding.kind is not FindingKind.ABSOLUTE or finding.code == "lymphoedema":
                continue
            notes = f" ({finding.notes})" if finding.notes else ""
            checks.append(
                SafetyCheck(
                    SafetyKind.ABSOLUTE,
                    finding.code,
                    f"Absolute contraindication: {finding.item.label}",
                    f"The {when} records {finding.item.label.lower()}{notes}. Dry needling "
                    "must not go ahead; override only with a written reason.",
                    needs_reason=True,
                )
            )
        return checks

    def _lymphoedema(
        self, active: Iterable[ScreeningFinding], when: str, context: MarkContext
    ) -> list[SafetyCheck]:
        limb = limb_of(context.muscle, context.location.side.value)
        for finding in active:
            if finding.code == "lymphoedema" and limb is not None and limb in finding.limbs:
                return [
                    SafetyCheck(
                        SafetyKind.LYMPHOEDEMA,
                        limb.value,
                        f"Lymphoedema: {limb.label.lower()}",
                        f"The {when} records lymphoedema of the {limb.label.lower()}. Never needle "
                        "the affected limb (cellulitis risk); override only with a written reason.",
                        needs_reason=True,
                    )
                ]
        return []

    def _electrical(
        self, active: Iterable[ScreeningFinding], context: MarkContext
    ) -> list[SafetyCheck]:
        if not context.point_settings.electrical:
            return []
        if any(f.code == "electrical_implant" for f in active):
            return [
                SafetyCheck(
                    SafetyKind.ELECTRICAL_IMPLANT,
                    "electrical_implant",
                    "Electrical needling with an implant",
                    "A pacemaker or implanted stimulator is on file: electrical dry needling is "
                    "contraindicated. Override only with a written reason.",
                    needs_reason=True,
                )
            ]
        return []

    def _relative(self, active: Iterable[ScreeningFinding], when: str) -> list[SafetyCheck]:
        relative = [f for f in active if f.kind is FindingKind.RELATIVE]
        if not relative:
            return []
        advice = "; ".join(
            RELATIVE_ADVICE.get(f.code, f.item.label) + (f" ({f.notes})" if f.notes else "")
            for f in relative
        )
        return [
            SafetyCheck(
                SafetyKind.RELATIVE,
                "precautions",
                "Precautions on file",
                f"The {when} records {advice}.",
            )
        ]

    def _danger_zone(self, context: MarkContext) -> list[SafetyCheck]:
        muscle = context.muscle
        risks = set(muscle.risk) - {"internal_only"}
        if "lung_pleura" in risks and not self.over_thorax(muscle, context.location):
            risks.discard("lung_pleura")  # below the twelfth rib: no pleura beneath
        if not risks or not muscle.risk_note:
            return []
        side = context.location.side.value
        return [
            SafetyCheck(
                SafetyKind.DANGER_ZONE,
                f"{muscle.id}:{side}",
                f"{muscle.name}: take care",
                f"{muscle.name} ({side}): {muscle.risk_note}",
            )
        ]

    def _bilateral_thorax(self, context: MarkContext) -> list[SafetyCheck]:
        if not self.over_thorax(context.muscle, context.location):
            return []
        side = context.location.side.value
        for point in context.other_points:
            other = self._atlas.catalogue.find(point.muscle_id)
            if (
                other is not None
                and point.side.value not in (side, "midline")
                and self.over_thorax(other, point.location)
            ):
                return [
                    SafetyCheck(
                        SafetyKind.BILATERAL_THORAX,
                        "bilateral_thorax",
                        "Both sides of the thorax",
                        "The other side of the thorax was already needled in this session. A "
                        "pneumothorax on both sides at once is life-threatening: guidelines advise "
                        "one side per session.",
                    )
                ]
        return []


def require_answers(
    pending: Sequence[SafetyCheck], answers: Sequence[Acknowledgement]
) -> list[tuple[SafetyCheck, str]]:
    """Match answers to prompts; refuse until every prompt is answered properly."""
    given = {(a.kind, a.key): a for a in answers}
    unanswered = [c for c in pending if (c.kind, c.key) not in given]
    if unanswered:
        raise SafetyCheckRequired(tuple(pending))
    matched = []
    for check in pending:
        reason = given[(check.kind, check.key)].reason.strip()
        if check.needs_reason and len(reason) < MIN_REASON:
            raise ValidationError(
                f"{check.title}: write the reason for overriding it (at least {MIN_REASON} "
                "characters).",
                field="reason",
            )
        matched.append((check, reason))
    return matched
