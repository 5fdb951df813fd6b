"""Add or edit a patient. Errors are shown beside the form, the offending field takes focus, and
nothing is saved until the whole record is valid."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.errors import NeedleMapError, ValidationError
from needlemap.domain.people import Patient
from needlemap.domain.vocabulary import Sex
from needlemap.services.patients import PatientService


class PatientDialog(QDialog):
    def __init__(
        self,
        patients: PatientService,
        patient: Patient | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._patients = patients
        self._patient = patient
        self.saved: Patient | None = None
        self.setWindowTitle("Edit patient" if patient else "New patient")
        self.setMinimumWidth(520)

        self.given = QLineEdit(self)
        self.family = QLineEdit(self)
        self.birth = QDateEdit(self)
        self.birth.setCalendarPopup(True)
        self.birth.setDisplayFormat("dd MMM yyyy")
        self.birth.setMaximumDate(QDate.currentDate())
        self.birth.setMinimumDate(QDate(1890, 1, 1))
        self.birth.setDate(QDate(1980, 1, 1))
        self.sex = QComboBox(self)
        for sex in Sex:
            self.sex.addItem(sex.label, sex)
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        self.address = QLineEdit(self)
        self.identifiers = QTableWidget(0, 2, self)
        self.identifiers.setHorizontalHeaderLabels(["Identifier type", "Number"])
        self.identifiers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.identifiers.verticalHeader().hide()
        self.identifiers.setMaximumHeight(110)
        add = QPushButton("Add identifier", self)
        remove = QPushButton("Remove", self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.error = QLabel(self)
        self.error.setAccessibleName("Error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")

        form = QFormLayout()
        for label, widget in (
            ("&Given names", self.given),
            ("&Family name", self.family),
            ("Date of &birth", self.birth),
            ("&Sex", self.sex),
            ("&Phone", self.phone),
            ("&Email", self.email),
            ("&Address", self.address),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", ""))
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        ids = QVBoxLayout()
        ids.addWidget(self.identifiers)
        ids.addLayout(buttons_row)
        form.addRow("&Identifiers", ids)
        form.addRow("&Notes", self.notes)
        self.identifiers.setAccessibleName("Identifiers")
        self.notes.setAccessibleName("Notes")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        add.clicked.connect(self._add_identifier)
        remove.clicked.connect(self._remove_identifier)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self._fields = {
            "given_names": self.given, "family_name": self.family, "birth_date": self.birth,
            "sex": self.sex, "phone": self.phone, "email": self.email, "address": self.address,
            "identifiers": self.identifiers, "notes": self.notes,
        }  # fmt: skip
        if patient is not None:
            self._load(patient)

    def _load(self, patient: Patient) -> None:
        self.given.setText(patient.given_names)
        self.family.setText(patient.family_name)
        self.birth.setDate(
            QDate(patient.birth_date.year, patient.birth_date.month, patient.birth_date.day)
        )
        self.sex.setCurrentIndex(self.sex.findData(patient.sex))
        self.phone.setText(patient.phone)
        self.email.setText(patient.email)
        self.address.setText(patient.address)
        for identifier in patient.identifiers:
            self._add_identifier(identifier.system, identifier.value)
        self.notes.setPlainText(patient.notes)

    def _add_identifier(self, system: str = "", value: str = "") -> None:
        row = self.identifiers.rowCount()
        self.identifiers.insertRow(row)
        self.identifiers.setItem(row, 0, QTableWidgetItem(system or "Clinic no."))
        self.identifiers.setItem(row, 1, QTableWidgetItem(value))
        if not value:
            self.identifiers.setCurrentCell(row, 1)
            self.identifiers.editItem(self.identifiers.item(row, 1))

    def _remove_identifier(self) -> None:
        row = self.identifiers.currentRow()
        if row >= 0:
            self.identifiers.removeRow(row)

    def values(self) -> dict[str, object]:
        qdate = self.birth.date()
        identifiers = []
        for row in range(self.identifiers.rowCount()):
            system = self.identifiers.item(row, 0)
            value = self.identifiers.item(row, 1)
            pair = (
                (system.text() if system else "").strip(),
                (value.text() if value else "").strip(),
            )
            if any(pair):
                identifiers.append(pair)
        return {
            "given_names": self.given.text(),
            "family_name": self.family.text(),
            "birth_date": date(qdate.year(), qdate.month(), qdate.day()),
            "sex": self.sex.currentData(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "address": self.address.text(),
            "identifiers": identifiers,
            "notes": self.notes.toPlainText(),
        }

    def save(self) -> None:
        try:
            if self._patient is None:
                self.saved = self._patients.create(**self.values())  # type: ignore[arg-type]
            else:
                self.saved = self._patients.update(self._patient.id, **self.values())
        except ValidationError as exc:
            self.error.setText(exc.message)
            widget = self._fields.get(exc.field or "", self.family)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except NeedleMapError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
