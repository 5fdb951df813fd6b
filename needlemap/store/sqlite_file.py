"""Look at a SQLite file before trusting it, without writing a byte to it.

Opening a database for writing changes its header (WAL mode, migrations), so a file that turns
out to be damaged, someone else's, or from a newer NeedleMap must be recognised first, read-only.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from needlemap.domain.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    NotANeedleMapDatabaseError,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
OWNER_ONLY_FILE = 0o600
OWNER_ONLY_DIR = 0o700
PROBE_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class FileProbe:
    """What a read-only look found: whether the file is new and which schema revision it has."""

    exists: bool
    tables: frozenset[str]
    revision: str | None

    @property
    def is_empty(self) -> bool:
        return not self.tables


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite, and SQLite files shorter than their header says."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except PermissionError:
        raise DatabaseReadOnlyError(
            f"NeedleMap is not allowed to read the database {path}; check its permissions."
        ) from None
    except OSError as exc:
        raise DatabaseUnavailableError(
            f"The database {path} cannot be read ({exc.strerror})."
        ) from None
    if size == 0:
        raise NotANeedleMapDatabaseError(
            f"The database file {path} is empty (0 bytes); it may have been truncated. "
            "It was left as it is; restore it from a backup."
        )
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise DatabaseCorruptError(
            f"{path} is not a NeedleMap database, or it is damaged (no SQLite header). "
            "It was left as it is; restore it from a backup."
        )
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseCorruptError(f"The database {path} is damaged (invalid page size).")
    if valid_for == change_counter and page_count * page_size > size:
        raise DatabaseCorruptError(
            f"The database {path} is damaged: it is shorter than its header says "
            f"({size} of {page_count * page_size} bytes), probably truncated. "
            "It was left as it is; restore it from a backup."
        )


def check_writable(path: Path) -> None:
    directory = path.parent
    if not directory.is_dir():
        raise DatabaseUnavailableError(f"The folder {directory} does not exist.")
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseReadOnlyError(
            f"The database {path} is read-only; NeedleMap needs to write to it. "
            "Nothing was changed."
        )
    if not os.access(directory, os.W_OK | os.X_OK):
        raise DatabaseReadOnlyError(
            f"The folder {directory} is read-only; NeedleMap needs to write its journal there. "
            "Nothing was changed."
        )


def probe(path: Path) -> FileProbe:
    """Read the table names and Alembic revision through a read-only connection."""
    if not path.exists():
        return FileProbe(exists=False, tables=frozenset(), revision=None)
    if path.is_dir():
        raise DatabaseUnavailableError(f"{path} is a folder, not a database file.")
    if not path.is_file():
        raise DatabaseUnavailableError(f"{path} is not a regular file.")
    check_header(path)
    check_writable(path)
    try:
        connection = connect_readonly(path)
    except sqlite3.Error as exc:
        raise DatabaseUnavailableError(f"The database {path} cannot be opened ({exc}).") from None
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        tables = frozenset(str(row[0]) for row in rows)
        revision = None
        if "alembic_version" in tables:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            revision = str(found[0][0]) if found else None
    except sqlite3.OperationalError as exc:
        raise translate_sqlite_error(exc, path) from None
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(
            f"The database {path} is damaged ({exc}). It was left as it is; restore it from a "
            "backup."
        ) from None
    finally:
        connection.close()
    if tables and "alembic_version" not in tables:
        raise NotANeedleMapDatabaseError(
            f"{path} is a SQLite database, but not a NeedleMap one. It was left as it is."
        )
    return FileProbe(exists=True, tables=tables, revision=revision)


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, whatever the caller does with it."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=PROBE_TIMEOUT_S)


def translate_sqlite_error(exc: BaseException, path: Path | None) -> Exception:
    """Turn SQLite's terse errors into the storage errors the front ends explain."""
    text = str(exc).lower()
    where = f" {path}" if path else ""
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            f"The database{where} is locked by another program or NeedleMap window; "
            "try again when it has finished."
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnlyError(f"The database{where} is read-only; nothing was changed.")
    if "disk is full" in text or "database or disk is full" in text:
        return DatabaseUnavailableError(
            f"The disk holding the database{where} is full; the last change was not saved."
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DatabaseCorruptError(
            f"The database{where} is damaged ({exc}). Restore it from a backup."
        )
    if "unable to open" in text:
        return DatabaseUnavailableError(f"The database{where} cannot be opened ({exc}).")
    return DatabaseUnavailableError(f"The database{where} could not be used ({exc}).")


def create_private_file(path: Path) -> None:
    """Create an empty file only its owner can read, before SQLite touches it."""
    parent = path.parent
    if not parent.is_dir():
        raise DatabaseUnavailableError(f"The folder {parent} does not exist.")
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    except FileExistsError:
        return
    except OSError as exc:
        raise DatabaseUnavailableError(
            f"Cannot create the database {path} ({exc.strerror})."
        ) from None
    os.close(fd)


def restrict_permissions(path: Path) -> None:
    """Keep the database and its journal files owner-only (SQLite copies the main file's mode)."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            mode = stat.S_IMODE(candidate.stat().st_mode)
            if mode != OWNER_ONLY_FILE:
                candidate.chmod(OWNER_ONLY_FILE)


def ensure_private_dir(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
    with contextlib.suppress(PermissionError):
        if stat.S_IMODE(directory.stat().st_mode) != OWNER_ONLY_DIR:
            directory.chmod(OWNER_ONLY_DIR)
