"""How dates, times and numbers read on screen: unambiguous in every locale ("09 Mar 1984")."""

from __future__ import annotations

from datetime import date, datetime


def format_date(day: date | None) -> str:
    return day.strftime("%d %b %Y") if day else ""


def format_datetime(moment: datetime | None) -> str:
    """Local wall-clock time of an aware UTC moment."""
    return moment.astimezone().strftime("%d %b %Y %H:%M") if moment else ""


def format_time(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M") if moment else ""
