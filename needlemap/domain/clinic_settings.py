"""The clinic's own settings, declared once with their types and defaults.

They live in the database, not on one computer, so every workstation of a clinic prints the
same header and gives patients the same advice. The texts are the clinic's to edit; the
defaults follow what patients are typically told after dry needling (post-needling soreness
for 24–72 hours, bruising, hydration, gentle activity) and the red flags worth printing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

PAGE_SIZES = ("A4", "Letter")

DEFAULT_AFTERCARE = (
    "Soreness in the treated muscles is normal and usually settles within 24 to 72 hours; it "
    "can feel like the day after a hard workout.\n"
    "A small bruise may appear where a needle went in. It is harmless and fades within a few "
    "days.\n"
    "Keep gently active and drink water as usual. Avoid very strenuous exercise for the rest "
    "of today.\n"
    "Gentle stretching, a warm shower or a heat pack can ease soreness. Take your usual pain "
    "relief if you need it, as advised by your pharmacist or doctor.\n"
    "You may feel tired or a little light-headed for a few hours: rest if you do, and do not "
    "drive until you feel normal."
)
DEFAULT_RED_FLAG_CHEST = (
    "If you become short of breath, have chest pain, or develop a dry cough, get emergency "
    "care at once (call your local emergency number) and say you have had dry needling near "
    "the chest. These can begin straight away or up to a few days later."
)
DEFAULT_RED_FLAG_SPINE = (
    "If you develop sudden severe pain, weakness, numbness or pins and needles in your arms or "
    "legs, or any trouble with bladder or bowel control, get emergency care at once and say "
    "you have had dry needling near the spine."
)
DEFAULT_RED_FLAG_INFECTION = (
    "If a needled area becomes increasingly red, hot, swollen or painful, or you develop a "
    "fever, contact us or your doctor the same day: these can be signs of infection."
)
DEFAULT_RED_FLAG_GENERAL = (
    "If anything worries you after treatment, call us. Outside opening hours, contact your "
    "doctor or local urgent care service."
)
DEFAULT_CONSENT_TEXT = (
    "Dry needling uses fine, solid needles inserted into muscle to treat myofascial trigger "
    "points. It is not acupuncture. Common effects are soreness for up to three days, "
    "bruising and minor bleeding, and tiredness or light-headedness. Rare but serious risks "
    "include a collapsed lung (pneumothorax) when needling over the chest wall, nerve or "
    "blood-vessel injury, infection, and fainting. You may ask questions and stop treatment at "
    "any time, and you may have a copy of this information."
)


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    clinic_name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    logo_png_base64: str = ""
    page_size: str = "A4"
    aftercare: str = DEFAULT_AFTERCARE
    red_flag_chest: str = DEFAULT_RED_FLAG_CHEST
    red_flag_spine: str = DEFAULT_RED_FLAG_SPINE
    red_flag_infection: str = DEFAULT_RED_FLAG_INFECTION
    red_flag_general: str = DEFAULT_RED_FLAG_GENERAL
    consent_text: str = DEFAULT_CONSENT_TEXT
    consent_text_version: str = "NeedleMap DN consent 1"
    require_consent: bool = True
    rescreen_after_days: int = 180

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_stored(cls, stored: dict[str, str]) -> ClinicSettings:
        """Stored strings back to typed values; unknown or missing keys take their defaults."""
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in stored:
                continue
            raw = stored[f.name]
            default = getattr(defaults, f.name)
            if isinstance(default, bool):
                values[f.name] = raw == "1"
            elif isinstance(default, int):
                values[f.name] = int(raw) if raw.lstrip("-").isdigit() else default
            else:
                values[f.name] = raw
        return replace(defaults, **values)

    def to_stored(self) -> dict[str, str]:
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = ("1" if value else "0") if isinstance(value, bool) else str(value)
        return out
