"""The patient list: type-ahead search over name, birth date or identifier, and the table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from needlemap.services.patients import PatientService
from needlemap.ui.patients.list_model import PatientListModel


class PatientListPanel(QWidget):
    patient_activated = Signal(int)

    def __init__(self, patients: PatientService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PatientListModel(patients, self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search by name, date of birth or identifier")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search patients")
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Number of matching patients")

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Patients")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        # Each keystroke searches at once: a count and the first page take a few ms even in a
        # 5,000-patient clinic (tests/benchmarks), so the list keeps up with the typing.
        self.search.textChanged.connect(lambda _text: self._run_search())
        self.search.returnPressed.connect(self._open_first)
        self.table.activated.connect(self._activate)
        self.setFocusProxy(self.search)

    def reload(self) -> None:
        self._run_search()
        for column, width in (
            (PatientListModel.NAME, 260),
            (PatientListModel.BORN, 110),
            (PatientListModel.AGE, 50),
            (PatientListModel.IDENTIFIER, 120),
            (PatientListModel.SESSIONS, 70),
        ):
            self.table.setColumnWidth(column, width)

    def _run_search(self) -> None:
        self.model.set_query(self.search.text())
        total = self.model.total
        self.count_label.setText(f"{total} patient" + ("" if total == 1 else "s"))

    def _open_first(self) -> None:
        if self.model.rowCount() >= 1:
            self._activate(self.model.index(0, 0))

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.patient_activated.emit(int(index.data(PatientListModel.PatientIdRole)))

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.table.setFocus()
            self.table.selectRow(0)
            return
        super().keyPressEvent(event)
