"""What the command handlers share: opening the clinic and printing."""

from __future__ import annotations

import json
import sys
from typing import Any

from needlemap.config import DatabaseLocation
from needlemap.services import Clinic, open_clinic


def clinic_for(location: DatabaseLocation) -> Clinic:
    return open_clinic(location.url, backup_dir=location.backup_dir)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)
