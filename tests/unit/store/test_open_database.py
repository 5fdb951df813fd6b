"""Opening a database: what is refused, and that a refused file is left byte-for-byte alone."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from needlemap.domain.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    NotANeedleMapDatabaseError,
    SchemaTooNewError,
)
from needlemap.services import open_clinic
from needlemap.store import open_database
from tests.conftest import PYTHON


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_clinic_file(path: Path) -> None:
    with open_clinic(f"sqlite:///{path}") as clinic:
        patient = clinic.patients.create(family_name="Nowak", birth_date="1970-01-01")
        clinic.sessions.start(patient.id, nprs_before=5)


def test_new_database_is_private_wal_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    database = open_database(f"sqlite:///{path}")
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    database.close()
    for candidate in tmp_path.iterdir():
        assert stat.S_IMODE(candidate.stat().st_mode) == 0o600, candidate.name
    assert database.report.created


def test_open_twice_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    make_clinic_file(path)
    with open_clinic(f"sqlite:///{path}") as clinic:
        assert [p.family_name for p in clinic.patients.search()] == ["Nowak"]
        assert not clinic.database.report.created


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", NotANeedleMapDatabaseError),
        (b"this is a text file, not a database\n" * 10, DatabaseCorruptError),
        (os.urandom(8192), DatabaseCorruptError),
    ],
    ids=["empty", "text", "random"],
)
def test_non_databases_are_refused_untouched(tmp_path: Path, content: bytes, error: type) -> None:
    path = tmp_path / "odd.sqlite3"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(error) as caught:
        open_database(f"sqlite:///{path}")
    assert str(path) in str(caught.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["odd.sqlite3"]


def test_truncated_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    make_clinic_file(path)
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    (tmp_path / "clinic.sqlite3-wal").unlink(missing_ok=True)
    (tmp_path / "clinic.sqlite3-shm").unlink(missing_ok=True)
    before = digest(path)
    with pytest.raises(DatabaseCorruptError, match="truncated"):
        open_database(f"sqlite:///{path}")
    assert digest(path) == before


def test_corrupted_pages_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    make_clinic_file(path)
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseCorruptError):
        open_database(f"sqlite:///{path}")
    assert digest(path) == before


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    with pytest.raises(DatabaseUnavailableError, match="is a folder"):
        open_database(f"sqlite:///{folder}")


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailableError, match="does not exist"):
        open_database(f"sqlite:///{tmp_path / 'nowhere' / 'x.sqlite3'}")


def test_someone_elses_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    before = digest(path)
    with pytest.raises(NotANeedleMapDatabaseError, match="not a NeedleMap one"):
        open_database(f"sqlite:///{path}")
    assert digest(path) == before


def test_database_from_a_newer_needlemap_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    make_clinic_file(path)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = digest(path)
    with pytest.raises(SchemaTooNewError, match="newer version of NeedleMap"):
        open_clinic(f"sqlite:///{path}")
    assert digest(path) == before


def test_locked_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    make_clinic_file(path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        before = digest(path)
        result: list[BaseException] = []

        def attempt() -> None:
            try:
                open_database(f"sqlite:///{path}")
            except BaseException as exc:
                result.append(exc)

        worker = threading.Thread(target=attempt)
        worker.start()
        worker.join(timeout=30)
        assert len(result) == 1 and isinstance(result[0], DatabaseLockedError)
        assert "locked" in str(result[0])
        assert digest(path) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_read_only_database_is_refused_untouched(tmp_path: Path) -> None:
    """A read-only file and folder: as a normal user by permissions; as root (who may write
    anything) through a read-only bind mount in a private mount namespace."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "clinic.sqlite3"
    make_clinic_file(path)
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    for leftover in ("clinic.sqlite3-wal", "clinic.sqlite3-shm"):
        (folder / leftover).unlink(missing_ok=True)
    before = digest(path)
    code = (
        "from needlemap.store import open_database\n"
        "from needlemap.domain.errors import DatabaseReadOnlyError\n"
        "try:\n"
        f"    open_database('sqlite:///{path}')\n"
        "except DatabaseReadOnlyError as exc:\n"
        "    print('refused:', exc)\n"
    )
    command = [PYTHON, "-c", code]
    if os.geteuid() == 0:
        if shutil.which("unshare") is None:
            pytest.skip("running as root without unshare(1): cannot make a read-only file")
        command = [
            "unshare",
            "-m",
            "sh",
            "-c",
            f'mount --bind -o ro "{folder}" "{folder}" && exec "$@"',
            "sh",
            *command,
        ]
    else:
        path.chmod(0o444)
        folder.chmod(0o555)
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[3])},
        )
    finally:
        folder.chmod(0o755)
    if "Operation not permitted" in done.stderr or "permission denied" in done.stderr.lower():
        pytest.skip(f"cannot create a read-only mount here: {done.stderr.strip()}")
    assert "refused:" in done.stdout and "read-only" in done.stdout, done.stderr
    assert digest(path) == before
