"""Where the data lives: ``--db`` (a path or any SQLAlchemy URL), else ``$NEEDLEMAP_DB``, else
the platform's per-user data folder. Backups of a SQLite database go to a folder beside it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "NeedleMap"
DB_ENV = "NEEDLEMAP_DB"
DEFAULT_DB_NAME = "needlemap.sqlite3"


@dataclass(frozen=True, slots=True)
class DatabaseLocation:
    url: str
    sqlite_path: Path | None
    source: str  # "--db", "$NEEDLEMAP_DB" or "default"

    @property
    def backup_dir(self) -> Path | None:
        if self.sqlite_path is None:
            return None
        if self.source == "default":
            return self.sqlite_path.parent / "backups"
        return self.sqlite_path.parent / f"{self.sqlite_path.stem}-backups"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def _sqlite_path_from_url(url: str) -> Path | None:
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            rest = url[len(prefix) :].split("?", 1)[0]
            return Path(rest).expanduser().resolve() if rest and rest != ":memory:" else None
    return None


def location_from(value: str, source: str) -> DatabaseLocation:
    value = value.strip()
    if "://" in value:
        return DatabaseLocation(url=value, sqlite_path=_sqlite_path_from_url(value), source=source)
    path = Path(value).expanduser().resolve()
    return DatabaseLocation(url=f"sqlite:///{path}", sqlite_path=path, source=source)


def resolve_database(
    cli_value: str | None, environ: Mapping[str, str] | None = None
) -> DatabaseLocation:
    environ = os.environ if environ is None else environ
    if cli_value:
        return location_from(cli_value, "--db")
    if environ.get(DB_ENV, "").strip():
        return location_from(environ[DB_ENV], "$" + DB_ENV)
    path = data_dir() / DEFAULT_DB_NAME
    return DatabaseLocation(url=f"sqlite:///{path}", sqlite_path=path, source="default")
