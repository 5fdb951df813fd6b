"""Time as the record keeps it: aware UTC, to the second.

Stored and compared in UTC so that a clinic's workstations agree; shown in local time by the
front ends. Seconds are enough for a clinical record and keep exports readable.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def as_utc(moment: datetime) -> datetime:
    """Naive datetimes are taken as local wall-clock time, the way a person types them."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).replace(microsecond=0)


def local_today() -> date:
    return datetime.now().astimezone().date()


def local_day(moment: datetime) -> date:
    """The calendar day a moment falls on where the clinic is (screenings are dated locally)."""
    return moment.astimezone().date()
