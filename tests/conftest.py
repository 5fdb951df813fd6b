"""Test configuration shared by every suite.

Qt runs offscreen; every per-user folder (data, logs, settings) points into a throwaway
directory, so a test run never touches the developer's real clinic data or settings.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

_SANDBOX = Path(tempfile.mkdtemp(prefix="needlemap-tests-"))
# Offscreen Qt with one 1920×1200 screen at 96 dpi (the default 800×600 would clamp windows).
_SCREEN = _SANDBOX / "offscreen.json"
_SCREEN.write_text(
    json.dumps(
        {
            "screens": [
                {
                    "name": "TestScreen",
                    "x": 0,
                    "y": 0,
                    "width": 1920,
                    "height": 1200,
                    "logicalDpi": 96,
                    "logicalBaseDpi": 96,
                    "dpr": 1,
                }
            ]
        }
    )
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ["NEEDLEMAP_NO_CRASH_DIALOG"] = "1"
for _name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_SANDBOX / _name.lower())
os.environ.pop("NEEDLEMAP_DB", None)

import pytest  # noqa: E402

from needlemap.services import Clinic, open_clinic  # noqa: E402
from tests.support import postgres  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui" in item.nodeid.replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "clinic.sqlite3"


@pytest.fixture
def db_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture
def clinic(db_url: str, tmp_path: Path) -> Iterator[Clinic]:
    opened = open_clinic(db_url, backup_dir=tmp_path / "backups")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[postgres.Server]:
    server = postgres.start_throwaway()
    if server is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is required in CI (.ci/run installs it) but did not start")
        pytest.skip("PostgreSQL server binaries are not installed")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def any_clinic(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Clinic]:
    """The same tests on the embedded default and on a clinic's PostgreSQL server."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    else:
        server: postgres.Server = request.getfixturevalue("postgres_server")
        url = server.fresh_database()
    opened = open_clinic(url, backup_dir=tmp_path / "backups")
    yield opened
    opened.close()


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for a ``needlemap`` subprocess: its own per-user folders."""
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    env.pop("NEEDLEMAP_DB", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


PYTHON = sys.executable
