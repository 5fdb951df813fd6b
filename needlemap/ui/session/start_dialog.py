"""Start a session: when, who treats, the patient's position and the pain before treatment."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.errors import NeedleMapError
from needlemap.domain.session import Session
from needlemap.domain.vocabulary import PatientPosition

if TYPE_CHECKING:
    from needlemap.services import Clinic

UNKNOWN = "—"


class StartSessionDialog(QDialog):
    def __init__(
        self,
        clinic: Clinic,
        patient_id: int,
        practitioner_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.patient_id = patient_id
        self.session: Session | None = None
        patient = clinic.patients.get(patient_id)
        self.setWindowTitle(f"Start session — {patient.display_name}")

        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setDisplayFormat("dd MMM yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(60))
        self.practitioner = QComboBox(self)
        self.add_practitioner = QPushButton("Add…", self)
        self.position = QComboBox(self)
        self.position.addItem(UNKNOWN, None)
        for position in PatientPosition:
            self.position.addItem(position.label, position)
        self.nprs = QSpinBox(self)
        self.nprs.setRange(-1, 10)
        self.nprs.setSpecialValueText(UNKNOWN)
        self.nprs.setValue(-1)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")

        who = QHBoxLayout()
        who.addWidget(self.practitioner, 1)
        who.addWidget(self.add_practitioner)
        form = QFormLayout()
        form.addRow("&Date and time", self.when)
        form.addRow("&Practitioner", who)
        form.addRow("Patient p&osition", self.position)
        form.addRow("&NPRS before (0–10)", self.nprs)
        for widget, name in (
            (self.when, "Date and time"),
            (self.practitioner, "Practitioner"),
            (self.position, "Patient position"),
            (self.nprs, "NPRS before"),
        ):
            widget.setAccessibleName(name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Start")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill_practitioners(practitioner_id)
        self.add_practitioner.clicked.connect(self._add_practitioner)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)

    def _fill_practitioners(self, selected: int | None) -> None:
        self.practitioner.clear()
        for practitioner in self.clinic.practitioners.list():
            label = practitioner.name
            if practitioner.profession:
                label += f" ({practitioner.profession})"
            self.practitioner.addItem(label, practitioner.id)
        index = self.practitioner.findData(selected)
        self.practitioner.setCurrentIndex(max(index, 0))

    def _add_practitioner(self) -> None:
        name, ok = QInputDialog.getText(self, "Add practitioner", "Full name:")
        if not ok or not name.strip():
            return
        try:
            added = self.clinic.practitioners.add(name)
        except NeedleMapError as exc:
            self.error.setText(exc.message)
            return
        self._fill_practitioners(added.id)

    @property
    def practitioner_id(self) -> int | None:
        value = self.practitioner.currentData()
        return int(value) if value is not None else None

    def start(self) -> None:
        if self.practitioner_id is None:
            self.error.setText("Add the practitioner who is treating first.")
            self.add_practitioner.setFocus()
            return
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        try:
            self.session = self.clinic.sessions.start(
                self.patient_id,
                practitioner_id=self.practitioner_id,
                started_at=moment,
                position=self.position.currentData(),
                nprs_before=None if self.nprs.value() < 0 else self.nprs.value(),
            )
        except NeedleMapError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
