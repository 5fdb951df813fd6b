"""GUI composition root: builds the application in a readable order and runs it.

Nothing GUI-related is created at import time. Storage problems met on opening (locked, damaged,
newer schema, read-only) are shown as a message and the window is not opened; anything else is
a bug and reaches the crash dialog, whose traceback also goes to the log file.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from needlemap.config import APP_NAME, DatabaseLocation
from needlemap.domain.errors import NeedleMapError
from needlemap.services import Clinic, open_clinic
from needlemap.ui.main_window import MainWindow
from needlemap.ui.workers import run_in_background

log = logging.getLogger(__name__)
CRASH_DIALOG_ENV = "NEEDLEMAP_NO_CRASH_DIALOG"
EXIT_WHEN_PAINTED_ENV = "NEEDLEMAP_EXIT_WHEN_PAINTED"  # for the launch benchmark


class _QuitOnFirstPaint(QObject):
    """Ends the event loop once the window has painted: launch-to-visible, measured honestly."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
            watched.removeEventFilter(self)
        return False


def application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationDisplayName(APP_NAME)
    return app


def build_main_window(clinic: Clinic, settings: QSettings | None = None) -> MainWindow:
    return MainWindow(clinic, settings or QSettings())


def _install_crash_hook() -> None:
    if os.environ.get(CRASH_DIALOG_ENV):
        return

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if isinstance(value, NeedleMapError):
            QMessageBox.warning(None, APP_NAME, value.message)
            return
        QMessageBox.critical(
            None,
            f"{APP_NAME} — unexpected error",
            f"Something went wrong inside NeedleMap ({kind.__name__}: {value}).\n\n"
            "Everything already shown as saved is in the database. The details are in the log "
            "file; please send it to support.",
        )

    sys.excepthook = hook


def run(location: DatabaseLocation) -> int:
    app = application()
    try:
        clinic = open_clinic(location.url, backup_dir=location.backup_dir)
    except NeedleMapError as exc:
        log.warning("database could not be opened: %s", type(exc).__name__)
        QMessageBox.critical(None, f"{APP_NAME} — cannot open the database", exc.message)
        return 1
    _install_crash_hook()
    window = build_main_window(clinic)
    if os.environ.get(EXIT_WHEN_PAINTED_ENV):
        window.installEventFilter(_QuitOnFirstPaint(window))
    window.show()
    run_in_background(
        clinic.maintenance.daily_backup,
        lambda _made: None,
        lambda exc: window.statusBar().showMessage(f"Today's automatic backup failed: {exc}"),
        parent=window,
    )
    try:
        return app.exec()
    finally:
        clinic.close()
