"""Validation rules as properties: what is accepted is exactly what the rule says."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from needlemap.domain import rules
from needlemap.domain.errors import ValidationError
from needlemap.domain.patient_query import parse_patient_query
from needlemap.domain.point import PointSettings
from needlemap.domain.text import fold
from needlemap.domain.vocabulary import SeverityScheme, Side

TODAY = date(2026, 11, 24)


@given(st.integers(min_value=-1000, max_value=1000))
def test_nprs_accepts_exactly_zero_to_ten(value: int) -> None:
    if 0 <= value <= 10:
        assert rules.nprs(value, field="nprs_before") == value
    else:
        with pytest.raises(ValidationError, match="NPRS before must be a whole number from 0"):
            rules.nprs(value, field="nprs_before")


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_nprs_refuses_fractions_and_non_finite(value: float) -> None:
    if value.is_integer() and 0 <= value <= 10:
        assert rules.nprs(value, field="nprs_after") == int(value)
    else:
        with pytest.raises(ValidationError):
            rules.nprs(value, field="nprs_after")


@given(st.dates(min_value=date(1890, 1, 1), max_value=date(2100, 1, 1)))
def test_birth_date_never_in_the_future(day: date) -> None:
    if day > TODAY or TODAY.year - day.year > rules.OLDEST_PLAUSIBLE_AGE:
        with pytest.raises(ValidationError, match="Date of birth"):
            rules.birth_date(day, today=TODAY)
    else:
        assert rules.birth_date(day, today=TODAY) == day


@given(
    length=st.floats(min_value=5, max_value=150),
    depth=st.floats(min_value=0.1, max_value=150),
)
def test_depth_never_beyond_the_needle(length: float, depth: float) -> None:
    settings = PointSettings(needle_length_mm=length, depth_mm=depth)
    if depth > length:
        with pytest.raises(ValidationError, match="beyond the needle's length"):
            rules.point_settings(settings)
    else:
        assert rules.point_settings(settings).depth_mm == depth


@given(st.text(min_size=1, max_size=300))
def test_names_are_kept_as_typed_apart_from_outer_space(text: str) -> None:
    kept = unicodedata.normalize("NFC", text).strip()
    control = any(unicodedata.category(ch) == "Cc" and ch not in "\t\r\n" for ch in kept)
    if not kept or len(kept) > rules.NAME_MAX or "\n" in kept or control:
        with pytest.raises(ValidationError):
            rules.patient_names("", text)
        return
    _given, family = rules.patient_names("", text)
    assert family.strip() == family and family
    assert len(family) <= rules.NAME_MAX


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=50))
def test_fold_is_idempotent_and_case_blind(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert fold(text.upper()) == fold(text.lower()) or not text.isascii()


def test_patient_query_understands_dates() -> None:
    assert parse_patient_query("09.03.1984").birth_date == date(1984, 3, 9)
    assert parse_patient_query("1984-03-09").birth_date == date(1984, 3, 9)
    assert parse_patient_query("31.02.1984").birth_date is None
    assert parse_patient_query("  Zoë   Łukasiewicz ").words == ("zoe", "lukasiewicz")


def test_severity_grades_follow_their_scheme() -> None:
    assert rules.severity(SeverityScheme.BOYCE, "Major") == "major"
    with pytest.raises(ValidationError, match="minor, major"):
        rules.severity(SeverityScheme.BOYCE, "serious")


def test_enum_parse_lists_the_choices() -> None:
    assert Side.parse(" LEFT ", field="side") is Side.LEFT
    with pytest.raises(ValidationError, match="left, right, midline"):
        Side.parse("port", field="side")


def test_future_moments_are_refused() -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(ValidationError, match="future"):
        rules.not_after(now + timedelta(minutes=1), now, field="started_at")
