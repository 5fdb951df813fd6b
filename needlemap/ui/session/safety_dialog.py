"""Safety prompts before a point is saved: blocks need a written override reason, warnings an
acknowledgement. Nothing is charted until every prompt has its answer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from needlemap.domain.safety import Acknowledgement, SafetyCheck
from needlemap.services.safety import MIN_REASON

BLOCK_STYLE = "QFrame#block { border: 2px solid #c62828; border-radius: 6px; }"
WARN_STYLE = "QFrame#warning { border: 1px solid #ef6c00; border-radius: 6px; }"


class SafetyPromptDialog(QDialog):
    def __init__(
        self, checks: Sequence[SafetyCheck], subject: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.checks = tuple(checks)
        self.setWindowTitle("Before you chart this point")
        self.setMinimumWidth(520)
        self.setStyleSheet(BLOCK_STYLE + WARN_STYLE)
        layout = QVBoxLayout(self)
        intro = QLabel(f"<b>{subject}</b>", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reasons: dict[tuple[str, str], QLineEdit] = {}
        self.acknowledged: dict[tuple[str, str], QCheckBox] = {}
        for check in self.checks:
            frame = QFrame(self)
            frame.setObjectName("block" if check.needs_reason else "warning")
            inner = QVBoxLayout(frame)
            title = QLabel(f"<b>{check.title}</b>", frame)
            message = QLabel(check.message, frame)
            message.setWordWrap(True)
            inner.addWidget(title)
            inner.addWidget(message)
            key = (check.kind.value, check.key)
            if check.needs_reason:
                reason = QLineEdit(frame)
                reason.setPlaceholderText("Reason for overriding (kept in the record)")
                reason.setAccessibleName(f"Override reason: {check.title}")
                reason.textChanged.connect(self._update)
                inner.addWidget(reason)
                self.reasons[key] = reason
            else:
                box = QCheckBox("Acknowledged", frame)
                box.setAccessibleName(f"Acknowledge: {check.title}")
                box.toggled.connect(self._update)
                inner.addWidget(box)
                self.acknowledged[key] = box
            layout.addWidget(frame)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Chart the point")
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update()

    def _update(self) -> None:
        ready = all(len(r.text().strip()) >= MIN_REASON for r in self.reasons.values()) and all(
            b.isChecked() for b in self.acknowledged.values()
        )
        self.ok.setEnabled(ready)

    def answers(self) -> tuple[Acknowledgement, ...]:
        out = []
        for check in self.checks:
            key = (check.kind.value, check.key)
            reason = self.reasons[key].text().strip() if key in self.reasons else ""
            out.append(Acknowledgement(check.kind, check.key, reason))
        return tuple(out)
