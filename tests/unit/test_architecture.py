"""The layering and house style, enforced: import-linter contracts, a Qt-free core, ruff."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import needlemap

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    candidate = BIN / name
    return str(candidate) if candidate.exists() else name


def test_import_contracts_hold() -> None:
    done = subprocess.run(
        [_tool("lint-imports")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_core_imports_without_qt() -> None:
    """Every module outside ui/ and app.py loads with PySide6 made unimportable."""
    modules = [
        info.name
        for info in pkgutil.walk_packages(needlemap.__path__, "needlemap.")
        if not info.name.startswith(("needlemap.ui", "needlemap.app"))
        and ".migrations" not in info.name
    ]
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, *a):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(len(sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(modules) > 30


def test_the_window_frame_loads_without_the_database_or_pdf_layers() -> None:
    """The app shows its window before SQLAlchemy, Alembic, reportlab or PDFium load: a UI
    module importing them at module level would slow every start by most of a second."""
    code = (
        "import sys\n"
        "import needlemap.app, needlemap.ui.main_window\n"
        "heavy = ('sqlalchemy', 'alembic', 'reportlab', 'pypdfium2', 'svgelements')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "[]"


def test_ruff_lint_and_format_are_clean() -> None:
    for args in (["check", "."], ["format", "--check", "."]):
        done = subprocess.run(
            [_tool("ruff"), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout[-3000:]


def test_readme_quick_start_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [block.split("\n", 1)[1] for block in quick_start.split("```")[1::2]]
    commands = [
        line.strip()
        for block in blocks
        for line in block.strip().splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    assert len(commands) == 2, commands
    assert readme.lstrip().startswith("# NeedleMap")
    assert commands[1] in ci
