"""The main window: the patient list now; the patient file and charting workspace join it."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from needlemap import __version__
from needlemap.services import Clinic
from needlemap.ui.patients.list_panel import PatientListPanel

WINDOW_TITLE = "NeedleMap"


class MainWindow(QMainWindow):
    def __init__(self, clinic: Clinic, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.settings = settings
        self.setWindowTitle(WINDOW_TITLE)
        self.setObjectName("MainWindow")

        self.patient_list = PatientListPanel(clinic.patients, self)
        self.setCentralWidget(self.patient_list)

        self.location_label = QLabel(clinic.location, self)
        self.location_label.setAccessibleName("Database location")
        self.statusBar().addPermanentWidget(self.location_label)

        self._build_menus()
        self.patient_list.reload()
        self._restore_state()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About NeedleMap", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About NeedleMap",
            f"<b>NeedleMap {__version__}</b><p>Dry-needling charts on a muscle-level body atlas "
            f"(atlas {self.clinic.atlas.version}).</p><p>Data: {self.clinic.location}</p>",
        )

    def _restore_state(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
