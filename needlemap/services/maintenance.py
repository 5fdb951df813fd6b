"""Looking after the database: backups, restore, schema upgrade and health checks."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from needlemap.anatomy import Atlas
from needlemap.domain.clock import local_today, utc_now
from needlemap.domain.errors import DatabaseUnavailableError
from needlemap.store import Database, backup, health, migrate

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class HealthReport:
    revision: str | None
    head: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class MaintenanceService:
    def __init__(self, database: Database, atlas: Atlas, backup_dir: Path | None) -> None:
        self._db = database
        self._atlas = atlas
        self._backup_dir = backup_dir

    @property
    def backup_dir(self) -> Path | None:
        return self._backup_dir

    def _sqlite_path(self, what: str) -> Path:
        if self._db.path is None:
            raise DatabaseUnavailableError(
                f"{what} works on a local SQLite database; for a server database use its own "
                "tools (for PostgreSQL: pg_dump and pg_restore)."
            )
        return self._db.path

    def backup_to(self, destination: Path) -> Path:
        return backup.copy_database(self._sqlite_path("Backup"), destination)

    def daily_backup(self, today: date | None = None) -> Path | None:
        """Today's rotating backup (kept for seven days); a no-op without a backup folder."""
        if self._db.path is None or self._backup_dir is None:
            return None
        return backup.daily_backup(self._db.path, self._backup_dir, today or local_today())

    def check(self) -> HealthReport:
        """Integrity, foreign keys, schema revision and the atlas references of every point."""
        known = {m.id for m in self._atlas.catalogue}
        revision, problems = health.check(self._db, known_muscles=known)
        head = migrate.head_revision()
        if revision != head:
            problems.insert(0, f"schema revision is {revision}, expected {head}")
        return HealthReport(revision=revision, head=head, problems=problems)


class MigrationBackup:
    """Called by the store before it migrates an older database: keep a copy of the old one."""

    def __init__(self, backup_dir: Path | None) -> None:
        self._backup_dir = backup_dir

    def __call__(self, database: Database, revision: str) -> Path | None:
        if database.path is None:
            log.warning("server database migrated without a local backup; use pg_dump first")
            return None
        directory = self._backup_dir or database.path.parent
        made = backup.named_backup(database.path, directory, f"before-{revision}", utc_now())
        log.info("pre-migration backup written")
        return made


def restore(backup_file: Path, target: Path, backup_dir: Path | None) -> Path | None:
    """Replace ``target`` with a verified backup, keeping a copy of what it replaces."""
    return backup.restore_database(backup_file, target, backup_dir or target.parent, utc_now())
