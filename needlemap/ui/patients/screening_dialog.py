"""Record a dated contraindication screening: every checklist item answered, nothing left unasked.

The practitioner works down the ISCP/McEvoy lists (absolute: do not needle; relative: clinical
reasoning) and ticks what is present. Re-screening starts from the patient's latest answers, so
only what changed needs a click; lymphoedema asks which limb, since that limb is never needled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain import rules
from needlemap.domain.errors import NeedleMapError, ValidationError
from needlemap.domain.screening import SCREENING_ITEMS, Screening, ScreeningFinding, ScreeningItem
from needlemap.domain.vocabulary import FindingKind, Limb
from needlemap.ui.formatting import format_date

if TYPE_CHECKING:
    from needlemap.services import Clinic

GROUP_TITLES: dict[FindingKind, str] = {
    FindingKind.ABSOLUTE: "Absolute contraindications (do not needle)",
    FindingKind.RELATIVE: "Relative contraindications and precautions",
}
ERROR_STYLE = "color: #c62828; font-weight: bold;"


@dataclass(slots=True)
class ItemRow:
    """The widgets answering one checklist item."""

    item: ScreeningItem
    present: QCheckBox
    notes: QLineEdit
    limbs: dict[Limb, QCheckBox]

    def finding(self) -> ScreeningFinding:
        present = self.present.isChecked()
        limbs = tuple(limb for limb, box in self.limbs.items() if box.isChecked())
        return ScreeningFinding(
            code=self.item.code,
            present=present,
            notes=self.notes.text(),
            limbs=limbs if present else (),
        )

    def load(self, finding: ScreeningFinding | None) -> None:
        self.present.setChecked(bool(finding and finding.present))
        self.notes.setText(finding.notes if finding else "")
        chosen = set(finding.limbs) if finding else set()
        for limb, box in self.limbs.items():
            box.setChecked(limb in chosen)
        self.enable_limbs()

    def enable_limbs(self) -> None:
        for box in self.limbs.values():
            box.setEnabled(self.present.isChecked())


class ScreeningDialog(QDialog):
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
        self.practitioner_id = practitioner_id
        self.saved: Screening | None = None
        patient = clinic.patients.get(patient_id)
        self.previous = clinic.patients.latest_screening(patient_id)
        self.setWindowTitle(f"Screening — {patient.display_name}")
        self.setMinimumWidth(640)

        today = QDate.currentDate()
        self.screened_on = QDateEdit(today, self)
        self.screened_on.setCalendarPopup(True)
        self.screened_on.setDisplayFormat("dd MMM yyyy")
        born = patient.birth_date
        self.screened_on.setMinimumDate(QDate(born.year, born.month, born.day))
        self.screened_on.setMaximumDate(today)
        self.screened_on.setAccessibleName("Screening date")
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setAccessibleName("Pre-filled from")
        self.source.setStyleSheet("color: palette(placeholder-text);")

        checklist = QWidget(self)
        checklist_layout = QVBoxLayout(checklist)
        checklist_layout.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, ItemRow] = {}
        grids: list[QGridLayout] = []
        for kind in FindingKind:
            group = QGroupBox(GROUP_TITLES[kind], checklist)
            group.setAccessibleName(GROUP_TITLES[kind])
            grid = QGridLayout(group)
            grid.setColumnStretch(1, 1)
            grids.append(grid)
            for item in (i for i in SCREENING_ITEMS if i.kind is kind):
                self.rows[item.code] = self._add_item(group, grid, item)
            checklist_layout.addWidget(group)
        checklist_layout.addStretch(1)
        # One column width for both groups, so the notes fields line up down the whole list.
        label_width = max(row.present.sizeHint().width() for row in self.rows.values())
        for grid in grids:
            grid.setColumnMinimumWidth(0, label_width + 12)
        scroll = QScrollArea(self)
        scroll.setWidget(checklist)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(420)
        scroll.setAccessibleName("Screening checklist")

        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        self.notes.setPlaceholderText("Anything else the next practitioner should know")
        self.notes.setAccessibleName("General notes")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Error")
        self.error.setStyleSheet(ERROR_STYLE)

        date_label = QLabel("Screening &date", self)
        date_label.setBuddy(self.screened_on)
        top = QHBoxLayout()
        top.addWidget(date_label)
        top.addWidget(self.screened_on)
        top.addStretch(1)
        bottom = QFormLayout()
        bottom.addRow("General &notes", self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save screening")
        self.save_button.setAccessibleName("Save screening")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.source)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._prefill()
        self._set_tab_order()
        self.resize(720, 760)

    def _add_item(self, group: QGroupBox, grid: QGridLayout, item: ScreeningItem) -> ItemRow:
        row = grid.rowCount()
        present = QCheckBox(item.label, group)
        notes = QLineEdit(group)
        notes.setPlaceholderText("Notes")
        notes.setMaxLength(rules.SHORT_TEXT_MAX)
        for widget in (present, notes):
            widget.setToolTip(item.prompt)
            widget.setWhatsThis(item.prompt)
            widget.setAccessibleDescription(item.prompt)
        present.setAccessibleName(item.label)
        notes.setAccessibleName(f"{item.label}: notes")
        grid.addWidget(present, row, 0)
        grid.addWidget(notes, row, 1)
        limbs: dict[Limb, QCheckBox] = {}
        if item.needs_limbs:
            limb_row = QHBoxLayout()
            limb_row.setContentsMargins(24, 0, 0, 0)
            affected = QLabel("Affected:", group)
            limb_row.addWidget(affected)
            for limb in Limb:
                box = QCheckBox(limb.label, group)
                box.setAccessibleName(f"{item.label}: {limb.label}")
                box.setToolTip(f"{limb.label}: never needle a limb with {item.label.lower()}.")
                box.setEnabled(False)
                limbs[limb] = box
                limb_row.addWidget(box)
            limb_row.addStretch(1)
            grid.addLayout(limb_row, row + 1, 0, 1, 2)
        answer = ItemRow(item, present, notes, limbs)
        present.toggled.connect(lambda _on, r=answer: r.enable_limbs())
        return answer

    def _prefill(self) -> None:
        previous = self.previous
        if previous is None:
            self.source.setText("First screening for this patient: ask every question.")
            return
        by_code = {finding.code: finding for finding in previous.findings}
        for code, row in self.rows.items():
            row.load(by_code.get(code))
        self.source.setText(
            f"Answers pre-filled from the screening of {format_date(previous.screened_on)}: "
            "check each one with the patient before saving."
        )

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.screened_on]
        for row in self.rows.values():
            chain += [row.present, row.notes, *row.limbs.values()]
        chain += [self.notes, self.save_button, self.cancel_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def findings(self) -> dict[str, ScreeningFinding]:
        """Every item answered: present or not, with its notes and, for lymphoedema, the limbs."""
        return {code: row.finding() for code, row in self.rows.items()}

    def save(self) -> None:
        qdate = self.screened_on.date()
        try:
            self.saved = self.clinic.patients.record_screening(
                self.patient_id,
                findings=self.findings(),
                screened_on=date(qdate.year(), qdate.month(), qdate.day()),
                practitioner_id=self.practitioner_id,
                notes=self.notes.toPlainText(),
            )
        except ValidationError as exc:
            self.error.setText(exc.message)
            self._focus_field(exc.field)
            return
        except NeedleMapError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

    def _focus_field(self, field: str | None) -> None:
        target: QWidget | None = None
        if field == "screened_on":
            target = self.screened_on
        elif field == "limbs":
            target = next(
                (
                    next(iter(row.limbs.values()))
                    for row in self.rows.values()
                    if row.limbs and row.present.isChecked() and not row.finding().limbs
                ),
                None,
            )
        elif field == "notes" and self.notes.toPlainText().strip():
            target = self.notes
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
