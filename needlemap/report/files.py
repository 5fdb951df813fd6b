"""Writing exported PDFs: atomically, owner-only (they hold patient data), never clobbering a
folder, with names that carry no internal ids."""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

from needlemap.domain.record import SessionRecord

LABEL = {"handout": "treatment-summary", "record": "clinical-record"}


def _ascii(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9-]+", "-", folded).strip("-") or "patient"


def export_name(record: SessionRecord, kind: str) -> str:
    """``2026-11-24 Lukasiewicz treatment-summary.pdf``: the date, the family name in ASCII."""
    day = record.session.started_at.astimezone().date().isoformat()
    return f"{day} {_ascii(record.patient.family_name)} {LABEL[kind]}.pdf"


def progress_name(family_name: str, day: date) -> str:
    """``2026-11-24 Lukasiewicz progress-report.pdf``, named like the session documents."""
    return f"{day.isoformat()} {_ascii(family_name)} progress-report.pdf"


def unique_path(folder: Path, name: str) -> Path:
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({counter}){suffix}"
        counter += 1
    return candidate


def write_private(path: Path, data: bytes) -> Path:
    """Write to a temporary neighbour and rename, so a crash never leaves half a PDF."""
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder")
    partial = path.with_name(f".{path.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    return path
