"""``needlemap progress``: the progress report written owner-only; bad input is one line."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from needlemap.cli import main
from needlemap.services import open_clinic
from tests.conftest import PYTHON
from tests.unit.report.test_progress_report import chart_course


@pytest.fixture(scope="module")
def course_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("progress") / "clinic.sqlite3"
    with open_clinic(f"sqlite:///{path}") as clinic:
        patient_id = chart_course(clinic)
    return path, patient_id


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_writes_the_report_owner_only(
    course_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, patient = course_db
    out = tmp_path / "progress.pdf"
    assert main(["progress", str(patient), "--db", str(db), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    text = _text(out)
    assert "Progress report" in text and "Zoë Łukasiewicz" in text
    assert "went down from 7 to 3 out of 10 over 11 sessions" in text
    assert not list(tmp_path.glob(".*.partial"))


def test_period_options_are_inclusive_days(course_db: tuple[Path, int], tmp_path: Path) -> None:
    db, patient = course_db
    out = tmp_path / "spring.pdf"
    args = ["progress", str(patient), "--db", str(db), "--out", str(out)]
    assert main([*args, "--from", "2025-03-17", "--to", "2025-04-14"]) == 0
    text = _text(out)
    assert "17 Mar 2025 to 14 Apr 2025" in text
    assert "went down from 4 to 3 out of 10 over 3 sessions" in text
    assert "Mon 14 Apr 2025" in text and "Mon 6 Jan 2025" not in text
    assert main([*args, "--from", "2025-04-15"]) == 0
    assert "Sessions from 15 Apr 2025" in _text(out)


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--from", "2025-13-01"], "--from '2025-13-01' is not a date"),
        (["--to", "yesterday"], "--to 'yesterday' is not a date"),
        (["--from", "2025-04-01", "--to", "2025-03-01"], "after it ends"),
        (["--patient-typo"], "unrecognized arguments"),
    ],
)
def test_bad_input_is_one_line_without_traceback(
    course_db: tuple[Path, int],
    tmp_path: Path,
    cli_env: dict[str, str],
    extra: list[str],
    fragment: str,
) -> None:
    db, patient = course_db
    out = tmp_path / "report.pdf"
    command = ["progress", str(patient), "--db", str(db), "--out", str(out), *extra]
    done = subprocess.run(
        [PYTHON, "-m", "needlemap", *command],
        capture_output=True,
        text=True,
        env=cli_env,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert fragment in lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not out.exists()


def test_refusals_in_process(
    course_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, patient = course_db
    for args, fragment in (
        (["progress", "9999", "--out", str(tmp_path / "x.pdf")], "no patient with id 9999"),
        (["progress", str(patient), "--out", str(tmp_path / "x.txt")], "should end in .pdf"),
        (
            ["progress", str(patient), "--out", str(tmp_path / "missing" / "x.pdf")],
            "does not exist",
        ),
    ):
        assert main([*args, "--db", str(db)]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and fragment in err[0], err
    assert not list(tmp_path.glob("*.pdf"))
