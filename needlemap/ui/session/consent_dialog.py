"""Record the patient's consent for this session: dry-needling specific, with the material risks,
written or verbal, who obtained it and when, the version of the consent text, a copy offered."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.errors import NeedleMapError
from needlemap.domain.session import Session
from needlemap.domain.vocabulary import ConsentMethod

if TYPE_CHECKING:
    from needlemap.services import Clinic

RISKS = (
    "Post-needling soreness",
    "Bruising and minor bleeding",
    "Fainting or light-headedness",
    "Infection",
    "Nerve or blood-vessel injury",
    "Pneumothorax (needling over the chest wall)",
)


class ConsentDialog(QDialog):
    def __init__(
        self,
        clinic: Clinic,
        session: Session,
        practitioner_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.session = session
        self.saved: Session | None = None
        settings = clinic.settings.get()
        self.setWindowTitle("Consent to dry needling")
        self.setMinimumWidth(560)

        text = QTextBrowser(self)
        text.setPlainText(settings.consent_text)
        text.setMaximumHeight(130)
        text.setAccessibleName("Consent information")
        self.version = QLineEdit(settings.consent_text_version, self)
        self.written = QRadioButton("&Written", self)
        self.verbal = QRadioButton("&Verbal", self)
        methods = QButtonGroup(self)
        methods.addButton(self.written)
        methods.addButton(self.verbal)
        self.verbal.setChecked(True)
        method_row = QHBoxLayout()
        method_row.addWidget(self.written)
        method_row.addWidget(self.verbal)
        method_row.addStretch(1)
        self.obtained_by = QComboBox(self)
        for practitioner in clinic.practitioners.list():
            self.obtained_by.addItem(practitioner.name, practitioner.id)
        index = self.obtained_by.findData(practitioner_id or session.practitioner_id)
        self.obtained_by.setCurrentIndex(max(index, 0))
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setDisplayFormat("dd MMM yyyy HH:mm")
        self.risks: list[QCheckBox] = []
        risks_box = QVBoxLayout()
        for risk in RISKS:
            box = QCheckBox(risk, self)
            box.setChecked(True)
            self.risks.append(box)
            risks_box.addWidget(box)
        self.copy_offered = QCheckBox("A copy of the information was offered", self)
        self.copy_offered.setChecked(True)
        self.notes = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")

        form = QFormLayout()
        form.addRow("Consent text &version", self.version)
        form.addRow("Method", method_row)
        form.addRow("Obtained &by", self.obtained_by)
        form.addRow("&When", self.when)
        form.addRow("Risks discussed", risks_box)
        form.addRow("", self.copy_offered)
        form.addRow("&Notes", self.notes)
        for widget, name in (
            (self.version, "Consent text version"),
            (self.obtained_by, "Obtained by"),
            (self.when, "When"),
            (self.notes, "Consent notes"),
        ):
            widget.setAccessibleName(name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Record consent")
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> None:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        try:
            self.saved = self.clinic.sessions.record_consent(
                self.session.id,
                method=ConsentMethod.WRITTEN if self.written.isChecked() else ConsentMethod.VERBAL,
                obtained_by_id=self.obtained_by.currentData(),
                obtained_at=moment,
                text_version=self.version.text(),
                risks_discussed=[box.text() for box in self.risks if box.isChecked()],
                copy_offered=self.copy_offered.isChecked(),
                notes=self.notes.text(),
            )
        except NeedleMapError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
