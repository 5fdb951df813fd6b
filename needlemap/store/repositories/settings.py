"""Clinic-wide settings as key/value rows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from needlemap.domain.clinic_settings import ClinicSettings
from needlemap.store.models import ClinicSettingRow
from needlemap.store.repositories.base import Repository


class SettingsRepository(Repository):
    def load(self) -> ClinicSettings:
        stored = {row.key: row.value for row in self._orm.scalars(select(ClinicSettingRow))}
        return ClinicSettings.from_stored(stored)

    def save(self, settings: ClinicSettings, now: datetime) -> ClinicSettings:
        current = {row.key: row for row in self._orm.scalars(select(ClinicSettingRow))}
        for key, value in settings.to_stored().items():
            row = current.get(key)
            if row is None:
                self._orm.add(ClinicSettingRow(key=key, value=value, updated_at=now))
            elif row.value != value:
                row.value = value
                row.updated_at = now
        self._orm.flush()
        return settings
