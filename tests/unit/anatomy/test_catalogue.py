"""The muscle catalogue: coverage of the reference table, vocabularies, codes and search."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from needlemap.anatomy import load_atlas
from needlemap.anatomy.catalogue import LAYERS, REGIONS, RISK_TAGS, CatalogueError, parse_catalogue
from needlemap.domain.vocabulary import Layer, Side

SHARED = Path(__file__).resolve().parents[4] / "shared"
REFERENCE = SHARED / "domain" / "dry-needling-reference.md"
CODES = SHARED / "reference" / "muscle-ids-uberon.csv"


@pytest.fixture(scope="module")
def catalogue():
    return load_atlas().catalogue


def test_every_row_of_the_reference_table_is_covered(catalogue) -> None:
    rows = {m.table_row for m in catalogue}
    assert set(range(1, 121)) <= rows
    assert len(catalogue) >= 120


def test_parts_and_groups_clinicians_chart(catalogue) -> None:
    for muscle_id in [
        "trapezius_upper",
        "trapezius_middle",
        "trapezius_lower",
        "deltoid_anterior",
        "deltoid_middle",
        "deltoid_posterior",
        "scm_sternal",
        "scm_clavicular",
        "gastrocnemius_medial",
        "gastrocnemius_lateral",
        "suboccipitals",
        "short_external_rotators",
        "pelvic_floor",
        "multifidi_thoracolumbar",
    ]:
        assert muscle_id in catalogue
    assert catalogue.get("pelvic_floor").internal
    assert catalogue.get("pelvic_floor").views == ()
    assert catalogue.get("trapezius_upper").group == "trapezius"


def test_vocabularies(catalogue) -> None:
    views = {view.id for view in load_atlas().views}
    for muscle in catalogue:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", muscle.id)
        assert muscle.region in REGIONS
        assert muscle.layer in LAYERS
        assert set(muscle.risk) <= set(RISK_TAGS)
        assert set(muscle.views) <= views
        assert muscle.name and muscle.patient_name and muscle.latin
        assert bool(muscle.risk) == bool(muscle.risk_note), muscle.id
        assert muscle.internal or muscle.views, muscle.id
        assert len(muscle.patient_name) <= 45
    # the anatomy layer's strings are the domain's enum values
    assert set(LAYERS) == {layer.value for layer in Layer}
    assert {"left", "right", "midline"} == {side.value for side in Side}


def test_codes_come_from_the_uberon_extract(catalogue) -> None:
    if not CODES.exists():
        pytest.skip("shared/ reference files are not beside the repository")
    with CODES.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    uberon = {row["uberon_id"] for row in rows}
    fma = {value for row in rows for value in row["fma_id"].split(";") if value}
    snomed = {value for row in rows for value in row["snomed_ctid_xref"].split(";") if value}
    coded = 0
    for muscle in catalogue:
        codes = muscle.codes
        assert codes.uberon is None or codes.uberon in uberon, muscle.id
        assert codes.fma is None or codes.fma in fma, muscle.id
        assert codes.snomed is None or codes.snomed in snomed, muscle.id
        coded += codes.uberon is not None
    assert coded >= 100
    assert catalogue.get("trapezius_upper").codes.uberon == "UBERON:0002380"


def test_thoracic_muscles_carry_the_lung_risk(catalogue) -> None:
    for muscle_id in [
        "trapezius_upper",
        "rhomboid_major",
        "scalenus_anterior",
        "serratus_anterior",
        "intercostals",
        "quadratus_lumborum",
    ]:
        assert "lung_pleura" in catalogue.get(muscle_id).risk, muscle_id
    assert "eye" in catalogue.get("orbicularis_oculi").risk
    assert "kidney" in catalogue.get("quadratus_lumborum").risk
    assert "internal_only" in catalogue.get("pelvic_floor").risk


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SCM", "scm_"),
        ("QL", "quadratus_lumborum"),
        ("TFL", "tensor_fasciae_latae"),
        ("upper trap", "trapezius_upper"),
        ("peroneus longus", "fibularis_longus"),
        ("glute med", "gluteus_medius"),
        ("lev scap", "levator_scapulae"),
        ("ext carp rad brev", "extensor_carpi_radialis_brevis"),
        ("PIRIFORMIS", "piriformis"),
        ("infra", "infraspinatus"),
    ],
)
def test_search_finds_what_a_clinician_types(catalogue, query: str, expected: str) -> None:
    hits = catalogue.search(query)
    assert hits and hits[0].muscle.id.startswith(expected), [h.muscle.id for h in hits[:5]]


def test_hidden_muscles_are_found_only_on_request(catalogue) -> None:
    assert catalogue.get("diaphragm").picker is False
    assert "diaphragm" not in {h.muscle.id for h in catalogue.search("diaph", include_hidden=False)}
    assert catalogue.search("diaph")[0].muscle.id == "diaphragm"


def test_broken_catalogue_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "m.toml"
    bad.write_text('[[muscle]]\nid = "Bad Id"\nname = "x"\n')
    with pytest.raises(CatalogueError, match="snake_case"):
        parse_catalogue(bad, ["anterior"])
