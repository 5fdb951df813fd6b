"""Issue 2 figures: demo throughput, patient search at 5,000 patients, a 300-session history."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from needlemap.services import open_clinic
from tests.benchmarks.conftest import build_demo, median_ms, raw_connection, report

DEMO_PATIENTS = 1000
COPY_TABLES = (
    "practitioners",
    "patients",
    "patient_identifiers",
    "screenings",
    "screening_findings",
    "sessions",
    "consents",
    "amendments",
    "needled_points",
    "safety_events",
    "outcomes",
    "adverse_events",
)


def _rows_by_patient(source: sqlite3.Connection) -> dict[str, dict[int, list[tuple[object, ...]]]]:
    """Every row of every clinical table, grouped by the patient it belongs to."""
    session_owner = dict(source.execute("SELECT id, patient_id FROM sessions"))
    screening_owner = dict(source.execute("SELECT id, patient_id FROM screenings"))
    owner_column = {
        "patients": ("id", None),
        "patient_identifiers": ("patient_id", None),
        "screenings": ("patient_id", None),
        "sessions": ("patient_id", None),
        "screening_findings": ("screening_id", screening_owner),
        "consents": ("session_id", session_owner),
        "amendments": ("session_id", session_owner),
        "needled_points": ("session_id", session_owner),
        "safety_events": ("session_id", session_owner),
        "outcomes": ("session_id", session_owner),
        "adverse_events": ("session_id", session_owner),
    }
    grouped: dict[str, dict[int, list[tuple[object, ...]]]] = {}
    for table, (column, lookup) in owner_column.items():
        names = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
        index = names.index(column)
        by_patient: dict[int, list[tuple[object, ...]]] = {}
        for row in source.execute(f"SELECT * FROM {table}"):
            key = row[index] if lookup is None else lookup[row[index]]
            by_patient.setdefault(key, []).append(row)
        grouped[table] = by_patient
    return grouped


def test_demo_generation_throughput(tmp_path: Path) -> None:
    """The demo against raw executemany inserts of the very same rows, committed per patient."""
    demo = tmp_path / "demo.sqlite3"
    seconds = build_demo(demo, DEMO_PATIENTS)
    source = raw_connection(demo)
    grouped = _rows_by_patient(source)
    practitioners = source.execute("SELECT * FROM practitioners").fetchall()
    schema = [r[0] for r in source.execute("SELECT sql FROM sqlite_master WHERE sql NOT NULL")]
    source.close()
    raw = sqlite3.connect(tmp_path / "raw.sqlite3", isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("PRAGMA foreign_keys = ON")
    for statement in schema:
        raw.execute(statement)
    started = time.perf_counter()
    raw.execute("BEGIN")
    raw.executemany(
        f"INSERT INTO practitioners VALUES ({', '.join('?' * len(practitioners[0]))})",
        practitioners,
    )
    raw.execute("COMMIT")
    for patient_id in grouped["patients"]:
        raw.execute("BEGIN")
        for table, by_patient in grouped.items():
            rows = by_patient.get(patient_id)
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                raw.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        raw.execute("COMMIT")
    baseline = time.perf_counter() - started
    raw.close()
    total_rows = len(practitioners) + sum(
        len(rows) for by_patient in grouped.values() for rows in by_patient.values()
    )
    report(
        "demo generation",
        f"{DEMO_PATIENTS} patients ({total_rows:,} rows) in {seconds:.2f} s = "
        f"{DEMO_PATIENTS / seconds:.0f} patients/s, process start included",
        seconds / baseline,
        f"raw executemany of the same rows, committed per patient: {baseline:.2f} s",
    )


def test_patient_search_at_5000(clinic_5000: Path) -> None:
    raw = raw_connection(clinic_5000)
    query = "an"

    def baseline() -> list[tuple[object, ...]]:
        return raw.execute(
            "SELECT p.*, (SELECT group_concat(value) FROM patient_identifiers i "
            "WHERE i.patient_id = p.id) FROM patients p "
            "WHERE p.name_key LIKE ? ORDER BY p.name_key, p.id LIMIT 200",
            (f"%{query}%",),
        ).fetchall()

    with open_clinic(f"sqlite:///{clinic_5000}") as clinic:
        found = clinic.patients.search(query, limit=200)
        assert len(found) == len(baseline()) == 200
        ours = median_ms(lambda: clinic.patients.search(query, limit=200))
        count = median_ms(lambda: clinic.patients.count(query))
    floor = median_ms(baseline)
    raw.close()
    report(
        "patient search, 5,000 patients, first 200 of 'an'",
        f"{ours:.2f} ms (count {count:.2f} ms)",
        ours / floor,
        f"raw SQL {floor:.2f} ms",
    )


def test_load_a_300_session_history(clinic_5000: Path, tmp_path: Path) -> None:
    """Copy one demo patient's sessions until they have 300, then load the whole history."""
    path = tmp_path / "history.sqlite3"
    source = sqlite3.connect(clinic_5000)
    source.execute(f"VACUUM INTO '{path}'")
    source.close()
    db = sqlite3.connect(path, isolation_level=None)
    (patient_id,) = db.execute(
        "SELECT patient_id FROM sessions GROUP BY patient_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    template = db.execute("SELECT id FROM sessions WHERE patient_id = ?", (patient_id,)).fetchall()
    db.execute("BEGIN")
    count = len(template)
    while count < 300:
        for (session_id,) in template:
            if count >= 300:
                break
            columns = [r[1] for r in db.execute("PRAGMA table_info(sessions)")][1:]
            names = ", ".join(columns)
            new_id = db.execute(
                f"INSERT INTO sessions ({names}) SELECT {names} FROM sessions WHERE id = ?",
                (session_id,),
            ).lastrowid
            point_columns = [r[1] for r in db.execute("PRAGMA table_info(needled_points)")][2:]
            pnames = ", ".join(point_columns)
            db.execute(
                f"INSERT INTO needled_points (session_id, {pnames}) "
                f"SELECT ?, {pnames} FROM needled_points WHERE session_id = ?",
                (new_id, session_id),
            )
            count += 1
    db.execute("COMMIT")
    raw = raw_connection(path)

    def baseline() -> int:
        sessions = raw.execute(
            "SELECT * FROM sessions WHERE patient_id = ? ORDER BY started_at DESC", (patient_id,)
        ).fetchall()
        ids = [s[0] for s in sessions]
        marks = ",".join("?" * len(ids))
        points = raw.execute(
            f"SELECT * FROM needled_points WHERE session_id IN ({marks}) ORDER BY session_id, seq",
            ids,
        ).fetchall()
        raw.execute(f"SELECT * FROM adverse_events WHERE session_id IN ({marks})", ids).fetchall()
        return len(sessions) + len(points)

    with open_clinic(f"sqlite:///{path}") as clinic:
        records = clinic.sessions.records_for_patient(patient_id)
        assert len(records) == 300
        ours = median_ms(lambda: clinic.sessions.records_for_patient(patient_id), repeat=15)
    floor = median_ms(baseline, repeat=15)
    raw.close()
    points = sum(len(r.points) for r in records)
    report(
        f"load a 300-session history ({points} points)",
        f"{ours:.1f} ms",
        ours / floor,
        f"raw SQL {floor:.1f} ms",
    )
