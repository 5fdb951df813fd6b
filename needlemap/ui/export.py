"""Export and print the PDFs from the GUI: one session at a time or many from the patient file.

Building a PDF takes a fraction of a second; a batch of sessions runs in the thread pool behind a
progress dialog that can be cancelled, so the window stays responsive.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.clock import local_today
from needlemap.domain.errors import NeedleMapError
from needlemap.report import render_pdf
from needlemap.report.files import export_name, progress_name, unique_path, write_private
from needlemap.ui.workers import run_in_background

if TYPE_CHECKING:
    from needlemap.services import Clinic

KIND_LABELS = {"handout": "Patient handout", "record": "Clinical record"}


class KindDialog(QDialog):
    """Which document: the patient's handout or the full clinical record."""

    def __init__(self, parent: QWidget | None = None, title: str = "Export PDF") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.buttons = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for kind, label in KIND_LABELS.items():
            button = QRadioButton(label, self)
            button.setProperty("kind", kind)
            button.setAccessibleName(label)
            self.buttons.addButton(button)
            layout.addWidget(button)
        self.buttons.buttons()[0].setChecked(True)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    @property
    def kind(self) -> str:
        return str(self.buttons.checkedButton().property("kind"))


class Exporter(QObject):
    finished = Signal(list)  # the paths written
    failed = Signal(str)

    def __init__(self, clinic: Clinic, parent: QWidget) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.window = parent
        self.progress: QProgressDialog | None = None

    def pdf(self, session_id: int, kind: str) -> bytes:
        record = self.clinic.sessions.record(session_id)
        return render_pdf(kind, record, self.clinic.atlas, self.clinic.settings.get())

    def _documents_dir(self) -> Path:
        where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(where) if where else Path.home()

    # one session -------------------------------------------------------------------------

    def export_session(self, session_id: int) -> Path | None:
        chooser = KindDialog(self.window)
        if not chooser.exec():
            return None
        record = self.clinic.sessions.record(session_id)
        suggested = str(self._documents_dir() / export_name(record, chooser.kind))
        target, _filter = QFileDialog.getSaveFileName(
            self.window, "Export PDF", suggested, "PDF documents (*.pdf)"
        )
        if not target:
            return None
        return self.export_to(session_id, chooser.kind, Path(target))

    def export_to(self, session_id: int, kind: str, target: Path) -> Path | None:
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            written = write_private(target, self.pdf(session_id, kind))
        except (NeedleMapError, OSError) as exc:
            QMessageBox.warning(self.window, "Export PDF", _message(exc))
            return None
        self.finished.emit([written])
        return written

    # many sessions -----------------------------------------------------------------------

    def export_sessions(self, session_ids: Sequence[int]) -> None:
        chooser = KindDialog(self.window, f"Export {len(session_ids)} sessions")
        if not chooser.exec():
            return
        folder = QFileDialog.getExistingDirectory(
            self.window, "Export to folder", str(self._documents_dir())
        )
        if folder:
            self.export_many(session_ids, chooser.kind, Path(folder))

    def export_many(self, session_ids: Sequence[int], kind: str, folder: Path) -> None:
        """One PDF per session, built off the GUI thread behind a cancellable progress dialog."""
        ids = list(session_ids)
        progress = QProgressDialog("Exporting PDFs…", "Cancel", 0, len(ids), self.window)
        progress.setWindowTitle("Export PDF")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)
        self.progress = progress
        cancelled = threading.Event()  # the dialog lives in the GUI thread; the worker reads this
        progress.canceled.connect(cancelled.set)
        atlas = self.clinic.atlas
        settings = self.clinic.settings.get()
        sessions = self.clinic.sessions

        def work(report) -> list[Path]:  # noqa: ANN001 - the worker's progress callback
            written = []
            for done, session_id in enumerate(ids, start=1):
                if cancelled.is_set():
                    break
                record = sessions.record(session_id)
                data = render_pdf(kind, record, atlas, settings)
                path = unique_path(folder, export_name(record, kind))
                written.append(write_private(path, data))
                report(done, len(ids))
            return written

        def done(paths: list[Path]) -> None:
            progress.setValue(len(ids))
            progress.close()
            self.finished.emit(paths)

        def failed(exc: BaseException) -> None:
            progress.close()
            self.failed.emit(_message(exc))
            QMessageBox.warning(self.window, "Export PDF", _message(exc))

        folder.mkdir(parents=True, exist_ok=True)
        run_in_background(
            work, done, failed, on_progress=lambda d, _t: progress.setValue(d), parent=self
        )

    # progress report (one patient, a period) -------------------------------------------

    def progress_pdf(self, patient_id: int, start: date | None, end: date | None) -> bytes:
        """The progress report from ``start`` to ``end``, both days included."""
        from needlemap.report.progress import build_progress_report  # noqa: PLC0415 - on demand

        report = self.clinic.progress.report(patient_id, start=start, end=end)
        return build_progress_report(report, self.clinic.atlas, self.clinic.settings.get())

    def export_progress(self, patient_id: int, start: date | None, end: date | None) -> Path | None:
        patient = self.clinic.patients.get(patient_id)
        suggested = self._documents_dir() / progress_name(patient.family_name, local_today())
        target, _filter = QFileDialog.getSaveFileName(
            self.window, "Progress report", str(suggested), "PDF documents (*.pdf)"
        )
        if not target:
            return None
        return self.export_progress_to(patient_id, start, end, Path(target))

    def export_progress_to(
        self, patient_id: int, start: date | None, end: date | None, target: Path
    ) -> Path | None:
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            written = write_private(target, self.progress_pdf(patient_id, start, end))
        except (NeedleMapError, OSError) as exc:
            QMessageBox.warning(self.window, "Progress report", _message(exc))
            return None
        self.finished.emit([written])
        return written

    # printing ----------------------------------------------------------------------------

    def print_session(self, session_id: int) -> bool:
        chooser = KindDialog(self.window, "Print")
        if not chooser.exec():
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(session_id, chooser.kind, printer) > 0

    def print_to(self, session_id: int, kind: str, printer: QPrinter) -> int:
        from needlemap.ui.printing import print_pdf  # noqa: PLC0415 - PDFium when printing

        try:
            return print_pdf(self.pdf(session_id, kind), printer)
        except (NeedleMapError, OSError) as exc:
            QMessageBox.warning(self.window, "Print", _message(exc))
            return 0


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, NeedleMapError) else str(exc)
