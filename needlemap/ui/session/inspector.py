"""The point inspector: every needling parameter of the selected point, edited in place.

Each change is reported as (field, new settings) the moment it is made; the workspace turns it
into an undoable, immediately committed edit. New points start from the previous point's needle
and technique (the service carries them forward), so a typical session needs few edits.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from needlemap.anatomy import Atlas
from needlemap.domain.point import NeedledPoint, PointSettings
from needlemap.domain.vocabulary import PatientResponse, Technique

UNKNOWN = "—"
NOTES_PAUSE_MS = 700
DEFAULT_NEEDLES = (
    (0.16, 15),
    (0.18, 13),
    (0.20, 25),
    (0.25, 25),
    (0.25, 30),
    (0.25, 40),
    (0.30, 40),
    (0.30, 50),
    (0.30, 60),
    (0.30, 75),
)


def _tristate(combo: QComboBox, value: bool | None) -> None:
    combo.setCurrentIndex({None: 0, True: 1, False: 2}[value])


def _tristate_value(combo: QComboBox) -> bool | None:
    return {0: None, 1: True, 2: False}[combo.currentIndex()]


class PointInspector(QWidget):
    edited = Signal(int, str, object)  # point id, field, new PointSettings

    def __init__(
        self,
        atlas: Atlas,
        parent: QWidget | None = None,
        needles: tuple[tuple[float, float], ...] = DEFAULT_NEEDLES,
    ) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self._point: NeedledPoint | None = None
        self._editable = False
        self._loading = False

        self.title = QLabel("No point selected", self)
        self.title.setAccessibleName("Selected point")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.technique = QComboBox(self)
        for technique in Technique:
            self.technique.addItem(technique.label, technique)
        self.needle = QComboBox(self)
        self.needle.addItem(UNKNOWN, None)
        for diameter, length in needles:
            self.needle.addItem(f"{diameter:.2f} × {length:g} mm", (diameter, length))
        self.depth = QDoubleSpinBox(self)
        self.depth.setRange(0, 150)
        self.depth.setDecimals(0)
        self.depth.setSuffix(" mm")
        self.depth.setSpecialValueText(UNKNOWN)
        self.insertions = QSpinBox(self)
        self.insertions.setRange(0, 200)
        self.insertions.setSpecialValueText(UNKNOWN)
        self.retention = QDoubleSpinBox(self)
        self.retention.setRange(0, 120)
        self.retention.setDecimals(1)
        self.retention.setSingleStep(0.5)
        self.retention.setSuffix(" min")
        self.retention.setSpecialValueText(UNKNOWN)
        self.ltr = QSpinBox(self)
        self.ltr.setRange(-1, 200)
        self.ltr.setSpecialValueText(UNKNOWN)
        self.familiar = QComboBox(self)
        self.familiar.addItems([UNKNOWN, "Yes", "No"])
        self.referred = QComboBox(self)
        self.referred.addItems([UNKNOWN, "Yes", "No"])
        self.referred_to = QLineEdit(self)
        self.referred_to.setPlaceholderText("Where the pain referred")
        self.response = QComboBox(self)
        self.response.addItem(UNKNOWN, None)
        for response in PatientResponse:
            self.response.addItem(response.label, response)
        self.edn_frequency = self._edn_box(" Hz", 250, 1)
        self.edn_pulse_width = self._edn_box(" µs", 1000, 0)
        self.edn_intensity = self._edn_box(" mA", 60, 1)
        self.edn_duration = self._edn_box(" min", 60, 1)
        self.edn_group = QGroupBox("Electrical stimulation", self)
        edn_form = QFormLayout(self.edn_group)
        for label, widget in (
            ("Fre&quency", self.edn_frequency),
            ("Pulse &width", self.edn_pulse_width),
            ("Int&ensity", self.edn_intensity),
            ("Dur&ation", self.edn_duration),
        ):
            edn_form.addRow(label, widget)
            widget.setAccessibleName("Stimulation " + label.replace("&", "").lower())
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText("Notes on this point")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(72)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            ("&Technique", self.technique),
            ("&Needle", self.needle),
            ("&Depth", self.depth),
            ("&Insertions", self.insertions),
            ("Re&tention", self.retention),
            ("Twitch responses (&LTR)", self.ltr),
            ("&Familiar pain", self.familiar),
            ("Referred &pain", self.referred),
            ("Referred t&o", self.referred_to),
            ("Patient &response", self.response),
            ("N&otes", self.notes),
        )
        for label, widget in rows:
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", ""))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.edn_group)
        layout.addStretch(1)

        self.technique.currentIndexChanged.connect(lambda _i: self._changed("technique"))
        self.needle.currentIndexChanged.connect(lambda _i: self._changed("needle"))
        self.depth.valueChanged.connect(lambda _v: self._changed("depth_mm"))
        self.insertions.valueChanged.connect(lambda _v: self._changed("insertions"))
        self.retention.valueChanged.connect(lambda _v: self._changed("retention_s"))
        self.ltr.valueChanged.connect(lambda _v: self._changed("ltr_count"))
        self.familiar.currentIndexChanged.connect(lambda _i: self._changed("familiar_pain"))
        self.referred.currentIndexChanged.connect(lambda _i: self._changed("referred_pain"))
        self.referred_to.editingFinished.connect(lambda: self._changed("referred_to"))
        for name, box in (
            ("edn_frequency_hz", self.edn_frequency),
            ("edn_pulse_width_us", self.edn_pulse_width),
            ("edn_intensity_ma", self.edn_intensity),
            ("edn_duration_min", self.edn_duration),
        ):
            box.valueChanged.connect(lambda _v, n=name: self._changed(n))
        self.response.currentIndexChanged.connect(lambda _i: self._changed("patient_response"))
        # Notes are committed when typing pauses, not on every keystroke.
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_PAUSE_MS)
        self._notes_timer.timeout.connect(lambda: self._changed("notes"))
        self.notes.textChanged.connect(self._notes_typed)
        self.set_point(None, editable=False)

    def _edn_box(self, suffix: str, maximum: float, decimals: int) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0, maximum)
        box.setDecimals(decimals)
        box.setSuffix(suffix)
        box.setSpecialValueText(UNKNOWN)
        return box

    def _notes_typed(self) -> None:
        if not self._loading:
            self._notes_timer.start()

    def flush(self) -> None:
        """Commit a pending notes edit now (before the selection moves or the window closes)."""
        if self._notes_timer.isActive():
            self._notes_timer.stop()
            self._changed("notes")

    @property
    def point(self) -> NeedledPoint | None:
        return self._point

    def set_point(self, point: NeedledPoint | None, *, editable: bool) -> None:
        if (
            point is not None
            and self._point is not None
            and point.id == self._point.id
            and editable == self._editable
            and point.settings == self.current_settings()
        ):
            # The commit of what is being typed came back: leave the fields (and the
            # caret, and the focus) alone so typing goes on uninterrupted.
            self._point = point
            return
        self._point = point
        self._editable = editable
        self._loading = True
        try:
            for widget in self._fields():
                widget.setEnabled(point is not None and editable)
            if point is None:
                self.title.setText("No point selected")
                return
            muscle = self.atlas.catalogue.find(point.muscle_id)
            name = muscle.name if muscle else point.muscle_id
            trp = f", {point.location.trigger_point}" if point.location.trigger_point else ""
            self.title.setText(f"Point {point.seq}: {name}, {point.side.label.lower()}{trp}")
            s = point.settings
            self.technique.setCurrentIndex(self.technique.findData(s.technique))
            needle = (s.needle_diameter_mm, s.needle_length_mm)
            index = self.needle.findData(needle) if None not in needle else 0
            if index < 0:
                self.needle.addItem(f"{needle[0]:.2f} × {needle[1]:g} mm", needle)
                index = self.needle.count() - 1
            self.needle.setCurrentIndex(index)
            self.depth.setValue(s.depth_mm or 0)
            self.insertions.setValue(s.insertions or 0)
            self.retention.setValue((s.retention_s or 0) / 60)
            self.ltr.setValue(-1 if s.ltr_count is None else s.ltr_count)
            _tristate(self.familiar, s.familiar_pain)
            _tristate(self.referred, s.referred_pain)
            self.referred_to.setText(s.referred_to)
            self.response.setCurrentIndex(max(0, self.response.findData(s.patient_response)))
            if self.notes.toPlainText() != s.notes:
                self.notes.setPlainText(s.notes)
            self.edn_frequency.setValue(s.edn_frequency_hz or 0)
            self.edn_pulse_width.setValue(s.edn_pulse_width_us or 0)
            self.edn_intensity.setValue(s.edn_intensity_ma or 0)
            self.edn_duration.setValue(s.edn_duration_min or 0)
            self.edn_group.setVisible(s.electrical)
        finally:
            self._loading = False

    def _fields(self) -> tuple[QWidget, ...]:
        return (
            self.technique,
            self.needle,
            self.depth,
            self.insertions,
            self.retention,
            self.ltr,
            self.familiar,
            self.referred,
            self.referred_to,
            self.response,
            self.notes,
            self.edn_frequency,
            self.edn_pulse_width,
            self.edn_intensity,
            self.edn_duration,
        )

    def current_settings(self) -> PointSettings:
        assert self._point is not None
        needle = self.needle.currentData()
        return PointSettings(
            technique=Technique(self.technique.currentData()),
            needle_diameter_mm=needle[0] if needle else None,
            needle_length_mm=needle[1] if needle else None,
            depth_mm=self.depth.value() or None,
            insertions=self.insertions.value() or None,
            retention_s=round(self.retention.value() * 60) or None,
            ltr_count=None if self.ltr.value() < 0 else self.ltr.value(),
            familiar_pain=_tristate_value(self.familiar),
            referred_pain=_tristate_value(self.referred),
            referred_to=self.referred_to.text().strip(),
            patient_response=(
                PatientResponse(self.response.currentData())
                if self.response.currentData()
                else None
            ),
            notes=self.notes.toPlainText().strip(),
            **self._stimulation(),
        )

    def _stimulation(self) -> dict[str, float | None]:
        """Stimulation parameters belong to electrical needling only; otherwise none."""
        electrical = Technique(self.technique.currentData()) is Technique.ELECTRICAL
        self.edn_group.setVisible(electrical)
        values = {
            "edn_frequency_hz": self.edn_frequency.value(),
            "edn_pulse_width_us": self.edn_pulse_width.value(),
            "edn_intensity_ma": self.edn_intensity.value(),
            "edn_duration_min": self.edn_duration.value(),
        }
        return {key: (value or None) if electrical else None for key, value in values.items()}

    def _changed(self, field: str) -> None:
        if self._loading or self._point is None:
            return
        new = self.current_settings()
        if new == self._point.settings:
            return
        self.edited.emit(self._point.id, field, new)
