"""Screening: the contraindication and precaution checklist a patient is screened against.

The items follow the lists commonly reproduced from the ISCP/McEvoy guidelines (absolute: do not
needle; relative: clinical reasoning, possibly a modified technique), plus the electrical-implant
item that matters for electrical dry needling. A screening is dated; the most recent one is what
is active.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from needlemap.domain.vocabulary import FindingKind, Limb


@dataclass(frozen=True, slots=True)
class ScreeningItem:
    code: str
    label: str
    kind: FindingKind
    prompt: str
    needs_limbs: bool = False


SCREENING_ITEMS: tuple[ScreeningItem, ...] = (
    ScreeningItem(
        "needle_phobia",
        "Needle phobia",
        FindingKind.ABSOLUTE,
        "Does the patient have a fear of needles strong enough to refuse or faint?",
    ),
    ScreeningItem(
        "unwilling",
        "Patient unwilling",
        FindingKind.ABSOLUTE,
        "Is the patient unwilling to be needled (fear, beliefs)?",
    ),
    ScreeningItem(
        "unable_to_consent",
        "Unable to give consent",
        FindingKind.ABSOLUTE,
        "Can the patient not consent (communication, cognition, age)?",
    ),
    ScreeningItem(
        "acute_medical",
        "Medical emergency or acute medical condition",
        FindingKind.ABSOLUTE,
        "Is there a medical emergency or an acute, unexplained medical condition?",
    ),
    ScreeningItem(
        "lymphoedema",
        "Lymphoedema",
        FindingKind.ABSOLUTE,
        "Is there lymphoedema of a limb or area? Never needle the affected limb.",
        needs_limbs=True,
    ),
    ScreeningItem(
        "clinician_judgement",
        "Inappropriate in the clinician's judgement",
        FindingKind.ABSOLUTE,
        "Is there any other reason needling would be inappropriate today?",
    ),
    ScreeningItem(
        "bleeding_tendency",
        "Bleeding tendency or anticoagulant/antiplatelet use",
        FindingKind.RELATIVE,
        "Bleeding disorder, or taking anticoagulants or antiplatelet medicines?",
    ),
    ScreeningItem(
        "immunocompromised",
        "Compromised immune system",
        FindingKind.RELATIVE,
        "Is the immune system compromised (disease, chemotherapy, steroids)?",
    ),
    ScreeningItem(
        "vascular_disease",
        "Vascular disease",
        FindingKind.RELATIVE,
        "Peripheral vascular disease or other vascular disease?",
    ),
    ScreeningItem(
        "diabetes",
        "Diabetes",
        FindingKind.RELATIVE,
        "Diabetes (healing, sensation and circulation may be impaired)?",
    ),
    ScreeningItem(
        "pregnancy",
        "Pregnancy",
        FindingKind.RELATIVE,
        "Is the patient pregnant or possibly pregnant? Avoid the first trimester and the "
        "abdomen, low back and pelvic floor later on.",
    ),
    ScreeningItem(
        "child",
        "Child or adolescent",
        FindingKind.RELATIVE,
        "Is the patient a child? Consent and assent need particular care.",
    ),
    ScreeningItem(
        "frail",
        "Frail patient",
        FindingKind.RELATIVE,
        "Is the patient frail (age, illness, low body mass)?",
    ),
    ScreeningItem(
        "epilepsy",
        "Epilepsy",
        FindingKind.RELATIVE,
        "Epilepsy or a history of seizures?",
    ),
    ScreeningItem(
        "psychological",
        "Psychological status",
        FindingKind.RELATIVE,
        "Anxiety, distress or another psychological state that needling could worsen?",
    ),
    ScreeningItem(
        "allergy",
        "Allergy to metals or latex",
        FindingKind.RELATIVE,
        "Allergy to nickel, chromium or other metals, or to latex?",
    ),
    ScreeningItem(
        "medication",
        "Current medication of concern",
        FindingKind.RELATIVE,
        "Any other current medication that affects needling?",
    ),
    ScreeningItem(
        "electrical_implant",
        "Pacemaker or implanted stimulator",
        FindingKind.RELATIVE,
        "Pacemaker, defibrillator or other electrical implant? No electrical dry needling.",
    ),
    ScreeningItem(
        "implant_other",
        "Joint replacement, breast implant or other implant",
        FindingKind.RELATIVE,
        "Joint replacement, breast implant or other implant near a needling site?",
    ),
    ScreeningItem(
        "local_skin",
        "Skin problem, infection or tumour at a needling site",
        FindingKind.RELATIVE,
        "Infected, broken or diseased skin, or a tumour, over a site to be needled?",
    ),
    ScreeningItem(
        "other_relative",
        "Other precaution",
        FindingKind.RELATIVE,
        "Any other reason for extra caution?",
    ),
)

SCREENING_ITEMS_BY_CODE: dict[str, ScreeningItem] = {item.code: item for item in SCREENING_ITEMS}


@dataclass(frozen=True, slots=True)
class ScreeningFinding:
    code: str
    present: bool
    notes: str = ""
    limbs: tuple[Limb, ...] = ()

    @property
    def item(self) -> ScreeningItem:
        return SCREENING_ITEMS_BY_CODE[self.code]

    @property
    def kind(self) -> FindingKind:
        return self.item.kind


@dataclass(frozen=True, slots=True)
class Screening:
    id: int
    patient_id: int
    screened_on: date
    practitioner_id: int | None
    notes: str
    findings: tuple[ScreeningFinding, ...] = field(default=())

    @property
    def active_findings(self) -> tuple[ScreeningFinding, ...]:
        return tuple(finding for finding in self.findings if finding.present)


@dataclass(frozen=True, slots=True)
class ScreeningSummary:
    """What a patient list shows of the latest screening: when, and what it found.

    The answers that were "no" are not loaded: a page of a list would carry thousands of them
    and the type-ahead has one frame per keystroke. The full screening is one call away.
    """

    screening_id: int
    screened_on: date
    active_findings: tuple[ScreeningFinding, ...] = field(default=())

    @classmethod
    def of(cls, screening: Screening) -> ScreeningSummary:
        return cls(screening.id, screening.screened_on, screening.active_findings)
