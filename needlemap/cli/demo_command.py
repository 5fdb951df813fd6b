"""``needlemap demo``: build a synthetic clinic to try, teach or load-test NeedleMap with.

Progress goes to stderr and the one-line summary to stdout, so a script can keep the summary.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from needlemap.cli.common import clinic_for
from needlemap.config import DatabaseLocation
from needlemap.domain.clock import local_today
from needlemap.domain.errors import ValidationError
from needlemap.services.demo import check_request


def parse_until(text: str | None) -> date:
    """``--until`` as a day; today (the local date) when it is not given."""
    if text is None:
        return local_today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            f"--until {text!r} is not a date; write it as YYYY-MM-DD (e.g. 2025-06-30).",
            field="until",
        ) from None


def _progress(done: int, total: int) -> None:
    print(f"demo: {done:,} of {total:,} patients written", file=sys.stderr, flush=True)


def run(args: argparse.Namespace, location: DatabaseLocation) -> int:
    until = parse_until(args.until)
    check_request(patients=args.patients, until=until)  # before a database file is created
    started = time.perf_counter()
    with clinic_for(location) as clinic:
        summary = clinic.demo.build(
            patients=args.patients, seed=args.seed, until=until, progress=_progress
        )
        where = clinic.location
    seconds = time.perf_counter() - started
    print(
        f"Demo clinic in {where}: {summary.patients:,} patients, {summary.sessions:,} sessions, "
        f"{summary.points:,} points, {summary.adverse_events:,} adverse events "
        f"in {seconds:.1f} s"
    )
    return 0
