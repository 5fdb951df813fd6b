"""Persistence: SQLAlchemy models, repositories, migrations and backups. The only SQL there is."""

from needlemap.store.database import Database, UnitOfWork, open_database

__all__ = ["Database", "UnitOfWork", "open_database"]
