"""``needlemap backup``, ``restore`` and ``db upgrade|check``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from needlemap.cli.common import clinic_for
from needlemap.config import DatabaseLocation
from needlemap.domain.errors import DatabaseUnavailableError
from needlemap.services import open_clinic
from needlemap.services.maintenance import restore as restore_backup


def backup(args: argparse.Namespace, location: DatabaseLocation) -> int:
    destination = Path(args.out).expanduser().resolve()
    with clinic_for(location) as clinic:
        made = clinic.maintenance.backup_to(destination)
    print(f"Backup written to {made}")
    return 0


def restore(args: argparse.Namespace, location: DatabaseLocation) -> int:
    if location.sqlite_path is None:
        raise DatabaseUnavailableError(
            "restore replaces a local SQLite database; for a server use its own tools."
        )
    source = Path(args.backup_file).expanduser().resolve()
    if source == location.sqlite_path:
        raise DatabaseUnavailableError("The backup and the database are the same file.")
    kept = restore_backup(source, location.sqlite_path, location.backup_dir)
    with open_clinic(location.url, backup_dir=location.backup_dir) as clinic:
        report = clinic.maintenance.check()
    if kept:
        print(f"The replaced database was kept as {kept}")
    print(f"Restored {location.sqlite_path} from {source} (schema {report.revision})")
    return 0 if report.ok else 1


def upgrade(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with clinic_for(location) as clinic:
        report = clinic.database.report
        revision = clinic.maintenance.check().revision
    if report.migrated_from:
        print(
            f"Schema upgraded from {report.migrated_from} to {revision}; "
            f"the old database was backed up to {report.backup}"
        )
    elif report.created:
        print(f"New database created at schema {revision}")
    else:
        print(f"Schema already up to date ({revision})")
    return 0


def check(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with open_clinic(location.url, backup_dir=location.backup_dir, migrate=False) as clinic:
        report = clinic.maintenance.check()
        where = clinic.location
    if report.ok:
        print(f"{where}: ok (schema {report.revision})")
        return 0
    for problem in report.problems:
        print(f"{where}: {problem}", file=sys.stderr)
    return 1
