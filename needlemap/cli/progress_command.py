"""``needlemap progress PATIENT_ID --out FILE.pdf [--from YYYY-MM-DD] [--to YYYY-MM-DD]``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from needlemap.cli.common import clinic_for
from needlemap.config import DatabaseLocation
from needlemap.domain.errors import ValidationError
from needlemap.report.files import write_private
from needlemap.report.progress import build_progress_report


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"{option} {text!r} is not a date; use YYYY-MM-DD.") from None


def run(args: argparse.Namespace, location: DatabaseLocation) -> int:
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"--out {out} should end in .pdf.")
    if out.is_dir():
        raise ValidationError(f"--out {out} is a folder; give a file name ending in .pdf.")
    if not out.parent.is_dir():
        raise ValidationError(f"The folder {out.parent} does not exist.")
    with clinic_for(location) as clinic:
        report = clinic.progress.report(args.patient, start, end)
        data = build_progress_report(report, clinic.atlas, clinic.settings.get())
    print(write_private(out, data))
    return 0
