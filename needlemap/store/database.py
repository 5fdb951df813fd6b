"""Opening a clinical database and running units of work against it.

``open_database`` checks before it writes: a SQLite file is looked at read-only first (damaged,
truncated, someone else's, from a newer NeedleMap, read-only, locked) and refused with a clear
:class:`StorageError` while still byte-for-byte untouched. Only then is it opened for writing,
backed up if its schema is old, and migrated. Any SQLAlchemy URL works; SQLite is the default.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from needlemap.domain.errors import (
    DatabaseUnavailableError,
    NotANeedleMapDatabaseError,
    SchemaTooNewError,
    StorageError,
)
from needlemap.store import migrate, sqlite_file
from needlemap.store.repositories.bulk import BulkRepository
from needlemap.store.repositories.events import EventRepository
from needlemap.store.repositories.history import HistoryRepository
from needlemap.store.repositories.patients import PatientRepository
from needlemap.store.repositories.points import PointRepository
from needlemap.store.repositories.practitioners import PractitionerRepository
from needlemap.store.repositories.safety import SafetyRepository
from needlemap.store.repositories.sessions import SessionRepository
from needlemap.store.repositories.settings import SettingsRepository

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
_OUR_TABLES = frozenset({"patients", "sessions", "needled_points"})


class UnitOfWork:
    """One transaction and the repositories that work inside it."""

    def __init__(self, orm: OrmSession) -> None:
        self.orm = orm
        self.patients = PatientRepository(orm)
        self.practitioners = PractitionerRepository(orm)
        self.sessions = SessionRepository(orm)
        self.points = PointRepository(orm)
        self.events = EventRepository(orm)
        self.settings = SettingsRepository(orm)
        self.safety = SafetyRepository(orm)
        self.bulk = BulkRepository(orm)
        self.history = HistoryRepository(orm)


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What opening did, for the log and the front end's status line."""

    created: bool
    migrated_from: str | None
    backup: Path | None


class Database:
    def __init__(self, engine: Engine, url: str, path: Path | None) -> None:
        self.engine = engine
        self.url = url
        self.path = path
        self._writer = sessionmaker(
            bind=engine.execution_options(nm_begin="IMMEDIATE"), expire_on_commit=False
        )
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        self.report = OpenReport(created=False, migrated_from=None, backup=None)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        """Where the data is, for messages: the file, or the server without the password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """A write transaction, committed before the ``with`` block's caller continues."""
        with self._translated(), self._writer() as orm, orm.begin():
            yield UnitOfWork(orm)

    @contextmanager
    def read(self) -> Iterator[UnitOfWork]:
        """A consistent read-only snapshot; nothing is written."""
        with self._translated(), self._reader() as orm:
            try:
                yield UnitOfWork(orm)
            finally:
                orm.rollback()

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except IntegrityError:
            raise  # a rule the services should have enforced: a bug, not the environment
        except DBAPIError as exc:
            raise translate_error(exc, self.path) from exc

    def close(self) -> None:
        self.engine.dispose()


def translate_error(exc: DBAPIError, path: Path | None) -> StorageError:
    original = exc.orig if exc.orig is not None else exc
    translated = sqlite_file.translate_sqlite_error(original, path)
    assert isinstance(translated, StorageError)
    return translated


def sqlite_path_of(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database
    if not database or database == ":memory:":
        return None
    return Path(database).expanduser().resolve()


def _install_sqlite_pragmas(engine: Engine) -> None:
    """WAL for concurrent readers, FULL sync so a committed change survives power loss."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode is None or str(mode[0]).lower() != "wal":
            log.warning("SQLite refused WAL mode; continuing in %s mode", mode)
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("nm_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def create_db_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUnavailableError(f"{url!r} is not a database path or URL.") from None
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
    else:
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseUnavailableError(
            f"NeedleMap cannot talk to {parsed.get_backend_name()} databases here ({exc}); "
            "install the matching driver (e.g. pip install 'needlemap[postgresql]')."
        ) from None
    if parsed.get_backend_name() == "sqlite":
        _install_sqlite_pragmas(engine)
    return engine


def _check_revision(revision: str | None, where: str) -> None:
    if revision is not None and revision not in migrate.known_revisions():
        raise SchemaTooNewError(
            f"The database {where} was written by a newer version of NeedleMap (schema "
            f"{revision}). Update NeedleMap to open it; the database was left untouched."
        )


def open_database(
    url: str,
    *,
    backup_before_migration: Callable[[Database, str], Path | None] | None = None,
    migrate_schema: bool = True,
) -> Database:
    """Open (creating if needed) and bring up to date; refuse anything unsafe untouched."""
    path = sqlite_path_of(url)
    if path is not None:
        return _open_sqlite(url, path, backup_before_migration, migrate_schema)
    return _open_server(url, backup_before_migration, migrate_schema)


def _open_sqlite(
    url: str,
    path: Path,
    backup_before_migration: Callable[[Database, str], Path | None] | None,
    migrate_schema: bool,
) -> Database:
    found = sqlite_file.probe(path)
    _check_revision(found.revision, str(path))
    if not found.exists:
        sqlite_file.check_writable(path)
        sqlite_file.create_private_file(path)
    engine = create_db_engine(f"sqlite:///{path}")
    database = Database(engine, url, path)
    try:
        with database._translated(), engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        sqlite_file.restrict_permissions(path)
        if migrate_schema:
            _bring_up_to_date(database, found.revision, backup_before_migration)
    except BaseException:
        database.close()
        raise
    sqlite_file.restrict_permissions(path)
    return database


def _open_server(
    url: str,
    backup_before_migration: Callable[[Database, str], Path | None] | None,
    migrate_schema: bool,
) -> Database:
    engine = create_db_engine(url)
    database = Database(engine, url, None)
    where = database.display_name
    try:
        try:
            with engine.connect() as connection:
                tables = set(inspect(connection).get_table_names())
                revision = None
                if "alembic_version" in tables:
                    revision = connection.execute(
                        select(text("version_num")).select_from(text("alembic_version"))
                    ).scalar()
        except SQLAlchemyError as exc:
            raise DatabaseUnavailableError(
                f"Cannot reach the database {where}: {_first_line(exc)}"
            ) from None
        if tables and "alembic_version" not in tables:
            raise NotANeedleMapDatabaseError(
                f"The database {where} holds other tables and is not a NeedleMap database."
            )
        _check_revision(revision, where)
        if migrate_schema:
            _bring_up_to_date(database, revision, backup_before_migration)
    except BaseException:
        database.close()
        raise
    return database


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(exc).__name__


def _bring_up_to_date(
    database: Database,
    revision: str | None,
    backup_before_migration: Callable[[Database, str], Path | None] | None,
) -> None:
    head = migrate.head_revision()
    if revision == head:
        return
    backup = None
    if revision is not None and backup_before_migration is not None:
        backup = backup_before_migration(database, revision)
    with database._translated(), database.engine.begin() as connection:
        existing = set(inspect(connection).get_table_names())
        if revision is None and existing & _OUR_TABLES:
            raise NotANeedleMapDatabaseError(
                f"The database {database.display_name} has NeedleMap tables but no schema "
                "revision; it was left as it is."
            )
        migrate.upgrade(connection)
    database.report = OpenReport(created=revision is None, migrated_from=revision, backup=backup)
    log.info("database schema upgraded from %s to %s", revision or "empty", head)
