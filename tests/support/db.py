"""Reading the database file directly in tests: the rows are the observable outcome."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def rows(db: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    """The rows a query returns, read with a connection of its own (not the app's)."""
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, args).fetchall()
