"""Backups of SQLite databases through SQLite's online backup API.

The API copies a consistent snapshot of a live database (WAL included) without stopping the
app. Daily backups rotate over the last seven days; backups taken before a migration or a
restore are kept until removed by hand. Every backup file is owner-only, like the database.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

from needlemap.domain.errors import (
    DatabaseCorruptError,
    DatabaseUnavailableError,
    NotANeedleMapDatabaseError,
    StorageError,
)
from needlemap.store import migrate, sqlite_file

log = logging.getLogger(__name__)

DAILY_KEEP_DAYS = 7
_DAILY = re.compile(r"^(?P<stem>.+)-daily-(?P<day>\d{4}-\d{2}-\d{2})\.sqlite3$")


def copy_database(source: Path, destination: Path) -> Path:
    """Consistent copy of ``source`` into a new owner-only file ``destination``."""
    if destination.exists():
        raise DatabaseUnavailableError(f"{destination} already exists; choose another name.")
    if not destination.parent.is_dir():
        raise DatabaseUnavailableError(f"The folder {destination.parent} does not exist.")
    partial = destination.with_name(destination.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, sqlite_file.OWNER_ONLY_FILE)
    os.close(fd)
    try:
        src = sqlite_file.connect_readonly(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        partial.replace(destination)
    except sqlite3.Error as exc:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise sqlite_file.translate_sqlite_error(exc, source) from None
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise DatabaseUnavailableError(
            f"Could not write the backup {destination} ({exc.strerror})."
        ) from None
    return destination


def daily_backup(source: Path, backup_dir: Path, today: date) -> Path | None:
    """Take today's backup unless it exists, then drop daily backups older than seven days."""
    sqlite_file.ensure_private_dir(backup_dir)
    target = backup_dir / f"{source.stem}-daily-{today.isoformat()}.sqlite3"
    made = None
    if not target.exists():
        made = copy_database(source, target)
        log.info("daily backup written")
    rotate(backup_dir, source.stem, today)
    return made


def rotate(backup_dir: Path, stem: str, today: date) -> list[Path]:
    oldest_kept = today - timedelta(days=DAILY_KEEP_DAYS - 1)
    removed = []
    for candidate in backup_dir.glob(f"{stem}-daily-*.sqlite3"):
        match = _DAILY.match(candidate.name)
        if not match or match["stem"] != stem:
            continue
        if date.fromisoformat(match["day"]) < oldest_kept:
            candidate.unlink()
            removed.append(candidate)
    return removed


def named_backup(source: Path, backup_dir: Path, label: str, now: datetime) -> Path:
    sqlite_file.ensure_private_dir(backup_dir)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return copy_database(source, backup_dir / f"{source.stem}-{label}-{stamp}.sqlite3")


def verify_backup(path: Path) -> str:
    """Refuse to restore anything but a whole, known NeedleMap database; return its revision."""
    found = sqlite_file.probe(path)
    if not found.exists:
        raise DatabaseUnavailableError(f"The backup {path} does not exist.")
    if found.revision is None:
        raise NotANeedleMapDatabaseError(f"{path} is not a NeedleMap backup.")
    if found.revision not in migrate.known_revisions():
        raise DatabaseUnavailableError(
            f"The backup {path} comes from a newer NeedleMap (schema {found.revision}); "
            "update NeedleMap before restoring it."
        )
    problems = integrity_problems(path)
    if problems:
        raise DatabaseCorruptError(f"The backup {path} is damaged: {problems[0]}")
    return found.revision


def integrity_problems(path: Path) -> list[str]:
    connection = sqlite_file.connect_readonly(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        problems = [str(row[0]) for row in rows if str(row[0]) != "ok"]
        problems += [
            f"broken reference in {row[0]} row {row[1]} to {row[2]}"
            for row in connection.execute("PRAGMA foreign_key_check").fetchall()
        ]
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    finally:
        connection.close()
    return problems


def restore_into(backup: Path, target: Path) -> None:
    """Copy a verified backup over ``target`` through the backup API (safe with WAL files)."""
    if not target.exists():
        sqlite_file.create_private_file(target)
    src = sqlite_file.connect_readonly(backup)
    try:
        dst = sqlite3.connect(target, timeout=5.0)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise sqlite_file.translate_sqlite_error(exc, target) from None
    finally:
        src.close()
    sqlite_file.restrict_permissions(target)


def restore_database(backup_file: Path, target: Path, keep_dir: Path, now: datetime) -> Path | None:
    """Verify the backup, keep a copy of the current file (even a damaged one), then restore."""
    verify_backup(backup_file)
    kept = None
    if target.exists():
        sqlite_file.ensure_private_dir(keep_dir)
        kept = keep_dir / f"{target.stem}-before-restore-{now:%Y%m%d-%H%M%S}.sqlite3"
        try:
            copy_database(target, kept)
        except StorageError:  # damaged beyond the backup API: keep the raw bytes instead
            for suffix in ("", "-wal"):
                source = target.with_name(target.name + suffix)
                if source.exists():
                    copy = kept.with_name(kept.name + suffix)
                    shutil.copyfile(source, copy)
                    copy.chmod(sqlite_file.OWNER_ONLY_FILE)
    restore_into(backup_file, target)
    log.info("database restored from a backup")
    return kept
