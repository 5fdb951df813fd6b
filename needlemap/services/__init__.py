"""Use cases. Each call takes plain values, validates them, commits in one transaction before
it returns, and hands back frozen domain records. Nothing here opens a dialog or prints.

``Clinic`` and ``open_clinic`` load on first use: the GUI can draw its window before the
database layer (SQLAlchemy) is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from needlemap.services.clinic import Clinic, open_clinic

__all__ = ["Clinic", "open_clinic"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from needlemap.services import clinic  # noqa: PLC0415 - loaded on first use

        return getattr(clinic, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
