"""Online backups, their rotation, and restoring one."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from needlemap.domain.errors import DatabaseCorruptError, DatabaseUnavailableError
from needlemap.services import Clinic, open_clinic
from needlemap.services.maintenance import restore
from needlemap.store import backup


def _names(url: str) -> list[str]:
    with open_clinic(url) as clinic:
        return [p.family_name for p in clinic.patients.search()]


def test_backup_is_a_consistent_private_copy_of_a_live_database(
    clinic: Clinic, tmp_path: Path
) -> None:
    clinic.patients.create(family_name="Ødegaard", given_names="Ingrid", birth_date="1988-05-17")
    target = tmp_path / "copy.sqlite3"
    clinic.maintenance.backup_to(target)  # the clinic stays open: an online backup
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _names(f"sqlite:///{target}") == ["Ødegaard"]
    assert backup.integrity_problems(target) == []


def test_backup_never_overwrites(clinic: Clinic, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    target.write_text("precious")
    with pytest.raises(DatabaseUnavailableError, match="already exists"):
        clinic.maintenance.backup_to(target)
    assert target.read_text() == "precious"


def test_daily_backups_rotate_over_seven_days(clinic: Clinic, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    start = date(2026, 3, 1)
    for offset in range(10):
        clinic.maintenance.daily_backup(today=start + timedelta(days=offset))
    days = sorted(p.name.split("-daily-")[1][:10] for p in folder.glob("*-daily-*.sqlite3"))
    assert days == [(start + timedelta(days=d)).isoformat() for d in range(3, 10)]
    assert clinic.maintenance.daily_backup(today=start + timedelta(days=9)) is None  # once a day
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_restore_brings_back_the_backup_and_keeps_the_replaced_file(tmp_path: Path) -> None:
    live = tmp_path / "clinic.sqlite3"
    url = f"sqlite:///{live}"
    with open_clinic(url) as clinic:
        clinic.patients.create(family_name="Before", birth_date="1970-01-01")
        clinic.maintenance.backup_to(tmp_path / "saved.sqlite3")
        clinic.patients.create(family_name="After", birth_date="1970-01-01")
    kept = restore(tmp_path / "saved.sqlite3", live, tmp_path / "kept")
    assert _names(url) == ["Before"]
    assert kept is not None and _names(f"sqlite:///{kept}") == ["After", "Before"]


def test_restore_refuses_a_damaged_backup_and_leaves_the_database(tmp_path: Path) -> None:
    live = tmp_path / "clinic.sqlite3"
    with open_clinic(f"sqlite:///{live}") as clinic:
        clinic.patients.create(family_name="Safe", birth_date="1970-01-01")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises((DatabaseCorruptError, DatabaseUnavailableError)):
        restore(bad, live, tmp_path / "kept")
    assert _names(f"sqlite:///{live}") == ["Safe"]


def test_integrity_problems_are_found(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        connection.execute("CREATE TABLE child (id INTEGER, p INTEGER REFERENCES parent(id))")
        connection.execute("INSERT INTO child VALUES (1, 42)")
    assert any("broken reference" in p for p in backup.integrity_problems(path))
