"""Undoable chart edits. Each command wraps one service call and keeps plain snapshots.

A command is pushed only after its first service call succeeded (``done=True``), so a refused
edit (a validation error) never enters the history. Undo and redo call the services again:
every step is committed to the database the moment it happens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from needlemap.domain.point import BodyLocation, NeedledPoint, PointSettings
from needlemap.services.amendments import AmendmentNote

if TYPE_CHECKING:
    from needlemap.services import Clinic

EDIT_ID = 1001


class _ChartCommand(QUndoCommand):
    def __init__(self, clinic: Clinic, text: str, amendment: AmendmentNote | None) -> None:
        super().__init__(text)
        self.clinic = clinic
        self.amendment = amendment
        self._first = True

    def _skip_first_redo(self) -> bool:
        """The push itself calls redo(); the change was already made, so skip that one."""
        if self._first:
            self._first = False
            return True
        return False


class MarkPointCommand(_ChartCommand):
    def __init__(
        self, clinic: Clinic, point: NeedledPoint, name: str, amendment: AmendmentNote | None = None
    ) -> None:
        super().__init__(clinic, f"Mark {name}", amendment)
        self.point = point

    def redo(self) -> None:
        if self._skip_first_redo():
            return
        self.point = self.clinic.points.restore(self.point, amendment=self.amendment)

    def undo(self) -> None:
        self.clinic.points.delete(self.point.id, amendment=self.amendment)


class DeletePointCommand(_ChartCommand):
    def __init__(
        self,
        clinic: Clinic,
        removed: NeedledPoint,
        name: str,
        amendment: AmendmentNote | None = None,
    ) -> None:
        super().__init__(clinic, f"Remove point {removed.seq} ({name})", amendment)
        self.point = removed

    def redo(self) -> None:
        if self._skip_first_redo():
            return
        self.clinic.points.delete(self.point.id, amendment=self.amendment)

    def undo(self) -> None:
        self.point = self.clinic.points.restore(self.point, amendment=self.amendment)


class MovePointCommand(_ChartCommand):
    def __init__(
        self,
        clinic: Clinic,
        point_id: int,
        before: BodyLocation,
        after: BodyLocation,
        amendment: AmendmentNote | None = None,
    ) -> None:
        super().__init__(clinic, "Move point", amendment)
        self.point_id, self.before, self.after = point_id, before, after

    def _go(self, to: BodyLocation) -> None:
        self.clinic.points.move(
            self.point_id,
            x=to.x,
            y=to.y,
            view=to.view,
            muscle_id=to.muscle_id,
            side=to.side,
            layer=to.layer,
            amendment=self.amendment,
        )

    def redo(self) -> None:
        if self._skip_first_redo():
            return
        self._go(self.after)

    def undo(self) -> None:
        self._go(self.before)


class EditPointCommand(_ChartCommand):
    """An inspector edit; consecutive edits of the same field of one point merge into one step."""

    def __init__(
        self,
        clinic: Clinic,
        point_id: int,
        field: str,
        before: PointSettings,
        after: PointSettings,
        amendment: AmendmentNote | None = None,
    ) -> None:
        super().__init__(clinic, f"Edit {field.replace('_', ' ')}", amendment)
        self.point_id, self.field = point_id, field
        self.before, self.after = before, after

    def id(self) -> int:
        return EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            isinstance(other, EditPointCommand)
            and other.point_id == self.point_id
            and other.field == self.field
        ):
            self.after = other.after
            return True
        return False

    def redo(self) -> None:
        if self._skip_first_redo():
            return
        self.clinic.points.update(self.point_id, self.after, amendment=self.amendment)

    def undo(self) -> None:
        self.clinic.points.update(self.point_id, self.before, amendment=self.amendment)


class SessionFieldCommand(_ChartCommand):
    """A change to the session itself (NPRS, position, needle counts, notes)."""

    def __init__(
        self,
        clinic: Clinic,
        session_id: int,
        field: str,
        before: object,
        after: object,
        amendment: AmendmentNote | None = None,
    ) -> None:
        super().__init__(clinic, f"Change {field.replace('_', ' ')}", amendment)
        self.session_id, self.field = session_id, field
        self.before, self.after = before, after

    def id(self) -> int:
        return EDIT_ID + 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, SessionFieldCommand) and other.field == self.field:
            self.after = other.after
            return True
        return False

    def _set(self, value: object) -> None:
        self.clinic.sessions.update(
            self.session_id, amendment=self.amendment, **{self.field: value}
        )

    def redo(self) -> None:
        if self._skip_first_redo():
            return
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)
