"""A process killed with SIGKILL mid-write loses nothing it had reported as saved."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from needlemap.services import open_clinic
from needlemap.store import backup

WRITER = """
import sys
from needlemap.domain.safety import Acknowledgement, SafetyCheckRequired
from needlemap.services import open_clinic
clinic = open_clinic(sys.argv[1])
patient = clinic.patients.create(family_name="Crash", birth_date="1970-01-01")
session = clinic.sessions.start(patient.id)
clinic.sessions.record_consent(session.id, method="verbal", obtained_by_id=None,
                               text_version="NeedleMap DN consent 1")
print("session", session.id, flush=True)
spots = []
for m in clinic.atlas.catalogue:
    position = clinic.atlas.default_position(m.id, "right") if m.bilateral else None
    if position is not None:
        spots.append(dict(muscle_id=m.id, side="right", view=position.view, x=position.x,
                          y=position.y, layer=position.layer))
n = 0
while True:
    where = spots[n % len(spots)]
    try:
        point = clinic.points.mark(session.id, **where)
    except SafetyCheckRequired as pending:
        answers = tuple(Acknowledgement(c.kind, c.key, "Discussed, benefit outweighs risk")
                        for c in pending.checks)
        point = clinic.points.mark(session.id, **where, acknowledgements=answers)
    clinic.sessions.update(session.id, notes=f"after point {point.id}")
    print("saved", point.id, flush=True)
    n += 1
"""


@pytest.mark.slow
def test_sigkill_mid_write_keeps_every_reported_change(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    path = tmp_path / "crash.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, f"sqlite:///{path}"],
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env,
    )
    assert child.stdout is not None
    session_id = int(child.stdout.readline().split()[1])
    reported: list[int] = []
    deadline = time.monotonic() + 60
    while len(reported) < 120 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if line.startswith("saved"):
            reported.append(int(line.split()[1]))
    os.kill(child.pid, signal.SIGKILL)  # mid-write: it is always busy writing the next point
    child.wait(timeout=30)
    tail = child.stdout.read()
    child.stdout.close()
    reported += [int(line.split()[1]) for line in tail.splitlines() if line.startswith("saved")]
    assert len(reported) >= 100

    assert backup.integrity_problems(path) == []
    with open_clinic(f"sqlite:///{path}") as clinic:
        points = clinic.points.for_session(session_id)
        stored = {p.id for p in points}
        assert set(reported) <= stored
        assert len(stored) - len(reported) <= 1  # at most the one being written when killed
        assert [p.seq for p in points] == list(range(1, len(points) + 1))
        notes = clinic.sessions.get(session_id).notes
        assert int(notes.rsplit(" ", 1)[1]) >= max(reported)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
