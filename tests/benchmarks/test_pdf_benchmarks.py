"""Issue 5 figure: exporting a patient handout, against a minimal one-page reportlab document
made in the same run, both as a whole command-line process and in process. Printed only."""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from needlemap.report import render_pdf
from needlemap.services import open_clinic
from tests.benchmarks.conftest import median_ms, report

RUNS = 7
MINIMAL = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate
styles = getSampleStyleSheet()
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(
    [Paragraph("Your treatment", styles["Title"]), Paragraph("One page of text.", styles["Normal"])]
)
"""


def _busiest_session(path: Path) -> int:
    """A signed session with points in more than one view: a full handout, not a token one."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        (session_id,) = db.execute(
            """SELECT session_id FROM needled_points GROUP BY session_id
               ORDER BY COUNT(DISTINCT view) DESC, COUNT(*) DESC LIMIT 1"""
        ).fetchone()
    return int(session_id)


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def test_handout_export(clinic_50: Path, tmp_path: Path) -> None:
    session_id = _busiest_session(clinic_50)
    ours = [
        sys.executable,
        "-m",
        "needlemap",
        "--db",
        str(clinic_50),
        "export",
        str(session_id),
        "--out",
        str(tmp_path / "handout.pdf"),
        "--kind",
        "handout",
    ]
    baseline = [sys.executable, "-c", MINIMAL, str(tmp_path / "minimal.pdf")]
    _timed(ours)  # warm the disk cache and the bytecode of both
    _timed(baseline)
    ours_s, base_s = [], []
    for _ in range(RUNS):  # alternating, so both meet the same bursts of other work
        ours_s.append(_timed(ours))
        base_s.append(_timed(baseline))
    ours_median, base_median = statistics.median(ours_s), statistics.median(base_s)
    report(
        "handout export through the command line, process included",
        f"{ours_median * 1000:.0f} ms median",
        ours_median / base_median,
        f"minimal one-page reportlab document {base_median * 1000:.0f} ms",
    )

    clinic = open_clinic(f"sqlite:///{clinic_50}")
    record = clinic.sessions.record(session_id)
    settings = clinic.settings.get()
    handout_ms = median_ms(lambda: render_pdf("handout", record, clinic.atlas, settings), 15)
    minimal_ms = median_ms(lambda: _minimal_in_process(tmp_path / "m.pdf"), 15)
    report(
        f"handout rendered in process ({len(record.points)} points)",
        f"{handout_ms:.0f} ms median",
        handout_ms / minimal_ms,
        f"minimal one-page reportlab document {minimal_ms:.1f} ms",
    )
    clinic.close()


def _minimal_in_process(target: Path) -> None:
    styles = getSampleStyleSheet()
    SimpleDocTemplate(str(target), pagesize=A4).build(
        [Paragraph("Your treatment", styles["Title"]), Paragraph("One page.", styles["Normal"])]
    )
