"""Entry point of ``needlemap`` and ``python -m needlemap``.

The command line knows nothing of Qt; this module hands it a way to start the GUI, so that the
layers stay apart and a command such as ``needlemap patients`` never imports PySide6.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from needlemap.cli import QtTools
from needlemap.cli import main as cli_main
from needlemap.config import DatabaseLocation


def _launch_gui(location: DatabaseLocation) -> int:
    from needlemap.app import run  # noqa: PLC0415 - Qt is loaded only for the GUI

    return run(location)


def _render_atlas(directory: Path, views: list[str] | None) -> list[Path]:
    from needlemap.anatomy import load_atlas  # noqa: PLC0415
    from needlemap.ui.atlas_render import render_views  # noqa: PLC0415 - Qt only when asked

    return render_views(load_atlas(), directory, views)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, launch_gui=_launch_gui, qt_tools=QtTools(render_atlas=_render_atlas))


if __name__ == "__main__":
    sys.exit(main())
