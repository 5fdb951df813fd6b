"""Shared set-up for the benchmarks (run on demand: ``pytest tests/benchmarks -s``).

Benchmarks print figures and ratios against a baseline measured in the same run; they never
assert a timing, so a slow machine does not fail them. Databases are built once per run.
"""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.benchmarks.big_file import BigFile, make_big_file

UNTIL = "2026-10-31"


def build_demo(path: Path, patients: int, seed: int = 7) -> float:
    """Build a demo clinic with the real command; return its wall time in seconds."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "needlemap",
            "demo",
            "--db",
            str(path),
            "--patients",
            str(patients),
            "--seed",
            str(seed),
            "--until",
            UNTIL,
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return time.perf_counter() - started


@pytest.fixture(scope="session")
def clinic_5000(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "clinic-5000.sqlite3"
    build_demo(path, 5000)
    return path


@pytest.fixture(scope="session")
def clinic_50(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "clinic-50.sqlite3"
    build_demo(path, 50)
    return path


def median_ms(action: Callable[[], object], repeat: int = 30, warmup: int = 3) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def report(name: str, figure: str, ratio: float, baseline: str) -> None:
    print(f"\n[benchmark] {name}: {figure}; baseline {baseline}; ratio {ratio:.2f}×")


def raw_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


@pytest.fixture(scope="session")
def big_5000(clinic_5000: Path, tmp_path_factory: pytest.TempPathFactory) -> BigFile:
    return make_big_file(clinic_5000, tmp_path_factory.mktemp("history") / "big-5000.sqlite3")


@pytest.fixture(scope="session")
def big_50(clinic_50: Path, tmp_path_factory: pytest.TempPathFactory) -> BigFile:
    return make_big_file(clinic_50, tmp_path_factory.mktemp("history") / "big-50.sqlite3")
