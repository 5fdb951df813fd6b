"""The one Qt object that turns service notifications into signals.

Services publish committed changes through a plain notifier; this adapter re-emits them on the
GUI thread, so any widget can follow what changed without knowing who changed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from needlemap.services.notifier import Change

if TYPE_CHECKING:
    from needlemap.services import Clinic


class ClinicSignals(QObject):
    changed = Signal(object)  # Change
    points_changed = Signal(int)  # session id
    session_changed = Signal(int)  # session id
    patient_changed = Signal(int)  # patient id
    _relay = Signal(object)

    def __init__(self, clinic: Clinic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clinic = clinic
        self._relay.connect(self._emit, Qt.ConnectionType.QueuedConnection)
        clinic.notifier.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        # Services may run in a worker thread: hop to this object's thread before emitting.
        self._relay.emit(change)

    def _emit(self, change: Change) -> None:
        self.changed.emit(change)
        if change.kind.startswith("point_") and change.session_id is not None:
            self.points_changed.emit(change.session_id)
        if change.session_id is not None:
            self.session_changed.emit(change.session_id)
        if change.patient_id is not None:
            self.patient_changed.emit(change.patient_id)

    def detach(self) -> None:
        self._clinic.notifier.unsubscribe(self._on_change)
