"""The clinic's settings: read by the PDFs and the safety rules, edited by the practitioner."""

from __future__ import annotations

import base64
import binascii
from dataclasses import replace
from typing import TYPE_CHECKING

from needlemap.domain import rules
from needlemap.domain.clinic_settings import PAGE_SIZES, ClinicSettings
from needlemap.domain.clock import utc_now
from needlemap.domain.errors import ValidationError
from needlemap.services.notifier import Change, Notifier

if TYPE_CHECKING:
    from needlemap.store import Database

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_LOGO_BYTES = 512 * 1024


class ClinicSettingsService:
    def __init__(self, database: Database, notifier: Notifier) -> None:
        self._db = database
        self._notifier = notifier

    def get(self) -> ClinicSettings:
        with self._db.read() as uow:
            return uow.settings.load()

    def update(self, **changes: object) -> ClinicSettings:
        unknown = set(changes) - set(ClinicSettings.keys())
        if unknown:
            raise ValidationError(f"Unknown setting(s): {', '.join(sorted(unknown))}.")
        clean: dict[str, object] = {}
        for key, value in changes.items():
            if key == "page_size":
                if value not in PAGE_SIZES:
                    raise ValidationError(
                        f"Page size must be {' or '.join(PAGE_SIZES)}.", field=key
                    )
                clean[key] = value
            elif key == "require_consent":
                clean[key] = bool(value)
            elif key == "rescreen_after_days":
                clean[key] = rules.whole_number(
                    value, field=key, minimum=1, maximum=3650, optional=False
                )
            elif key == "logo_png_base64":
                clean[key] = _checked_logo(str(value or ""))
            elif key in {"clinic_name", "phone", "email", "consent_text_version"}:
                clean[key] = rules.clean_text(value, field=key, max_length=200)
            else:
                clean[key] = rules.clean_text(value, field=key, max_length=rules.LONG_TEXT_MAX)
        with self._db.write() as uow:
            saved = uow.settings.save(replace(uow.settings.load(), **clean), utc_now())
        self._notifier.publish(Change("clinic_settings_changed"))
        return saved

    def set_logo(self, png: bytes) -> ClinicSettings:
        return self.update(logo_png_base64=base64.b64encode(png).decode("ascii"))


def _checked_logo(encoded: str) -> str:
    if not encoded:
        return ""
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("The logo is not a valid image.", field="logo_png_base64") from None
    if not data.startswith(PNG_MAGIC):
        raise ValidationError("The logo must be a PNG image.", field="logo_png_base64")
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            "The logo is larger than 512 KB; use a smaller image.", field="logo_png_base64"
        )
    return encoded
