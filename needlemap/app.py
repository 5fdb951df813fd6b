"""GUI composition root: builds the application in a readable order and runs it.

The window's frame is shown first, before the database layer is imported, so the app is on
screen in a fraction of a second; the clinic then opens and fills it. Nothing GUI-related is
created at import time. Storage problems met on opening (locked, damaged, newer schema,
read-only) are shown as a message and the window closes; anything else is a bug and reaches
the crash dialog, whose traceback also goes to the log file.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from needlemap.config import APP_NAME, DatabaseLocation
from needlemap.domain.errors import NeedleMapError
from needlemap.ui.main_window import MainWindow
from needlemap.ui.workers import run_in_background

log = logging.getLogger(__name__)
CRASH_DIALOG_ENV = "NEEDLEMAP_NO_CRASH_DIALOG"
EXIT_WHEN_PAINTED_ENV = "NEEDLEMAP_EXIT_WHEN_PAINTED"  # for the launch benchmark
"""``frame``: quit once the window first paints; ``ready`` (or any other value): once it has
painted with the clinic's patient list in it."""


class _QuitOnFirstPaint(QObject):
    """Ends the process once the window has painted: launch-to-visible, measured honestly.

    The frame paints before the event loop runs, so the process ends right after that paint
    (``os._exit``: nothing is open yet that would need closing).
    """

    def __init__(self, parent: QObject, *, at_once: bool) -> None:
        super().__init__(parent)
        self.at_once = at_once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            if self.at_once:
                QTimer.singleShot(0, lambda: os._exit(0))
            else:
                QTimer.singleShot(0, QApplication.quit)
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


if TYPE_CHECKING:
    from needlemap.services import Clinic


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
    window = MainWindow(None, QSettings())
    exit_when = os.environ.get(EXIT_WHEN_PAINTED_ENV)
    if exit_when == "frame":
        window.installEventFilter(_QuitOnFirstPaint(window, at_once=True))
    window.show()
    app.processEvents()  # the frame paints now, while the clinic opens
    app.processEvents()
    from needlemap.services import open_clinic  # noqa: PLC0415 - SQLAlchemy after the frame

    try:
        clinic = open_clinic(location.url, backup_dir=location.backup_dir)
    except NeedleMapError as exc:
        log.warning("database could not be opened: %s", type(exc).__name__)
        QMessageBox.critical(window, f"{APP_NAME} — cannot open the database", exc.message)
        window.close()
        return 1
    _install_crash_hook()
    window.attach(clinic)
    if exit_when and exit_when != "frame":
        window.installEventFilter(_QuitOnFirstPaint(window, at_once=False))
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
