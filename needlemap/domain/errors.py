"""The errors every layer may raise and every front end knows how to show.

Two families, after qutebrowser's known-error/bug split: :class:`ValidationError` is the user's
input being refused, :class:`StorageError` is the environment (locked, read-only, corrupt, too new,
unreachable). Both carry a message written for the practitioner. Anything else is a bug.
"""

from __future__ import annotations


class NeedleMapError(Exception):
    """Base for errors whose message is fit to show a practitioner as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(NeedleMapError):
    """Input that breaks a clinical or data rule; ``field`` names the offending input."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(NeedleMapError):
    """A record asked for by id does not exist (or no longer exists)."""


class SessionLockedError(NeedleMapError):
    """A signed session was asked to change other than through an amendment."""


class StorageError(NeedleMapError):
    """The database could not be used; nothing was written."""


class DatabaseLockedError(StorageError):
    pass


class DatabaseReadOnlyError(StorageError):
    pass


class DatabaseCorruptError(StorageError):
    pass


class NotANeedleMapDatabaseError(StorageError):
    pass


class SchemaTooNewError(StorageError):
    pass


class DatabaseUnavailableError(StorageError):
    """The server cannot be reached, the path is a directory, the disk is full, …"""
