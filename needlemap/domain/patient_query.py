"""What a type-ahead patient search means: name words, a birth date, or an identifier."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from needlemap.domain.text import fold

_DATE_FORMATS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})$"),
)


@dataclass(frozen=True, slots=True)
class PatientQuery:
    """Folded name words (all must match), and the raw text for identifiers and dates."""

    text: str
    words: tuple[str, ...]
    birth_date: date | None

    @property
    def is_empty(self) -> bool:
        return not self.text


def parse_patient_query(text: str) -> PatientQuery:
    raw = " ".join(text.split())
    return PatientQuery(text=raw, words=tuple(fold(raw).split()), birth_date=_as_date(raw))


def _as_date(raw: str) -> date | None:
    """ISO (1984-03-09) or day-first (09.03.1984, 9/3/1984), the forms used outside the US."""
    for pattern in _DATE_FORMATS:
        match = pattern.match(raw)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
    return None
