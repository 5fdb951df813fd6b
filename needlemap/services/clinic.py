"""The composition of the services over one database: what the CLI and the GUI hold."""

from __future__ import annotations

from pathlib import Path

from needlemap.anatomy import Atlas, load_atlas
from needlemap.services.clinic_settings import ClinicSettingsService
from needlemap.services.demo import DemoService
from needlemap.services.history import HistoryService
from needlemap.services.maintenance import MaintenanceService, MigrationBackup
from needlemap.services.notifier import Notifier
from needlemap.services.patients import PatientService
from needlemap.services.points import PointService
from needlemap.services.practitioners import PractitionerService
from needlemap.services.progress import ProgressService
from needlemap.services.sessions import SessionService
from needlemap.store import Database, open_database


class Clinic:
    def __init__(self, database: Database, atlas: Atlas, backup_dir: Path | None) -> None:
        self.database = database
        self.atlas = atlas
        self.notifier = Notifier()
        self.patients = PatientService(database, self.notifier)
        self.practitioners = PractitionerService(database)
        self.sessions = SessionService(database, self.notifier)
        self.points = PointService(database, atlas, self.notifier)
        self.maintenance = MaintenanceService(database, atlas, backup_dir)
        self.demo = DemoService(database, atlas)
        self.settings = ClinicSettingsService(database, self.notifier)
        self.history = HistoryService(database, atlas)
        self.progress = ProgressService(database, atlas, self.history)

    @property
    def location(self) -> str:
        return self.database.display_name

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Clinic:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_clinic(url: str, *, backup_dir: Path | None = None, migrate: bool = True) -> Clinic:
    """Open the database at ``url`` (migrating it after a backup if it is older) and the atlas."""
    database = open_database(
        url, backup_before_migration=MigrationBackup(backup_dir), migrate_schema=migrate
    )
    try:
        atlas = load_atlas()
    except BaseException:
        database.close()
        raise
    return Clinic(database, atlas, backup_dir)
