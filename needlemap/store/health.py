"""``needlemap db check``: is the database whole, consistent and of the expected schema?"""

from __future__ import annotations

from collections.abc import Set

from sqlalchemy import func, select, text

from needlemap.store import migrate
from needlemap.store.database import Database
from needlemap.store.models import NeedledPointRow


def check(database: Database, *, known_muscles: Set[str]) -> tuple[str | None, list[str]]:
    """Return the schema revision and a list of problems (empty when all is well)."""
    problems: list[str] = []
    with database.read() as uow:
        connection = uow.orm.connection()
        if database.is_sqlite:
            for (result,) in connection.execute(text("PRAGMA integrity_check")):
                if result != "ok":
                    problems.append(f"integrity: {result}")
            for row in connection.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"broken reference: {row[0]} row {row[1]} points to {row[2]}")
        revision = migrate.current_revision(connection)
        unknown = uow.orm.execute(
            select(NeedledPointRow.muscle_id, func.count())
            .where(NeedledPointRow.muscle_id.not_in(sorted(known_muscles)))
            .group_by(NeedledPointRow.muscle_id)
        ).all()
        for muscle_id, count in unknown:
            problems.append(f"{count} point(s) name the unknown muscle {muscle_id!r}")
    return revision, problems
