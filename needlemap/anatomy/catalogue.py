"""The muscle catalogue: reference data for every muscle (or part, or group) a clinician charts.

Loaded from ``resources/anatomy/muscles.toml``. Left and right are not stored here: a bilateral
muscle is one entry drawn on both sides, and a mark records the patient's side separately.
Sides and layers are plain strings (``"left"``, ``"deep"``) so that this package needs nothing
from the domain layer; they are the same values as the domain's ``Side`` and ``Layer``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Final, Literal

from needlemap.resources import resource_path

SideName = Literal["right", "left", "midline"]
LayerName = Literal["superficial", "intermediate", "deep"]

LAYERS: Final[tuple[LayerName, ...]] = ("superficial", "intermediate", "deep")
SIDES: Final[tuple[SideName, ...]] = ("right", "left", "midline")
REGIONS: Final[dict[str, str]] = {
    "head_face": "Head and face",
    "neck": "Neck",
    "shoulder_girdle": "Shoulder girdle",
    "upper_arm": "Upper arm",
    "forearm_hand": "Forearm and hand",
    "trunk_anterior": "Trunk, front",
    "trunk_posterior": "Back",
    "pelvis_hip": "Pelvis and hip",
    "thigh": "Thigh",
    "leg": "Lower leg",
    "foot": "Foot",
}
RISK_TAGS: Final[dict[str, str]] = {
    "lung_pleura": "Lung / pleura",
    "major_vessel": "Major vessel",
    "named_nerve": "Named nerve",
    "spinal_canal": "Spinal canal",
    "viscera": "Viscera / peritoneum",
    "kidney": "Kidney",
    "eye": "Eye",
    "internal_only": "Internal procedure only",
}
LATERALITIES: Final[tuple[str, ...]] = ("bilateral", "midline")
_ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


class CatalogueError(ValueError):
    """The catalogue file breaks its own rules: a packaging or editing mistake, caught at load."""


@dataclass(frozen=True, slots=True)
class MuscleCodes:
    uberon: str | None = None
    fma: str | None = None
    snomed: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Muscle:
    id: str
    name: str
    patient_name: str
    latin: str
    group: str
    region: str
    layer: LayerName
    laterality: str
    views: tuple[str, ...]
    risk: tuple[str, ...]
    risk_note: str
    synonyms: tuple[str, ...]
    trp_site: str
    referral: str
    picker: bool
    internal: bool
    table_row: int
    codes: MuscleCodes = field(default_factory=MuscleCodes)

    @property
    def bilateral(self) -> bool:
        return self.laterality == "bilateral"

    @property
    def sides(self) -> tuple[SideName, ...]:
        return ("right", "left") if self.bilateral else ("midline",)

    @property
    def region_label(self) -> str:
        return REGIONS[self.region]


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching ("Pectoralis" ~ "pectorális")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class SearchHit:
    muscle: Muscle
    score: int
    matched: str


class Catalogue:
    """All muscles, in the catalogue's order, with lookup and clinician-style search."""

    def __init__(self, muscles: Iterable[Muscle]) -> None:
        self._muscles = tuple(muscles)
        self._by_id = {muscle.id: muscle for muscle in self._muscles}

    def __iter__(self) -> Iterator[Muscle]:
        return iter(self._muscles)

    def __len__(self) -> int:
        return len(self._muscles)

    def __contains__(self, muscle_id: object) -> bool:
        return muscle_id in self._by_id

    def get(self, muscle_id: str) -> Muscle:
        try:
            return self._by_id[muscle_id]
        except KeyError:
            raise KeyError(f"unknown muscle id {muscle_id!r}") from None

    def find(self, muscle_id: str) -> Muscle | None:
        return self._by_id.get(muscle_id)

    @cached_property
    def _search_terms(self) -> tuple[tuple[Muscle, tuple[tuple[str, str, int], ...]], ...]:
        table = []
        for muscle in self._muscles:
            terms = [(fold(muscle.name), muscle.name, 0)]
            terms += [(fold(s), s, 0) for s in muscle.synonyms]
            terms += [(fold(muscle.latin), muscle.latin, 1), (fold(muscle.id), muscle.id, 1)]
            terms += [(fold(muscle.patient_name), muscle.patient_name, 2)]
            table.append((muscle, tuple(terms)))
        return tuple(table)

    def search(
        self, query: str, *, limit: int = 20, include_hidden: bool = True
    ) -> list[SearchHit]:
        """Rank muscles for a typed query: exact name or synonym, then prefix, word, substring.

        "QL", "upper trap", "peroneus longus" and "glute med" all find what a clinician means.
        """
        needle = " ".join(fold(query).split())
        if not needle:
            return []
        hits: list[SearchHit] = []
        for muscle, terms in self._search_terms:
            if not include_hidden and not muscle.picker:
                continue
            best: tuple[int, str] | None = None
            for folded, original, penalty in terms:
                score = _match_score(needle, folded)
                if score is None:
                    continue
                score += penalty
                if best is None or score < best[0]:
                    best = (score, original)
            if best is not None:
                if not muscle.picker:
                    best = (best[0] + 1, best[1])
                hits.append(SearchHit(muscle, best[0], best[1]))
        hits.sort(key=lambda hit: (hit.score, hit.muscle.name))
        return hits[:limit]


def _match_score(needle: str, term: str) -> int | None:
    if term == needle:
        return 0
    if term.startswith(needle):
        return 10
    words = term.replace("-", " ").replace("(", " ").split()
    if any(word.startswith(needle) for word in words):
        return 20
    # every typed word is the start of some word of the term: "ext carp rad"
    parts = needle.split()
    if len(parts) > 1 and all(any(w.startswith(p) for w in words) for p in parts):
        return 25
    if needle in term:
        return 30
    return None


def _tuple_of_str(raw: object, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise CatalogueError(f"{where}: {key} must be a list of strings")
    return tuple(raw)


def _muscle_from_entry(entry: dict[str, object], known_views: set[str]) -> Muscle:
    muscle_id = str(entry.get("id", ""))
    where = f"muscle {muscle_id or '?'}"
    if not _ID_PATTERN.match(muscle_id):
        raise CatalogueError(f"{where}: id must be snake_case ASCII")
    for key in ("name", "patient_name", "latin", "group", "region", "layer", "laterality"):
        if not isinstance(entry.get(key), str) or not str(entry.get(key)).strip():
            raise CatalogueError(f"{where}: {key} is missing")
    layer = str(entry["layer"])
    region = str(entry["region"])
    laterality = str(entry["laterality"])
    if layer not in LAYERS:
        raise CatalogueError(f"{where}: layer {layer!r} is not one of {LAYERS}")
    if region not in REGIONS:
        raise CatalogueError(f"{where}: region {region!r} is unknown")
    if laterality not in LATERALITIES:
        raise CatalogueError(f"{where}: laterality {laterality!r} is unknown")
    views = _tuple_of_str(entry.get("views", []), where, "views")
    unknown_views = set(views) - known_views
    if unknown_views:
        raise CatalogueError(f"{where}: unknown views {sorted(unknown_views)}")
    risk = _tuple_of_str(entry.get("risk", []), where, "risk")
    unknown_risk = set(risk) - set(RISK_TAGS)
    if unknown_risk:
        raise CatalogueError(f"{where}: unknown risk tags {sorted(unknown_risk)}")
    raw_codes = entry.get("codes", {})
    if not isinstance(raw_codes, dict):
        raise CatalogueError(f"{where}: codes must be a table")
    codes = MuscleCodes(
        uberon=raw_codes.get("uberon"),
        fma=raw_codes.get("fma"),
        snomed=raw_codes.get("snomed"),
        note=str(entry.get("codes_note", "")),
    )
    return Muscle(
        id=muscle_id,
        name=str(entry["name"]),
        patient_name=str(entry["patient_name"]),
        latin=str(entry["latin"]),
        group=str(entry["group"]),
        region=region,
        layer=layer,  # type: ignore[arg-type]
        laterality=laterality,
        views=views,
        risk=risk,
        risk_note=str(entry.get("risk_note", "")),
        synonyms=_tuple_of_str(entry.get("synonyms", []), where, "synonyms"),
        trp_site=str(entry.get("trp_site", "")),
        referral=str(entry.get("referral", "")),
        picker=bool(entry.get("picker", True)),
        internal=bool(entry.get("internal", False)),
        table_row=int(entry.get("table_row", 0)),  # type: ignore[call-overload]
        codes=codes,
    )


def parse_catalogue(path: Path, known_views: Iterable[str]) -> Catalogue:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    entries = data.get("muscle")
    if not isinstance(entries, list) or not entries:
        raise CatalogueError(f"{path}: no [[muscle]] entries")
    views = set(known_views)
    muscles = [_muscle_from_entry(entry, views) for entry in entries]
    seen: set[str] = set()
    for muscle in muscles:
        if muscle.id in seen:
            raise CatalogueError(f"duplicate muscle id {muscle.id!r}")
        seen.add(muscle.id)
    return Catalogue(muscles)


def catalogue_path() -> Path:
    return resource_path("anatomy", "muscles.toml")
