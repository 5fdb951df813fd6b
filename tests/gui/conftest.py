"""Fixtures for GUI tests: settings in a throwaway file, a main window over a fresh clinic."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from needlemap.services import Clinic, open_clinic
from needlemap.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings: QSettings) -> Iterator[Callable[[Clinic], MainWindow]]:
    windows: list[MainWindow] = []

    def make(clinic: Clinic) -> MainWindow:
        window = MainWindow(clinic, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def reopen(db_url: str, tmp_path: Path) -> Iterator[Callable[[], Clinic]]:
    """Open the same database again, as a fresh start of the app would."""
    opened: list[Clinic] = []

    def again() -> Clinic:
        clinic = open_clinic(db_url, backup_dir=tmp_path / "backups")
        opened.append(clinic)
        return clinic

    yield again
    for clinic in opened:
        clinic.close()


@pytest.fixture
def practitioner_id(clinic: Clinic, settings: QSettings) -> int:
    """The practitioner at the keyboard, remembered as the app remembers them."""
    practitioner = clinic.practitioners.add("Maria Gonçalves", "Physiotherapist")
    settings.setValue("practitioner/id", practitioner.id)
    return practitioner.id
