"""The command line: outputs, JSON shapes, and one clear line for every error."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from needlemap.anatomy import load_atlas
from needlemap.cli import main
from needlemap.domain.point import PointSettings
from needlemap.services import open_clinic
from tests.conftest import PYTHON
from tests.support.charting import mark as chart
from tests.support.marks import spot


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "needlemap", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def populated(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.sqlite3"
    with open_clinic(f"sqlite:///{path}") as clinic:
        pt = clinic.practitioners.add("Sven Ødegaard", "Physiotherapist")
        zoe = clinic.patients.create(
            given_names="Zoë",
            family_name="Łukasiewicz",
            birth_date="1980-02-29",
            identifiers=[("MRN", "771")],
        )
        clinic.patients.record_screening(zoe.id, findings={"diabetes": True, "epilepsy": False})
        clinic.patients.create(given_names="Дмитрий", family_name="Иванов", birth_date="1975-11-02")
        session = clinic.sessions.start(zoe.id, practitioner_id=pt.id, nprs_before=6)
        clinic.sessions.record_consent(
            session.id, method="verbal", obtained_by_id=pt.id, text_version="DN-consent 3.1"
        )
        chart(
            clinic,
            session.id,
            "quadratus_lumborum",
            "left",
            settings=PointSettings(needle_length_mm=60, depth_mm=45),
        )
        clinic.sessions.update(session.id, nprs_after=3, needles_inserted=1, needles_removed=1)
        clinic.sessions.record_adverse_event(session.id, type="bruising", severity="mild")
        clinic.sessions.sign(session.id, practitioner_id=pt.id)
    return path


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("NeedleMap ")
    assert main(["--help"]) == 0
    assert "patients" in capsys.readouterr().out


def test_atlas_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["atlas", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"version", "views", "muscles"}
    assert len(data["muscles"]) >= 110
    upper = next(m for m in data["muscles"] if m["id"] == "trapezius_upper")
    assert set(upper) >= {
        "id",
        "name",
        "patient_name",
        "latin",
        "region",
        "layer",
        "bilateral",
        "risk",
        "synonyms",
        "codes",
    }
    assert set(upper["codes"]) == {"uberon", "fma", "snomed"}
    assert upper["bilateral"] is True and "lung_pleura" in upper["risk"]
    anterior = next(v for v in data["views"] if v["id"] == "anterior")
    assert anterior["midline_x"] == anterior["width"] / 2


def test_patients_json(populated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["patients", "--db", str(populated), "--json"]) == 0
    patients = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in patients] == ["Zoë Łukasiewicz", "Дмитрий Иванов"]
    zoe = patients[0]
    assert zoe["birth_date"] == "1980-02-29" and zoe["sessions"] == 1
    assert [f["code"] for f in zoe["screening"]["active"]] == ["diabetes"]
    assert patients[1]["screening"] is None
    assert main(["patients", "--db", str(populated), "--search", "771", "--json"]) == 0
    assert [p["id"] for p in json.loads(capsys.readouterr().out)] == [zoe["id"]]


def test_sessions_json(populated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(populated), "sessions", "--patient", "1", "--json"]) == 0
    sessions = json.loads(capsys.readouterr().out)
    assert len(sessions) == 1
    session = sessions[0]
    assert session["status"] == "signed"
    assert (session["nprs_before"], session["nprs_after"]) == (6, 3)
    assert session["consent"]["method"] == "verbal"
    assert (session["needles_inserted"], session["needles_removed"]) == (1, 1)
    assert [e["type"] for e in session["adverse_events"]] == ["bruising"]
    point = session["points"][0]
    assert point["muscle"] == "quadratus_lumborum"
    assert point["muscle_name"] == "Quadratus lumborum"
    where = spot(load_atlas(), "quadratus_lumborum", "left")
    assert (point["side"], point["view"], point["x"], point["y"]) == (
        "left",
        where["view"],
        where["x"],
        where["y"],
    )
    assert point["depth_mm"] == 45


def test_human_readable_listings(populated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["patients", "--db", str(populated)]) == 0
    out = capsys.readouterr().out
    assert "Łukasiewicz, Zoë" in out and "Diabetes" in out
    assert main(["sessions", "--db", str(populated), "--patient", "1"]) == 0
    assert "Quadratus lumborum" in capsys.readouterr().out


def test_environment_variable_and_urls(populated: Path, cli_env: dict[str, str]) -> None:
    cli_env["NEEDLEMAP_DB"] = str(populated)
    done = run(["patients", "--json"], cli_env)
    assert done.returncode == 0 and len(json.loads(done.stdout)) == 2
    done = run(["patients", "--json", "--db", f"sqlite:///{populated}"], cli_env)
    assert done.returncode == 0 and len(json.loads(done.stdout)) == 2


def test_backup_restore_and_db_commands(
    populated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(populated), "--out", str(copy)]) == 0
    assert main(["db", "check", "--db", str(copy)]) == 0
    assert "ok (schema" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", str(copy)]) == 0
    assert "already up to date" in capsys.readouterr().out
    with open_clinic(f"sqlite:///{populated}") as clinic:
        clinic.patients.create(family_name="Later", birth_date="2000-01-01")
    assert main(["restore", str(copy), "--db", str(populated)]) == 0
    assert "Restored" in capsys.readouterr().out
    with open_clinic(f"sqlite:///{populated}") as clinic:
        assert clinic.patients.count() == 2


def test_db_check_finds_problems(populated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(populated) as connection:
        connection.execute("UPDATE needled_points SET muscle_id = 'unicorn'")
    assert main(["db", "check", "--db", str(populated)]) == 1
    assert "unknown muscle 'unicorn'" in capsys.readouterr().err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("setup", "args", "fragment"),
    [
        ("garbage", ["patients"], "is not a NeedleMap database"),
        ("folder", ["patients"], "is a folder"),
        ("newer", ["sessions", "--patient", "1"], "newer version of NeedleMap"),
        ("fine", ["sessions", "--patient", "42"], "no patient with id 42"),
        ("fine", ["sessions"], "--patient"),
        ("fine", ["sessions", "--patient", "x"], "not a whole number"),
        ("fine", ["frobnicate"], "invalid choice"),
        ("fine", ["backup", "--out", "/nonexistent/dir/x.sqlite3"], "does not exist"),
        ("newer", ["db", "check"], "newer version of NeedleMap"),
        ("newer", ["db", "upgrade"], "newer version of NeedleMap"),
    ],
)
def test_errors_are_one_line_without_traceback(
    populated: Path,
    tmp_path: Path,
    cli_env: dict[str, str],
    setup: str,
    args: list[str],
    fragment: str,
) -> None:
    target = populated
    if setup == "garbage":
        target = tmp_path / "garbage.sqlite3"
        target.write_bytes(b"not a database at all" * 100)
    elif setup == "folder":
        target = tmp_path / "a-folder"
        target.mkdir()
    elif setup == "newer":
        connection = sqlite3.connect(populated)
        with connection:
            connection.execute("UPDATE alembic_version SET version_num = 'ffff_newer'")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
    before = _digest(target) if target.is_file() else None
    done = run([*args, "--db", str(target)], cli_env)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert fragment in lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""
    if before is not None:
        assert _digest(target) == before


def test_atlas_json_agrees_with_the_geometry(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["atlas", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    atlas = load_atlas()
    sizes = {v["id"]: (v["width"], v["height"]) for v in data["views"]}
    assert sizes == {v.id: (v.width, v.height) for v in atlas.views}
    total_marks = 0
    for muscle in data["muscles"]:
        for shape in muscle["shapes"]:
            hits = atlas.muscles_at(shape["view"], *shape["anchor"])
            assert (muscle["id"], shape["side"]) in {(h.muscle_id, h.side) for h in hits}
            x0, y0, x1, y1 = shape["bbox"]
            assert x0 <= shape["anchor"][0] <= x1 and y0 <= shape["anchor"][1] <= y1
        for trp in muscle["trigger_points"]:
            for at in trp["positions"]:
                assert atlas.lies_on(at["view"], at["x"], at["y"], muscle["id"], at["side"])
                total_marks += 1
            assert set(trp["referral_views"]) <= set(sizes)
    assert total_marks >= 400
