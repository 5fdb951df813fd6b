"""A 300-session patient inside a demo clinic: the review benchmarks' worst realistic file.

The busiest demo patient's sessions are copied back in time, three days apart, with their
points, consent, amendments, adverse events and answered safety prompts.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

SESSIONS = 300
SPACING = timedelta(days=3)  # copies go back in time, so a year holds about 120 of them
STAMP = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores datetimes in SQLite


@dataclass(frozen=True)
class BigFile:
    """A copy of a demo clinic in which one patient has ``SESSIONS`` sessions."""

    path: Path
    patient_id: int
    newest: datetime

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] != "id"]


def _copy_rows(
    db: sqlite3.Connection, table: str, session_from: int, session_to: int, points: dict[int, int]
) -> None:
    """Copy a session's rows of ``table`` to another session, re-pointing ``point_id``."""
    columns = _columns(db, table)
    rows = db.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE session_id = ?", (session_from,)
    ).fetchall()
    for row in rows:
        values = dict(zip(columns, row, strict=True))
        values["session_id"] = session_to
        if values.get("point_id") is not None:
            values["point_id"] = points.get(int(values["point_id"]))
        marks = ", ".join("?" * len(values))
        db.execute(
            f"INSERT INTO {table} ({', '.join(values)}) VALUES ({marks})", list(values.values())
        )


def make_big_file(source: Path, target: Path) -> BigFile:
    """Give the busiest patient ``SESSIONS`` sessions by copying theirs back in time.

    Each copy keeps its points, consent, amendments, adverse events and answered safety
    prompts, as the real thing would have, and starts ``SPACING`` before the previous one.
    """
    origin = sqlite3.connect(source)
    origin.execute(f"VACUUM INTO '{target}'")
    origin.close()
    db = sqlite3.connect(target, isolation_level=None)
    (patient_id,) = db.execute(
        "SELECT patient_id FROM sessions GROUP BY patient_id ORDER BY count(*) DESC, patient_id "
        "LIMIT 1"
    ).fetchone()
    template = db.execute(
        "SELECT id, started_at FROM sessions WHERE patient_id = ? ORDER BY started_at",
        (patient_id,),
    ).fetchall()
    newest = datetime.strptime(template[-1][1], STAMP).replace(tzinfo=UTC)
    earliest = datetime.strptime(template[0][1], STAMP)
    session_columns = [c for c in _columns(db, "sessions") if c != "started_at"]
    point_columns = [c for c in _columns(db, "needled_points") if c != "session_id"]
    db.execute("BEGIN")
    for copy in range(SESSIONS - len(template)):
        original = template[copy % len(template)][0]
        started = (earliest - SPACING * (copy + 1)).strftime(STAMP)
        names = ", ".join(session_columns)
        new_id = db.execute(
            f"INSERT INTO sessions (started_at, {names}) SELECT ?, {names} FROM sessions "
            "WHERE id = ?",
            (started, original),
        ).lastrowid
        assert new_id is not None
        names = ", ".join(point_columns)
        db.execute(
            f"INSERT INTO needled_points (session_id, {names}) "
            f"SELECT ?, {names} FROM needled_points WHERE session_id = ? ORDER BY seq",
            (new_id, original),
        )
        old_points = db.execute(
            "SELECT seq, id FROM needled_points WHERE session_id = ?", (original,)
        )
        new_points = dict(
            db.execute("SELECT seq, id FROM needled_points WHERE session_id = ?", (new_id,))
        )
        points = {old: new_points[seq] for seq, old in old_points}
        for table in ("consents", "amendments", "adverse_events", "safety_events"):
            _copy_rows(db, table, original, new_id, points)
    db.execute("COMMIT")
    # No ANALYZE: the app never runs it, so the planner works without statistics here too.
    (count,) = db.execute(
        "SELECT count(*) FROM sessions WHERE patient_id = ?", (patient_id,)
    ).fetchone()
    assert count == SESSIONS
    db.close()
    return BigFile(target, int(patient_id), newest)
