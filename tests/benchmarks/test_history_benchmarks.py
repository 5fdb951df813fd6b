"""Review queries at clinic scale: a 300-session patient file in a 5,000-patient clinic.

Every figure is compared with the same operation on a 50-patient clinic whose busiest patient
was given the same 300-session history: the review screens, type-ahead and the command line
should cost about the same in a large clinic as in a small one (a ratio near 1×), since a
patient's file and a page of results do not grow with the number of other patients.

Targets (printed, never asserted: a slow machine must not fail the run):
opening a patient file < 150 ms, a year's heatmap < 100 ms, a type-ahead keystroke within one
60 Hz frame (16.7 ms), each command-line call within 1.5× of the small clinic.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest

from needlemap.services import Clinic, open_clinic
from needlemap.ui.patients.list_model import PAGE_SIZE
from tests.benchmarks.big_file import SESSIONS, BigFile
from tests.benchmarks.conftest import median_ms, report

FRAME_MS = 1000 / 60
TYPED = "anna"  # each keystroke of it is one search + count
SEARCH_MUSCLE = "trapezius_upper"  # the most needled muscle: the most rows to wade through


@pytest.fixture(scope="module")
def clinics(big_5000: BigFile, big_50: BigFile) -> Iterator[tuple[Clinic, Clinic]]:
    large, small = open_clinic(big_5000.url), open_clinic(big_50.url)
    yield large, small
    large.close()
    small.close()


def _verdict(figure_ms: float, target_ms: float) -> str:
    return "within target" if figure_ms <= target_ms else f"MISSES the {target_ms:g} ms target"


def paired(
    large: Callable[[], object], small: Callable[[], object], *, rounds: int = 5, repeat: int = 9
) -> tuple[float, float]:
    """Warmed medians of both, taken in alternating rounds; the best round of each counts.

    Other work on the machine comes in bursts; alternating puts both databases through the
    same bursts, and the quietest round is the closest to what the code itself costs.
    """
    ours, base = [], []
    for _ in range(rounds):
        ours.append(median_ms(large, repeat=repeat, warmup=1))
        base.append(median_ms(small, repeat=repeat, warmup=1))
    return min(ours), min(base)


def compare(
    name: str, large: Callable[[], object], small: Callable[[], object], target_ms: float | None
) -> float:
    """Measure, print with the ratio to the 50-patient clinic, and return the large figure."""
    ours, base = paired(large, small)
    verdict = f" ({_verdict(ours, target_ms)})" if target_ms is not None else ""
    figure = f"{ours:.2f} ms{verdict}"
    report(f"{name}, 5,000 patients", figure, ours / base, f"50 patients {base:.2f} ms")
    return ours


def test_open_a_300_session_patient_file(clinics, big_5000: BigFile, big_50: BigFile) -> None:
    large, small = clinics
    timeline = large.history.timeline(big_5000.patient_id)
    assert len(timeline) == SESSIONS == len(small.history.timeline(big_50.patient_id))
    compare(
        "timeline of a 300-session patient (opening the file)",
        lambda: large.history.timeline(big_5000.patient_id),
        lambda: small.history.timeline(big_50.patient_id),
        150,
    )
    records = large.sessions.records_for_patient(big_5000.patient_id)
    points = sum(len(r.points) for r in records)
    compare(
        f"records_for_patient, the same 300 sessions with all {points} points",
        lambda: large.sessions.records_for_patient(big_5000.patient_id),
        lambda: small.sessions.records_for_patient(big_50.patient_id),
        150,
    )


def test_a_years_heatmap(clinics, big_5000: BigFile, big_50: BigFile) -> None:
    large, small = clinics

    def year(big: BigFile) -> tuple[datetime, datetime]:
        end = big.newest + timedelta(days=1)
        return end - timedelta(days=365), end

    heat = large.history.heatmap(big_5000.patient_id, *year(big_5000))
    assert heat and small.history.heatmap(big_50.patient_id, *year(big_50))
    compare(
        f"a year's heatmap of that patient ({sum(heat.values())} muscle-sessions)",
        lambda: large.history.heatmap(big_5000.patient_id, *year(big_5000)),
        lambda: small.history.heatmap(big_50.patient_id, *year(big_50)),
        100,
    )


def test_a_muscles_history_and_the_pain_trend(clinics, big_5000: BigFile, big_50: BigFile) -> None:
    large, small = clinics
    heat = large.history.heatmap(big_5000.patient_id)
    muscle, _side = max(heat, key=lambda key: heat[key])
    visits = large.history.muscle_history(big_5000.patient_id, muscle)
    compare(
        f"muscle history of {muscle} ({len(visits)} visits)",
        lambda: large.history.muscle_history(big_5000.patient_id, muscle),
        lambda: small.history.muscle_history(big_50.patient_id, muscle),
        None,
    )
    compare(
        "pain trend of the 300 sessions",
        lambda: large.history.pain_trend(big_5000.patient_id),
        lambda: small.history.pain_trend(big_50.patient_id),
        None,
    )


def test_find_sessions_by_muscle_in_a_date_range(clinics) -> None:
    large, small = clinics
    filters = {"muscle_id": SEARCH_MUSCLE, "start": "2025-11-01", "end": "2026-11-01"}
    hits = large.history.find_sessions(**filters, limit=200)
    total = large.history.count_sessions(**filters)
    small_total = small.history.count_sessions(**filters)
    assert len(hits) == min(200, total)
    assert all(SEARCH_MUSCLE in hit.muscle_ids for hit in hits)
    first = compare(
        f"find_sessions {SEARCH_MUSCLE} in one year, first 200 of {total:,} (50: {small_total})",
        lambda: large.history.find_sessions(**filters, limit=200),
        lambda: small.history.find_sessions(**filters, limit=200),
        None,
    )
    compare(
        "count_sessions with the same filters",
        lambda: large.history.count_sessions(**filters),
        lambda: small.history.count_sessions(**filters),
        None,
    )
    deep = min(
        median_ms(lambda: large.history.find_sessions(**filters, offset=1000, limit=200))
        for _ in range(3)
    )
    report(
        "find_sessions, the same, a page deep in the table (offset 1,000)",
        f"{deep:.2f} ms",
        deep / first,
        f"the first page {first:.2f} ms",
    )


def _keystrokes(clinic: Clinic, *, listing: bool) -> dict[str, Callable[[], object]]:
    """One call per keystroke of ``TYPED``: the count plus the search (or the listing)."""
    patients = clinic.patients
    if listing:
        return {
            TYPED[:n]: lambda t=TYPED[:n]: (patients.count(t), patients.listing(t, limit=PAGE_SIZE))
            for n in range(1, len(TYPED) + 1)
        }
    return {
        TYPED[:n]: lambda t=TYPED[:n]: (patients.count(t), patients.search(t, limit=200))
        for n in range(1, len(TYPED) + 1)
    }


@pytest.mark.parametrize(
    ("listing", "what"),
    [
        (False, "type-ahead search + count"),
        (True, f"type-ahead as the patient list runs it (count + first page of {PAGE_SIZE})"),
    ],
)
def test_patient_type_ahead_per_keystroke(clinics, listing: bool, what: str) -> None:
    large, small = clinics
    ours = _keystrokes(large, listing=listing)
    base = _keystrokes(small, listing=listing)
    figures = {text: paired(ours[text], base[text], rounds=3) for text in ours}
    worst = max(figures, key=lambda text: figures[text][0])
    large_ms, small_ms = figures[worst]
    each = ", ".join(f"{t!r} {a:.1f}/{b:.1f}" for t, (a, b) in figures.items())
    report(
        f"{what}, slowest keystroke of {TYPED!r} ({worst!r}), 5,000 patients",
        f"{large_ms:.2f} ms ({_verdict(large_ms, FRAME_MS)}); each keystroke 5,000/50: {each}",
        large_ms / small_ms,
        f"50 patients {small_ms:.2f} ms",
    )


def _run_ms(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return (time.perf_counter() - started) * 1000


def test_command_line(big_5000: BigFile, big_50: BigFile) -> None:
    for name, arguments in (
        ("needlemap patients --search an --json", lambda b: ["patients", "--search", "an"]),
        (
            "needlemap sessions --patient ID --json (the 300-session patient)",
            lambda b: ["sessions", "--patient", str(b.patient_id)],
        ),
    ):
        commands = [
            [sys.executable, "-m", "needlemap", "--db", str(b.path), *arguments(b), "--json"]
            for b in (big_5000, big_50)
        ]
        for command in commands:
            _run_ms(command)  # warm the disk cache and the bytecode
        samples: tuple[list[float], list[float]] = ([], [])
        for _ in range(7):  # alternating, so both go through the same bursts of other work
            for command, taken in zip(commands, samples, strict=True):
                taken.append(_run_ms(command))
        ours, base = (statistics.median(taken) for taken in samples)
        ratio = ours / base
        verdict = "within target" if ratio <= 1.5 else "MISSES the 1.5× target"
        report(
            f"{name}, 5,000 patients",
            f"{ours:.0f} ms, process start included ({verdict})",
            ratio,
            f"50 patients {base:.0f} ms",
        )
