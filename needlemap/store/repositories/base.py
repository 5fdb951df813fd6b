"""What every repository shares: the ORM session of the unit of work it belongs to."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session as OrmSession

from needlemap.domain.errors import NotFoundError
from needlemap.store.models import Base

RowT = TypeVar("RowT", bound=Base)


class Repository:
    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm

    def _get(self, model: type[RowT], row_id: int, what: str) -> RowT:
        row = self._orm.get(model, row_id)
        if row is None:
            raise NotFoundError(f"There is no {what} with id {row_id}.")
        return row


def like_pattern(fragment: str) -> str:
    """A LIKE pattern matching ``fragment`` anywhere, with its own % and _ taken literally."""
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
