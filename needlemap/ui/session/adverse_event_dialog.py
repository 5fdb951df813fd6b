"""Record an adverse event against a session: what happened, how severe, when, and what was done.

Adverse events often surface days later (post-needling soreness, a bruise, rarely a
pneumothorax), by which time the session is signed: the event is then added as an amendment with
a reason, never by reopening the record. Severity is graded in the scheme the clinic reports in
(White, Carnes or Boyce), so the grades offered follow the chosen scheme.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.errors import NeedleMapError, ValidationError
from needlemap.domain.events import AdverseEvent
from needlemap.domain.point import NeedledPoint
from needlemap.domain.vocabulary import AdverseEventType, SeverityScheme
from needlemap.ui.formatting import format_datetime

if TYPE_CHECKING:
    from needlemap.services import Clinic

DEFAULT_AMENDMENT_REASON = "Adverse event reported after the session was signed"
NO_POINT = "— not linked to a point —"
ERROR_STYLE = "color: #c62828; font-weight: bold;"
SIGNED_STYLE = "color: #8a4b00; font-weight: bold;"


def _qdatetime(moment: datetime) -> QDateTime:
    """An aware moment as a local QDateTime, to the second."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


class AdverseEventDialog(QDialog):
    def __init__(
        self,
        clinic: Clinic,
        session_id: int,
        practitioner_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.session = clinic.sessions.get(session_id)
        self.practitioner_id = practitioner_id
        self.saved: AdverseEvent | None = None
        patient = clinic.patients.get(self.session.patient_id)
        self.setWindowTitle(f"Adverse event — {patient.display_name}")
        self.setMinimumWidth(560)

        intro = QLabel(
            f"Session of {format_datetime(self.session.started_at)}"
            f" ({self.session.status.label.lower()})",
            self,
        )
        intro.setAccessibleName("Session")
        self.type = QComboBox(self)
        for event_type in AdverseEventType:
            self.type.addItem(event_type.label, event_type)
        self.scheme = QComboBox(self)
        for scheme in SeverityScheme:
            self.scheme.addItem(scheme.label, scheme)
        self.severity = QComboBox(self)
        now = QDateTime.currentDateTime()
        self.onset = QDateTimeEdit(now, self)
        self.onset.setDisplayFormat("dd MMM yyyy HH:mm")
        self.onset.setCalendarPopup(True)
        self.onset.setMinimumDateTime(_qdatetime(self.session.started_at))
        self.onset.setMaximumDateTime(now)
        self.onset.setDateTime(now)
        self.duration = QLineEdit(self)
        self.duration.setMaxLength(200)
        self.duration.setPlaceholderText("e.g. 2 days, ongoing")
        self.action = QPlainTextEdit(self)
        self.action.setTabChangesFocus(True)
        self.action.setMaximumHeight(60)
        self.action.setPlaceholderText("e.g. pressure applied, ice, advised to see GP")
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(80)
        self.description_label = QLabel("&Description", self)
        self.description_label.setBuddy(self.description)
        self.point = QComboBox(self)
        self.point.addItem(NO_POINT, None)
        for point in sorted(clinic.points.for_session(self.session.id), key=lambda p: p.seq):
            self.point.addItem(self.point_label(point), point.id)
        self.point.setEnabled(self.point.count() > 1)

        self.signed_note = QLabel(
            "This session is signed: the adverse event will be added as an amendment to the "
            "signed session.",
            self,
        )
        self.signed_note.setWordWrap(True)
        self.signed_note.setStyleSheet(SIGNED_STYLE)
        self.signed_note.setAccessibleName("Amendment notice")
        self.reason = QLineEdit(DEFAULT_AMENDMENT_REASON, self)
        self.reason_label = QLabel("Amendment &reason", self)
        self.reason_label.setBuddy(self.reason)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Error")
        self.error.setStyleSheet(ERROR_STYLE)

        form = QFormLayout()
        form.addRow("&Type", self.type)
        form.addRow("Severity sc&heme", self.scheme)
        form.addRow("Se&verity", self.severity)
        form.addRow("&Onset", self.onset)
        form.addRow("D&uration", self.duration)
        form.addRow("&Action taken", self.action)
        form.addRow(self.description_label, self.description)
        form.addRow("Related &point", self.point)
        form.addRow(self.reason_label, self.reason)
        for widget, name in (
            (self.type, "Adverse event type"),
            (self.scheme, "Severity scheme"),
            (self.severity, "Severity"),
            (self.onset, "Onset"),
            (self.duration, "Duration"),
            (self.action, "Action taken"),
            (self.description, "Description"),
            (self.point, "Related point"),
            (self.reason, "Amendment reason"),
        ):
            widget.setAccessibleName(name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Record adverse event")
        self.save_button.setAccessibleName("Record adverse event")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.signed_note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        signed = self.session.is_signed
        self.signed_note.setVisible(signed)
        self.reason.setVisible(signed)
        self.reason_label.setVisible(signed)
        chain: list[QWidget] = [
            self.type,
            self.scheme,
            self.severity,
            self.onset,
            self.duration,
            self.action,
            self.description,
            self.point,
            self.reason,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.scheme.currentIndexChanged.connect(self._fill_severities)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._fill_severities()
        self._type_changed()

    def point_label(self, point: NeedledPoint) -> str:
        """ "3 · Upper trapezius, right": the number on the chart, the muscle, the side."""
        muscle = self.clinic.atlas.catalogue.find(point.muscle_id)
        name = muscle.name if muscle else point.muscle_id
        return f"{point.seq} · {name}, {point.side.label.lower()}"

    @property
    def chosen_type(self) -> AdverseEventType:
        # Qt hands string enums back as plain strings: rebuild the member.
        return AdverseEventType(self.type.currentData())

    @property
    def chosen_scheme(self) -> SeverityScheme:
        return SeverityScheme(self.scheme.currentData())

    def severities(self) -> list[str]:
        """The grades on offer, in order: they always follow the chosen scheme."""
        return [str(self.severity.itemData(i)) for i in range(self.severity.count())]

    def _fill_severities(self) -> None:
        previous = self.severity.currentData()
        self.severity.clear()
        for grade in self.chosen_scheme.grades:
            self.severity.addItem(grade.capitalize(), grade)
        self.severity.setCurrentIndex(max(self.severity.findData(previous), 0))

    def _type_changed(self) -> None:
        required = self.chosen_type is AdverseEventType.OTHER
        self.description_label.setText("&Description (required)" if required else "&Description")
        self.description.setPlaceholderText(
            "Describe what happened" if required else "Optional: what happened, in your words"
        )
        self.description.setAccessibleDescription(
            "Required for an event of type Other" if required else ""
        )

    def save(self) -> None:
        moment = self.onset.dateTime().toPython()
        assert isinstance(moment, datetime)
        try:
            self.saved = self.clinic.sessions.record_adverse_event(
                self.session.id,
                type=self.chosen_type,
                severity=str(self.severity.currentData()),
                scheme=self.chosen_scheme,
                onset_at=moment,
                action_taken=self.action.toPlainText(),
                description=self.description.toPlainText(),
                duration=self.duration.text(),
                point_id=self.point.currentData(),
                recorded_by_id=self.practitioner_id,
                amendment_reason=self.reason.text(),
            )
        except ValidationError as exc:
            self.error.setText(exc.message)
            target = {
                "description": self.description,
                "onset_at": self.onset,
                "severity": self.severity,
                "duration": self.duration,
                "action_taken": self.action,
                "point_id": self.point,
                "amendment_reason": self.reason,
            }.get(exc.field or "")
            if target is not None and target.isVisible():
                target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except NeedleMapError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
