"""The clinic's settings: the header of every PDF, the page size, and the texts patients get."""

from __future__ import annotations

import base64

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.clinic_settings import PAGE_SIZES, ClinicSettings
from needlemap.domain.errors import NeedleMapError
from needlemap.services.clinic_settings import ClinicSettingsService

TEXT_FIELDS = (
    ("aftercare", "Aftercare (one paragraph per line)"),
    ("red_flag_chest", "Red flag after needling near the chest"),
    ("red_flag_spine", "Red flag after needling near the spine"),
    ("red_flag_infection", "Red flag: infection"),
    ("red_flag_general", "General advice"),
    ("consent_text", "Consent information given to patients"),
)


class ClinicSettingsDialog(QDialog):
    def __init__(self, service: ClinicSettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle("Clinic settings")
        self.setMinimumSize(640, 560)
        current = service.get()
        self._logo = current.logo_png_base64

        self.clinic_name = QLineEdit(current.clinic_name, self)
        self.address = QPlainTextEdit(current.address, self)
        self.address.setMaximumHeight(70)
        self.address.setTabChangesFocus(True)
        self.phone = QLineEdit(current.phone, self)
        self.email = QLineEdit(current.email, self)
        self.page_size = QComboBox(self)
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText(current.page_size)
        self.logo_label = QLabel("Logo set" if self._logo else "No logo", self)
        choose_logo = QPushButton("Choose PNG…", self)
        clear_logo = QPushButton("Remove", self)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(clear_logo)
        self.require_consent = QCheckBox("No point can be charted before consent is recorded", self)
        self.require_consent.setChecked(current.require_consent)
        self.consent_version = QLineEdit(current.consent_text_version, self)
        self.rescreen = QSpinBox(self)
        self.rescreen.setRange(1, 3650)
        self.rescreen.setSuffix(" days")
        self.rescreen.setValue(current.rescreen_after_days)

        clinic_tab = QWidget(self)
        form = QFormLayout(clinic_tab)
        for label, widget in (
            ("Clinic &name", self.clinic_name),
            ("&Address", self.address),
            ("&Phone", self.phone),
            ("&Email", self.email),
            ("Pa&ge size", self.page_size),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", ""))
        form.addRow("Logo", logo_row)
        safety_tab = QWidget(self)
        safety = QFormLayout(safety_tab)
        safety.addRow(self.require_consent)
        safety.addRow("Consent text &version", self.consent_version)
        safety.addRow("Re-screen &after", self.rescreen)
        texts_tab = QWidget(self)
        texts = QVBoxLayout(texts_tab)
        self.texts: dict[str, QPlainTextEdit] = {}
        for key, label in TEXT_FIELDS:
            editor = QPlainTextEdit(getattr(current, key), self)
            editor.setAccessibleName(label)
            editor.setTabChangesFocus(True)
            texts.addWidget(QLabel(label, self))
            texts.addWidget(editor)
            self.texts[key] = editor
        tabs = QTabWidget(self)
        tabs.addTab(clinic_tab, "Clinic")
        tabs.addTab(texts_tab, "Patient texts")
        tabs.addTab(safety_tab, "Safety")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self._restore_texts
        )
        choose_logo.clicked.connect(self._choose_logo)
        clear_logo.clicked.connect(self._clear_logo)

    def _restore_texts(self) -> None:
        defaults = ClinicSettings()
        for key, editor in self.texts.items():
            editor.setPlainText(getattr(defaults, key))

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "Clinic logo", "", "PNG images (*.png)")
        if path:
            with open(path, "rb") as handle:
                self._logo = base64.b64encode(handle.read()).decode("ascii")
            self.logo_label.setText("Logo chosen (saved with the settings)")

    def _clear_logo(self) -> None:
        self._logo = ""
        self.logo_label.setText("No logo")

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "clinic_name": self.clinic_name.text(),
            "address": self.address.toPlainText(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "page_size": self.page_size.currentText(),
            "logo_png_base64": self._logo,
            "require_consent": self.require_consent.isChecked(),
            "consent_text_version": self.consent_version.text(),
            "rescreen_after_days": self.rescreen.value(),
        }
        values |= {key: editor.toPlainText() for key, editor in self.texts.items()}
        return values

    def save(self) -> None:
        try:
            self.service.update(**self.values())
        except NeedleMapError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
