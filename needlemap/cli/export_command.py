"""``needlemap export SESSION_ID [SESSION_ID …] --out FILE_OR_DIR --kind handout|record``."""

from __future__ import annotations

import argparse
from pathlib import Path

from needlemap.cli.common import clinic_for
from needlemap.config import DatabaseLocation
from needlemap.domain.errors import ValidationError
from needlemap.report import render_pdf
from needlemap.report.files import export_name, unique_path, write_private


def run(args: argparse.Namespace, location: DatabaseLocation) -> int:
    out = Path(args.out).expanduser()
    several = len(args.sessions) > 1
    if several or out.is_dir() or args.out.endswith(("/", "\\")):
        if out.exists() and not out.is_dir():
            raise ValidationError(f"{out} is a file; several sessions need a folder for --out.")
        folder = out
    else:
        if out.suffix.lower() != ".pdf":
            raise ValidationError(f"--out {out} should end in .pdf (or be an existing folder).")
        if not out.parent.is_dir():
            raise ValidationError(f"The folder {out.parent} does not exist.")
        folder = None
    with clinic_for(location) as clinic:
        records = [clinic.sessions.record(session_id) for session_id in args.sessions]
        settings = clinic.settings.get()
        atlas = clinic.atlas
        documents = [(record, render_pdf(args.kind, record, atlas, settings)) for record in records]
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        for record, data in documents:
            print(write_private(unique_path(folder, export_name(record, args.kind)), data))
    else:
        print(write_private(out, documents[0][1]))
    return 0
