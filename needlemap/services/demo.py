"""The demo clinic: a realistic synthetic caseload for trying, teaching and load-testing NeedleMap.

A demo is only useful if it looks like a real clinic's record (international names, screening
findings at their usual prevalence, courses of treatment whose pain mostly improves, the odd
adverse event and amendment) and if it can be rebuilt exactly: the same seed and ``until`` day
give the same database, byte for byte in every row, because every random choice comes from a
seeded generator and every time is counted from ``until``, never read from the clock. Each
patient draws from their own generator, so 100 patients are the first 100 of 5,000.

Clinical content follows the domain reference: muscles from the atlas catalogue by clinical
profile, needles by region and depth, no needling of both sides of the thorax in one session,
pneumothorax only after needling over the lung. Points sit on the atlas's reference trigger
points of each muscle, so the demo improves with the atlas. The database must hold no patients:
synthetic people are never mixed with real ones.

Every safety prompt the app would have raised while a session was charted is answered and
kept as the app keeps it: the session's points go, in charting order, through the app's own
:class:`~needlemap.services.safety.SafetyRules` with the screening in force that day, and each
answer is recorded against the point that raised it. Most are acknowledgements (precautions on
file, danger zones). The rare answers (a block lifted with a written reason where a clinician
plausibly would, both sides of the thorax needled knowingly) belong to a few patients placed by
the seed in every :data:`RARE_BLOCK` patients (see :data:`RARE_CASES`), so every demo of that
size shows each of them.
"""

from __future__ import annotations

import math
import random
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TypeVar

from needlemap.anatomy import Atlas, Muscle
from needlemap.domain.bundle import (
    BundledAdverseEvent,
    BundledPoint,
    BundledSafetyEvent,
    BundledScreening,
    PatientBundle,
    SessionBundle,
)
from needlemap.domain.clinic_settings import ClinicSettings
from needlemap.domain.errors import ValidationError
from needlemap.domain.events import AdverseEvent, Outcome
from needlemap.domain.patient_query import parse_patient_query
from needlemap.domain.people import Patient, PatientIdentifier, Practitioner
from needlemap.domain.point import BodyLocation, NeedledPoint, PointSettings
from needlemap.domain.safety import SafetyEvent, SafetyKind
from needlemap.domain.screening import SCREENING_ITEMS, Screening, ScreeningFinding
from needlemap.domain.session import Amendment, Consent, Session
from needlemap.domain.vocabulary import (
    AdverseEventType,
    ConsentMethod,
    Instrument,
    Layer,
    Limb,
    OutcomeTiming,
    PatientPosition,
    PatientResponse,
    SessionStatus,
    SeverityScheme,
    Sex,
    Side,
    Technique,
)
from needlemap.resources import resource_path
from needlemap.services.safety import MIN_REASON, MarkContext, SafetyRules, limb_of
from needlemap.store import Database

T = TypeVar("T")

MAX_PATIENTS = 1_000_000
EARLIEST_UNTIL = date(2000, 1, 1)
LATEST_UNTIL = date(2100, 12, 31)
HISTORY_DAYS = 3 * 365  # how far back the clinic's record reaches from ``until``
PROGRESS_EVERY = 500
CLINIC_NO = "Clinic no."
INSURANCE_NO = "Insurance no."
CONSENT_TEXT_VERSION = "DN-consent 3.1"
LATE_EVENT_REASON = "Adverse event reported after the session was signed"  # as SessionService
OLDEST_BIRTH = date(1940, 1, 1)
YOUNGEST_BIRTH = date(2010, 12, 31)
YOUNGEST_AGE = 14

WRITTEN_RISKS = (
    "Post-needling soreness",
    "Bruising",
    "Bleeding",
    "Fainting or light-headedness",
    "Infection",
    "Nerve irritation",
)
VERBAL_RISKS = ("Post-needling soreness", "Bruising")
PNEUMOTHORAX_RISK = "Pneumothorax"
# A new demo database stores no settings of its own: the app then works with the defaults.
DEMO_SETTINGS = ClinicSettings()
RESCREEN_DAYS = DEMO_SETTINGS.rescreen_after_days - 14
"""Screenings are renewed at the first visit after they fall due, a little before the clinic's
reminder would show, as a careful clinic does."""


# ---------------------------------------------------------------------------------------------
# Summary and service
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What a demo run wrote."""

    patients: int
    sessions: int
    points: int
    adverse_events: int
    practitioners: int
    safety_events: int = 0


Progress = Callable[[int, int], None]


class DemoService:
    """Fills an empty clinic database with a synthetic caseload, one committed patient at a time."""

    def __init__(self, database: Database, atlas: Atlas) -> None:
        self._db = database
        self._atlas = atlas

    def build(
        self,
        *,
        patients: int,
        seed: int,
        until: date,
        progress: Progress | None = None,
    ) -> DemoSummary:
        """Write ``patients`` patients whose history ends on ``until``; refuse a used database.

        Every patient goes in with their whole record in one transaction, so an interrupted run
        leaves only complete patients. ``progress(done, total)`` is called every
        :data:`PROGRESS_EVERY` patients (not after the last one).
        """
        check_request(patients=patients, until=until)
        with self._db.write() as uow:
            existing = uow.patients.count(parse_patient_query(""))
            if existing:
                raise ValidationError(
                    f"The database already holds {existing} patient(s): the demo fills an empty "
                    "database only, so that synthetic people never mix with real ones. Give "
                    "--db a new file.",
                    field="db",
                )
            staff = _demo_staff(seed)
            opened = _clinic_opened(until)
            practitioner_ids = []
            for name, profession, registration in staff:
                found = uow.practitioners.find_by_name(name)
                if found is None:
                    found = uow.bulk.add_practitioner(
                        Practitioner(0, name, profession, registration), opened
                    )
                practitioner_ids.append(found.id)
        generator = ClinicGenerator(self._atlas, tuple(practitioner_ids), seed=seed, until=until)
        sessions = points = events = answers = 0
        for number in range(1, patients + 1):
            bundle = generator.patient(number)
            with self._db.write() as uow:
                uow.bulk.add_patient_bundle(bundle)
            sessions += len(bundle.sessions)
            points += bundle.point_count
            events += bundle.adverse_event_count
            answers += bundle.safety_event_count
            if progress is not None and number % PROGRESS_EVERY == 0 and number < patients:
                progress(number, patients)
        return DemoSummary(
            patients=patients,
            sessions=sessions,
            points=points,
            adverse_events=events,
            practitioners=len(practitioner_ids),
            safety_events=answers,
        )


def check_request(*, patients: int, until: date) -> None:
    if not 1 <= patients <= MAX_PATIENTS:
        raise ValidationError(
            f"The demo builds 1 to {MAX_PATIENTS:,} patients (got {patients}).", field="patients"
        )
    if not EARLIEST_UNTIL <= until <= LATEST_UNTIL:
        raise ValidationError(
            f"The demo history must end between {EARLIEST_UNTIL.isoformat()} and "
            f"{LATEST_UNTIL.isoformat()} (got {until.isoformat()}).",
            field="until",
        )


def _clinic_opened(until: date) -> datetime:
    return _at(until - timedelta(days=HISTORY_DAYS + 30), 8 * 60)


def _demo_staff(seed: int) -> list[tuple[str, str, str]]:
    pools = load_name_pools()
    count = random.Random(f"needlemap-demo:{seed}:staff").randint(3, 5)
    return [(name, pools.profession, registration) for name, registration in pools.staff[:count]]


# ---------------------------------------------------------------------------------------------
# Name pools (resources/demo/names.toml)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Culture:
    id: str
    weight: float
    given_female: tuple[str, ...]
    given_male: tuple[str, ...]
    family: tuple[str, ...]
    family_gendered: tuple[tuple[str, str], ...]
    compound: float = 0.0


@dataclass(frozen=True, slots=True)
class NamePools:
    cultures: tuple[Culture, ...]
    profession: str
    staff: tuple[tuple[str, str], ...]

    @property
    def cumulative_weights(self) -> list[float]:
        total, running = 0.0, []
        for culture in self.cultures:
            total += culture.weight
            running.append(total)
        return running


def names_path() -> Path:
    return resource_path("demo", "names.toml")


@cache
def load_name_pools(path: Path | None = None) -> NamePools:
    with (path or names_path()).open("rb") as handle:
        data = tomllib.load(handle)
    cultures = []
    for entry in data["culture"]:
        culture = Culture(
            id=str(entry["id"]),
            weight=float(entry["weight"]),
            given_female=tuple(entry["given_female"]),
            given_male=tuple(entry["given_male"]),
            family=tuple(entry.get("family", ())),
            family_gendered=tuple((str(m), str(f)) for m, f in entry.get("family_gendered", ())),
            compound=float(entry.get("compound", 0.0)),
        )
        if not (culture.given_female and culture.given_male):
            raise ValueError(f"names.toml: culture {culture.id} lacks given names")
        if not (culture.family or culture.family_gendered):
            raise ValueError(f"names.toml: culture {culture.id} lacks family names")
        cultures.append(culture)
    staff_table = data["practitioners"]
    staff = tuple((str(s["name"]), str(s["registration"])) for s in staff_table["staff"])
    if len(staff) < 5:
        raise ValueError("names.toml: the demo needs 5 practitioners")
    return NamePools(tuple(cultures), str(staff_table["profession"]), staff)


# ---------------------------------------------------------------------------------------------
# Clinical profiles: which muscles, in which positions, measured how
# ---------------------------------------------------------------------------------------------

SIDE_LYING = "side_lying"  # resolved per session to lying on the untreated side


@dataclass(frozen=True, slots=True)
class Profile:
    """A presenting problem: the muscles it usually involves and how the patient lies for each.

    ``muscles`` weights how often a muscle belongs to a patient's pattern; ``positions`` lists,
    per position, how often it is used and which of the muscles can be reached in it.
    """

    id: str
    label: str
    weight: int
    muscles: tuple[tuple[str, int], ...]
    positions: tuple[tuple[str, int, tuple[str, ...]], ...]
    sides: tuple[int, int, int]  # right, left, both
    questionnaires: tuple[tuple[Instrument, int], ...] = ()  # (instrument, % of patients)
    psfs_share: float = 0.25
    headache_prone: bool = False
    low_back: bool = False  # lumbar needles for the thoracolumbar muscles; avoid in pregnancy


_NECK = "neck_shoulder"

PROFILES: tuple[Profile, ...] = (
    Profile(
        _NECK,
        "Neck and shoulder pain",
        20,
        muscles=(
            ("trapezius_upper", 10),
            ("levator_scapulae", 8),
            ("trapezius_middle", 4),
            ("splenius_capitis", 5),
            ("splenius_cervicis", 3),
            ("semispinalis_capitis", 3),
            ("posterior_cervicals", 3),
            ("suboccipitals", 3),
            ("rhomboid_minor", 2),
            ("infraspinatus", 2),
            ("supraspinatus", 2),
            ("scalenus_medius", 2),
            ("scalenus_anterior", 1),
            ("scm_sternal", 1),
            ("scm_clavicular", 1),
        ),
        positions=(
            (
                "prone",
                55,
                (
                    "trapezius_upper",
                    "levator_scapulae",
                    "trapezius_middle",
                    "splenius_capitis",
                    "splenius_cervicis",
                    "semispinalis_capitis",
                    "posterior_cervicals",
                    "suboccipitals",
                    "rhomboid_minor",
                    "infraspinatus",
                    "supraspinatus",
                ),
            ),
            (
                "sitting",
                20,
                (
                    "trapezius_upper",
                    "levator_scapulae",
                    "splenius_capitis",
                    "scalenus_medius",
                    "supraspinatus",
                ),
            ),
            (
                SIDE_LYING,
                12,
                (
                    "trapezius_upper",
                    "levator_scapulae",
                    "scalenus_medius",
                    "scalenus_anterior",
                    "infraspinatus",
                ),
            ),
            (
                "supine",
                13,
                (
                    "trapezius_upper",
                    "scm_sternal",
                    "scm_clavicular",
                    "scalenus_anterior",
                    "scalenus_medius",
                    "suboccipitals",
                ),
            ),
        ),
        sides=(45, 40, 15),
        questionnaires=((Instrument.NDI, 85),),
        headache_prone=True,
    ),
    Profile(
        "tension_headache",
        "Tension-type headache",
        7,
        muscles=(
            ("trapezius_upper", 8),
            ("suboccipitals", 8),
            ("splenius_capitis", 6),
            ("semispinalis_capitis", 5),
            ("scm_sternal", 5),
            ("scm_clavicular", 4),
            ("temporalis", 6),
            ("occipitalis", 3),
            ("frontalis", 2),
            ("levator_scapulae", 3),
        ),
        positions=(
            (
                "prone",
                40,
                (
                    "trapezius_upper",
                    "suboccipitals",
                    "splenius_capitis",
                    "semispinalis_capitis",
                    "occipitalis",
                    "levator_scapulae",
                ),
            ),
            (
                "supine",
                35,
                (
                    "scm_sternal",
                    "scm_clavicular",
                    "temporalis",
                    "frontalis",
                    "suboccipitals",
                    "trapezius_upper",
                ),
            ),
            (
                "sitting",
                25,
                (
                    "trapezius_upper",
                    "temporalis",
                    "scm_sternal",
                    "scm_clavicular",
                    "splenius_capitis",
                    "levator_scapulae",
                    "frontalis",
                ),
            ),
        ),
        sides=(25, 25, 50),
        questionnaires=((Instrument.NDI, 70),),
        headache_prone=True,
    ),
    Profile(
        "jaw_tmd",
        "Jaw pain (TMD)",
        3,
        muscles=(
            ("masseter_superficial", 10),
            ("masseter_deep", 6),
            ("temporalis", 8),
            ("lateral_pterygoid", 5),
            ("medial_pterygoid", 3),
            ("digastric_posterior", 2),
            ("scm_sternal", 2),
            ("trapezius_upper", 2),
        ),
        positions=(
            (
                "supine",
                80,
                (
                    "masseter_superficial",
                    "masseter_deep",
                    "temporalis",
                    "lateral_pterygoid",
                    "medial_pterygoid",
                    "digastric_posterior",
                    "scm_sternal",
                    "trapezius_upper",
                ),
            ),
            (
                "sitting",
                20,
                ("masseter_superficial", "masseter_deep", "temporalis", "trapezius_upper"),
            ),
        ),
        sides=(40, 35, 25),
        psfs_share=0.6,
        headache_prone=True,
    ),
    Profile(
        "shoulder",
        "Shoulder pain",
        12,
        muscles=(
            ("infraspinatus", 10),
            ("supraspinatus", 8),
            ("teres_minor", 5),
            ("teres_major", 4),
            ("deltoid_anterior", 4),
            ("deltoid_middle", 4),
            ("deltoid_posterior", 4),
            ("subscapularis", 3),
            ("pectoralis_minor", 3),
            ("biceps_brachii", 2),
            ("trapezius_upper", 4),
            ("latissimus_dorsi", 2),
            ("coracobrachialis", 1),
        ),
        positions=(
            (
                "prone",
                45,
                (
                    "infraspinatus",
                    "supraspinatus",
                    "teres_minor",
                    "teres_major",
                    "deltoid_posterior",
                    "trapezius_upper",
                    "latissimus_dorsi",
                ),
            ),
            (
                SIDE_LYING,
                30,
                (
                    "infraspinatus",
                    "teres_minor",
                    "teres_major",
                    "deltoid_middle",
                    "deltoid_posterior",
                    "deltoid_anterior",
                    "latissimus_dorsi",
                    "subscapularis",
                    "supraspinatus",
                ),
            ),
            (
                "supine",
                25,
                (
                    "deltoid_anterior",
                    "deltoid_middle",
                    "subscapularis",
                    "pectoralis_minor",
                    "biceps_brachii",
                    "coracobrachialis",
                    "trapezius_upper",
                ),
            ),
        ),
        sides=(55, 40, 5),
        questionnaires=((Instrument.UEFI, 55),),
    ),
    Profile(
        "lateral_elbow",
        "Lateral elbow pain",
        5,
        muscles=(
            ("extensor_carpi_radialis_brevis", 10),
            ("extensor_carpi_radialis_longus", 8),
            ("extensor_digitorum", 6),
            ("supinator", 6),
            ("brachioradialis", 5),
            ("anconeus", 3),
            ("triceps_lateral", 2),
            ("extensor_carpi_ulnaris", 2),
        ),
        positions=(
            (
                "supine",
                60,
                (
                    "extensor_carpi_radialis_brevis",
                    "extensor_carpi_radialis_longus",
                    "extensor_digitorum",
                    "supinator",
                    "brachioradialis",
                    "anconeus",
                    "extensor_carpi_ulnaris",
                ),
            ),
            (
                "sitting",
                40,
                (
                    "extensor_carpi_radialis_brevis",
                    "extensor_carpi_radialis_longus",
                    "extensor_digitorum",
                    "supinator",
                    "brachioradialis",
                    "anconeus",
                    "triceps_lateral",
                    "extensor_carpi_ulnaris",
                ),
            ),
        ),
        sides=(65, 30, 5),
        questionnaires=((Instrument.UEFI, 60),),
    ),
    Profile(
        "low_back",
        "Low back pain",
        18,
        muscles=(
            ("quadratus_lumborum", 10),
            ("iliocostalis_lumborum", 8),
            ("multifidi_thoracolumbar", 8),
            ("longissimus_thoracis", 6),
            ("gluteus_medius", 8),
            ("gluteus_maximus", 4),
            ("piriformis", 3),
            ("gluteus_minimus_posterior", 3),
        ),
        positions=(
            (
                "prone",
                60,
                (
                    "iliocostalis_lumborum",
                    "multifidi_thoracolumbar",
                    "longissimus_thoracis",
                    "gluteus_medius",
                    "gluteus_maximus",
                    "piriformis",
                    "gluteus_minimus_posterior",
                    "quadratus_lumborum",
                ),
            ),
            (
                SIDE_LYING,
                40,
                (
                    "quadratus_lumborum",
                    "gluteus_medius",
                    "gluteus_minimus_posterior",
                    "iliocostalis_lumborum",
                    "piriformis",
                ),
            ),
        ),
        sides=(38, 37, 25),
        questionnaires=((Instrument.ODI, 85),),
        low_back=True,
    ),
    Profile(
        "buttock",
        "Buttock pain referring down the leg",
        8,
        muscles=(
            ("piriformis", 10),
            ("gluteus_medius", 8),
            ("gluteus_minimus_posterior", 7),
            ("gluteus_minimus_anterior", 3),
            ("gluteus_maximus", 5),
            ("short_external_rotators", 3),
            ("quadratus_lumborum", 3),
            ("biceps_femoris", 2),
            ("tensor_fasciae_latae", 2),
        ),
        positions=(
            (
                "prone",
                60,
                (
                    "piriformis",
                    "gluteus_medius",
                    "gluteus_minimus_posterior",
                    "gluteus_maximus",
                    "short_external_rotators",
                    "quadratus_lumborum",
                    "biceps_femoris",
                ),
            ),
            (
                SIDE_LYING,
                40,
                (
                    "gluteus_medius",
                    "gluteus_minimus_anterior",
                    "gluteus_minimus_posterior",
                    "piriformis",
                    "tensor_fasciae_latae",
                    "quadratus_lumborum",
                ),
            ),
        ),
        sides=(47, 46, 7),
        questionnaires=((Instrument.ODI, 55), (Instrument.LEFS, 35)),
        low_back=True,
    ),
    Profile(
        "knee",
        "Knee pain",
        7,
        muscles=(
            ("vastus_medialis", 8),
            ("vastus_lateralis", 8),
            ("rectus_femoris", 6),
            ("vastus_intermedius", 3),
            ("tensor_fasciae_latae", 3),
            ("biceps_femoris", 4),
            ("semitendinosus", 3),
            ("semimembranosus", 2),
            ("popliteus", 3),
            ("gastrocnemius_medial", 3),
            ("gastrocnemius_lateral", 2),
            ("adductor_longus", 1),
        ),
        positions=(
            (
                "supine",
                55,
                (
                    "vastus_medialis",
                    "vastus_lateralis",
                    "rectus_femoris",
                    "vastus_intermedius",
                    "tensor_fasciae_latae",
                    "adductor_longus",
                ),
            ),
            (
                "prone",
                35,
                (
                    "biceps_femoris",
                    "semitendinosus",
                    "semimembranosus",
                    "popliteus",
                    "gastrocnemius_medial",
                    "gastrocnemius_lateral",
                ),
            ),
            (SIDE_LYING, 10, ("vastus_lateralis", "tensor_fasciae_latae", "biceps_femoris")),
        ),
        sides=(47, 45, 8),
        questionnaires=((Instrument.LEFS, 85),),
    ),
    Profile(
        "calf_achilles",
        "Calf and Achilles pain",
        5,
        muscles=(
            ("gastrocnemius_medial", 10),
            ("gastrocnemius_lateral", 7),
            ("soleus", 10),
            ("tibialis_posterior", 3),
            ("flexor_digitorum_longus", 2),
            ("flexor_hallucis_longus", 3),
            ("plantaris", 1),
        ),
        positions=(
            (
                "prone",
                85,
                (
                    "gastrocnemius_medial",
                    "gastrocnemius_lateral",
                    "soleus",
                    "tibialis_posterior",
                    "flexor_digitorum_longus",
                    "flexor_hallucis_longus",
                    "plantaris",
                ),
            ),
            (
                SIDE_LYING,
                15,
                (
                    "soleus",
                    "gastrocnemius_medial",
                    "gastrocnemius_lateral",
                    "flexor_digitorum_longus",
                ),
            ),
        ),
        sides=(48, 46, 6),
        questionnaires=((Instrument.LEFS, 85),),
    ),
    Profile(
        "plantar_heel",
        "Plantar heel pain",
        4,
        muscles=(
            ("quadratus_plantae", 7),
            ("flexor_digitorum_brevis", 8),
            ("abductor_hallucis", 8),
            ("abductor_digiti_minimi_foot", 4),
            ("flexor_hallucis_brevis", 3),
            ("soleus", 6),
            ("gastrocnemius_medial", 4),
        ),
        positions=(
            (
                "prone",
                65,
                (
                    "quadratus_plantae",
                    "flexor_digitorum_brevis",
                    "abductor_hallucis",
                    "abductor_digiti_minimi_foot",
                    "flexor_hallucis_brevis",
                    "soleus",
                    "gastrocnemius_medial",
                ),
            ),
            (
                "supine",
                35,
                (
                    "abductor_hallucis",
                    "abductor_digiti_minimi_foot",
                    "flexor_digitorum_brevis",
                    "quadratus_plantae",
                    "flexor_hallucis_brevis",
                ),
            ),
        ),
        sides=(46, 44, 10),
        questionnaires=((Instrument.LEFS, 80),),
    ),
    Profile(
        "thoracic",
        "Upper back pain",
        6,
        muscles=(
            ("rhomboid_major", 8),
            ("rhomboid_minor", 5),
            ("trapezius_middle", 8),
            ("trapezius_lower", 6),
            ("iliocostalis_thoracis", 5),
            ("longissimus_thoracis", 4),
            ("multifidi_thoracolumbar", 4),
            ("serratus_posterior_superior", 2),
            ("serratus_anterior", 2),
            ("latissimus_dorsi", 2),
            ("infraspinatus", 3),
        ),
        positions=(
            (
                "prone",
                85,
                (
                    "rhomboid_major",
                    "rhomboid_minor",
                    "trapezius_middle",
                    "trapezius_lower",
                    "iliocostalis_thoracis",
                    "longissimus_thoracis",
                    "multifidi_thoracolumbar",
                    "serratus_posterior_superior",
                    "latissimus_dorsi",
                    "infraspinatus",
                ),
            ),
            (
                SIDE_LYING,
                15,
                (
                    "serratus_anterior",
                    "latissimus_dorsi",
                    "rhomboid_major",
                    "trapezius_middle",
                    "infraspinatus",
                ),
            ),
        ),
        sides=(38, 37, 25),
        psfs_share=0.5,
    ),
    Profile(
        "shin_ankle",
        "Shin and ankle pain",
        2,
        muscles=(
            ("tibialis_anterior", 10),
            ("extensor_digitorum_longus", 6),
            ("extensor_hallucis_longus", 3),
            ("fibularis_longus", 7),
            ("fibularis_brevis", 5),
            ("fibularis_tertius", 2),
            ("soleus", 3),
            ("extensor_digitorum_brevis", 2),
        ),
        positions=(
            (
                "supine",
                60,
                (
                    "tibialis_anterior",
                    "extensor_digitorum_longus",
                    "extensor_hallucis_longus",
                    "fibularis_tertius",
                    "extensor_digitorum_brevis",
                    "fibularis_longus",
                ),
            ),
            (
                SIDE_LYING,
                40,
                (
                    "fibularis_longus",
                    "fibularis_brevis",
                    "fibularis_tertius",
                    "extensor_digitorum_longus",
                    "soleus",
                    "tibialis_anterior",
                ),
            ),
        ),
        sides=(48, 46, 6),
        questionnaires=((Instrument.LEFS, 80),),
    ),
    Profile(
        "forearm_wrist",
        "Forearm and wrist pain",
        3,
        muscles=(
            ("flexor_carpi_radialis", 5),
            ("flexor_carpi_ulnaris", 4),
            ("flexor_digitorum_superficialis", 6),
            ("pronator_teres", 5),
            ("palmaris_longus", 2),
            ("extensor_carpi_ulnaris", 3),
            ("extensor_digitorum", 4),
            ("adductor_pollicis", 4),
            ("first_dorsal_interosseous_hand", 4),
            ("opponens_pollicis", 3),
            ("brachioradialis", 3),
            ("flexor_pollicis_longus", 2),
        ),
        positions=(
            (
                "supine",
                60,
                (
                    "flexor_carpi_radialis",
                    "flexor_carpi_ulnaris",
                    "flexor_digitorum_superficialis",
                    "pronator_teres",
                    "palmaris_longus",
                    "extensor_carpi_ulnaris",
                    "extensor_digitorum",
                    "adductor_pollicis",
                    "first_dorsal_interosseous_hand",
                    "opponens_pollicis",
                    "brachioradialis",
                    "flexor_pollicis_longus",
                ),
            ),
            (
                "sitting",
                40,
                (
                    "flexor_carpi_radialis",
                    "flexor_carpi_ulnaris",
                    "flexor_digitorum_superficialis",
                    "pronator_teres",
                    "extensor_carpi_ulnaris",
                    "extensor_digitorum",
                    "adductor_pollicis",
                    "first_dorsal_interosseous_hand",
                    "opponens_pollicis",
                    "brachioradialis",
                ),
            ),
        ),
        sides=(62, 33, 5),
        questionnaires=((Instrument.UEFI, 55),),
    ),
)

# ---------------------------------------------------------------------------------------------
# Needles: the clinic stocks these diameters and lengths; each region takes a few of them
# ---------------------------------------------------------------------------------------------

NEEDLE_DIAMETERS_MM = (0.16, 0.18, 0.20, 0.25, 0.30)
NEEDLE_LENGTHS_MM = (13, 15, 25, 30, 40, 50, 60, 75)


@dataclass(frozen=True, slots=True)
class NeedleChoice:
    diameters: tuple[float, ...]
    lengths: tuple[int, ...]  # shortest first; the deeper the muscle, the longer the needle
    depth_cap_mm: float | None = None


FINE_SHORT = NeedleChoice((0.16, 0.18), (13, 15))  # face, hand, foot
FINE_DEEP = NeedleChoice((0.18, 0.20), (25, 30))  # pterygoids, deep foot: short won't reach
NECK_THORAX = NeedleChoice((0.20, 0.25), (25, 30))
NECK_THORAX_LUNG = NeedleChoice((0.20, 0.25), (25, 30), depth_cap_mm=20)
SHOULDER_ARM = NeedleChoice((0.25,), (30, 40))
LUMBAR_GLUTEAL = NeedleChoice((0.30,), (60, 75))
THIGH_CALF = NeedleChoice((0.30,), (40, 50, 60))

_HAND_INTRINSICS = frozenset(
    {
        "adductor_pollicis",
        "opponens_pollicis",
        "first_dorsal_interosseous_hand",
        "abductor_digiti_minimi_hand",
    }
)
_LUMBAR = frozenset({"quadratus_lumborum", "iliocostalis_lumborum"})
_THORACOLUMBAR = frozenset({"multifidi_thoracolumbar", "longissimus_thoracis"})
_THORACIC_GIRDLE = frozenset(
    {
        "trapezius_upper",
        "trapezius_middle",
        "trapezius_lower",
        "rhomboid_major",
        "rhomboid_minor",
        "latissimus_dorsi",
        "levator_scapulae",
        "serratus_anterior",
    }
)


def needle_choice(muscle: Muscle, *, low_back: bool) -> NeedleChoice:
    """The needles a clinician would reach for, by region and by how deep the muscle lies."""
    if muscle.region in ("head_face", "foot") or muscle.id in _HAND_INTRINSICS:
        return FINE_DEEP if muscle.layer == "deep" else FINE_SHORT
    if muscle.id in _LUMBAR or (muscle.id in _THORACOLUMBAR and low_back):
        return LUMBAR_GLUTEAL
    if muscle.region == "pelvis_hip":
        return THIGH_CALF if muscle.id == "tensor_fasciae_latae" else LUMBAR_GLUTEAL
    if muscle.region in ("neck", "trunk_anterior", "trunk_posterior") or (
        muscle.id in _THORACIC_GIRDLE
    ):
        return NECK_THORAX_LUNG if "lung_pleura" in muscle.risk else NECK_THORAX
    if muscle.region in ("shoulder_girdle", "upper_arm", "forearm_hand"):
        return SHOULDER_ARM
    return THIGH_CALF


_DEPTH_FRACTION = {"superficial": (0.25, 0.5), "intermediate": (0.4, 0.65), "deep": (0.55, 0.85)}

# ---------------------------------------------------------------------------------------------
# Weighted vocabularies
# ---------------------------------------------------------------------------------------------

_RESPONSES = (
    (PatientResponse.DEEP_ACHE, 38),
    (PatientResponse.TOLERATED, 30),
    (PatientResponse.CRAMPING, 21),
    (PatientResponse.SHARP, 6),
    (PatientResponse.ELECTRIC, 2),
    (PatientResponse.BURNING, 1.5),
    (PatientResponse.VASOVAGAL, 0.5),
    (PatientResponse.OTHER, 0.5),
)
_RESPONSE_NOTES = {
    PatientResponse.ELECTRIC: "Electric sensation: needle withdrawn and redirected.",
    PatientResponse.BURNING: "Stinging: needle withdrawn, pressure applied.",
    PatientResponse.VASOVAGAL: "Felt light-headed: needling paused, settled lying flat.",
    PatientResponse.OTHER: "Warmth spreading along the referral zone.",
}
_LTR_COUNTS = ((0, 14), (1, 20), (2, 22), (3, 18), (4, 12), (5, 8), (6, 6))
_POINTS_PER_SESSION = (
    (2, 8),
    (3, 12),
    (4, 16),
    (5, 16),
    (6, 14),
    (7, 11),
    (8, 8),
    (9, 6),
    (10, 4),
    (11, 3),
    (12, 2),
)
_SESSION_COUNT_BANDS = (((1, 2), 9), ((3, 8), 70), ((9, 19), 13), ((20, 30), 8))

# Mild adverse events (White et al.): (type, weight, reported later, linked to a point)
_MILD_EVENTS = (
    (AdverseEventType.BRUISING, 26, True, True),
    (AdverseEventType.BLEEDING, 18, False, True),
    (AdverseEventType.PAIN_AFTER, 26, True, True),
    (AdverseEventType.PAIN_DURING, 8, False, True),
    (AdverseEventType.DROWSINESS, 8, False, False),
    (AdverseEventType.HEADACHE, 5, True, False),
    (AdverseEventType.NAUSEA, 3, False, False),
    (AdverseEventType.AGGRAVATION, 3, True, False),
)
_EVENT_TEXT: dict[AdverseEventType, tuple[str, str, str]] = {  # description, action, duration
    AdverseEventType.BRUISING: (
        "Bruise at a needling site.",
        "Reassured; advised a cold pack.",
        "5 days",
    ),
    AdverseEventType.BLEEDING: (
        "Pinpoint bleeding on needle withdrawal.",
        "Pressure with a cotton swab until it stopped.",
        "2 minutes",
    ),
    AdverseEventType.PAIN_AFTER: (
        "Post-needling soreness beyond the usual.",
        "Advised heat, gentle movement and paracetamol if needed.",
        "2 days",
    ),
    AdverseEventType.PAIN_DURING: (
        "Sharp pain on one insertion.",
        "Needle withdrawn; settled within a minute.",
        "1 minute",
    ),
    AdverseEventType.DROWSINESS: (
        "Drowsy after treatment.",
        "Rested in the waiting room before leaving; not driving.",
        "1 hour",
    ),
    AdverseEventType.HEADACHE: (
        "Headache the evening after treatment.",
        "Advised fluids and rest; settled without medication.",
        "6 hours",
    ),
    AdverseEventType.NAUSEA: (
        "Nausea towards the end of the session.",
        "Lay supine with water; settled before leaving.",
        "15 minutes",
    ),
    AdverseEventType.AGGRAVATION: (
        "Usual symptoms worse for a day after treatment.",
        "Reassured; lighter dosage planned for next session.",
        "1 day",
    ),
    AdverseEventType.FAINTING: (
        "Vasovagal faint after needling in sitting; brief loss of consciousness, no injury.",
        "Laid flat with legs raised; observed 30 minutes; recovered "
        "fully; future sessions lying down.",
        "30 minutes",
    ),
    AdverseEventType.PNEUMOTHORAX: (
        "Breathlessness and sharp chest pain on the treated side "
        "from the day after treatment; chest X-ray at the "
        "emergency department showed a small apical "
        "pneumothorax.",
        "Advised to attend the emergency department at once; "
        "managed with observation; follow-up call made; no further "
        "needling over the chest wall.",
        "About 2 weeks",
    ),
}
_SIGNIFICANT_AGGRAVATION = (
    "Marked flare of the usual pain for several days; off work for two days.",
    "Saw the GP; advised to pause needling and continue exercise.",
    "4 days",
)
_NEEDLE_COUNT_NOTES = (
    "One needle fell from its guide tube unused and went straight into the sharps bin; it was "
    "counted as inserted by mistake.",
    "One needle was opened twice by mistake; the spare went unused into the sharps bin.",
)
_SESSION_NOTES = (
    "Home exercises reviewed.",
    "Stretches progressed.",
    "Sleeping better since the last visit.",
    "Flare-up after a long drive.",
    "Advised heat and gentle movement after treatment.",
    "Working from home this week; desk set-up discussed.",
    "Back at the gym, lighter loads.",
)

_FINDING_NOTES: dict[str, tuple[str, ...]] = {
    "bleeding_tendency": (
        "Apixaban 5 mg twice daily",
        "Warfarin, INR 2–3",
        "Rivaroxaban 20 mg",
        "Aspirin 75 mg daily",
        "Clopidogrel 75 mg daily",
        "Mild haemophilia A",
    ),
    "diabetes": (
        "Type 2, tablets",
        "Type 2, insulin",
        "Type 1, insulin pump",
        "Type 2, diet-controlled",
    ),
    "allergy": ("Nickel", "Latex", "Nickel and chromium"),
    "psychological": (
        "Health anxiety",
        "Generalised anxiety, well managed",
        "Low mood; warned about post-needling soreness",
    ),
    "electrical_implant": (
        "Pacemaker",
        "Implantable cardioverter-defibrillator",
        "Spinal cord stimulator",
    ),
    "immunocompromised": ("Long-term oral steroids", "Rheumatoid arthritis on methotrexate"),
    "vascular_disease": ("Peripheral arterial disease", "Varicose veins, legs"),
    "epilepsy": ("Well controlled; no seizure for years",),
    "medication": ("SSRI antidepressant", "Long-term NSAIDs"),
    "implant_other": ("Right total hip replacement", "Left knee replacement", "Breast implants"),
    "local_skin": ("Psoriasis, away from the needling sites",),
    "frail": ("Low body weight; short sessions",),
    "other_relative": ("Recent flu vaccination",),
}
_LYMPHOEDEMA_NOTES = {
    "arm": "After breast cancer surgery with axillary node clearance",
    "leg": "After inguinal lymph node dissection",
}

# Electrical dry needling: one channel across a pair of needles, within rules.EDN_RANGES.
_EDN_FREQUENCIES_HZ = ((2.0, 70), (10.0, 30))
_EDN_PULSE_WIDTHS_US = (200.0, 250.0, 300.0)
_EDN_INTENSITY_MA = (5, 25)
_EDN_MINUTES = (10, 20)
_EDN_NOTE = "One channel across the pair, to a strong but comfortable contraction."

# ---------------------------------------------------------------------------------------------
# Rare cases: a block lifted with a written reason, a warning knowingly accepted
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RareCase:
    """A patient whose record holds a rare safety answer, session after session.

    For a block (``kind`` needs a reason): ``code`` is the screening item recorded as present
    (with ``notes``), and the practitioner goes ahead after discussion, writing ``first`` the
    first time the block is lifted and ``again`` at later sessions. For the both-sides-of-the-
    thorax warning there is no finding and nothing to write: the warning is acknowledged.
    ``profiles`` are the presenting problems the case fits (any, when empty).
    """

    id: str
    kind: SafetyKind
    code: str = ""
    notes: str = ""
    first: str = ""
    again: str = ""
    profiles: tuple[str, ...] = ()
    consent_note: str = ""
    recumbent: bool = False  # never treated sitting
    max_points: int = 12  # a lighter dose than usual


ABSOLUTE_CASES = (
    RareCase(
        "interpreter",
        SafetyKind.ABSOLUTE,
        "unable_to_consent",
        "Speaks little English: consent only through a professional interpreter",
        "Professional interpreter present throughout; risks explained through the interpreter "
        "and understanding checked; the patient consents.",
        "Interpreter present again; consent confirmed through the interpreter.",
        consent_note="Obtained through a professional interpreter.",
    ),
    RareCase(
        "needle_fear",
        SafetyKind.ABSOLUTE,
        "needle_phobia",
        "Fainted at a blood test as a teenager; very anxious about needles",
        "Fear of needles discussed at length; the patient wishes to try. Lying down, one needle "
        "at a time, may stop at any moment.",
        "Tolerated the last session lying down; the patient wishes to continue.",
        recumbent=True,
        max_points=6,
    ),
    RareCase(
        "previous_flare",
        SafetyKind.ABSOLUTE,
        "clinician_judgement",
        "Severe flare lasting two weeks after dry needling at another clinic",
        "Previous flare discussed; the patient wishes to try a low dose: few needles, few "
        "passes, review of the response at the next visit.",
        "No flare after the last session; continuing at a low dose.",
        max_points=4,
    ),
)
LYMPHOEDEMA_CASE = RareCase(
    "treated_arm",
    SafetyKind.LYMPHOEDEMA,
    "lymphoedema",
    "Mild arm lymphoedema after axillary node clearance, stable for years",
    "Mild lymphoedema, stable for years; needling this arm agreed with the patient and the "
    "lymphoedema therapist; strict asepsis, few needles, sleeve back on afterwards.",
    "Arm unchanged since the last session; same precautions.",
    profiles=("lateral_elbow", "forearm_wrist"),
    max_points=4,
)
IMPLANT_CASE = RareCase(
    "cochlear_implant",
    SafetyKind.ELECTRICAL_IMPLANT,
    "electrical_implant",
    "Cochlear implant",
    "The implant is a cochlear implant, far from the lower leg treated; the implant team "
    "advised no current above the waist; the patient agrees.",
    "Cochlear implant only; current again confined to the lower leg.",
    profiles=("calf_achilles", "shin_ankle", "plantar_heel"),
)
BILATERAL_CASE = RareCase(
    "both_sides_upper_back",
    SafetyKind.BILATERAL_THORAX,
    profiles=("thoracic",),
    consent_note="Needling both sides of the upper back in one session discussed, including "
    "the risk of a pneumothorax on both sides.",
)
BILATERAL_SHARE = 0.3  # of that patient's later sessions (the first always treats both sides)
# Every block of RARE_BLOCK patient numbers holds these cases, at places drawn from the seed:
# rare enough to be realistic, certain enough that any demo of RARE_BLOCK patients shows them.
RARE_BLOCK = 500
RARE_CASES: tuple[tuple[tuple[RareCase, ...], int], ...] = (
    (ABSOLUTE_CASES, 3),
    ((LYMPHOEDEMA_CASE,), 1),
    ((IMPLANT_CASE,), 1),
    ((BILATERAL_CASE,), 1),
)

# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def _pick(rng: random.Random, weighted: Sequence[tuple[T, float]]) -> T:
    total = 0.0
    for _, weight in weighted:
        total += weight
    threshold = rng.random() * total
    for item, weight in weighted:
        threshold -= weight
        if threshold < 0:
            return item
    return weighted[-1][0]


def _weighted_sample(rng: random.Random, weighted: Sequence[tuple[T, float]], k: int) -> list[T]:
    """``k`` distinct items, likelier the heavier (Efraimidis–Spirakis keys)."""
    keyed = sorted(
        ((rng.random() ** (1.0 / weight), index) for index, (_, weight) in enumerate(weighted)),
        reverse=True,
    )
    return [weighted[index][0] for _, index in keyed[:k]]


def _at(day: date, minutes: int, seconds: int = 0) -> datetime:
    """A moment on ``day`` in UTC, so that the demo is the same in every time zone."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
        minutes=minutes, seconds=seconds
    )


def _office_hours(moment: datetime) -> datetime:
    """A report made by phone: moved into the clinic's day (08:00–19:00 UTC) if it fell outside."""
    if moment.hour < 8:
        return moment.replace(hour=8)
    if moment.hour >= 19:
        return (moment + timedelta(days=1)).replace(hour=8)
    return moment


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _weekday_back(day: date) -> date:
    """The day itself, or the Friday before a weekend."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _MuscleFacts:
    muscle: Muscle
    locations: dict[str, tuple[BodyLocation, ...]]  # by side value: one per reference TrP
    lung: bool
    limb: str | None  # "arm" / "leg" when the muscle lies in a limb (as the safety rules say)


@dataclass(slots=True)
class _Course:
    """One patient's situation while their record is generated."""

    profile: Profile
    sex: Sex
    birth: date
    sides: tuple[str, ...]
    pattern: list[tuple[str, float]]
    findings: dict[str, ScreeningFinding] = field(default_factory=dict)
    lymphoedema: tuple[str, str] | None = None  # (side, "arm"/"leg") never to be needled
    pregnant: bool = False
    no_electrical: bool = False
    bleeding: bool = False
    case: RareCase | None = None
    case_key: str = ""  # the key of the prompt the case's written reason answers
    lifted: int = 0  # sessions in which the block was lifted so far

    def electrical_barred(self) -> bool:
        """Pregnancy, or an electrical implant (unless this is the implant case)."""
        implant = self.findings["electrical_implant"].present
        return self.pregnant or (implant and self.case is not IMPLANT_CASE)


class ClinicGenerator:
    """Builds patient ``n``'s bundle from ``seed``, ``until`` and ``n`` alone (no I/O, no clock)."""

    def __init__(
        self, atlas: Atlas, practitioner_ids: Sequence[int], *, seed: int, until: date
    ) -> None:
        if not practitioner_ids:
            raise ValueError("the demo needs at least one practitioner")
        self._atlas = atlas
        self._practitioners = tuple(practitioner_ids)
        self._seed = seed
        self._until = until
        self._horizon = _at(until, 24 * 60) - timedelta(seconds=1)
        self._pools = load_name_pools()
        self._culture_weights = self._pools.cumulative_weights
        self._muscles = self._muscle_facts(atlas)
        self._rules = SafetyRules(atlas)
        self._rare: dict[int, dict[int, RareCase]] = {}
        seeded = random.Random(f"needlemap-demo:{seed}:clinic")
        self._insurance_offset = seeded.randrange(10**9)

    # -- set-up --------------------------------------------------------------------------------

    @staticmethod
    def _muscle_facts(atlas: Atlas) -> dict[str, _MuscleFacts]:
        """Every profile muscle, checked against the atlas: it exists and has a surface mark."""
        facts: dict[str, _MuscleFacts] = {}
        for profile in PROFILES:
            named = {muscle_id for muscle_id, _ in profile.muscles}
            for position, _, reachable in profile.positions:
                stray = set(reachable) - named
                if stray:
                    raise ValueError(f"profile {profile.id}, {position}: {sorted(stray)} unlisted")
            reached = {m for _, _, reachable in profile.positions for m in reachable}
            if named - reached:
                raise ValueError(f"profile {profile.id}: {sorted(named - reached)} unreachable")
            for muscle_id in named:
                if muscle_id in facts:
                    continue
                muscle = atlas.catalogue.find(muscle_id)
                if muscle is None:
                    raise ValueError(f"profile {profile.id}: unknown muscle {muscle_id!r}")
                if muscle.internal or not muscle.views or not muscle.bilateral:
                    raise ValueError(f"profile {profile.id}: {muscle_id} has no surface mark")
                locations = {}
                for side in muscle.sides:
                    positions = atlas.reference_positions(muscle_id, side)
                    fallback = atlas.default_position(muscle_id, side)
                    if not positions and fallback is not None:
                        positions = [fallback]
                    if not positions:
                        raise ValueError(f"{muscle_id}: the atlas has no place for it on {side}")
                    locations[side] = tuple(
                        BodyLocation(
                            muscle_id=muscle_id,
                            side=Side(side),
                            view=position.view,
                            layer=Layer(position.layer),
                            x=position.x,
                            y=position.y,
                            atlas_version=atlas.version,
                            trigger_point=position.trigger_point,
                        )
                        for position in positions
                    )
                found = limb_of(muscle, "right")
                limb = found.value.split("_")[1] if found is not None else None
                facts[muscle_id] = _MuscleFacts(
                    muscle, locations, "lung_pleura" in muscle.risk, limb
                )
        return facts

    # -- one patient ---------------------------------------------------------------------------

    def patient(self, number: int) -> PatientBundle:
        rng = random.Random(f"needlemap-demo:{self._seed}:{number}")
        sex = _pick(rng, ((Sex.FEMALE, 57), (Sex.MALE, 42), (Sex.OTHER, 0.5), (Sex.UNKNOWN, 0.5)))
        given, family = self._name(rng, sex)
        count = self._session_count(rng)
        dates = self._course_dates(rng, count)
        birth = self._birth_date(rng, dates[0])
        course = self._course(rng, sex, birth, dates[0], self.rare_case(number))
        primary = rng.randrange(len(self._practitioners))
        first_start = _at(dates[0], rng.randrange(8 * 60, 17 * 60 + 31, 15))
        created = first_start - timedelta(
            days=rng.choice((0, 0, 1, 2, 3, 7, 14)), minutes=rng.randint(20, 90)
        )
        patient = Patient(
            id=0,
            given_names=given,
            family_name=family,
            birth_date=birth,
            sex=sex,
            phone=self._phone(rng),
            email=f"patient{number}@example.org" if rng.random() < 0.82 else "",
            notes=f"Synthetic demo patient (needlemap demo, seed {self._seed}).",
            identifiers=self._identifiers(rng, number),
            created_at=created,
            updated_at=created,
        )
        sessions, screenings = self._sessions(rng, course, dates, first_start, primary)
        return PatientBundle(patient=patient, screenings=screenings, sessions=sessions)

    def rare_case(self, number: int) -> RareCase | None:
        """The rare case patient ``number`` is, if any (see :data:`RARE_CASES`)."""
        block = (number - 1) // RARE_BLOCK
        placed = self._rare.get(block)
        if placed is None:
            rng = random.Random(f"needlemap-demo:{self._seed}:rare:{block}")
            slots = iter(rng.sample(range(RARE_BLOCK), sum(n for _, n in RARE_CASES)))
            placed = {}
            for options, count in RARE_CASES:
                for nth in range(count):  # every option in turn, so a block shows each of them
                    option = options[(block * count + nth) % len(options)]
                    placed[block * RARE_BLOCK + next(slots) + 1] = option
            self._rare[block] = placed
        return placed.get(number)

    def _name(self, rng: random.Random, sex: Sex) -> tuple[str, str]:
        culture = rng.choices(self._pools.cultures, cum_weights=self._culture_weights)[0]
        female = sex is Sex.FEMALE or (sex not in (Sex.FEMALE, Sex.MALE) and rng.random() < 0.5)
        given = rng.choice(culture.given_female if female else culture.given_male)
        family = self._family(rng, culture, female)
        if culture.compound and rng.random() < culture.compound:
            second = self._family(rng, culture, female)
            if second != family:
                family = f"{family} {second}"
        return given, family

    @staticmethod
    def _family(rng: random.Random, culture: Culture, female: bool) -> str:
        plain, gendered = len(culture.family), len(culture.family_gendered)
        index = rng.randrange(plain + gendered)
        if index < plain:
            return culture.family[index]
        male_form, female_form = culture.family_gendered[index - plain]
        return female_form if female else male_form

    @staticmethod
    def _phone(rng: random.Random) -> str:
        """Numbers from Ofcom's ranges reserved for drama: they never ring a real person."""
        roll = rng.random()
        if roll < 0.78:
            return f"+44 7700 900{rng.randrange(1000):03d}"
        if roll < 0.93:
            return f"+44 20 7946 0{rng.randrange(1000):03d}"
        return ""

    def _identifiers(self, rng: random.Random, number: int) -> tuple[PatientIdentifier, ...]:
        identifiers = [PatientIdentifier(CLINIC_NO, f"DEMO-{number:06d}")]
        if rng.random() < 0.35:
            # an affine map with a multiplier prime to 10**9 never repeats a number
            value = (number * 7_368_787 + self._insurance_offset) % 10**9
            text = f"{value:09d}"
            identifiers.append(
                PatientIdentifier(INSURANCE_NO, f"{text[:3]} {text[3:6]} {text[6:]}")
            )
        return tuple(identifiers)

    @staticmethod
    def _session_count(rng: random.Random) -> int:
        low, high = _pick(rng, _SESSION_COUNT_BANDS)
        return rng.randint(low, high)

    def _course_dates(self, rng: random.Random, count: int) -> list[date]:
        """Weekdays, 5 to 21 days apart (closer at the start), the last on or before ``until``."""
        gaps = [
            rng.randint(5, 10) if index < 3 else rng.randint(7, 21) for index in range(count - 1)
        ]
        span = sum(gaps)
        if rng.random() < 0.18:  # still coming: the last visit was in the past fortnight
            back = rng.randint(0, 9)
        else:
            back = rng.randint(10, max(10, HISTORY_DAYS - span))
        day = _weekday_back(self._until - timedelta(days=back))
        dates = [day]
        for gap in reversed(gaps):
            earlier = dates[-1] - timedelta(days=gap)
            weekday = earlier.weekday()
            if weekday >= 5:  # move to the Friday before or the Monday after, keeping 5..21
                friday = earlier - timedelta(days=weekday - 4)
                monday = earlier + timedelta(days=7 - weekday)
                earlier = friday if (dates[-1] - friday).days <= 21 else monday
            dates.append(earlier)
        dates.reverse()
        return dates

    @staticmethod
    def _birth_date(rng: random.Random, first_day: date) -> date:
        latest = min(YOUNGEST_BIRTH, _years_before(first_day, YOUNGEST_AGE))
        age = _clamp(rng.triangular(16, 88, 47), 14, 95)
        year = max(OLDEST_BIRTH.year, min(latest.year, first_day.year - age))
        born = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        return max(OLDEST_BIRTH, min(latest, born))

    def _course(
        self,
        rng: random.Random,
        sex: Sex,
        birth: date,
        first_day: date,
        case: RareCase | None = None,
    ) -> _Course:
        age = _age_on(birth, first_day)
        findings = self._findings(rng, sex, age)
        if case is not None and case.kind is not SafetyKind.ABSOLUTE:
            # the case is about a limb, an implant or the thorax: nothing else stands in its way
            for code in ("pregnancy", "lymphoedema"):
                findings[code] = ScreeningFinding(code, False)
        pregnant = findings["pregnancy"].present
        lymph = findings["lymphoedema"]
        lymphoedema = None
        if lymph.present:
            side, limb = lymph.limbs[0].value.split("_")
            lymphoedema = (side, limb)
        profiles = [p for p in PROFILES if not (pregnant and p.low_back)]
        if case is not None and case.profiles:
            profiles = [p for p in profiles if p.id in case.profiles]
        profile = _pick(rng, [(p, p.weight) for p in profiles])
        right, left, both = profile.sides
        sides = _pick(rng, ((("right",), right), (("left",), left), (("right", "left"), both)))
        case_key = ""
        if case is BILATERAL_CASE:
            sides = ("right", "left")
        elif case is LYMPHOEDEMA_CASE:
            sides = sides[:1]  # the affected arm is the painful one
            limb = Limb(f"{sides[0]}_arm")
            findings[case.code] = ScreeningFinding(case.code, True, case.notes, (limb,))
            case_key = limb.value
        elif case is not None:
            findings[case.code] = ScreeningFinding(case.code, True, case.notes)
            case_key = case.code
        size = min(len(profile.muscles), rng.randint(3, 7))
        chosen = _weighted_sample(rng, profile.muscles, size)
        weights = dict(profile.muscles)
        pattern = [(muscle_id, float(weights[muscle_id])) for muscle_id in chosen]
        course = _Course(
            profile=profile,
            sex=sex,
            birth=birth,
            sides=sides,
            pattern=pattern,
            findings=findings,
            lymphoedema=lymphoedema,
            pregnant=pregnant,
            bleeding=findings["bleeding_tendency"].present,
            case=case,
            case_key=case_key,
        )
        course.no_electrical = course.electrical_barred()
        if lymphoedema is not None and not self._any_candidates(course):
            other = "left" if lymphoedema[0] == "right" else "right"
            course.sides = (other,)
        return course

    def _findings(self, rng: random.Random, sex: Sex, age: int) -> dict[str, ScreeningFinding]:
        """The first screening: most patients answer no to everything."""
        present: dict[str, str] = {}
        chances = {
            "bleeding_tendency": 0.03 if age < 60 else 0.13,
            "diabetes": 0.04 if age < 50 else 0.12,
            "allergy": 0.03,
            "psychological": 0.05,
            "electrical_implant": 0.003 if age < 65 else 0.035,
            "immunocompromised": 0.01,
            "vascular_disease": 0.005 if age < 60 else 0.04,
            "epilepsy": 0.007,
            "medication": 0.04,
            "implant_other": 0.015 if age < 60 else 0.1,
            "local_skin": 0.01,
            "other_relative": 0.005,
            "frail": 0.35 if age >= 80 else 0.0,
        }
        for code, chance in chances.items():
            if rng.random() < chance:
                present[code] = rng.choice(_FINDING_NOTES[code])
        if age < 18:
            present["child"] = "Parent present; assent and parental consent"
        limbs: tuple[Limb, ...] = ()
        if rng.random() < 0.01:
            limb = _pick(
                rng,
                (
                    (Limb.RIGHT_ARM, 35),
                    (Limb.LEFT_ARM, 35),
                    (Limb.RIGHT_LEG, 15),
                    (Limb.LEFT_LEG, 15),
                ),
            )
            limbs = (limb,)
            present["lymphoedema"] = _LYMPHOEDEMA_NOTES[limb.value.split("_")[1]]
        if sex is Sex.FEMALE and 18 <= age <= 45 and rng.random() < 0.02:
            present["pregnancy"] = f"{rng.randint(14, 30)} weeks"
        return {
            item.code: ScreeningFinding(
                code=item.code,
                present=item.code in present,
                notes=present.get(item.code, ""),
                limbs=limbs if item.code == "lymphoedema" else (),
            )
            for item in SCREENING_ITEMS
        }

    def _rescreen(
        self, rng: random.Random, course: _Course, day: date
    ) -> dict[str, ScreeningFinding]:
        """A year on: lasting conditions stay, a pregnancy has ended, some things are new."""
        age = _age_on(course.birth, day)
        updated = dict(course.findings)
        updated["pregnancy"] = ScreeningFinding("pregnancy", False)
        child = age < 18
        updated["child"] = ScreeningFinding(
            "child", child, "Parent present; assent and parental consent" if child else ""
        )
        for code, chance in (
            ("bleeding_tendency", 0.015),
            ("diabetes", 0.01),
            ("medication", 0.02),
        ):
            if not updated[code].present and rng.random() < chance:
                updated[code] = ScreeningFinding(code, True, rng.choice(_FINDING_NOTES[code]))
        course.findings = updated
        course.pregnant = False
        course.bleeding = updated["bleeding_tendency"].present
        course.no_electrical = course.electrical_barred()
        return updated

    # -- sessions ------------------------------------------------------------------------------

    def _candidates(
        self, course: _Course, position: str, sides: Sequence[str]
    ) -> list[tuple[tuple[str, str], float]]:
        """(muscle, side) pairs of the patient's pattern reachable in ``position``."""
        reachable: tuple[str, ...] = ()
        for name, _, muscles in course.profile.positions:
            if name == position:
                reachable = muscles
        candidates = []
        for muscle_id, weight in course.pattern:
            if muscle_id not in reachable:
                continue
            facts = self._muscles[muscle_id]
            for side in sides:
                if course.lymphoedema == (side, facts.limb):
                    continue  # never needle a limb with lymphoedema
                candidates.append(((muscle_id, side), weight))
        return candidates

    def _any_candidates(self, course: _Course) -> bool:
        return any(
            self._candidates(course, name, course.sides) for name, _, _ in course.profile.positions
        )

    def _sessions(
        self,
        rng: random.Random,
        course: _Course,
        dates: list[date],
        first_start: datetime,
        primary: int,
    ) -> tuple[tuple[SessionBundle, ...], tuple[BundledScreening, ...]]:
        count = len(dates)
        profile = course.profile
        starts = [first_start] + [
            _at(day, rng.randrange(8 * 60, 17 * 60 + 31, 15)) for day in dates[1:]
        ]
        staff = [
            primary if rng.random() < 0.85 else rng.randrange(len(self._practitioners))
            for _ in dates
        ]
        # pain: most improve over the course, some only partly, a few not at all
        baseline = _pick(rng, ((3, 3), (4, 10), (5, 18), (6, 22), (7, 22), (8, 17), (9, 8)))
        kind = _pick(rng, (("responder", 78), ("partial", 14), ("none", 8)))
        final_ratio = {
            "responder": rng.uniform(0.1, 0.45),
            "partial": rng.uniform(0.55, 0.8),
            "none": rng.uniform(0.9, 1.15),
        }[kind]
        drops = {
            "responder": ((0, 15), (1, 35), (2, 30), (3, 15), (4, 5)),
            "partial": ((0, 30), (1, 40), (2, 25), (3, 5)),
            "none": ((-1, 10), (0, 50), (1, 35), (2, 5)),
        }[kind]
        instrument = None
        for candidate, share in profile.questionnaires:
            if rng.random() * 100 < share:
                instrument = candidate
                break
        psfs = None
        if rng.random() < (profile.psfs_share if instrument else max(0.5, profile.psfs_share)):
            psfs = "2.0" if rng.random() < 0.2 else "1.0"
        ppt = rng.random() < 0.1
        every = rng.choice((3, 4, 4, 5))
        outcome_base = {
            Instrument.NDI: rng.uniform(16, 50),
            Instrument.ODI: rng.uniform(18, 52),
            Instrument.LEFS: rng.uniform(25, 55),
            Instrument.UEFI: rng.uniform(28, 55),
            Instrument.PSFS: rng.uniform(2, 5),
            Instrument.PPT: rng.uniform(2.0, 4.5),
        }
        active = (self._until - dates[-1]).days <= 11  # seen within the last fortnight
        draft_last = active and rng.random() < 0.15
        next_visit = active and rng.random() < 0.7

        screenings: list[BundledScreening] = []
        screening: Screening | None = None  # the one in force on the session's day
        bundles: list[SessionBundle] = []
        for index, day in enumerate(dates):
            started = starts[index]
            practitioner = self._practitioners[staff[index]]
            if screening is None or (day - screening.screened_on).days >= RESCREEN_DAYS:
                findings = (
                    course.findings if screening is None else self._rescreen(rng, course, day)
                )
                screening = Screening(
                    0,
                    0,
                    day,
                    practitioner,
                    "" if screening is None else "Annual re-screen",
                    tuple(findings.values()),
                )
                screenings.append(BundledScreening(screening, started + timedelta(minutes=1)))
            progress = index / (count - 1) if count > 1 else 0.0
            shape = (1 - math.exp(-3 * progress)) / (1 - math.exp(-3))
            ratio = 1 - (1 - final_ratio) * shape
            before = baseline if index == 0 else _clamp(baseline * ratio + rng.gauss(0, 0.8), 0, 10)
            after = _clamp(before - _pick(rng, drops), 0, 10)
            is_last = index == count - 1
            draft = is_last and draft_last
            session_bundle, pneumothorax = self._session(
                rng,
                course,
                index,
                started,
                practitioner,
                before,
                after,
                draft,
                next_visit and is_last,
                screening=screening,
                electrical=course.case is IMPLANT_CASE and (index % 2 == 1 or count == 1),
                outcomes=self._outcomes(
                    rng,
                    course,
                    index,
                    count,
                    started,
                    ratio,
                    instrument,
                    psfs,
                    ppt,
                    every,
                    outcome_base,
                ),
                next_start=starts[index + 1] if index + 1 < count else None,
                next_practitioner=(
                    self._practitioners[staff[index + 1]] if index + 1 < count else None
                ),
            )
            bundles.append(session_bundle)
            if pneumothorax:
                break  # no more needling for this patient
        return tuple(bundles), tuple(screenings)

    def _session(
        self,
        rng: random.Random,
        course: _Course,
        index: int,
        started: datetime,
        practitioner: int,
        before: int,
        after: int,
        draft: bool,
        book_next: bool,
        *,
        screening: Screening,
        electrical: bool,
        outcomes: tuple[Outcome, ...],
        next_start: datetime | None,
        next_practitioner: int | None,
    ) -> tuple[SessionBundle, bool]:
        position, picked = self._compose(rng, course, index)
        points = self._points(rng, course, picked, electrical=electrical)
        lung = any(self._muscles[loc.muscle_id].lung for loc, _ in points)
        consented = started + timedelta(minutes=rng.randint(1, 4))
        consent_note = course.case.consent_note if course.case else ""
        if index == 0:
            consent = Consent(
                ConsentMethod.WRITTEN,
                practitioner,
                consented,
                CONSENT_TEXT_VERSION,
                WRITTEN_RISKS + ((PNEUMOTHORAX_RISK,) if lung else ()),
                copy_offered=True,
                notes=consent_note,
            )
        else:
            consent = Consent(
                ConsentMethod.VERBAL,
                practitioner,
                consented,
                CONSENT_TEXT_VERSION,
                VERBAL_RISKS + ((PNEUMOTHORAX_RISK,) if lung else ()),
                notes=consent_note,
            )
        charted = started + timedelta(minutes=rng.randint(6, 15), seconds=rng.randrange(60))
        ended = started + timedelta(minutes=rng.randint(25, 50))
        signed_at = (
            None
            if draft
            else ended + timedelta(minutes=rng.randint(1, 45), seconds=rng.randrange(60))
        )
        inserted = len(points) + (1 if rng.random() < 0.02 else 0)  # a bent needle replaced
        removed, count_note = inserted, ""
        if rng.random() < 0.002:
            inserted += 1
            count_note = rng.choice(_NEEDLE_COUNT_NOTES)
        events, amendments, pneumothorax = self._adverse_events(
            rng,
            course,
            points,
            practitioner,
            started,
            charted,
            ended,
            signed_at,
            lung,
            next_start,
            next_practitioner,
        )
        next_appointment = None
        if book_next:
            day = _weekday_back(started.date() + timedelta(days=rng.randint(7, 14)))
            next_appointment = _at(day, rng.randrange(8 * 60, 17 * 60 + 31, 15))
        notes = ""
        if index == 0:
            sides = " and ".join(course.sides)
            notes = f"{course.profile.label}, {sides} side{'s' if len(course.sides) > 1 else ''}."
        elif rng.random() < 0.3:
            notes = rng.choice(_SESSION_NOTES)
        session = Session(
            id=0,
            patient_id=0,
            practitioner_id=practitioner,
            started_at=started,
            ended_at=None if draft and rng.random() < 0.5 else ended,
            position=position,
            nprs_before=before,
            nprs_after=None if draft and rng.random() < 0.5 else after,
            notes=notes,
            status=SessionStatus.DRAFT if draft else SessionStatus.SIGNED,
            signed_by_id=None if draft else practitioner,
            signed_at=signed_at,
            needles_inserted=inserted,
            needles_removed=removed,
            needle_count_note=count_note,
            next_appointment=next_appointment,
            consent=consent,
            amendments=tuple(amendments),
        )
        updated = max([signed_at or charted, *(a.created_at for a in amendments)])
        return (
            SessionBundle(
                session=session,
                created_at=started,
                updated_at=updated,
                charted_at=charted,
                points=points,
                outcomes=outcomes,
                adverse_events=tuple(events),
                safety_events=self._answers(course, session, screening, points, charted),
            ),
            pneumothorax,
        )

    def _answers(
        self,
        course: _Course,
        session: Session,
        screening: Screening,
        points: Sequence[BundledPoint],
        charted: datetime,
    ) -> tuple[BundledSafetyEvent, ...]:
        """The prompts the app raises as these points are charted one by one, each answered.

        As ``PointService.mark``: the screening in force that day, the clinic's settings, the
        points already charted and the prompts already answered in the session go through the
        app's own rules; every prompt still pending is answered by the session's practitioner
        and kept against the point that raised it. A block is lifted only by this patient's
        rare case, with its written reason.
        """
        answered: set[tuple[SafetyKind, str]] = set()
        charted_so_far: list[NeedledPoint] = []
        found: list[BundledSafetyEvent] = []
        lifted = False
        for seq, (location, settings) in enumerate(points, start=1):
            context = MarkContext(
                session=session,
                screening=screening,
                settings=DEMO_SETTINGS,
                muscle=self._muscles[location.muscle_id].muscle,
                location=location,
                point_settings=settings,
                other_points=tuple(charted_so_far),
                answered=frozenset(answered),
            )
            for check in self._rules.pending(context):
                reason = ""
                if check.needs_reason:
                    reason = self._written_reason(course, check.kind, check.key)
                    lifted = True
                found.append(
                    BundledSafetyEvent(
                        SafetyEvent(
                            id=0,
                            session_id=0,
                            kind=check.kind,
                            key=check.key,
                            message=check.message,
                            reason=reason,
                            point_id=None,
                            acknowledged_by_id=session.practitioner_id,
                            acknowledged_at=charted,
                        ),
                        seq,
                    )
                )
                answered.add((check.kind, check.key))
            charted_so_far.append(NeedledPoint(0, 0, seq, location, settings, charted, charted))
        course.lifted += lifted
        return tuple(found)

    @staticmethod
    def _written_reason(course: _Course, kind: SafetyKind, key: str) -> str:
        """The written reason for lifting a block: only the patient's own rare case has one."""
        case = course.case
        if case is None or (case.kind, course.case_key) != (kind, key):
            raise ValueError(f"the demo would needle through a block: {kind.label} ({key})")
        reason = case.again if course.lifted else case.first
        assert len(reason) >= MIN_REASON
        return reason

    def _compose(
        self, rng: random.Random, course: _Course, index: int
    ) -> tuple[PatientPosition, list[tuple[str, str]]]:
        """The position, then 2–12 (muscle, side) marks reachable in it."""
        options = []
        recumbent = course.case is not None and course.case.recumbent
        # the bilateral case: treated prone on both sides at the first visit, often later too
        both_thorax = course.case is BILATERAL_CASE and (
            index == 0 or rng.random() < BILATERAL_SHARE
        )
        for name, weight, _ in course.profile.positions:
            if (course.pregnant and name == "prone") or (recumbent and name == "sitting"):
                continue
            if both_thorax and name == SIDE_LYING:
                continue
            sides = course.sides
            if name == SIDE_LYING and len(sides) > 1:
                sides = (sides[index % 2],)  # lying on one side reaches one side
            candidates = self._candidates(course, name, sides)
            if candidates:
                options.append(((name, sides, candidates), float(weight)))
        if not options:  # pregnancy, and only prone reaches this pattern: rare, accepted
            candidates = self._candidates(course, "prone", course.sides)
            options.append((("prone", course.sides, candidates), 1.0))
        name, sides, candidates = _pick(rng, options)
        if len(sides) > 1 and not both_thorax and rng.random() > 0.003:
            # guideline: never both sides of the thorax in one session; alternate the lung side
            lung_side = sides[index % 2]
            candidates = [
                (pair, weight)
                for pair, weight in candidates
                if pair[1] == lung_side or not self._muscles[pair[0]].lung
            ] or candidates
        wanted = _pick(rng, _POINTS_PER_SESSION)
        if course.case is not None:
            wanted = min(wanted, course.case.max_points)
        if both_thorax:  # half the marks on each side
            wanted = max(wanted, 4)
            distinct = []
            for side in sides:
                half = [(pair, weight) for pair, weight in candidates if pair[1] == side]
                distinct += _weighted_sample(rng, half, min(wanted // 2, len(half)))
        else:
            distinct = _weighted_sample(rng, candidates, min(wanted, len(candidates)))
        picked = list(distinct)
        while len(picked) < max(2, min(wanted, 2 * len(distinct))):
            # a second trigger point in a muscle already needled (never a third)
            picked.append(rng.choice([pair for pair in distinct if picked.count(pair) < 2]))
        order = {pair: rank for rank, pair in enumerate(distinct)}
        picked.sort(key=lambda pair: (pair[1] != sides[0], order[pair]))
        if name == SIDE_LYING:
            position = (
                PatientPosition.SIDE_LYING_LEFT
                if sides[0] == "right"
                else PatientPosition.SIDE_LYING_RIGHT
            )
        else:
            position = PatientPosition(name)
        return position, picked

    def _points(
        self,
        rng: random.Random,
        course: _Course,
        picked: Sequence[tuple[str, str]],
        *,
        electrical: bool = False,
    ) -> tuple[BundledPoint, ...]:
        """The points in charting order; ``electrical`` makes this an electrical session."""
        style = _pick(
            rng,
            (
                ("pistoning", 72),
                ("static", 14),
                ("mixed", 10),
                ("electrical", 0 if course.no_electrical else 4),
            ),
        )
        if electrical:
            style = "electrical"
        # one channel across the first two needles away from the thorax (never across it)
        pair = [n for n, (m, _) in enumerate(picked) if not self._muscles[m].lung][:2]
        wired = frozenset(pair) if style == "electrical" and len(pair) == 2 else frozenset()
        channel = PointSettings(technique=Technique.ELECTRICAL)  # the stimulator's settings
        if wired:
            channel = PointSettings(
                technique=Technique.ELECTRICAL,
                edn_frequency_hz=_pick(rng, _EDN_FREQUENCIES_HZ),
                edn_pulse_width_us=rng.choice(_EDN_PULSE_WIDTHS_US),
                edn_intensity_ma=float(rng.randint(*_EDN_INTENSITY_MA)),
                edn_duration_min=float(rng.randint(*_EDN_MINUTES)),
            )
        diameters: dict[NeedleChoice, float] = {}
        points: list[BundledPoint] = []
        marked: dict[tuple[str, str], int] = {}
        for number, (muscle_id, side) in enumerate(picked):
            facts = self._muscles[muscle_id]
            muscle = facts.muscle
            # a second mark on the same muscle goes to its next reference trigger point
            nth = marked.get((muscle_id, side), rng.randrange(len(facts.locations[side])))
            marked[(muscle_id, side)] = nth + 1
            if number in wired:
                technique = Technique.ELECTRICAL
            elif style in ("pistoning", "electrical"):
                technique = (
                    Technique.ROTATION if rng.random() < 0.05 else Technique.DEEP_FAST_IN_OUT
                )
            elif style == "static":
                technique = Technique.SUPERFICIAL if rng.random() < 0.1 else Technique.STATIC
            else:
                technique = _pick(
                    rng,
                    (
                        (Technique.DEEP_FAST_IN_OUT, 60),
                        (Technique.STATIC, 25),
                        (Technique.ROTATION, 15),
                    ),
                )
            needles = needle_choice(muscle, low_back=course.profile.low_back)
            if needles not in diameters:  # one box of needles per region in a session
                diameters[needles] = rng.choice(needles.diameters)
            lengths = needles.lengths
            if muscle.layer == "superficial":
                length = lengths[0]
            elif muscle.layer == "deep":
                length = lengths[-1]
            else:
                length = rng.choice(lengths)
            if technique is Technique.SUPERFICIAL:
                depth = float(rng.randint(3, 5))
            else:
                low, high = _DEPTH_FRACTION[muscle.layer]
                depth = float(_clamp(length * rng.uniform(low, high), 2, length - 3))
                if needles.depth_cap_mm is not None:
                    depth = min(depth, needles.depth_cap_mm)
            insertions: int | None
            retention: int | None = None
            notes = ""
            stimulation = PointSettings()  # no stimulation parameters
            if technique is Technique.DEEP_FAST_IN_OUT:
                insertions, ltr = rng.randint(3, 10), _pick(rng, _LTR_COUNTS)
            elif technique is Technique.ROTATION:
                insertions, ltr = rng.randint(1, 3), rng.randint(0, 2)
                retention = rng.randrange(60, 301, 30)
            elif technique is Technique.ELECTRICAL:
                insertions, ltr = 1, 0
                stimulation = channel
                retention = int(channel.edn_duration_min or 0) * 60
                notes = _EDN_NOTE
            else:
                insertions, ltr = 1, (1 if rng.random() < 0.15 else 0)
                retention = rng.randrange(300, 1201, 60)
            familiar = rng.random() < 0.6
            referred = rng.random() < (0.4 if familiar else 0.15)
            response = _pick(rng, _RESPONSES)
            if response in _RESPONSE_NOTES:
                notes = f"{notes} {_RESPONSE_NOTES[response]}".strip()
            settings = PointSettings(
                technique=technique,
                needle_diameter_mm=diameters[needles],
                needle_length_mm=float(length),
                depth_mm=depth,
                insertions=insertions,
                retention_s=retention,
                ltr_count=ltr,
                familiar_pain=familiar,
                referred_pain=referred,
                referred_to=muscle.referral if referred else "",
                patient_response=response,
                notes=notes,
                edn_frequency_hz=stimulation.edn_frequency_hz,
                edn_pulse_width_us=stimulation.edn_pulse_width_us,
                edn_intensity_ma=stimulation.edn_intensity_ma,
                edn_duration_min=stimulation.edn_duration_min,
            )
            options = facts.locations[side]
            points.append((options[nth % len(options)], settings))
        return tuple(points)

    def _adverse_events(
        self,
        rng: random.Random,
        course: _Course,
        points: Sequence[BundledPoint],
        practitioner: int,
        started: datetime,
        charted: datetime,
        ended: datetime,
        signed_at: datetime | None,
        lung: bool,
        next_start: datetime | None,
        next_practitioner: int | None,
    ) -> tuple[list[BundledAdverseEvent], list[Amendment], bool]:
        """About 8% of sessions: mostly mild; rarely significant; pneumothorax very rarely."""
        events: list[BundledAdverseEvent] = []
        amendments: list[Amendment] = []
        scheme = SeverityScheme.WHITE
        if lung and signed_at is not None and rng.random() < 1 / 8000:
            lung_seqs = [
                seq for seq, (loc, _) in enumerate(points, 1) if self._muscles[loc.muscle_id].lung
            ]
            onset = ended + timedelta(hours=rng.randint(24, 48))
            reported = _office_hours(
                onset + timedelta(hours=rng.randint(2, 8), minutes=rng.randrange(60))
            )
            if reported <= self._horizon:
                description, action, duration = _EVENT_TEXT[AdverseEventType.PNEUMOTHORAX]
                event = AdverseEvent(
                    0,
                    0,
                    AdverseEventType.PNEUMOTHORAX,
                    "serious",
                    scheme,
                    onset,
                    action,
                    description,
                    duration,
                    None,
                    reported,
                    practitioner,
                )
                events.append(BundledAdverseEvent(event, rng.choice(lung_seqs)))
                amendments.append(_late_amendment(event))
                return events, amendments, True
        chance = 0.14 if course.bleeding else 0.08
        if rng.random() >= chance:
            return events, amendments, False
        roll = rng.random()
        severity = "mild"
        later = linked = False
        if roll < 0.012:
            kind, severity = AdverseEventType.FAINTING, "significant"
            description, action, duration = _EVENT_TEXT[kind]
        elif roll < 0.02:
            kind, severity, later = AdverseEventType.AGGRAVATION, "significant", True
            description, action, duration = _SIGNIFICANT_AGGRAVATION
        else:
            options = [
                (
                    (k, lt, ln),
                    float(
                        w
                        * (
                            2
                            if k is AdverseEventType.HEADACHE and course.profile.headache_prone
                            else 1
                        )
                        * (2 if k is AdverseEventType.BRUISING and course.bleeding else 1)
                    ),
                )
                for k, w, lt, ln in _MILD_EVENTS
            ]
            kind, later, linked = _pick(rng, options)
            description, action, duration = _EVENT_TEXT[kind]
        recorded_by = practitioner
        if later:
            onset = ended + timedelta(hours=rng.randint(2, 20), minutes=rng.randrange(60))
            if next_start is not None and next_practitioner is not None:
                recorded = next_start + timedelta(minutes=rng.randint(1, 5))  # told next visit
                recorded_by = next_practitioner
            else:
                recorded = _at(onset.date() + timedelta(days=1), 9 * 60 + rng.randint(0, 480))
            if recorded > self._horizon:  # not yet reported by the end of the history
                return events, amendments, False
        else:
            onset = min(charted + timedelta(minutes=rng.randint(1, 10)), ended)
            recorded = ended
        event = AdverseEvent(
            0,
            0,
            kind,
            severity,
            scheme,
            onset,
            action,
            description,
            duration,
            None,
            recorded,
            recorded_by,
        )
        seq = rng.randint(1, len(points)) if linked else None
        events.append(BundledAdverseEvent(event, seq))
        if signed_at is not None and recorded > signed_at:
            amendments.append(_late_amendment(event))
        return events, amendments, False

    def _outcomes(
        self,
        rng: random.Random,
        course: _Course,
        index: int,
        count: int,
        started: datetime,
        ratio: float,
        instrument: Instrument | None,
        psfs: str | None,
        ppt: bool,
        every: int,
        base: dict[Instrument, float],
    ) -> tuple[Outcome, ...]:
        """Baseline at the first session, then a re-assessment every few sessions."""
        if index % every and not (index == count - 1 and count >= 3):
            return ()
        timing = OutcomeTiming.PRE if index == 0 else OutcomeTiming.FOLLOW_UP
        measured = started + timedelta(minutes=rng.randint(1, 4))
        noise = rng.gauss(0, 1)
        outcomes: list[Outcome] = []
        if instrument in (Instrument.NDI, Instrument.ODI):
            score = base[instrument] * (0.35 + 0.65 * ratio) + 3 * noise
            value = 2.0 * _clamp(score / 2, 0, 50)  # out of 50, shown as a percentage
            version = "Vernon & Mior 1991" if instrument is Instrument.NDI else "2.1a"
            outcomes.append(
                Outcome(0, 0, instrument, value, "%", timing, version, measured_at=measured)
            )
        elif instrument in (Instrument.LEFS, Instrument.UEFI):
            score = 80 - (80 - base[instrument]) * (0.3 + 0.7 * ratio) + 3 * noise
            version = "Binkley 1999" if instrument is Instrument.LEFS else "UEFI-20"
            outcomes.append(
                Outcome(
                    0,
                    0,
                    instrument,
                    float(_clamp(score, 0, 80)),
                    "points",
                    timing,
                    version,
                    measured_at=measured,
                )
            )
        if psfs is not None:
            able = 10 - (10 - base[Instrument.PSFS]) * (0.3 + 0.7 * ratio) + 0.5 * noise
            able = max(0.0, min(10.0, able))
            value = round(10 - able if psfs == "2.0" else able, 1)
            outcomes.append(
                Outcome(
                    0,
                    0,
                    Instrument.PSFS,
                    value,
                    "points",
                    timing,
                    psfs,
                    notes="Mean of 3 activities",
                    measured_at=measured,
                )
            )
        if ppt:
            muscle_id = course.pattern[0][0]
            side = Side(course.sides[0])
            site = self._muscles[muscle_id].muscle.name
            pre = round(base[Instrument.PPT] * (1 + 0.3 * (1 - ratio)) + 0.2 * noise, 1)
            pre = max(0.5, pre)
            post = round(pre + rng.uniform(0.1, 0.6), 1)
            notes = "Algometer, 1 cm² probe, 1 kg/cm² per second"
            outcomes.append(
                Outcome(
                    0,
                    0,
                    Instrument.PPT,
                    pre,
                    "kg/cm²",
                    OutcomeTiming.PRE,
                    body_site=site,
                    side=side,
                    notes=notes,
                    measured_at=measured,
                )
            )
            outcomes.append(
                Outcome(
                    0,
                    0,
                    Instrument.PPT,
                    post,
                    "kg/cm²",
                    OutcomeTiming.POST,
                    body_site=site,
                    side=side,
                    notes=notes,
                    measured_at=measured + timedelta(minutes=20),
                )
            )
        return tuple(outcomes)


def _late_amendment(event: AdverseEvent) -> Amendment:
    """What ``SessionService.record_adverse_event`` adds when a signed session gets an event."""
    assert event.recorded_at is not None
    return Amendment(
        id=0,
        author_id=event.recorded_by_id,
        created_at=event.recorded_at,
        reason=LATE_EVENT_REASON,
        summary=f"Adverse event added: {event.type.label} ({event.severity})",
    )
