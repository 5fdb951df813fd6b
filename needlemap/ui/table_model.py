"""Read-only table models over lists of domain records, whole or loaded a page at a time.

The tables of NeedleMap (patients, timeline, a muscle's history, sessions found) differ only in
their columns; rows, headers and paging live here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
Record = TypeVar("Record")


class RecordTableModel(QAbstractTableModel, Generic[Record]):
    """One record a row; subclasses name the ``HEADERS`` and answer ``data``."""

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Record] = []

    def set_records(self, records: Sequence[Record]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def record(self, row: int) -> Record:
        return self._rows[row]

    def record_at(self, index: AnyIndex) -> Record | None:
        """The row's record, or ``None`` for an index outside the table."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class PagedTableModel(RecordTableModel[Record]):
    """Loads ``page_size`` rows at first and more as the view scrolls (``fetchMore``).

    A clinic holds thousands of patients and tens of thousands of sessions; the first rows
    show at once and scrolling asks for the next page only when it is reached.
    """

    page_size: ClassVar[int] = 100

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._total = 0

    @property
    def total(self) -> int:
        """How many rows match, loaded or not."""
        return self._total

    def _fetch(self, offset: int, limit: int) -> list[Record]:
        raise NotImplementedError

    def _added(self, records: Sequence[Record]) -> None:
        """Hook for subclasses that prepare something per row as it arrives."""

    def set_first_page(self, records: Sequence[Record], total: int) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self._total = total
        self._added(self._rows)
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid():
            return
        more = self._fetch(len(self._rows), self.page_size)
        if not more:
            self._total = len(self._rows)  # the data shrank meanwhile
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self._added(more)
        self.endInsertRows()
