"""The session header: who, when, status, and the session-level fields edited during charting."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.people import Patient
from needlemap.domain.session import Session
from needlemap.domain.vocabulary import PatientPosition
from needlemap.ui.formatting import format_date, format_datetime
from needlemap.ui.icons import icon

UNKNOWN = "—"


class SessionHeader(QWidget):
    field_edited = Signal(str, object, object)  # field, before, after
    sign_requested = Signal()
    amend_requested = Signal()
    back_requested = Signal()
    consent_requested = Signal()
    continue_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._loading = False

        self.back = QPushButton(icon("back"), "Patient file", self)
        self.back.setAccessibleName("Back to the patient file")
        self.patient_label = QLabel(self)
        self.patient_label.setAccessibleName("Patient")
        font = self.patient_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.patient_label.setFont(font)
        self.session_label = QLabel(self)
        self.session_label.setAccessibleName("Session")
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName("Session status")
        self.sign_button = QPushButton(icon("sign"), "&Sign session…", self)
        self.consent_button = QPushButton(icon("consent"), "&Consent…", self)
        self.consent_button.setAccessibleName("Record consent")
        self.screening_label = QLabel(self)
        self.screening_label.setAccessibleName("Screening findings")
        self.screening_label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.amend_button = QPushButton(icon("edit"), "&Amend…", self)
        self.continue_button = QPushButton(icon("needle"), "C&ontinue charting", self)
        self.continue_button.setToolTip("This draft is open for review; continue charting it")

        self.position = QComboBox(self)
        self.position.addItem(UNKNOWN, None)
        for position in PatientPosition:
            self.position.addItem(position.label, position)
        self.nprs_before = self._nprs_box()
        self.nprs_after = self._nprs_box()
        self.needles_in = self._count_box()
        self.needles_out = self._count_box()
        self.notes = QLineEdit(self)
        self.notes.setPlaceholderText("Session notes")

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addSpacing(8)
        top.addWidget(self.patient_label)
        top.addWidget(self.session_label, 1)
        top.addWidget(self.status_label)
        top.addWidget(self.consent_button)
        top.addWidget(self.amend_button)
        top.addWidget(self.continue_button)
        top.addWidget(self.sign_button)

        fields = QGridLayout()
        fields.setHorizontalSpacing(10)
        pairs = (
            ("P&osition", self.position),
            ("NPRS &before", self.nprs_before),
            ("NPRS a&fter", self.nprs_after),
            ("Needles &in", self.needles_in),
            ("Needles o&ut", self.needles_out),
        )
        for column, (text, widget) in enumerate(pairs):
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            fields.addWidget(label, 0, column * 2)
            fields.addWidget(widget, 0, column * 2 + 1)
        fields.addWidget(self.notes, 0, len(pairs) * 2)
        fields.setColumnStretch(len(pairs) * 2, 1)
        self.notes.setAccessibleName("Session notes")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addLayout(fields)
        layout.addWidget(self.screening_label)

        self.back.clicked.connect(self.back_requested)
        self.sign_button.clicked.connect(self.sign_requested)
        self.amend_button.clicked.connect(self.amend_requested)
        self.continue_button.clicked.connect(self.continue_requested)
        self.consent_button.clicked.connect(self.consent_requested)
        self.position.currentIndexChanged.connect(
            lambda _i: self._edit("position", self.position.currentData())
        )
        self.nprs_before.valueChanged.connect(
            lambda v: self._edit("nprs_before", None if v < 0 else v)
        )
        self.nprs_after.valueChanged.connect(
            lambda v: self._edit("nprs_after", None if v < 0 else v)
        )
        self.needles_in.valueChanged.connect(
            lambda v: self._edit("needles_inserted", None if v < 0 else v)
        )
        self.needles_out.valueChanged.connect(
            lambda v: self._edit("needles_removed", None if v < 0 else v)
        )
        self.notes.editingFinished.connect(lambda: self._edit("notes", self.notes.text().strip()))

    def set_screening(self, text: str) -> None:
        self.screening_label.setText(text)
        self.screening_label.setVisible(bool(text))

    def _nprs_box(self) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(-1, 10)
        box.setSpecialValueText(UNKNOWN)
        box.setToolTip("Numeric pain rating, 0 (no pain) to 10 (worst imaginable)")
        return box

    def _count_box(self) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(-1, 500)
        box.setSpecialValueText(UNKNOWN)
        return box

    def set_session(
        self,
        patient: Patient,
        session: Session,
        practitioner: str,
        *,
        editable: bool,
        reviewing: bool = False,
    ) -> None:
        self._session = session
        self._loading = True
        try:
            age = patient.age_on(session.started_at.date())
            self.patient_label.setText(
                f"{patient.display_name}  ·  {format_date(patient.birth_date)} ({age})"
            )
            who = f" · {practitioner}" if practitioner else ""
            self.session_label.setText(f"Session {format_datetime(session.started_at)}{who}")
            if session.is_signed:
                status = f"Signed {format_datetime(session.signed_at)}"
            else:
                status = "Draft — read-only review" if reviewing else "Draft — saved as you go"
            self.status_label.setText(status)
            self.sign_button.setVisible(not session.is_signed and not reviewing)
            self.continue_button.setVisible(reviewing and not session.is_signed)
            consent = session.consent
            self.consent_button.setText(
                f"Consent: {consent.method.label.lower()}" if consent else "&Consent needed…"
            )
            self.consent_button.setEnabled(editable or (consent is None and not reviewing))
            self.amend_button.setVisible(session.is_signed)
            self.position.setCurrentIndex(max(0, self.position.findData(session.position)))
            self.nprs_before.setValue(-1 if session.nprs_before is None else session.nprs_before)
            self.nprs_after.setValue(-1 if session.nprs_after is None else session.nprs_after)
            self.needles_in.setValue(
                -1 if session.needles_inserted is None else session.needles_inserted
            )
            self.needles_out.setValue(
                -1 if session.needles_removed is None else session.needles_removed
            )
            if not self.notes.hasFocus():
                self.notes.setText(session.notes)
            for widget in (
                self.position,
                self.nprs_before,
                self.nprs_after,
                self.needles_in,
                self.needles_out,
                self.notes,
            ):
                widget.setEnabled(editable)
        finally:
            self._loading = False

    def _edit(self, field: str, value: object) -> None:
        if self._loading or self._session is None:
            return
        before = getattr(self._session, field)
        if before == value:
            return
        self.field_edited.emit(field, before, value)
