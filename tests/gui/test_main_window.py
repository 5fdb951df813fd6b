"""The main window and its patient list, driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from needlemap import app
from needlemap.config import location_from
from needlemap.services import Clinic
from needlemap.ui.patients.list_model import PAGE_SIZE, PatientListModel


def _names(model: PatientListModel) -> list[str]:
    return [model.index(r, PatientListModel.NAME).data() for r in range(model.rowCount())]


def test_window_is_titled_and_lists_patients_from_the_store(make_window, clinic: Clinic) -> None:
    clinic.patients.create(given_names="Zoë", family_name="Łukasiewicz", birth_date="1980-02-29")
    clinic.patients.create(given_names="Σοφία", family_name="Παπαδοπούλου", birth_date="1985-07-14")
    window = make_window(clinic)
    assert window.windowTitle() == "NeedleMap"
    model = window.patient_list.model
    assert _names(model) == ["Łukasiewicz, Zoë", "Παπαδοπούλου, Σοφία"]
    assert model.index(0, PatientListModel.BORN).data() == "29 Feb 1980"
    assert window.patient_list.count_label.text() == "2 patients"
    assert str(clinic.database.path) in window.location_label.text()


def test_type_ahead_search(make_window, clinic: Clinic, qtbot) -> None:
    clinic.patients.create(given_names="Anna", family_name="Nowak", birth_date="1990-01-01")
    clinic.patients.create(
        given_names="Jan",
        family_name="Nováček",
        birth_date="1961-02-03",
        identifiers=[("MRN", "Q-881")],
    )
    clinic.patients.create(given_names="Дмитрий", family_name="Иванов", birth_date="1975-11-02")
    window = make_window(clinic)
    panel = window.patient_list
    model = panel.model
    qtbot.keyClicks(panel.search, "nova")
    qtbot.waitUntil(lambda: _names(model) == ["Nováček, Jan"])
    panel.search.clear()
    qtbot.keyClicks(panel.search, "q-88")
    qtbot.waitUntil(lambda: _names(model) == ["Nováček, Jan"])
    panel.search.clear()
    qtbot.keyClicks(panel.search, "02.11.1975")
    qtbot.waitUntil(lambda: _names(model) == ["Иванов, Дмитрий"])
    panel.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert panel.count_label.text() == "3 patients"


def test_enter_opens_the_first_match(make_window, clinic: Clinic, qtbot) -> None:
    patient = clinic.patients.create(family_name="Gonçalves", birth_date="1970-01-01")
    window = make_window(clinic)
    panel = window.patient_list
    qtbot.keyClicks(panel.search, "gonc")
    with qtbot.waitSignal(panel.patient_activated, timeout=2000) as blocker:
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert blocker.args == [patient.id]


def test_large_lists_load_lazily(make_window, clinic: Clinic, qtbot) -> None:
    for index in range(PAGE_SIZE + 50):
        clinic.patients.create(family_name=f"Patient {index:04d}", birth_date="1970-01-01")
    window = make_window(clinic)
    model = window.patient_list.model
    assert model.total == PAGE_SIZE + 50
    assert model.rowCount() == PAGE_SIZE
    window.patient_list.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE + 50)
    assert _names(model)[-1] == f"Patient {PAGE_SIZE + 49:04d}"


def test_model_contract(qtmodeltester, clinic: Clinic) -> None:
    for name in ("B", "A", "C"):
        clinic.patients.create(family_name=name, birth_date="1970-01-01")
    model = PatientListModel(clinic.patients)
    model.set_query("")
    qtmodeltester.check(model)


def test_window_geometry_is_restored(make_window, clinic: Clinic) -> None:
    first = make_window(clinic)
    first.resize(1111, 777)
    first.close()
    second = make_window(clinic)
    assert (second.width(), second.height()) == (1111, 777)


def test_a_damaged_database_is_refused_with_a_message_and_left_alone(
    qapp, tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "clinic.sqlite3"
    path.write_bytes(b"this is not a clinic database\n" * 400)
    before = path.read_bytes()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        app.QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text))
    )
    assert app.run(location_from(str(path), "--db")) == 1
    ((title, text),) = shown
    assert "cannot open the database" in title
    assert "damaged" in text.lower() or "not a" in text.lower(), text
    assert path.read_bytes() == before
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]
