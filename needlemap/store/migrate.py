"""Schema revisions: which ones this NeedleMap knows, and bringing a database up to date.

Migrations ship inside the package and run with the caller's connection, so they work the same
for SQLite and PostgreSQL and need no alembic.ini.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
"""The shipped revisions, oldest first; a new migration appends its id here (a test checks this
against the migration scripts). Known without importing Alembic, which an up-to-date database
(every start but the first after an upgrade) never needs: it costs a tenth of a second."""


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config  # noqa: PLC0415 - Alembic only when migrating

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> frozenset[str]:
    return frozenset(REVISIONS)


def head_revision() -> str:
    return REVISIONS[-1]


def current_revision(connection: Connection) -> str | None:
    """The database's revision, as Alembic records it (``None`` for a database without one)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return versions[0] if len(versions) == 1 else None


def upgrade(connection: Connection) -> None:
    from alembic import command  # noqa: PLC0415

    command.upgrade(alembic_config(connection), "head")
