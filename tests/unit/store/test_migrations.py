"""The shipped migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from needlemap.services import Clinic
from needlemap.store import migrate, open_database
from needlemap.store.models import Base


def _diffs(url: str) -> list[object]:
    database = open_database(url)
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, Base.metadata))
    finally:
        database.close()


def test_migrations_and_models_agree_on_sqlite(tmp_path: Path) -> None:
    assert _diffs(f"sqlite:///{tmp_path / 'm.sqlite3'}") == []


@pytest.mark.postgresql
def test_migrations_and_models_agree_on_postgresql(postgres_server) -> None:
    assert _diffs(postgres_server.fresh_database()) == []


def test_a_new_database_is_at_head(clinic: Clinic) -> None:
    with clinic.database.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()


def test_revisions_form_one_line() -> None:
    script = migrate.script_directory()
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
    assert migrate.head_revision() in migrate.known_revisions()
    # the list the app reads without Alembic is the scripts' own line, oldest first
    shipped = [s.revision for s in script.walk_revisions()]
    assert tuple(reversed(shipped)) == migrate.REVISIONS
