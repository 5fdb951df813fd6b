"""Validation rules, each raising :class:`ValidationError` with a message a clinician can act on.

The services call these on every value that comes in from a person or a script; records read
back from the database are trusted as stored, so a rule tightened later never hides old data.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime

from needlemap.domain.errors import ValidationError
from needlemap.domain.point import PointSettings
from needlemap.domain.vocabulary import PatientResponse, SeverityScheme, Technique

NAME_MAX = 200
SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 20_000
NPRS_MIN, NPRS_MAX = 0, 10
NEEDLE_DIAMETER_MM = (0.10, 0.50)
NEEDLE_LENGTH_MM = (5.0, 150.0)
MAX_RETENTION_S = 2 * 60 * 60
MAX_INSERTIONS = 200
MAX_LTR = 200
MAX_NEEDLES = 500
OLDEST_PLAUSIBLE_AGE = 130
# Electrical dry needling: frequency, pulse width, current, time, each per point.
EDN_RANGES = (
    ("edn_frequency_hz", "Hz", 0.5, 250.0),
    ("edn_pulse_width_us", "µs", 20.0, 1000.0),
    ("edn_intensity_ma", "mA", 0.1, 60.0),
    ("edn_duration_min", "min", 0.5, 60.0),
)


def _label(field: str) -> str:
    return field.replace("_", " ").capitalize()


def clean_text(value: object, *, field: str, max_length: int = LONG_TEXT_MAX) -> str:
    """Normalise to NFC and strip; refuse text that is too long or holds control characters."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{_label(field)} must be text.", field=field)
    text = unicodedata.normalize("NFC", value).strip()
    if len(text) > max_length:
        raise ValidationError(
            f"{_label(field)} is too long ({len(text)} characters; at most {max_length}).",
            field=field,
        )
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t\r" for ch in text):
        raise ValidationError(f"{_label(field)} contains control characters.", field=field)
    return text


def require_text(value: object, *, field: str, max_length: int = NAME_MAX) -> str:
    text = clean_text(value, field=field, max_length=max_length)
    if not text:
        raise ValidationError(f"{_label(field)} must not be empty.", field=field)
    return text


def patient_names(given_names: object, family_name: object) -> tuple[str, str]:
    """At least one name part is needed; single-name patients keep it as the family name."""
    given = clean_text(given_names, field="given_names", max_length=NAME_MAX)
    family = clean_text(family_name, field="family_name", max_length=NAME_MAX)
    if "\n" in given or "\n" in family:
        raise ValidationError("A name must be on one line.", field="family_name")
    if not given and not family:
        raise ValidationError("The patient's name must not be empty.", field="family_name")
    if not family:
        given, family = "", given
    return given, family


def birth_date(value: object, *, today: date) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                f"Date of birth {value!r} is not a date (use YYYY-MM-DD).", field="birth_date"
            ) from None
    if not isinstance(value, date):
        raise ValidationError("Date of birth is required.", field="birth_date")
    if value > today:
        raise ValidationError(
            f"Date of birth {value.isoformat()} is in the future.", field="birth_date"
        )
    if today.year - value.year > OLDEST_PLAUSIBLE_AGE:
        raise ValidationError(
            f"Date of birth {value.isoformat()} would make the patient over "
            f"{OLDEST_PLAUSIBLE_AGE}.",
            field="birth_date",
        )
    return value


def whole_number(
    value: object, *, field: str, minimum: int, maximum: int, optional: bool = True
) -> int | None:
    if value is None or value == "":
        if optional:
            return None
        raise ValidationError(f"{_label(field)} is required.", field=field)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValidationError(f"{_label(field)} must be a whole number.", field=field)
    try:
        number = float(value)
    except ValueError:
        raise ValidationError(
            f"{_label(field)} must be a whole number (got {value!r}).", field=field
        ) from None
    if not math.isfinite(number) or number != int(number):
        raise ValidationError(
            f"{_label(field)} must be a whole number (got {value!r}).", field=field
        )
    whole = int(number)
    if not minimum <= whole <= maximum:
        raise ValidationError(
            f"{_label(field)} must be between {minimum} and {maximum} (got {whole}).",
            field=field,
        )
    return whole


def nprs(value: object, *, field: str) -> int | None:
    """Numeric pain rating: a whole number from 0 (no pain) to 10 (worst imaginable)."""
    label = "NPRS before" if field == "nprs_before" else "NPRS after"
    if field not in {"nprs_before", "nprs_after"}:
        label = _label(field)
    try:
        return whole_number(value, field=field, minimum=NPRS_MIN, maximum=NPRS_MAX)
    except ValidationError:
        raise ValidationError(
            f"{label} must be a whole number from {NPRS_MIN} to {NPRS_MAX} (got {value!r}).",
            field=field,
        ) from None


def measure(
    value: object, *, field: str, unit: str, minimum: float, maximum: float
) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{_label(field)} must be a number.", field=field)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(
            f"{_label(field)} must be a number (got {value!r}).", field=field
        ) from None
    if not math.isfinite(number) or not minimum <= number <= maximum:
        raise ValidationError(
            f"{_label(field)} must be between {minimum:g} and {maximum:g} {unit} (got {value!r}).",
            field=field,
        )
    return number


def point_settings(settings: PointSettings) -> PointSettings:
    """Check each parameter's range, then the ones that depend on each other."""
    technique = Technique.parse(settings.technique, field="technique")
    response = (
        PatientResponse.parse(settings.patient_response, field="patient_response")
        if settings.patient_response
        else None
    )
    diameter = measure(
        settings.needle_diameter_mm,
        field="needle_diameter_mm",
        unit="mm",
        minimum=NEEDLE_DIAMETER_MM[0],
        maximum=NEEDLE_DIAMETER_MM[1],
    )
    length = measure(
        settings.needle_length_mm,
        field="needle_length_mm",
        unit="mm",
        minimum=NEEDLE_LENGTH_MM[0],
        maximum=NEEDLE_LENGTH_MM[1],
    )
    depth = measure(
        settings.depth_mm, field="depth_mm", unit="mm", minimum=0.0, maximum=NEEDLE_LENGTH_MM[1]
    )
    if depth is not None and length is not None and depth > length:
        raise ValidationError(
            f"Depth {depth:g} mm is beyond the needle's length of {length:g} mm.",
            field="depth_mm",
        )
    if depth is not None and depth == 0:
        raise ValidationError("Depth must be more than 0 mm.", field="depth_mm")
    insertions = whole_number(
        settings.insertions, field="insertions", minimum=1, maximum=MAX_INSERTIONS
    )
    retention = whole_number(
        settings.retention_s, field="retention_s", minimum=0, maximum=MAX_RETENTION_S
    )
    ltr = whole_number(settings.ltr_count, field="ltr_count", minimum=0, maximum=MAX_LTR)
    edn = {
        name: measure(getattr(settings, name), field=name, unit=unit, minimum=low, maximum=high)
        for name, unit, low, high in EDN_RANGES
    }
    if technique is not Technique.ELECTRICAL and any(value is not None for value in edn.values()):
        raise ValidationError(
            "Stimulation parameters belong to electrical dry needling: choose that technique "
            "or clear them.",
            field="technique",
        )
    return PointSettings(
        technique=technique,
        needle_diameter_mm=diameter,
        needle_length_mm=length,
        depth_mm=depth,
        insertions=insertions,
        retention_s=retention,
        ltr_count=ltr,
        familiar_pain=settings.familiar_pain,
        referred_pain=settings.referred_pain,
        referred_to=clean_text(
            settings.referred_to, field="referred_to", max_length=SHORT_TEXT_MAX
        ),
        patient_response=response,
        notes=clean_text(settings.notes, field="notes"),
        **edn,
    )


def needle_count(value: object, *, field: str) -> int | None:
    return whole_number(value, field=field, minimum=0, maximum=MAX_NEEDLES)


def severity(scheme: SeverityScheme, grade: object) -> str:
    text = clean_text(grade, field="severity", max_length=40).lower()
    if text not in scheme.grades:
        raise ValidationError(
            f"Severity must be one of {', '.join(scheme.grades)} under the {scheme.label} "
            f"scheme (got {grade!r}).",
            field="severity",
        )
    return text


def not_after(moment: datetime, limit: datetime, *, field: str) -> datetime:
    if moment > limit:
        raise ValidationError(f"{_label(field)} is in the future.", field=field)
    return moment
