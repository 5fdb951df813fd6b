"""Logging to an owner-only file in the platform log folder; never patient data.

Log lines name records by id only (``session 12 signed``), never by name, birth date or notes,
so a log file can be sent with a bug report.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from needlemap.config import log_dir

LOG_FILE_NAME = "needlemap.log"


class _PrivateRotatingFileHandler(RotatingFileHandler):
    def _open(self):  # type: ignore[no-untyped-def]  # noqa: ANN202 - stdlib signature
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        return os.fdopen(fd, self.mode, encoding=self.encoding)


def configure_logging(level: int = logging.INFO, directory: Path | None = None) -> Path | None:
    """Send our log records to the log file; return its path (None if it cannot be written)."""
    root = logging.getLogger("needlemap")
    root.setLevel(level)
    root.propagate = False
    target_dir = directory or log_dir()
    try:
        target_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = target_dir / LOG_FILE_NAME
        handler = _PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=3)
    except OSError:
        root.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for existing in list(root.handlers):
        root.removeHandler(existing)
        existing.close()
    root.addHandler(handler)
    return path
