"""The review period: the last few months, everything, or dates the practitioner picks.

A period is half-open, [start, end), as the history service counts it; the "to" date shown is
inclusive, as people read dates, so a custom period ends the day after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from needlemap.domain.clock import local_today

PRESETS: tuple[tuple[str, int | None], ...] = (
    ("Last 3 months", 91),
    ("Last 6 months", 182),
    ("Last 12 months", 365),
    ("All sessions", None),
)
CUSTOM = "Dates…"


@dataclass(frozen=True, slots=True)
class Period:
    start: date | None  # inclusive; None is open
    end: date | None  # exclusive; None is open

    @property
    def last(self) -> date | None:
        """The last day included, as people (and the progress report) name a period."""
        return self.end - timedelta(days=1) if self.end is not None else None

    def contains(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day < self.end)

    def describe(self) -> str:
        if self.start is None and self.end is None:
            return "all sessions"
        last = self.end - timedelta(days=1) if self.end else None
        if self.start is None:
            return f"up to {last:%d %b %Y}"
        if last is None:
            return f"since {self.start:%d %b %Y}"
        return f"{self.start:%d %b %Y} to {last:%d %b %Y}"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PeriodSelector(QWidget):
    changed = Signal(object)  # Period

    def __init__(self, parent: QWidget | None = None, *, default: int = 2) -> None:
        super().__init__(parent)
        self.choice = QComboBox(self)
        self.choice.setAccessibleName("Review period")
        for label, days in PRESETS:
            self.choice.addItem(label, days)
        self.choice.addItem(CUSTOM, "custom")
        self.choice.setCurrentIndex(default)
        today = local_today()
        self.first = QDateEdit(_qdate(today - timedelta(days=365)), self)
        self.last = QDateEdit(_qdate(today), self)
        for edit, name in ((self.first, "Period from"), (self.last, "Period to")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")
            edit.setAccessibleName(name)
        self.to_label = QLabel("to", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel("&Period", self)
        label.setBuddy(self.choice)
        layout.addWidget(label)
        layout.addWidget(self.choice)
        layout.addWidget(self.first)
        layout.addWidget(self.to_label)
        layout.addWidget(self.last)
        self._custom_visible()
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.first.dateChanged.connect(lambda _d: self._dates_changed())
        self.last.dateChanged.connect(lambda _d: self._dates_changed())

    def period(self) -> Period:
        data = self.choice.currentData()
        if data == "custom":
            first = self.first.date().toPython()
            last = self.last.date().toPython()
            if last < first:
                first, last = last, first
            return Period(first, last + timedelta(days=1))
        if data is None:
            return Period(None, None)
        today = local_today()
        return Period(today - timedelta(days=int(data)), today + timedelta(days=1))

    def _custom_visible(self) -> None:
        custom = self.choice.currentData() == "custom"
        for widget in (self.first, self.to_label, self.last):
            widget.setVisible(custom)

    def _choice_changed(self) -> None:
        self._custom_visible()
        self.changed.emit(self.period())

    def _dates_changed(self) -> None:
        if self.choice.currentData() == "custom":
            self.changed.emit(self.period())
