"""Keyboard charting: Ctrl+F, type a muscle ("QL", "upper trap"), Enter, then the side (R or L),
then Enter marks the muscle at its reference trigger point.

A popup over the body map, so the hands never leave the keyboard during a busy session.
The side chosen last is kept, because a session usually works one side at a time; the
side buttons show it before Enter is pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from needlemap.anatomy import Atlas, Muscle

MUSCLE_ROLE = Qt.ItemDataRole.UserRole + 1


class MuscleSearch(QFrame):
    """Emits ``chosen(muscle_id, side, trigger_point_id)`` when the practitioner confirms."""

    chosen = Signal(str, str, str)
    cancelled = Signal()

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName("Chart a muscle by name")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._muscle: Muscle | None = None

        self.query = QLineEdit(self)
        self.query.setPlaceholderText("Muscle name or abbreviation (QL, SCM, upper trap…)")
        self.query.setAccessibleName("Muscle search")
        self.results_model = QStandardItemModel(self)
        self.results = QListView(self)
        self.results.setModel(self.results_model)
        self.results.setAccessibleName("Matching muscles")
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.setMaximumHeight(220)
        search_page = QWidget(self)
        search_layout = QVBoxLayout(search_page)
        search_layout.setContentsMargins(0, 0, 0, 0)
        search_layout.addWidget(self.query)
        search_layout.addWidget(self.results)

        self.muscle_label = QLabel(self)
        font = self.muscle_label.font()
        font.setBold(True)
        self.muscle_label.setFont(font)
        self.right = QPushButton("&Right (R)", self)
        self.left = QPushButton("&Left (L)", self)
        for button in (self.right, self.left):
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.side_group = QButtonGroup(self)
        self.side_group.addButton(self.right)
        self.side_group.addButton(self.left)
        self.right.setChecked(True)
        self.trigger_point = QComboBox(self)
        self.trigger_point.setAccessibleName("Reference trigger point")
        hint = QLabel("R / L chooses the side, Enter marks, Esc goes back", self)
        hint.setEnabled(False)
        side_page = QWidget(self)
        side_layout = QVBoxLayout(side_page)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.muscle_label)
        row = QHBoxLayout()
        row.addWidget(self.right)
        row.addWidget(self.left)
        side_layout.addLayout(row)
        side_layout.addWidget(self.trigger_point)
        side_layout.addWidget(hint)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(search_page)
        self.pages.addWidget(side_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setFixedWidth(360)

        self.query.textChanged.connect(self._search)
        self.results.activated.connect(lambda _i: self._pick_current())
        self.query.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        self.pages.setCurrentIndex(0)
        self.query.clear()
        self._search("")
        self.show()
        self.raise_()
        self.query.setFocus()

    def _search(self, text: str) -> None:
        self.results_model.clear()
        for hit in self.atlas.catalogue.search(text, limit=12):
            muscle = hit.muscle
            label = muscle.name
            if hit.matched != muscle.name:
                label = f"{muscle.name}  ({hit.matched})"
            item = QStandardItem(label)
            item.setData(muscle.id, MUSCLE_ROLE)
            self.results_model.appendRow(item)
        if self.results_model.rowCount():
            self.results.setCurrentIndex(self.results_model.index(0, 0))

    def eventFilter(self, watched: object, event: object) -> bool:
        is_key = isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress
        if watched is self.query and is_key:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # consumed here: a line edit passes Return on to its parent, which would
                # take it as the confirmation on the side page just opened
                self._pick_current()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = self.results.currentIndex().row() + step
                if 0 <= row < self.results_model.rowCount():
                    self.results.setCurrentIndex(self.results_model.index(row, 0))
                return True
        return False

    def _pick_current(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid():
            return
        muscle = self.atlas.catalogue.get(str(index.data(MUSCLE_ROLE)))
        self._muscle = muscle
        self.muscle_label.setText(muscle.name)
        self.trigger_point.clear()
        for trp in self.atlas.trigger_points_of(muscle.id):
            self.trigger_point.addItem(f"{trp.name} — {trp.site}", trp.id)
        two_sided = muscle.bilateral
        self.right.setVisible(two_sided)
        self.left.setVisible(two_sided)
        self.pages.setCurrentIndex(1)
        self.setFocus()

    def event(self, event: QEvent) -> bool:
        # R and L choose the side here, not the body map's window shortcuts (R toggles
        # the reference overlay there): claim them before the shortcut map sees them.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self.pages.currentIndex() == 1
            and event.key() in (Qt.Key.Key_R, Qt.Key.Key_L)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.pages.currentIndex() == 1:
                self.pages.setCurrentIndex(0)
                self.query.setFocus()
            else:
                self.hide()
                self.cancelled.emit()
            return
        if self.pages.currentIndex() == 1:
            if key == Qt.Key.Key_R:
                self.right.setChecked(True)
                return
            if key == Qt.Key.Key_L:
                self.left.setChecked(True)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._muscle is not None:
                side = "right" if self.right.isChecked() else "left"
                if not self._muscle.bilateral:
                    side = "midline"
                self.hide()
                trp = str(self.trigger_point.currentData() or "")
                self.chosen.emit(self._muscle.id, side, trp)
                return
        super().keyPressEvent(event)
